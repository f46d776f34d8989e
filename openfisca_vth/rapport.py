"""The status of every omgevingsdienst in one month: dataset x tax-benefit system x period.

``bereken_status`` runs one OpenFisca simulation of the dataset's month and gathers, per
omgevingsdienst, whether it is robuust, which applicable robuustheidscriteria it does not meet,
whether the staatssecretaris could intervene, and which deelnemers fall short (basistaken not
brought in, no mandate, no regional strategy). The command line (``openfisca-vth status``), the
compare command and other tools format this one result; no rule is evaluated here, only read
from the variables and the parameters.
"""

# mypy: check-untyped-defs

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy
import numpy.typing

from openfisca_vth.enums import InterbestuurlijkToezichthouder, SevesoPlaatsing
from openfisca_vth.metadata import blad as parameterblad
from openfisca_vth.metadata import waarde_in_werking
from openfisca_vth.periode import geldende_regels, maand, peildatum
from openfisca_vth.robuustheidscriteria import ROBUUSTHEIDSCRITERIA, geldende_criteria
from openfisca_vth.taakcategorieen import TAAKCATEGORIEEN, seveso_grondslag, uitsluitend_seveso

if TYPE_CHECKING:
    from openfisca_core.parameters import ParameterNode
    from openfisca_core.periods import Instant, Period
    from openfisca_core.simulations import Simulation
    from openfisca_core.taxbenefitsystems import TaxBenefitSystem

    from openfisca_vth.dataset import Dataset

# Booleans per dienst or deelnemer: a sequence or a numpy array.
Waarheden = Sequence[bool] | numpy.typing.NDArray[Any]

STAATSSECRETARIS = "de staatssecretaris van IenW (als minister die het aangaat)"


@dataclass(frozen=True)
class Optreden:
    """Who can act against a deelnemer that falls short, under which article, and how."""

    wie: str
    grondslag: str  # the citation text of the parameter that holds the rule
    url: str
    hoe: str
    nu_bevoegd: bool  # may act now (False: only after a further step, e.g. Gemeentewet 124a)
    vanaf: str = ""  # the date from which the rule holds (the value in force of its parameter)
    status: str = ""  # the legal status of that value
    onderwerp: str = "inbreng"  # "inbreng" (the basistakenpakket) or "criteria" (a statutory criterion)

    def naar_dict(self) -> dict[str, Any]:
        """The JSON shape of this entry of ``wie_kan_optreden``."""
        return {
            "wie": self.wie,
            "grondslag": self.grondslag,
            "url": self.url,
            "hoe": self.hoe,
            "nu_bevoegd": self.nu_bevoegd,
            "vanaf": self.vanaf,
            "status": self.status,
            "onderwerp": self.onderwerp,
        }

    def als_tekst(self) -> str:
        """One Dutch line: who, on which article, and how (noting a bill and its date)."""
        artikel = self.grondslag.split(" (")[0]
        tekst = f"{self.wie} op grond van {artikel}"
        if self.status == "wetsvoorstel":
            tekst += f" (wetsvoorstel, vanaf {self.vanaf})"
        return f"{tekst}: {self.hoe}"


@dataclass(frozen=True)
class Regel:
    """A rule (parameter) a report relied on, as it held on the peildatum."""

    parameter: str
    waarde: object
    status: str
    bronnen: tuple[dict[str, Any], ...]  # {tekst, url} dicts

    def naar_dict(self) -> dict[str, Any]:
        """The JSON shape of this rule (``regels`` of a report)."""
        return {
            "parameter": self.parameter,
            "waarde": self.waarde,
            "status": self.status,
            "bronnen": list(self.bronnen),
        }


def gelezen_parameters(simulatie: Simulation) -> set[str]:
    """The names of the parameters the traced ``simulatie`` read (from OpenFisca's trace; empty if it was
    not traced)."""
    namen: set[str] = set()
    stapel = list(simulatie.tracer.trees)
    while stapel:
        knoop = stapel.pop()
        namen |= {p.name.lstrip(".") for p in knoop.parameters}
        stapel += knoop.children
    return namen


def gelezen_regels(simulatie: Simulation, parameters: ParameterNode, dag: Instant) -> tuple[Regel, ...]:
    """The parameters the traced ``simulatie`` read, with value, status and sources on ``dag``, by name.

    ``parameters`` is the tree of the system that ran it, in which every name read exists.
    """
    regels = []
    for naam in sorted(gelezen_parameters(simulatie)):
        parameter = parameterblad(parameters, naam)
        assert parameter is not None  # read by the simulation, so in the tree
        waarde = waarde_in_werking(parameter, dag)
        assert waarde is not None  # read on ``dag``, so in force then
        regels.append(
            Regel(naam, waarde.value, waarde.metadata.get("status", ""), tuple(waarde.metadata.get("reference", [])))
        )
    return tuple(regels)


@dataclass(frozen=True)
class Keuze:
    """One assumption of a reform (its own parameter), as it holds."""

    parameter: str
    waarde: object
    status: str
    omschrijving: str

    def naar_dict(self) -> dict[str, Any]:
        """The JSON shape of this choice (``hervorming_keuzes`` of a report)."""
        return {
            "parameter": self.parameter,
            "waarde": self.waarde,
            "status": self.status,
            "omschrijving": self.omschrijving,
        }


def keuzes_van_hervorming(tax_benefit_system: TaxBenefitSystem) -> tuple[Keuze, ...]:
    """The own parameters of the Python reforms that built ``tax_benefit_system`` (their design choices),
    with their newest value, sorted by name; empty for current law."""
    from openfisca_vth.metadata import bladeren
    from openfisca_vth.reforms import PYTHON_HERVORMINGEN

    keuzes = []
    for naam in PYTHON_HERVORMINGEN:
        if naam in tax_benefit_system.parameters.children:
            for blad in bladeren(tax_benefit_system.parameters.children[naam]):
                waarde = blad.values_list[0]
                keuzes.append(Keuze(blad.name, waarde.value, waarde.metadata.get("status", ""), blad.description))
    return tuple(sorted(keuzes, key=lambda k: k.parameter))


@dataclass(frozen=True)
class DeelnemerStatus:
    """One deelnemer in a month: the basistaken it does not bring in, its mandate and strategy, who
    supervises it and who can act when it falls short."""

    id: str
    naam: str
    soort: str
    ontbrekende_basistaken: tuple[str, ...]
    mandaat_verleend: bool
    regionale_strategie_vastgesteld: bool
    interbestuurlijk_toezichthouder: str
    interbestuurlijk_toezicht_mogelijk: bool
    inbreng_basistakenpakket_afdwingbaar: bool
    provincie: str = ""
    aangewezen_seveso_omgevingsdienst: str = ""
    # The ignore on an Enum member's .name (three in this module): openfisca_core.types, the base of
    # openfisca-core's Enum, ships no types, so mypy sees no enum and reads a member as its str label
    plaatsing_seveso_taken: str = SevesoPlaatsing.geen_aanwijzing.name  # type: ignore[attr-defined]
    seveso_taken_ondergebracht_bij: str = ""
    wie_kan_optreden: tuple[Optreden, ...] = ()  # when the deelnemer falls short of a statutory duty
    bijsturingsbevoegdheid_jegens_deelnemer: bool = False
    interbestuurlijk_toezicht_op_criteria_mogelijk: bool = False

    def naar_dict(self) -> dict[str, Any]:
        """The JSON shape of this deelnemer."""
        return {
            "id": self.id,
            "naam": self.naam,
            "soort": self.soort,
            "ontbrekende_basistaken": list(self.ontbrekende_basistaken),
            "mandaat_verleend": self.mandaat_verleend,
            "regionale_strategie_vastgesteld": self.regionale_strategie_vastgesteld,
            "interbestuurlijk_toezichthouder": self.interbestuurlijk_toezichthouder,
            "interbestuurlijk_toezicht_mogelijk": self.interbestuurlijk_toezicht_mogelijk,
            "inbreng_basistakenpakket_afdwingbaar": self.inbreng_basistakenpakket_afdwingbaar,
            "provincie": self.provincie,
            "seveso": {
                "aangewezen_omgevingsdienst": self.aangewezen_seveso_omgevingsdienst,
                "plaatsing": self.plaatsing_seveso_taken,
                "ondergebracht_bij": self.seveso_taken_ondergebracht_bij,
            },
            "wie_kan_optreden": [o.naar_dict() for o in self.wie_kan_optreden],
            "bijsturingsbevoegdheid_jegens_deelnemer": self.bijsturingsbevoegdheid_jegens_deelnemer,
            "interbestuurlijk_toezicht_op_criteria_mogelijk": self.interbestuurlijk_toezicht_op_criteria_mogelijk,
        }


@dataclass(frozen=True)
class DienstStatus:
    """One omgevingsdienst in a month: robuust or not, the criteria it fails, whether the State
    Secretary could steer, and its deelnemers."""

    code: str
    naam: str
    robuust: bool
    niet_voldane_criteria: tuple[str, ...]
    bijsturingsbevoegdheid_staatssecretaris: bool
    robuustheidstermijn_verstreken: bool
    is_seveso_omgevingsdienst: bool
    fte_formatie: float
    deelnemers: tuple[DeelnemerStatus, ...]  # every deelnemer of the dienst, simulation order
    werkgebied_in_strijd_met_wet: bool = False

    @property
    def deelnemers_met_ontbrekende_basistaken(self) -> tuple[DeelnemerStatus, ...]:
        """The deelnemers that do not bring in every basistaak."""
        return tuple(d for d in self.deelnemers if d.ontbrekende_basistaken)

    @property
    def deelnemers_aanspreekbaar_op_criteria(self) -> tuple[DeelnemerStatus, ...]:
        """The deelnemers someone can act against for a statutory criterion the dienst fails."""
        return tuple(d for d in self.deelnemers if any(o.onderwerp == "criteria" for o in d.wie_kan_optreden))

    @property
    def deelnemers_met_bijsturing(self) -> tuple[DeelnemerStatus, ...]:
        """The deelnemers the State Secretary could steer."""
        return tuple(d for d in self.deelnemers if d.bijsturingsbevoegdheid_jegens_deelnemer)

    @property
    def deelnemers_zonder_mandaat(self) -> tuple[DeelnemerStatus, ...]:
        """The deelnemers that have not granted the mandate."""
        return tuple(d for d in self.deelnemers if not d.mandaat_verleend)

    @property
    def deelnemers_zonder_regionale_strategie(self) -> tuple[DeelnemerStatus, ...]:
        """The deelnemers without an adopted regional strategy."""
        return tuple(d for d in self.deelnemers if not d.regionale_strategie_vastgesteld)

    def naar_dict(self) -> dict[str, Any]:
        """The JSON shape of this dienst (the deelnemers summarised)."""
        return {
            "code": self.code,
            "naam": self.naam,
            "robuust": self.robuust,
            "niet_voldane_criteria": list(self.niet_voldane_criteria),
            "bijsturingsbevoegdheid_staatssecretaris": self.bijsturingsbevoegdheid_staatssecretaris,
            "robuustheidstermijn_verstreken": self.robuustheidstermijn_verstreken,
            "is_seveso_omgevingsdienst": self.is_seveso_omgevingsdienst,
            "fte_formatie": self.fte_formatie,
            "werkgebied_in_strijd_met_wet": self.werkgebied_in_strijd_met_wet,
            "aantal_deelnemers": len(self.deelnemers),
            # every field of the deelnemers the report shows a line for (the table's two groups)
            "deelnemers_met_ontbrekende_basistaken": [
                d.naar_dict() for d in self.deelnemers_met_ontbrekende_basistaken
            ],
            "deelnemers_aanspreekbaar_op_criteria": [d.naar_dict() for d in self.deelnemers_aanspreekbaar_op_criteria],
            "deelnemers_met_bijsturing": [d.id for d in self.deelnemers_met_bijsturing],
            "deelnemers_zonder_mandaat": [d.id for d in self.deelnemers_zonder_mandaat],
            "deelnemers_zonder_regionale_strategie": [d.id for d in self.deelnemers_zonder_regionale_strategie],
        }


def tel_totalen(
    robuust: Waarheden,
    bijsturing: Waarheden,
    werkgebied: Waarheden,
    niet_voldaan: Mapping[str, Waarheden],
    ontbrekend: Waarheden,
    jegens_deelnemer: Waarheden,
) -> dict[str, Any]:
    """The totals of one month, the one place that counts them (``status`` and the sweeps alike).

    Per dienst: ``robuust``, ``bijsturing`` (the State Secretary could steer), ``werkgebied`` (in
    breach of Ow 18.21 lid 3) and ``niet_voldaan`` ({criterion code: not met}, for the criteria that
    count; a criterion left out counts 0). Per deelnemer: ``ontbrekend`` (misses a basistaak) and
    ``jegens_deelnemer`` (the State Secretary could steer it). Sequences of booleans or numpy arrays.
    Returns {total: count} (``niet_voldaan_per_criterium`` a {criterion code: count} dict).
    """

    def rij(waarden: Waarheden) -> numpy.ndarray:
        return numpy.asarray(waarden, dtype=bool).reshape(1, -1)

    (totalen,) = tel_totalen_per_kopie(
        rij(robuust),
        rij(bijsturing),
        rij(werkgebied),
        {code: rij(w) for code, w in niet_voldaan.items()},
        rij(ontbrekend),
        rij(jegens_deelnemer),
    )
    return totalen


def tel_totalen_per_kopie(
    robuust: numpy.ndarray,
    bijsturing: numpy.ndarray,
    werkgebied: numpy.ndarray,
    niet_voldaan: Mapping[str, numpy.ndarray],
    ontbrekend: numpy.ndarray,
    jegens_deelnemer: numpy.ndarray,
) -> list[dict[str, Any]]:
    """:func:`tel_totalen` for the copies of a stacked simulation at once: each argument a 2-D boolean
    array with one row per copy (a criterion missing from ``niet_voldaan`` counts 0). One dict of
    totals per copy, in order."""
    kopieen = robuust.shape[0]

    def aantal(waarden: numpy.ndarray) -> list[int]:
        return numpy.count_nonzero(waarden, axis=1).tolist()

    nul = [0] * kopieen
    kolommen = {
        "robuust": aantal(robuust),
        "niet_robuust": aantal(~robuust),
        "bijsturingsbevoegdheid_staatssecretaris": aantal(bijsturing),
        "deelnemers_met_ontbrekende_basistaken": aantal(ontbrekend),
        "werkgebied_in_strijd_met_wet": aantal(werkgebied),
        "bijsturingsbevoegdheid_jegens_deelnemer": aantal(jegens_deelnemer),
    }
    per_criterium = {
        c.code: aantal(niet_voldaan[c.code]) if c.code in niet_voldaan else nul for c in ROBUUSTHEIDSCRITERIA
    }
    return [
        {
            "omgevingsdiensten": robuust.shape[1],
            "robuust": kolommen["robuust"][k],
            "niet_robuust": kolommen["niet_robuust"][k],
            "bijsturingsbevoegdheid_staatssecretaris": kolommen["bijsturingsbevoegdheid_staatssecretaris"][k],
            "deelnemers": ontbrekend.shape[1],
            "deelnemers_met_ontbrekende_basistaken": kolommen["deelnemers_met_ontbrekende_basistaken"][k],
            "werkgebied_in_strijd_met_wet": kolommen["werkgebied_in_strijd_met_wet"][k],
            "bijsturingsbevoegdheid_jegens_deelnemer": kolommen["bijsturingsbevoegdheid_jegens_deelnemer"][k],
            "niet_voldaan_per_criterium": {code: tellingen[k] for code, tellingen in per_criterium.items()},
        }
        for k in range(kopieen)
    ]


@dataclass(frozen=True)
class Statusrapport:
    """The status of every omgevingsdienst of a dataset in one month (see :func:`bereken_status`)."""

    periode: str
    hervorming: str | None
    dataset: str
    dataset_bron: str
    illustratief: bool
    toelichting: str
    omgevingsdiensten: tuple[DienstStatus, ...]
    geldende_criteria: tuple[str, ...] = ()  # codes of the criteria that count for robuust in this month
    keuzes: tuple[Keuze, ...] = ()  # the assumptions of the reform, with their status
    regels: tuple[Regel, ...] = ()  # the parameters the calculation read (when asked for, met_regels=True)
    seveso_categorieen: tuple[str, ...] = ()  # the task categories reserved to the designated Seveso dienst then
    seveso_grondslag: str = ""  # the article that reservation rests on then (taakcategorieen.seveso_grondslag)

    @property
    def totalen(self) -> dict[str, Any]:
        """The totals of the month (see :func:`tel_totalen`)."""
        diensten = self.omgevingsdiensten
        deelnemers = [x for d in diensten for x in d.deelnemers]
        return tel_totalen(
            robuust=[d.robuust for d in diensten],
            bijsturing=[d.bijsturingsbevoegdheid_staatssecretaris for d in diensten],
            werkgebied=[d.werkgebied_in_strijd_met_wet for d in diensten],
            niet_voldaan={c.code: [c.code in d.niet_voldane_criteria for d in diensten] for c in ROBUUSTHEIDSCRITERIA},
            ontbrekend=[bool(x.ontbrekende_basistaken) for x in deelnemers],
            jegens_deelnemer=[x.bijsturingsbevoegdheid_jegens_deelnemer for x in deelnemers],
        )

    def naar_dict(self) -> dict[str, Any]:
        """The JSON shape of the report (docs/json-schema.md)."""
        return {
            "periode": self.periode,
            "hervorming": self.hervorming,
            # the keys of version 0.1, kept readable for one release (CHANGELOG)
            "period": self.periode,
            "reform": self.hervorming,
            "dataset": {"naam": self.dataset, "bron": self.dataset_bron},
            "illustratief": self.illustratief,
            "toelichting": self.toelichting,
            "geldende_criteria": list(self.geldende_criteria),
            "seveso_categorieen": list(self.seveso_categorieen),
            "hervorming_keuzes": [k.naar_dict() for k in self.keuzes],
            "regels": [r.naar_dict() for r in self.regels],
            "omgevingsdiensten": [d.naar_dict() for d in self.omgevingsdiensten],
            "totalen": self.totalen,
        }


def bereken_status(
    dataset: Dataset,
    tax_benefit_system: TaxBenefitSystem,
    periode: str | Period,
    hervorming: str | None = None,
    met_regels: bool = False,
) -> Statusrapport:
    """The :class:`Statusrapport` of ``dataset`` in month ``periode`` (``JJJJ-MM`` or a period) under
    ``tax_benefit_system``.

    ``hervorming`` is only a label (the name or file of the reform that built the system). With
    ``met_regels`` the calculation is traced and the report lists every rule (parameter) it read,
    with its value, status and sources, for the memo formats. Raises
    :class:`~openfisca_vth.errors.OngeldigePeriode` or ``PeriodeBuitenDekking`` for a bad month and
    :class:`~openfisca_vth.dataset.DatasetFout` (``DatasetBuitenDekking``) for a month the dataset
    does not cover.
    """
    periode = maand(periode)
    simulatie = dataset.simulatie(tax_benefit_system, periode)
    simulatie.trace = met_regels
    diensten = dataset.omgevingsdiensten(periode)
    deelnemers = dataset.deelnemers(periode)

    def bereken(variabele: str) -> Any:
        return simulatie.calculate(variabele, periode)

    regels_in_werking = geldende_regels(tax_benefit_system.parameters, periode)
    geldend = geldende_criteria(regels_in_werking)
    voldaan = {c.code: bereken(c.variabele) for c in geldend}
    ontbreekt = {c.code: bereken(f"basistaak_ontbreekt_{c.code}") for c in TAAKCATEGORIEEN}
    mandaat = bereken("mandaat_verleend")
    strategie = bereken("regionale_strategie_vastgesteld")
    toezichthouder = bereken("interbestuurlijk_toezichthouder").decode_to_str()
    toezicht_mogelijk = bereken("interbestuurlijk_toezicht_mogelijk")
    afdwingbaar = bereken("inbreng_basistakenpakket_afdwingbaar")
    overgegaan = bereken("bevoegdheid_124_overgegaan_op_minister")
    aangewezen = bereken("aangewezen_seveso_omgevingsdienst")
    plaatsing = bereken("plaatsing_seveso_taken").decode_to_str()
    ondergebracht = bereken("seveso_taken_ondergebracht_bij")
    jegens_deelnemer = bereken("bijsturingsbevoegdheid_jegens_deelnemer")
    toezicht_criteria = bereken("interbestuurlijk_toezicht_op_criteria_mogelijk")
    optreden = _Optreden(tax_benefit_system.parameters, periode)

    per_dienst: dict[str, list[DeelnemerStatus]] = {}
    for i, d in enumerate(deelnemers):
        ontbrekend = tuple(c for c, waarden in ontbreekt.items() if waarden[i])
        per_dienst.setdefault(d.omgevingsdienst_code, []).append(
            DeelnemerStatus(
                id=d.id,
                naam=d.naam,
                soort=d.soort,
                ontbrekende_basistaken=ontbrekend,
                mandaat_verleend=bool(mandaat[i]),
                regionale_strategie_vastgesteld=bool(strategie[i]),
                interbestuurlijk_toezichthouder=str(toezichthouder[i]),
                interbestuurlijk_toezicht_mogelijk=bool(toezicht_mogelijk[i]),
                inbreng_basistakenpakket_afdwingbaar=bool(afdwingbaar[i]),
                provincie=d.provincie,
                aangewezen_seveso_omgevingsdienst=str(aangewezen[i]),
                plaatsing_seveso_taken=str(plaatsing[i]),
                seveso_taken_ondergebracht_bij=str(ondergebracht[i]),
                wie_kan_optreden=optreden(
                    d,
                    str(toezichthouder[i]),
                    overgegaan=bool(overgegaan[i]),
                    basistaken=bool(ontbrekend),
                    bijsturing=bool(jegens_deelnemer[i]),
                    criteria=bool(toezicht_criteria[i]),
                ),
                bijsturingsbevoegdheid_jegens_deelnemer=bool(jegens_deelnemer[i]),
                interbestuurlijk_toezicht_op_criteria_mogelijk=bool(toezicht_criteria[i]),
            )
        )

    robuust = bereken("robuust")
    bijsturing = bereken("bijsturingsbevoegdheid_staatssecretaris")
    termijn = bereken("robuustheidstermijn_verstreken")
    seveso = bereken("is_seveso_omgevingsdienst")
    fte = bereken("fte_formatie")
    werkgebied = bereken("werkgebied_in_strijd_met_wet")
    statussen = tuple(
        DienstStatus(
            code=d.code,
            naam=d.naam,
            robuust=bool(robuust[j]),
            niet_voldane_criteria=tuple(c for c, waarden in voldaan.items() if not waarden[j]),
            bijsturingsbevoegdheid_staatssecretaris=bool(bijsturing[j]),
            robuustheidstermijn_verstreken=bool(termijn[j]),
            is_seveso_omgevingsdienst=bool(seveso[j]),
            fte_formatie=float(fte[j]),
            deelnemers=tuple(per_dienst[d.code]),
            werkgebied_in_strijd_met_wet=bool(werkgebied[j]),
        )
        for j, d in enumerate(diensten)
    )
    return Statusrapport(
        periode=str(periode),
        hervorming=hervorming,
        dataset=dataset.naam,
        dataset_bron=dataset.bron,
        illustratief=dataset.illustratief,
        toelichting=dataset.toelichting,
        omgevingsdiensten=statussen,
        geldende_criteria=tuple(c.code for c in geldend),
        seveso_categorieen=uitsluitend_seveso(regels_in_werking),
        seveso_grondslag=seveso_grondslag(tax_benefit_system.parameters, peildatum(periode)),
        keuzes=keuzes_van_hervorming(tax_benefit_system),
        regels=gelezen_regels(simulatie, tax_benefit_system.parameters, peildatum(periode)) if met_regels else (),
    )


class _Optreden:
    """Builds, per deelnemer that falls short, who can act: the rules and their citations come from
    the parameters in force (interbestuurlijk_toezicht, bijsturingsbevoegdheid)."""

    def __init__(self, parameters, periode):
        self.dag = peildatum(periode)
        self.regels = geldende_regels(parameters, periode)
        self.parameters = parameters

    def _indeplaatsstelling(self, wie):
        """How the supervisor acts in the place of ``wie``; after the hersteltermijn when the rule in
        force says so (Gemeentewet 124 lid 2, Provinciewet 121 lid 2: unless urgent)."""
        na_termijn = self.regels.interbestuurlijk_toezicht.uitvoering_pas_na_hersteltermijn
        return f"indeplaatsstelling namens en ten laste van de {wie}" + (
            ", uit te voeren na de hersteltermijn" if na_termijn else ""
        )

    def _optreden(self, wie, parameter, hoe, nu_bevoegd=True, onderwerp="inbreng", wet=None):
        """``wet``: cite the first reference of the value whose text starts with it (Provinciewet, ...)."""
        waarde = waarde_in_werking(parameter, self.dag)
        assert waarde is not None  # asked only for a rule in force on the peildatum
        referenties = waarde.metadata["reference"]
        referentie = next((r for r in referenties if wet and r["tekst"].startswith(wet)), referenties[0])
        return Optreden(
            wie,
            referentie["tekst"],
            referentie["url"],
            hoe,
            nu_bevoegd,
            waarde.instant_str,
            waarde.metadata.get("status", ""),
            onderwerp,
        )

    def __call__(self, deelnemer, toezichthouder, overgegaan, basistaken, bijsturing, criteria):
        ibt = self.parameters.interbestuurlijk_toezicht
        bevoegdheid = self.parameters.bijsturingsbevoegdheid
        gs = f"gedeputeerde staten van {deelnemer.provincie}" if deelnemer.provincie else "gedeputeerde staten"
        uitkomst = []
        if basistaken:
            uitkomst += self._bij_basistaken(deelnemer, toezichthouder, overgegaan, gs, ibt)
            if self.regels.bijsturingsbevoegdheid.inbreng_basistakenpakket.in_werking:
                uitkomst.append(
                    self._optreden(
                        STAATSSECRETARIS,
                        bevoegdheid.inbreng_basistakenpakket.in_werking,
                        "afdwingen van de inbreng met de specifieke bevoegdheid",
                    )
                )
        if bijsturing:
            vorm = self.regels.bijsturingsbevoegdheid.robuustheid.vorm
            uitkomst.append(
                self._optreden(
                    STAATSSECRETARIS,
                    bevoegdheid.robuustheid.in_werking,
                    f"bijsturen ({vorm}) jegens de deelnemer, die aanspreekbaar is op een wettelijk "
                    "robuustheidscriterium dat de omgevingsdienst niet haalt",
                    onderwerp="criteria",
                )
            )
        if criteria:
            gemeente = deelnemer.soort == "gemeente"
            uitkomst.append(
                self._optreden(
                    gs if gemeente else STAATSSECRETARIS,
                    ibt.criteria_onder_generiek_toezicht,
                    f"indeplaatsstelling van de {'gemeente' if gemeente else 'provincie'} bij een wettelijk "
                    "robuustheidscriterium waarop zij aanspreekbaar is",
                    onderwerp="criteria",
                    wet="Gemeentewet" if gemeente else "Provinciewet",
                )
            )
        return tuple(uitkomst)

    def _bij_basistaken(self, deelnemer, toezichthouder, overgegaan, gs, ibt):
        """Generic supervision of the inbreng of the basistakenpakket (Gemeentewet 124-124b, Provinciewet 121)."""
        # ignore: an Enum member's name (see DeelnemerStatus.plaatsing_seveso_taken)
        minister = toezichthouder == InterbestuurlijkToezichthouder.minister.name  # type: ignore[attr-defined]
        if deelnemer.soort == "provincie" and minister:
            hoe = self._indeplaatsstelling("provincie")
            return [self._optreden(STAATSSECRETARIS, ibt.indeplaatsstelling_provincie_door_minister, hoe)]
        if deelnemer.soort != "gemeente":
            return []
        if minister:
            hoe = "indeplaatsstelling namens en ten laste van de gemeente (de wet staat in de bijlage van art. 124b)"
            return [self._optreden(STAATSSECRETARIS, ibt.omgevingsrecht_in_bijlage_gemeentewet_124b, hoe)]
        # ignore: an Enum member's name (see DeelnemerStatus.plaatsing_seveso_taken)
        if toezichthouder != InterbestuurlijkToezichthouder.gedeputeerde_staten.name:  # type: ignore[attr-defined]
            return []
        hoe = self._indeplaatsstelling("gemeente")
        uitkomst = [self._optreden(gs, ibt.indeplaatsstelling_gemeente_door_gedeputeerde_staten, hoe)]
        if self.regels.interbestuurlijk_toezicht.verzoek_minister_aan_gedeputeerde_staten:
            hoe = (
                "de bevoegdheid is overgegaan: gedeputeerde staten traden niet op binnen de termijn van het verzoek"
                if overgegaan
                else f"alleen via een verzoek aan {gs}, in overeenstemming met de minister van BZK en bij een "
                "zwaarwegend algemeen belang; de bevoegdheid gaat over als zij niet binnen de gestelde termijn optreden"
            )
            uitkomst.append(
                self._optreden(STAATSSECRETARIS, ibt.verzoek_minister_aan_gedeputeerde_staten, hoe, overgegaan)
            )
        return uitkomst

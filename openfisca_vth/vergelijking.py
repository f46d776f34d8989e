"""Baseline against one reform or several variants: the same inputs under each system, only what changes.

    from openfisca_vth.vergelijking import opmaak, vergelijk, vergelijk_varianten
    uitkomst = vergelijk(baseline, hervormd, "2026-06", situatie_of_bouwer)
    print(opmaak(uitkomst, "markdown"))
    varianten = vergelijk_varianten(baseline, [("a", systeem_a), ("b", systeem_b)], "2026-06", dataset=ds)
    print(opmaak(varianten, "markdown"))

``situatie_of_bouwer`` is an OpenFisca situation (dict, as in a YAML test's ``input``) or a callable
``(tax_benefit_system, periode) -> Simulation`` (e.g. ``dataset.simulatie``): the same inputs are
given to every system. Each system is built by the caller once; the comparison builds one
simulation per system, the reference's shared by all variants.

A :class:`Vergelijking` (one reform against the reference) has: the rules that differ on the
month's peildatum (value or legal status), the reform's own assumptions (and those of a reform
used as the basis), the deadlines as the rules of each system set them, totals before/after
(robust diensten, diensten where the staatssecretaris can intervene, ...), with a dataset also the
totals of ``openfisca-vth status`` (:func:`openfisca_vth.rapport.bereken_status`), and per
omgevingsdienst and per deelnemer every computed variable whose value differs, before and after.
The headline counts only changes in :data:`KOPVARIABELEN`, the results a drafter asks about, and
names the diensten and deelnemers where only other variables change separately.

A :class:`Variantenvergelijking` holds one :class:`Vergelijking` per variant, all against the same
reference, and the rows where any variant differs from it, with one value per variant.
"""

# mypy: check-untyped-defs

from __future__ import annotations

import csv
import dataclasses
import io
import re
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy
from openfisca_core import periods
from openfisca_core.indexed_enums import EnumArray
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_vth.metadata import STATUSSEN, bladeren, waarde_in_werking
from openfisca_vth.metadata import blad as metadata_blad
from openfisca_vth.periode import maand, peildatum
from openfisca_vth.uitvoer import opsomming, plat, tekst

if TYPE_CHECKING:
    from openfisca_core.parameters import ParameterNode
    from openfisca_core.simulations import Simulation
    from openfisca_core.taxbenefitsystems import TaxBenefitSystem
    from openfisca_core.variables import Variable

    from openfisca_vth.dataset import Dataset
    from openfisca_vth.tijdlijn import Tijdlijnvergelijking

# The inputs of a comparison: an OpenFisca situation (a dict) or ``(system, period) -> Simulation``.
SituatieOfBouwer = Mapping[str, Any] | Callable[["TaxBenefitSystem", periods.Period], "Simulation"]

ENTITEITEN = ("omgevingsdienst", "deelnemer")
HUIDIG_RECHT = "huidig recht"

# (label, entity, variable): counted before and after, always reported.
TOTALEN = (
    ("omgevingsdiensten robuust", "omgevingsdienst", "robuust"),
    (
        "omgevingsdiensten waar de staatssecretaris kan bijsturen",
        "omgevingsdienst",
        "bijsturingsbevoegdheid_staatssecretaris",
    ),
    (
        "deelnemers die het basistakenpakket volledig inbrengen",
        "deelnemer",
        "brengt_basistakenpakket_volledig_in",
    ),
    (
        "deelnemers bij wie de staatssecretaris de inbreng kan afdwingen",
        "deelnemer",
        "inbreng_basistakenpakket_afdwingbaar",
    ),
    (
        "deelnemers onder mogelijk interbestuurlijk toezicht",
        "deelnemer",
        "interbestuurlijk_toezicht_mogelijk",
    ),
)

# The results a drafter asks about. The headline ("3 van 27 omgevingsdiensten ... veranderen")
# counts a dienst or deelnemer only if one of these changes; one where only another computed
# variable changes (an intermediate switch such as robuustheidstermijn_verstreken) is counted in a
# separate sentence. A name the system does not have is skipped (bijsturingsbevoegdheid_jegens_
# deelnemer is newer than this list). With ``variabelen`` the drafter's own list counts instead.
KOPVARIABELEN = (
    "robuust",
    "bijsturingsbevoegdheid_staatssecretaris",
    "aantal_robuustheidscriteria_niet_voldaan",
    "brengt_basistakenpakket_volledig_in",
    "interbestuurlijk_toezicht_mogelijk",
    "interbestuurlijk_toezichthouder",
    "inbreng_basistakenpakket_afdwingbaar",
    "bijsturingsbevoegdheid_jegens_deelnemer",
)

# Deadlines: every switch parameter named ``*termijn_verstreken`` (false before the deadline, true
# from it). The report shows the date read from the rules of each system, never a date written in
# a label or description. Known switches get a name here; another is shown by its path.
TERMIJN_SCHAKELAAR = "termijn_verstreken"
TERMIJNLABELS = (
    (r"robuustheidstermijn_verstreken", "uiterste datum voor robuuste omgevingsdiensten"),
    (r"robuustheidscriteria\.(\w+)\.wettelijke_termijn_verstreken", "wettelijke termijn voor het criterium {}"),
)

# The totals of ``openfisca-vth status`` (openfisca_vth.rapport.Statusrapport.totalen) as the memo
# names them; a key not listed here is shown by its name. The counts of diensten and deelnemers and
# the totals already in TOTALEN are not repeated in the memo's table (JSON and CSV have them all).
STATUSTOTALEN = {
    "niet_robuust": "omgevingsdiensten niet robuust",
    "deelnemers_met_ontbrekende_basistaken": "deelnemers met ontbrekende basistaken",
    "werkgebied_in_strijd_met_wet": "omgevingsdiensten met een werkgebied in strijd met de wet",
    "bijsturingsbevoegdheid_jegens_deelnemer": "deelnemers jegens wie de staatssecretaris kan bijsturen",
    "niet_voldaan_per_criterium": "omgevingsdiensten die niet voldoen aan het geldende criterium {}",
}
STATUSTOTALEN_NIET_HERHAALD = frozenset({"omgevingsdiensten", "deelnemers"} | {naam for _, _, naam in TOTALEN})
GEEN_STATUSTOTALEN = (
    "geen statustotalen: de invoer is één situatie, geen dataset; de totalen van openfisca-vth status "
    "worden alleen voor een dataset berekend"
)

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_DATUM = re.compile(r"\b\d{1,2} (" + "|".join(MAANDEN) + r") \d{4}\b|\b\d{4}-\d{2}-\d{2}\b", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class Regelwijziging:
    """A rule (parameter) whose value or legal status on the peildatum differs under the reform."""

    parameter: str
    voor: object
    na: object
    status_voor: str | None
    status_na: str | None
    bronnen: tuple[dict[str, Any], ...] = ()  # {tekst, url} of the reformed value (the changed rule's sources)


@dataclasses.dataclass(frozen=True)
class Aanname:
    """A parameter the reform brings itself (e.g. an assumed in-force date), as it holds."""

    parameter: str
    waarde: object
    status: str | None
    omschrijving: str


@dataclasses.dataclass(frozen=True)
class Totaal:
    """How many entities have a true ``variabele`` before and after the reform."""

    label: str
    variabele: str
    voor: int
    na: int
    van: int  # how many entities were counted


@dataclasses.dataclass(frozen=True)
class Termijn:
    """A deadline as the rules of each system set it: the date (``JJJJ-MM-DD``) or None (never)."""

    label: str
    parameter: str
    voor: str | None
    na: str | None


@dataclasses.dataclass(frozen=True)
class Verschil:
    """One dienst or deelnemer and one variable whose value differs under the reform."""

    entiteit: str
    id: str
    naam: str
    omgevingsdienst: str  # the dienst of a deelnemer; the dienst itself for a dienst
    variabele: str
    label: str
    voor: object
    na: object


@dataclasses.dataclass(frozen=True)
class Rij:
    """One dienst or deelnemer and one variable that differs under at least one variant."""

    entiteit: str
    id: str
    naam: str
    omgevingsdienst: str
    variabele: str
    label: str
    voor: object
    na: tuple[Any, ...]  # the value under each variant, in variant order


@dataclasses.dataclass(frozen=True)
class Vergelijking:
    """One reform against the reference on the same inputs (see :func:`vergelijk`)."""

    periode: str
    hervorming: str
    toelichting: str
    regels: tuple[Regelwijziging, ...]
    totalen: tuple[Totaal, ...]
    verschillen: tuple[Verschil, ...]
    aantal: dict[str, int]  # entity -> how many were simulated
    basis: str = HUIDIG_RECHT  # what the reform is compared with
    invoer: str = ""  # where the inputs came from (dataset name, situation file)
    waarschuwing: str = ""  # e.g. the inputs are illustrative, not observed
    aannames: tuple[Aanname, ...] = ()  # the reform's own parameters
    basis_aannames: tuple[Aanname, ...] = ()  # the own parameters of a reform used as the basis
    termijnen: tuple[Termijn, ...] = ()
    kopvariabelen: tuple[str, ...] = ()  # the variables the headline counts
    statustotalen: dict[str, Any] | None = None  # Statusrapport.totalen under the reform (dataset input only)
    basis_statustotalen: dict[str, Any] | None = None  # ... under the basis
    toelichting_totalen: str = ""  # why there are no status totals

    def verschillen_van(self, entiteit: str) -> list[Verschil]:
        """The differences of entity ``entiteit`` (``omgevingsdienst`` or ``deelnemer``), in report order."""
        return [v for v in self.verschillen if v.entiteit == entiteit]

    def kop(self) -> dict[str, Any]:
        """How many diensten and deelnemers change in a headline variable, and how many only in others."""
        gevraagd = set(self.kopvariabelen)
        telling: dict[str, Any] = {}
        alleen_andere: dict[str, Any] = {}
        andere_variabelen: list[str] = []
        for entiteit in ENTITEITEN:
            verschillen = self.verschillen_van(entiteit)
            veranderd = {v.id for v in verschillen if v.variabele in gevraagd}
            anders = {v.id for v in verschillen} - veranderd
            telling[entiteit] = len(veranderd)
            alleen_andere[entiteit] = len(anders)
            for v in verschillen:
                if v.id in anders and v.variabele not in andere_variabelen:
                    andere_variabelen.append(v.variabele)
        telling["alleen_andere"] = {**alleen_andere, "variabelen": andere_variabelen}
        return telling

    def variant_dict(self) -> dict[str, Any]:
        """This reform as an entry of ``varianten`` in the JSON output."""
        return {
            "hervorming": self.hervorming,
            "toelichting": self.toelichting,
            "totalen": self.statustotalen,
            "aannames": [_dict(a) for a in self.aannames],
            "regels": [_dict(r) for r in self.regels],
            "kop": self.kop(),
        }

    def als_dict(self) -> dict[str, Any]:
        """The JSON shape of one reform against the reference."""
        return {
            "periode": self.periode,
            "hervorming": self.hervorming,
            "hervormingen": [self.hervorming],
            "basis": self.basis,
            "invoer": self.invoer,
            "waarschuwing": self.waarschuwing,
            "toelichting": self.toelichting,
            "aantal": self.aantal,
            "kopvariabelen": list(self.kopvariabelen),
            "basis_aannames": [_dict(a) for a in self.basis_aannames],
            "basis_totalen": self.basis_statustotalen,
            "toelichting_totalen": self.toelichting_totalen,
            "varianten": [self.variant_dict()],
            "aannames": [_dict(a) for a in self.aannames],
            "regels": [_dict(r) for r in self.regels],
            "termijnen": [_dict(t) for t in self.termijnen],
            "totalen": [_dict(t) for t in self.totalen],
            "verschillen": [_dict(v) for v in self.verschillen],
        }


@dataclasses.dataclass(frozen=True)
class Variantenvergelijking:
    """Several variants, each against the same reference (current law or a basis reform)."""

    periode: str
    basis: str
    varianten: tuple[Vergelijking, ...]  # one per variant, in the order given
    verschillen: tuple[Rij, ...]  # every dienst/deelnemer and variable where any variant differs
    aantal: dict[str, int]
    invoer: str = ""
    waarschuwing: str = ""
    basis_aannames: tuple[Aanname, ...] = ()
    basis_totalen: dict[str, Any] | None = None  # Statusrapport.totalen under the reference (dataset input only)
    toelichting_totalen: str = ""
    kopvariabelen: tuple[str, ...] = ()

    @property
    def namen(self) -> list[str]:
        """The names of the variants, in order."""
        return [v.hervorming for v in self.varianten]

    def verschillen_van(self, entiteit: str) -> list[Rij]:
        """The rows of entity ``entiteit`` (``omgevingsdienst`` or ``deelnemer``), in report order."""
        return [r for r in self.verschillen if r.entiteit == entiteit]

    def totalen(self) -> list[tuple[str, str, int, int, tuple[int, ...]]]:
        """(label, variabele, van, voor, (value per variant)) of every total that all variants have."""
        eerste = self.varianten[0].totalen
        per_variant = [{t.variabele: t for t in v.totalen} for v in self.varianten]
        return [
            (t.label, t.variabele, t.van, t.voor, tuple(p[t.variabele].na for p in per_variant))
            for t in eerste
            if all(t.variabele in p for p in per_variant)
        ]

    def termijnen(self) -> list[tuple[str, str, str | None, tuple[str | None, ...]]]:
        """(label, parameter, date under the reference, (date per variant)) of every deadline."""
        eerste = self.varianten[0].termijnen
        per_variant = [{t.parameter: t for t in v.termijnen} for v in self.varianten]
        return [(t.label, t.parameter, t.voor, tuple(p[t.parameter].na for p in per_variant)) for t in eerste]

    def regels(self) -> list[tuple[str, tuple[Any, str | None], tuple[tuple[Any, str | None], ...]]]:
        """(parameter, (voor, status), ((na, status) per variant)) of every rule a variant changes."""
        volgorde: list[str] = []
        voor: dict[str, tuple[Any, str | None]] = {}
        for variant in self.varianten:
            for r in variant.regels:
                if r.parameter not in voor:
                    volgorde.append(r.parameter)
                    voor[r.parameter] = (r.voor, r.status_voor)
        per_variant = [{r.parameter: (r.na, r.status_na) for r in v.regels} for v in self.varianten]
        return [(p, voor[p], tuple(pv.get(p, voor[p]) for pv in per_variant)) for p in volgorde]

    def statustotalen(self) -> list[tuple[str, Any, tuple[Any, ...]]]:
        """(key, voor, (value per variant)) of the flattened status totals, or [] without a dataset."""
        if self.basis_totalen is None or any(v.statustotalen is None for v in self.varianten):
            return []
        varianten = [plat(v.statustotalen or {}) for v in self.varianten]  # none is None (checked above)
        return [
            (sleutel, waarde, tuple(p.get(sleutel) for p in varianten))
            for sleutel, waarde in plat(self.basis_totalen).items()
        ]

    def als_dict(self) -> dict[str, Any]:
        """The JSON shape of several variants.

        ``varianten``: one entry per variant, ``{"hervorming", "toelichting", "totalen", "aannames",
        "regels", "kop"}``, where ``totalen`` are the status totals (``Statusrapport.totalen`` of
        :func:`openfisca_vth.rapport.bereken_status`; None without a dataset, ``toelichting_totalen``
        says why).
        The reference's status totals are the top-level ``basis_totalen``; a basis reform's own
        parameters are ``basis_aannames``. ``totalen``, ``termijnen``, ``regels`` and
        ``verschillen`` give the reference's value (``voor``) and ``per_variant`` {name: value}.
        """
        namen = self.namen
        return {
            "periode": self.periode,
            "basis": self.basis,
            "hervormingen": namen,
            "invoer": self.invoer,
            "waarschuwing": self.waarschuwing,
            "aantal": self.aantal,
            "kopvariabelen": list(self.kopvariabelen),
            "basis_aannames": [_dict(a) for a in self.basis_aannames],
            "basis_totalen": self.basis_totalen,
            "toelichting_totalen": self.toelichting_totalen,
            "varianten": [v.variant_dict() for v in self.varianten],
            "totalen": [
                {
                    "label": label,
                    "variabele": naam,
                    "van": van,
                    "voor": voor,
                    "per_variant": dict(zip(namen, na, strict=True)),
                }
                for label, naam, van, voor, na in self.totalen()
            ],
            "termijnen": [
                {"label": label, "parameter": pad, "voor": voor, "per_variant": dict(zip(namen, na, strict=True))}
                for label, pad, voor, na in self.termijnen()
            ],
            "regels": [
                {
                    "parameter": pad,
                    "voor": voor[0],
                    "status_voor": voor[1],
                    "per_variant": {n: {"waarde": w, "status": s} for n, (w, s) in zip(namen, na, strict=True)},
                }
                for pad, voor, na in self.regels()
            ],
            "verschillen": [
                {
                    **{k: v for k, v in _dict(r).items() if k != "na"},
                    "per_variant": dict(zip(namen, r.na, strict=True)),
                }
                for r in self.verschillen
            ],
        }


def _waarde_op(parameter, dag):
    waarde = waarde_in_werking(parameter, dag)
    if waarde is None:
        return None, None
    return waarde.value, waarde.metadata.get("status", parameter.metadata.get("status"))


def gewijzigde_regels(
    baseline: TaxBenefitSystem, hervormd: TaxBenefitSystem, periode: periods.Period
) -> tuple[Regelwijziging, ...]:
    """The parameters of ``baseline`` whose value or legal status on the peildatum of the month ``periode``
    differs under ``hervormd`` (a reform's own parameters are left out), in tree order."""
    dag = str(peildatum(periode))
    oud = {blad.name: blad for blad in bladeren(baseline.parameters)}
    regels = []
    for blad in bladeren(hervormd.parameters):
        if blad.name not in oud:
            continue  # a reform's own assumption: it shows through the rules it changes
        voor, status_voor = _waarde_op(oud[blad.name], dag)
        na, status_na = _waarde_op(blad, dag)
        if voor != na or status_voor != status_na:
            waarde = waarde_in_werking(blad, dag)
            bronnen = tuple(waarde.metadata.get("reference", ())) if waarde is not None else ()
            regels.append(Regelwijziging(blad.name, voor, na, status_voor, status_na, bronnen))
    return tuple(regels)


def eigen_aannames(
    baseline: TaxBenefitSystem, hervormd: TaxBenefitSystem, periode: periods.Period
) -> tuple[Aanname, ...]:
    """The reform's own parameters (in ``hervormd``, absent from ``baseline``) as they hold on the
    peildatum of the month ``periode``."""
    dag = str(peildatum(periode))
    oud = {blad.name for blad in bladeren(baseline.parameters)}
    aannames = []
    for blad in bladeren(hervormd.parameters):
        if blad.name not in oud:
            waarde, status = _waarde_op(blad, dag)
            aannames.append(Aanname(blad.name, waarde, status, " ".join((blad.description or "").split())))
    return tuple(aannames)


def termijn(parameters: ParameterNode, pad: str) -> str | None:
    """The date (``JJJJ-MM-DD``) from which the switch ``pad`` is true for good, or None.

    Read from the rules of the system itself, so a postponed deadline shows its new date.
    """
    blad = metadata_blad(parameters, pad)
    if blad is None:
        return None
    datum = None
    for waarde in blad.values_list:  # newest first
        if not waarde.value:
            break
        datum = waarde.instant_str
    return datum


def _termijnschakelaars(systemen):
    """The paths of the deadline switches (boolean ``*termijn_verstreken`` leaves) of any system."""
    paden = []
    for systeem in systemen:
        for blad in bladeren(systeem.parameters):
            if (
                blad.name.endswith(TERMIJN_SCHAKELAAR)
                and blad.name not in paden
                and all(isinstance(w.value, bool) for w in blad.values_list)
            ):
                paden.append(blad.name)
    return paden


def termijn_label(pad: str) -> str:
    """The name of the deadline switch ``pad`` in a report (:data:`TERMIJNLABELS`), or ``pad`` itself."""
    for patroon, label in TERMIJNLABELS:
        gevonden = re.fullmatch(patroon, pad)
        if gevonden:
            return label.format(*gevonden.groups())
    return pad


def label_zonder_datum(variabele: Variable) -> str:
    """The label of ``variabele`` without a date written in it (the date may differ per system)."""
    label = variabele.label or variabele.name
    if not _DATUM.search(label):
        return label
    zonder = re.sub(r"\s*\([^()]*\)", lambda m: "" if _DATUM.search(m.group()) else m.group(), label)
    return variabele.name if _DATUM.search(zonder) else " ".join(zonder.split())


def _simulatie(systeem, periode, situatie_of_bouwer):
    if callable(situatie_of_bouwer):
        return situatie_of_bouwer(systeem, periode)
    return SimulationBuilder().build_from_entities(systeem, situatie_of_bouwer)


class _Uitkomsten:
    """One simulation per system, built on first use, and its computed values per variable."""

    def __init__(self, periode, situatie_of_bouwer):
        self.periode = periode
        self.invoer = situatie_of_bouwer
        self._simulaties: dict[int, tuple[Any, Any]] = {}  # id(system) -> (system, simulation): kept alive
        self._waarden: dict[tuple[int, str], Any] = {}

    def simulatie(self, systeem):
        if id(systeem) not in self._simulaties:
            self._simulaties[id(systeem)] = (systeem, _simulatie(systeem, self.periode, self.invoer))
        return self._simulaties[id(systeem)][1]

    def waarden(self, systeem, naam):
        if (id(systeem), naam) not in self._waarden:
            self._waarden[(id(systeem), naam)] = _waarden(self.simulatie(systeem), naam, self.periode)
        return self._waarden[(id(systeem), naam)]


def _te_vergelijken(systeem, variabelen):
    if variabelen is not None:
        return [systeem.variables[naam] for naam in variabelen]
    gekozen = [
        variabele
        for variabele in systeem.variables.values()
        if variabele.entity.key in ENTITEITEN
        and variabele.formulas
        and variabele.definition_period == periods.DateUnit.MONTH
    ]
    # diensten first, then deelnemers; within each, the order of the variable files
    return sorted(gekozen, key=lambda v: ENTITEITEN.index(v.entity.key))


def _waarden(simulatie, naam, periode):
    waarden = simulatie.calculate(naam, periode)
    if isinstance(waarden, EnumArray):
        return numpy.array(waarden.decode_to_str(), dtype=object)
    return waarden


def _python(waarde):
    return waarde.item() if isinstance(waarde, numpy.generic) else waarde


def _verschilt(voor, na):
    if voor.dtype.kind == "f" or na.dtype.kind == "f":
        return ~numpy.isclose(voor.astype(float), na.astype(float))
    return voor != na


def vergelijk(
    baseline: TaxBenefitSystem,
    hervormd: TaxBenefitSystem,
    periode: str | periods.Period,
    situatie_of_bouwer: SituatieOfBouwer | None = None,
    namen: Mapping[str, str] | None = None,
    variabelen: Sequence[str] | None = None,
    hervorming: str | None = None,
    basis: str | None = None,
    invoer: str = "",
    waarschuwing: str = "",
    huidig: TaxBenefitSystem | None = None,
    dataset: Dataset | None = None,
) -> Vergelijking:
    """Compare ``hervormd`` with ``baseline`` for ``periode`` (a month) on the same inputs.

    ``namen`` maps entity ids to display names (default: the id). ``variabelen`` limits the
    comparison (and the headline) to those variables (default: every computed monthly variable
    of both entities; the headline counts :data:`KOPVARIABELEN`). ``hervorming`` names the reform
    in the report (default: the reform's class name), ``basis`` what it is compared with
    (default: "huidig recht"), ``invoer`` where the inputs came from. When ``baseline`` is itself
    a reform, ``huidig`` (the current-law system it was built on) lets the report list the
    basis's own assumptions. With ``dataset`` (an :class:`openfisca_vth.dataset.Dataset`) the
    inputs default to ``dataset.simulatie`` and the status totals are added.

    Raises as :func:`vergelijk_varianten` does.
    """
    klassenaam: str = type(hervormd).__name__  # typed, and no `or` below: either lets mypy see None in naam
    naam = hervorming if hervorming else getattr(hervormd, "key", klassenaam)
    return vergelijk_varianten(
        baseline,
        [(naam, hervormd)],
        periode,
        situatie_of_bouwer,
        namen=namen,
        variabelen=variabelen,
        basis=basis,
        invoer=invoer,
        waarschuwing=waarschuwing,
        huidig=huidig,
        dataset=dataset,
    ).varianten[0]


def vergelijk_varianten(
    baseline: TaxBenefitSystem,
    varianten: Iterable[tuple[str, TaxBenefitSystem]],
    periode: str | periods.Period,
    situatie_of_bouwer: SituatieOfBouwer | None = None,
    namen: Mapping[str, str] | None = None,
    variabelen: Sequence[str] | None = None,
    basis: str | None = None,
    invoer: str = "",
    waarschuwing: str = "",
    huidig: TaxBenefitSystem | None = None,
    dataset: Dataset | None = None,
) -> Variantenvergelijking:
    """Compare each of ``varianten`` (``(naam, systeem)`` pairs) with ``baseline`` on the same inputs.

    The options are those of :func:`vergelijk`. The baseline is simulated once for all variants;
    each variant once. Raises ``ValueError`` if no variant is given, a name occurs twice, neither
    inputs nor a dataset are given, or the systems' entities differ;
    :class:`~openfisca_vth.errors.VTHInvoerFout` for a bad month (``OngeldigePeriode``,
    ``PeriodeBuitenDekking``) or one the dataset does not cover.
    """
    periode = maand(periode if isinstance(periode, periods.Period) else str(periode))
    namen = namen or {}
    varianten = [(naam, systeem) for naam, systeem in varianten]
    if not varianten:
        raise ValueError("geef ten minste één variant")
    gezien: set[str] = set()
    for naam, _ in varianten:
        if naam in gezien:
            raise ValueError(f"variant {naam!r} is meer dan eens gegeven")
        gezien.add(naam)
    if situatie_of_bouwer is None:
        if dataset is None:
            raise ValueError("geef een situatie, een bouwer of een dataset")
        situatie_of_bouwer = dataset.simulatie
    basis = basis or HUIDIG_RECHT

    uitkomsten = _Uitkomsten(periode, situatie_of_bouwer)
    referentie = uitkomsten.simulatie(baseline).populations
    for naam, systeem in varianten:
        populaties = uitkomsten.simulatie(systeem).populations
        for entiteit in ENTITEITEN:
            if list(referentie[entiteit].ids) != list(populaties[entiteit].ids):
                raise ValueError(f"de {entiteit}en verschillen tussen {basis} en {naam}")

    dienst_ids = list(referentie["omgevingsdienst"].ids)
    dienst_van = {
        "omgevingsdienst": dienst_ids,
        "deelnemer": [dienst_ids[i] for i in referentie["omgevingsdienst"].members_entity_id],
    }
    volgorde = {id_: i for i, id_ in enumerate(dienst_ids)}

    def sorteer(rijen: Iterable[Any]) -> list[Any]:
        return sorted(rijen, key=lambda v: (ENTITEITEN.index(v.entiteit), volgorde[v.omgevingsdienst], v.id))

    def rij(
        klasse: Callable[..., Any], variabele: Variable, positie: int | numpy.integer[Any], voor: Any, na: Any
    ) -> Any:
        entiteit = variabele.entity.key
        id_ = list(referentie[entiteit].ids)[positie]
        return klasse(
            entiteit,
            id_,
            namen.get(id_, id_),
            dienst_van[entiteit][positie],
            variabele.name,
            label_zonder_datum(variabele),
            voor,
            na,
        )

    if variabelen is not None:
        kop = tuple(variabelen)
    else:
        kop = tuple(n for n in KOPVARIABELEN if n in baseline.variables)
    basis_aannames = eigen_aannames(huidig, baseline, periode) if huidig is not None else ()
    if dataset is not None:
        from openfisca_vth.rapport import bereken_status

        def statustotalen(systeem: TaxBenefitSystem, naam: str | None) -> dict[str, Any] | None:
            return bereken_status(dataset, systeem, periode, hervorming=naam).totalen

        basis_totalen = statustotalen(baseline, None if basis == HUIDIG_RECHT else basis)
        toelichting_totalen = ""
    else:

        def statustotalen(systeem: TaxBenefitSystem, naam: str | None) -> dict[str, Any] | None:
            return None  # no dataset: no status totals

        basis_totalen = None
        toelichting_totalen = GEEN_STATUSTOTALEN

    # the deadlines set in any of the systems, the same rows for every variant
    termijnpaden = [
        pad
        for pad in _termijnschakelaars([baseline, *(systeem for _, systeem in varianten)])
        if any(termijn(s.parameters, pad) for s in [baseline, *(systeem for _, systeem in varianten)])
    ]

    vergelijkingen = []
    gekozen = []  # per variant: the variables compared, in report order
    for naam, systeem in varianten:
        variabelen_hier = [v for v in _te_vergelijken(systeem, variabelen) if v.name in baseline.variables]
        gekozen.append(variabelen_hier)
        verschillen = []
        for variabele in variabelen_hier:
            voor, na = uitkomsten.waarden(baseline, variabele.name), uitkomsten.waarden(systeem, variabele.name)
            for positie in numpy.flatnonzero(_verschilt(voor, na)):
                verschillen.append(rij(Verschil, variabele, positie, _python(voor[positie]), _python(na[positie])))
        totalen = tuple(
            Totaal(
                label,
                variabele,
                int(numpy.sum(uitkomsten.waarden(baseline, variabele))),
                int(numpy.sum(uitkomsten.waarden(systeem, variabele))),
                int(referentie[entiteit].count),
            )
            for label, entiteit, variabele in TOTALEN
            if variabele in baseline.variables and variabele in systeem.variables
        )
        termijnen = tuple(
            Termijn(termijn_label(pad), pad, termijn(baseline.parameters, pad), termijn(systeem.parameters, pad))
            for pad in termijnpaden
        )
        vergelijkingen.append(
            Vergelijking(
                periode=str(periode),
                hervorming=naam,
                toelichting=getattr(systeem, "toelichting", "") or "",
                regels=gewijzigde_regels(baseline, systeem, periode),
                aannames=eigen_aannames(baseline, systeem, periode),
                totalen=totalen,
                verschillen=tuple(sorteer(verschillen)),
                aantal={e: int(referentie[e].count) for e in ENTITEITEN},
                basis=basis,
                invoer=invoer,
                waarschuwing=waarschuwing,
                basis_aannames=basis_aannames,
                termijnen=termijnen,
                kopvariabelen=kop,
                statustotalen=statustotalen(systeem, naam),
                basis_statustotalen=basis_totalen,
                toelichting_totalen=toelichting_totalen,
            )
        )

    # The rows where any variant differs, with the value under each variant.
    volgorde_variabelen: list[Variable] = []
    for variabelen_hier in gekozen:
        for variabele in variabelen_hier:
            if variabele.name not in {v.name for v in volgorde_variabelen}:
                volgorde_variabelen.append(variabele)
    volgorde_variabelen.sort(key=lambda v: ENTITEITEN.index(v.entity.key))
    rijen = []
    for variabele in volgorde_variabelen:
        voor = uitkomsten.waarden(baseline, variabele.name)
        per_variant: list[Any] = []
        verschilt = numpy.zeros(len(voor), dtype=bool)
        for (_, systeem), variabelen_hier in zip(varianten, gekozen, strict=True):
            if variabele.name in {v.name for v in variabelen_hier}:
                na = uitkomsten.waarden(systeem, variabele.name)
                verschilt |= _verschilt(voor, na)
            else:
                na = voor
            per_variant.append(na)
        for positie in numpy.flatnonzero(verschilt):
            waarden = tuple(_python(na[positie]) for na in per_variant)
            rijen.append(rij(Rij, variabele, positie, _python(voor[positie]), waarden))

    return Variantenvergelijking(
        periode=str(periode),
        basis=basis,
        varianten=tuple(vergelijkingen),
        verschillen=tuple(sorteer(rijen)),
        aantal={e: int(referentie[e].count) for e in ENTITEITEN},
        invoer=invoer,
        waarschuwing=waarschuwing,
        basis_aannames=basis_aannames,
        basis_totalen=basis_totalen,
        toelichting_totalen=toelichting_totalen,
        kopvariabelen=kop,
    )


def als_varianten(vergelijking: Vergelijking | Variantenvergelijking) -> Variantenvergelijking:
    """One :class:`Vergelijking` as a :class:`Variantenvergelijking` with one variant."""
    if isinstance(vergelijking, Variantenvergelijking):
        return vergelijking
    v = vergelijking
    return Variantenvergelijking(
        periode=v.periode,
        basis=v.basis,
        varianten=(v,),
        verschillen=tuple(
            Rij(x.entiteit, x.id, x.naam, x.omgevingsdienst, x.variabele, x.label, x.voor, (x.na,))
            for x in v.verschillen
        ),
        aantal=v.aantal,
        invoer=v.invoer,
        waarschuwing=v.waarschuwing,
        basis_aannames=v.basis_aannames,
        basis_totalen=v.basis_statustotalen,
        toelichting_totalen=v.toelichting_totalen,
        kopvariabelen=v.kopvariabelen,
    )


# -- output --------------------------------------------------------------------------------------


def datum_tekst(datum: str | None) -> str:
    """``2026-04-01`` as ``1 april 2026``; None (the switch never turns) as ``nooit``."""
    if datum is None:
        return "nooit"
    jaar, maand_, dag = (int(deel) for deel in str(datum).split("-"))
    return f"{dag} {MAANDEN[maand_ - 1]} {jaar}"


def _met_status(waarde, status):
    return f"{tekst(waarde)} ({status})" if status else tekst(waarde)


def _enkel(vv):
    return len(vv.varianten) == 1


def _kop(vv):
    if _enkel(vv):
        return f"Vergelijking {vv.basis} met hervorming {vv.namen[0]}, periode {vv.periode}"
    return f"Vergelijking {vv.basis} met de varianten {opsomming(vv.namen)}, periode {vv.periode}"


def _kolommen(vv, enkel="hervorming"):
    """The heads of the variant columns: ``hervorming`` for one reform, else the variant names."""
    return [enkel] if _enkel(vv) else list(vv.namen)


def _tabel(koppen, rijen):
    breedtes = [max(len(str(x)) for x in kolom) for kolom in zip(koppen, *rijen, strict=True)]
    regels = [
        "  ".join(str(x).ljust(b) for x, b in zip(rij, breedtes, strict=True)).rstrip() for rij in [koppen, *rijen]
    ]
    regels.insert(1, "  ".join("-" * b for b in breedtes))
    return regels


def _met_verschil(na, voor):
    return f"{na} ({na - voor:+d})" if na != voor else str(na)


def _totaalrijen(vv, rijen):
    """Rows of (label, voor, values): one reform gets a column ``verschil``, variants '17 (+2)'."""
    if _enkel(vv):
        return [[label, voor, na[0], f"{na[0] - voor:+d}"] for label, voor, na in rijen]
    return [[label, voor, *(_met_verschil(n, voor) for n in na)] for label, voor, na in rijen]


def _statuslabel(sleutel):
    hoofd, _, onder = sleutel.partition(".")
    label = STATUSTOTALEN.get(hoofd, hoofd.replace("_", " "))
    return label.format(onder) if onder else label


def _statusrijen(vv):
    rijen = []
    for sleutel, voor, na in vv.statustotalen():
        if sleutel in STATUSTOTALEN_NIET_HERHAALD or not all(isinstance(x, int) for x in (voor, *na)):
            continue
        if "." in sleutel and voor == 0 and not any(na):
            continue  # a criterion no dienst fails (or that does not count) under any system
        rijen.append((_statuslabel(sleutel), voor, na))
    return rijen


def _aanname_rijen(aannames):
    return [[a.parameter, _met_status(a.waarde, a.status), a.omschrijving] for a in aannames]


def _secties(vv):
    """(title, column heads, rows, text if there are no rows) of every part of the report, in order."""
    voor = vv.basis
    kolommen = _kolommen(vv)
    totaalkoppen = ["", voor, "hervorming", "verschil"] if _enkel(vv) else ["", voor, *kolommen]
    secties = [
        (
            "Totalen",
            totaalkoppen,
            _totaalrijen(vv, [(f"{label} (van {van})", v, na) for label, _, van, v, na in vv.totalen()]),
            None,
        ),
        (
            "Meer totalen (als in openfisca-vth status)",
            totaalkoppen,
            _totaalrijen(vv, _statusrijen(vv)),
            vv.toelichting_totalen or None,
        ),
        (
            "Termijnen volgens de geldende regels",
            ["termijn", voor, *kolommen],
            [[label, datum_tekst(v), *map(datum_tekst, na)] for label, pad, v, na in vv.termijnen()],
            None,
        ),
    ]
    if vv.basis != HUIDIG_RECHT:
        secties.append(
            (
                f"Aannames van de basis {vv.basis}",
                ["parameter", "waarde", "omschrijving"],
                _aanname_rijen(vv.basis_aannames),
                None,
            )
        )
    for variant in vv.varianten:
        titel = "Aannames van de hervorming" if _enkel(vv) else f"Aannames van variant {variant.hervorming}"
        secties.append((titel, ["parameter", "waarde", "omschrijving"], _aanname_rijen(variant.aannames), None))
    secties += [
        (
            "Gewijzigde regels op de peildatum",
            ["parameter", voor, *kolommen],
            [[pad, _met_status(*v), *(_met_status(*n) for n in na)] for pad, v, na in vv.regels()],
            None,
        ),
        (
            "Omgevingsdiensten",
            ["omgevingsdienst", "variabele", voor, *kolommen],
            [[r.naam, r.variabele, tekst(r.voor), *map(tekst, r.na)] for r in vv.verschillen_van("omgevingsdienst")],
            None,
        ),
        (
            "Deelnemers",
            ["deelnemer", "omgevingsdienst", "variabele", voor, *kolommen],
            [
                [r.naam, r.omgevingsdienst, r.variabele, tekst(r.voor), *map(tekst, r.na)]
                for r in vv.verschillen_van("deelnemer")
            ],
            None,
        ),
    ]
    return secties


def _meervoud(aantal, enkelvoud, meervoud):
    return f"{aantal} {enkelvoud if aantal == 1 else meervoud}"


def _aantal_zin(variant):
    """The headline of one variant: changes in the asked-about results, then the rest."""
    kop = variant.kop()
    zin = (
        f"{kop['omgevingsdienst']} van {variant.aantal['omgevingsdienst']} omgevingsdiensten en "
        f"{kop['deelnemer']} van {variant.aantal['deelnemer']} deelnemers veranderen."
    )
    anders = kop["alleen_andere"]
    delen = [
        _meervoud(anders[e], e, m)
        for e, m in (("omgevingsdienst", "omgevingsdiensten"), ("deelnemer", "deelnemers"))
        if anders[e]
    ]
    if delen:
        zin += (
            f" Daarnaast veranderen bij {' en '.join(delen)} alleen andere uitkomsten "
            f"({', '.join(anders['variabelen'])})."
        )
    return zin


def _kopregels(vv):
    """The headline of each variant."""
    if _enkel(vv):
        return [_aantal_zin(vv.varianten[0])]
    return [f"{v.hervorming}: {_aantal_zin(v)}" for v in vv.varianten]


def _geteld(vv):
    """What the headline counts."""
    return f"Geteld zijn veranderingen in: {', '.join(vv.kopvariabelen)}." if vv.kopvariabelen else ""


def _invoer_zin(vv):
    regels = [f"Invoer: {vv.invoer}"] if vv.invoer else []
    if vv.waarschuwing:
        regels.append(f"LET OP: {vv.waarschuwing}")
    return regels


def _gewikkeld(regels):
    # The prose lines wrap at 100 columns, as in `status`; the tables keep their width.
    return [deel for regel in regels for deel in textwrap.wrap(regel, 100, subsequent_indent="  ")]


def als_tabel(vergelijking: Vergelijking | Variantenvergelijking) -> str:
    """The comparison as plain text: the headline, then every section as a column-aligned table."""
    vv = als_varianten(vergelijking)
    regels = [_kop(vv)]
    if not _enkel(vv):
        regels += _gewikkeld([f"Variant {v.hervorming}: {v.toelichting}" for v in vv.varianten if v.toelichting])
    regels += _gewikkeld(_invoer_zin(vv))
    # the first headline sentence stays on one line (it is what a reader looks for)
    for regel in _kopregels(vv):
        eerste, _, rest = regel.partition(" Daarnaast ")
        regels.append(eerste)
        if rest:
            regels += textwrap.wrap(f"Daarnaast {rest}", 100, initial_indent="  ", subsequent_indent="  ")
    regels += _gewikkeld([_geteld(vv)])
    for titel, koppen, rijen, leeg in _secties(vv):
        regels += ["", f"{titel}:"]
        regels += _tabel(koppen, rijen) if rijen else _gewikkeld([f"  ({leeg or 'geen'})"])
    return "\n".join(regels) + "\n"


def _md_secties(vv):
    from openfisca_vth.uitvoer import md_tabel

    regels = []
    for titel, koppen, rijen, leeg in _secties(vv):
        regels += [f"### {titel}", ""]
        if not rijen:
            regels += [f"{leeg[0].upper()}{leeg[1:]}." if leeg else "Geen.", ""]
            continue
        regels += [*md_tabel(koppen, rijen), ""]
    return regels


def als_markdown(vergelijking: Vergelijking | Variantenvergelijking) -> str:
    """The comparison as a Markdown memo: question, answer, every section as a table and the sources."""
    vv = als_varianten(vergelijking)
    regels = [f"## {_kop(vv)}", ""]
    if _enkel(vv):
        if vv.varianten[0].toelichting:
            regels += [f"*{vv.varianten[0].toelichting}*", ""]
        regels += [f"{_kopregels(vv)[0]} Peildatum: de laatste dag van {vv.periode}. {_geteld(vv)}".rstrip(), ""]
    else:
        regels += [
            f"**Vraag.** Wat verandert er in {vv.periode} (peildatum: de laatste dag van de maand) "
            f"onder elk van de {len(vv.varianten)} varianten, vergeleken met {vv.basis}?",
            "",
            f"- Referentie: {vv.basis}",
            *(f"- Variant **{v.hervorming}**: {v.toelichting or '(geen toelichting)'}" for v in vv.varianten),
            "",
            *(f"- {regel}" for regel in _kopregels(vv)),
            "",
            _geteld(vv),
            "",
        ]
    if vv.invoer:
        regels += [f"Invoer: {vv.invoer}.", ""]
    if vv.waarschuwing:
        regels += [f"> **LET OP.** {vv.waarschuwing}", ""]
    regels += _md_secties(vv)
    regels += _md_bronnen(vv)
    regels.append(f"Bron: openfisca-vth; alleen gewijzigde waarden. Statussen: {', '.join(STATUSSEN)}.")
    return "\n".join(regels) + "\n"


def _gewijzigde_bronnen(vv):
    """{parameter: (status, sources)} of every rule a variant changes (the reformed value's sources)."""
    bronnen: dict[str, tuple[str | None, tuple[dict[str, Any], ...]]] = {}
    for variant in vv.varianten:
        for regel in variant.regels:
            bronnen.setdefault(regel.parameter, (regel.status_na, regel.bronnen))
    return bronnen


def _md_bronnen(vv):
    from openfisca_vth.uitvoer import md_bron, md_tabel

    bronnen = _gewijzigde_bronnen(vv)
    if not bronnen:
        return []
    rijen = [(f"`{p}`", status or "", "; ".join(md_bron(b) for b in bron)) for p, (status, bron) in bronnen.items()]
    return ["### Bronnen van de gewijzigde regels", "", *md_tabel(["regel", "status", "bron"], rijen), ""]


def _lijsten(waarde: Any) -> Any:
    """``waarde`` with every tuple a list, as JSON has it (so a dict equals its JSON text read back)."""
    if isinstance(waarde, dict):
        return {k: _lijsten(v) for k, v in waarde.items()}
    if isinstance(waarde, list | tuple):
        return [_lijsten(v) for v in waarde]
    return waarde


def _dict(rij: Any) -> dict[str, Any]:
    """A dataclass row of a comparison as its JSON object."""
    return _lijsten(dataclasses.asdict(rij))


def naar_json_dict(vergelijking: Vergelijking | Variantenvergelijking | Tijdlijnvergelijking) -> Any:
    """The JSON value of a comparison (what :func:`als_json` writes): one reform keeps the shape of a
    :class:`Vergelijking` (a dict); a timeline comparison is its list of months."""
    if hasattr(vergelijking, "naar_dict"):  # Tijdlijnvergelijking
        return vergelijking.naar_dict()
    if isinstance(vergelijking, Variantenvergelijking) and _enkel(vergelijking):
        vergelijking = vergelijking.varianten[0]  # one reform: the shape it always had
    return vergelijking.als_dict()


def als_json(vergelijking: Vergelijking | Variantenvergelijking | Tijdlijnvergelijking) -> str:
    """The comparison as strict JSON text (see :func:`naar_json_dict`)."""
    from openfisca_vth.uitvoer import json_tekst

    return json_tekst(naar_json_dict(vergelijking))


def als_csv(vergelijking: Vergelijking | Variantenvergelijking) -> str:
    """The comparison as CSV: one row per total, deadline, assumption, changed rule and difference."""
    vv = als_varianten(vergelijking)
    n = len(vv.varianten)
    uit = io.StringIO()
    schrijver = csv.writer(uit, lineterminator="\n")
    schrijver.writerow(["soort", "omgevingsdienst", "id", "naam", "variabele", "voor", *_kolommen(vv, "na")])
    voor: Any  # each loop below reads values of its own type into voor and na
    na: Any
    for label, naam, _, voor, na in vv.totalen():
        schrijver.writerow(["totaal", "", "", label, naam, voor, *na])
    for sleutel, voor, na in vv.statustotalen():
        schrijver.writerow(["statustotaal", "", "", _statuslabel(sleutel), sleutel, voor, *na])
    for label, pad, voor, na in vv.termijnen():
        schrijver.writerow(["termijn", "", "", label, pad, voor or "", *(x or "" for x in na)])
    for a in vv.basis_aannames:
        schrijver.writerow(
            ["aanname_basis", "", "", a.omschrijving, a.parameter, _met_status(a.waarde, a.status), *[""] * n]
        )
    aannames: dict[str, tuple[str, list[str]]] = {}  # parameter -> (omschrijving, value per variant)
    for i, variant in enumerate(vv.varianten):
        for a in variant.aannames:
            aannames.setdefault(a.parameter, (a.omschrijving, [""] * n))[1][i] = _met_status(a.waarde, a.status)
    for pad, (omschrijving, waarden) in aannames.items():
        schrijver.writerow(["aanname", "", "", omschrijving, pad, "", *waarden])
    for pad, voor, na in vv.regels():
        schrijver.writerow(["regel", "", "", "", pad, _met_status(*voor), *(_met_status(*x) for x in na)])
    for r in vv.verschillen:
        schrijver.writerow([r.entiteit, r.omgevingsdienst, r.id, r.naam, r.variabele, r.voor, *r.na])
    return uit.getvalue()


def als_html(vergelijking: Vergelijking | Variantenvergelijking) -> str:
    """A self-contained HTML memo: the question, the answer per variant, every section as a table,
    the assumptions, and every changed rule linked to its sources."""
    from openfisca_vth.uitvoer import h, html_bron, html_document, html_tabel

    vv = als_varianten(vergelijking)
    vraag = (
        f"<p>Wat verandert er in {h(vv.periode)} (peildatum: de laatste dag van de maand) onder "
        f"{h(', '.join(v.hervorming for v in vv.varianten))}, vergeleken met {h(vv.basis)}?</p>"
        + "".join(
            f"<p><strong>{h(v.hervorming)}</strong>: {h(v.toelichting)}</p>" for v in vv.varianten if v.toelichting
        )
    )
    antwoord = "".join(f"<p>{h(regel)}</p>" for regel in [*_kopregels(vv), _geteld(vv)] if regel)
    secties = [("Vraag", vraag), ("Antwoord", antwoord)]
    if vv.invoer:
        secties.append(("", f'<p class="klein">Invoer: {h(vv.invoer)}</p>'))
    for titel, koppen, rijen, leeg in _secties(vv):
        inhoud = (
            html_tabel([h(k) for k in koppen], [[h(c) for c in rij] for rij in rijen])
            if rijen
            else f"<p>{h(leeg or 'Geen.')}</p>"
        )
        secties.append((titel, inhoud))
    bronnen = _gewijzigde_bronnen(vv)
    if bronnen:
        secties.append(
            (
                "Bronnen van de gewijzigde regels",
                html_tabel(
                    ["regel", "status", "bron"],
                    [
                        (h(p), h(status or ""), "; ".join(html_bron(b) for b in bron))
                        for p, (status, bron) in bronnen.items()
                    ],
                ),
            )
        )
    return html_document(_kop(vv), secties, vv.waarschuwing)


OPMAAK = {"table": als_tabel, "json": als_json, "csv": als_csv, "markdown": als_markdown, "html": als_html}


def opmaak(vergelijking: Vergelijking | Variantenvergelijking, vorm: str = "table") -> str:
    """A :class:`Vergelijking` or :class:`Variantenvergelijking` as text in format ``vorm`` (a key of
    :data:`OPMAAK`); ``KeyError`` for another format."""
    return OPMAAK[vorm](vergelijking)

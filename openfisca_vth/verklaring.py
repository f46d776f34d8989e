"""Why an omgevingsdienst is (not) robuust, or why a deelnemer falls short: read from OpenFisca's trace.

``verklaar`` simulates one month of a dataset with tracing on (``simulation.trace = True``) and
calculates the conclusion: for a dienst ``robuust`` and ``bijsturingsbevoegdheid_staatssecretaris``,
for a deelnemer ``brengt_basistakenpakket_volledig_in``, ``interbestuurlijk_toezichthouder`` and
``inbreng_basistakenpakket_afdwingbaar``. The explanation is the tree OpenFisca recorded for that
calculation (``simulation.tracer.trees``), pruned to the steps that decided it, with each step's
value for this entity, its sources (``bronnen_van_variabele``) and the parameters it read (with the
legal status of the value in force). No rule is evaluated here a second time: the conclusion
sentence and the notes on a few steps (kritieke massa: quality or formation) put the traced values
into words.

Pruning (the only model knowledge used is :data:`IN_ORDE`, the value of a variable that needs no
explanation, e.g. ``robuust`` true, ``basistaak_ontbreekt_bodem`` false; other variables are neutral):

- a step that is not in order is explained by the computed steps it read that are not in order
  either (followed further down), by every input and every childless fact it read (the context of
  the decision, e.g. ``ingebracht_bodem``, ``bestuurslaag``), and by the neutral computed facts it
  read, each with the inputs of its own entity (``formatie_omgevingsdienst`` with ``fte_formatie``);
  computed steps that are in order did not decide it and are left out;
- going down from a dienst to its deelnemers, only the deelnemers that are not in order are shown;
- a conclusion that is in order (a robust dienst) is explained by the steps in order it rests on,
  down to :data:`DIEPTE_IN_ORDE` levels; deelnemer values are summarised (``<dienst>:*``);
- each (variable, entity) appears once; a value OpenFisca took from its cache (a node without
  children) is explained by the node that calculated it.
"""

# mypy: check-untyped-defs

from __future__ import annotations

import datetime
import difflib
import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy

from openfisca_vth.bronnen_register import bronnen_van_variabele
from openfisca_vth.enums import EIGEN_BEHEER
from openfisca_vth.errors import VTHInvoerFout
from openfisca_vth.metadata import blad, waarde_in_werking
from openfisca_vth.periode import geldende_regels, maand, peildatum
from openfisca_vth.taakcategorieen import seveso_grondslag, uitsluitend_seveso
from openfisca_vth.uitvoer import opsomming
from openfisca_vth.vergelijking import HUIDIG_RECHT

if TYPE_CHECKING:
    from openfisca_core.periods import Instant, Period
    from openfisca_core.taxbenefitsystems import TaxBenefitSystem

    from openfisca_vth.dataset import Dataset

# A value as JSON holds it (what :func:`json_waarde` returns).
JSONWaarde = bool | int | float | str | list[Any] | None

DIENST_VRAGEN = ("robuust", "bijsturingsbevoegdheid_staatssecretaris")
DEELNEMER_VRAGEN = (
    "brengt_basistakenpakket_volledig_in",
    "interbestuurlijk_toezichthouder",
    "inbreng_basistakenpakket_afdwingbaar",
)

# The value of a variable that is in order (needs no explanation); variables not listed are neutral.
IN_ORDE = {
    "robuust": True,
    "aantal_robuustheidscriteria_niet_voldaan": 0,
    "aantal_ontbrekende_basistaken": 0,
    "brengt_basistakenpakket_volledig_in": True,
    "brengt_basistakenpakket_volledig_in_bij_omgevingsdienst": True,
    "voldoet_aan_kwaliteitscriteria": True,
    "mandaat_verleend": True,
    "regionale_strategie_vastgesteld": True,
    "financiering_conform_systematiek": True,
    "werkgebied_congruent_met_veiligheidsregio": True,
    "werkgebied_in_strijd_met_wet": False,
    "bijsturingsbevoegdheid_staatssecretaris": False,
    "grond_voor_bijsturing": False,
    "bijsturingsbevoegdheid_jegens_deelnemer": False,
    "tekort_wettelijk_robuustheidscriterium": False,
    "inbreng_basistakenpakket_afdwingbaar": False,
    "interbestuurlijk_toezicht_mogelijk": False,
    "interbestuurlijk_toezicht_op_criteria_mogelijk": False,
    "bevoegdheid_124_overgegaan_op_minister": False,
    "verzoek_124a_mogelijk": False,
}
IN_ORDE_VOORVOEGSELS = (
    ("robuustheidscriterium_", True),
    ("basistaak_ontbreekt_", False),
    ("ingebracht_", True),
)
# How deep a conclusion that is in order is explained (the root is depth 0).
DIEPTE_IN_ORDE = 3
# Parameters keyed by a CBS code (basistakenpakket.seveso_aanwijzing.PV28): only the entity's own.
CBS_SLEUTEL = re.compile(r"\.(GM\d{4}|PV\d{2})$")

# Where the dataset puts an input that is not a column of invoer_*.csv (Dataset.simulatie).
SAMENSTELLING = {
    "is_seveso_omgevingsdienst": "omgevingsdiensten.csv, kolom seveso_omgevingsdienst",
    "datum_fusie": "omgevingsdiensten.csv, kolom datum_fusie",
    "cbs_code": "deelnemers.csv, kolom cbs_code",
    "seveso_taken_ondergebracht_bij": "seveso_taken.csv, kolom ondergebracht_bij",
    "gelijkgesteld_met_provincie_wbb": "wbb_gelijkgestelde_gemeenten.csv",
}


class OnbekendeCode(VTHInvoerFout):
    """A code that names no omgevingsdienst or deelnemer of the dataset in the month asked."""


@dataclass(frozen=True)
class ParameterWaarde:
    """One parameter a step read: its value at the instant, and the status and sources of that value."""

    parameter: str
    waarde: object
    status: str
    bronnen: tuple[dict[str, str], ...]  # {tekst, url}
    vanaf: str = ""  # the date from which the value in force holds

    def naar_dict(self) -> dict[str, Any]:
        """The JSON shape of this parameter."""
        return {
            "parameter": self.parameter,
            "waarde": self.waarde,
            "status": self.status,
            "vanaf": self.vanaf,
            "bronnen": [dict(b) for b in self.bronnen],
        }


@dataclass(frozen=True)
class Stap:
    """One variable of the trace, for one entity (or summarised for all deelnemers: ``<dienst>:*``)."""

    variabele: str
    label: str
    waarde: object
    invoer: bool
    bronnen: tuple[dict[str, str], ...]  # {tekst, url}
    parameters: tuple[ParameterWaarde, ...]
    entiteit: str  # dienst code, deelnemer id, or "<dienst>:*"
    naam: str
    diepte: int  # depth in the pruned trace tree (0: the question)
    herkomst: str = ""  # inputs: where the value comes from
    toelichting: str = ""

    def naar_dict(self) -> dict[str, Any]:
        """The JSON shape of this step."""
        return {
            "variabele": self.variabele,
            "label": self.label,
            "entiteit": self.entiteit,
            "naam": self.naam,
            "waarde": self.waarde,
            "invoer": self.invoer,
            "herkomst": self.herkomst,
            "toelichting": self.toelichting,
            "diepte": self.diepte,
            "bronnen": [dict(b) for b in self.bronnen],
            "parameters": [p.naar_dict() for p in self.parameters],
        }


@dataclass(frozen=True)
class Verklaring:
    """Why a dienst or deelnemer is as it is in one month (see :func:`verklaar`)."""

    conclusie: str
    vraag: str
    periode: str
    hervorming: str | None
    code: str
    naam: str
    soort: str  # "omgevingsdienst" or the deelnemer's soort
    dataset: str
    dataset_bron: str
    illustratief: bool
    toelichting: str
    stappen: tuple[Stap, ...]

    def naar_dict(self) -> dict[str, Any]:
        """The JSON shape of the explanation."""
        return {
            "conclusie": self.conclusie,
            "vraag": self.vraag,
            "periode": self.periode,
            "hervorming": self.hervorming,
            "code": self.code,
            "naam": self.naam,
            "soort": self.soort,
            "dataset": {"naam": self.dataset, "bron": self.dataset_bron},
            "illustratief": self.illustratief,
            "toelichting": self.toelichting,
            "stappen": [s.naar_dict() for s in self.stappen],
        }


# --- values -------------------------------------------------------------------------------------


def json_waarde(waarde: object) -> JSONWaarde:
    """A trace value as a JSON value: bool, int, float, str (Enum: its name; date: ISO; a float that is
    not finite: its text), None, or a list of those for a sequence or array."""
    if isinstance(waarde, numpy.ndarray) and waarde.ndim == 0:
        waarde = waarde[()]
    if isinstance(waarde, bool | numpy.bool_):
        return bool(waarde)
    if isinstance(waarde, int | numpy.integer):
        return int(waarde)
    if isinstance(waarde, float | numpy.floating):
        getal = float(waarde)
        return getal if math.isfinite(getal) else str(getal)
    if isinstance(waarde, numpy.datetime64):
        return str(waarde.astype("datetime64[D]"))
    if isinstance(waarde, datetime.date):
        return waarde.isoformat()
    if hasattr(waarde, "name") and not isinstance(waarde, str):  # an Enum item
        return str(waarde.name)
    if isinstance(waarde, bytes):
        return waarde.decode()
    if waarde is None:
        return None
    if isinstance(waarde, str):
        return waarde
    if isinstance(waarde, list | tuple | numpy.ndarray):
        return [json_waarde(w) for w in waarde]
    return str(waarde)


def _waarde_op(array, index):
    if hasattr(array, "decode_to_str"):  # an EnumArray
        return str(array.decode_to_str()[index])
    return json_waarde(array[index])


def _in_orde(variabele, waarde):
    """True or False if ``variabele`` has an in-order value (:data:`IN_ORDE`), else None."""
    if variabele in IN_ORDE:
        return waarde == IN_ORDE[variabele]
    for voorvoegsel, goed in IN_ORDE_VOORVOEGSELS:
        if variabele.startswith(voorvoegsel):
            return waarde == goed
    return None


def getal(waarde: object) -> str:
    """``waarde`` as text; a whole float without its ``.0``."""
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde)


def tekst_waarde(waarde: object) -> str:
    """A value as Dutch text: ja/nee, numbers without a needless .0, '(leeg)' for an empty text."""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, float):
        return getal(waarde)
    if waarde == "":
        return "(leeg)"
    return str(waarde)


# --- the trace ----------------------------------------------------------------------------------


class _Verkenner:
    """Walks the trace of one simulation and collects the steps of one entity's explanation."""

    def __init__(self, systeem, simulatie, dataset, periode):
        self.systeem = systeem
        self.simulatie = simulatie
        self.dataset = dataset
        self.periode = periode
        self.diensten = dataset.omgevingsdiensten(periode)
        self.deelnemers = dataset.deelnemers(periode)
        self.persoon = simulatie.persons.entity.key
        self.groep = next(k for k in simulatie.populations if k != self.persoon)
        self.lid_van = numpy.asarray(simulatie.populations[self.groep].members_entity_id)
        self.stappen: list[Stap] = []
        self.gezien: set[tuple[str, str]] = set()
        self.knopen: dict[tuple[str, str], Any] = {}
        for knoop in simulatie.tracer.browse_trace():
            sleutel = (knoop.name, str(knoop.period))
            eerder = self.knopen.get(sleutel)
            if eerder is None or (
                not eerder.children and not eerder.parameters and (knoop.children or knoop.parameters)
            ):
                self.knopen[sleutel] = knoop
        self.dienst_invoer, self.deelnemer_invoer = dataset.invoer(periode)
        self.seveso = dataset.seveso_plaatsing(periode)
        self.wbb = dataset.wbb_gelijkgestelde_gemeenten(periode)

    # entities

    def entiteit(self, variabele):
        return self.systeem.variables[variabele].entity.key

    def record(self, entiteit, index):
        return (self.deelnemers if entiteit == self.persoon else self.diensten)[index]

    def leden(self, dienst_indices):
        return numpy.flatnonzero(numpy.isin(self.lid_van, list(dienst_indices))).tolist()

    def naar(self, van, focus, naar):
        """``focus`` (indices in entity ``van``) as indices in entity ``naar``."""
        if van == naar:
            return list(focus)
        if van == self.groep:
            return self.leden(focus)
        return sorted({int(self.lid_van[i]) for i in focus})

    # nodes

    def vol(self, knoop):
        """The node that calculated ``knoop`` (OpenFisca records a cached value as a node without children)."""
        return self.knopen.get((knoop.name, str(knoop.period)), knoop)

    def kinderen(self, knoop):
        uniek: dict[str, Any] = {}
        for kind in knoop.children:
            uniek.setdefault(kind.name, self.vol(kind))
        return list(uniek.values())

    def is_invoer(self, variabele):
        return self.systeem.variables[variabele].is_input_variable()

    def waarde(self, knoop, index):
        return _waarde_op(knoop.value, index)

    # steps

    def parameters(self, knoop, index, record):
        uitkomst, namen = [], set()
        for gelezen in knoop.parameters:
            if gelezen.name in namen:
                continue
            sleutel = CBS_SLEUTEL.search(gelezen.name)
            if sleutel and sleutel[1] != getattr(record, "code", None):
                continue
            namen.add(gelezen.name)
            waarde = gelezen.value
            if isinstance(waarde, numpy.ndarray) and waarde.ndim and waarde.size == len(knoop.value):
                waarde = waarde[index]
            elif isinstance(waarde, numpy.ndarray) and waarde.size == 1:
                waarde = waarde.reshape(-1)[0]
            status, bronnen, vanaf = parameterstatus(self.systeem, gelezen.name, gelezen.period)
            uitkomst.append(ParameterWaarde(gelezen.name, json_waarde(waarde), status, bronnen, vanaf))
        return tuple(uitkomst)

    def herkomst(self, variabele, record):
        dataset = f"dataset {self.dataset.naam}" + (" (ILLUSTRATIEF)" if self.dataset.illustratief else "")
        if record.soort == "omgevingsdienst":
            if record.code in self.dienst_invoer.get(variabele, {}):
                return f"{dataset}: invoer_omgevingsdiensten.csv, kolom {variabele}"
            gezet = variabele == "is_seveso_omgevingsdienst" or (variabele == "datum_fusie" and record.datum_fusie)
        else:
            if record.id in self.deelnemer_invoer.get(variabele, {}):
                return f"{dataset}: invoer_deelnemers.csv, kolom {variabele}"
            gezet = (
                variabele == "cbs_code"
                or (variabele == "seveso_taken_ondergebracht_bij" and record.code in self.seveso)
                or (variabele == "gelijkgesteld_met_provincie_wbb" and record.code in self.wbb)
            )
        if gezet:
            return f"{dataset}: {SAMENSTELLING[variabele]}"
        return f"niet opgegeven in {dataset}: de standaardwaarde van de variabele"

    def voeg_toe(self, knoop, index, diepte, toelichting=""):
        """Add the step of ``knoop`` for entity ``index``; False if it is there already."""
        entiteit = self.entiteit(knoop.name)
        record = self.record(entiteit, index)
        sleutel = (knoop.name, record.id)
        if sleutel in self.gezien:
            return False
        self.gezien.add(sleutel)
        variabele = self.systeem.variables[knoop.name]
        invoer = self.is_invoer(knoop.name)
        self.stappen.append(
            Stap(
                variabele=knoop.name,
                label=variabele.label or knoop.name,
                waarde=self.waarde(knoop, index),
                invoer=invoer,
                bronnen=tuple(b.naar_dict() for b in bronnen_van_variabele(variabele)),
                parameters=self.parameters(knoop, index, record),
                entiteit=record.id,
                naam=record.naam,
                diepte=diepte,
                herkomst=self.herkomst(knoop.name, record) if invoer else "",
                toelichting=toelichting or TOELICHTINGEN.get(knoop.name, lambda *_: "")(self, knoop, index),
            )
        )
        return True

    def samenvatting(self, knoop, focus, diepte, dienst):
        """One step for the same value of ``knoop`` for all ``focus`` deelnemers of ``dienst``."""
        sleutel = (knoop.name, f"{dienst.code}:*")
        if sleutel in self.gezien:
            return
        self.gezien.add(sleutel)
        variabele = self.systeem.variables[knoop.name]
        self.stappen.append(
            Stap(
                variabele=knoop.name,
                label=variabele.label or knoop.name,
                waarde=self.waarde(knoop, focus[0]),
                invoer=self.is_invoer(knoop.name),
                bronnen=tuple(b.naar_dict() for b in bronnen_van_variabele(variabele)),
                parameters=self.parameters(knoop, focus[0], None),
                entiteit=f"{dienst.code}:*",
                naam=f"alle {len(focus)} deelnemers",
                diepte=diepte,
                herkomst=(
                    f"{self.herkomst(knoop.name, self.deelnemers[focus[0]])} (alle {len(focus)} deelnemers)"
                    if self.is_invoer(knoop.name)
                    else ""
                ),
            )
        )

    def context(self, knoop, focus, diepte):
        """A neutral computed fact: its step, and the inputs of its own entity it read (``fte_formatie``)."""
        nieuw = [i for i in focus if self.voeg_toe(knoop, i, diepte)]
        entiteit = self.entiteit(knoop.name)
        for kind in self.kinderen(knoop):
            if self.entiteit(kind.name) == entiteit and self.is_invoer(kind.name):
                for i in nieuw:
                    self.voeg_toe(kind, i, diepte + 1)

    # the three ways of walking

    def verklaar(self, knoop, index):
        """Explain the root ``knoop`` for entity ``index``."""
        knoop = self.vol(knoop)
        orde = _in_orde(knoop.name, self.waarde(knoop, index))
        if orde is False:
            self.afwijkend(knoop, [index], 0)
        elif orde is True:
            self.in_orde(knoop, [index], 0)
        else:
            self.context(knoop, [index], 0)

    def afwijkend(self, knoop, focus, diepte):
        nieuw = [i for i in focus if self.voeg_toe(knoop, i, diepte)]
        if not nieuw:
            return
        entiteit = self.entiteit(knoop.name)
        kinderen = self.kinderen(knoop)
        # first: which entities below are not in order (going down to deelnemers: only those)
        afwijkend: dict[str, list[int]] = {}
        niet_in_orde: dict[str, set[int]] = {}
        focus_van: dict[str, list[int]] = {}
        for kind in kinderen:
            kind_entiteit = self.entiteit(kind.name)
            kind_focus = focus_van[kind.name] = self.naar(entiteit, nieuw, kind_entiteit)
            slecht = [i for i in kind_focus if _in_orde(kind.name, self.waarde(kind, i)) is False]
            if slecht:
                afwijkend[kind.name] = slecht
                niet_in_orde.setdefault(kind_entiteit, set()).update(slecht)
        for kind in kinderen:
            kind_entiteit = self.entiteit(kind.name)
            if kind.name in afwijkend:
                if self.is_invoer(kind.name) or not kind.children:
                    for i in afwijkend[kind.name]:
                        self.voeg_toe(kind, i, diepte + 1)
                else:
                    self.afwijkend(kind, afwijkend[kind.name], diepte + 1)
                continue
            kind_focus = focus_van[kind.name]
            if entiteit == self.groep and kind_entiteit == self.persoon:
                kind_focus = [i for i in kind_focus if i in niet_in_orde.get(kind_entiteit, set())]
            if self.is_invoer(kind.name) or not kind.children:
                for i in kind_focus:
                    self.voeg_toe(kind, i, diepte + 1)
            elif all(_in_orde(kind.name, self.waarde(kind, i)) is None for i in kind_focus):
                self.context(kind, kind_focus, diepte + 1)
            # a computed step that is in order did not decide this one: left out

    def in_orde(self, knoop, focus, diepte):
        nieuw = [i for i in focus if self.voeg_toe(knoop, i, diepte)]
        if not nieuw or diepte >= DIEPTE_IN_ORDE:
            return
        entiteit = self.entiteit(knoop.name)
        for kind in self.kinderen(knoop):
            kind_entiteit = self.entiteit(kind.name)
            kind_focus = self.naar(entiteit, nieuw, kind_entiteit)
            if not kind_focus:
                continue
            orde = [_in_orde(kind.name, self.waarde(kind, i)) for i in kind_focus]
            if entiteit == self.groep and kind_entiteit == self.persoon:
                if all(o is True for o in orde):
                    for dienst in nieuw:
                        leden = self.naar(self.groep, [dienst], self.persoon)
                        self.samenvatting(kind, leden, diepte + 1, self.diensten[dienst])
                else:
                    for i, o in zip(kind_focus, orde, strict=True):
                        if o is False:
                            self.voeg_toe(kind, i, diepte + 1)
                continue
            invoer = self.is_invoer(kind.name) or not kind.children
            for i, o in zip(kind_focus, orde, strict=True):
                if o is True and not invoer:
                    self.in_orde(kind, [i], diepte + 1)
                elif o is not None:  # neutral steps do not explain a conclusion in order: left out
                    self.voeg_toe(kind, i, diepte + 1)


def parameterstatus(
    systeem: TaxBenefitSystem, naam: str, instant: Instant | str
) -> tuple[str, tuple[dict[str, str], ...], str]:
    """(status, sources, from-date) of the value of parameter ``naam`` in force at ``instant``.

    Walks ``systeem.parameters`` by the dotted name; the status and sources of the value in force
    (its own metadata, else the parameter's). ``("", (), "")`` for a name that is no parameter leaf.
    """
    knoop = blad(systeem.parameters, naam)
    if knoop is None:
        return "", (), ""
    metadata = dict(knoop.metadata or {})
    vanaf = ""
    waarde = waarde_in_werking(knoop, instant)
    if waarde is not None:
        metadata.update(waarde.metadata or {})
        vanaf = waarde.instant_str
    bronnen = tuple(
        {"tekst": str(r["tekst"]), "url": str(r["url"])}
        for r in metadata.get("reference") or []
        if isinstance(r, dict) and "tekst" in r and "url" in r
    )
    return str(metadata.get("status", "")), bronnen, vanaf


# --- notes on particular steps, from the values in the trace --------------------------------------


def _kind(verkenner, knoop, naam):
    return next((verkenner.vol(k) for k in knoop.children if k.name == naam), None)


def _parameter(knoop, naam_eindigt_op):
    return next((p.value for p in knoop.parameters if p.name.endswith(naam_eindigt_op)), None)


def _kritieke_massa(verkenner, knoop, index):
    """Which part of kritieke massa decided: quality (kwaliteitscriteria) or formation (fte vs minimum)."""
    kwaliteit = _kind(verkenner, knoop, "voldoet_aan_kwaliteitscriteria")
    formatie = _kind(verkenner, knoop, "formatie_omgevingsdienst")
    minimum = _parameter(knoop, "minimum_fte_formatie")
    goed, fout = [], []
    if kwaliteit is not None:
        if verkenner.waarde(kwaliteit, index):
            goed.append("de kwaliteit voldoet (kwaliteitscriteria gehaald)")
        else:
            fout.append("de kwaliteit schiet tekort (kwaliteitscriteria niet gehaald)")
    if formatie is not None and minimum is not None:
        fte, minimum = verkenner.waarde(formatie, index), json_waarde(minimum)
        cijfers = f"{getal(fte)} fte, minimum {getal(minimum)} fte{': geen getal afgesproken' if not minimum else ''}"
        if fte >= minimum:
            goed.append(f"de formatie voldoet ({cijfers})")
        else:
            fout.append(f"de formatie schiet tekort ({cijfers})")
    return "; ".join(fout + goed)


def _bijsturing(verkenner, knoop, index):
    in_werking = _parameter(knoop, "robuustheid.in_werking")
    adressaat = _parameter(knoop, "robuustheid.adressaat")
    grond = _kind(verkenner, knoop, "grond_voor_bijsturing")
    delen = []
    if in_werking is not None:
        delen.append(f"bevoegdheid in werking: {tekst_waarde(json_waarde(in_werking))}")
    if adressaat is not None:
        delen.append(f"gericht tot: {json_waarde(adressaat)}")
    if grond is not None:
        delen.append(f"grond voor bijsturing: {tekst_waarde(verkenner.waarde(grond, index))}")
    return "; ".join(delen)


def _niet_voldane_criteria(verkenner, knoop, index):
    """The criteria ``knoop`` read that the dienst does not meet (codes, in trace order)."""
    return [
        kind.name.removeprefix("robuustheidscriterium_")
        for kind in knoop.children
        if kind.name.startswith("robuustheidscriterium_") and verkenner.waarde(verkenner.vol(kind), index) is False
    ]


def _grond(verkenner, knoop, index):
    criteria = _niet_voldane_criteria(verkenner, knoop, index)
    if not criteria:
        return ""
    return f"na de wettelijke termijn niet voldaan: {opsomming(criteria)} (zie de stappen hierboven)"


TOELICHTINGEN = {
    "robuustheidscriterium_kritieke_massa": _kritieke_massa,
    "bijsturingsbevoegdheid_staatssecretaris": _bijsturing,
    "grond_voor_bijsturing": _grond,
}


# --- the explanation ----------------------------------------------------------------------------


def _zoek(dataset, periode, code):
    """The dienst or deelnemer record that ``code`` names in ``periode``, or OnbekendeCode."""
    diensten = dataset.omgevingsdiensten(periode)
    deelnemers = dataset.deelnemers(periode)
    bekend = {r.code: r for r in diensten} | {r.id: r for r in deelnemers}
    tekst = "" if code is None else str(code).strip()
    if tekst in bekend:
        return bekend[tekst]
    zonder_hoofdletters = {k.lower(): r for k, r in bekend.items()}
    if tekst.lower() in zonder_hoofdletters:
        return zonder_hoofdletters[tekst.lower()]
    suggesties = difflib.get_close_matches(tekst, list(bekend), n=3, cutoff=0.6)
    suggesties += [r.id for r in deelnemers if r.naam.lower() == tekst.lower() and r.id not in suggesties]
    hint = f"bedoelt u {' of '.join(repr(s) for s in suggesties)}? Geef" if suggesties else "geef"
    wat = f"onbekende code {tekst!r} in {periode}" if tekst else "geen code gegeven"
    raise OnbekendeCode(
        f"{wat}; {hint} een dienstcode (bijvoorbeeld odra) of een deelnemer-id (bijvoorbeeld "
        f"odra:GM0202) uit {dataset.omschrijving}"
    )


def _onder(stappen, stap):
    """The steps below ``stap`` in the pre-order list."""
    begin = stappen.index(stap) + 1
    uitkomst = []
    for volgende in stappen[begin:]:
        if volgende.diepte <= stap.diepte:
            break
        uitkomst.append(volgende)
    return uitkomst


def _ontbrekende_taken(stappen):
    """{(naam, id): [task codes]} of the steps basistaak_ontbreekt_<c> that are true."""
    per_deelnemer: dict[tuple[str, str], list[str]] = {}
    for stap in stappen:
        if stap.variabele.startswith("basistaak_ontbreekt_") and stap.waarde is True:
            taak = stap.variabele.removeprefix("basistaak_ontbreekt_")
            per_deelnemer.setdefault((stap.naam, stap.entiteit), []).append(taak)
    return per_deelnemer


def _oorzaak(criterium, stap, stappen):
    onder = _onder(stappen, stap)
    if criterium == "basistakenpakket":
        zinnen = [
            f"{naam} ({id_}) brengt de basista{'ak' if len(taken) == 1 else 'ken'} {opsomming(taken)} niet in"
            for (naam, id_), taken in _ontbrekende_taken(onder).items()
        ]
        return "; ".join(zinnen)
    if stap.toelichting:
        return stap.toelichting
    per_invoer: dict[tuple[str, str], list[Stap]] = {}
    for s in onder:
        if s.invoer and _in_orde(s.variabele, s.waarde) is False:
            per_invoer.setdefault((s.variabele, tekst_waarde(s.waarde)), []).append(s)
    zinnen = []
    for (variabele, waarde), invoer in per_invoer.items():
        bij = [s.naam for s in invoer if s.entiteit != stap.entiteit]
        zinnen.append(f"{variabele} = {waarde}" + (f" bij {opsomming(bij)}" if bij else ""))
    return "; ".join(zinnen)


def _conclusie_dienst(dienst, periode, stappen, robuust_knoop, verkenner, index):
    robuust = verkenner.waarde(robuust_knoop, index)
    aantal = _kind(verkenner, robuust_knoop, "aantal_robuustheidscriteria_niet_voldaan")
    criteria = [
        k for k in (aantal.children if aantal is not None else []) if k.name.startswith("robuustheidscriterium_")
    ]
    codes = [k.name.removeprefix("robuustheidscriterium_") for k in criteria]
    if robuust:
        zin = f"{dienst.naam} is in {periode} robuust: hij voldoet aan alle geldende criteria ({', '.join(codes)})."
    else:
        niet_voldaan = [
            (k.name.removeprefix("robuustheidscriterium_"), k)
            for k in criteria
            if verkenner.waarde(verkenner.vol(k), index) is False
        ]
        if niet_voldaan:
            enkel = len(niet_voldaan) == 1
            namen = opsomming(c for c, _ in niet_voldaan)
            zin = (
                f"{dienst.naam} is in {periode} niet robuust: "
                f"{'het criterium' if enkel else 'de criteria'} {namen} {'is' if enkel else 'zijn'} niet voldaan"
            )
            oorzaken = []
            for code, knoop in niet_voldaan:
                stap = next((s for s in stappen if s.variabele == knoop.name and s.entiteit == dienst.code), None)
                oorzaak = _oorzaak(code, stap, stappen) if stap else ""
                if oorzaak:
                    oorzaken.append(f"{code}: {oorzaak}" if not enkel else oorzaak)
            zin += f" ({'; '.join(oorzaken)})." if oorzaken else "."
        else:
            afgesproken = _parameter(robuust_knoop, "robuustheidscriteria.afgesproken")
            reden = (
                "er zijn in deze periode nog geen robuustheidscriteria afgesproken"
                if afgesproken is not None and not afgesproken
                else "er geldt geen robuustheidscriterium"
            )
            zin = f"{dienst.naam} is in {periode} niet robuust: {reden}."
    return zin


def _conclusie_bijsturing(stappen, dienst):
    stap = next(
        (s for s in stappen if s.variabele == "bijsturingsbevoegdheid_staatssecretaris" and s.entiteit == dienst.code),
        None,
    )
    if stap is None:
        return ""
    in_werking = next((p for p in stap.parameters if p.parameter.endswith("robuustheid.in_werking")), None)
    grondslag = (
        f" ({in_werking.parameter} = {tekst_waarde(in_werking.waarde)}, status {in_werking.status})"
        if in_werking
        else ""
    )
    if stap.waarde:
        grond = next((s for s in stappen if s.variabele == "grond_voor_bijsturing" and s.entiteit == dienst.code), None)
        criteria = f" ({grond.toelichting})" if grond and grond.toelichting else ""
        return (
            "De staatssecretaris van IenW kan bijsturen (bijsturingsbevoegdheid_staatssecretaris): de bevoegdheid "
            f"is in werking{grondslag} en de dienst haalt na de wettelijke termijn een criterium niet{criteria}."
        )
    if in_werking is not None and not in_werking.waarde:
        return (
            "De staatssecretaris van IenW kan niet bijsturen: die bevoegdheid is in deze periode niet in werking"
            f"{grondslag}."
        )
    return (
        "De staatssecretaris van IenW kan niet bijsturen: er is geen grond of de bevoegdheid is niet tot de "
        "dienst gericht."
    )


TOEZICHT_PARAMETER = {
    ("provincie", "minister"): "interbestuurlijk_toezicht.indeplaatsstelling_provincie_door_minister",
    ("gemeente", "minister"): "interbestuurlijk_toezicht.omgevingsrecht_in_bijlage_gemeentewet_124b",
    (
        "gemeente",
        "gedeputeerde_staten",
    ): "interbestuurlijk_toezicht.indeplaatsstelling_gemeente_door_gedeputeerde_staten",
}
# Who may step in (Gemeentewet art. 124, 124b; Provinciewet art. 121), with the verb that agrees.
TOEZICHTHOUDER = {
    "minister": ("de minister die het aangaat (namens wie de staatssecretaris van IenW optreedt)", "kan"),
    "gedeputeerde_staten": ("gedeputeerde staten{van}", "kunnen"),
}


def _conclusie_deelnemer(deelnemer, periode, stappen, seveso_categorieen, seveso_grondslag=""):
    def stap_van(variabele):
        return next((s for s in stappen if s.variabele == variabele and s.entiteit == deelnemer.id), None)

    wie = f"{deelnemer.naam} ({deelnemer.soort}, {deelnemer.id})"
    volledig = stap_van("brengt_basistakenpakket_volledig_in")
    if volledig is None or volledig.waarde:
        return (
            f"{wie} brengt in {periode} het basistakenpakket volledig in; interbestuurlijk toezicht is niet "
            "aan de orde."
        )
    taken = [t for ts in _ontbrekende_taken(stappen).values() for t in ts]
    zin = f"{wie} brengt in {periode} het basistakenpakket niet volledig in: "
    zin += f"{'de basistaak' if len(taken) == 1 else 'de basistaken'} {opsomming(taken) or '?'} "
    zin += f"{'ontbreekt' if len(taken) == 1 else 'ontbreken'}"
    seveso = [t for t in taken if t in seveso_categorieen]
    if seveso:
        ondergebracht = stap_van("seveso_taken_ondergebracht_bij")
        aangewezen = stap_van("aangewezen_seveso_omgevingsdienst")
        plaats = "niet opgegeven waar"
        if ondergebracht and ondergebracht.waarde == EIGEN_BEHEER:
            plaats = "in eigen beheer gehouden"
        elif ondergebracht and ondergebracht.waarde:
            plaats = f"ondergebracht bij {ondergebracht.waarde}"
        if aangewezen:
            zin += (
                f" (Seveso- en RIE-4-taken {plaats}, niet bij de aangewezen "
                f"Seveso-omgevingsdienst {tekst_waarde(aangewezen.waarde)}"
                + (f"; {seveso_grondslag})" if seveso_grondslag else ")")
            )
    zin += "."
    toezichthouder = stap_van("interbestuurlijk_toezichthouder")
    if toezichthouder is not None and toezichthouder.waarde in TOEZICHTHOUDER:
        parameter = TOEZICHT_PARAMETER.get((deelnemer.soort, toezichthouder.waarde))
        gelezen = next((p for p in toezichthouder.parameters if p.parameter == parameter), None)
        wet = "Gemeentewet" if deelnemer.soort == "gemeente" else "Provinciewet"
        bron = next((b for b in gelezen.bronnen if b["tekst"].startswith(wet)), None) if gelezen else None
        grond = f" op grond van {bron['tekst'].split(' (')[0]} (status {gelezen.status})" if bron and gelezen else ""
        orgaan, werkwoord = TOEZICHTHOUDER[toezichthouder.waarde]
        orgaan = orgaan.format(van=f" van {deelnemer.provincie}" if deelnemer.provincie else "")
        zin += f" Bij taakverwaarlozing {werkwoord} {orgaan} in de plaats treden{grond}."
    elif toezichthouder is not None:
        zin += " Er is geen interbestuurlijk toezichthouder die in de plaats kan treden."
    afdwingbaar = stap_van("inbreng_basistakenpakket_afdwingbaar")
    if afdwingbaar is not None:
        kan = "kan de inbreng afdwingen" if afdwingbaar.waarde else "kan de inbreng niet zelf afdwingen"
        zin += f" De staatssecretaris van IenW {kan} (inbreng_basistakenpakket_afdwingbaar)."
    return zin


def verklaar(
    dataset: Dataset,
    tax_benefit_system: TaxBenefitSystem,
    periode: str | Period,
    code: str | None,
    hervorming: str | None = None,
) -> Verklaring:
    """The :class:`Verklaring` of dienst or deelnemer ``code`` of ``dataset`` in month ``periode`` under
    ``tax_benefit_system``.

    ``hervorming`` is only a label (the reform that built ``tax_benefit_system``). Raises
    :class:`OnbekendeCode` (a ``VTHInvoerFout``) for a code the dataset does not have then, and
    as :func:`openfisca_vth.rapport.bereken_status` does for a bad month or one the dataset does not
    cover.
    """
    periode = maand(periode)
    record = _zoek(dataset, periode, code)
    simulatie = dataset.simulatie(tax_benefit_system, periode)
    simulatie.trace = True
    is_dienst = record.soort == "omgevingsdienst"
    vragen = DIENST_VRAGEN if is_dienst else DEELNEMER_VRAGEN
    for variabele in vragen:
        simulatie.calculate(variabele, periode)
    verkenner = _Verkenner(tax_benefit_system, simulatie, dataset, periode)
    lijst = verkenner.diensten if is_dienst else verkenner.deelnemers
    index = next(i for i, r in enumerate(lijst) if r.id == record.id)
    wortels = {knoop.name: knoop for knoop in simulatie.tracer.trees}
    for variabele in vragen:
        verkenner.verklaar(wortels[variabele], index)
    stappen = verkenner.stappen
    if is_dienst:
        vraag = f"Is {record.naam} ({record.code}) robuust in {periode}, en kan de staatssecretaris bijsturen?"
        conclusie = _conclusie_dienst(record, periode, stappen, verkenner.vol(wortels["robuust"]), verkenner, index)
        bijsturing = _conclusie_bijsturing(stappen, record)
        conclusie += f" {bijsturing}" if bijsturing else ""
    else:
        vraag = (
            f"Brengt {record.naam} ({record.soort}, {record.id}) in {periode} het basistakenpakket volledig in, "
            "en wie kan optreden als dat niet zo is?"
        )
        seveso = uitsluitend_seveso(geldende_regels(tax_benefit_system.parameters, periode))
        grondslag = seveso_grondslag(tax_benefit_system.parameters, peildatum(periode))
        conclusie = _conclusie_deelnemer(record, periode, stappen, seveso, grondslag)
    return Verklaring(
        conclusie=conclusie,
        vraag=vraag,
        periode=str(periode),
        hervorming=hervorming,
        code=record.id,
        naam=record.naam,
        soort=record.soort,
        dataset=dataset.naam,
        dataset_bron=dataset.bron,
        illustratief=dataset.illustratief,
        toelichting=dataset.toelichting,
        stappen=tuple(stappen),
    )


# --- rendering ----------------------------------------------------------------------------------

# The table indents a step two columns per level, up to this; its details four more.
MAX_INSPRINGING = 16


def _wie(stap):
    return stap.naam if stap.entiteit == stap.naam else f"{stap.naam} ({stap.entiteit})"


def _gemeenschappelijk(namen):
    """The dotted prefix (ending in a dot) that two or more parameter names share, or ''."""
    if len(namen) < 2:
        return ""
    delen = [naam.split(".")[:-1] for naam in namen]
    gedeeld = []
    for segmenten in zip(*delen, strict=False):
        if len(set(segmenten)) != 1:
            break
        gedeeld.append(segmenten[0])
    return ".".join(gedeeld) + "." if gedeeld else ""


def als_json(verklaring: Verklaring) -> str:
    """The explanation as JSON text (:meth:`Verklaring.naar_dict`)."""
    from openfisca_vth.uitvoer import json_tekst

    return json_tekst(verklaring.naar_dict())


def als_tabel(verklaring: Verklaring) -> str:
    """The explanation as plain text that fits :data:`openfisca_vth.uitvoer.BREEDTE` columns."""
    import textwrap

    from openfisca_vth.uitvoer import BREEDTE

    def omloop(tekst: str, inspringing: int = 0, vervolg: int = 2) -> list[str]:
        # Dotted parameter names are not broken; a word longer than a line still is (the width holds).
        regels = textwrap.wrap(
            tekst,
            BREEDTE,
            initial_indent=" " * inspringing,
            subsequent_indent=" " * (inspringing + vervolg),
            break_long_words=False,
            break_on_hyphens=False,
        ) or [""]
        uitkomst = []
        for regel in regels:
            while len(regel) > BREEDTE:
                uitkomst.append(regel[:BREEDTE])
                regel = " " * (inspringing + vervolg) + regel[BREEDTE:]
            uitkomst.append(regel)
        return uitkomst

    regels = omloop(f"Vraag: {verklaring.vraag}")
    regels += omloop(
        f"Periode {verklaring.periode} ({verklaring.hervorming or HUIDIG_RECHT}); dataset: {verklaring.dataset} "
        f"[{verklaring.dataset_bron}]"
    )
    if verklaring.illustratief:
        regels += omloop(f"LET OP: {verklaring.toelichting}")
    regels += [""] + omloop(f"Conclusie: {verklaring.conclusie}")
    regels += ["", "Stappen uit de trace van de berekening (ingesprongen: waaruit de stap volgt):"]
    for stap in verklaring.stappen:
        inspringing = min(2 * stap.diepte, MAX_INSPRINGING)
        invoer = " [invoer]" if stap.invoer else ""
        regels += omloop(f"{stap.variabele} · {_wie(stap)} = {tekst_waarde(stap.waarde)}{invoer}", inspringing, 4)
        details = [stap.label]
        if stap.toelichting:
            details.append(f"toelichting: {stap.toelichting}")
        if stap.herkomst:
            details.append(f"herkomst: {stap.herkomst}")
        if stap.bronnen:
            details.append("bronnen: " + "; ".join(b["tekst"] for b in stap.bronnen))
        voorvoegsel = _gemeenschappelijk([p.parameter for p in stap.parameters])
        if voorvoegsel:
            details.append(f"parameters {voorvoegsel}…:")
        for p in stap.parameters:
            vanaf = f", vanaf {p.vanaf}" if p.vanaf else ""
            naam = f"  …{p.parameter.removeprefix(voorvoegsel)}" if voorvoegsel else f"parameter {p.parameter}"
            details.append(f"{naam} = {tekst_waarde(p.waarde)} ({p.status}{vanaf})")
        for detail in details:
            regels += omloop(detail, inspringing + 4, 4)
    return "\n".join(regels) + "\n"


def als_markdown(verklaring: Verklaring) -> str:
    """The explanation as Markdown: question, conclusion, the steps and the parameters they read."""
    from openfisca_vth.uitvoer import md_bron, md_cel, md_tabel

    regels = [
        f"## Verklaring: {verklaring.naam} ({verklaring.code}), {verklaring.periode}",
        "",
        f"**Vraag.** {md_cel(verklaring.vraag)}",
        "",
        f"**Conclusie.** {md_cel(verklaring.conclusie)}",
        "",
        f"Hervorming: {verklaring.hervorming or HUIDIG_RECHT}; dataset: {verklaring.dataset} "
        f"[{verklaring.dataset_bron}]",
    ]
    if verklaring.illustratief:
        regels += ["", f"> **LET OP.** {verklaring.toelichting}"]
    regels += ["", "### Stappen", "", "Uit de trace van de berekening; ingesprongen: waaruit de stap volgt.", ""]
    rijen = []
    for nummer, stap in enumerate(verklaring.stappen, start=1):
        rijen.append(
            (
                nummer,
                "→ " * stap.diepte + f"`{stap.variabele}`",
                _wie(stap),
                tekst_waarde(stap.waarde),
                f"invoer: {stap.herkomst}" if stap.invoer else (stap.toelichting or stap.label),
                ", ".join(md_bron(b) for b in stap.bronnen) or "-",
            )
        )
    regels += md_tabel(("#", "stap", "wie", "waarde", "toelichting", "bronnen"), rijen)
    parameters = [
        (
            nummer,
            f"`{p.parameter}`",
            tekst_waarde(p.waarde),
            f"`{p.status}`",
            p.vanaf,
            ", ".join(md_bron(b) for b in p.bronnen) or "-",
        )
        for nummer, stap in enumerate(verklaring.stappen, start=1)
        for p in stap.parameters
    ]
    if parameters:
        regels += ["", "### Parameters die de stappen lazen", ""]
        regels += md_tabel(("stap", "parameter", "waarde", "status", "vanaf", "bronnen"), parameters)
    return "\n".join(regels) + "\n"


def als_html(verklaring: Verklaring) -> str:
    """The explanation as a self-contained HTML page (see :func:`openfisca_vth.uitvoer.html_document`)."""
    from openfisca_vth.uitvoer import h, html_bron, html_document, html_ja_nee, html_tabel

    def waarde(w: object) -> str:
        return html_ja_nee(w) if isinstance(w, bool) else h(tekst_waarde(w))

    rijen = []
    for nummer, stap in enumerate(verklaring.stappen, start=1):
        toelichting = h(stap.label)
        if stap.toelichting:
            toelichting += f'<br><span class="klein">{h(stap.toelichting)}</span>'
        if stap.invoer:
            toelichting += f'<br><span class="klein">invoer: {h(stap.herkomst)}</span>'
        rijen.append(
            (
                str(nummer),
                f'<span style="padding-left:{1.2 * stap.diepte:.1f}em"><code>{h(stap.variabele)}</code></span>',
                h(_wie(stap)),
                waarde(stap.waarde),
                toelichting,
                "<br>".join(html_bron(b) for b in stap.bronnen) or "-",
            )
        )
    parameters = [
        (
            str(nummer),
            f"<code>{h(p.parameter)}</code>",
            waarde(p.waarde),
            f"<code>{h(p.status)}</code>",
            h(p.vanaf),
            "<br>".join(html_bron(b) for b in p.bronnen) or "-",
        )
        for nummer, stap in enumerate(verklaring.stappen, start=1)
        for p in stap.parameters
    ]
    secties = [
        ("Vraag", f"<p>{h(verklaring.vraag)}</p>"),
        ("Conclusie", f"<p><strong>{h(verklaring.conclusie)}</strong></p>"),
        (
            "Stappen",
            '<p class="klein">Uit de trace van de OpenFisca-berekening; ingesprongen: waaruit de stap volgt. '
            f"Hervorming: {h(verklaring.hervorming or HUIDIG_RECHT)}; dataset: {h(verklaring.dataset)} "
            f"[{h(verklaring.dataset_bron)}].</p>"
            + html_tabel(("#", "stap", "wie", "waarde", "toelichting", "bronnen"), rijen),
        ),
    ]
    if parameters:
        secties.append(
            (
                "Parameters die de stappen lazen",
                html_tabel(("stap", "parameter", "waarde", "status", "vanaf", "bronnen"), parameters),
            )
        )
    return html_document(
        f"Verklaring: {verklaring.naam} ({verklaring.code}), {verklaring.periode}",
        secties,
        waarschuwing=verklaring.toelichting if verklaring.illustratief else "",
    )


RENDERERS = {"table": als_tabel, "json": als_json, "markdown": als_markdown, "html": als_html}

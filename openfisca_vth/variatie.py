"""Sweeps (*variaties*): the headline results of ``status`` for many values of one rule.

A drafter asks "from which minimum formation on do diensten start to fail?". A sweep answers it
for every value at once. Two ways to compute it, both on the real formulas:

- **gestapeld** (stacked): one simulation holds one copy of the dataset's month per value
  (``Dataset.simulatie(kopieen=N)``) and the swept parameter, where the formulas read it, is an
  array with each copy's value. OpenFisca's axes cannot vary a parameter; this driver swaps the
  leaf in the parameters a formula receives, nothing else. It applies when the formulas of one
  entity read the parameter as a number or a switch inside array arithmetic.
- **per_waarde** (value by value): one reform per value (as a reform file would set it, from the
  model's first day) and one ``status`` per value. Used for rules read at Python level (which
  criteria count), rules a reform turns into other rules when it is built (the bill's choices, its
  in-force date), text and date values, and whenever stacking fails. Slower, but always right.

Both give the same totals as ``openfisca-vth status`` under a reform file with the value (a test
holds them to it).
"""

# mypy: check-untyped-defs

from __future__ import annotations

import copy
import dataclasses
import datetime
import difflib
import math
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

import numpy
from openfisca_core.simulations import Simulation

from openfisca_vth.errors import HervormingsFout, VTHInvoerFout
from openfisca_vth.metadata import bladeren
from openfisca_vth.periode import EERSTE_GELDIGE_DAG, geldende_regels, maand, peildatum
from openfisca_vth.rapport import bereken_status, gelezen_parameters, tel_totalen_per_kopie
from openfisca_vth.robuustheidscriteria import ROBUUSTHEIDSCRITERIA, geldende_criteria, telt_mee
from openfisca_vth.taakcategorieen import TAAKCATEGORIEEN

if TYPE_CHECKING:
    from openfisca_core.parameters import Parameter, ParameterNode
    from openfisca_core.periods import Period
    from openfisca_core.taxbenefitsystems import TaxBenefitSystem

    from openfisca_vth.dataset import Dataset
    from openfisca_vth.rapport import Statusrapport
    from openfisca_vth.reforms.hervormingsbestand import Hervormingsbestand

GESTAPELD = "gestapeld"
PER_WAARDE = "per_waarde"
MAXIMUM_WAARDEN = 10_000  # stacked: 10,000 copies of the national dataset are 3.7 million deelnemers
MAXIMUM_PER_WAARDE = 200  # value by value costs a reform and a status per value
_DATUM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class VariatieFout(VTHInvoerFout):
    """A sweep that cannot be run as asked (unknown parameter, bad values)."""


@dataclasses.dataclass(frozen=True)
class Waardeuitkomst:
    """The results for one value: the totals of ``status`` and the diensten in each state."""

    waarde: object
    totalen: dict[str, Any]
    robuust: frozenset[str]  # codes of the robust diensten
    bijsturing: frozenset[str]  # codes of the diensten the State Secretary could steer

    @classmethod
    def uit_rapport(cls, waarde: object, rapport: Statusrapport) -> Waardeuitkomst:
        """The results of a :class:`openfisca_vth.rapport.Statusrapport` computed for ``waarde``."""
        diensten = rapport.omgevingsdiensten
        return cls(
            waarde=waarde,
            totalen=rapport.totalen,
            robuust=frozenset(d.code for d in diensten if d.robuust),
            bijsturing=frozenset(d.code for d in diensten if d.bijsturingsbevoegdheid_staatssecretaris),
        )

    def naar_dict(self) -> dict[str, Any]:
        """``{waarde, totalen}``."""
        return {"waarde": self.waarde, "totalen": self.totalen}


@dataclasses.dataclass(frozen=True)
class Wissel:
    """A dienst changes state between two consecutive values of the sweep."""

    code: str
    naam: str
    uitkomst: str  # "robuust" or "bijsturingsbevoegdheid_staatssecretaris"
    van_waarde: object
    naar_waarde: object
    wordt: bool  # the state at naar_waarde

    def naar_dict(self) -> dict[str, Any]:
        """The fields as a dict."""
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class Variatie:
    """A sweep: the status totals for each value of one rule (see :func:`varieer`)."""

    parameter: str
    periode: str
    hervorming: str | None
    dataset: str
    illustratief: bool
    werkwijze: str  # GESTAPELD or PER_WAARDE
    reden: str  # why per_waarde, empty when stacked
    uitkomsten: tuple[Waardeuitkomst, ...]  # in the order of the values
    diensten: tuple[tuple[str, str], ...]  # (code, naam) of the diensten in the month
    dataset_bron: str = ""
    toelichting: str = ""  # the dataset's caveat (an illustrative scenario)

    @property
    def wisselingen(self) -> tuple[Wissel, ...]:
        """Every dienst that changes state between two consecutive values, in value order."""
        namen = dict(self.diensten)
        wissels = []
        for vorige, volgende in zip(self.uitkomsten, self.uitkomsten[1:], strict=False):
            for uitkomst in ("robuust", "bijsturing"):
                voor, na = getattr(vorige, uitkomst), getattr(volgende, uitkomst)
                for code in sorted(voor ^ na):
                    wissels.append(
                        Wissel(
                            code=code,
                            naam=namen.get(code, code),
                            uitkomst="robuust" if uitkomst == "robuust" else "bijsturingsbevoegdheid_staatssecretaris",
                            van_waarde=vorige.waarde,
                            naar_waarde=volgende.waarde,
                            wordt=code in na,
                        )
                    )
        return tuple(wissels)

    def naar_dict(self) -> dict[str, Any]:
        """The JSON shape of the sweep: its parameter, month, reform, the totals per value and the switches."""
        return {
            "parameter": self.parameter,
            "periode": self.periode,
            "hervorming": self.hervorming,
            "dataset": {"naam": self.dataset, "bron": self.dataset_bron},
            "illustratief": self.illustratief,
            "toelichting": self.toelichting,
            "werkwijze": self.werkwijze,
            "reden_per_waarde": self.reden or None,
            "waarden": [u.naar_dict() for u in self.uitkomsten],
            "wisselingen": [w.naar_dict() for w in self.wisselingen],
        }


# -- the parameter and its values ------------------------------------------------------------------


def zoek_parameter(parameters: ParameterNode, pad: str) -> Parameter:
    """The parameter leaf at ``pad`` (dotted) below ``parameters``; :class:`VariatieFout` naming the
    closest paths for an unknown one, or the reform for a choice of a reform not applied."""
    bladen = {blad.name: blad for blad in bladeren(parameters)}
    if pad in bladen:
        return bladen[pad]
    from openfisca_vth.reforms import PYTHON_HERVORMINGEN

    eigenaar = str(pad).split(".")[0]
    if eigenaar in PYTHON_HERVORMINGEN:
        raise VariatieFout(
            f"{pad!r} is een keuze van de hervorming {eigenaar}; reken onder die hervorming of een variant die "
            f"erop bouwt"
        )
    suggesties = difflib.get_close_matches(str(pad), list(bladen), n=2, cutoff=0.6)
    if not suggesties:
        suggesties = [naam for naam in bladen if naam.endswith(f".{pad}") or naam.startswith(f"{pad}.")][:2]
    hint = f"bedoelt u {' of '.join(repr(s) for s in suggesties)}? " if suggesties else ""
    raise VariatieFout(
        f"onbekende parameter {pad!r}; {hint}geef het volledige pad van een regel, zoals "
        f"robuustheidscriteria.kritieke_massa.minimum_fte_formatie (alle regels: docs/legal-sources.md)"
    )


def soort_van(parameter: Parameter) -> str:
    """'bool', 'getal', 'datum' or 'tekst': the kind of value the parameter holds; :class:`VariatieFout`
    for a parameter whose values are of none of these kinds (or mixed)."""
    waarden = [w.value for w in parameter.values_list if w.value is not None]
    if waarden and all(isinstance(w, bool) for w in waarden):
        return "bool"
    if waarden and all(isinstance(w, int | float) and not isinstance(w, bool) for w in waarden):
        return "getal"
    if waarden and all(isinstance(w, str) and _DATUM.fullmatch(w) for w in waarden):
        return "datum"
    if waarden and all(isinstance(w, str) for w in waarden):
        return "tekst"
    raise VariatieFout(f"parameter {parameter.name!r} heeft geen enkelvoudige waarden; kies een andere regel")


def lees_waarden(tekst: object, parameter: Parameter) -> list[Any]:
    """The values written in ``tekst``: ``START:STOP[:STEP]`` (numbers, both ends included; dates with a
    step in months) or ``v1,v2,...``, read as the kind of ``parameter`` (numbers as float, or int for a
    parameter counted in whole numbers; dates as ``JJJJ-MM-DD`` text; booleans; text).

    Raises :class:`VariatieFout` for an empty or malformed text, a value of the wrong kind, out of the
    parameter's range or given twice, and more than :data:`MAXIMUM_WAARDEN` values.
    """
    from openfisca_vth.reforms.hervormingsbestand import BOOLEAANSE_WOORDEN, buiten_bereik

    soort = soort_van(parameter)
    tekst = str(tekst).strip()
    if not tekst:
        raise VariatieFout("geef waarden: START:STOP[:STAP] of een lijst v1,v2,...")
    waarden: list[Any]
    if ":" in tekst and soort in ("getal", "datum"):
        waarden = _bereik_getallen(tekst) if soort == "getal" else _bereik_datums(tekst)
    else:
        waarden = [deel.strip() for deel in tekst.split(",")]
        if any(not deel for deel in waarden):
            raise VariatieFout(f"lege waarde in {tekst!r}; scheid de waarden met komma's, zonder lege plekken")
        waarden = [_lees_waarde(deel, soort, parameter.name, BOOLEAANSE_WOORDEN) for deel in waarden]
    if len(waarden) > MAXIMUM_WAARDEN:
        raise VariatieFout(f"{len(waarden)} waarden is te veel; het maximum is {MAXIMUM_WAARDEN}")
    if len(set(waarden)) != len(waarden):
        raise VariatieFout(f"een waarde staat er meer dan eens in {tekst!r}; geef elke waarde één keer")
    if soort == "getal":
        for waarde in waarden:
            if grenzen := buiten_bereik(parameter, waarde):
                raise VariatieFout(f"waarde {waarde:g} valt buiten het bereik van {parameter.name}; kies {grenzen}")
        if all(isinstance(w.value, int) for w in parameter.values_list if w.value is not None):
            if any(w != int(w) for w in waarden):
                raise VariatieFout(f"{parameter.name} telt in hele getallen; geef gehele waarden")
            waarden = [int(w) for w in waarden]
    return waarden


def _getal(deel, geheel):
    try:
        waarde = float(deel)
    except ValueError:
        raise VariatieFout(f"{deel!r} is geen getal; schrijf bijvoorbeeld 0:999 of 50,100,150") from None
    if not math.isfinite(waarde):
        raise VariatieFout(f"{deel!r} is geen eindig getal; geef gewone getallen")
    return waarde


def _bereik_getallen(tekst):
    delen = tekst.split(":")
    if len(delen) not in (2, 3):
        raise VariatieFout(f"ongeldig bereik {tekst!r}; schrijf START:STOP of START:STOP:STAP, bijvoorbeeld 0:999")
    begin, einde = _getal(delen[0], tekst), _getal(delen[1], tekst)
    stap = _getal(delen[2], tekst) if len(delen) == 3 else 1.0
    if stap <= 0:
        raise VariatieFout(f"stap {delen[2]!r} moet groter dan 0 zijn")
    if einde < begin:
        raise VariatieFout(f"bereik {tekst!r}: STOP ligt onder START; schrijf het kleinste getal eerst")
    aantal = math.floor((einde - begin) / stap + 1e-9) + 1
    if aantal > MAXIMUM_WAARDEN:
        raise VariatieFout(f"{aantal} waarden is te veel; het maximum is {MAXIMUM_WAARDEN} (kies een grotere stap)")
    return [round(begin + i * stap, 10) for i in range(aantal)]


def _datum(deel):
    try:
        return datetime.date.fromisoformat(deel.strip())
    except ValueError:
        raise VariatieFout(f"{deel.strip()!r} is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2027-01-01") from None


def _bereik_datums(tekst):
    delen = tekst.split(":")
    if len(delen) not in (2, 3):
        raise VariatieFout(
            f"ongeldig bereik {tekst!r}; schrijf START:STOP[:MAANDEN], bijvoorbeeld 2027-01-01:2029-01-01:6"
        )
    begin, einde = _datum(delen[0]), _datum(delen[1])
    try:
        stap = int(delen[2]) if len(delen) == 3 else 1
    except ValueError:
        raise VariatieFout(f"stap {delen[2]!r} is geen aantal maanden; schrijf bijvoorbeeld 6") from None
    if stap <= 0:
        raise VariatieFout(f"stap {stap} moet ten minste 1 maand zijn")
    if einde < begin:
        raise VariatieFout(f"bereik {tekst!r}: STOP ligt vóór START; schrijf de vroegste datum eerst")
    datums: list[datetime.date] = []
    i = 0
    while True:
        maandnummer = begin.month - 1 + i * stap
        jaar, m = begin.year + maandnummer // 12, maandnummer % 12 + 1
        try:
            datum = begin.replace(year=jaar, month=m)
        except ValueError:
            raise VariatieFout(f"bereik {tekst!r}: begin op een dag die elke maand bestaat (1 t/m 28)") from None
        if datum > einde:
            return [d.isoformat() for d in datums]
        datums.append(datum)
        i += 1


def _lees_waarde(deel, soort, naam, woorden):
    if soort == "bool":
        woord = deel.lower()
        if woord in ("true", "false"):
            return woord == "true"
        if woord in woorden:
            return woorden[woord]
        raise VariatieFout(f"{deel!r} is geen ja/nee-waarde voor {naam}; geef true,false (of ja,nee)")
    if soort == "getal":
        return _getal(deel, deel)
    if soort == "datum":
        return _datum(deel).isoformat()
    return deel


# -- the drivers ----------------------------------------------------------------------------------


def _uitkomstvariabelen(systeem, periode):
    geldend = geldende_criteria(systeem.parameters(peildatum(periode)))
    dienst = ["robuust", "bijsturingsbevoegdheid_staatssecretaris", "werkgebied_in_strijd_met_wet"]
    dienst += [c.variabele for c in geldend]
    deelnemer = [f"basistaak_ontbreekt_{c.code}" for c in TAAKCATEGORIEEN] + ["bijsturingsbevoegdheid_jegens_deelnemer"]
    return geldend, dienst, deelnemer


def gelezen_door_uitkomsten(dataset: Dataset, systeem: TaxBenefitSystem, periode: Period) -> set[str]:
    """The names of the parameters the formulas of the headline results read in month ``periode`` on
    ``dataset`` under ``systeem`` (one traced run)."""
    simulatie = dataset.simulatie(systeem, periode)
    simulatie.trace = True
    _, dienst, deelnemer = _uitkomstvariabelen(systeem, periode)
    for variabele in dienst + deelnemer:
        simulatie.calculate(variabele, periode)
    return gelezen_parameters(simulatie)


class _Gestapeld:
    """``get_parameters_at_instant`` of a stacked simulation: the leaf ``pad`` is an array with each
    copy's value, repeated for every entity of the copy. Which entity depends on the formula that
    asks: :class:`_GestapeldeSimulatie` says whose formula runs."""

    def __init__(self, systeem, per_pad, aantallen):
        self.systeem = systeem
        # {path parts: {entity: the copies' values, each repeated for the entity's members of the copy}}
        self.per_pad = {
            tuple(pad.split(".")): {entiteit: numpy.repeat(waarden, aantal) for entiteit, aantal in aantallen.items()}
            for pad, waarden in per_pad.items()
        }
        self.entiteit: str | None = None
        self.cache: dict[tuple[Any, str | None], Any] = {}

    def __call__(self, instant):
        sleutel = (instant, self.entiteit)
        knoop = self.cache.get(sleutel)
        if knoop is None:
            knoop = self.systeem.parameters.get_at_instant(instant)  # a fresh tree: safe to change
            for pad, per_entiteit in self.per_pad.items():
                ouder = knoop
                for deel in pad[:-1]:
                    ouder = ouder[deel]
                ouder.add_child(pad[-1], per_entiteit[self.entiteit])
            self.cache[sleutel] = knoop
        return knoop


class _GestapeldeSimulatie(Simulation):
    """An OpenFisca simulation that tells the parameters which entity's formula runs (and gives the
    caller's entity back when a nested calculation returns)."""

    def _run_formula(self, variable, population, period):
        parameters = self.tax_benefit_system.get_parameters_at_instant
        vorige, parameters.entiteit = parameters.entiteit, population.entity.key
        try:
            return super()._run_formula(variable, population, period)
        finally:
            parameters.entiteit = vorige


def _gestapeld(dataset, systeem, pad, waarden, periode):
    uitkomsten = gestapeld_meervoudig(dataset, systeem, {pad: waarden}, periode)
    return tuple(dataclasses.replace(u, waarde=w) for u, w in zip(uitkomsten, waarden, strict=True))


def gestapeld_meervoudig(
    dataset: Dataset, systeem: TaxBenefitSystem, per_pad: Mapping[str, Sequence[Any]], periode: Period
) -> tuple[Waardeuitkomst, ...]:
    """The results of one stacked simulation in which copy ``k`` gives each parameter ``pad`` of
    ``per_pad`` its ``k``-th value (all sequences as long as the number of copies); ``waarde`` of each
    result is None. Raises ``ValueError``, ``TypeError``, ``IndexError`` or ``KeyError`` when a
    formula reads one of the parameters outside array arithmetic (a Python ``if``): stack it alone
    or value by value then."""
    n = len(next(iter(per_pad.values())))
    kolommen = {
        pad: numpy.array(waarden, dtype=float if any(isinstance(w, float) for w in waarden) else None)
        for pad, waarden in per_pad.items()
    }
    codes = [d.code for d in dataset.omgevingsdiensten(periode)]
    deelnemers = dataset.deelnemers(periode)
    groep = next(iter(systeem.group_entities)).key
    aantallen = {systeem.person_entity.key: len(deelnemers), groep: len(codes)}
    gestapeld = copy.copy(systeem)  # shallow: shares variables and parameters, not the cache below
    gestapeld._parameters_at_instant_cache = {}
    gestapeld.get_parameters_at_instant = _Gestapeld(systeem, kolommen, aantallen)
    simulatie = dataset.simulatie(gestapeld, periode, kopieen=n, klasse=_GestapeldeSimulatie)
    _, dienst, deelnemer = _uitkomstvariabelen(systeem, periode)
    # which criteria count, per copy (a sweep may switch one on or off): the one rule for it
    # (robuustheidscriteria.telt_mee) read on the stacked rules as a dienst's formula reads them
    regels_per_dienst = gestapeld.get_parameters_at_instant
    vorige, regels_per_dienst.entiteit = regels_per_dienst.entiteit, groep
    try:
        stapel = geldende_regels(regels_per_dienst, periode)
        telt = {
            c.code: numpy.full(n, bool(t)) if numpy.ndim(t) == 0 else numpy.asarray(t, dtype=bool).reshape(n, -1)[:, 0]
            for c, t in telt_mee(stapel)
        }
    finally:
        regels_per_dienst.entiteit = vorige
    geldend = [c for c in ROBUUSTHEIDSCRITERIA if telt[c.code].any()]
    dienst = [*dict.fromkeys([*dienst, *(c.variabele for c in geldend)])]
    per_dienst = {v: simulatie.calculate(v, periode).reshape(n, -1).astype(bool) for v in dienst}
    per_deelnemer = {v: simulatie.calculate(v, periode).reshape(n, -1).astype(bool) for v in deelnemer}
    ontbreekt = numpy.zeros((n, len(deelnemers)), dtype=bool)
    for c in TAAKCATEGORIEEN:
        ontbreekt |= per_deelnemer[f"basistaak_ontbreekt_{c.code}"]
    # not met counts only where the criterion counts in that copy
    alle_totalen = tel_totalen_per_kopie(
        robuust=per_dienst["robuust"],
        bijsturing=per_dienst["bijsturingsbevoegdheid_staatssecretaris"],
        werkgebied=per_dienst["werkgebied_in_strijd_met_wet"],
        niet_voldaan={c.code: ~per_dienst[c.variabele] & telt[c.code][:, None] for c in geldend},
        ontbrekend=ontbreekt,
        jegens_deelnemer=per_deelnemer["bijsturingsbevoegdheid_jegens_deelnemer"],
    )
    uitkomsten = []
    for k, totalen in enumerate(alle_totalen):
        robuust, bijsturing = per_dienst["robuust"][k], per_dienst["bijsturingsbevoegdheid_staatssecretaris"][k]
        uitkomsten.append(
            Waardeuitkomst(
                waarde=None,
                totalen=totalen,
                robuust=frozenset(c for c, r in zip(codes, robuust, strict=True) if r),
                bijsturing=frozenset(c for c, b in zip(codes, bijsturing, strict=True) if b),
            )
        )
    return tuple(uitkomsten)


def _met_waarde(systeem, pad):
    """A function from a value to ``systeem`` with ``pad`` set to that value from the model's first
    day, as a reform file would set it (the bill's own choices before the bill turns them into
    rules). The reform that built ``systeem`` last is applied again with the value as one more
    change; the systems below it are used as they are. The reform is taken from the system itself,
    never looked up by name: a reform file sent as text has no name to look up."""
    from openfisca_core.reforms import Reform

    from openfisca_vth.reforms import PYTHON_HERVORMINGEN, python_hervorming
    from openfisca_vth.reforms.hervormingsbestand import (
        Bestandshervorming,
        Hervormingsbestand,
        Wijziging,
        maak_hervormingsklasse,
    )

    klasse = type(systeem) if isinstance(systeem, Reform) else None
    naam = getattr(klasse, "__name__", None)
    if klasse is not None and issubclass(klasse, Bestandshervorming):
        # a reform file: the value is one more change of the file, so a choice of its basis is set
        # before the basis reads it (the base class declares spec None; each file's class sets it)
        spec = cast("Hervormingsbestand", klasse.spec)
        systeem = systeem.baseline
    elif naam in PYTHON_HERVORMINGEN and klasse is python_hervorming(naam):
        spec = Hervormingsbestand(f"variatie van {pad}", naam, "", naam, ())
        systeem = systeem.baseline
    else:
        spec = Hervormingsbestand(f"variatie van {pad}", "variatie", "", None, ())

    def systeem_met(waarde: Any) -> TaxBenefitSystem:
        wijziging = Wijziging(pad, str(EERSTE_GELDIGE_DAG), waarde, "aanname", None, 0, 0)
        met_waarde = dataclasses.replace(spec, wijzigingen=(*spec.wijzigingen, wijziging))
        return maak_hervormingsklasse(met_waarde)(systeem)

    return systeem_met


def _per_waarde(dataset, systeem, pad, waarden, periode):
    if len(waarden) > MAXIMUM_PER_WAARDE:
        raise VariatieFout(
            f"{pad} wordt niet gestapeld maar per waarde doorgerekend; geef ten hoogste {MAXIMUM_PER_WAARDE} "
            f"waarden (nu {len(waarden)}), bijvoorbeeld met een grotere stap"
        )
    systeem_met = _met_waarde(systeem, pad)
    uitkomsten = []
    for waarde in waarden:
        try:
            met_waarde = systeem_met(waarde)
        except HervormingsFout as fout:
            raise VariatieFout(f"waarde {waarde!r}: {str(fout).split(': ', 1)[-1]}") from None
        uitkomsten.append(Waardeuitkomst.uit_rapport(waarde, bereken_status(dataset, met_waarde, periode)))
    return tuple(uitkomsten)


def varieer(
    dataset: Dataset,
    baseline: TaxBenefitSystem,
    parameter: str,
    waarden: Iterable[Any],
    periode: str | Period,
    hervorming: str | None = None,
    werkwijze: str | None = None,
) -> Variatie:
    """The :class:`Variatie` of ``parameter`` (a dotted path) over ``waarden`` (parsed, see
    :func:`lees_waarden`) in month ``periode`` on ``dataset``, under ``hervorming`` (a name, file or
    ``A+B``, applied to ``baseline``) or current law (``baseline``).

    ``werkwijze`` forces ``"per_waarde"`` (for tests and comparisons); by default the sweep is
    stacked where it can be. Raises :class:`VariatieFout` and the other ``VTHInvoerFout`` on bad input
    (a bad month, an unknown reform, a value the rule cannot take).
    """
    from openfisca_vth.reforms import laad_hervorming

    periode = maand(periode)
    systeem = laad_hervorming(hervorming, baseline) if hervorming else baseline
    return varieer_in(dataset, baseline, systeem, parameter, waarden, periode, hervorming, werkwijze)


def varieer_in(
    dataset: Dataset,
    baseline: TaxBenefitSystem,
    systeem: TaxBenefitSystem,
    parameter: str,
    waarden: Iterable[Any],
    periode: Period,
    hervorming: str | None,
    werkwijze: str | None = None,
    gelezen: Collection[str] | None = None,
) -> Variatie:
    """:func:`varieer` on a system already built (``systeem``: ``baseline`` under the reform named
    ``hervorming``, which only labels the result: a value by value sweep re-applies the reform that
    built ``systeem``, taken from the system itself) for
    a month already parsed; ``gelezen`` (:func:`gelezen_door_uitkomsten`) spares the traced run when
    many parameters are varied in the same month (the assumption sensitivity). Raises as
    :func:`varieer` does."""
    blad = zoek_parameter(systeem.parameters, parameter)
    waarden = list(waarden)
    if not waarden:
        raise VariatieFout("geef ten minste één waarde")
    reden = ""
    uitkomsten: tuple[Waardeuitkomst, ...] | None = None
    if werkwijze == PER_WAARDE:
        reden = "gevraagd"
    elif soort_van(blad) in ("datum", "tekst"):
        reden = "een datum of tekst bepaalt welke regels gelden; elke waarde vraagt een eigen stelsel"
    elif parameter not in (gelezen if gelezen is not None else gelezen_door_uitkomsten(dataset, systeem, periode)):
        reden = "geen formule van de uitkomsten leest deze regel rechtstreeks in deze maand"
    else:
        try:
            uitkomsten = _gestapeld(dataset, systeem, parameter, waarden, periode)
        except (ValueError, TypeError, IndexError, KeyError):
            reden = "een formule gebruikt deze regel buiten de rekenkunde met arrays (bijvoorbeeld in een keuze)"
    werkwijze = GESTAPELD if uitkomsten is not None else PER_WAARDE
    if uitkomsten is None:
        uitkomsten = _per_waarde(dataset, systeem, parameter, waarden, periode)
    return Variatie(
        parameter=parameter,
        periode=str(periode),
        hervorming=hervorming,
        dataset=dataset.naam,
        illustratief=dataset.illustratief,
        werkwijze=werkwijze,
        reden=reden,
        uitkomsten=uitkomsten,
        diensten=tuple((d.code, d.naam) for d in dataset.omgevingsdiensten(periode)),
        dataset_bron=dataset.bron,
        toelichting=dataset.toelichting,
    )

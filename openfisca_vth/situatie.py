"""Checking an OpenFisca situation before it reaches the SimulationBuilder (every edge uses this).

A situation comes from a user: a ``--situatie`` file, a library caller, a Web API client. OpenFisca
converts what it is given without asking: the text ``"false"`` for a boolean becomes ``True``, NaN
passes as a number, an input for a computed variable silently replaces its formula, a dienst
without deelnemers changes with its position. :func:`controleer_situatie` refuses all of that with
one line naming the place (``deelnemers/<id>/<variabele>/<periode>``) and the fix, as a
:class:`openfisca_vth.errors.SituatieFout` (a ``VTHInvoerFout``), and returns a clean copy:
booleans as ``bool`` (accepting ``true``/``false`` and the Dutch words the dataset accepts),
numbers as finite ``float``/``int`` within the range the variable allows.

    from openfisca_vth.situatie import bouw_simulatie
    simulatie = bouw_simulatie(systeem, situatie)          # checked, then SimulationBuilder

What is accepted, per value type of the variable:

- ``bool``: JSON ``true``/``false``, or (case-insensitive) the words of the dataset
  (``true``/``waar``/``ja``/``1`` and ``false``/``onwaar``/``nee``/``0``); numbers are refused;
- ``float``/``int``: JSON numbers only (not text, not ``true``), finite, fitting the variable's
  storage (float32, int32); an ``int`` must be whole; ``fte`` and counts (``int``) not negative;
- ``date``: ``JJJJ-MM-DD`` text or a ``datetime.date``, becoming ``JJJJ-MM-DD`` text;
- ``Enum``: the name of one of its values; ``str``: text.

``null`` is an output request (Web API style, ``{"2026-04": null}``): allowed for any variable, per
month only, kept in the copy and never taken as input. Periods are ``JJJJ`` or ``JJJJ-MM`` text
within the model's coverage. ``axes`` are refused: the inputs they spread are not checked.
"""

# mypy: check-untyped-defs

from __future__ import annotations

import datetime
import difflib
import math
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy
from openfisca_core import periods
from openfisca_core.indexed_enums import Enum
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_vth.dataset.lezen import CBS_CODE_PATROON, ONWAAR, WAAR
from openfisca_vth.errors import OngeldigeSituatie, PeriodeBuitenDekking, onbekende_variabele
from openfisca_vth.periode import controleer_dekking, overlappen

if TYPE_CHECKING:
    from openfisca_core.simulations import Simulation
    from openfisca_core.taxbenefitsystems import TaxBenefitSystem

MAXIMALE_DIEPTE = 20  # a situation needs five levels (entities/id/variable/period: value)
VOORBEELD_MAAND = "2026-04"
CBS_CODE = "cbs_code"  # identifies the gemeente or provincie behind a deelnemer
_JAAR = re.compile(r"[0-9]{4}")
_MAAND = re.compile(r"[0-9]{4}-[0-9]{2}")
_DATUM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_FLOAT32_MAX = float(numpy.finfo(numpy.float32).max)
_INT32 = numpy.iinfo(numpy.int32)


def controleer_situatie(
    tax_benefit_system: TaxBenefitSystem, situatie: Mapping[str, Any], overschrijven: bool = False
) -> dict[str, Any]:
    """A checked, normalised copy of the OpenFisca ``situatie`` (as a YAML test's ``input`` or a Web API
    request) for ``tax_benefit_system``. Raises
    :class:`~openfisca_vth.errors.OngeldigeSituatie` (a ``SituatieFout``, a ``VTHInvoerFout``) with
    one line naming the place and the fix for the first problem, also when ``situatie`` is no dict.

    ``overschrijven``: allow inputs for variables that have a formula (the caller replaces the
    formula on purpose); by default they are refused.
    """
    return _Controle(tax_benefit_system, overschrijven).situatie(situatie)


def bouw_simulatie(
    tax_benefit_system: TaxBenefitSystem, situatie: Mapping[str, Any], overschrijven: bool = False
) -> Simulation:
    """An OpenFisca Simulation of the checked ``situatie`` under ``tax_benefit_system``, built by
    OpenFisca's ``SimulationBuilder``; raises as :func:`controleer_situatie` does."""
    schoon = controleer_situatie(tax_benefit_system, situatie, overschrijven=overschrijven)
    return SimulationBuilder().build_from_entities(tax_benefit_system, schoon)


def _deel(sleutel):
    """One key of a place, printable on one line and short."""
    tekst = str(sleutel)
    if not tekst.isprintable():
        tekst = repr(tekst)
    return tekst if len(tekst) <= 60 else f"{tekst[:57]}..."


def _plaats(pad):
    return "/".join(_deel(sleutel) for sleutel in pad)


def _fout(pad, melding):
    return OngeldigeSituatie(pad, f"{_plaats(pad)}: {melding}" if pad else melding)


def _tekst(waarde):
    """A value as the user wrote it, short, for a message."""
    if isinstance(waarde, bool):
        return str(waarde).lower()
    try:
        tekst = repr(waarde)
    except ValueError:  # an int of more than 4300 digits
        return "(een getal van duizenden cijfers)"
    return tekst if len(tekst) <= 40 else f"{tekst[:37]}..."


def _controleer_diepte(situatie):
    """Refuse nesting deeper than MAXIMALE_DIEPTE (also a dict that contains itself), without recursion."""
    stapel: list[tuple[Any, int, tuple[Any, ...]]] = [(situatie, 1, ())]
    while stapel:
        knoop, diepte, pad = stapel.pop()
        if not isinstance(knoop, dict | list | tuple):
            continue
        if diepte > MAXIMALE_DIEPTE:
            getoond = _plaats(pad[:6]) + ("/..." if len(pad) > 6 else "")
            raise OngeldigeSituatie(
                pad[:6],
                f"{getoond}: de situatie is dieper genest dan {MAXIMALE_DIEPTE} niveaus; een situatie heeft de "
                f"vorm entiteiten/id/variabele/periode: waarde",
            )
        kinderen = knoop.items() if isinstance(knoop, dict) else enumerate(knoop)
        stapel.extend((kind, diepte + 1, (*pad, sleutel)) for sleutel, kind in kinderen)


class _Controle:
    def __init__(self, systeem, overschrijven):
        self.systeem = systeem
        self.overschrijven = overschrijven
        self.personen = systeem.person_entity
        self.groep = next(iter(systeem.group_entities))
        self.rollen = {rol.plural or rol.key: rol for rol in self.groep.roles}
        # per variable, the input periods given so far: [(period, place)], for the overlap check
        self.invoerperioden: dict[str, list[tuple[Any, tuple[Any, ...]]]] = {}

    # -- shape, ids and memberships -------------------------------------------------------------------

    def situatie(self, situatie):
        if not isinstance(situatie, dict):
            raise OngeldigeSituatie(
                (),
                f"de situatie is geen object maar {type(situatie).__name__}; geef een object met de sleutels "
                f"{self.personen.plural!r} en {self.groep.plural!r}",
            )
        _controleer_diepte(situatie)
        meervouden = (self.personen.plural, self.groep.plural)
        for sleutel in situatie:
            if sleutel == "axes":
                raise _fout(
                    ("axes",),
                    "assen (axes) worden niet ondersteund, want de invoer langs een as wordt niet gecontroleerd; "
                    "geef elke variant als eigen deelnemer en dienst",
                )
            if sleutel not in meervouden:
                suggestie = difflib.get_close_matches(str(sleutel), meervouden, n=1)
                hint = f"bedoelt u {suggestie[0]!r}? " if suggestie else ""
                raise _fout(
                    (sleutel,),
                    f"onbekende sleutel {_tekst(sleutel)} in de situatie; {hint}een situatie heeft alleen "
                    f"{meervouden[0]!r} en {meervouden[1]!r}",
                )
        for meervoud in meervouden:
            if meervoud not in situatie:
                raise OngeldigeSituatie(
                    (meervoud,),
                    f"de situatie mist {meervoud!r}; geef {self.personen.plural!r} en {self.groep.plural!r}, "
                    f"elk een object van id naar gegevens",
                )
            entiteiten = situatie[meervoud]
            if not isinstance(entiteiten, dict):
                raise _fout(
                    (meervoud,),
                    f"verwacht een object van id naar gegevens, niet {type(entiteiten).__name__}; bijvoorbeeld "
                    f'{{"{"gemeente_a" if meervoud == self.personen.plural else "od"}": {{}}}}',
                )
            if not entiteiten:
                raise _fout((meervoud,), f"is leeg; geef ten minste één {self._enkelvoud(meervoud)}")
            for id_, gegevens in entiteiten.items():
                self._controleer_id((meervoud, id_))
                if not isinstance(gegevens, dict):
                    raise _fout(
                        (meervoud, id_),
                        f"verwacht een object met variabelen, niet {type(gegevens).__name__}; schrijf {{}} "
                        f"voor een {self._enkelvoud(meervoud)} zonder invoer",
                    )
        deelnemers, diensten = situatie[meervouden[0]], situatie[meervouden[1]]
        for id_ in diensten:
            if id_ in deelnemers:
                raise _fout(
                    (meervouden[1], id_),
                    f"id {id_!r} is ook de id van een deelnemer; geef de dienst een eigen id",
                )
        self._controleer_lidmaatschap(deelnemers, diensten)
        schoon = {
            meervouden[0]: {
                id_: self._variabelen(self.personen, (meervouden[0], id_), gegevens)
                for id_, gegevens in deelnemers.items()
            },
            meervouden[1]: {},
        }
        for id_, gegevens in diensten.items():
            schoon[meervouden[1]][id_] = self._variabelen(self.groep, (meervouden[1], id_), gegevens)
        self._controleer_cbs_codes(schoon)
        return schoon

    def _controleer_cbs_codes(self, schoon):
        """A ``cbs_code`` is written as CBS writes it (GMxxxx for a gemeente, PVxx for a provincie; a
        misspelled code would silently find no Seveso designation), and a gemeente or provincie takes
        part in one dienst once: two deelnemers of one dienst with the same code are one authority
        counted twice (its Seveso duty would follow the order of the input)."""
        deelnemers = schoon[self.personen.plural]
        for dienst_id, gegevens in schoon[self.groep.plural].items():
            code_van: dict[str, str] = {}  # cbs_code -> first deelnemer with it
            for meervoud, rol in self.rollen.items():
                patroon = CBS_CODE_PATROON.get(rol.key)
                for deelnemer in gegevens.get(meervoud, ()):
                    perioden = deelnemers[deelnemer].get(CBS_CODE, {})
                    for periode, code in perioden.items():
                        if code and patroon and not patroon.fullmatch(code):
                            voorbeeld = "GM0363" if rol.key == "gemeente" else "PV26"
                            raise _fout(
                                (self.personen.plural, deelnemer, CBS_CODE, periode),
                                f"ongeldige cbs_code {_tekst(code)} voor een {rol.key} (onder {meervoud} van "
                                f"{dienst_id!r}); schrijf de code zoals het CBS, bijvoorbeeld {voorbeeld}",
                            )
                    for code in sorted({c for c in perioden.values() if c}):
                        if code in code_van:
                            raise _fout(
                                (self.groep.plural, dienst_id),
                                f"deelnemers {code_van[code]!r} en {deelnemer!r} hebben beide cbs_code {code!r}; "
                                f"een gemeente of provincie neemt één keer deel aan een dienst",
                            )
                        code_van[code] = deelnemer

    def _enkelvoud(self, meervoud):
        return self.personen.key if meervoud == self.personen.plural else self.groep.key

    def _controleer_id(self, pad):
        id_ = pad[-1]
        soort = self.personen.key if pad[0] == self.personen.plural else self.groep.key
        if not isinstance(id_, str) or not id_.strip():
            raise _fout(
                pad,
                f"id {_tekst(id_)} is geen niet-lege tekst; geef elke {soort} een id als tekst, bijvoorbeeld "
                f"{'gemeente_a' if soort == 'deelnemer' else 'od_utrecht'!r} (in YAML tussen aanhalingstekens)",
            )
        if "/" in id_ or not id_.isprintable():
            raise _fout(
                pad, f"id {_tekst(id_)} bevat '/' of een onzichtbaar teken; gebruik letters, cijfers, _, - of :"
            )

    def _controleer_lidmaatschap(self, deelnemers, diensten):
        meervoud = self.groep.plural
        rolnamen = ", ".join(self.rollen)
        dienst_van: dict[str, tuple[Any, ...]] = {}  # deelnemer id -> place where it was first named
        for dienst_id, gegevens in diensten.items():
            aantal = 0
            for sleutel, waarde in gegevens.items():
                pad = (meervoud, dienst_id, sleutel)
                if sleutel not in self.rollen:
                    self._controleer_geen_rol(pad, sleutel, waarde)
                    continue
                if not isinstance(waarde, list):
                    raise _fout(
                        pad,
                        f"verwacht een lijst van deelnemer-ids, niet {type(waarde).__name__}; schrijf bijvoorbeeld "
                        f'["gemeente_a"]',
                    )
                for index, deelnemer in enumerate(waarde):
                    if not isinstance(deelnemer, str) or not deelnemer.strip():
                        raise _fout(
                            (*pad, index),
                            f"{_tekst(deelnemer)} is geen deelnemer-id; noem deelnemers met hun id als tekst",
                        )
                    if deelnemer not in deelnemers:
                        suggestie = difflib.get_close_matches(deelnemer, [str(d) for d in deelnemers], n=1)
                        hint = (
                            f"bedoelt u {suggestie[0]!r}?"
                            if suggestie
                            else f"voeg hem toe onder {self.personen.plural}"
                        )
                        raise _fout(pad, f"onbekende deelnemer {deelnemer!r}; {hint}")
                    if deelnemer in dienst_van:
                        eerder = dienst_van[deelnemer]
                        waar = "in deze dienst" if eerder[1] == dienst_id else f"in {_plaats(eerder)}"
                        raise _fout(
                            pad,
                            f"deelnemer {deelnemer!r} staat ook {waar}; een deelnemer hoort bij één dienst en één "
                            f"rol (een provincie in twee diensten is twee deelnemers)",
                        )
                    dienst_van[deelnemer] = pad
                    aantal += 1
            if not aantal:
                raise _fout(
                    (meervoud, dienst_id),
                    f"de dienst heeft geen deelnemers; noem ten minste één deelnemer onder {rolnamen}, of laat de "
                    f"dienst weg",
                )
        for deelnemer in deelnemers:
            if deelnemer not in dienst_van:
                raise _fout(
                    (self.personen.plural, deelnemer),
                    f"deelnemer {deelnemer!r} hoort bij geen omgevingsdienst; noem hem onder {rolnamen} van een "
                    f"dienst in {meervoud}",
                )

    def _controleer_geen_rol(self, pad, sleutel, waarde):
        """A key of a dienst that is no role: a variable (checked later), else an unknown role."""
        if isinstance(sleutel, str) and sleutel in self.systeem.variables:
            return
        namen = {rol.key: rol.plural or rol.key for rol in self.groep.roles} | {m: m for m in self.rollen}
        suggestie = difflib.get_close_matches(str(sleutel), list(namen), n=1, cutoff=0.7)
        if suggestie or isinstance(waarde, list):
            hint = f"bedoelt u {namen[suggestie[0]]!r}?" if suggestie else f"kies {', '.join(self.rollen)}"
            raise _fout(pad, f"onbekende rol {_tekst(sleutel)}; {hint}")

    # -- variables, periods and values ----------------------------------------------------------------

    def _variabelen(self, entiteit, pad, gegevens):
        schoon: dict[str, Any] = {}
        for naam, perioden in gegevens.items():
            if entiteit.key == self.groep.key and naam in self.rollen:
                schoon[naam] = list(perioden)  # a role list, checked in _controleer_lidmaatschap
            else:
                schoon[naam] = self._variabele(entiteit, (*pad, naam), naam, perioden)
        return schoon

    def _variabele(self, entiteit, pad, naam, perioden):
        variabele = self.systeem.variables.get(naam) if isinstance(naam, str) else None
        if variabele is None:
            melding = onbekende_variabele(str(naam), self.systeem)
            if "bedoelt u" not in melding:
                melding += "; controleer de naam (de variabelen staan in de Web API onder /variables)"
            raise _fout(pad, melding)
        if variabele.entity.key != entiteit.key:
            andere = variabele.entity
            raise _fout(
                pad,
                f"{naam} is een variabele van een {andere.key}, niet van een {entiteit.key}; zet haar onder "
                f"{andere.plural}/<id>/{naam}",
            )
        if not isinstance(perioden, dict):
            raise _fout(
                pad,
                f'geef de waarde per periode, bijvoorbeeld {{"{VOORBEELD_MAAND}": {_tekst(perioden)}}}, niet los '
                f"(JJJJ voor een heel jaar, JJJJ-MM voor één maand)",
            )
        schoon: dict[str, Any] = {}
        for sleutel, waarde in perioden.items():
            periode_pad = (*pad, sleutel)
            periode = self._periode(periode_pad, variabele, sleutel, uitvoer=waarde is None)
            if waarde is None:
                schoon[sleutel] = None  # an output request, not an input
                continue
            if not variabele.is_input_variable() and not self.overschrijven:
                raise _fout(
                    periode_pad,
                    f"{naam} heeft een formule; geef haar niet als invoer, of zet overschrijven aan "
                    f"(vraag een uitkomst op met null)",
                )
            schoon[sleutel] = self._waarde(periode_pad, variabele, waarde)
            self._controleer_overlap(pad, naam, periode)
        return schoon

    def _periode(self, pad, variabele, sleutel, uitvoer):
        eenheid = variabele.definition_period
        if eenheid == periods.DateUnit.ETERNITY:
            if sleutel != "ETERNITY":
                raise _fout(pad, f"{variabele.name} geldt altijd; gebruik de periode ETERNITY")
            return periods.period("ETERNITY")
        if eenheid == periods.DateUnit.MONTH:
            vorm, voorbeeld = ("JJJJ-MM", VOORBEELD_MAAND) if uitvoer else ("JJJJ of JJJJ-MM", "2026 of 2026-04")
        else:
            vorm, voorbeeld = "JJJJ", "2026"
        if not isinstance(sleutel, str):
            raise _fout(
                pad,
                f"periode {_tekst(sleutel)} is geen tekst; schrijf {vorm} als tekst (in YAML tussen "
                f"aanhalingstekens), bijvoorbeeld {voorbeeld}",
            )
        if sleutel.strip().upper() == "ETERNITY":
            raise _fout(pad, f"{variabele.name} is per maand bepaald, niet voor altijd; gebruik {vorm}")
        if eenheid == periods.DateUnit.MONTH:
            toegestaan = (_MAAND,) if uitvoer else (_JAAR, _MAAND)
        else:
            toegestaan = (_JAAR,)
        if not any(patroon.fullmatch(sleutel) for patroon in toegestaan):
            if uitvoer and _JAAR.fullmatch(sleutel):
                raise _fout(
                    pad,
                    f"een uitkomst (null) van {variabele.name} vraagt u per maand op: gebruik JJJJ-MM, "
                    f"bijvoorbeeld {sleutel}-01",
                )
            raise _fout(pad, f"ongeldige periode {sleutel!r}: gebruik {vorm}, bijvoorbeeld {voorbeeld}")
        if not 1 <= int(sleutel[5:7] or 1) <= 12:
            raise _fout(pad, f"ongeldige periode {sleutel!r}: de maand loopt van 01 tot en met 12; gebruik {vorm}")
        try:
            periode = periods.period(sleutel)
        except ValueError:
            raise _fout(pad, f"ongeldige periode {sleutel!r}: gebruik {vorm}, bijvoorbeeld {voorbeeld}") from None
        try:
            controleer_dekking(periode)
        except PeriodeBuitenDekking as fout:
            raise _fout(pad, fout.message) from None
        return periode

    def _controleer_overlap(self, pad, naam, periode):
        """One variable takes non-overlapping input periods (see periode.invoer_per_maand), for all instances."""
        eerdere = self.invoerperioden.setdefault(naam, [])
        for eerder, eerder_pad in eerdere:
            if eerder != periode and overlappen(eerder, periode):
                bij = "" if eerder_pad == pad else f" bij {_plaats(eerder_pad[:2])}"
                raise _fout(
                    pad,
                    f"invoer voor {naam} in {eerder}{bij} en in {periode} overlapt; geef {naam} voor elke deelnemer "
                    f"of dienst in dezelfde soort periode (alles per jaar of alles per maand)",
                )
        eerdere.append((periode, pad))

    def _waarde(self, pad, variabele, waarde):
        if isinstance(waarde, dict | list | tuple | set):
            raise _fout(
                pad,
                f"verwacht één waarde, geen {'object' if isinstance(waarde, dict) else 'lijst'}; geef per periode "
                f'één waarde, bijvoorbeeld {{"{VOORBEELD_MAAND}": {_voorbeeld(variabele)}}}',
            )
        soort = variabele.value_type
        if soort is bool:
            return _bool(pad, waarde)
        if soort in (int, float):
            return _getal(pad, variabele, waarde)
        if soort is datetime.date:
            return _datum(pad, waarde)
        if soort is Enum:
            return _enum(pad, variabele, waarde)
        if soort is str:
            if not isinstance(waarde, str):
                raise _fout(
                    pad,
                    f"waarde {_tekst(waarde)} is geen tekst; schrijf haar tussen aanhalingstekens, "
                    f'bijvoorbeeld "{waarde}"',
                )
            return waarde
        raise _fout(pad, f"{variabele.name} heeft een onbekend waardetype {soort.__name__}")  # pragma: no cover


def _voorbeeld(variabele):
    soort = variabele.value_type
    if soort is bool:
        return "true"
    if soort in (int, float):
        return "12" if soort is int else "12.5"
    if soort is datetime.date:
        return '"2026-06-15"'
    if soort is Enum:
        return f'"{next(iter(variabele.possible_values)).name}"'
    return '"tekst"'


def _bool(pad, waarde):
    if isinstance(waarde, bool | numpy.bool_):
        return bool(waarde)
    if isinstance(waarde, str):
        woord = waarde.strip().lower()
        if woord in WAAR:
            return True
        if woord in ONWAAR:
            return False
    raise _fout(
        pad,
        f"ongeldige waarde {_tekst(waarde)} voor ja/nee; gebruik true of false (ook: waar/onwaar, ja/nee, '1'/'0')",
    )


def _getal(pad, variabele, waarde):
    naam = variabele.name
    if isinstance(waarde, bool | numpy.bool_) or not isinstance(waarde, int | float | numpy.integer | numpy.floating):
        wat = "tekst" if isinstance(waarde, str) else "geen getal"
        raise _fout(
            pad,
            f"waarde {_tekst(waarde)} is {wat}; {naam} vraagt een getal zonder aanhalingstekens, bijvoorbeeld "
            f"{_voorbeeld(variabele)}",
        )
    if isinstance(waarde, float | numpy.floating) and not math.isfinite(waarde):
        raise _fout(
            pad, f"waarde {_tekst(float(waarde))} is geen eindig getal; geef een gewoon getal, bijvoorbeeld 12.5"
        )
    if variabele.value_type is int:
        if waarde != int(waarde):
            raise _fout(pad, f"waarde {_tekst(waarde)} is geen geheel getal; {naam} telt in hele getallen")
        waarde = int(waarde)
        if not _INT32.min <= waarde <= _INT32.max:
            raise _fout(pad, f"waarde {_tekst(waarde)} is te groot voor {naam}; het maximum is {_INT32.max}")
    else:
        if not -_FLOAT32_MAX <= waarde <= _FLOAT32_MAX:  # abs() > max; mypy cannot type abs() of the union
            raise _fout(pad, f"waarde {_tekst(waarde)} is te groot voor {naam}; geef een realistisch getal")
        waarde = float(waarde)
    eenheid = getattr(variabele, "unit", None)
    if waarde < 0 and (eenheid == "fte" or variabele.value_type is int):
        wat = "fte" if eenheid == "fte" else "een aantal"
        raise _fout(pad, f"negatieve waarde {waarde:g} voor {naam} ({wat}); geef 0 of meer")
    return waarde


def _datum(pad, waarde):
    if isinstance(waarde, datetime.datetime):
        raise _fout(pad, f"waarde {waarde} heeft een tijd; geef alleen de datum, JJJJ-MM-DD, bijvoorbeeld 2026-06-15")
    if isinstance(waarde, datetime.date):
        return waarde.isoformat()
    if isinstance(waarde, str) and _DATUM.fullmatch(waarde.strip()):
        try:
            return datetime.date.fromisoformat(waarde.strip()).isoformat()
        except ValueError:
            raise _fout(pad, f"datum {waarde!r} bestaat niet; geef een echte datum als JJJJ-MM-DD") from None
    raise _fout(pad, f"ongeldige datum {_tekst(waarde)}; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-06-15")


def _enum(pad, variabele, waarde):
    mogelijk = variabele.possible_values
    if isinstance(waarde, mogelijk):
        return waarde.name
    namen = [item.name for item in mogelijk]
    if isinstance(waarde, str) and waarde in namen:
        return waarde
    raise _fout(pad, f"onbekende waarde {_tekst(waarde)} voor {variabele.name}; kies uit {', '.join(namen)}")


def controleer_invoer_voor_periode(situatie: Mapping[str, Any], periode: object) -> None:
    """Refuse inputs that do not cover ``periode`` (a month, ``JJJJ-MM`` or a period): they would fall
    back to defaults silently. Raises :class:`~openfisca_vth.errors.OngeldigeSituatie` naming the
    first such input; returns None when every input covers the month.

    A situation that gives ``mandaat_verleend`` for 2025 only, asked for 2026-06, would otherwise be
    computed with the default (no mandate) without a word. Outputs asked with ``null`` do not count.
    ``situatie`` is a checked one (see :func:`controleer_situatie`).
    """
    maand = periods.period(str(periode))
    for meervoud in ("deelnemers", "omgevingsdiensten"):
        for id_, gegevens in (situatie.get(meervoud) or {}).items():
            for naam, waarden in (gegevens or {}).items():
                if not isinstance(waarden, dict):
                    continue  # role lists
                gegeven = [sleutel for sleutel, waarde in waarden.items() if waarde is not None]
                if gegeven and not any(periods.period(str(sleutel)).contains(maand) for sleutel in gegeven):
                    raise OngeldigeSituatie(
                        [meervoud, id_, naam],
                        f"{meervoud}/{id_}/{naam}: invoer voor {', '.join(map(str, gegeven))}, niet voor de gevraagde "
                        f"maand {maand}; geef een waarde voor {maand.start.year} of {maand}",
                    )

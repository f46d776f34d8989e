"""Assumption sensitivity: which conclusions rest on an ``aanname``, and which hold either way.

Most facts in this model are ``aanname``: the text could not be read, or no number was agreed.
For every parameter whose value in force has status ``aanname`` (and that some formula reads),
:func:`analyseer_aannames` computes the headline results under its alternatives with the sweep
driver (:mod:`openfisca_vth.variatie`): a boolean flipped; a date a year earlier and a year later;
a number or text over the values the parameter declares in ``metadata.alternatieven``. A
parameter without alternatives is listed as skipped, with the reason.

A dienst's conclusion (robuust; the State Secretary could steer) *rests on* an assumption when an
alternative changes it; it *holds* when no alternative of any assumption does.
"""

# mypy: check-untyped-defs

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from openfisca_vth.metadata import bladeren, is_informatief, waarde_in_werking
from openfisca_vth.periode import maand, peildatum
from openfisca_vth.variatie import PER_WAARDE, VariatieFout, soort_van, zoek_parameter

if TYPE_CHECKING:
    from openfisca_core.parameters import Parameter
    from openfisca_core.periods import Period
    from openfisca_core.taxbenefitsystems import TaxBenefitSystem

    from openfisca_vth.dataset import Dataset
    from openfisca_vth.variatie import Variatie, Waardeuitkomst

AANNAME = "aanname"
# werkwijze of an assumption that no formula of the headline results reads in this month (current
# law): its alternatives give the results as they stand, without a calculation (see below)
NIET_GELEZEN = "niet_gelezen"


@dataclasses.dataclass(frozen=True)
class Gevoeligheid:
    """One assumption: its value in force, its alternatives and the results under each."""

    parameter: str
    waarde: object
    alternatieven: tuple[Any, ...]
    werkwijze: str
    uitkomsten: tuple[Waardeuitkomst, ...]  # for the value in force, then for each alternative

    @property
    def omslagen(self) -> dict[str, list[tuple[Any, str, bool]]]:
        """{dienst code: [(alternative, 'robuust'|'bijsturingsbevoegdheid_staatssecretaris', becomes)]}"""
        huidig, *anders = self.uitkomsten
        omslagen: dict[str, list[tuple[Any, str, bool]]] = {}
        for uitkomst in anders:
            for soort, voor, na in (
                ("robuust", huidig.robuust, uitkomst.robuust),
                ("bijsturingsbevoegdheid_staatssecretaris", huidig.bijsturing, uitkomst.bijsturing),
            ):
                for code in sorted(voor ^ na):
                    omslagen.setdefault(code, []).append((uitkomst.waarde, soort, code in na))
        return omslagen

    @property
    def houdt_stand(self) -> bool:
        """Whether no alternative changes any dienst's conclusions."""
        return not self.omslagen

    def naar_dict(self) -> dict[str, Any]:
        """The JSON shape of this assumption and its results."""
        return {
            "parameter": self.parameter,
            "waarde": self.waarde,
            "alternatieven": list(self.alternatieven),
            "werkwijze": self.werkwijze,
            "houdt_stand": self.houdt_stand,
            "uitkomsten": [u.naar_dict() for u in self.uitkomsten],
            "omslagen": {
                code: [{"alternatief": w, "uitkomst": s, "wordt": b} for w, s, b in lijst]
                for code, lijst in self.omslagen.items()
            },
        }


@dataclasses.dataclass(frozen=True)
class Aannameanalyse:
    """The assumption sensitivity of one month (see :func:`analyseer_aannames`)."""

    periode: str
    hervorming: str | None
    dataset: str
    illustratief: bool
    diensten: tuple[tuple[str, str], ...]  # (code, naam)
    huidig: Waardeuitkomst  # the results of the model as it stands
    gevoeligheden: tuple[Gevoeligheid, ...]
    overgeslagen: tuple[tuple[str, str], ...]  # (parameter, reden)
    dataset_bron: str = ""
    toelichting: str = ""  # the dataset's caveat (an illustrative scenario)

    @property
    def rust_op(self) -> dict[str, list[str]]:
        """{dienst code: [parameters whose alternatives change its conclusions]}"""
        rust: dict[str, list[str]] = {}
        for gevoeligheid in self.gevoeligheden:
            for code in gevoeligheid.omslagen:
                rust.setdefault(code, []).append(gevoeligheid.parameter)
        return rust

    @property
    def standhoudend(self) -> tuple[str, ...]:
        """The codes of the diensten whose conclusions no alternative changes."""
        rust = self.rust_op
        return tuple(code for code, _ in self.diensten if code not in rust)

    def naar_dict(self) -> dict[str, Any]:
        """The JSON shape of the analysis."""
        return {
            "periode": self.periode,
            "hervorming": self.hervorming,
            "dataset": {"naam": self.dataset, "bron": self.dataset_bron},
            "illustratief": self.illustratief,
            "toelichting": self.toelichting,
            "totalen": self.huidig.totalen,
            "aannames": [g.naar_dict() for g in self.gevoeligheden],
            "overgeslagen": [{"parameter": p, "reden": r} for p, r in self.overgeslagen],
            "rust_op_aanname": self.rust_op,
            "houdt_stand": list(self.standhoudend),
        }


def alternatieven(parameter: Parameter, waarde: Any) -> tuple[tuple[Any, ...] | None, str]:
    """(the alternatives of ``waarde``, the value in force of ``parameter``; "") or (None, reason) when it
    declares none. Raises :class:`~openfisca_vth.variatie.VariatieFout` for a parameter without
    simple values."""
    soort = soort_van(parameter)
    opgegeven = parameter.metadata.get("alternatieven")
    if opgegeven:
        return tuple(a for a in opgegeven if a != waarde), ""
    if soort == "bool":
        return (not waarde,), ""
    if soort == "datum":
        datum = datetime.date.fromisoformat(waarde)
        return tuple(_verschoven(datum, jaren).isoformat() for jaren in (-1, 1)), ""
    return None, "geen alternatieven opgegeven (metadata.alternatieven)"


def _verschoven(datum: datetime.date, jaren: int) -> datetime.date:
    try:
        return datum.replace(year=datum.year + jaren)
    except ValueError:  # 29 February
        return datum.replace(year=datum.year + jaren, day=28)


def _samen_gestapeld(
    dataset: Dataset, systeem: TaxBenefitSystem, periode: Period, samen: list[tuple[str, Any, tuple[Any, ...]]]
) -> dict[str, Gevoeligheid]:
    """Every assumption of ``samen`` ((name, value in force, alternatives)) computed in one stacked
    simulation: copy 0 holds every value in force, each alternative one more copy in which only its
    own parameter differs. Empty when ``samen`` is, or when a formula reads one of them outside array
    arithmetic (the caller then computes each alone)."""
    from openfisca_vth.variatie import GESTAPELD, gestapeld_meervoudig

    if not samen:
        return {}
    kopieen = 1 + sum(len(anders) for _, _, anders in samen)
    per_pad: dict[str, list[Any]] = {pad: [w] * kopieen for pad, w, _ in samen}
    eigen: dict[str, list[int]] = {}
    k = 1
    for pad, _, anders in samen:
        eigen[pad] = list(range(k, k + len(anders)))
        for alternatief in anders:
            per_pad[pad][k] = alternatief
            k += 1
    try:
        uitkomsten = gestapeld_meervoudig(dataset, systeem, per_pad, periode)
    except (ValueError, TypeError, IndexError, KeyError):
        return {}
    return {
        pad: Gevoeligheid(
            pad,
            w,
            anders,
            GESTAPELD,
            tuple(
                dataclasses.replace(uitkomsten[kopie], waarde=waarde)
                for kopie, waarde in zip([0, *eigen[pad]], (w, *anders), strict=True)
            ),
        )
        for pad, w, anders in samen
    }


def analyseer_aannames(
    dataset: Dataset,
    baseline: TaxBenefitSystem,
    periode: str | Period,
    hervorming: str | None = None,
    systeem: TaxBenefitSystem | None = None,
) -> Aannameanalyse:
    """The :class:`Aannameanalyse` of ``dataset`` in month ``periode`` under ``hervorming`` (a name, file
    or ``A+B``, applied to ``baseline``) or current law (``baseline``). ``systeem``, when given, is
    the reformed system already built (``hervorming`` then only names it).

    Raises :class:`~openfisca_vth.errors.VTHInvoerFout` (a bad month, a month the dataset does not
    cover, an unknown reform).
    """
    from openfisca_core.reforms import Reform

    from openfisca_vth.rapport import bereken_status
    from openfisca_vth.reforms import laad_hervorming
    from openfisca_vth.variatie import Waardeuitkomst, gelezen_door_uitkomsten, varieer_in

    periode = maand(periode)
    if systeem is None:
        systeem = laad_hervorming(hervorming, baseline) if hervorming else baseline
    gelezen = gelezen_door_uitkomsten(dataset, systeem, periode)  # one traced run for every assumption

    def varieer(pad: str, waarden: Sequence[Any], werkwijze: str | None = None) -> Variatie:
        return varieer_in(dataset, baseline, systeem, pad, waarden, periode, hervorming, werkwijze, gelezen)

    def mogelijk(pad: str, waarde: Any) -> bool:
        try:
            varieer(pad, [waarde], PER_WAARDE)
        except VariatieFout:
            return False
        return True

    huidig = Waardeuitkomst.uit_rapport(None, bereken_status(dataset, systeem, periode))
    # Current law builds no rules from parameters (a reform does, when it is applied), so a parameter
    # that no formula of the results read in the traced run cannot change them: every alternative
    # gives the results as they stand (tests/test_aannames.py computes them to check).
    zonder_hervorming = not isinstance(systeem, Reform)
    dag = peildatum(periode)
    # Each assumption in tree order: (name, value in force, alternatives), or a Gevoeligheid known
    # without computing (not read), or a reason to skip it.
    te_doen: list[tuple[str, Any, tuple[Any, ...]]] = []
    bekend: dict[str, Gevoeligheid] = {}
    volgorde: list[str] = []
    overgeslagen: list[tuple[str, str]] = []
    for blad in bladeren(systeem.parameters):
        waarde = waarde_in_werking(blad, dag)
        if waarde is None or waarde.metadata.get("status", blad.metadata.get("status")) != AANNAME:
            continue
        if is_informatief(blad):
            continue  # read by no formula: no result can rest on it
        anders, reden = alternatieven(blad, waarde.value)
        if anders is None:
            overgeslagen.append((blad.name, reden))
            continue
        volgorde.append(blad.name)
        if zonder_hervorming and blad.name not in gelezen:
            zelfde = tuple(dataclasses.replace(huidig, waarde=w) for w in (waarde.value, *anders))
            bekend[blad.name] = Gevoeligheid(blad.name, waarde.value, tuple(anders), NIET_GELEZEN, zelfde)
        else:
            te_doen.append((blad.name, waarde.value, tuple(anders)))

    # The numbers and yes/no values a formula reads go into one stacked simulation together (one
    # copy per alternative); if a formula reads one of them outside array arithmetic, each goes its
    # own way below (stacked alone, or value by value).
    samen = [
        (pad, w, anders)
        for pad, w, anders in te_doen
        if pad in gelezen and soort_van(zoek_parameter(systeem.parameters, pad)) in ("getal", "bool")
    ]
    bekend.update(_samen_gestapeld(dataset, systeem, periode, samen))
    for pad, w, anders in te_doen:
        if pad in bekend:
            continue
        try:
            variatie = varieer(pad, [w, *anders])
        except VariatieFout as fout:
            # an alternative that the other choices of a reform exclude (KeuzeFout): keep the others
            anders = tuple(a for a in anders if mogelijk(pad, a))
            if not anders:
                overgeslagen.append((pad, f"geen alternatief gaat samen met de andere keuzes ({fout})"))
                volgorde.remove(pad)
                continue
            variatie = varieer(pad, [w, *anders])
        bekend[pad] = Gevoeligheid(pad, w, anders, variatie.werkwijze, variatie.uitkomsten)
    gevoeligheden = [bekend[pad] for pad in volgorde]
    return Aannameanalyse(
        periode=str(periode),
        hervorming=hervorming,
        dataset=dataset.naam,
        illustratief=dataset.illustratief,
        diensten=tuple((d.code, d.naam) for d in dataset.omgevingsdiensten(periode)),
        huidig=huidig,
        gevoeligheden=tuple(gevoeligheden),
        overgeslagen=tuple(overgeslagen),
        dataset_bron=dataset.bron,
        toelichting=dataset.toelichting,
    )

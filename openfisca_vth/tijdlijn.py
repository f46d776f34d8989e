"""Timelines: the status of every omgevingsdienst month by month, under one or more systems.

    from openfisca_vth.tijdlijn import bereken_tijdlijn
    tijdlijn = bereken_tijdlijn(dataset, systeem, maanden("2025-01:2030-12"))

One tax-benefit system (per reform) serves every month of the run: each month is one OpenFisca
simulation of the dataset's composition and inputs valid then (the composition changes over time,
so months are not stacked into one simulation). A 72-month timeline of the national dataset takes
well under a second of computation. The rules are those of the system; this module only collects
the results and the dates worth marking (the agreed deadline, the bill's assumed in-force date).
"""

# mypy: check-untyped-defs

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from openfisca_vth.rapport import Statusrapport, bereken_status

if TYPE_CHECKING:
    from openfisca_core.periods import Period
    from openfisca_core.taxbenefitsystems import TaxBenefitSystem

    from openfisca_vth.dataset import Dataset

# The results whose changes a timeline reports, per dienst, with their Dutch label.
STATEN = (("robuust", "robuust"), ("bijsturingsbevoegdheid_staatssecretaris", "bijsturing mogelijk"))


@dataclass(frozen=True)
class Verandering:
    """One dienst changes state in a month (e.g. becomes robust)."""

    code: str
    naam: str
    periode: str
    wat: str  # a key of STATEN, or "bestaat" (the dienst starts or ends)
    van: bool | None  # None: the dienst did not exist the month before
    naar: bool | None  # None: the dienst no longer exists

    def naar_dict(self) -> dict[str, Any]:
        """The JSON shape of this change."""
        return {
            "code": self.code,
            "naam": self.naam,
            "periode": self.periode,
            "wat": self.wat,
            "van": self.van,
            "naar": self.naar,
        }

    def als_tekst(self) -> str:
        """One Dutch line: the month, the dienst and what it becomes."""
        if self.wat == "bestaat":
            return f"{self.periode}: {self.code} ({self.naam}) {'ontstaat' if self.naar else 'houdt op te bestaan'}"
        label = dict(STATEN)[self.wat]
        return f"{self.periode}: {self.code} ({self.naam}) {'wordt' if self.naar else 'niet langer'} {label}"


@dataclass(frozen=True)
class Markering:
    """A date worth marking on a timeline, from the rules in force."""

    label: str
    datum: str  # YYYY-MM-DD

    def naar_dict(self) -> dict[str, str]:
        """``{label, datum}``."""
        return {"label": self.label, "datum": self.datum}


@dataclass(frozen=True)
class Tijdlijn:
    """The status of every omgevingsdienst month by month under one system (see :func:`bereken_tijdlijn`)."""

    hervorming: str | None
    rapporten: tuple[Statusrapport, ...]  # one per month, in order
    markeringen: tuple[Markering, ...]

    @property
    def perioden(self) -> tuple[str, ...]:
        """The months (``JJJJ-MM``), in order."""
        return tuple(r.periode for r in self.rapporten)

    def reeks(self, sleutel: str) -> tuple[Any, ...]:
        """The total ``sleutel`` (a key of ``Statusrapport.totalen``) per month; ``KeyError`` for another key."""
        return tuple(r.totalen[sleutel] for r in self.rapporten)

    @property
    def veranderingen(self) -> tuple[Verandering, ...]:
        """Each dienst's changes of state, with the month, in order."""
        uitkomst: list[Verandering] = []
        vorig: dict[tuple[str, str], bool] | None = None
        vorige_namen: dict[str, str] = {}
        for rapport in self.rapporten:
            huidig = {(d.code, wat): getattr(d, wat) for d in rapport.omgevingsdiensten for wat, _ in STATEN}
            namen = {d.code: d.naam for d in rapport.omgevingsdiensten}
            if vorig is not None:
                for code in sorted(set(vorige_namen) - set(namen)):
                    uitkomst.append(Verandering(code, vorige_namen[code], rapport.periode, "bestaat", True, None))
                for dienst in rapport.omgevingsdiensten:
                    if dienst.code not in vorige_namen:
                        uitkomst.append(Verandering(dienst.code, dienst.naam, rapport.periode, "bestaat", None, True))
                        # a new dienst that is robust (or steerable) from the start: say so
                        for wat, _ in STATEN:
                            if huidig[(dienst.code, wat)]:
                                uitkomst.append(
                                    Verandering(dienst.code, dienst.naam, rapport.periode, wat, False, True)
                                )
                        continue
                    for wat, _ in STATEN:
                        voor, waarde = vorig[(dienst.code, wat)], huidig[(dienst.code, wat)]
                        if voor != waarde:
                            uitkomst.append(Verandering(dienst.code, dienst.naam, rapport.periode, wat, voor, waarde))
            vorig, vorige_namen = huidig, namen
        return tuple(uitkomst)

    def naar_dict(self) -> list[dict[str, Any]]:
        """The JSON shape: one status report per month."""
        return [rapport.naar_dict() for rapport in self.rapporten]


def markeringen(tax_benefit_system: TaxBenefitSystem) -> tuple[Markering, ...]:
    """The dates to mark under ``tax_benefit_system``: the agreed deadline for robustness (if its rules
    set one) and, under the bill, its assumed in-force date."""
    from openfisca_vth.reforms.wetsvoorstel_versterking_vth import EIGEN, inwerkingtreding
    from openfisca_vth.vergelijking import termijn

    parameters = tax_benefit_system.parameters
    uitkomst = []
    datum = termijn(parameters, "robuustheidstermijn_verstreken")
    if datum:
        uitkomst.append(Markering("uiterste datum robuustheid", datum))
    if EIGEN in parameters.children:
        uitkomst.append(Markering("inwerkingtreding wetsvoorstel (aanname)", inwerkingtreding(parameters)))
    return tuple(uitkomst)


def bereken_tijdlijn(
    dataset: Dataset,
    tax_benefit_system: TaxBenefitSystem,
    maanden: Iterable[str | Period],
    hervorming: str | None = None,
) -> Tijdlijn:
    """The :class:`Tijdlijn` of ``dataset`` over ``maanden`` (month periods, e.g. from
    :func:`openfisca_vth.periode.maanden`) under ``tax_benefit_system``; ``hervorming`` is only a label.

    Raises as :func:`openfisca_vth.rapport.bereken_status` does for a month that is not valid or that
    the dataset does not cover.
    """
    rapporten = tuple(bereken_status(dataset, tax_benefit_system, maand, hervorming=hervorming) for maand in maanden)
    return Tijdlijn(hervorming, rapporten, markeringen(tax_benefit_system))


def maand_als_datum(periode: str | Period) -> datetime.date:
    """``YYYY-MM`` as the first day of that month (a ``datetime.date``), for plotting."""
    jaar, maand = (int(deel) for deel in str(periode).split("-")[:2])
    return datetime.date(jaar, maand, 1)


@dataclass(frozen=True)
class Tijdlijnvergelijking:
    """The timelines of a reference system and of each variant over the same months."""

    basis: str  # label of the reference (current law or a basis reform)
    basis_tijdlijn: Tijdlijn
    varianten: tuple[tuple[str, Tijdlijn], ...]  # (name, Tijdlijn)

    @property
    def perioden(self) -> tuple[str, ...]:
        """The months (``JJJJ-MM``), in order."""
        return self.basis_tijdlijn.perioden

    @property
    def markeringen(self) -> tuple[Markering, ...]:
        """The dates marked on any of the timelines, each once."""
        gezien: set[tuple[str, str]] = set()
        uitkomst: list[Markering] = []
        for tijdlijn in (self.basis_tijdlijn, *(t for _, t in self.varianten)):
            for markering in tijdlijn.markeringen:
                if (markering.label, markering.datum) not in gezien:
                    gezien.add((markering.label, markering.datum))
                    uitkomst.append(markering)
        return tuple(uitkomst)

    def verschillen(self, naam: str) -> tuple[tuple[str, str, str, str, Any, Any], ...]:
        """Per month, the diensten whose robust/steerable state differs between the reference and variant
        ``naam``: (month, code, name, what, reference value, variant value). ``KeyError`` for an unknown name."""
        variant = dict(self.varianten)[naam]
        uitkomst = []
        for voor, na in zip(self.basis_tijdlijn.rapporten, variant.rapporten, strict=True):
            na_per_code = {d.code: d for d in na.omgevingsdiensten}
            for dienst in voor.omgevingsdiensten:
                ander = na_per_code.get(dienst.code)
                for wat, label in STATEN:
                    if ander is not None and getattr(dienst, wat) != getattr(ander, wat):
                        uitkomst.append(
                            (voor.periode, dienst.code, dienst.naam, label, getattr(dienst, wat), getattr(ander, wat))
                        )
        return tuple(uitkomst)

    def naar_dict(self) -> list[dict[str, Any]]:
        """The JSON shape: per month the totals of the reference and of each variant."""
        return [
            {
                "periode": periode,
                "basis": self.basis,
                "basis_totalen": self.basis_tijdlijn.rapporten[i].totalen,
                "varianten": [{"hervorming": naam, "totalen": t.rapporten[i].totalen} for naam, t in self.varianten],
            }
            for i, periode in enumerate(self.perioden)
        ]

"""How a simulated month is read against dated rules.

The model's variables are monthly (``definition_period = MONTH``). A rule that takes effect
during a month (the Wet VTH on 14 April 2016) governs that month: every formula reads the
parameters on the month's *peildatum*, its last day. So April 2016 is the first month the
model covers, and a rule dated the first of a month (the deadline of 1 April 2026) governs that
month and not the one before.

Reading at the last day, not at OpenFisca's default ``period.start``, is a modelling choice
recorded in docs/architecture.md; it changes nothing for rules dated on the first of a month.
"""

# mypy: check-untyped-defs

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy
import numpy.typing
from openfisca_core import periods
from openfisca_core.holders import set_input_dispatch_by_period

from openfisca_vth.errors import GemengdePeriodeInvoer, OngeldigePeriode, PeriodeBuitenDekking

if TYPE_CHECKING:
    from openfisca_core.holders import Holder
    from openfisca_core.parameters import ParameterNodeAtInstant

# Wet verbetering vergunningverlening, toezicht en handhaving (Wet VTH), in force 14 April 2016:
# the first legal basis of the basistakenpakket. tests/test_parameters.py checks that every
# parameter has a value on this date.
EERSTE_GELDIGE_DAG = periods.instant("2016-04-14")
EERSTE_GEDEKTE_MAAND = periods.period("2016-04")


def peildatum(period: periods.Period) -> periods.Instant:
    """The instant at which the rules of ``period`` (an OpenFisca period) are read: its last day."""
    return period.stop


def eerste_dag(period: periods.Period) -> numpy.datetime64:
    """The first day of ``period`` (an OpenFisca period), as a ``numpy.datetime64`` day.

    Where the law turns on a day inside a month (a hersteltermijn that ends on 15 June), the model
    takes the strict side: a term counts as passed in a month only if it ended before that month
    began, so it had passed on every day of the month. June then shows "not yet"; July shows
    "passed". The model is never more lenient than the law (docs/architecture.md).
    """
    return numpy.datetime64(str(period.start), "D")


def verstreken_voor(datums: numpy.typing.ArrayLike, period: periods.Period) -> numpy.typing.NDArray[numpy.bool_]:
    """A boolean array: true where the date in ``datums`` (dates or ``JJJJ-MM-DD`` texts) lies before the
    first day of ``period`` (see :func:`eerste_dag`)."""
    return numpy.asarray(datums, dtype="datetime64[D]") < eerste_dag(period)


# The last year the model computes: far beyond any bill, and below the calendar's limit (a year of
# 9999 would make OpenFisca's period arithmetic fail).
LAATSTE_JAAR = 2199


def controleer_dekking(period: periods.Period) -> None:
    """Raise :class:`~openfisca_vth.errors.PeriodeBuitenDekking` if the OpenFisca ``period`` lies outside
    the model's coverage (before April 2016 or after :data:`LAATSTE_JAAR`); else return None."""
    # the start first: the end of a period in the year 9999 is beyond the calendar
    if period.start.year > LAATSTE_JAAR or period.stop.year > LAATSTE_JAAR:
        raise PeriodeBuitenDekking(
            f"Periode {period} ligt na de dekking van het model (tot en met {LAATSTE_JAAR}). Kies een eerdere periode."
        )
    if peildatum(period) < EERSTE_GELDIGE_DAG:
        raise PeriodeBuitenDekking(
            f"Periode {period} ligt vóór de dekking van het model; de eerste gedekte maand is "
            f"{EERSTE_GEDEKTE_MAAND} (Wet VTH, in werking 14 april 2016). Kies een latere periode."
        )


def maand(periode: str | periods.Period) -> periods.Period:
    """One covered month, from an OpenFisca period or ``YYYY-MM`` text, as an OpenFisca month period.

    The single parser of the month a user asks for (command line, dataset, reports). Raises
    :class:`~openfisca_vth.errors.OngeldigePeriode` for anything that is not one month and
    :class:`~openfisca_vth.errors.PeriodeBuitenDekking` for a month the model does not cover.
    """
    if isinstance(periode, str):
        if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", periode.strip()):
            raise OngeldigePeriode(f"ongeldige periode {periode!r}: gebruik JJJJ-MM, bijvoorbeeld 2026-04")
        periode = periods.period(periode.strip())
    if not isinstance(periode, periods.Period):  # a parsed text is a Period (this narrows the type)
        raise OngeldigePeriode(f"ongeldige periode {periode!r}: gebruik JJJJ-MM, bijvoorbeeld 2026-04")
    if periode.unit != periods.DateUnit.MONTH or periode.size != 1:
        raise OngeldigePeriode(f"periode {periode} is geen maand: gebruik JJJJ-MM, bijvoorbeeld 2026-04")
    controleer_dekking(periode)
    return periode


MAXIMUM_MAANDEN = 600  # a timeline of fifty years: beyond that a request is a typo


def maanden(tekst: str | periods.Period) -> tuple[periods.Period, ...]:
    """The months of ``YYYY-MM`` (one) or ``YYYY-MM:YYYY-MM`` (a timeline, both ends inclusive), in order.

    Each end is checked as :func:`maand` checks one month (same errors); an end before the start or
    more than :data:`MAXIMUM_MAANDEN` months raise :class:`~openfisca_vth.errors.OngeldigePeriode`.
    """
    if not isinstance(tekst, str) or ":" not in tekst:
        return (maand(tekst),)
    begin_tekst, _, eind_tekst = tekst.strip().partition(":")
    begin, eind = maand(begin_tekst), maand(eind_tekst)
    if eind.start < begin.start:
        raise OngeldigePeriode(
            f"periode {tekst!r}: het einde ligt vóór het begin; schrijf BEGIN:EINDE, bijvoorbeeld 2025-01:2030-12"
        )
    aantal = (eind.start.year - begin.start.year) * 12 + eind.start.month - begin.start.month + 1
    if aantal > MAXIMUM_MAANDEN:
        raise OngeldigePeriode(f"periode {tekst!r} beslaat {aantal} maanden; het maximum is {MAXIMUM_MAANDEN}")
    return tuple(begin.offset(i, periods.DateUnit.MONTH) for i in range(aantal))


def nergens(schakelaar: Any) -> bool:
    """True when a switch read from the rules in force is off everywhere: a plain false value. In a
    stacked sweep (``openfisca_vth.variatie``) a switch may be an array with a value per entity; then
    it is on somewhere, and the formula computes what it switches and weighs by it."""
    return numpy.ndim(schakelaar) == 0 and not schakelaar


def geldende_regels(
    parameters: Callable[[periods.Instant], ParameterNodeAtInstant], period: periods.Period
) -> ParameterNodeAtInstant:
    """The parameter tree in force for ``period`` (read on its peildatum).

    ``parameters`` is the callable OpenFisca passes to a formula (or ``TaxBenefitSystem.parameters``).
    Every formula reads its parameters through this function, so the coverage check and the
    peildatum hold everywhere: in YAML tests, the Python API and the Web API alike. Raises
    :class:`~openfisca_vth.errors.PeriodeBuitenDekking` for a period the model does not cover.
    """
    controleer_dekking(period)
    return parameters(peildatum(period))


def overlappen(a: periods.Period, b: periods.Period) -> bool:
    """Whether the OpenFisca periods ``a`` and ``b`` share at least one day."""
    return a.start <= b.stop and b.start <= a.stop


def invoer_per_maand(holder: Holder, period: periods.Period, array: numpy.typing.NDArray[Any]) -> None:
    """``set_input`` of every input variable: a year (or any longer period) applies to each of its
    months, as with OpenFisca's ``set_input_dispatch_by_period``, which this calls.

    That function silently keeps months already set when a longer period arrives, and copies such
    a month onward to the later months. Giving one variable both a year and a month inside it (for
    different deelnemers, say) therefore loses input without a word. Here it is refused: one
    variable takes non-overlapping input periods only; an overlapping one raises
    :class:`~openfisca_vth.errors.GemengdePeriodeInvoer`.
    """
    eerdere = holder.__dict__.setdefault("_vth_invoerperioden", [])
    for eerder in eerdere:
        if eerder != period and overlappen(eerder, period):
            naam = holder.variable.name
            raise GemengdePeriodeInvoer(
                naam,
                f"invoer voor {naam} in {eerder} en in {period} overlapt; geef één variabele voor "
                f"elke deelnemer of dienst in dezelfde soort periode (alles per jaar of alles per maand)",
            )
    eerdere.append(period)
    set_input_dispatch_by_period(holder, period, array)

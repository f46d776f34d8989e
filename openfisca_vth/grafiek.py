"""Plots of timelines (``--plot``): counts per month, baseline against reform, with dates marked.

matplotlib is an optional extra (``pip install 'openfisca-vth[plot]'``): only plotting needs it,
and without it the command says how to install it. Plots are drawn with the Agg backend (no
screen); an SVG is returned as text for embedding in an HTML memo.
"""

# mypy: check-untyped-defs

from __future__ import annotations

import datetime
import io
import os
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from openfisca_vth.errors import VTHInvoerFout
from openfisca_vth.tijdlijn import maand_als_datum

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from openfisca_vth.tijdlijn import Markering

# One line of a plot: (label, x values (periods, or swept values), y values).
Reeks = tuple[str, Sequence[Any], Sequence[float]]

INSTALLATIE = "pip install 'openfisca-vth[plot]'"
FORMATEN = ("png", "svg")


def _pyplot() -> Any:
    try:
        import matplotlib

        matplotlib.use("Agg")
        from matplotlib import pyplot
    except ImportError:
        raise VTHInvoerFout(
            f"een grafiek vraagt matplotlib, dat niet is geïnstalleerd; installeer het met {INSTALLATIE}"
        ) from None
    return pyplot


def figuur(
    reeksen: Sequence[Reeks],
    markeringen: Iterable[Markering],
    titel: str,
    x: Callable[[Any], Any] = maand_als_datum,
    xlabel: str | None = None,
) -> Figure:
    """A matplotlib figure: ``reeksen`` are ``(label, perioden, waarden)``; ``markeringen`` have ``label``/``datum``.

    ``x`` turns a period (or, for a sweep, a swept value) into a point on the x axis; ``xlabel``
    names that axis (none for months). Raises :class:`~openfisca_vth.errors.VTHInvoerFout` when
    matplotlib is not installed."""
    pyplot = _pyplot()
    fig, as_ = pyplot.subplots(figsize=(9, 4.5), dpi=100)
    stijlen = ("-", "--", ":", "-.")
    for nummer, (label, perioden, waarden) in enumerate(reeksen):
        # equal counts would hide each other: vary the line style as well as the colour
        as_.step(
            [x(p) for p in perioden],
            waarden,
            where="post",
            label=label,
            linewidth=2,
            linestyle=stijlen[nummer % len(stijlen)],
        )
    alle_perioden = [p for _, perioden, _ in reeksen for p in perioden]
    begin, eind = x(min(alle_perioden)), x(max(alle_perioden))
    for markering in markeringen:
        datum = datetime.date.fromisoformat(markering.datum)
        if isinstance(begin, datetime.date) and begin <= datum <= eind:
            as_.axvline(datum, color="0.35", linestyle="--", linewidth=1)
            as_.annotate(
                markering.label,
                (datum, 1),
                xycoords=("data", "axes fraction"),
                rotation=90,
                va="top",
                ha="right",
                fontsize=8,
                color="0.25",
            )
    as_.set_title(titel, fontsize=11)
    as_.set_ylabel("aantal omgevingsdiensten")
    as_.set_ylim(bottom=0)
    from matplotlib.ticker import MaxNLocator

    as_.yaxis.set_major_locator(MaxNLocator(integer=True))
    as_.grid(True, alpha=0.3)
    as_.legend(loc="lower right", fontsize=8)
    if xlabel:
        as_.set_xlabel(xlabel, fontsize=9)
    if isinstance(begin, datetime.date):
        fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def schrijf(
    reeksen: Sequence[Reeks], markeringen: Iterable[Markering], titel: str, pad: str | os.PathLike[str], **as_x: Any
) -> None:
    """Write the plot to ``pad`` (``.png`` or ``.svg``); ``as_x`` (``x``, ``xlabel``) as in :func:`figuur`.

    Raises :class:`~openfisca_vth.errors.VTHInvoerFout` for another extension, a file that cannot be
    written, or without matplotlib."""
    controleer_pad(pad)
    formaat = str(pad).rsplit(".", 1)[-1].lower()
    fig = figuur(reeksen, markeringen, titel, **as_x)
    try:
        fig.savefig(pad, format=formaat)
    except OSError as fout:
        raise VTHInvoerFout(f"grafiekbestand {pad}: kan niet schrijven ({fout.strerror or fout})") from None
    finally:
        _pyplot().close(fig)


def controleer_pad(pad: str | os.PathLike[str]) -> None:
    """Raise :class:`~openfisca_vth.errors.VTHInvoerFout` unless ``pad`` ends in .png or .svg (checked
    before any computation)."""
    formaat = str(pad).rsplit(".", 1)[-1].lower() if "." in str(pad) else ""
    if formaat not in FORMATEN:
        raise VTHInvoerFout(f"grafiekbestand {pad}: kies een bestand dat eindigt op .png of .svg")


def svg(reeksen: Sequence[Reeks], markeringen: Iterable[Markering], titel: str) -> str:
    """The plot (as :func:`figuur` draws it) as SVG text without the XML declaration, for embedding in
    HTML. Raises :class:`~openfisca_vth.errors.VTHInvoerFout` without matplotlib."""
    fig = figuur(reeksen, markeringen, titel)
    buffer = io.StringIO()
    try:
        fig.savefig(buffer, format="svg")
    finally:
        _pyplot().close(fig)
    tekst = buffer.getvalue()
    return tekst[tekst.index("<svg") :]


def html_sectie(reeksen: Sequence[Reeks], markeringen: Iterable[Markering], titel: str) -> tuple[str, str]:
    """The ("Grafiek", html) section of a memo: the plot as inline SVG, or, without matplotlib, the
    one line that says how to install it (a memo is still written)."""
    from openfisca_vth.uitvoer import h

    try:
        return "Grafiek", svg(reeksen, markeringen, titel)
    except VTHInvoerFout as fout:
        return "Grafiek", f'<p class="klein">{h(fout)}</p>'

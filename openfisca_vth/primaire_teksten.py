"""The primary legal texts this project has read, article by article.

A status claims what the source that was read proves, never more. A dated value with status
``wet``, ``amvb``, ``bestuurlijke_afspraak``, ``begroting`` or ``wetsvoorstel`` must therefore cite
at least one source listed here (tests/test_parameters.py checks it); a value that rests only on
texts not listed here (the Omgevingsbesluit, the Besluit bouwwerken leefomgeving, the Bor amendment
of Stb. 2017, 193, the text of the robuustheidscriteria) is ``aanname``.

Each entry names the edition that was read. ``gelezen_tot`` marks an article whose later wording
was *not* read: Wabo art. 5.3 was read as it stood before the Wet VTH (in force 14 April 2016), so
a citation of its amended text (``g=2016-04-14`` or later) does not count as read.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class GelezenTekst:
    bwb: str
    naam: str
    artikelen: frozenset
    uitgave: str
    gelezen_tot: str | None = None  # first date of a version that was not read


def _reeks(*artikelen):
    return frozenset(artikelen)


GELEZEN_WETTEKSTEN = (
    GelezenTekst(
        "BWBR0037885",
        "Omgevingswet",
        _reeks("2.4", "2.33", "2.34", "5.8", "18.2", *(f"18.{n}" for n in range(18, 27))),
        "geconsolideerd, in werking 2024-01-01",
    ),
    GelezenTekst(
        "BWBR0005416",
        "Gemeentewet",
        _reeks("124", *(f"124{letter}" for letter in "abcdefgh"), "I"),  # "I": bijlage bij art. 124b
        "2015",
    ),
    GelezenTekst("BWBR0005645", "Provinciewet", _reeks("121", *(f"121{letter}" for letter in "abcdef")), "2015"),
    GelezenTekst("BWBR0024779", "Wet algemene bepalingen omgevingsrecht", _reeks("2.4", "5.2a"), "2015"),
    GelezenTekst("BWBR0024779", "Wet algemene bepalingen omgevingsrecht", _reeks("5.3"), "2015", "2016-04-14"),
    GelezenTekst("BWBR0003994", "Wet bodembescherming", _reeks("88"), "2015"),
    GelezenTekst("BWBR0027464", "Besluit omgevingsrecht", _reeks("3.3"), "2015-09-08"),
)

# Official publications whose text was read: the Kamerbrief 'Voortgang versterking VTH-stelsel'
# (voorjaar 2025). Its number, 22 343 nr. 419, is an inference; the URL is the one it would have.
GELEZEN_PUBLICATIES = frozenset({"kst-22343-419"})

_WETTEN_URL = re.compile(
    r"BWBR(?P<bwb>\d{7})&(?:artikel|bijlage)=(?P<artikel>[\w.]+)(?:&lid=\d+)?(?:&g=(?P<g>[\d-]+))?$"
)
_PUBLICATIE_URL = re.compile(r"officielebekendmakingen\.nl/(?P<id>[\w-]+)\.html$")


def is_gelezen(url):
    """Whether ``url`` cites an article (in a version) or a publication whose text was read."""
    if gevonden := _PUBLICATIE_URL.search(url):
        return gevonden["id"] in GELEZEN_PUBLICATIES
    gevonden = _WETTEN_URL.search(url)
    if not gevonden:
        return False
    bwb, artikel, versie = f"BWBR{gevonden['bwb']}", gevonden["artikel"], gevonden["g"]
    return any(
        tekst.bwb == bwb
        and artikel in tekst.artikelen
        and (tekst.gelezen_tot is None or (versie is not None and versie < tekst.gelezen_tot))
        for tekst in GELEZEN_WETTEKSTEN
    )

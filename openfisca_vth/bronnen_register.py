"""One registry of the legal sources the model cites: each source once, as ``{tekst, url}``.

Parameters carry their citations as ``metadata.reference`` (a list of ``{tekst, url}``). OpenFisca
lets a variable's ``reference`` be only a string or a list of strings, so a variable cites URLs.
This module is the one place where each of those sources is defined: a named :class:`Bron` with
its citation text at article/lid level. A variable file imports the sources it rests on and writes
``reference = urls(KST_22343_419, OW_18_22_LID_2)``; :func:`bronnen_van_variabele` turns a
variable's URLs back into :class:`Bron` records, so its sources have the same structured shape as
a parameter's. :func:`bron` knows every URL a variable or a parameter cites (tests/test_bronnen.py
checks it); an unknown URL is a ``KeyError`` that says where to add it.

Juriconnect links (wetten.overheid.nl) point at an article, optionally a lid, and a version date
(``g=``); :func:`artikel_van` reduces such a link to its article, which the article view of
docs/legal-sources.md groups by (``openfisca_vth/bronnen.py``).
"""

# mypy: check-untyped-defs

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openfisca_core.variables import Variable


@dataclass(frozen=True)
class Bron:
    """A source as cited: its citation text and the URL of the article, lid or publication."""

    tekst: str
    url: str

    def naar_dict(self) -> dict[str, str]:
        """``{tekst, url}``, the shape of a parameter's ``metadata.reference`` entry."""
        return {"tekst": self.tekst, "url": self.url}


# --- Omgevingswet (BWBR0037885), tekst geldend op 1 januari 2024 -------------------------------
OW_2_4 = Bron("Omgevingswet, art. 2.4", "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=2.4&g=2024-01-01")
OW_5_8 = Bron("Omgevingswet, art. 5.8", "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=5.8&g=2024-01-01")
OW_18_2 = Bron("Omgevingswet, art. 18.2", "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.2&g=2024-01-01")
OW_18_21_LID_1 = Bron(
    "Omgevingswet, art. 18.21, eerste lid",
    "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.21&lid=1&g=2024-01-01",
)
OW_18_21_LID_3 = Bron(
    "Omgevingswet, art. 18.21, derde lid",
    "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.21&lid=3&g=2024-01-01",
)
OW_18_22 = Bron(
    "Omgevingswet, art. 18.22", "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.22&g=2024-01-01"
)
OW_18_22_LID_1 = Bron(
    "Omgevingswet, art. 18.22, eerste lid",
    "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.22&lid=1&g=2024-01-01",
)
OW_18_22_LID_2 = Bron(
    "Omgevingswet, art. 18.22, tweede lid",
    "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.22&lid=2&g=2024-01-01",
)
OW_18_23 = Bron(
    "Omgevingswet, art. 18.23", "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.23&g=2024-01-01"
)
OW_18_24 = Bron(
    "Omgevingswet, art. 18.24", "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.24&g=2024-01-01"
)

# --- Omgevingsbesluit (BWBR0041278) and Besluit bouwwerken leefomgeving (BWBR0041297), 1 januari 2024
OB_4_3 = Bron("Omgevingsbesluit, art. 4.3", "https://wetten.overheid.nl/jci1.3:c:BWBR0041278&artikel=4.3&g=2024-01-01")
OB_13_12 = Bron(
    "Omgevingsbesluit, art. 13.12", "https://wetten.overheid.nl/jci1.3:c:BWBR0041278&artikel=13.12&g=2024-01-01"
)
OB_13_13 = Bron(
    "Omgevingsbesluit, art. 13.13", "https://wetten.overheid.nl/jci1.3:c:BWBR0041278&artikel=13.13&g=2024-01-01"
)
BBL_7_10 = Bron(
    "Besluit bouwwerken leefomgeving, art. 7.10",
    "https://wetten.overheid.nl/jci1.3:c:BWBR0041297&artikel=7.10&g=2024-01-01",
)

# --- Gemeentewet (BWBR0005416) and Provinciewet (BWBR0005645): interbestuurlijk toezicht ---------
GEMEENTEWET_124 = Bron("Gemeentewet, art. 124", "https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=124")
GEMEENTEWET_124_LID_1 = Bron(
    "Gemeentewet, art. 124, eerste lid", "https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=124&lid=1"
)
GEMEENTEWET_124_LID_2 = Bron(
    "Gemeentewet, art. 124, tweede lid", "https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=124&lid=2"
)
GEMEENTEWET_124_LID_4 = Bron(
    "Gemeentewet, art. 124, vierde lid", "https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=124&lid=4"
)
GEMEENTEWET_124A_LID_1 = Bron(
    "Gemeentewet, art. 124a, eerste lid", "https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=124a&lid=1"
)
GEMEENTEWET_124B_LID_1 = Bron(
    "Gemeentewet, art. 124b, eerste lid", "https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=124b&lid=1"
)
PROVINCIEWET_121 = Bron("Provinciewet, art. 121", "https://wetten.overheid.nl/jci1.3:c:BWBR0005645&artikel=121")
PROVINCIEWET_121_LID_1 = Bron(
    "Provinciewet, art. 121, eerste lid", "https://wetten.overheid.nl/jci1.3:c:BWBR0005645&artikel=121&lid=1"
)
PROVINCIEWET_121_LID_2 = Bron(
    "Provinciewet, art. 121, tweede lid", "https://wetten.overheid.nl/jci1.3:c:BWBR0005645&artikel=121&lid=2"
)

# --- Law before 2024 (tekst geldend op 14 april 2016): Wabo, Bor, Wet bodembescherming, Wro -----
WABO_2_4 = Bron(
    "Wet algemene bepalingen omgevingsrecht, art. 2.4",
    "https://wetten.overheid.nl/jci1.3:c:BWBR0024779&artikel=2.4&g=2016-04-14",
)
WABO_5_3 = Bron(
    "Wet algemene bepalingen omgevingsrecht, art. 5.3",
    "https://wetten.overheid.nl/jci1.3:c:BWBR0024779&artikel=5.3&g=2016-04-14",
)
BOR_3_3_LID_1 = Bron(
    "Besluit omgevingsrecht, art. 3.3, eerste lid",
    "https://wetten.overheid.nl/jci1.3:c:BWBR0027464&artikel=3.3&lid=1&g=2016-04-14",
)
WBB_88_LID_1 = Bron(
    "Wet bodembescherming, art. 88, eerste lid",
    "https://wetten.overheid.nl/jci1.3:c:BWBR0003994&artikel=88&lid=1&g=2016-04-14",
)
WBB_88_LID_5 = Bron(
    "Wet bodembescherming, art. 88, vijfde lid",
    "https://wetten.overheid.nl/jci1.3:c:BWBR0003994&artikel=88&lid=5&g=2016-04-14",
)
WRO_3_1 = Bron(
    "Wet ruimtelijke ordening, art. 3.1", "https://wetten.overheid.nl/jci1.3:c:BWBR0023798&artikel=3.1&g=2016-04-14"
)

# --- Official publications: Kamerstukken and Staatsblad -----------------------------------------
KST_22343_360 = Bron(
    "Kamerstuk 22 343, nr. 360 (4 juli 2023): robuustheidscriteria vastgesteld in het bestuurlijk overleg IBP VTH",
    "https://zoek.officielebekendmakingen.nl/kst-22343-360.html",
)
KST_22343_405 = Bron(
    "Kamerbrief van 5 december 2024 over het wetsvoorstel versterking VTH-stelsel milieu "
    "(vermoedelijk Kamerstuk 22 343, nr. 405)",
    "https://zoek.officielebekendmakingen.nl/kst-22343-405.html",
)
KST_22343_419 = Bron(
    "Kamerbrief 'Voortgang versterking VTH-stelsel' (voortgangsbrief voorjaar 2025; vermoedelijk Kamerstuk 22 343, "
    "nr. 419)",
    "https://zoek.officielebekendmakingen.nl/kst-22343-419.html",
)
KST_36410_B_2 = Bron(
    "Kamerstuk 36 410 B, nr. 2 (decentralisatie-uitkering VTH-taken)",
    "https://zoek.officielebekendmakingen.nl/kst-36410-B-2.html",
)
STB_2000_591 = Bron(
    "Besluit aanwijzing bevoegdgezaggemeenten Wet bodembescherming (Stb. 2000, 591)",
    "https://zoek.officielebekendmakingen.nl/stb-2000-591.html",
)
STB_2017_193 = Bron(
    "Besluit omgevingsrecht, art. 7.1 en bijlage IV, zoals gewijzigd bij Stb. 2017, 193",
    "https://zoek.officielebekendmakingen.nl/stb-2017-193.html",
)
STB_2020_87 = Bron(
    "Aanvullingswet bodem Omgevingswet (Stb. 2020, 87)", "https://zoek.officielebekendmakingen.nl/stb-2020-87.html"
)

# Every source above, in the order defined; one source per URL.
BRONNEN = tuple(waarde for waarde in dict(globals()).values() if isinstance(waarde, Bron))
_PER_URL = {b.url: b for b in BRONNEN}
if len(_PER_URL) != len(BRONNEN):
    raise ValueError("openfisca_vth/bronnen_register.py definieert een url meer dan eens")


def bron(url: str) -> Bron:
    """The :class:`Bron` registered for ``url``; a ``KeyError`` if this module does not define it."""
    try:
        return _PER_URL[url]
    except KeyError:
        raise KeyError(f"onbekende bron {url}: definieer haar als Bron in openfisca_vth/bronnen_register.py") from None


def urls(*bronnen: Bron) -> list[str]:
    """The URLs of ``bronnen``, in order: a variable's ``reference = urls(KST_22343_419, OW_18_22_LID_2)``.

    Raises ``TypeError`` for an argument that is not a :class:`Bron`.
    """
    for b in bronnen:
        if not isinstance(b, Bron):
            raise TypeError(f"urls() verwacht Bron-constanten uit openfisca_vth/bronnen_register.py, niet {b!r}")
    return [b.url for b in bronnen]


def bronnen_van_variabele(variabele: Variable) -> tuple[Bron, ...]:
    """The sources of an OpenFisca variable as :class:`Bron` records, in the order it cites them.

    Raises ``KeyError`` (see :func:`bron`) for a URL the registry does not define.
    """
    referenties = variabele.reference or []
    if isinstance(referenties, str):
        referenties = [referenties]
    return tuple(bron(url) for url in referenties)


# --- From a URL to its article --------------------------------------------------------------------

WETTEN = {
    "BWBR0037885": "Omgevingswet",
    "BWBR0041278": "Omgevingsbesluit",
    "BWBR0041297": "Besluit bouwwerken leefomgeving",
    "BWBR0005416": "Gemeentewet",
    "BWBR0005645": "Provinciewet",
    "BWBR0024779": "Wet algemene bepalingen omgevingsrecht",
    "BWBR0027464": "Besluit omgevingsrecht",
    "BWBR0003994": "Wet bodembescherming",
    "BWBR0023798": "Wet ruimtelijke ordening",
}
LEDEN = {1: "eerste", 2: "tweede", 3: "derde", 4: "vierde", 5: "vijfde", 6: "zesde", 7: "zevende", 8: "achtste"}
_JCI = re.compile(
    r"^https://wetten\.overheid\.nl/jci1\.3:c:(?P<bwb>BWBR\d{7})&(?P<soort>artikel|bijlage)=(?P<nr>[\w.]+)"
    r"(?:&lid=(?P<lid>\d+))?(?:&g=[\d-]+)?$"
)
_PUBLICATIE = re.compile(r"^https://zoek\.officielebekendmakingen\.nl/(?P<id>[\w-]+)\.html$")


def _natuurlijk(tekst: str) -> tuple[int | str, ...]:
    """Sort key that orders numbers by value: 18.2 before 18.18, 124 before 124a."""
    return tuple(int(deel) if deel.isdigit() else deel for deel in re.split(r"(\d+)", tekst))


@dataclass(frozen=True)
class Artikel:
    """What a citation rests on: an article (or annex) of a statute, or an official publication.

    Lids and version dates (``g=``) of a juriconnect link are dropped: ``tekst`` is e.g.
    "Omgevingswet, art. 18.22" and ``url`` links to the article. A publication is its own article
    (``wet`` is empty, ``nummer`` its id such as ``kst-22343-419``).
    """

    wet: str
    soort: str
    nummer: str
    tekst: str
    url: str

    @property
    def sorteersleutel(self) -> tuple[bool, str, str, tuple[int | str, ...]]:
        """Statutes by name then article number (18.2 before 18.18); the publications after them, by id."""
        return (self.wet == "", self.wet, self.soort, _natuurlijk(self.nummer))


def artikel_van(url: str) -> Artikel:
    """The :class:`Artikel` of a registered ``url`` (``KeyError`` if the registry does not know it)."""
    geregistreerd = bron(url)
    if jci := _JCI.match(url):
        wet = WETTEN[jci["bwb"]]
        aanduiding = "art." if jci["soort"] == "artikel" else "bijlage"
        return Artikel(
            wet,
            jci["soort"],
            jci["nr"],
            f"{wet}, {aanduiding} {jci['nr']}",
            f"https://wetten.overheid.nl/jci1.3:c:{jci['bwb']}&{jci['soort']}={jci['nr']}",
        )
    publicatie = _PUBLICATIE.match(url)
    return Artikel("", "publicatie", publicatie["id"] if publicatie else url, geregistreerd.tekst, url)


def lid_van(url: str) -> int | None:
    """The lid a juriconnect ``url`` points at, as a number; ``None`` for a whole article or a publication."""
    jci = _JCI.match(url)
    return int(jci["lid"]) if jci and jci["lid"] else None


def lid_tekst(lid: int) -> str:
    """How a citation names lid ``lid``: 2 -> "tweede lid"."""
    return f"{LEDEN.get(lid, f'{lid}e')} lid"

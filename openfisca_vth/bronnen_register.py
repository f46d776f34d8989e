"""One registry of the legal sources the model cites: each source once, as ``{tekst, url}``.

Parameters carry their citations as ``metadata.reference`` (a list of ``{tekst, url}``). OpenFisca
lets a variable's ``reference`` be only a string or a list of strings, so variables cite URLs; this
module gives each URL its citation text, so a variable's sources have the same structured shape as
a parameter's (:func:`bronnen_van_variabele`).
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Bron:
    tekst: str
    url: str

    def naar_dict(self):
        return {"tekst": self.tekst, "url": self.url}


_WETTEN = {
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
_LEDEN = {1: "eerste", 2: "tweede", 3: "derde", 4: "vierde", 5: "vijfde", 6: "zesde"}
_JCI = re.compile(r"jci1\.3:c:(?P<bwb>BWBR\d{7})&(?P<soort>artikel|bijlage)=(?P<nr>[\w.]+)(?:&lid=(?P<lid>\d+))?")

# Citation texts of the official publications the model cites (Kamerstukken, Staatsblad).
PUBLICATIES = {
    "kst-22343-419": "Kamerbrief 'Voortgang versterking VTH-stelsel' (voorjaar 2025; vermoedelijk Kamerstuk 22 343, nr. 419)",
    "kst-22343-405": "Kamerbrief van 5 december 2024 over het wetsvoorstel versterking VTH-stelsel milieu "
    "(vermoedelijk Kamerstuk 22 343, nr. 405)",
    "kst-22343-360": "Kamerstuk 22 343, nr. 360 (4 juli 2023): robuustheidscriteria vastgesteld in het bestuurlijk "
    "overleg IBP VTH",
    "stb-2017-193": "Besluit omgevingsrecht, art. 7.1 en bijlage IV, zoals gewijzigd bij Stb. 2017, 193",
    "stb-2000-591": "Besluit aanwijzing bevoegdgezaggemeenten Wet bodembescherming (Stb. 2000, 591)",
    "stb-2020-87": "Aanvullingswet bodem Omgevingswet (Stb. 2020, 87)",
    "kst-36410-B-2": "Kamerstuk 36 410 B, nr. 2 (decentralisatie-uitkering VTH-taken)",
}


def bron(url):
    """The :class:`Bron` of ``url``: its citation text derived from the juriconnect link or publication."""
    if gevonden := _JCI.search(url):
        wet = _WETTEN.get(gevonden["bwb"], gevonden["bwb"])
        tekst = f"{wet}, {'art.' if gevonden['soort'] == 'artikel' else 'bijlage'} {gevonden['nr']}"
        if gevonden["lid"]:
            tekst += f", {_LEDEN.get(int(gevonden['lid']), gevonden['lid'] + 'e')} lid"
        return Bron(tekst, url)
    publicatie = re.search(r"/([\w-]+)\.html$", url)
    if publicatie and publicatie[1] in PUBLICATIES:
        return Bron(PUBLICATIES[publicatie[1]], url)
    raise KeyError(f"bron {url!r} staat niet in openfisca_vth/bronnen_register.py")


def bronnen_van_variabele(variabele):
    """The sources of an OpenFisca variable as :class:`Bron` records, in the order it cites them."""
    referenties = variabele.reference or []
    if isinstance(referenties, str):
        referenties = [referenties]
    return tuple(bron(url) for url in referenties)

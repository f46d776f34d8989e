"""The task categories of the basistakenpakket, read from the parameter tree.

Each folder under ``parameters/basistakenpakket/taakcategorieen/`` is one category; its
``index.yaml`` gives the Dutch label. Adding a folder (with the same four parameters) adds the
category's variables, its place in ``aantal_ontbrekende_basistaken`` and its rows in every report,
with no change to Python code.
"""

from dataclasses import dataclass

import numpy

from openfisca_vth.enums import Bestuurslaag
from openfisca_vth.paths import PARAMETERS_DIR, onderdelen

TAAKCATEGORIEEN_DIR = PARAMETERS_DIR / "basistakenpakket" / "taakcategorieen"


@dataclass(frozen=True)
class Taakcategorie:
    code: str
    label: str


TAAKCATEGORIEEN = tuple(Taakcategorie(code, label) for code, label in onderdelen(TAAKCATEGORIEEN_DIR))


def uitsluitend_seveso(regels):
    """The codes of the categories reserved to the designated Seveso-omgevingsdienst in ``regels``
    (the parameters in force; Ow 18.22 lid 2, ``uitsluitend_seveso_omgevingsdienst``)."""
    categorieen = regels.basistakenpakket.taakcategorieen
    return tuple(c.code for c in TAAKCATEGORIEEN if categorieen[c.code].uitsluitend_seveso_omgevingsdienst)


def seveso_grondslag(parameters, dag):
    """The article the reservation to the Seveso-omgevingsdienst rests on on ``dag`` (a date or
    ``JJJJ-MM-DD``): the first source of the value in force of a reserved category's
    ``uitsluitend_seveso_omgevingsdienst`` in the parameter tree ``parameters``, up to its
    explanation in brackets (Ow 18.22 lid 2 from 2024, the Bor before); empty when none is reserved."""
    from openfisca_vth.metadata import waarde_in_werking

    for categorie in TAAKCATEGORIEEN:
        waarde = waarde_in_werking(
            parameters.basistakenpakket.taakcategorieen.children[categorie.code].children[
                "uitsluitend_seveso_omgevingsdienst"
            ],
            dag,
        )
        if waarde is not None and waarde.value:
            referenties = waarde.metadata.get("reference", ())
            return referenties[0]["tekst"].split(" (")[0] if referenties else ""
    return ""


def bevoegd(categorie, deelnemer, period):
    """Ow 18.22 lid 1 / Bor 7.1 "ieder voor zover bevoegd gezag": this deelnemer is competent."""
    laag = deelnemer("bestuurslaag", period)
    bevoegd_gezag = categorie.bevoegd_gezag
    gemeente_bevoegd = bevoegd_gezag.gemeente
    if "gelijkgestelde_gemeente" in bevoegd_gezag:
        # Wbb art. 88: a gemeente equated with a provincie is competent in its place (soil, until 2024)
        gemeente_bevoegd = numpy.logical_or(
            gemeente_bevoegd,
            bevoegd_gezag.gelijkgestelde_gemeente * deelnemer("gelijkgesteld_met_provincie_wbb", period),
        )
    return ((laag == Bestuurslaag.gemeente) * gemeente_bevoegd) + (
        (laag == Bestuurslaag.provincie) * bevoegd_gezag.provincie
    )

"""Enumerations shared by several variable files.

They live in the package, not in ``variables/``: OpenFisca loads each variable file under a
module name of its own, so a class defined there and imported elsewhere would exist twice.
"""

from openfisca_core.indexed_enums import Enum


class Bestuurslaag(Enum):
    """The tier of government a deelnemer belongs to (its role in the omgevingsdienst)."""

    gemeente = "Gemeente (college van burgemeester en wethouders)"
    provincie = "Provincie (gedeputeerde staten)"
    waterschap = "Waterschap (dagelijks bestuur)"


class InterbestuurlijkToezichthouder(Enum):
    """Who exercises generic interbestuurlijk toezicht over a deelnemer (Gemeentewet, Provinciewet)."""

    geen = "Geen interbestuurlijk toezicht"
    gedeputeerde_staten = "Gedeputeerde staten (Gemeentewet art. 124)"
    minister = "Onze Minister wie het aangaat (Provinciewet art. 121)"


class SevesoPlaatsing(Enum):
    """Where a provincie has placed its Seveso and RIE-4 tasks (Omgevingswet art. 18.22 lid 2)."""

    geen_aanwijzing = "Geen aangewezen Seveso-omgevingsdienst bekend (niet getoetst)"
    bij_aangewezen_dienst = "Ondergebracht bij de aangewezen Seveso-omgevingsdienst"
    in_eigen_beheer = "In eigen beheer gehouden, niet bij de aangewezen Seveso-omgevingsdienst"
    bij_andere_dienst = "Ondergebracht bij een andere omgevingsdienst dan de aangewezen Seveso-omgevingsdienst"
    niet_opgegeven = "Niet opgegeven waar de taken zijn ondergebracht"


# The value of ``seveso_taken_ondergebracht_bij`` for tasks a provincie keeps in-house.
EIGEN_BEHEER: str = "eigen_beheer"

# To whom the bill's power to steer is addressed (parameter bijsturingsbevoegdheid.robuustheid.adressaat;
# the reform's choice wetsvoorstel_versterking_vth.adressaat)
ADRESSAAT_DIENST, ADRESSAAT_DEELNEMERS, ADRESSAAT_BEIDE = "omgevingsdienst", "deelnemers", "beide"
ADRESSATEN: tuple[str, ...] = (ADRESSAAT_DIENST, ADRESSAAT_DEELNEMERS, ADRESSAAT_BEIDE)

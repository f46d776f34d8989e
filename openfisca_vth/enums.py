"""Enumerations shared by several variable files.

They live in the package, not in ``variables/``: OpenFisca loads each variable file under a
module name of its own, so a class defined there and imported elsewhere would exist twice.
"""

from openfisca_core.indexed_enums import Enum


class Bestuurslaag(Enum):
    gemeente = "Gemeente (college van burgemeester en wethouders)"
    provincie = "Provincie (gedeputeerde staten)"
    waterschap = "Waterschap (dagelijks bestuur)"


class InterbestuurlijkToezichthouder(Enum):
    geen = "Geen interbestuurlijk toezicht"
    gedeputeerde_staten = "Gedeputeerde staten (Gemeentewet art. 124)"
    minister = "Onze Minister wie het aangaat (Provinciewet art. 121)"

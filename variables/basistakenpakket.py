"""Whether a deelnemer brings the whole basistakenpakket into its omgevingsdienst."""

from openfisca_core.model_api import MONTH, Variable

from openfisca_vth.entities import Deelnemer
from openfisca_vth.taakcategorieen import TAAKCATEGORIEEN


class aantal_ontbrekende_basistaken(Variable):
    value_type = int
    entity = Deelnemer
    definition_period = MONTH
    label = "Aantal taakcategorieën van het basistakenpakket dat de deelnemer niet heeft ingebracht"
    reference = [
        "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.22&lid=1&g=2024-01-01",
        "https://wetten.overheid.nl/jci1.3:c:BWBR0041278&artikel=13.12&g=2024-01-01",
        "https://zoek.officielebekendmakingen.nl/stb-2017-193.html",
    ]

    def formula(deelnemer, period):
        return sum(deelnemer(f"basistaak_ontbreekt_{categorie.code}", period) for categorie in TAAKCATEGORIEEN)


class brengt_basistakenpakket_volledig_in(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    label = "De deelnemer brengt het volledige basistakenpakket in bij de omgevingsdienst"
    reference = [
        "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.22&lid=1&g=2024-01-01",
        "https://wetten.overheid.nl/jci1.3:c:BWBR0041278&artikel=13.12&g=2024-01-01",
        "https://zoek.officielebekendmakingen.nl/stb-2017-193.html",
    ]

    def formula(deelnemer, period):
        return deelnemer("aantal_ontbrekende_basistaken", period) == 0

"""Facts about an omgevingsdienst that the rules take as input."""

from openfisca_core.model_api import MONTH, Variable

from openfisca_vth.entities import Omgevingsdienst
from openfisca_vth.periode import invoer_per_maand


class fte_formatie(Variable):
    value_type = float
    entity = Omgevingsdienst
    definition_period = MONTH
    set_input = invoer_per_maand
    unit = "fte"
    label = "Formatie van de omgevingsdienst in fte"
    reference = ["https://zoek.officielebekendmakingen.nl/kst-22343-419.html"]


class voldoet_aan_kwaliteitscriteria(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    set_input = invoer_per_maand
    label = "De omgevingsdienst voldoet aan de kwaliteitscriteria voor het basistakenpakket"
    reference = ["https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.23&g=2024-01-01"]
    documentation = """
    Omgevingswet art. 18.23: de gemeenteraad en provinciale staten stellen regels over de
    kwaliteit van de uitvoering van het basistakenpakket, uniform per omgevingsdienst (in de
    praktijk de Kwaliteitscriteria VTH 2.x of 3.0).
    """


class financiering_conform_systematiek(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    set_input = invoer_per_maand
    label = "De deelnemers financieren de omgevingsdienst volgens de vastgestelde financieringssystematiek"
    reference = ["https://zoek.officielebekendmakingen.nl/kst-22343-419.html"]


class werkgebied_congruent_met_veiligheidsregio(Variable):
    value_type = bool
    default_value = True
    entity = Omgevingsdienst
    definition_period = MONTH
    set_input = invoer_per_maand
    label = "Het werkgebied valt samen met één of meer veiligheidsregio's of een aangewezen kring"
    reference = ["https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.21&lid=3&g=2024-01-01"]


class is_seveso_omgevingsdienst(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    set_input = invoer_per_maand
    label = "De omgevingsdienst is aangewezen als Seveso-omgevingsdienst (voorheen Brzo-omgevingsdienst)"
    reference = ["https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.22&lid=2&g=2024-01-01"]

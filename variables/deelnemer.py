"""Who a deelnemer is, and the duties of a deelnemer that are not task categories."""

from openfisca_core.model_api import MONTH, Enum, Variable, select

from openfisca_vth.entities import Deelnemer, Omgevingsdienst
from openfisca_vth.enums import Bestuurslaag
from openfisca_vth.periode import controleer_dekking, invoer_per_maand


class bestuurslaag(Variable):
    value_type = Enum
    possible_values = Bestuurslaag
    default_value = Bestuurslaag.gemeente
    entity = Deelnemer
    definition_period = MONTH
    label = "Bestuurslaag van de deelnemer, afgeleid uit zijn rol in de omgevingsdienst"
    reference = [
        "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.21&lid=1&g=2024-01-01",
    ]
    documentation = """
    Omgevingswet art. 18.21 lid 1: gedeputeerde staten en de colleges van burgemeester en
    wethouders stellen de omgevingsdienst in. Een waterschap kan deelnemen in de
    gemeenschappelijke regeling, maar is niet tot inbreng van het basistakenpakket verplicht.
    """

    def formula(deelnemer, period):
        controleer_dekking(period)
        return select(
            [
                deelnemer.has_role(Omgevingsdienst.GEMEENTE),
                deelnemer.has_role(Omgevingsdienst.PROVINCIE),
            ],
            [Bestuurslaag.gemeente, Bestuurslaag.provincie],
            default=Bestuurslaag.waterschap,
        )


class mandaat_verleend(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    set_input = invoer_per_maand
    label = "De deelnemer heeft (model)mandaat verleend aan de directeur van de omgevingsdienst"
    reference = ["https://zoek.officielebekendmakingen.nl/kst-22343-419.html"]
    documentation = """
    Aanbeveling 8 van de commissie Van Aartsen (onafhankelijke uitvoering van toezicht en
    handhaving); het IBP VTH leverde een modelmandaat op (Kamerstuk 22 343, nr. 419).
    """


class regionale_strategie_vastgesteld(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    set_input = invoer_per_maand
    label = "De deelnemer heeft de regionale uitvoerings- en handhavingsstrategie vastgesteld"
    reference = ["https://zoek.officielebekendmakingen.nl/kst-22343-419.html"]
    documentation = """
    Aanbeveling 7 van de commissie Van Aartsen (uniform uitvoerings- en handhavingsbeleid;
    regionale beleidscyclus, Kamerstuk 22 343, nr. 419).
    """

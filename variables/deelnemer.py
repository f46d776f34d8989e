"""Who a deelnemer is, and the duties of a deelnemer that are not task categories."""

import numpy
from openfisca_core.model_api import ETERNITY, MONTH, Enum, Variable, select

from openfisca_vth.bronnen_register import (
    KST_22343_419,
    OW_18_21_LID_1,
    OW_18_22_LID_2,
    STB_2000_591,
    WBB_88_LID_1,
    urls,
)
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
    reference = urls(OW_18_21_LID_1)
    documentation = """
    Omgevingswet art. 18.21 lid 1: gedeputeerde staten en de colleges van burgemeester en
    wethouders stellen de omgevingsdienst in. Een waterschap kan deelnemen in de
    gemeenschappelijke regeling, maar is niet tot inbreng van het basistakenpakket verplicht.
    """

    def formula(deelnemer, period):
        controleer_dekking(period)
        # indices, not members: OpenFisca encodes an array of members in a Python loop
        return select(
            [
                deelnemer.has_role(Omgevingsdienst.GEMEENTE),
                deelnemer.has_role(Omgevingsdienst.PROVINCIE),
            ],
            [Bestuurslaag.gemeente.index, Bestuurslaag.provincie.index],
            default=Bestuurslaag.waterschap.index,
        )


class mandaat_verleend(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    set_input = invoer_per_maand
    label = "De deelnemer heeft (model)mandaat verleend aan de directeur van de omgevingsdienst"
    reference = urls(KST_22343_419)
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
    reference = urls(KST_22343_419)
    documentation = """
    Aanbeveling 7 van de commissie Van Aartsen (uniform uitvoerings- en handhavingsbeleid;
    regionale beleidscyclus, Kamerstuk 22 343, nr. 419).
    """


class cbs_code(Variable):
    value_type = str
    entity = Deelnemer
    definition_period = MONTH
    set_input = invoer_per_maand
    label = "CBS-code van de gemeente (GMxxxx) of provincie (PVxx); leeg als onbekend"
    reference = urls(OW_18_21_LID_1)
    documentation = """
    De landelijke dataset vult deze code in. De aangewezen Seveso-omgevingsdienst van een
    provincie wordt op deze code opgezocht (parameter basistakenpakket.seveso_aanwijzing).
    """


class kopie(Variable):
    value_type = int
    entity = Deelnemer
    definition_period = ETERNITY
    label = "Volgnummer van de situatie in een gestapelde berekening (variatie van een regel); 0 in een gewone"
    documentation = """
    Geen rechtsregel maar techniek: een variatie over de waarden van één parameter rekent alle
    waarden in één simulatie door, met een kopie van de dataset per waarde. Wat een provincie in al
    haar diensten één keer is (haar Seveso-plicht), geldt per kopie.
    """


class code_omgevingsdienst(Variable):
    value_type = str
    entity = Deelnemer
    definition_period = MONTH
    label = "Code (id) van de omgevingsdienst waarin de deelnemer deelneemt"
    reference = urls(OW_18_21_LID_1)

    def formula(deelnemer, period):
        controleer_dekking(period)
        diensten = deelnemer.simulation.populations[Omgevingsdienst.key]
        return numpy.asarray(diensten.ids, dtype=object)[diensten.members_entity_id]


class gelijkgesteld_met_provincie_wbb(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    set_input = invoer_per_maand
    label = "De gemeente is voor de Wet bodembescherming gelijkgesteld met een provincie (Wbb art. 88)"
    reference = urls(WBB_88_LID_1, STB_2000_591)
    documentation = """
    Wet bodembescherming art. 88 lid 1: Amsterdam, 's-Gravenhage, Rotterdam en Utrecht; lid 5 (in
    2000 lid 9) met het Besluit aanwijzing bevoegdgezaggemeenten Wet bodembescherming (Stb. 2000,
    591): 24 gemeenten. Tot 2024 is zo'n gemeente, niet gedeputeerde staten, bevoegd gezag voor
    bodemsanering.
    """


class seveso_taken_ondergebracht_bij(Variable):
    value_type = str
    entity = Deelnemer
    definition_period = MONTH
    set_input = invoer_per_maand
    label = (
        "Omgevingsdienst (code) waar de provincie haar Seveso- en RIE-4-taken heeft ondergebracht; "
        "'eigen_beheer' als zij ze zelf uitvoert, leeg als niet opgegeven"
    )
    reference = urls(OW_18_22_LID_2)
    documentation = """
    Omgevingswet art. 18.22 lid 2: deze taken horen bij de aangewezen Seveso-omgevingsdienst, met
    uitsluiting van andere omgevingsdiensten, ook als de provincie geen deelnemer van die dienst
    is. Leeg: niet opgegeven; dan telt alleen ingebracht_<categorie> bij de eigen dienst.
    """

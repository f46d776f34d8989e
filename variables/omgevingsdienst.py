"""Facts about an omgevingsdienst that the rules take as input."""

import numpy
from openfisca_core.model_api import MONTH, Variable

from openfisca_vth.bronnen_register import KST_22343_419, OW_18_21_LID_3, OW_18_22_LID_2, OW_18_23, urls
from openfisca_vth.entities import Deelnemer, Omgevingsdienst
from openfisca_vth.periode import geldende_regels, invoer_per_maand, nergens
from openfisca_vth.taakcategorieen import TAAKCATEGORIEEN, bevoegd


class fte_formatie(Variable):
    value_type = float
    entity = Omgevingsdienst
    definition_period = MONTH
    set_input = invoer_per_maand
    unit = "fte"
    label = "Formatie van de omgevingsdienst in fte"
    reference = urls(KST_22343_419)


class voldoet_aan_kwaliteitscriteria(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    set_input = invoer_per_maand
    label = "De omgevingsdienst voldoet aan de kwaliteitscriteria voor het basistakenpakket"
    reference = urls(OW_18_23)
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
    reference = urls(KST_22343_419)


class werkgebied_congruent_met_veiligheidsregio(Variable):
    value_type = bool
    default_value = True
    entity = Omgevingsdienst
    definition_period = MONTH
    set_input = invoer_per_maand
    label = "Het werkgebied valt samen met één of meer veiligheidsregio's of een aangewezen kring"
    reference = urls(OW_18_21_LID_3)


class is_seveso_omgevingsdienst(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    set_input = invoer_per_maand
    label = "De omgevingsdienst is aangewezen als Seveso-omgevingsdienst (voorheen Brzo-omgevingsdienst)"
    reference = urls(OW_18_22_LID_2)


class formatie_omgevingsdienst(Variable):
    value_type = float
    entity = Omgevingsdienst
    definition_period = MONTH
    unit = "fte"
    label = "Formatie van de omgevingsdienst, inclusief de formatie die meekomt met taken waarvan inbreng is aangenomen"
    reference = urls(KST_22343_419)
    documentation = """
    fte_formatie plus, per deelnemer en taakcategorie waarvoor inbreng wordt aangenomen (een
    verbreding van het basistakenpakket na de overgangstermijn) en die de deelnemer nog niet had
    ingebracht: het deel formatie_bij_inbreng van de formatie die de deelnemer er zelf aan besteedt
    (fte_eigen_uitvoering_<categorie>). "Het inbrengen van plustaken ... kan een positieve bijdrage
    leveren aan het voldoen aan de robuustheidscriteria" (voortgangsbrief voorjaar 2025). In het
    huidige recht wordt geen inbreng aangenomen: dan is dit fte_formatie.
    """

    def formula(omgevingsdienst, period):
        meegekomen = omgevingsdienst.members("formatie_meegekomen_bij_inbreng", period)
        return omgevingsdienst("fte_formatie", period) + omgevingsdienst.sum(meegekomen)


class formatie_meegekomen_bij_inbreng(Variable):
    value_type = float
    entity = Deelnemer
    definition_period = MONTH
    unit = "fte"
    label = "Formatie die met de taken van deze deelnemer naar de dienst meekomt als hun inbreng wordt aangenomen"
    reference = urls(KST_22343_419)
    documentation = """
    Per taakcategorie waarvoor inbreng wordt aangenomen (een verbreding van het basistakenpakket na
    de overgangstermijn), die de deelnemer heeft, waarvoor hij bevoegd is en die hij nog niet had
    ingebracht: het deel formatie_bij_inbreng van fte_eigen_uitvoering_<categorie>. Telt mee in
    formatie_omgevingsdienst.
    """

    def formula(deelnemer, period, parameters):
        categorieen = geldende_regels(parameters, period).basistakenpakket.taakcategorieen
        meegekomen = numpy.zeros(deelnemer.count)
        for categorie in TAAKCATEGORIEEN:
            code, regels = categorie.code, categorieen[categorie.code]
            aandeel = regels.inbreng_aangenomen * regels.formatie_bij_inbreng
            if nergens(aandeel):
                continue  # nothing comes along for this category (an array when a sweep varies it)
            # only tasks the deelnemer has, is competent for and had not yet brought in
            verschuldigd = bevoegd(regels, deelnemer, period) * deelnemer(f"heeft_taken_{code}", period)
            nog_niet_ingebracht = numpy.logical_not(deelnemer(f"ingebracht_{code}", period))
            eigen = deelnemer(f"fte_eigen_uitvoering_{code}", period)
            meegekomen = meegekomen + aandeel * verschuldigd * nog_niet_ingebracht * eigen
        return meegekomen

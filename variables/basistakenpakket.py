"""Whether a deelnemer brings the whole basistakenpakket in, and whether it does so at its own dienst."""

import numpy
from openfisca_core.model_api import MONTH, Variable

from openfisca_vth.bronnen_register import OB_13_12, OW_18_22_LID_1, OW_18_22_LID_2, STB_2017_193, urls
from openfisca_vth.entities import Deelnemer
from openfisca_vth.periode import geldende_regels
from openfisca_vth.taakcategorieen import TAAKCATEGORIEEN

BRONNEN_BASISTAKENPAKKET = (OW_18_22_LID_1, OB_13_12, STB_2017_193)


class aantal_ontbrekende_basistaken(Variable):
    value_type = int
    entity = Deelnemer
    definition_period = MONTH
    label = "Aantal taakcategorieën van het basistakenpakket waarvoor de deelnemer tekortschiet"
    reference = urls(*BRONNEN_BASISTAKENPAKKET)

    def formula(deelnemer, period):
        return sum(deelnemer(f"basistaak_ontbreekt_{categorie.code}", period) for categorie in TAAKCATEGORIEEN)


class brengt_basistakenpakket_volledig_in(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    label = (
        "De deelnemer brengt het volledige basistakenpakket in (bij zijn eigen dienst en, voor Seveso-taken, "
        "bij de aangewezen dienst)"
    )
    reference = urls(*BRONNEN_BASISTAKENPAKKET)

    def formula(deelnemer, period):
        return deelnemer("aantal_ontbrekende_basistaken", period) == 0


class brengt_basistakenpakket_volledig_in_bij_omgevingsdienst(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    label = "De deelnemer brengt alle basistaken in die aan zijn eigen omgevingsdienst verschuldigd zijn"
    reference = urls(*BRONNEN_BASISTAKENPAKKET, OW_18_22_LID_2)
    documentation = """
    Zoals brengt_basistakenpakket_volledig_in, maar Seveso- en RIE-4-taken tellen alleen mee als de
    eigen dienst de aangewezen Seveso-omgevingsdienst is: zijn ze elders verschuldigd, dan raakt
    een tekort de plicht van de provincie, niet het basistakenpakket van deze dienst.
    """

    def formula(deelnemer, period, parameters):
        categorieen = geldende_regels(parameters, period).basistakenpakket.taakcategorieen
        hier_aangewezen = deelnemer("code_omgevingsdienst", period) == deelnemer(
            "aangewezen_seveso_omgevingsdienst", period
        )
        tekort = numpy.zeros(deelnemer.count, dtype=bool)
        for categorie in TAAKCATEGORIEEN:
            ontbreekt = deelnemer(f"basistaak_ontbreekt_{categorie.code}", period)
            if categorieen[categorie.code].uitsluitend_seveso_omgevingsdienst:
                ontbreekt = ontbreekt * hier_aangewezen
            tekort = tekort + ontbreekt
        return numpy.logical_not(tekort)

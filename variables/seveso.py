"""Seveso-omgevingsdiensten: exclusive competence for Seveso and RIE category 4 tasks."""

from openfisca_core.model_api import MONTH, Variable

from openfisca_vth.entities import Omgevingsdienst
from openfisca_vth.periode import geldende_regels


class exclusief_bevoegd_seveso_taken(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "De omgevingsdienst voert de Seveso-taken uit met uitsluiting van andere omgevingsdiensten"
    reference = ["https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.22&lid=2&g=2024-01-01"]

    def formula(omgevingsdienst, period, parameters):
        seveso = geldende_regels(parameters, period).basistakenpakket.taakcategorieen.seveso_inrichtingen
        aangewezen = omgevingsdienst("is_seveso_omgevingsdienst", period)
        return aangewezen * seveso.uitsluitend_seveso_omgevingsdienst

"""The werkgebied of an omgevingsdienst as the statutory requirement it is (Omgevingswet art. 18.21 lid 3).

"Het werkgebied van een omgevingsdienst komt overeen met het werkgebied van een of meer regio's
als bedoeld in artikel 8 van de Wet veiligheidsregio's of met het grondgebied van een kring van
aangewezen gemeenten." In force 1 January 2024; checked from then on (parameter
``werkgebied.wettelijke_eis``). It is not a robuustheidscriterium in current law.
"""

import numpy
from openfisca_core.model_api import MONTH, Variable

from openfisca_vth.bronnen_register import OW_18_21_LID_3, urls
from openfisca_vth.entities import Omgevingsdienst
from openfisca_vth.periode import geldende_regels


class werkgebied_in_strijd_met_wet(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "Het werkgebied valt niet samen met één of meer veiligheidsregio's of een kring, terwijl de wet dat eist"
    reference = urls(OW_18_21_LID_3)

    def formula(omgevingsdienst, period, parameters):
        eis = geldende_regels(parameters, period).werkgebied.wettelijke_eis
        congruent = omgevingsdienst("werkgebied_congruent_met_veiligheidsregio", period)
        return eis * numpy.logical_not(congruent)

"""Interbestuurlijk toezicht when a deelnemer does not bring the basistakenpakket in.

Not bringing in a basistaak is neglect of a duty under another law than the Gemeentewet or the
Provinciewet (Omgevingswet art. 18.22 with Omgevingsbesluit art. 13.12; before 2024 Wabo art. 5.3
with Bor art. 7.1). The generic remedy is indeplaatsstelling: gedeputeerde staten for a gemeente
(Gemeentewet art. 124), the minister concerned for a provincie (Provinciewet art. 121). A
waterschap has no basistakenpakket duty, so there is nothing to supervise here.
"""

import numpy
from openfisca_core.model_api import MONTH, Enum, Variable, select

from openfisca_vth.entities import Deelnemer
from openfisca_vth.enums import Bestuurslaag, InterbestuurlijkToezichthouder
from openfisca_vth.periode import geldende_regels

GEMEENTEWET_124 = "https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=124"
PROVINCIEWET_121 = "https://wetten.overheid.nl/jci1.3:c:BWBR0005645&artikel=121"


class interbestuurlijk_toezichthouder(Variable):
    value_type = Enum
    possible_values = InterbestuurlijkToezichthouder
    default_value = InterbestuurlijkToezichthouder.geen
    entity = Deelnemer
    definition_period = MONTH
    label = "Orgaan dat in de plaats kan treden als de deelnemer het basistakenpakket niet inbrengt"
    reference = [GEMEENTEWET_124, PROVINCIEWET_121]

    def formula(deelnemer, period, parameters):
        ibt = geldende_regels(parameters, period).interbestuurlijk_toezicht
        laag = deelnemer("bestuurslaag", period)
        return select(
            [
                # Gemeentewet art. 124 lid 1: GS voorzien namens en ten laste van de gemeente
                (laag == Bestuurslaag.gemeente) * ibt.indeplaatsstelling_gemeente_door_gedeputeerde_staten,
                # Provinciewet art. 121 lid 1: Onze Minister wie het aangaat
                (laag == Bestuurslaag.provincie) * ibt.indeplaatsstelling_provincie_door_minister,
            ],
            [InterbestuurlijkToezichthouder.gedeputeerde_staten, InterbestuurlijkToezichthouder.minister],
            default=InterbestuurlijkToezichthouder.geen,
        )


class interbestuurlijk_toezicht_mogelijk(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    label = (
        "Interbestuurlijk toezicht (indeplaatsstelling) is mogelijk: de deelnemer brengt het "
        "basistakenpakket niet volledig in"
    )
    reference = [GEMEENTEWET_124, PROVINCIEWET_121]

    def formula(deelnemer, period):
        taakverwaarlozing = numpy.logical_not(deelnemer("brengt_basistakenpakket_volledig_in", period))
        toezichthouder = deelnemer("interbestuurlijk_toezichthouder", period)
        return taakverwaarlozing * (toezichthouder != InterbestuurlijkToezichthouder.geen)

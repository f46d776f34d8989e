"""The planned powers of the staatssecretaris van IenW (wetsvoorstel versterking VTH-stelsel milieu).

Kamerstuk 22 343, nr. 419: IenW "is voornemens om een bevoegdheid te introduceren voor de
staatssecretaris van IenW om bij te sturen als deze partijen niet zelfstandig aan deze
verplichting voldoen", and studies how the bringing-in of the basistakenpakket can be enforced.
Neither power is law: both in-force switches are false in current law, and the reform
``openfisca_vth.reforms.wetsvoorstel_versterking_vth`` turns them on.
"""

import numpy
from openfisca_core.model_api import MONTH, Variable

from openfisca_vth.entities import Deelnemer, Omgevingsdienst
from openfisca_vth.periode import geldende_regels

KST_22343_419 = "https://zoek.officielebekendmakingen.nl/kst-22343-419.html"
KST_22343_405 = "https://zoek.officielebekendmakingen.nl/kst-22343-405.html"


class bijsturingsbevoegdheid_staatssecretaris(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = (
        "De staatssecretaris van IenW kan bijsturen: bevoegdheid in werking, termijn verstreken en dienst niet robuust"
    )
    reference = [KST_22343_419, KST_22343_405]

    def formula(omgevingsdienst, period, parameters):
        bevoegdheid = geldende_regels(parameters, period).bijsturingsbevoegdheid.robuustheid
        termijn_verstreken = omgevingsdienst("robuustheidstermijn_verstreken", period)
        niet_robuust = numpy.logical_not(omgevingsdienst("robuust", period))
        return bevoegdheid.in_werking * termijn_verstreken * niet_robuust


class inbreng_basistakenpakket_afdwingbaar(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    label = "De staatssecretaris kan de inbreng van het basistakenpakket bij deze deelnemer afdwingen"
    reference = [KST_22343_419]

    def formula(deelnemer, period, parameters):
        bevoegdheid = geldende_regels(parameters, period).bijsturingsbevoegdheid
        niet_volledig = numpy.logical_not(deelnemer("brengt_basistakenpakket_volledig_in", period))
        return bevoegdheid.inbreng_basistakenpakket.in_werking * niet_volledig

"""The powers of the staatssecretaris van IenW: planned (the bill) and existing (generic supervision).

The voortgangsbrief of spring 2025 (Kamerstuk 22 343, probably nr. 419): IenW "is voornemens om een
bevoegdheid te introduceren voor de staatssecretaris van IenW om bij te sturen als deze partijen niet
zelfstandig aan deze verplichting voldoen", and "Op dit moment kan inbreng van het basistakenpakket
door gemeenten niet of nauwelijks worden afgedwongen door de Staatssecretaris van IenW". The
specific powers do not exist in current law (status ``wet``: that is the law as it stands); the
reform ``openfisca_vth.reforms.wetsvoorstel_versterking_vth`` turns them on. What the minister can
do today goes through generic supervision: Provinciewet art. 121 against a provincie, Gemeentewet
art. 124a (via gedeputeerde staten) or 124b against a gemeente.
"""

import numpy
from openfisca_core.model_api import MONTH, Variable

from openfisca_vth.entities import Deelnemer, Omgevingsdienst
from openfisca_vth.enums import InterbestuurlijkToezichthouder
from openfisca_vth.periode import geldende_regels

KST_22343_419 = "https://zoek.officielebekendmakingen.nl/kst-22343-419.html"
KST_22343_405 = "https://zoek.officielebekendmakingen.nl/kst-22343-405.html"
PROVINCIEWET_121 = "https://wetten.overheid.nl/jci1.3:c:BWBR0005645&artikel=121&lid=1"
GEMEENTEWET_124A = "https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=124a&lid=1"
GEMEENTEWET_124B = "https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=124b&lid=1"


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
    label = (
        "De staatssecretaris (namens de minister die het aangaat) kan de inbreng van het basistakenpakket bij "
        "deze deelnemer afdwingen"
    )
    reference = [PROVINCIEWET_121, GEMEENTEWET_124A, GEMEENTEWET_124B, KST_22343_419]
    documentation = """
    Waar als de deelnemer het basistakenpakket niet volledig inbrengt en de minister zelf in de
    plaats kan treden: bij een provincie (Provinciewet art. 121), bij een gemeente als de wet in de
    bijlage van Gemeentewet art. 124b staat of als de bevoegdheid via art. 124a is overgegaan
    (gedeputeerde staten traden niet op binnen de termijn van het verzoek), of met een specifieke
    bevoegdheid uit het wetsvoorstel.
    """

    def formula(deelnemer, period, parameters):
        specifiek = geldende_regels(parameters, period).bijsturingsbevoegdheid.inbreng_basistakenpakket.in_werking
        niet_volledig = numpy.logical_not(deelnemer("brengt_basistakenpakket_volledig_in", period))
        # Provinciewet art. 121 (provincie) and Gemeentewet art. 124b (gemeente, annex): the minister himself
        minister_is_toezichthouder = (
            deelnemer("interbestuurlijk_toezichthouder", period) == InterbestuurlijkToezichthouder.minister
        )
        # Gemeentewet art. 124a: only once the power has passed from gedeputeerde staten
        overgegaan = deelnemer("bevoegdheid_124_overgegaan_op_minister", period)
        return niet_volledig * (minister_is_toezichthouder + overgegaan + specifiek)

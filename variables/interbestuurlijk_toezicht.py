"""Interbestuurlijk toezicht when a deelnemer does not bring the basistakenpakket in.

Not bringing in a basistaak is neglect of a duty under another law than the Gemeentewet or the
Provinciewet (Omgevingswet art. 18.22 with Omgevingsbesluit art. 13.12; before 2024 Wabo art. 5.3
with Bor art. 7.1). The generic remedy is indeplaatsstelling: gedeputeerde staten for a gemeente
(Gemeentewet art. 124), the minister concerned for a provincie (Provinciewet art. 121). A
waterschap has no basistakenpakket duty, so there is nothing to supervise here.
"""

from datetime import date

import numpy
from openfisca_core.model_api import MONTH, Enum, Variable, select

from openfisca_vth.entities import Deelnemer
from openfisca_vth.enums import Bestuurslaag, InterbestuurlijkToezichthouder
from openfisca_vth.periode import geldende_regels, invoer_per_maand, peildatum

GEMEENTEWET_124 = "https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=124"
PROVINCIEWET_121 = "https://wetten.overheid.nl/jci1.3:c:BWBR0005645&artikel=121"
GEMEENTEWET_124_LID_2 = "https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=124&lid=2"
PROVINCIEWET_121_LID_2 = "https://wetten.overheid.nl/jci1.3:c:BWBR0005645&artikel=121&lid=2"


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


class besluit_indeplaatsstelling_genomen(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    set_input = invoer_per_maand
    label = "Het toezichthoudende orgaan heeft besloten in de plaats van de deelnemer te treden"
    reference = [GEMEENTEWET_124, PROVINCIEWET_121]


class einde_hersteltermijn(Variable):
    value_type = date
    # Without a known term the decision cannot be executed (lid 2): default far in the future.
    default_value = date(9999, 12, 31)
    entity = Deelnemer
    definition_period = MONTH
    set_input = invoer_per_maand
    label = "Laatste dag van de hersteltermijn die in het besluit tot indeplaatsstelling is gesteld"
    reference = [GEMEENTEWET_124_LID_2, PROVINCIEWET_121_LID_2]


class indeplaatsstelling_spoedeisend(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    set_input = invoer_per_maand
    label = "De spoedeisendheid laat het afwachten van een hersteltermijn niet toe"
    reference = [GEMEENTEWET_124_LID_2, PROVINCIEWET_121_LID_2]


class indeplaatsstelling_uitvoerbaar(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    label = (
        "Het toezichthoudende orgaan mag het besluit tot indeplaatsstelling uitvoeren "
        "(namens en ten laste van de deelnemer)"
    )
    reference = [GEMEENTEWET_124, GEMEENTEWET_124_LID_2, PROVINCIEWET_121, PROVINCIEWET_121_LID_2]
    documentation = """
    Gemeentewet art. 124 lid 2 en Provinciewet art. 121 lid 2: behalve in spoedeisende gevallen
    wordt het besluit pas uitgevoerd na afloop van de in het besluit gestelde termijn, waarbinnen de
    deelnemer de taak alsnog kan uitvoeren. Hier: de deelnemer brengt het basistakenpakket nog
    steeds niet volledig in, er is besloten, en de hersteltermijn is vóór de peildatum verstreken
    (of de zaak is spoedeisend).
    """

    def formula(deelnemer, period, parameters):
        ibt = geldende_regels(parameters, period).interbestuurlijk_toezicht
        # lid 1: nog steeds taakverwaarlozing, en een bevoegd orgaan heeft besloten
        nog_steeds_verwaarloosd = deelnemer("interbestuurlijk_toezicht_mogelijk", period)
        besloten = deelnemer("besluit_indeplaatsstelling_genomen", period)
        # lid 2: "behalve in spoedeisende gevallen" pas na afloop van de hersteltermijn
        termijn_verstreken = deelnemer("einde_hersteltermijn", period) < numpy.datetime64(str(peildatum(period)))
        wachten_niet_vereist = numpy.logical_or(
            not ibt.uitvoering_pas_na_hersteltermijn, deelnemer("indeplaatsstelling_spoedeisend", period)
        )
        return nog_steeds_verwaarloosd * besloten * numpy.logical_or(termijn_verstreken, wachten_niet_vereist)

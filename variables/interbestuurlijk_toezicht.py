"""Interbestuurlijk toezicht when a deelnemer does not bring the basistakenpakket in.

Not bringing in a basistaak is neglect of a duty under another law than the Gemeentewet or the
Provinciewet (Omgevingswet art. 18.22 with Omgevingsbesluit art. 13.12; before 2024 Wabo art. 5.3
with Bor art. 7.1). The generic remedy is indeplaatsstelling (texts of 2015, read):

- a gemeente: gedeputeerde staten (Gemeentewet art. 124); the minister concerned only through
  art. 124a (a request to GS, in agreement with the minister of BZK, for a zwaarwegend algemeen
  belang; the power passes to him if GS do not act within his term), unless the law is listed in
  the annex of art. 124b (then the minister acts himself);
- a provincie: the minister concerned (Provinciewet art. 121).

A waterschap has no basistakenpakket duty, so there is nothing to supervise here. Dates inside
a month are read on the strict side (``periode.verstreken_voor``): a term counts as passed in a
month only if it ended before the month began.
"""

from datetime import date

import numpy
from openfisca_core.model_api import MONTH, Enum, Variable, select

from openfisca_vth.bronnen_register import (
    GEMEENTEWET_124,
    GEMEENTEWET_124_LID_2,
    GEMEENTEWET_124A_LID_1,
    GEMEENTEWET_124B_LID_1,
    PROVINCIEWET_121,
    PROVINCIEWET_121_LID_2,
    urls,
)
from openfisca_vth.entities import Deelnemer
from openfisca_vth.enums import Bestuurslaag, InterbestuurlijkToezichthouder
from openfisca_vth.periode import geldende_regels, invoer_per_maand, verstreken_voor

GEEN_TERMIJN = date(9999, 12, 31)


class interbestuurlijk_toezichthouder(Variable):
    value_type = Enum
    possible_values = InterbestuurlijkToezichthouder
    default_value = InterbestuurlijkToezichthouder.geen
    entity = Deelnemer
    definition_period = MONTH
    label = "Orgaan dat in de plaats kan treden als de deelnemer het basistakenpakket niet inbrengt"
    reference = urls(GEMEENTEWET_124, GEMEENTEWET_124B_LID_1, PROVINCIEWET_121)

    def formula(deelnemer, period, parameters):
        ibt = geldende_regels(parameters, period).interbestuurlijk_toezicht
        laag = deelnemer("bestuurslaag", period)
        is_gemeente = laag == Bestuurslaag.gemeente
        # Gemeentewet art. 124b: for the laws in the annex the minister, not GS, holds the power
        in_bijlage_124b = ibt.omgevingsrecht_in_bijlage_gemeentewet_124b
        return select(
            [
                is_gemeente * in_bijlage_124b,
                # Gemeentewet art. 124 lid 1: GS voorzien namens en ten laste van de gemeente
                is_gemeente * ibt.indeplaatsstelling_gemeente_door_gedeputeerde_staten,
                # Provinciewet art. 121 lid 1: Onze Minister wie het aangaat
                (laag == Bestuurslaag.provincie) * ibt.indeplaatsstelling_provincie_door_minister,
            ],
            # indices, not members: OpenFisca encodes an array of members in a Python loop
            [
                InterbestuurlijkToezichthouder.minister.index,
                InterbestuurlijkToezichthouder.gedeputeerde_staten.index,
                InterbestuurlijkToezichthouder.minister.index,
            ],
            default=InterbestuurlijkToezichthouder.geen.index,
        )


class interbestuurlijk_toezicht_mogelijk(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    label = (
        "Interbestuurlijk toezicht (indeplaatsstelling) is mogelijk: de deelnemer brengt het "
        "basistakenpakket niet volledig in"
    )
    reference = urls(GEMEENTEWET_124, PROVINCIEWET_121)

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
    reference = urls(GEMEENTEWET_124, PROVINCIEWET_121)


class einde_hersteltermijn(Variable):
    value_type = date
    # Without a known term the decision cannot be executed (lid 2): default far in the future.
    default_value = GEEN_TERMIJN
    entity = Deelnemer
    definition_period = MONTH
    set_input = invoer_per_maand
    label = "Laatste dag van de hersteltermijn die in het besluit tot indeplaatsstelling is gesteld"
    reference = urls(GEMEENTEWET_124_LID_2, PROVINCIEWET_121_LID_2)


class indeplaatsstelling_spoedeisend(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    set_input = invoer_per_maand
    label = "De spoedeisendheid laat het afwachten van een hersteltermijn niet toe"
    reference = urls(GEMEENTEWET_124_LID_2, PROVINCIEWET_121_LID_2)


class indeplaatsstelling_uitvoerbaar(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    label = (
        "Het toezichthoudende orgaan mag het besluit tot indeplaatsstelling uitvoeren "
        "(namens en ten laste van de deelnemer)"
    )
    reference = urls(GEMEENTEWET_124, GEMEENTEWET_124_LID_2, PROVINCIEWET_121, PROVINCIEWET_121_LID_2)
    documentation = """
    Gemeentewet art. 124 lid 2 en Provinciewet art. 121 lid 2: behalve in spoedeisende gevallen
    wordt het besluit pas uitgevoerd na afloop van de in het besluit gestelde termijn, waarbinnen de
    deelnemer de taak alsnog kan uitvoeren. Hier: de deelnemer brengt het basistakenpakket nog
    steeds niet volledig in, er is besloten, en de hersteltermijn was al verstreken vóór de eerste
    dag van de maand (of de zaak is spoedeisend). Een termijn die op 15 juni eindigt, maakt het
    besluit dus pas in juli uitvoerbaar: het model is nooit ruimer dan de wet.
    """

    def formula(deelnemer, period, parameters):
        ibt = geldende_regels(parameters, period).interbestuurlijk_toezicht
        # lid 1: nog steeds taakverwaarlozing, en een bevoegd orgaan heeft besloten
        nog_steeds_verwaarloosd = deelnemer("interbestuurlijk_toezicht_mogelijk", period)
        besloten = deelnemer("besluit_indeplaatsstelling_genomen", period)
        # lid 2: "behalve in spoedeisende gevallen" pas na afloop van de hersteltermijn
        termijn_verstreken = verstreken_voor(deelnemer("einde_hersteltermijn", period), period)
        wachten_niet_vereist = numpy.logical_or(
            not ibt.uitvoering_pas_na_hersteltermijn, deelnemer("indeplaatsstelling_spoedeisend", period)
        )
        return nog_steeds_verwaarloosd * besloten * numpy.logical_or(termijn_verstreken, wachten_niet_vereist)


class zwaarwegend_algemeen_belang(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    set_input = invoer_per_maand
    label = (
        "De minister die het aangaat acht indeplaatsstelling van de gemeente gewenst uit oogpunt van een "
        "zwaarwegend algemeen belang"
    )
    reference = urls(GEMEENTEWET_124A_LID_1)


class instemming_minister_bzk(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    set_input = invoer_per_maand
    label = (
        "De minister van Binnenlandse Zaken en Koninkrijksrelaties stemt in met een verzoek op grond van "
        "Gemeentewet art. 124a"
    )
    reference = urls(GEMEENTEWET_124A_LID_1)


class einde_termijn_verzoek_124a(Variable):
    value_type = date
    # No request made: default far in the future, so the power never passes.
    default_value = GEEN_TERMIJN
    entity = Deelnemer
    definition_period = MONTH
    set_input = invoer_per_maand
    label = (
        "Laatste dag van de termijn die de minister gedeputeerde staten stelde in een verzoek op grond van "
        "Gemeentewet art. 124a"
    )
    reference = urls(GEMEENTEWET_124A_LID_1)


class gedeputeerde_staten_pasten_124_toe_binnen_termijn(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    set_input = invoer_per_maand
    label = (
        "Gedeputeerde staten hebben binnen de termijn van het verzoek van de minister toepassing gegeven aan "
        "Gemeentewet art. 124 (besluit tot indeplaatsstelling)"
    )
    reference = urls(GEMEENTEWET_124A_LID_1)
    documentation = """
    Een eigen invoer, los van besluit_indeplaatsstelling_genomen (het besluit van wie op dat moment
    bevoegd is): of de bevoegdheid overgaat, hangt alleen af van wat gedeputeerde staten binnen de
    termijn deden; een besluit van de minister na de overgang neemt haar niet terug.
    """


class verzoek_124a_mogelijk(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    label = (
        "De minister die het aangaat kan gedeputeerde staten verzoeken in de plaats van deze gemeente te treden "
        "(Gemeentewet art. 124a)"
    )
    reference = urls(GEMEENTEWET_124A_LID_1)
    documentation = """
    Gemeentewet art. 124a lid 1: "In overeenstemming met Onze Minister [van BZK], kan Onze Minister
    wie het aangaat, indien hij van oordeel is dat toepassing van artikel 124, eerste lid, uit
    oogpunt van een zwaarwegend algemeen belang gewenst is, gedeputeerde staten ... verzoeken
    toepassing te geven aan artikel 124, eerste lid." Hier: een gemeente verwaarloost het
    basistakenpakket, gedeputeerde staten zijn de toezichthouder (de wet staat niet in de bijlage
    van art. 124b), de minister acht een zwaarwegend algemeen belang aanwezig en de minister van
    BZK stemt in.
    """

    def formula(deelnemer, period, parameters):
        ibt = geldende_regels(parameters, period).interbestuurlijk_toezicht
        taakverwaarlozing = deelnemer("interbestuurlijk_toezicht_mogelijk", period)
        via_gedeputeerde_staten = (
            deelnemer("interbestuurlijk_toezichthouder", period) == InterbestuurlijkToezichthouder.gedeputeerde_staten
        )
        # "indien hij van oordeel is dat ... uit oogpunt van een zwaarwegend algemeen belang gewenst is"
        belang = deelnemer("zwaarwegend_algemeen_belang", period)
        # "In overeenstemming met Onze Minister" (BZK)
        instemming = deelnemer("instemming_minister_bzk", period)
        return (
            ibt.verzoek_minister_aan_gedeputeerde_staten
            * taakverwaarlozing
            * via_gedeputeerde_staten
            * belang
            * instemming
        )


class bevoegdheid_124_overgegaan_op_minister(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    label = (
        "De bevoegdheid tot indeplaatsstelling van de gemeente is overgegaan op de minister die het aangaat: "
        "gedeputeerde staten traden niet op binnen de termijn van het verzoek (Gemeentewet art. 124a)"
    )
    reference = urls(GEMEENTEWET_124A_LID_1)
    documentation = """
    Gemeentewet art. 124a lid 1, laatste zin: "Indien gedeputeerde staten ... niet binnen een door
    Onze Minister wie het aangaat gestelde termijn toepassing hebben gegeven aan artikel 124, eerste
    lid, gaat de bevoegdheid van artikel 124, eerste lid, over op Onze Minister wie het aangaat."
    Hier: het verzoek was mogelijk en is gedaan, de termijn was verstreken vóór de eerste dag van de
    maand, en gedeputeerde staten gaven binnen de termijn geen toepassing aan art. 124.
    """

    def formula(deelnemer, period):
        verzoek_mogelijk = deelnemer("verzoek_124a_mogelijk", period)
        termijn_verstreken = verstreken_voor(deelnemer("einde_termijn_verzoek_124a", period), period)
        gedeputeerde_staten_traden_niet_op = numpy.logical_not(
            deelnemer("gedeputeerde_staten_pasten_124_toe_binnen_termijn", period)
        )
        return verzoek_mogelijk * termijn_verstreken * gedeputeerde_staten_traden_niet_op


class interbestuurlijk_toezicht_op_criteria_mogelijk(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    label = (
        "Generiek interbestuurlijk toezicht (indeplaatsstelling) is mogelijk omdat de deelnemer tekortschiet voor "
        "een wettelijk robuustheidscriterium"
    )
    reference = urls(GEMEENTEWET_124, PROVINCIEWET_121)
    documentation = """
    Zodra de robuustheidscriteria wet zijn, is niet voldoen eraan het niet nakomen van een wettelijke
    plicht, waarop Gemeentewet art. 124 en Provinciewet art. 121 van toepassing kunnen zijn, tenzij
    het wetsvoorstel een eigen bevoegdheid in de plaats stelt (lex specialis). De parameter
    interbestuurlijk_toezicht.criteria_onder_generiek_toezicht zegt welke van de twee.
    """

    def formula(deelnemer, period, parameters):
        van_toepassing = geldende_regels(parameters, period).interbestuurlijk_toezicht.criteria_onder_generiek_toezicht
        tekort = deelnemer("tekort_wettelijk_robuustheidscriterium", period)
        laag = deelnemer("bestuurslaag", period)
        heeft_toezichthouder = (laag == Bestuurslaag.gemeente) + (laag == Bestuurslaag.provincie)
        return van_toepassing * tekort * heeft_toezichthouder

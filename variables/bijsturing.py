"""The powers of the staatssecretaris van IenW: planned (the bill) and existing (generic supervision).

The voortgangsbrief of spring 2025 (Kamerstuk 22 343, probably nr. 419): IenW "is voornemens om een
bevoegdheid te introduceren voor de staatssecretaris van IenW om bij te sturen als deze partijen niet
zelfstandig aan deze verplichting voldoen", and "Op dit moment kan inbreng van het basistakenpakket
door gemeenten niet of nauwelijks worden afgedwongen door de Staatssecretaris van IenW". The
specific powers do not exist in current law (status ``wet``: that is the law as it stands); the
reform ``openfisca_vth.reforms.wetsvoorstel_versterking_vth`` sets the bill's design choices:

- the criteria as statutory norms, each with its own statutory deadline
  (``robuustheidscriteria.<c>.wettelijke_termijn_verstreken``) and whether its failure triggers
  the power (``activeert_bijsturing``); the power follows the statutory deadline, not the
  administrative date of 1 April 2026;
- a transitional term after a merger (``overgangstermijn_fusie_maanden``);
- the form of the power and what it implies (``bijsturingsbevoegdheid.vormen``: a hersteltermijn
  and a published voornemen for indeplaatsstelling), and its addressee (the dienst, its
  deelnemers, or both).

What the minister can do today goes through generic supervision: Provinciewet art. 121 against a
provincie, Gemeentewet art. 124a (via gedeputeerde staten) or 124b against a gemeente.
"""

from datetime import date

import numpy
from openfisca_core.model_api import MONTH, Variable

from openfisca_vth.bronnen_register import (
    GEMEENTEWET_124_LID_2,
    GEMEENTEWET_124_LID_4,
    GEMEENTEWET_124A_LID_1,
    GEMEENTEWET_124B_LID_1,
    KST_22343_405,
    KST_22343_419,
    PROVINCIEWET_121_LID_1,
    urls,
)
from openfisca_vth.entities import Deelnemer, Omgevingsdienst
from openfisca_vth.enums import (
    ADRESSAAT_BEIDE,
    ADRESSAAT_DEELNEMERS,
    ADRESSAAT_DIENST,
    InterbestuurlijkToezichthouder,
)
from openfisca_vth.periode import eerste_dag, geldende_regels, invoer_per_maand, verstreken_voor
from openfisca_vth.robuustheidscriteria import DEELNEMER_VOORWAARDE, wettelijke_criteria

GEEN_FUSIE = date(1900, 1, 1)
GEEN_BESLUIT = date(9999, 12, 31)


class datum_fusie(Variable):
    value_type = date
    default_value = GEEN_FUSIE
    entity = Omgevingsdienst
    definition_period = MONTH
    set_input = invoer_per_maand
    label = "Datum waarop de omgevingsdienst door een fusie is ontstaan (standaard: geen fusie)"
    reference = urls(KST_22343_419)


class in_overgangstermijn_fusie(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = (
        "De omgevingsdienst valt nog onder de overgangstermijn na een fusie: de bijsturingsbevoegdheid raakt hem niet"
    )
    reference = urls(KST_22343_419)
    documentation = """
    Een ontwerpkeuze van het wetsvoorstel (overgangsrecht voor diensten die fuseren). De strenge kant:
    een maand valt in de overgangstermijn zolang één dag ervan er nog in valt, dus de bevoegdheid
    raakt de dienst pas in de eerste maand die geheel na de termijn ligt.
    """

    def formula(omgevingsdienst, period, parameters):
        maanden = geldende_regels(parameters, period).bijsturingsbevoegdheid.robuustheid.overgangstermijn_fusie_maanden
        fusie = omgevingsdienst("datum_fusie", period).astype("datetime64[D]")
        fusie_maand = fusie.astype("datetime64[M]")
        # the same day N months later, or the last day of that month (31 March + 11 months: 29 February)
        eind_maand = fusie_maand + int(maanden)
        laatste_dag = (eind_maand + 1).astype("datetime64[D]") - 1
        einde = numpy.minimum(
            eind_maand.astype("datetime64[D]") + (fusie - fusie_maand.astype("datetime64[D]")), laatste_dag
        )
        return (maanden > 0) * (eerste_dag(period) < einde)


class grond_voor_bijsturing(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = (
        "De omgevingsdienst voldoet na de wettelijke termijn niet aan een robuustheidscriterium dat grond geeft "
        "om bij te sturen, en valt niet onder de overgangstermijn na een fusie"
    )
    reference = urls(KST_22343_419, KST_22343_405)

    def formula(omgevingsdienst, period, parameters):
        regels = geldende_regels(parameters, period)
        niet_voldaan = numpy.zeros(omgevingsdienst.count, dtype=bool)
        for criterium, geldt in wettelijke_criteria(regels, alleen_bijsturing=True):
            niet_voldaan = niet_voldaan + geldt * numpy.logical_not(omgevingsdienst(criterium.variabele, period))
        return niet_voldaan * numpy.logical_not(omgevingsdienst("in_overgangstermijn_fusie", period))


class bijsturingsbevoegdheid_staatssecretaris(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = (
        "De staatssecretaris van IenW kan bijsturen bij (het bestuur van) de omgevingsdienst: bevoegdheid in "
        "werking, gericht tot de dienst, en de dienst haalt een criterium niet na de wettelijke termijn"
    )
    reference = urls(KST_22343_419, KST_22343_405)

    def formula(omgevingsdienst, period, parameters):
        bevoegdheid = geldende_regels(parameters, period).bijsturingsbevoegdheid.robuustheid
        gericht_tot_dienst = bevoegdheid.adressaat in (ADRESSAAT_DIENST, ADRESSAAT_BEIDE)
        return bevoegdheid.in_werking * gericht_tot_dienst * omgevingsdienst("grond_voor_bijsturing", period)


def _aanspreekbaar(deelnemer, period, regels, alleen_bijsturing):
    """The deelnemer answers for a statutory criterion its dienst fails (robuustheidscriteria.DEELNEMER_VOORWAARDE)."""
    aanspreekbaar = numpy.zeros(deelnemer.count, dtype=bool)
    for criterium, geldt in wettelijke_criteria(regels, alleen_bijsturing):
        dienst_faalt = numpy.logical_not(deelnemer.omgevingsdienst(criterium.variabele, period))
        voorwaarde = DEELNEMER_VOORWAARDE.get(criterium.code)
        eigen_aandeel = numpy.logical_not(deelnemer(voorwaarde, period)) if voorwaarde else True
        aanspreekbaar = aanspreekbaar + geldt * dienst_faalt * eigen_aandeel
    return aanspreekbaar * deelnemer("heeft_robuustheidsplicht", period)


class tekort_wettelijk_robuustheidscriterium(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    label = (
        "De deelnemer is aanspreekbaar op een wettelijk robuustheidscriterium dat zijn omgevingsdienst na de "
        "wettelijke termijn niet haalt"
    )
    reference = urls(KST_22343_419)
    documentation = """
    Per criterium: bij basistakenpakket, onafhankelijkheid en uniform beleid de deelnemer die zelf
    tekortschiet (basistaken niet ingebracht, geen mandaat, geen strategie); bij kritieke massa,
    financiering en werkgebied elke deelnemer met een plicht, omdat de diensten en hun opdrachtgevers
    er gezamenlijk verantwoordelijk voor zijn (voortgangsbrief). Onwaar zolang de criteria geen wet zijn.
    """

    def formula(deelnemer, period, parameters):
        return _aanspreekbaar(deelnemer, period, geldende_regels(parameters, period), alleen_bijsturing=False)


class bijsturingsbevoegdheid_jegens_deelnemer(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    label = (
        "De staatssecretaris van IenW kan bijsturen jegens deze deelnemer: bevoegdheid in werking, gericht tot de "
        "deelnemers, en de deelnemer is aanspreekbaar op een criterium dat grond geeft om bij te sturen"
    )
    reference = urls(KST_22343_419, KST_22343_405)

    def formula(deelnemer, period, parameters):
        regels = geldende_regels(parameters, period)
        bevoegdheid = regels.bijsturingsbevoegdheid.robuustheid
        gericht_tot_deelnemers = bevoegdheid.adressaat in (ADRESSAAT_DEELNEMERS, ADRESSAAT_BEIDE)
        aanspreekbaar = _aanspreekbaar(deelnemer, period, regels, alleen_bijsturing=True)
        geen_overgang = numpy.logical_not(deelnemer.omgevingsdienst("in_overgangstermijn_fusie", period))
        return bevoegdheid.in_werking * gericht_tot_deelnemers * aanspreekbaar * geen_overgang


class datum_besluit_bijsturing(Variable):
    value_type = date
    default_value = GEEN_BESLUIT
    entity = Omgevingsdienst
    definition_period = MONTH
    set_input = invoer_per_maand
    label = "Datum van het besluit tot bijsturing van de staatssecretaris (standaard: geen besluit)"
    reference = urls(KST_22343_419)


class voornemen_bijsturing_bekendgemaakt(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    set_input = invoer_per_maand
    label = "Het voornemen tot bijsturing is bekendgemaakt"
    reference = urls(GEMEENTEWET_124_LID_4)


class bijsturing_uitvoerbaar(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = (
        "Het besluit tot bijsturing mag worden uitgevoerd (wat de vorm vereist aan hersteltermijn en bekendmaking "
        "is voldaan)"
    )
    reference = urls(KST_22343_419, GEMEENTEWET_124_LID_2)
    documentation = """
    Er is grond en een bevoegdheid jegens de dienst of een van zijn deelnemers, er was besloten op
    de eerste dag van de maand (de strenge kant: een besluit van 10 februari telt vanaf maart), en
    wat de gekozen vorm inhoudt is voldaan (bijsturingsbevoegdheid.vormen): bij indeplaatsstelling,
    naar het voorbeeld van Gemeentewet art. 124 lid 2 en 4, is het voornemen bekendgemaakt en is de
    hersteltermijn van het besluit verstreken vóór de eerste dag van de maand.
    """

    def formula(omgevingsdienst, period, parameters):
        regels = geldende_regels(parameters, period).bijsturingsbevoegdheid
        # what each form implies (all read, so the trace shows the whole rule), then the chosen one
        vormen = {
            naam: (regels.vormen[naam].hersteltermijn_vereist, regels.vormen[naam].voornemen_bekendmaken)
            for naam in regels.vormen
        }
        hersteltermijn_vereist, voornemen_vereist = vormen[regels.robuustheid.vorm]
        bevoegd = numpy.logical_or(
            omgevingsdienst("bijsturingsbevoegdheid_staatssecretaris", period),
            omgevingsdienst.sum(omgevingsdienst.members("bijsturingsbevoegdheid_jegens_deelnemer", period)) > 0,
        )
        besluit = omgevingsdienst("datum_besluit_bijsturing", period).astype("datetime64[D]")
        # the strict side: a month counts once the decision held on its first day
        besloten = besluit <= eerste_dag(period)
        hersteltermijn = numpy.timedelta64(7 * int(regels.robuustheid.hersteltermijn_weken), "D")
        termijn_verstreken = verstreken_voor(besluit + hersteltermijn, period)
        termijn_ok = numpy.logical_or(not hersteltermijn_vereist, termijn_verstreken)
        voornemen_ok = numpy.logical_or(
            not voornemen_vereist, omgevingsdienst("voornemen_bijsturing_bekendgemaakt", period)
        )
        return bevoegd * besloten * termijn_ok * voornemen_ok


class inbreng_basistakenpakket_afdwingbaar(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    label = (
        "De staatssecretaris (namens de minister die het aangaat) kan de inbreng van het basistakenpakket bij "
        "deze deelnemer afdwingen"
    )
    reference = urls(PROVINCIEWET_121_LID_1, GEMEENTEWET_124A_LID_1, GEMEENTEWET_124B_LID_1, KST_22343_419)
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

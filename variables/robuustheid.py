"""The robuustheidscriteria of an omgevingsdienst and whether it is robuust.

The voortgangsbrief of spring 2025 (Kamerstuk 22 343, probably nr. 419): "Aanbeveling 1 en
aanbeveling 2 zijn vastgelegd in de robuustheidscriteria" (a floor for size and set-up: taken "op
kwalitatief voldoende niveau en in onafhankelijkheid uit te voeren", footnote 2), agreed by all
stelselpartijen to be met by 1 April 2026. They are a bestuurlijke afspraak, not law. Financing
(recommendation 5) and uniform policy (recommendation 7) are separate tracks; the werkgebied is
statute (Omgevingswet art. 18.21 lid 3, ``variables/werkgebied.py``). So in current law only the
criteria basistakenpakket, kritieke_massa and onafhankelijkheid count (their ``van_toepassing``
switches; which criteria count and what they say is ``aanname``, the text was not read).

Each ``robuustheidscriterium_<naam>`` says whether the dienst meets that condition, whether or
not it counts; ``aantal_robuustheidscriteria_niet_voldaan`` and ``robuust`` count only the
criteria whose ``van_toepassing`` switch is on.
"""

import numpy
from openfisca_core.model_api import MONTH, Variable

from openfisca_vth.bronnen_register import (
    KST_22343_360,
    KST_22343_419,
    OW_18_21_LID_1,
    OW_18_21_LID_3,
    OW_18_22_LID_1,
    OW_18_23,
    urls,
)
from openfisca_vth.entities import Deelnemer, Omgevingsdienst
from openfisca_vth.enums import Bestuurslaag
from openfisca_vth.groep import alle_deelnemers
from openfisca_vth.periode import controleer_dekking, geldende_regels, nergens
from openfisca_vth.robuustheidscriteria import telt_mee


class heeft_robuustheidsplicht(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    label = "De deelnemer is gebonden aan de robuustheidscriteria die alle deelnemers binden"
    reference = urls(OW_18_21_LID_1, OW_18_22_LID_1)
    documentation = """
    Een waterschap kan deelnemen in de gemeenschappelijke regeling, maar heeft geen
    basistakenpakketplicht (Ow art. 18.21 lid 1, 18.22); het telt alleen mee als de parameter
    robuustheidscriteria.waterschap_telt_mee dat zegt (onwaar: geen bron zegt dat het meetelt).
    """

    def formula(deelnemer, period, parameters):
        waterschap_telt_mee = geldende_regels(parameters, period).robuustheidscriteria.waterschap_telt_mee
        is_waterschap = deelnemer("bestuurslaag", period) == Bestuurslaag.waterschap
        return numpy.logical_or(numpy.logical_not(is_waterschap), waterschap_telt_mee)


def alle_deelnemers_met_plicht(omgevingsdienst, waarden, period):
    """True where every deelnemer that the criterion binds (``heeft_robuustheidsplicht``) has ``waarden`` true."""
    vrijgesteld = numpy.logical_not(omgevingsdienst.members("heeft_robuustheidsplicht", period))
    return alle_deelnemers(omgevingsdienst, numpy.logical_or(waarden, vrijgesteld))


class robuustheidscriterium_basistakenpakket(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = (
        "Robuustheidscriterium basistakenpakket: elke deelnemer brengt de basistaken in die aan deze "
        "omgevingsdienst verschuldigd zijn"
    )
    reference = urls(KST_22343_419, KST_22343_360, OW_18_22_LID_1)

    def formula(omgevingsdienst, period):
        volledig = omgevingsdienst.members("brengt_basistakenpakket_volledig_in_bij_omgevingsdienst", period)
        return alle_deelnemers(omgevingsdienst, volledig)


class robuustheidscriterium_kritieke_massa(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "Robuustheidscriterium kritieke massa: kwaliteitscriteria gehaald en formatie ten minste het minimum"
    reference = urls(KST_22343_419, KST_22343_360, OW_18_23)

    def formula(omgevingsdienst, period, parameters):
        kritieke_massa = geldende_regels(parameters, period).robuustheidscriteria.kritieke_massa
        # aanbeveling 2: kwaliteit volgens de kwaliteitscriteria (Ow art. 18.23)
        kwaliteit = omgevingsdienst("voldoet_aan_kwaliteitscriteria", period)
        # aanbeveling 1: ondergrens voor de omvang (0 fte: geen getal afgesproken)
        omvang = omgevingsdienst("formatie_omgevingsdienst", period) >= kritieke_massa.minimum_fte_formatie
        return kwaliteit * omvang


class robuustheidscriterium_onafhankelijkheid(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "Robuustheidscriterium onafhankelijkheid: elke deelnemer heeft mandaat verleend aan de directeur"
    reference = urls(KST_22343_419, KST_22343_360)

    def formula(omgevingsdienst, period):
        # voetnoot 2: taken "in onafhankelijkheid uit te voeren"; aanbeveling 8, modelmandaat
        mandaat = omgevingsdienst.members("mandaat_verleend", period)
        return alle_deelnemers_met_plicht(omgevingsdienst, mandaat, period)


class robuustheidscriterium_uniform_beleid(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "Robuustheidscriterium uniform beleid: elke deelnemer heeft de regionale strategie vastgesteld"
    reference = urls(KST_22343_419, KST_22343_360)
    documentation = """
    Telt in het huidige recht niet mee voor robuust (aanbeveling 7 is een apart spoor); de
    hervorming alle_zes_robuustheidscriteria laat het meetellen.
    """

    def formula(omgevingsdienst, period):
        strategie = omgevingsdienst.members("regionale_strategie_vastgesteld", period)
        return alle_deelnemers_met_plicht(omgevingsdienst, strategie, period)


class robuustheidscriterium_financiering(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "Robuustheidscriterium financiering: financiering volgens de vastgestelde systematiek"
    reference = urls(KST_22343_419, KST_22343_360)
    documentation = """
    Telt in het huidige recht niet mee voor robuust: eigenaren zijn vrij te kiezen hoe zij
    financieren (aanbeveling 5); de hervorming alle_zes_robuustheidscriteria laat het meetellen.
    """

    def formula(omgevingsdienst, period):
        controleer_dekking(period)
        return omgevingsdienst("financiering_conform_systematiek", period)


class robuustheidscriterium_werkgebied(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "Robuustheidscriterium werkgebied: samenvallend met veiligheidsregio('s) of kring"
    reference = urls(OW_18_21_LID_3, KST_22343_419)
    documentation = """
    Telt in het huidige recht niet mee voor robuust: het werkgebied is een wettelijke eis, die
    werkgebied_in_strijd_met_wet toetst vanaf 1 januari 2024; de hervorming
    alle_zes_robuustheidscriteria laat het ook als criterium meetellen.
    """

    def formula(omgevingsdienst, period):
        controleer_dekking(period)
        return omgevingsdienst("werkgebied_congruent_met_veiligheidsregio", period)


class aantal_robuustheidscriteria_niet_voldaan(Variable):
    value_type = int
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "Aantal geldende robuustheidscriteria waaraan de omgevingsdienst niet voldoet"
    reference = urls(KST_22343_360, KST_22343_419)

    def formula(omgevingsdienst, period, parameters):
        aantal = numpy.zeros(omgevingsdienst.count, dtype=int)
        for criterium, telt in telt_mee(geldende_regels(parameters, period)):
            # the switch is a bool, or one value per dienst when a sweep varies it (openfisca_vth.variatie):
            # a criterion that counts nowhere is not computed
            if nergens(telt):
                continue
            aantal = aantal + telt * numpy.logical_not(omgevingsdienst(criterium.variabele, period))
        return aantal


class robuust(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "De omgevingsdienst is robuust: hij voldoet aan alle geldende robuustheidscriteria"
    reference = urls(KST_22343_419, KST_22343_360)
    documentation = """
    Onwaar zolang er geen robuustheidscriteria zijn afgesproken (vóór de bestuurlijke afspraak van
    2023): robuustheid is dan niet beoordeeld, niet vanzelf bereikt.
    """

    def formula(omgevingsdienst, period, parameters):
        regels = geldende_regels(parameters, period)
        # de criteria zijn afgesproken en er geldt er ten minste één (each switch a bool, or one value
        # per dienst when a sweep varies it; before the agreement the switches are not read)
        afgesproken = regels.robuustheidscriteria.afgesproken
        if nergens(afgesproken):
            beoordeeld = numpy.zeros(omgevingsdienst.count, dtype=bool)
        else:
            geldend = sum(numpy.asarray(telt, dtype=int) for _, telt in telt_mee(regels))
            beoordeeld = afgesproken * (geldend > 0)
        return beoordeeld * (omgevingsdienst("aantal_robuustheidscriteria_niet_voldaan", period) == 0)


class robuustheidstermijn_verstreken(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "De bestuurlijk afgesproken uiterste datum voor robuustheid is verstreken"
    documentation = """
    De datum staat in de parameter robuustheidstermijn_verstreken (in het huidige recht 1 april
    2026); een hervorming kan haar verschuiven. De bijsturingsbevoegdheid uit het wetsvoorstel volgt
    niet deze bestuurlijke datum maar de wettelijke termijn per criterium.
    """
    reference = urls(KST_22343_419)

    def formula(omgevingsdienst, period, parameters):
        verstreken = geldende_regels(parameters, period).robuustheidstermijn_verstreken
        return numpy.full(omgevingsdienst.count, verstreken, dtype=bool)

"""The robuustheidscriteria of an omgevingsdienst and whether it is robuust.

The criteria implement recommendations 1 and 2 of the commissie Van Aartsen and were agreed by
all stelselpartijen (bestuurlijk overleg IBP VTH, Kamerstuk 22 343, nr. 360), to be met by
1 April 2026 (Kamerstuk 22 343, nr. 419). They are a bestuurlijke afspraak, not law; the
wetsvoorstel versterking VTH-stelsel milieu is to lay them down in regulation.

Each ``robuustheidscriterium_<naam>`` says whether the dienst meets that criterion, whether or
not the criterion applies at that date; ``aantal_robuustheidscriteria_niet_voldaan`` and
``robuust`` count only the criteria whose ``van_toepassing`` switch is on.
"""

import numpy
from openfisca_core.model_api import MONTH, Variable

from openfisca_vth.entities import Omgevingsdienst
from openfisca_vth.groep import alle_deelnemers
from openfisca_vth.periode import controleer_dekking, geldende_regels
from openfisca_vth.robuustheidscriteria import geldende_criteria

KST_22343_360 = "https://zoek.officielebekendmakingen.nl/kst-22343-360.html"
KST_22343_419 = "https://zoek.officielebekendmakingen.nl/kst-22343-419.html"


class robuustheidscriterium_basistakenpakket(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "Robuustheidscriterium basistakenpakket: elke deelnemer brengt het volledige basistakenpakket in"
    reference = [
        KST_22343_360,
        "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.22&lid=1&g=2024-01-01",
    ]

    def formula(omgevingsdienst, period):
        volledig = omgevingsdienst.members("brengt_basistakenpakket_volledig_in", period)
        return alle_deelnemers(omgevingsdienst, volledig)


class robuustheidscriterium_kritieke_massa(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "Robuustheidscriterium kritieke massa: kwaliteitscriteria gehaald en formatie ten minste het minimum"
    reference = [
        KST_22343_360,
        "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.23&g=2024-01-01",
    ]

    def formula(omgevingsdienst, period, parameters):
        kritieke_massa = geldende_regels(parameters, period).robuustheidscriteria.kritieke_massa
        # aanbeveling 2: kwaliteit volgens de kwaliteitscriteria (Ow art. 18.23)
        kwaliteit = omgevingsdienst("voldoet_aan_kwaliteitscriteria", period)
        # aanbeveling 1: ondergrens voor de omvang (0 fte zolang geen getal is afgesproken)
        omvang = omgevingsdienst("fte_formatie", period) >= kritieke_massa.minimum_fte_formatie
        return kwaliteit * omvang


class robuustheidscriterium_onafhankelijkheid(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "Robuustheidscriterium onafhankelijkheid: elke deelnemer heeft mandaat verleend aan de directeur"
    reference = [KST_22343_360, KST_22343_419]

    def formula(omgevingsdienst, period):
        controleer_dekking(period)
        mandaat = omgevingsdienst.members("mandaat_verleend", period)
        return alle_deelnemers(omgevingsdienst, mandaat)


class robuustheidscriterium_uniform_beleid(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "Robuustheidscriterium uniform beleid: elke deelnemer heeft de regionale strategie vastgesteld"
    reference = [KST_22343_360, KST_22343_419]

    def formula(omgevingsdienst, period):
        controleer_dekking(period)
        strategie = omgevingsdienst.members("regionale_strategie_vastgesteld", period)
        return alle_deelnemers(omgevingsdienst, strategie)


class robuustheidscriterium_financiering(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "Robuustheidscriterium financiering: financiering volgens de vastgestelde systematiek"
    reference = [KST_22343_360, KST_22343_419]

    def formula(omgevingsdienst, period):
        controleer_dekking(period)
        return omgevingsdienst("financiering_conform_systematiek", period)


class robuustheidscriterium_werkgebied(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "Robuustheidscriterium werkgebied: samenvallend met veiligheidsregio('s) of kring"
    reference = [
        KST_22343_360,
        "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.21&lid=3&g=2024-01-01",
    ]

    def formula(omgevingsdienst, period):
        controleer_dekking(period)
        return omgevingsdienst("werkgebied_congruent_met_veiligheidsregio", period)


class aantal_robuustheidscriteria_niet_voldaan(Variable):
    value_type = int
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "Aantal geldende robuustheidscriteria waaraan de omgevingsdienst niet voldoet"
    reference = [KST_22343_360, KST_22343_419]

    def formula(omgevingsdienst, period, parameters):
        geldend = geldende_criteria(geldende_regels(parameters, period))
        niet_voldaan = [numpy.logical_not(omgevingsdienst(c.variabele, period)) for c in geldend]
        return sum(niet_voldaan, numpy.zeros(omgevingsdienst.count, dtype=int))


class robuust(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "De omgevingsdienst is robuust: hij voldoet aan alle geldende robuustheidscriteria"
    reference = [KST_22343_360, KST_22343_419]
    documentation = """
    Onwaar zolang er geen robuustheidscriteria gelden (vóór de bestuurlijke afspraak van 2023):
    robuustheid is dan niet beoordeeld, niet vanzelf bereikt.
    """

    def formula(omgevingsdienst, period, parameters):
        er_gelden_criteria = bool(geldende_criteria(geldende_regels(parameters, period)))
        return er_gelden_criteria * (omgevingsdienst("aantal_robuustheidscriteria_niet_voldaan", period) == 0)


class robuustheidstermijn_verstreken(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "De afgesproken uiterste datum voor robuustheid (1 april 2026) is verstreken"
    reference = [KST_22343_419]

    def formula(omgevingsdienst, period, parameters):
        termijn_verstreken = geldende_regels(parameters, period).robuustheidscriteria.termijn_verstreken
        return numpy.full(omgevingsdienst.count, termijn_verstreken, dtype=bool)

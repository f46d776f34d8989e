"""Monitoring: the visitatie rounds of the omgevingsdiensten (aanbeveling 9, commissie Van Aartsen).

The voortgangsbrief of spring 2025: "De afgelopen twee jaar zijn alle omgevingsdiensten
gevisiteerd ... De visitaties worden iedere vier jaar uitgevoerd; vanaf 2026 wordt weer gestart
met de volgende ronde." A round lasts ``monitoring.visitatie.cyclus_jaren`` years; one round begins
in ``monitoring.visitatie.begin_ronde`` (2026), the others a whole number of cycles before or after
it. Each dienst is visited once per round.
"""

from datetime import date

import numpy
from openfisca_core.model_api import MONTH, Variable

from openfisca_vth.bronnen_register import KST_22343_419, urls
from openfisca_vth.entities import Omgevingsdienst
from openfisca_vth.periode import geldende_regels, invoer_per_maand


class datum_laatste_visitatie(Variable):
    value_type = date
    entity = Omgevingsdienst
    definition_period = MONTH
    set_input = invoer_per_maand
    label = "Datum waarop de laatste visitatie van de omgevingsdienst is afgerond"
    reference = urls(KST_22343_419)


class begin_lopende_visitatieronde(Variable):
    value_type = int
    entity = Omgevingsdienst
    definition_period = MONTH
    unit = "year"
    label = "Jaar waarin de lopende visitatieronde begon (0 als er geen rondes zijn afgesproken)"
    reference = urls(KST_22343_419)

    def formula(omgevingsdienst, period, parameters):
        visitatie = geldende_regels(parameters, period).monitoring.visitatie
        if visitatie.cyclus_jaren <= 0:
            return numpy.zeros(omgevingsdienst.count, dtype=int)
        rondes_verder = (period.start.year - visitatie.begin_ronde) // visitatie.cyclus_jaren
        begin = visitatie.begin_ronde + rondes_verder * visitatie.cyclus_jaren
        return numpy.full(omgevingsdienst.count, begin, dtype=int)


class visitatie_verschuldigd_in_lopende_ronde(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "De omgevingsdienst is in de lopende visitatieronde nog niet gevisiteerd"
    reference = urls(KST_22343_419)
    documentation = """
    Waar als er rondes zijn afgesproken en de laatste visitatie vóór 1 januari van het beginjaar
    van de lopende ronde ligt. Vanaf januari 2026 (de volgende ronde) is dus elke dienst die in de
    ronde 2022-2025 is gevisiteerd opnieuw aan de beurt.
    """

    def formula(omgevingsdienst, period):
        begin = omgevingsdienst("begin_lopende_visitatieronde", period)
        laatste_jaar = omgevingsdienst("datum_laatste_visitatie", period).astype("datetime64[Y]").astype(int) + 1970
        return (begin > 0) * (laatste_jaar < begin)

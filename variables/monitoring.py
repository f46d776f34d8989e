"""Monitoring cycles: the visitatie of each omgevingsdienst (aanbeveling 9, commissie Van Aartsen)."""

from datetime import date

import numpy
from openfisca_core.model_api import MONTH, Variable

from openfisca_vth.entities import Omgevingsdienst
from openfisca_vth.periode import geldende_regels, invoer_per_maand, peildatum

KST_22343_419 = "https://zoek.officielebekendmakingen.nl/kst-22343-419.html"


class datum_laatste_visitatie(Variable):
    value_type = date
    entity = Omgevingsdienst
    definition_period = MONTH
    set_input = invoer_per_maand
    label = "Datum waarop de laatste visitatie van de omgevingsdienst is afgerond"
    reference = [KST_22343_419]


class visitatie_termijn_verstreken(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = (
        "Sinds de laatste visitatie is de afgesproken visitatiecyclus verstreken: een nieuwe visitatie is aan de orde"
    )
    reference = [KST_22343_419]
    documentation = """
    "De visitaties worden iedere vier jaar uitgevoerd" (Kamerstuk 22 343, nr. 419). Onwaar zolang
    geen cyclus is afgesproken (parameter monitoring.visitatie_cyclus = 0). Gerekend in hele
    maanden: de termijn is verstreken vanaf de maand waarin de cyclus is volgemaakt.
    """

    def formula(omgevingsdienst, period, parameters):
        cyclus_jaren = geldende_regels(parameters, period).monitoring.visitatie_cyclus
        laatste = omgevingsdienst("datum_laatste_visitatie", period).astype("datetime64[M]")
        maand = numpy.datetime64(str(peildatum(period)), "M")
        verstreken_maanden = (maand - laatste).astype(int)
        return (cyclus_jaren > 0) * (verstreken_maanden >= 12 * cyclus_jaren)

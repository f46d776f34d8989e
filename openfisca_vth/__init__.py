"""openfisca-vth: the Dutch VTH-stelsel milieu as rules as code (an OpenFisca country package).

The main entry points (docs/library.md)::

    import openfisca_vth as vth

    rapport = vth.status("2026-04")                       # every omgevingsdienst in one month
    vth.vergelijk(["wetsvoorstel_versterking_vth"], "2027-01")
    vth.verklaar("odra", "2026-04")                       # why, from OpenFisca's trace
    vth.status_per_maand("2025-01:2027-12")          # a timeline: the status of every month
    vth.varieer("robuustheidscriteria.kritieke_massa.minimum_fte_formatie", "0:300:50", "2026-04")
    vth.regels("2026-04")                                 # every rule with its legal status
    vth.naar_records(rapport)                             # plain rows; naar_dataframe with pandas

A :class:`Rekenmodel` does the same on a dataset of your own and keeps its systems between
questions; ``CountryTaxBenefitSystem`` is the OpenFisca system itself. Every bad input raises a
:class:`VTHInvoerFout` with a one-line Dutch message.
"""

from openfisca_vth.aannames import Aannameanalyse
from openfisca_vth.dataset import Dataset, laad_dataset
from openfisca_vth.errors import VTHInvoerFout
from openfisca_vth.model import (
    Hervorming,
    Rekenmodel,
    regels,
    status,
    status_per_maand,
    toets_aannames,
    varieer,
    vergelijk,
    verklaar,
)
from openfisca_vth.rapport import Regel, Statusrapport
from openfisca_vth.records import naar_dataframe, naar_records, tabellen
from openfisca_vth.reforms import bekende_hervormingen, laad_hervorming
from openfisca_vth.taxbenefitsystem import CountryTaxBenefitSystem
from openfisca_vth.tijdlijn import Tijdlijn, Tijdlijnvergelijking
from openfisca_vth.uitvoerschema import laad_schema, schema_voor
from openfisca_vth.variatie import Variatie
from openfisca_vth.vergelijking import Variantenvergelijking, Vergelijking
from openfisca_vth.verklaring import Verklaring

__all__ = [
    "Aannameanalyse",
    "CountryTaxBenefitSystem",
    "Dataset",
    "Hervorming",
    "Regel",
    "Rekenmodel",
    "Statusrapport",
    "Tijdlijn",
    "Tijdlijnvergelijking",
    "VTHInvoerFout",
    "Variantenvergelijking",
    "Variatie",
    "Vergelijking",
    "Verklaring",
    "bekende_hervormingen",
    "laad_dataset",
    "laad_hervorming",
    "laad_schema",
    "naar_dataframe",
    "naar_records",
    "regels",
    "schema_voor",
    "status",
    "tabellen",
    "toets_aannames",
    "status_per_maand",
    "varieer",
    "vergelijk",
    "verklaar",
]

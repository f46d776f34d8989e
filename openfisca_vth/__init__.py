"""openfisca-vth: the Dutch VTH-stelsel milieu as rules as code (OpenFisca country package)."""

from openfisca_vth.taxbenefitsystem import CountryTaxBenefitSystem

__all__ = ["CountryTaxBenefitSystem"]

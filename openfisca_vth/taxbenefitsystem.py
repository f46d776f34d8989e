"""The tax-benefit system of the VTH-stelsel milieu: entities, variables and parameters."""

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from openfisca_vth.entities import entities
from openfisca_vth.paths import PARAMETERS_DIR, VARIABLES_DIR


class CountryTaxBenefitSystem(TaxBenefitSystem):
    """The VTH-stelsel milieu as OpenFisca variables and dated parameters.

    ``openfisca test -c openfisca_vth`` and ``openfisca serve -c openfisca_vth`` load this class.
    """

    def __init__(self):
        super().__init__(entities)
        self.add_variables_from_directory(str(VARIABLES_DIR))
        # One variable per task category and per input/result, generated from the category
        # folders of the parameter tree (see variables/taakcategorieen.py).
        from openfisca_vth.variables.taakcategorieen import taakcategorie_variabelen

        self.add_variables(*taakcategorie_variabelen())
        self.load_parameters(str(PARAMETERS_DIR))

"""One ``pytest`` runs the Python tests and the YAML scenarios.

The YAML files under ``tests/`` are collected by OpenFisca's own test runner plugin
(``openfisca_core.tools.test_runner.OpenFiscaPlugin``), the same code ``openfisca test`` uses, so
a scenario behaves identically under ``pytest`` and under ``openfisca test -c openfisca_vth``.
"""

import pytest
from openfisca_core.tools.test_runner import OpenFiscaPlugin

from openfisca_vth import CountryTaxBenefitSystem


def pytest_configure(config):
    # Under ``openfisca test`` OpenFisca has registered its own plugin (with the reforms and
    # extensions given on its command line): do not collect every scenario a second time.
    if any(isinstance(p, OpenFiscaPlugin) for p in config.pluginmanager.get_plugins()):
        return
    config.pluginmanager.register(
        OpenFiscaPlugin(CountryTaxBenefitSystem(), {}), name="openfisca_vth_yaml"
    )


@pytest.fixture(scope="session")
def tax_benefit_system():
    return CountryTaxBenefitSystem()

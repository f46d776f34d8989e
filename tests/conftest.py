"""One ``pytest`` runs the Python tests and the YAML scenarios.

The YAML files under ``tests/`` are collected by OpenFisca's own test runner plugin
(``openfisca_core.tools.test_runner.OpenFiscaPlugin``), the same code ``openfisca test`` uses, so
a scenario behaves identically under ``pytest`` and under ``openfisca test -c openfisca_vth``.

``pytest --reform=NAAM|BESTAND.yaml`` runs every YAML scenario under a reform (a drafter's reform
file or a known reform, see docs/drafting-guide.md): the scenarios that then fail show what the
change does to current law. Python tests keep the baseline. Write it with ``=``: pytest looks for
this file before it knows the option, and would take a separate value for a test path.
"""

import pytest
from openfisca_core.tools.test_runner import OpenFiscaPlugin

from openfisca_vth import CountryTaxBenefitSystem


def pytest_addoption(parser):
    parser.addoption(
        "--reform",
        default=None,
        metavar="NAAM|BESTAND.yaml",
        help="voer de YAML-scenario's uit onder deze hervorming (docs/drafting-guide.md)",
    )


def _yaml_systeem(config):
    systeem = CountryTaxBenefitSystem()
    spec = config.getoption("--reform", default=None)
    if not spec:
        return systeem
    from openfisca_vth.errors import VTHInvoerFout
    from openfisca_vth.reforms import laad_hervorming

    try:
        return laad_hervorming(spec, systeem)
    except VTHInvoerFout as fout:
        raise pytest.UsageError(f"--reform: {fout}") from None


def pytest_configure(config):
    # Under ``openfisca test`` OpenFisca has registered its own plugin (with the reforms and
    # extensions given on its command line): do not collect every scenario a second time.
    if any(isinstance(p, OpenFiscaPlugin) for p in config.pluginmanager.get_plugins()):
        return
    config.pluginmanager.register(OpenFiscaPlugin(_yaml_systeem(config), {}), name="openfisca_vth_yaml")


@pytest.fixture(scope="session")
def tax_benefit_system():
    return CountryTaxBenefitSystem()


@pytest.fixture(scope="session")
def baseline(tax_benefit_system):
    """Current law; reforms never change it (tests/test_hervormingen.py holds them to that)."""
    return tax_benefit_system


@pytest.fixture(scope="session")
def dataset():
    """The embedded national dataset."""
    from openfisca_vth.dataset import laad_dataset

    return laad_dataset()

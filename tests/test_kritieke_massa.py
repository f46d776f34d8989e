"""Kritieke massa compares fte_formatie with the dated minimum (>=), not only the quality input.

In current law the minimum is 0 fte (no number agreed, Kamerstuk 22 343, nr. 419, voetnoot 2), so
the YAML scenarios cannot show the formation test biting; here a parametric reform sets a minimum
of 100 fte from 2025-01-01 and the boundary is checked on both sides (2024-12 / 2025-01) and at
the threshold itself. The baseline is left unchanged.
"""

import pytest
from openfisca_core import periods
from openfisca_core.reforms import Reform
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_vth import CountryTaxBenefitSystem


class MinimumHonderdFte(Reform):
    name = "Test: minimum formatie 100 fte vanaf 2025-01-01"

    def apply(self):
        def wijzig(parameters):
            parameters.robuustheidscriteria.kritieke_massa.minimum_fte_formatie.update(
                start=periods.instant("2025-01-01"), value=100.0
            )
            return parameters

        self.modify_parameters(modifier_function=wijzig)


FTE = [0.0, 99.5, 100.0, 250.0, 250.0]
KWALITEIT = [True, True, True, True, False]


def situatie():
    diensten = {}
    deelnemers = {}
    for i, (fte, kwaliteit) in enumerate(zip(FTE, KWALITEIT, strict=True)):
        deelnemers[f"g{i}"] = {}
        diensten[f"od{i}"] = {
            "gemeenten": [f"g{i}"],
            "fte_formatie": {"2024": fte, "2025": fte},
            "voldoet_aan_kwaliteitscriteria": {"2024": kwaliteit, "2025": kwaliteit},
        }
    return {"deelnemers": deelnemers, "omgevingsdiensten": diensten}


@pytest.fixture(scope="module")
def baseline():
    return CountryTaxBenefitSystem()


def kritieke_massa(tbs, maand):
    simulatie = SimulationBuilder().build_from_entities(tbs, situatie())
    return simulatie.calculate("robuustheidscriterium_kritieke_massa", maand).tolist()


def test_zonder_afgesproken_minimum_telt_alleen_kwaliteit(baseline):
    assert kritieke_massa(baseline, "2024-12") == [True, True, True, True, False]
    assert kritieke_massa(baseline, "2025-01") == [True, True, True, True, False]


def test_minimum_formatie_werkt_vanaf_zijn_datum(baseline):
    hervormd = MinimumHonderdFte(baseline)
    assert kritieke_massa(hervormd, "2024-12") == [True, True, True, True, False]
    # ten minste het minimum: 100 fte volstaat, 99,5 niet; zonder kwaliteit helpt formatie niet
    assert kritieke_massa(hervormd, "2025-01") == [False, False, True, True, False]
    # the baseline is untouched by the reform
    assert kritieke_massa(baseline, "2025-01") == [True, True, True, True, False]

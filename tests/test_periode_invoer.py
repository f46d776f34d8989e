"""Input periods: a year applies to its months, and overlapping year/month input is refused.

OpenFisca's ``set_input_dispatch_by_period`` keeps a month that is already set when a year
arrives and copies that month's values onward to the later months, so giving one variable a year
for one deelnemer and a month of that year for another silently loses input (measured with
openfisca-core 46).
"""

import pytest
from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_web_api.app import create_app

from openfisca_vth.errors import GemengdePeriodeInvoer, VTHInvoerFout


def _situatie(invoer_a, invoer_b):
    return {
        "deelnemers": {
            "a": {"ingebracht_bodem": invoer_a},
            "b": {"ingebracht_bodem": invoer_b},
        },
        "omgevingsdiensten": {"od": {"gemeenten": ["a", "b"]}},
    }


def test_jaarinvoer_geldt_voor_elke_maand(tax_benefit_system):
    simulatie = SimulationBuilder().build_from_entities(tax_benefit_system, _situatie({"2026": True}, {"2026": False}))
    for maand in ("2026-01", "2026-04", "2026-12"):
        assert simulatie.calculate("ingebracht_bodem", maand).tolist() == [True, False]
    assert simulatie.calculate("ingebracht_bodem", "2027-01").tolist() == [False, False]


def test_maandinvoer_in_verschillende_maanden_mag(tax_benefit_system):
    simulatie = SimulationBuilder().build_from_entities(
        tax_benefit_system, _situatie({"2026-03": True}, {"2026-04": True})
    )
    assert simulatie.calculate("ingebracht_bodem", "2026-03").tolist() == [True, False]
    assert simulatie.calculate("ingebracht_bodem", "2026-04").tolist() == [False, True]


def test_jaar_en_maand_door_elkaar_wordt_geweigerd(tax_benefit_system):
    # Regression: without the guard, a's year value was lost for April to December 2026.
    with pytest.raises(GemengdePeriodeInvoer, match="ingebracht_bodem.*2026-04.*2026") as fout:
        SimulationBuilder().build_from_entities(tax_benefit_system, _situatie({"2026": True}, {"2026-04": True}))
    assert isinstance(fout.value, VTHInvoerFout)
    assert "\n" not in str(fout.value)


def test_web_api_antwoordt_400(tax_benefit_system):
    client = create_app(tax_benefit_system).test_client()
    situatie = _situatie({"2026": True}, {"2026-04": True})
    situatie["deelnemers"]["a"]["basistaak_ontbreekt_bodem"] = {"2026-05": None}
    antwoord = client.post("/calculate", json=situatie)
    assert antwoord.status_code == 400
    assert "overlapt" in antwoord.get_json()["ingebracht_bodem"]

"""The OpenFisca Web API serves this package (in-process Flask client, no network)."""

import pytest
from openfisca_web_api.app import create_app


@pytest.fixture(scope="module")
def client(tax_benefit_system):
    app = create_app(tax_benefit_system)
    app.testing = True
    return app.test_client()


def test_parameter_met_bron_en_status(client):
    antwoord = client.get("/parameter/robuustheidstermijn_verstreken")
    assert antwoord.status_code == 200
    parameter = antwoord.get_json()
    assert parameter["values"] == {"2026-04-01": True, "2016-04-14": False}
    assert parameter["metadata"]["status"] == "bestuurlijke_afspraak"
    assert parameter["metadata"]["reference"][0]["url"].startswith("https://zoek.officielebekendmakingen.nl/")


def test_variabele_met_bronnen(client):
    variabele = client.get("/variable/bijsturingsbevoegdheid_staatssecretaris").get_json()
    assert variabele["entity"] == "omgevingsdienst"
    assert variabele["definitionPeriod"] == "MONTH"
    assert any("kst-22343-419" in r for r in variabele["references"])


def test_calculate(client):
    situatie = {
        "deelnemers": {
            "gemeente_a": {
                "ingebracht_milieubelastende_activiteiten": {"2026-04": True},
                "basistaak_ontbreekt_bodem": {"2026-04": None},
                "interbestuurlijk_toezichthouder": {"2026-04": None},
            },
        },
        "omgevingsdiensten": {
            "od": {"gemeenten": ["gemeente_a"], "robuust": {"2026-04": None}},
        },
    }
    antwoord = client.post("/calculate", json=situatie)
    assert antwoord.status_code == 200, antwoord.get_data(as_text=True)
    uitkomst = antwoord.get_json()
    assert uitkomst["deelnemers"]["gemeente_a"]["basistaak_ontbreekt_bodem"]["2026-04"] is True
    assert uitkomst["deelnemers"]["gemeente_a"]["interbestuurlijk_toezichthouder"]["2026-04"] == "gedeputeerde_staten"
    assert uitkomst["omgevingsdiensten"]["od"]["robuust"]["2026-04"] is False


def test_periode_voor_de_dekking_is_een_invoerfout(client):
    situatie = {
        "deelnemers": {"a": {"basistaak_ontbreekt_bodem": {"2016-03": None}}},
        "omgevingsdiensten": {"od": {"gemeenten": ["a"]}},
    }
    antwoord = client.post("/calculate", json=situatie)
    assert antwoord.status_code == 400
    assert "eerste gedekte maand is 2016-04" in antwoord.get_json()["periode"]

"""The Web API (openfisca_vth.webapi.maak_app, in-process Flask client, no network).

Every refused request is one row of ``WEIGERINGEN``: status, a piece of the Dutch ``fout`` line,
optionally the ``pad``. Each is checked for a short JSON body without a traceback, and the app
must still answer a good /calculate correctly afterwards. OpenFisca's own routes must give the
same answers as OpenFisca's plain ``create_app`` for good input.
"""

import json
import re
from pathlib import Path

import numpy
import pytest
from openfisca_core.periods import MONTH
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable
from openfisca_web_api.app import create_app

from openfisca_vth import CountryTaxBenefitSystem
from openfisca_vth.cli import main
from openfisca_vth.entities import Omgevingsdienst
from openfisca_vth.webapi import MAX_BYTES, json_te_diep, maak_app

JSON = "application/json"


def situatie(deelnemer=None, dienst=None, gemeenten=("a",)):
    """A small good situation; ``deelnemer``/``dienst`` add or replace variables."""
    return {
        "deelnemers": {"a": {"basistaak_ontbreekt_bodem": {"2026-04": None}, **(deelnemer or {})}},
        "omgevingsdiensten": {
            "od": {"gemeenten": list(gemeenten), "robuust": {"2026-04": None}, **(dienst or {})},
        },
    }


GOED = situatie()


def strikt(tekst):
    """Parse JSON, refusing NaN and Infinity (which Python's json accepts)."""

    def weiger(constante):
        raise AssertionError(f"{constante} in het antwoord: geen strikte JSON")

    return json.loads(tekst, parse_constant=weiger)


@pytest.fixture(scope="module")
def app(tax_benefit_system):
    return maak_app(tax_benefit_system)


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def openfisca_client(tax_benefit_system):
    """OpenFisca's own Web API, without the checks: the reference for good input."""
    return create_app(tax_benefit_system).test_client()


def assert_goed_antwoord(client):
    antwoord = client.post("/calculate", json=GOED)
    assert antwoord.status_code == 200, antwoord.get_data(as_text=True)
    uitkomst = strikt(antwoord.get_data(as_text=True))
    assert uitkomst["deelnemers"]["a"]["basistaak_ontbreekt_bodem"]["2026-04"] is True
    assert uitkomst["omgevingsdiensten"]["od"]["robuust"]["2026-04"] is False


def assert_korte_fout(antwoord, status):
    tekst = antwoord.get_data(as_text=True)
    assert antwoord.status_code == status, tekst
    assert antwoord.mimetype == JSON
    for verboden in ("Traceback", "Internal Server Error", "<html", 'File "', "openfisca-france"):
        assert verboden not in tekst
    assert len(tekst) < 1000, "een foutantwoord is kort"
    inhoud = strikt(tekst)
    assert set(inhoud) == {"fout", "pad"}
    assert isinstance(inhoud["fout"], str) and "\n" not in inhoud["fout"] and inhoud["fout"]
    assert isinstance(inhoud["pad"], list)
    return inhoud


# -- every refused request ------------------------------------------------------------------------

DIEP = "[" * 100_000 + "]" * 100_000


def _post(pad, **kwargs):
    return ("POST", pad, kwargs)


def _calc(body):
    return _post("/calculate", json=body)


# (id, (method, path, client kwargs), status, piece of the fout line, pad or None)
# fmt: off
WEIGERINGEN = [
    # the body as such
    ("geen-content-type", _post("/calculate", data="{}"), 415, "het verzoek had geen Content-Type", []),
    ("text-plain", _post("/calculate", data="{}", content_type="text/plain"), 415, "kreeg 'text/plain'", []),
    ("formulier", _post("/trace", data={"a": "b"}), 415, "verwacht Content-Type: application/json", []),
    ("lege-inhoud", _post("/calculate", data="", content_type=JSON), 400, "lege inhoud", []),
    ("ongeldige-json", _post("/calculate", data='{"a":', content_type=JSON), 400, "regel 1, kolom 6", []),
    ("komma", _post("/calculate", data='{"a": 1 "b": 2}', content_type=JSON), 400, "komma verwacht", []),
    ("geen-utf8", _post("/calculate", data=b'{"\xff": 1}', content_type=JSON), 400, "geen UTF-8", []),
    ("dubbele-sleutel", _post("/calculate", data='{"deelnemers": {}, "deelnemers": {}}', content_type=JSON), 400,
     "sleutel 'deelnemers' staat twee keer", []),
    ("te-diep", _post("/calculate", data=DIEP, content_type=JSON), 400, "dieper genest dan 20 niveaus", []),
    ("te-diep-trace", _post("/trace", data=DIEP, content_type=JSON), 400, "dieper genest", []),
    ("te-groot", _post("/calculate", data=b'{"x": "' + b"x" * MAX_BYTES + b'"}', content_type=JSON), 413,
     f"groter dan {MAX_BYTES} bytes", []),
    ("nan", _post("/calculate", data=json.dumps(situatie(dienst={"fte_formatie": {"2026-04": float("nan")}})),
                  content_type=JSON), 400, "geen eindig getal", ["omgevingsdiensten", "od", "fte_formatie", "2026-04"]),
    ("1e400", _post("/calculate", data='{"deelnemers": {"a": {"fte": {"2026-04": 1e400}}}}', content_type=JSON), 400,
     "inf is geen eindig getal", ["deelnemers", "a", "fte", "2026-04"]),
    ("lijst-in-plaats-van-object", _calc([1, 2]), 400, "geen object", []),
    ("getal-in-plaats-van-object", _calc(3), 400, "geen object", []),
    ("null-als-situatie", _post("/calculate", data="null", content_type=JSON), 400, "geen object", []),
    # the situation (openfisca_vth.situatie.controleer_situatie)
    ("jaar-voor-maandvariabele", _calc(situatie({"basistaak_ontbreekt_bodem": {"2026": None}})), 400, "per maand",
     ["deelnemers", "a", "basistaak_ontbreekt_bodem", "2026"]),
    ("jaar-voor-maandvariabele-trace", _post("/trace", json=situatie({"basistaak_ontbreekt_bodem": {"2026": None}})),
     400, "per maand", ["deelnemers", "a", "basistaak_ontbreekt_bodem", "2026"]),
    ("eternity", _calc(situatie({"basistaak_ontbreekt_bodem": {"ETERNITY": None}})), 400, "per maand", None),
    ("dag", _calc(situatie({"basistaak_ontbreekt_bodem": {"2026-04-01": None}})), 400, "ongeldige periode", None),
    ("twee-maanden", _calc(situatie({"basistaak_ontbreekt_bodem": {"month:2026-04:2": None}})), 400,
     "ongeldige periode", None),
    ("onbekende-periode", _calc(situatie({"basistaak_ontbreekt_bodem": {"foo": None}})), 400,
     "ongeldige periode 'foo'", ["deelnemers", "a", "basistaak_ontbreekt_bodem", "foo"]),
    ("jaar-9999", _calc(situatie({"mandaat_verleend": {"9999": True}})), 400, "9999", None),
    ("voor-de-dekking", _calc(situatie(dienst={"robuust": {"2016-03": None}})), 400,
     "eerste gedekte maand is 2016-04", ["omgevingsdiensten", "od", "robuust", "2016-03"]),
    ("lijst-voor-getal", _calc(situatie(dienst={"fte_formatie": {"2026-04": [1, 2]}})), 400, "verwacht één waarde",
     ["omgevingsdiensten", "od", "fte_formatie", "2026-04"]),
    ("lijst-voor-ja-nee", _calc(situatie({"mandaat_verleend": {"2026-04": [True]}})), 400, "verwacht één waarde",
     None),
    ("tekst-voor-getal", _calc(situatie(dienst={"fte_formatie": {"2026-04": "abc"}})), 400, "'abc'", None),
    ("tekst-voor-ja-nee", _calc(situatie({"mandaat_verleend": {"2026-04": "misschien"}})), 400, "'misschien'",
     None),
    ("onbekende-variabele", _calc(situatie({"bestaat_niet": {"2026-04": None}})), 400,
     "onbekende variabele 'bestaat_niet'", ["deelnemers", "a", "bestaat_niet"]),
    ("bijna-bekende-variabele", _calc(situatie({"mandaat_verleen": {"2026-04": True}})), 400, "mandaat_verleend",
     None),
    ("variabele-van-andere-entiteit", _calc(situatie({"robuust": {"2026-04": None}})), 400, "robuust",
     ["deelnemers", "a", "robuust"]),
    ("invoer-voor-formule", _calc(situatie(dienst={"robuust": {"2026-04": True}})), 400, "formule", None),
    ("dienst-zonder-deelnemers", _calc(situatie(gemeenten=())), 400, "geen deelnemers", ["omgevingsdiensten", "od"]),
    ("dienst-zonder-rollen", _calc({"deelnemers": {"a": {}}, "omgevingsdiensten": {"od": {}}}), 400,
     "geen deelnemers", ["omgevingsdiensten", "od"]),
    ("onbekende-deelnemer", _calc(situatie(gemeenten=("zz",))), 400, "onbekende deelnemer 'zz'", None),
    ("deelnemer-in-twee-diensten",
     _calc({"deelnemers": {"a": {}}, "omgevingsdiensten": {"od": {"gemeenten": ["a"]}, "od2": {"gemeenten": ["a"]}}}),
     400, "deelnemer 'a' staat ook", None),
    ("tienduizend-nulls", _calc(situatie(gemeenten=[None] * 10_000)), 400, "geen deelnemer-id", None),
    ("onbekende-entiteit", _calc({**GOED, "huishoudens": {}}), 400, "'huishoudens'", ["huishoudens"]),
    ("axes", _calc({**GOED, "axes": [[{"name": "fte_formatie", "min": 0, "max": 9, "count": 3, "period": "2026-04"}]]}),
     400, "axes", ["axes"]),
    ("geen-deelnemers", _calc({}), 400, "deelnemers", None),
    # routes and methods
    ("onbekende-route", ("GET", "/bestaat_niet", {}), 404, "onbekende route /bestaat_niet", []),
    ("onbekende-variabele-route", ("GET", "/variable/robust", {}), 404, "bedoelt u 'robuust'?", ["variable", "robust"]),
    ("onbekende-parameter-route", ("GET", "/parameter/robuustheidstermijn_verstrekn", {}), 404,
     "robuustheidstermijn_verstreken", ["parameter", "robuustheidstermijn_verstrekn"]),
    ("get-op-calculate", ("GET", "/calculate", {}), 405, "methode GET mag niet op /calculate; gebruik POST", []),
    ("post-op-variables", ("POST", "/variables", {}), 405, "gebruik GET", []),
    ("delete-op-trace", ("DELETE", "/trace", {}), 405, "gebruik POST", []),
]
# fmt: on


@pytest.mark.parametrize(
    ("verzoek", "status", "melding", "pad"),
    [pytest.param(*rij[1:], id=rij[0]) for rij in WEIGERINGEN],
)
def test_weigering(client, verzoek, status, melding, pad):
    methode, route, kwargs = verzoek
    inhoud = assert_korte_fout(client.open(route, method=methode, **kwargs), status)
    assert melding in inhoud["fout"]
    if pad is not None:
        assert inhoud["pad"] == pad
    assert_goed_antwoord(client)  # the server keeps serving


def test_de_weigeringen_zijn_uniek():
    namen = [rij[0] for rij in WEIGERINGEN]
    assert len(namen) == len(set(namen))


def test_onbekende_variabele_wijst_naar_dit_project(client):
    for antwoord in (
        client.post("/calculate", json=situatie({"xyz_onbekend": {"2026-04": None}})),
        client.get("/variable/xyz_onbekend"),
    ):
        fout = antwoord.get_json()["fout"]
        assert "/variables" in fout
        assert "openfisca-france" not in fout and "CHANGELOG" not in fout


def test_gestreamd_verzoek_boven_de_grens(client):
    """A chunked body (no Content-Length) is cut off at the limit as well."""
    import io

    antwoord = client.post(
        "/calculate",
        input_stream=io.BytesIO(b'{"x": "' + b"x" * (MAX_BYTES + 10) + b'"}'),
        content_type=JSON,
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert_korte_fout(antwoord, 413)
    assert_goed_antwoord(client)


@pytest.mark.parametrize(
    ("grens", "situatie_", "route", "melding"),
    [
        ({"max_bytes": 100}, GOED, "/calculate", "groter dan 100 bytes"),
        ({"max_diepte": 3}, GOED, "/calculate", "dieper genest dan 3"),
        ({"max_entiteiten": 1}, GOED, "/calculate", "te veel entiteiten: 2"),
        ({"max_berekeningen": 1}, GOED, "/calculate", "te veel gevraagde waarden (null): 2"),
        ({"max_maanden": 11}, situatie({"mandaat_verleend": {"2026": True}}), "/calculate", "13 maanden"),
        ({"max_cellen": 20}, situatie(dienst={"robuust": {"2026-04": None, "2026-05": None}}), "/trace", "/trace"),
    ],
)
def test_grenzen(tax_benefit_system, grens, situatie_, route, melding):
    client = maak_app(tax_benefit_system, **grens).test_client()
    inhoud = assert_korte_fout(client.post(route, json=situatie_), 400 if "max_diepte" in grens else 413)
    assert melding in inhoud["fout"]
    assert_goed_antwoord(maak_app(tax_benefit_system).test_client())


@pytest.mark.parametrize("waarde", [0, -1, 1.5, None, True])
def test_ongeldige_grens(tax_benefit_system, waarde):
    with pytest.raises(ValueError, match="max_bytes"):
        maak_app(tax_benefit_system, max_bytes=waarde)


def test_openfisca_foutboom_als_een_regel(tax_benefit_system):
    """The fallback for OpenFisca's own 4xx bodies: the first message, in Dutch, with its place
    (OpenFisca's dpath turns the year "2026" into a list of 2026 nulls)."""
    from openfisca_vth.webapi import _eerste_melding, vertaal

    melding = 'Unable to set a value for variable "robuust" for year-long period "2026". Please adapt your input.'
    pad, tekst = _eerste_melding({"omgevingsdiensten": {"od": {"robuust": [None] * 2026 + [melding]}}})
    assert pad == ["omgevingsdiensten", "od", "robuust", "2026"]
    assert vertaal(tekst, tax_benefit_system) == (
        "invoer voor robuust past niet bij periode '2026'; geef een maand (JJJJ-MM)"
    )
    onbekend = (
        "You tried to calculate or to set a value for variable 'robust', but it was not found in the loaded tax and "
        "benefit system (openfisca-vth@0.1.0). If it is an official package, it is probably available on "
        "<https://github.com/openfisca/openfisca-france/blob/master/CHANGELOG.md>."
    )
    nederlands = vertaal(onbekend, tax_benefit_system)
    assert "bedoelt u 'robuust'?" in nederlands and "GET /variables" in nederlands
    assert "openfisca-france" not in nederlands


def test_diepte_telt_niet_binnen_teksten():
    assert not json_te_diep('{"a": "[[[[[[[[[[", "b": "\\"[[[[[["}', 2)
    assert json_te_diep('{"a": [[["\\\\"]]]}', 3)
    assert not json_te_diep('{"a": [["\\\\"]]}', 3)


# -- strict JSON out, and no internal detail in a 500 -------------------------------------------------


class _nan_uitkomst(Variable):
    value_type = float
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "test: een formule die NaN geeft"

    def formula(omgevingsdienst, period):
        return numpy.full(omgevingsdienst.count, numpy.nan)


class _kapotte_formule(Variable):
    value_type = float
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "test: een formule die faalt"

    def formula(omgevingsdienst, period):
        raise RuntimeError("geheime interne details")


class _TestHervorming(Reform):
    def apply(self):
        self.add_variable(_nan_uitkomst)
        self.add_variable(_kapotte_formule)


@pytest.fixture(scope="module")
def test_client():
    return maak_app(_TestHervorming(CountryTaxBenefitSystem())).test_client()


def test_nan_in_de_uitkomst_is_een_500_zonder_nan(test_client):
    antwoord = test_client.post("/calculate", json=situatie(dienst={"_nan_uitkomst": {"2026-04": None}}))
    inhoud = assert_korte_fout(antwoord, 500)
    assert "NaN of Infinity" in inhoud["fout"] and "niet in de invoer" in inhoud["fout"]
    assert_goed_antwoord(test_client)


def test_interne_fout_toont_geen_details(test_client):
    antwoord = test_client.post("/calculate", json=situatie(dienst={"_kapotte_formule": {"2026-04": None}}))
    inhoud = assert_korte_fout(antwoord, 500)
    assert "geheime" not in antwoord.get_data(as_text=True)
    assert inhoud["fout"].startswith("interne fout in openfisca-vth")
    assert_goed_antwoord(test_client)


@pytest.mark.parametrize("route", ["/", "/spec", "/entities", "/variables", "/parameters", "/variable/robuust"])
def test_antwoorden_zijn_strikte_json(client, route):
    strikt(client.get(route).get_data(as_text=True))


# -- OpenFisca's own routes, unchanged for good input ---------------------------------------------------


def _zonder_tijden(knoop):
    if isinstance(knoop, dict):
        return {k: _zonder_tijden(v) for k, v in knoop.items() if not k.endswith("_time")}
    if isinstance(knoop, list):
        return [_zonder_tijden(v) for v in knoop]
    return knoop


@pytest.mark.parametrize(
    "route",
    [
        "/parameter/robuustheidstermijn_verstreken",
        "/parameter/basistakenpakket.taakcategorieen.bodem.bevoegd_gezag.gemeente",
        "/variable/bijsturingsbevoegdheid_staatssecretaris",
        "/variables",
        "/parameters",
        "/entities",
        "/spec",
    ],
)
def test_get_routes_ongewijzigd(client, openfisca_client, route):
    """OpenFisca's answers are kept: ours has every key of theirs with the same value, except the
    source links (they point to the real files, see test_web_taken.py) and what this package adds
    (per-value ``waarden`` and ``metadata.statussen`` on /parameter, the job routes in /spec)."""
    ons, hun = client.get(route), openfisca_client.get(route)
    assert ons.status_code == hun.status_code == 200
    hun_json = _zonder_tijden(hun.get_json())
    assert _zonder_bronnen(_zonder_tijden(ons.get_json()), hun_json) == _zonder_bronnen(hun_json, hun_json)


def _zonder_bronnen(knoop, model):
    """``knoop`` restricted to the keys of ``model`` (recursively), without ``source`` links."""
    if isinstance(knoop, dict) and isinstance(model, dict):
        return {k: _zonder_bronnen(knoop.get(k), v) for k, v in model.items() if k != "source"}
    if isinstance(knoop, list) and isinstance(model, list) and len(knoop) >= len(model):
        return [_zonder_bronnen(a, b) for a, b in zip(knoop, model, strict=False)]  # ours may add (tags)
    return knoop


@pytest.mark.parametrize("route", ["/calculate", "/trace"])
def test_situatieroutes_ongewijzigd(client, openfisca_client, route):
    invoer = situatie(
        {
            "ingebracht_milieubelastende_activiteiten": {"2026-04": True},
            "interbestuurlijk_toezichthouder": {"2026-04": None},
        },
        {"fte_formatie": {"2026-04": 80.5}},
    )
    ons, hun = client.post(route, json=invoer), openfisca_client.post(route, json=invoer)
    assert ons.status_code == hun.status_code == 200, ons.get_data(as_text=True)
    assert _zonder_tijden(strikt(ons.get_data(as_text=True))) == _zonder_tijden(hun.get_json())


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
    invoer = situatie(
        {
            "ingebracht_milieubelastende_activiteiten": {"2026-04": True},
            "interbestuurlijk_toezichthouder": {"2026-04": None},
        }
    )
    antwoord = client.post("/calculate", json=invoer)
    assert antwoord.status_code == 200, antwoord.get_data(as_text=True)
    uitkomst = antwoord.get_json()
    assert uitkomst["deelnemers"]["a"]["basistaak_ontbreekt_bodem"]["2026-04"] is True
    assert uitkomst["deelnemers"]["a"]["interbestuurlijk_toezichthouder"]["2026-04"] == "gedeputeerde_staten"
    assert uitkomst["omgevingsdiensten"]["od"]["robuust"]["2026-04"] is False


def test_calculate_krijgt_de_genormaliseerde_situatie(client):
    """The text "nee" for a boolean reaches OpenFisca as false (OpenFisca alone would take it as true)."""
    antwoord = client.post("/calculate", json=situatie({"mandaat_verleend": {"2026-04": "nee"}}))
    assert antwoord.status_code == 200, antwoord.get_data(as_text=True)
    assert antwoord.get_json()["deelnemers"]["a"]["mandaat_verleend"]["2026-04"] is False


def test_calculate_onder_een_hervorming(tax_benefit_system):
    client = maak_app(tax_benefit_system, hervorming="wetsvoorstel_versterking_vth").test_client()
    assert_goed_antwoord(client)


def test_cors_blijft(client):
    assert client.get("/entities", headers={"Origin": "https://voorbeeld.nl"}).headers["Access-Control-Allow-Origin"]


# -- openfisca-vth serve: options ------------------------------------------------------------------------

SERVE_FOUTEN = [
    (["--port", "0"], "--port 0 ligt buiten 1 tot en met 65535"),
    (["--port", "vijf"], "--port 'vijf' is geen geheel getal"),
    (["--port", "70000"], "--port 70000 ligt buiten"),
    (["--workers", "0"], "--workers 0 ligt buiten"),
    (["--threads", "1000"], "--threads 1000 ligt buiten"),
    (["--timeout", "-5"], "--timeout -5 ligt buiten"),
    (["--timeout", "1.5"], "--timeout '1.5' is geen geheel getal"),
    (["--bind", "127.0.0.1:5000"], "geef de poort met --port"),
    (["--bind", "unix:/tmp/x.sock"], "is geen adres"),
    (["--bind", ""], "is geen adres"),
    (["--bind", "bestaat-niet.invalid"], "onbekend adres"),
    (["--reform", "bestaat_niet"], "onbekende hervorming 'bestaat_niet'"),
]


@pytest.mark.parametrize(("argumenten", "melding"), SERVE_FOUTEN, ids=[" ".join(a) for a, _ in SERVE_FOUTEN])
def test_serve_weigert_ongeldige_opties(capsys, monkeypatch, argumenten, melding):
    import socket

    echte = socket.getaddrinfo

    def getaddrinfo(host, *rest, **opties):  # no name server is asked (no network in tests)
        if host == "bestaat-niet.invalid":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return echte(host, *rest, **opties)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    assert main(["serve", *argumenten]) == 2
    fout = capsys.readouterr().err
    assert fout.count("\n") == 1 and fout.startswith("openfisca-vth serve: fout: ")
    assert melding in fout


def test_serve_poort_in_gebruik(capsys):
    import socket

    with socket.socket() as bezet:
        bezet.bind(("127.0.0.1", 0))
        bezet.listen()
        poort = bezet.getsockname()[1]
        assert main(["serve", "--port", str(poort)]) == 2
    fout = capsys.readouterr().err
    assert fout.count("\n") == 1 and "de poort is al in gebruik" in fout


def test_serve_standaarden():
    from openfisca_vth.cli import build_parser
    from openfisca_vth.cli.serve import instellingen

    host, poort, opties = instellingen(build_parser().parse_args(["serve"]))
    assert (host, poort) == ("127.0.0.1", 5000)
    assert opties["bind"] == "127.0.0.1:5000"
    assert opties["worker_class"] == "gthread"
    assert opties["workers"] >= 2 and opties["threads"] >= 2
    assert opties["timeout"] == 30
    _, _, ipv6 = instellingen(build_parser().parse_args(["serve", "--bind", "::1", "--port", "8000"]))
    assert ipv6["bind"] == "[::1]:8000"


def test_grens_precies(tax_benefit_system):
    """A body of exactly ``max_bytes`` is accepted, one byte more is refused (also when streamed)."""
    import io

    body = json.dumps(GOED).encode()
    assert (
        maak_app(tax_benefit_system, max_bytes=len(body))
        .test_client()
        .post("/calculate", data=body, content_type=JSON)
        .status_code
        == 200
    )
    client = maak_app(tax_benefit_system, max_bytes=len(body) - 1).test_client()
    assert_korte_fout(client.post("/calculate", data=body, content_type=JSON), 413)
    gestreamd = client.post(
        "/calculate",
        input_stream=io.BytesIO(body),
        content_type=JSON,
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert_korte_fout(gestreamd, 413)


# -- never a 500 for any input -----------------------------------------------------------------------------

_NAMEN = [
    "mandaat_verleend", "fte_formatie", "bestuurslaag", "datum_fusie", "cbs_code", "robuust",
    "basistaak_ontbreekt_bodem", "gemeenten", "provincies", "onbekend", "",
]  # fmt: skip
_PERIODEN = ["2026-04", "2026", "2016-03", "ETERNITY", "9998", "0001-01", "2026-13", "month:2026-01:3", "x", "1"]
_IDS = ["a", "b", "od", "", "1"]


def _situaties():
    from hypothesis import strategies as st

    scalair = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**20), max_value=10**20),
        st.floats(allow_nan=False, allow_infinity=False),
        st.sampled_from(["true", "nee", "gemeente", "provincie", "2026-06-15", "abc", "a", ""]),
    )
    waarde = st.one_of(scalair, st.lists(scalair, max_size=3), st.lists(st.sampled_from(_IDS), max_size=3))
    perioden = st.dictionaries(st.sampled_from(_PERIODEN), waarde, max_size=3)
    velden = st.dictionaries(st.sampled_from(_NAMEN), st.one_of(perioden, waarde), max_size=4)
    instanties = st.dictionaries(st.sampled_from(_IDS), st.one_of(velden, scalair), max_size=3)
    sleutels = st.sampled_from(["deelnemers", "omgevingsdiensten", "axes", "huishoudens"])
    return st.one_of(st.dictionaries(sleutels, st.one_of(instanties, scalair), max_size=3), scalair)


def test_nooit_een_500_voor_invoer(client):
    from hypothesis import HealthCheck, given, settings

    @settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(_situaties())
    def geen_500(invoer):
        for route in ("/calculate", "/trace"):
            antwoord = client.post(route, json=invoer)
            assert antwoord.status_code < 500, (invoer, antwoord.get_data(as_text=True))
            if antwoord.status_code >= 400:
                assert_korte_fout(antwoord, antwoord.status_code)

    geen_500()
    assert_goed_antwoord(client)


# -- docs/web-api.md shows real answers ------------------------------------------------------------------

DOCS = (Path(__file__).resolve().parents[1] / "docs" / "web-api.md").read_text(encoding="utf-8")
VOORBEELD = re.compile(
    r"```text\n(?P<methode>GET|POST) (?P<route>\S+)(?:  \(Content-Type: (?P<soort>[^)]+)\))?\n(?P<body>.*?)```\n\n"
    r"answers `(?P<status>\d+)`:\n\n```json\n(?P<antwoord>.*?)```",
    re.S,
)


def test_de_documentatie_heeft_voorbeelden():
    assert len(VOORBEELD.findall(DOCS)) >= 5


@pytest.mark.parametrize("voorbeeld", list(VOORBEELD.finditer(DOCS)), ids=lambda m: f"{m['methode']} {m['route']}")
def test_voorbeelden_in_de_documentatie_zijn_echt(client, voorbeeld):
    kwargs = {"data": voorbeeld["body"].encode(), "content_type": voorbeeld["soort"]} if voorbeeld["body"] else {}
    antwoord = client.open(voorbeeld["route"], method=voorbeeld["methode"], **kwargs)
    assert antwoord.status_code == int(voorbeeld["status"])
    assert antwoord.get_json() == json.loads(voorbeeld["antwoord"])

"""The main jobs in the Web API (openfisca_vth.webtaken), /parameter with per-value status, source
links into the repository, and the OpenAPI description (in-process Flask client, no network).

The JSON of each job route must be exactly what the command line prints with ``--format json``.
"""

import json
from pathlib import Path

import pytest
from openfisca_core.parameters import Parameter

from openfisca_vth.cli import main
from openfisca_vth.metadata import STATUSSEN
from openfisca_vth.reforms import BESTANDEN_DIR, bekende_hervormingen
from openfisca_vth.webapi import maak_app
from openfisca_vth.webtaken import MAX_STATUSSEN, MAX_SWEEP_WAARDEN

REPOSITORY = Path(__file__).resolve().parent.parent
MINIMUM = "robuustheidscriteria.kritieke_massa.minimum_fte_formatie"
UITSTEL = (BESTANDEN_DIR / "uitstel_termijn_2027.yaml").read_text(encoding="utf-8")
YAML = "application/yaml"


@pytest.fixture(scope="module")
def client():
    return maak_app().test_client()


def cli_json(capsys, *argumenten):
    capsys.readouterr()
    assert main([*argumenten, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def goed(antwoord):
    assert antwoord.status_code == 200, antwoord.get_data(as_text=True)
    return antwoord.get_json()


def geweigerd(antwoord, status, stukje):
    assert antwoord.status_code == status, antwoord.get_data(as_text=True)
    inhoud = antwoord.get_json()
    assert set(inhoud) == {"fout", "pad"} and "\n" not in inhoud["fout"] and "Traceback" not in inhoud["fout"]
    assert stukje in inhoud["fout"], inhoud["fout"]
    return inhoud


# -- the same JSON as the command line ------------------------------------------------------------


@pytest.mark.parametrize(
    ("route", "argumenten"),
    [
        ("/status?periode=2026-04", ["status", "--period", "2026-04"]),
        (
            "/status?periode=2027-01&hervorming=wetsvoorstel_versterking_vth",
            ["status", "--period", "2027-01", "--reform", "wetsvoorstel_versterking_vth"],
        ),
        ("/status?periode=2026-01:2026-03", ["status", "--period", "2026-01:2026-03"]),
        (
            "/compare?hervorming=wetsvoorstel_versterking_vth&hervorming=uitstel_termijn_2027&periode=2027-01",
            [
                "compare",
                "--reform",
                "wetsvoorstel_versterking_vth",
                "--reform",
                "uitstel_termijn_2027",
                "--period",
                "2027-01",
            ],
        ),
        (
            "/compare?hervorming=uitstel_termijn_2027&periode=2026-06&variabelen=robuust",
            ["compare", "--reform", "uitstel_termijn_2027", "--period", "2026-06", "--variabelen", "robuust"],
        ),
        (
            "/compare?hervorming=wetsvoorstel_versterking_vth&periode=2026-11:2027-02",
            ["compare", "--reform", "wetsvoorstel_versterking_vth", "--period", "2026-11:2027-02"],
        ),
        ("/explain/odra?periode=2026-04", ["explain", "odra", "--period", "2026-04"]),
        ("/explain/odra:GM0221?periode=2026-04", ["explain", "odra:GM0221", "--period", "2026-04"]),
        (
            f"/sweep?parameter={MINIMUM}&waarden=0:300:50&periode=2026-04",
            ["sweep", MINIMUM, "--values", "0:300:50", "--period", "2026-04"],
        ),
        ("/aannames?periode=2026-04", ["aannames", "--period", "2026-04"]),
    ],
)
def test_zelfde_json_als_de_opdrachtregel(client, capsys, route, argumenten):
    assert goed(client.get(route)) == cli_json(capsys, *argumenten)


def test_elk_antwoord_noemt_zijn_hervorming(client):
    for route, naam in (
        ("/status?periode=2026-04", "huidig recht"),
        ("/status?periode=2026-04&hervorming=wetsvoorstel_versterking_vth", "wetsvoorstel_versterking_vth"),
        ("/explain/odra?periode=2026-04&hervorming=uitstel_termijn_2027", "uitstel_termijn_2027"),
        (f"/sweep?parameter={MINIMUM}&waarden=0,100&periode=2026-04&hervorming=huidig_recht", "huidig recht"),
    ):
        antwoord = client.get(route)
        assert antwoord.headers["VTH-Hervorming"] == naam
        # the JSON says null for current law, as the command line's JSON does
        assert goed(antwoord)["hervorming"] == (None if naam == "huidig recht" else naam)


def test_een_vergelijking_noemt_varianten_en_basis_in_de_kop(client):
    antwoord = client.get(
        "/compare?hervorming=uitstel_termijn_2027&hervorming=wetsvoorstel_per_2027_07&periode=2027-07"
    )
    assert antwoord.headers["VTH-Hervorming"] == "uitstel_termijn_2027, wetsvoorstel_per_2027_07 (basis: huidig recht)"
    inhoud = goed(antwoord)
    assert inhoud["hervormingen"] == ["uitstel_termijn_2027", "wetsvoorstel_per_2027_07"]
    assert inhoud["basis"] == "huidig recht"


def test_status_is_een_berekening_en_daarna_bewaard(client, monkeypatch):
    """The second identical question is answered from the model's store: no second calculation."""
    import openfisca_vth.rapport

    berekend = []
    echte = openfisca_vth.rapport.bereken_status
    monkeypatch.setattr(openfisca_vth.rapport, "bereken_status", lambda *a, **k: berekend.append(a) or echte(*a, **k))
    eerste = goed(client.get("/status?periode=2025-03"))
    assert goed(client.get("/status?periode=2025-03")) == eerste
    assert len(berekend) == 1
    assert eerste["totalen"]["robuust"] == 3  # the letters' count for early 2025 (docs/dataset.md)


def test_server_met_hervorming_rekent_standaard_daarmee():
    client = maak_app(hervorming="uitstel_termijn_2027").test_client()
    assert goed(client.get("/status?periode=2026-06"))["hervorming"] == "uitstel_termijn_2027"
    assert goed(client.get("/status?periode=2026-06&hervorming=huidig_recht"))["hervorming"] is None


# -- a drafter's reform file as the body of a POST --------------------------------------------------


def test_hervormingsbestand_als_body_is_gelijk_aan_het_bestand_bij_naam(client):
    per_post = goed(client.post("/status?periode=2027-01", data=UITSTEL, content_type=YAML))
    bij_naam = goed(client.get("/status?periode=2027-01&hervorming=uitstel_termijn_2027"))
    assert per_post == bij_naam and per_post["hervorming"] == "uitstel_termijn_2027"


def test_hervormingsbestand_als_body_in_een_vergelijking(client):
    met_body = goed(
        client.post("/compare?hervorming=wetsvoorstel_versterking_vth&periode=2027-01", data=UITSTEL, content_type=YAML)
    )
    bij_naam = goed(
        client.get("/compare?hervorming=wetsvoorstel_versterking_vth&hervorming=uitstel_termijn_2027&periode=2027-01")
    )
    assert met_body == bij_naam


def test_hervormingsbestand_in_de_body_verandert_de_uitkomst(client):
    """Not a body that is ignored: a postponed deadline changes who can be steered in 2026-06."""
    wet = "wetsvoorstel_versterking_vth"
    eigen = UITSTEL.replace("2027-01-01", "2030-01-01")
    assert eigen != UITSTEL
    met = goed(client.post(f"/compare?hervorming={wet}&periode=2027-06", data=eigen, content_type=YAML))
    zonder = goed(client.post(f"/compare?hervorming={wet}&periode=2027-06", data=UITSTEL, content_type=YAML))
    assert met != zonder


@pytest.mark.parametrize(
    ("data", "soort", "status", "stukje"),
    [
        ("naam: x\nwijzigingen: [\n", YAML, 400, "regel"),
        ("naam: x\ntoelichting: t\nwijzigingen:\n  bestaat.niet:\n    2027-01-01: 1\n", YAML, 400, "bestaat"),
        (UITSTEL, "application/octet-stream", 415, "application/yaml"),
        ("", YAML, 400, "lege body"),
        ("x" * 300_000, YAML, 413, "groter dan"),
        (b"\xff\xfe", YAML, 400, "geen UTF-8"),
    ],
)
def test_slecht_hervormingsbestand_is_een_regel(client, data, soort, status, stukje):
    geweigerd(client.post("/status?periode=2026-04", data=data, content_type=soort), status, stukje)
    assert goed(client.get("/status?periode=2026-04"))["totalen"]["omgevingsdiensten"] == 27


# -- refused requests: one line, and the server keeps answering -------------------------------------


@pytest.mark.parametrize(
    ("route", "status", "stukje"),
    [
        ("/status?period=2026-04", 400, "bedoelt u 'periode'"),
        ("/status?periode=2026-04&periode=2026-05", 400, "2 keer"),
        ("/status?periode=2026-13", 400, "ongeldige periode"),
        ("/status?periode=2015-01", 400, "vóór de dekking"),
        ("/status?periode=2026-04&hervorming=/etc/passwd", 400, "onbekende hervorming"),
        ("/status?periode=2026-04&hervorming=openfisca_vth.reforms.bestand.uitstel_termijn_2027", 400, "onbekende"),
        ("/status?periode=2026-04&hervorming=wetsvoorstel_versterking", 400, "bedoelt u"),
        ("/status?periode=1990-01:2026-01", 400, "vóór de dekking"),
        ("/status?periode=2000-01:2049-12", 400, "vóór de dekking"),
        (
            "/compare?periode=2024-01:2030-12&" + "&".join(f"hervorming={n}" for n in list(bekende_hervormingen())[:7]),
            413,
            str(MAX_STATUSSEN),
        ),
        ("/compare?periode=2026-04", 400, "ten minste één variant"),
        ("/compare?hervorming=uitstel_termijn_2027&hervorming=uitstel_termijn_2027", 400, "meer dan eens"),
        ("/compare?hervorming=uitstel_termijn_2027&variabelen=robust&periode=2026-04", 400, "bedoelt u 'robuust'"),
        ("/explain/xyz?periode=2026-04", 400, "onbekende code 'xyz'"),
        ("/sweep?waarden=0:10", 400, "parameter ontbreekt"),
        (f"/sweep?parameter={MINIMUM}", 400, "waarden ontbreekt"),
        ("/sweep?parameter=bestaat.niet&waarden=0:10&periode=2026-04", 400, "bestaat.niet"),
        (f"/sweep?parameter={MINIMUM}&waarden=0:5000&periode=2026-04", 413, str(MAX_SWEEP_WAARDEN)),
        (f"/sweep?parameter={MINIMUM}&waarden=a,b&periode=2026-04", 400, "'a'"),
        ("/hervormingen?x=1", 400, "kent er geen"),
        ("/regels?periode=2026-4", 400, "ongeldige periode"),
    ],
)
def test_weigeringen_zijn_een_regel(client, route, status, stukje):
    geweigerd(client.get(route), status, stukje)
    assert goed(client.get("/status?periode=2026-04"))["totalen"]["omgevingsdiensten"] == 27


def test_body_en_queryhervorming_samen_is_een_fout(client):
    antwoord = client.post("/status?periode=2026-04&hervorming=uitstel_termijn_2027", data=UITSTEL, content_type=YAML)
    geweigerd(antwoord, 400, "niet allebei")


# -- rules with their status, reforms by name --------------------------------------------------------


def test_regels_met_status_per_waarde(client, tax_benefit_system):
    inhoud = goed(client.get("/regels?periode=2026-04"))
    regels = {r["parameter"]: r for r in inhoud["regels"]}
    assert all(r["status"] in STATUSSEN and r["bronnen"] for r in regels.values())
    # a rule whose value in force is an assumption although the leaf's default status is another
    blad = tax_benefit_system.parameters.robuustheidscriteria.kritieke_massa.van_toepassing
    assert regels[blad.name]["status"] == "aanname"


def test_hervormingen_bij_naam(client):
    inhoud = goed(client.get("/hervormingen"))
    assert [h["naam"] for h in inhoud["hervormingen"]] == bekende_hervormingen()
    assert all(h["toelichting"] for h in inhoud["hervormingen"])


# -- /parameter keeps the status of each value; links point to files that exist ------------------------


def _gemengde_parameter(systeem):
    for blad in systeem.parameters.get_descendants():
        if isinstance(blad, Parameter):
            statussen = {(w.metadata or {}).get("status", blad.metadata.get("status")) for w in blad.values_list}
            if len(statussen) > 1:
                return blad
    pytest.fail("geen parameter met waarden van verschillende status gevonden")


def test_parameter_toont_de_status_van_elke_waarde(client, tax_benefit_system):
    blad = _gemengde_parameter(tax_benefit_system)
    inhoud = goed(client.get(f"/parameter/{blad.name.replace('.', '/')}"))
    for waarde in blad.values_list:
        eigen = inhoud["waarden"][waarde.instant_str]
        assert eigen["waarde"] == waarde.value
        assert eigen["status"] == (waarde.metadata or {}).get("status", blad.metadata["status"])
        assert eigen["reference"]
    assert len(inhoud["metadata"]["statussen"]) > 1


def _bestand_van(link, repository_url):
    assert link.startswith(f"{repository_url}/blob/"), link
    pad = link[len(repository_url) + len("/blob/") :].split("/", 1)[1].split("#")[0]
    return REPOSITORY / pad


def test_bronlinks_wijzen_naar_bestaande_bestanden(client, tax_benefit_system):
    url = tax_benefit_system.get_package_metadata()["repository_url"]
    namen = list(goed(client.get("/parameters")))
    for naam in namen[:: max(1, len(namen) // 25)]:
        link = goed(client.get(f"/parameter/{naam.replace('.', '/')}"))["source"]
        assert _bestand_van(link, url).is_file(), link
    for naam in ("robuust", "basistaak_ontbreekt_bodem", "bijsturingsbevoegdheid_staatssecretaris"):
        variabele = goed(client.get(f"/variable/{naam}"))
        links = [variabele["source"], *(f["source"] for f in variabele.get("formulas", {}).values() if f)]
        for link in links:
            bestand = _bestand_van(link, url)
            assert bestand.is_file(), link
            if "#L" in link:  # the first line linked is the class or the formula itself
                eerste = bestand.read_text(encoding="utf-8").splitlines()[int(link.split("#L")[1].split("-")[0]) - 1]
                assert eerste.startswith(f"class {naam}(") or "def formula" in eerste, (link, eerste)


def test_repository_pad_van_een_geinstalleerd_wiel():
    """In an installed wheel the parameters sit under openfisca_vth/; the link must not say so."""
    from openfisca_vth.paths import PACKAGE_DIR, PARAMETERS_DIR, VARIABLES_DIR, repository_pad

    assert repository_pad(PARAMETERS_DIR / "index.yaml") == "parameters/index.yaml"
    assert repository_pad(VARIABLES_DIR / "robuustheid.py") == "variables/robuustheid.py"
    assert repository_pad(PACKAGE_DIR / "model.py") == "openfisca_vth/model.py"
    assert repository_pad("/etc/passwd") is None


# -- OpenAPI ---------------------------------------------------------------------------------------------


def test_spec_beschrijft_de_taken_en_een_voorbeeldsituatie(client):
    spec = goed(client.get("/spec"))
    for pad in ("/status", "/compare", "/explain/{code}", "/sweep", "/aannames", "/regels", "/hervormingen"):
        assert "get" in spec["paths"][pad], pad
    assert "post" in spec["paths"]["/status"] and "requestBody" in spec["paths"]["/status"]["post"]
    schemas = spec["components"]["schemas"]
    voorbeeld = schemas["SituationInput"]["example"]
    assert "od_voorbeeld" in voorbeeld["omgevingsdiensten"]
    # the worked example is calculated: gemeente_b has not brought in bodem, so the dienst is not robuust
    uitkomst = schemas["SituationOutput"]["example"]
    assert uitkomst["omgevingsdiensten"]["od_voorbeeld"]["robuust"] == {"2026-04": False}
    assert uitkomst["deelnemers"]["gemeente_b"]["basistaak_ontbreekt_bodem"] == {"2026-04": True}
    assert schemas["Fout"]["required"] == ["fout", "pad"]


def test_voorbeeldsituatie_rekent_via_calculate(client):
    from openfisca_vth.taxbenefitsystem import situatievoorbeeld

    uitkomst = goed(client.post("/calculate", json=situatievoorbeeld("omgevingsdienst")))
    assert uitkomst["omgevingsdiensten"]["od_voorbeeld"]["aantal_robuustheidscriteria_niet_voldaan"] == {"2026-04": 1}


# -- every answer of the job routes follows the one schema ----------------------------------------------


@pytest.mark.parametrize(
    ("route", "soort"),
    [
        ("/status?periode=2026-04", "status"),
        ("/status?periode=2026-01:2026-02", "tijdlijn"),
        ("/compare?hervorming=uitstel_termijn_2027&periode=2026-06", "vergelijking"),
        (
            "/compare?hervorming=uitstel_termijn_2027&hervorming=wetsvoorstel_per_2027_07&periode=2027-07",
            "variantenvergelijking",
        ),
        ("/compare?hervorming=uitstel_termijn_2027&periode=2026-06:2026-07", "tijdlijnvergelijking"),
        ("/explain/odra?periode=2026-04", "verklaring"),
        (f"/sweep?parameter={MINIMUM}&waarden=0:200:100&periode=2026-04", "variatie"),
        ("/aannames?periode=2026-04", "aannames"),
        ("/regels?periode=2026-04", "regels"),
        ("/hervormingen", "hervormingen"),
        ("/status?period=2026-04", "fout"),
        ("/sweep?parameter=x", "fout"),
    ],
)
def test_antwoorden_volgen_het_schema(client, route, soort):
    import jsonschema

    from openfisca_vth.uitvoerschema import schema_voor

    jsonschema.Draft202012Validator(schema_voor(soort)).validate(client.get(route).get_json())


# -- the command line's other formats over HTTP (formaat=...) ---------------------------------------------


def cli_tekst(capsys, *argumenten):
    capsys.readouterr()
    assert main(list(argumenten)) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(
    ("route", "argumenten", "mediatype"),
    [
        ("/status?periode=2026-04&formaat=table", ["status", "--period", "2026-04"], "text/plain"),
        ("/status?periode=2026-04&formaat=csv", ["status", "--period", "2026-04", "--format", "csv"], "text/csv"),
        (
            "/status?periode=2026-04&formaat=markdown",
            ["status", "--period", "2026-04", "--format", "markdown"],
            "text/markdown",
        ),
        ("/status?periode=2026-04&formaat=html", ["status", "--period", "2026-04", "--format", "html"], "text/html"),
        (
            "/status?periode=2026-01:2026-03&formaat=csv",
            ["status", "--period", "2026-01:2026-03", "--format", "csv"],
            "text/csv",
        ),
        (
            "/compare?hervorming=uitstel_termijn_2027&periode=2026-06&formaat=table",
            ["compare", "--reform", "uitstel_termijn_2027", "--period", "2026-06"],
            "text/plain",
        ),
        (
            "/compare?hervorming=uitstel_termijn_2027&hervorming=wetsvoorstel_per_2027_07&periode=2027-07&formaat=markdown",
            [
                "compare", "--reform", "uitstel_termijn_2027", "--reform", "wetsvoorstel_per_2027_07",
                "--period", "2027-07", "--format", "markdown",
            ],
            "text/markdown",
        ),
        (
            "/compare?hervorming=wetsvoorstel_per_2027_07&periode=2027-05:2027-08&formaat=table",
            ["compare", "--reform", "wetsvoorstel_per_2027_07", "--period", "2027-05:2027-08"],
            "text/plain",
        ),
        ("/explain/odra?periode=2026-04&formaat=table", ["explain", "odra", "--period", "2026-04"], "text/plain"),
        (
            "/explain/odra:GM0221?periode=2026-04&formaat=html",
            ["explain", "odra:GM0221", "--period", "2026-04", "--format", "html"],
            "text/html",
        ),
        (
            f"/sweep?parameter={MINIMUM}&waarden=0:300:50&periode=2026-04&formaat=table",
            ["sweep", MINIMUM, "--values", "0:300:50", "--period", "2026-04"],
            "text/plain",
        ),
        ("/aannames?periode=2026-04&formaat=table", ["aannames", "--period", "2026-04"], "text/plain"),
    ],
)  # fmt: skip
def test_formaat_is_de_tekst_van_de_opdrachtregel(client, capsys, route, argumenten, mediatype):
    antwoord = client.get(route)
    assert antwoord.status_code == 200, antwoord.get_data(as_text=True)
    assert antwoord.mimetype == mediatype and antwoord.mimetype_params["charset"] == "utf-8"
    assert antwoord.get_data(as_text=True) == cli_tekst(capsys, *argumenten)


def test_onbekend_formaat_noemt_de_formaten_van_de_route(client):
    geweigerd(client.get("/sweep?parameter=x&waarden=1&formaat=html"), 400, "json, table, csv")
    geweigerd(client.get("/regels?formaat=table"), 400, "onbekende queryparameter 'formaat'")


def test_aannames_onder_een_hervormingsbestand_als_body(client):
    per_post = goed(client.post("/aannames?periode=2027-01", data=UITSTEL, content_type=YAML))
    bij_naam = goed(client.get("/aannames?periode=2027-01&hervorming=uitstel_termijn_2027"))
    assert per_post == bij_naam and per_post["hervorming"] == "uitstel_termijn_2027"

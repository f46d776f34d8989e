"""Every JSON output of openfisca-vth validates against openfisca_vth/schema/uitvoer.schema.json.

The outputs come from the command line (``openfisca_vth.cli.main`` with ``--format json``), from the
library objects where the command line does not reach a code path (a status with its rules, a
comparison on one situation without status totals, a forced value-by-value sweep) and from the Web
API (the body of a refused request). Each is computed once per module and must match its own kind
and no other. The negative checks show that the schema catches a defect for the right reason; the
enums are held to the model's own lists, so a new criterion or status cannot slip past the schema.
"""

import ast
import contextlib
import copy
import io
import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

import openfisca_vth.uitvoerschema
from openfisca_vth.cli import main
from openfisca_vth.errors import VTHInvoerFout
from openfisca_vth.uitvoerschema import SOORTEN, laad_schema, schema_voor

DOCS = Path(__file__).resolve().parents[1] / "docs" / "json-schema.md"
HV = "wetsvoorstel_versterking_vth"

# name -> (kind, command line); the command line runs with --format json
OPDRACHTEN = {
    "status": ("status", "status --period 2026-04"),
    "status_provincie_tekort": ("status", "status --period 2026-01"),
    "status_hervorming": ("status", f"status --period 2028-01 --reform {HV}"),
    "status_bijsturing_deelnemers": ("status", "status --period 2028-01 --reform wetsvoorstel_adressaat_deelnemers"),
    "tijdlijn": ("tijdlijn", "status --period 2025-01:2025-06"),
    "tijdlijn_hervorming": ("tijdlijn", f"status --period 2027-12:2028-01 --reform {HV}"),
    "vergelijking": ("vergelijking", f"compare --reform {HV} --period 2027-01"),
    "vergelijking_met_verschillen": ("vergelijking", f"compare --reform {HV} --period 2028-01"),
    "vergelijking_basis": ("vergelijking", f"compare --basis {HV} --reform uitstel_termijn_2027 --period 2028-01"),
    "varianten": ("variantenvergelijking", f"compare --reform {HV} --reform uitstel_termijn_2027 --period 2027-01"),
    "varianten_met_verschillen": (
        "variantenvergelijking",
        f"compare --reform {HV} --reform verbreding_basistakenpakket --reform alle_zes_robuustheidscriteria "
        "--period 2028-01",
    ),
    "tijdlijnvergelijking": ("tijdlijnvergelijking", f"compare --reform {HV} --period 2026-01:2026-06"),
    "tijdlijnvergelijking_varianten": (
        "tijdlijnvergelijking",
        f"compare --basis {HV} --reform uitstel_termijn_2027 --reform verbreding_basistakenpakket "
        "--period 2027-12:2028-02",
    ),
    "verklaring_dienst": ("verklaring", "explain odra --period 2026-04"),
    "verklaring_robuuste_dienst": ("verklaring", "explain odnzkg --period 2026-04"),
    "verklaring_deelnemer": ("verklaring", "explain odra:GM0202 --period 2026-04"),
    "verklaring_provincie": ("verklaring", "explain dcmr:PV28 --period 2026-01"),
    "verklaring_hervorming": ("verklaring", f"explain odra --period 2028-01 --reform {HV}"),
    "variatie_getal": (
        "variatie",
        "sweep robuustheidscriteria.kritieke_massa.minimum_fte_formatie --values 0:300:50 --period 2026-04",
    ),
    "variatie_ja_nee": ("variatie", "sweep robuustheidstermijn_verstreken --values true,false --period 2026-04"),
    "variatie_datum": (
        "variatie",
        f"sweep {HV}.inwerkingtreding --values 2026-01-01:2029-01-01:12 --period 2028-06 --reform {HV}",
    ),
    "aannames": ("aannames", "aannames --period 2026-04"),
}

SITUATIE = {
    "deelnemers": {"gemeente_niet_op_orde": {}, "gemeente_met_mandaat": {"mandaat_verleend": {"2028": True}}},
    "omgevingsdiensten": {
        "od_a": {"gemeenten": ["gemeente_niet_op_orde"]},
        "od_b": {"gemeenten": ["gemeente_met_mandaat"]},
    },
}


def _als_json(data):
    """``data`` as the JSON the package writes (``uitvoer.json_tekst``), read back.

    The schema describes JSON. ``Vergelijking.als_dict()`` and ``Variantenvergelijking.als_dict()``
    hold the ``bronnen`` of a changed rule as a tuple (``dataclasses.asdict`` keeps tuples), which
    only becomes an array in the JSON text.
    """
    from openfisca_vth.uitvoer import json_tekst

    return json.loads(json_tekst(data))


def _bibliotheek(tax_benefit_system, dataset):
    """Outputs of code paths the command line does not reach, from the library objects."""
    from openfisca_vth.rapport import bereken_status
    from openfisca_vth.reforms import laad_hervorming
    from openfisca_vth.variatie import PER_WAARDE, varieer
    from openfisca_vth.vergelijking import vergelijk, vergelijk_varianten

    wetsvoorstel = laad_hervorming(HV, tax_benefit_system)
    verbreding = laad_hervorming("verbreding_basistakenpakket", tax_benefit_system)
    uitkomst = {
        "status_met_regels": (
            "status",
            bereken_status(dataset, wetsvoorstel, "2028-01", hervorming=HV, met_regels=True).naar_dict(),
        ),
        "vergelijking_situatie": (
            "vergelijking",
            vergelijk(tax_benefit_system, wetsvoorstel, "2028-01", SITUATIE).als_dict(),
        ),
        "varianten_situatie": (
            "variantenvergelijking",
            vergelijk_varianten(
                tax_benefit_system, [("a", wetsvoorstel), ("b", verbreding)], "2028-01", SITUATIE
            ).als_dict(),
        ),
        "varianten_een_variant": (
            "variantenvergelijking",
            vergelijk_varianten(tax_benefit_system, [(HV, wetsvoorstel)], "2028-01", dataset=dataset).als_dict(),
        ),
        "variatie_per_waarde": (
            "variatie",
            varieer(
                dataset,
                tax_benefit_system,
                "robuustheidscriteria.kritieke_massa.minimum_fte_formatie",
                [0, 150.5, 425],
                "2026-04",
                werkwijze=PER_WAARDE,
            ).naar_dict(),
        ),
    }
    return {naam: (soort, _als_json(data)) for naam, (soort, data) in uitkomst.items()}


# (method, path, JSON body or raw text) of refused Web API requests
VERZOEKEN = {
    "fout_json": ("post", "/calculate", "{"),
    "fout_variabele": ("post", "/calculate", {"deelnemers": {"a": {"onbekend": {"2026-04": None}}}}),
    "fout_lijstpositie": (
        "post",
        "/calculate",
        {"deelnemers": {"a": {}}, "omgevingsdiensten": {"od": {"gemeenten": ["a", 3]}}},
    ),
    "fout_route": ("get", "/bestaat-niet", None),
    "fout_methode": ("delete", "/calculate", None),
}
# name -> (kind, route): answers only the Web API gives
WEB_ANTWOORDEN = {
    "regels": ("regels", "/regels?periode=2026-04"),
    "regels_hervorming": ("regels", f"/regels?periode=2028-01&hervorming={HV}"),
    "hervormingen": ("hervormingen", "/hervormingen"),
}


def _web_api(tax_benefit_system):
    from openfisca_vth.webapi import maak_app

    client = maak_app(tax_benefit_system).test_client()
    uitkomst = {}
    for naam, (methode, pad, inhoud) in VERZOEKEN.items():
        if isinstance(inhoud, str):
            antwoord = client.post(pad, data=inhoud, content_type="application/json")
        elif inhoud is not None:
            antwoord = getattr(client, methode)(pad, json=inhoud)
        else:
            antwoord = getattr(client, methode)(pad)
        assert 400 <= antwoord.status_code < 500, (naam, antwoord.status_code)
        uitkomst[naam] = ("fout", antwoord.get_json())
    for naam, (soort, pad) in WEB_ANTWOORDEN.items():
        antwoord = client.get(pad)
        assert antwoord.status_code == 200, (naam, antwoord.get_data(as_text=True))
        uitkomst[naam] = (soort, antwoord.get_json())
    return uitkomst


def _cli_json(opdracht):
    uit, fout = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
        code = main([*opdracht.split(), "--format", "json"])
    assert code == 0, f"openfisca-vth {opdracht}: {fout.getvalue()}"
    return json.loads(uit.getvalue())


@pytest.fixture(scope="module")
def uitvoer(tax_benefit_system, dataset):
    """Every output once per module: name -> (kind, parsed JSON)."""
    alles = {naam: (soort, _cli_json(opdracht)) for naam, (soort, opdracht) in OPDRACHTEN.items()}
    alles.update(_bibliotheek(tax_benefit_system, dataset))
    alles.update(_web_api(tax_benefit_system))
    return alles


NAMEN = [
    *OPDRACHTEN,
    "status_met_regels",
    "vergelijking_situatie",
    "varianten_situatie",
    "varianten_een_variant",
    "variatie_per_waarde",
    *VERZOEKEN,
    *WEB_ANTWOORDEN,
]


@pytest.fixture(scope="module")
def schema():
    document = laad_schema()
    Draft202012Validator.check_schema(document)
    return document


@pytest.fixture(scope="module")
def validatoren(schema):
    return {soort: Draft202012Validator(schema_voor(soort)) for soort in SOORTEN}


def _fouten(validator, data):
    return [f"{'/'.join(map(str, f.absolute_path)) or '(top)'}: {f.message[:200]}" for f in validator.iter_errors(data)]


# -- the schema itself -------------------------------------------------------------------------------


def test_het_schema_is_geldig_draft_2020_12(schema):
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    # schema_voor only adds a $ref (and a title) to the same $defs
    Draft202012Validator.check_schema(schema_voor("status"))


def test_soorten_zijn_de_keuzes_van_het_schema(schema):
    assert [keuze["$ref"] for keuze in schema["oneOf"]] == [f"#/$defs/{soort}" for soort in SOORTEN]
    assert set(SOORTEN) <= set(schema["$defs"])


def test_elk_veld_heeft_een_beschrijving(schema):
    zonder = []

    def loop(knoop, pad):
        if isinstance(knoop, dict):
            for naam, veld in knoop.get("properties", {}).items():
                if not (isinstance(veld, dict) and veld.get("description", "").strip()):
                    zonder.append(f"{pad}/{naam}")
            for sleutel, kind in knoop.items():
                if sleutel not in ("if", "then", "else"):  # constraints between fields, not fields
                    loop(kind, f"{pad}/{sleutel}")
        elif isinstance(knoop, list):
            for i, kind in enumerate(knoop):
                loop(kind, f"{pad}/{i}")

    loop(schema, "")
    assert zonder == []
    assert all(schema["$defs"][soort]["description"].strip() for soort in SOORTEN)


def test_de_opsommingen_volgen_het_model(schema):
    from openfisca_vth.dataset.lezen import SOORTEN as DEELNEMERSOORTEN
    from openfisca_vth.enums import InterbestuurlijkToezichthouder, SevesoPlaatsing
    from openfisca_vth.metadata import STATUSSEN
    from openfisca_vth.robuustheidscriteria import ROBUUSTHEIDSCRITERIA
    from openfisca_vth.taakcategorieen import TAAKCATEGORIEEN
    from openfisca_vth.variatie import GESTAPELD, PER_WAARDE
    from openfisca_vth.vergelijking import ENTITEITEN

    defs = schema["$defs"]
    criteria = [c.code for c in ROBUUSTHEIDSCRITERIA]
    hint = "werk openfisca_vth/schema/uitvoer.schema.json bij (en docs/json-schema.md)"
    assert defs["juridische_status"]["enum"] == list(STATUSSEN), hint
    assert defs["criterium"]["enum"] == criteria, hint
    assert defs["statustotalen"]["properties"]["niet_voldaan_per_criterium"]["required"] == criteria, hint
    assert defs["taakcategorie"]["enum"] == [c.code for c in TAAKCATEGORIEEN], hint
    assert defs["toezichthouder"]["enum"] == [t.name for t in InterbestuurlijkToezichthouder], hint
    assert defs["seveso"]["properties"]["plaatsing"]["enum"] == [p.name for p in SevesoPlaatsing], hint
    assert defs["deelnemersoort"]["enum"] == list(DEELNEMERSOORTEN), hint
    assert defs["werkwijze"]["enum"] == [GESTAPELD, PER_WAARDE], hint
    assert defs["entiteit"]["enum"] == list(ENTITEITEN), hint


def test_statustotalen_hebben_de_sleutels_van_tel_totalen(schema):
    from openfisca_vth.rapport import tel_totalen

    totalen = tel_totalen([True, False], [False, False], [False, False], {}, [True], [False])
    assert schema["$defs"]["statustotalen"]["required"] == list(totalen)


# -- every output validates, against its own kind only -----------------------------------------------


@pytest.mark.parametrize("naam", NAMEN)
def test_uitvoer_past_bij_zijn_soort(naam, uitvoer, validatoren, schema):
    soort, data = uitvoer[naam]
    assert _fouten(validatoren[soort], data) == []
    # the kinds exclude each other: no other kind fits, so the document's oneOf holds
    assert [s for s in SOORTEN if s != soort and validatoren[s].is_valid(data)] == []
    assert Draft202012Validator(schema).is_valid(_ingekort(data))


def test_elke_soort_is_gedekt(uitvoer):
    assert set(uitvoer) == set(NAMEN)
    assert {soort for soort, _ in uitvoer.values()} == set(SOORTEN)


def test_de_code_paden_zijn_gedekt(uitvoer):
    """The samples reach the optional and nullable parts, so the schema is tested on them."""
    status = uitvoer["status_met_regels"][1]
    assert status["regels"] and status["hervorming_keuzes"]
    tekorten = [
        d
        for o in uitvoer["status_provincie_tekort"][1]["omgevingsdiensten"]
        for d in o["deelnemers_met_ontbrekende_basistaken"]
    ]
    assert {"gemeente", "provincie"} <= {d["soort"] for d in tekorten}
    assert any(d["seveso"]["aangewezen_omgevingsdienst"] for d in tekorten)
    assert any(o["deelnemers_met_bijsturing"] for o in uitvoer["status_bijsturing_deelnemers"][1]["omgevingsdiensten"])
    assert uitvoer["vergelijking_met_verschillen"][1]["verschillen"]
    assert uitvoer["vergelijking_basis"][1]["basis_aannames"]
    assert uitvoer["vergelijking_situatie"][1]["basis_totalen"] is None
    assert uitvoer["varianten_situatie"][1]["varianten"][0]["totalen"] is None
    assert any(t["voor"] is None for t in uitvoer["vergelijking"][1]["termijnen"])
    assert uitvoer["varianten_met_verschillen"][1]["regels"]
    assert any(s["entiteit"].endswith(":*") for s in uitvoer["verklaring_robuuste_dienst"][1]["stappen"])
    assert {uitvoer[n][1]["soort"] for n in ("verklaring_deelnemer", "verklaring_provincie")} == {
        "gemeente",
        "provincie",
    }
    werkwijzen = {uitvoer[n][1]["werkwijze"] for n in ("variatie_getal", "variatie_ja_nee", "variatie_per_waarde")}
    assert werkwijzen == {"gestapeld", "per_waarde"}
    assert uitvoer["variatie_getal"][1]["wisselingen"]
    aannames = uitvoer["aannames"][1]
    assert aannames["overgeslagen"] and aannames["rust_op_aanname"]
    assert {g["houdt_stand"] for g in aannames["aannames"]} == {True, False}
    assert any(isinstance(p, int) for p in uitvoer["fout_lijstpositie"][1]["pad"])


def test_verwijzen_naar_een_soort_met_een_register(schema, uitvoer):
    """``{"$ref": "urn:openfisca-vth:uitvoer#/$defs/<soort>"}`` resolves through the schema's $id."""
    register = Registry().with_resource(schema["$id"], Resource.from_contents(schema))
    validator = Draft202012Validator({"$ref": f"{schema['$id']}#/$defs/status"}, registry=register)
    assert validator.is_valid(uitvoer["status"][1])
    assert not validator.is_valid(uitvoer["aannames"][1])


# -- the schema catches defects ----------------------------------------------------------------------


def _gevangen(validator, data, trefwoord, pad):
    """The schema rejects ``data`` with an error of keyword ``trefwoord`` at ``pad`` (a list of keys)."""
    fouten = list(validator.iter_errors(data))
    assert fouten, "het schema ziet het defect niet"
    gevonden = [(f.validator, list(f.absolute_path)) for f in fouten]
    assert (trefwoord, pad) in gevonden, gevonden


def _ingekort(data):
    """``data`` with every list cut to its first two items: still valid, and quick to validate often."""
    if isinstance(data, list):
        return [_ingekort(x) for x in data[:2]]
    if isinstance(data, dict):
        return {sleutel: _ingekort(waarde) for sleutel, waarde in data.items()}
    return data


@pytest.mark.parametrize("naam", NAMEN)
def test_elke_verplichte_sleutel_telt(naam, uitvoer, validatoren):
    """Leaving out any top-level key, or adding one, makes the output invalid."""
    soort, data = uitvoer[naam]
    data = _ingekort(data)
    assert validatoren[soort].is_valid(data)
    object_ = data[0] if isinstance(data, list) else data
    pad = [0] if isinstance(data, list) else []
    for sleutel in object_:
        kapot = copy.deepcopy(data)
        (kapot[0] if isinstance(kapot, list) else kapot).pop(sleutel)
        _gevangen(validatoren[soort], kapot, "required", pad)
    kapot = copy.deepcopy(data)
    (kapot[0] if isinstance(kapot, list) else kapot)["onbekende_sleutel"] = 1
    _gevangen(validatoren[soort], kapot, "additionalProperties", pad)


def test_status_defecten(uitvoer, validatoren):
    goed = uitvoer["status_met_regels"][1]
    status = validatoren["status"]

    kapot = copy.deepcopy(goed)
    kapot["omgevingsdiensten"][0]["robuust"] = "ja"
    _gevangen(status, kapot, "type", ["omgevingsdiensten", 0, "robuust"])

    kapot = copy.deepcopy(goed)
    kapot["regels"][0]["status"] = "beleidsregel"
    _gevangen(status, kapot, "enum", ["regels", 0, "status"])

    kapot = copy.deepcopy(goed)
    kapot["hervorming_keuzes"][0]["status"] = "Aanname"
    _gevangen(status, kapot, "enum", ["hervorming_keuzes", 0, "status"])

    kapot = copy.deepcopy(goed)
    kapot["periode"] = "2028-1"
    _gevangen(status, kapot, "pattern", ["periode"])

    kapot = copy.deepcopy(goed)
    kapot["totalen"]["niet_voldaan_per_criterium"]["onbekend_criterium"] = 0
    _gevangen(status, kapot, "additionalProperties", ["totalen", "niet_voldaan_per_criterium"])

    kapot = copy.deepcopy(goed)
    del kapot["omgevingsdiensten"][0]["deelnemers_zonder_mandaat"]
    _gevangen(status, kapot, "required", ["omgevingsdiensten", 0])

    kapot = copy.deepcopy(goed)
    kapot["regels"][0]["bronnen"][0]["link"] = kapot["regels"][0]["bronnen"][0].pop("url")
    _gevangen(status, kapot, "required", ["regels", 0, "bronnen", 0])

    kapot = copy.deepcopy(goed)
    robuust = next(i for i, d in enumerate(kapot["omgevingsdiensten"]) if d["robuust"])
    kapot["omgevingsdiensten"][robuust]["niet_voldane_criteria"] = ["kritieke_massa"]
    _gevangen(status, kapot, "maxItems", ["omgevingsdiensten", robuust, "niet_voldane_criteria"])


def test_tekort_en_optreden_defecten(uitvoer, validatoren):
    goed = uitvoer["status_provincie_tekort"][1]
    i, dienst = next(
        (i, d) for i, d in enumerate(goed["omgevingsdiensten"]) if d["deelnemers_met_ontbrekende_basistaken"]
    )
    pad = ["omgevingsdiensten", i, "deelnemers_met_ontbrekende_basistaken", 0]

    kapot = copy.deepcopy(goed)
    kapot["omgevingsdiensten"][i]["deelnemers_met_ontbrekende_basistaken"][0]["ontbrekende_basistaken"] = ["sport"]
    _gevangen(validatoren["status"], kapot, "enum", [*pad, "ontbrekende_basistaken", 0])

    kapot = copy.deepcopy(goed)
    kapot["omgevingsdiensten"][i]["deelnemers_met_ontbrekende_basistaken"][0]["wie_kan_optreden"][0]["status"] = "wet "
    _gevangen(validatoren["status"], kapot, "enum", [*pad, "wie_kan_optreden", 0, "status"])

    kapot = copy.deepcopy(goed)
    kapot["omgevingsdiensten"][i]["deelnemers_met_ontbrekende_basistaken"][0]["seveso"]["plaatsing"] = "elders"
    _gevangen(validatoren["status"], kapot, "enum", [*pad, "seveso", "plaatsing"])


def test_vergelijking_defecten(uitvoer, validatoren):
    goed = uitvoer["vergelijking_met_verschillen"][1]
    vergelijking = validatoren["vergelijking"]

    kapot = copy.deepcopy(goed)
    kapot["regels"][0]["status_na"] = "ontwerp"
    _gevangen(vergelijking, kapot, "anyOf", ["regels", 0, "status_na"])

    kapot = copy.deepcopy(goed)
    kapot["verschillen"][0]["entiteit"] = "persoon"
    _gevangen(vergelijking, kapot, "enum", ["verschillen", 0, "entiteit"])

    kapot = copy.deepcopy(goed)
    kapot["totalen"][0]["na"] = -1
    _gevangen(vergelijking, kapot, "minimum", ["totalen", 0, "na"])

    kapot = copy.deepcopy(goed)
    kapot["basis_totalen"] = None  # no status totals without saying why
    _gevangen(vergelijking, kapot, "minLength", ["toelichting_totalen"])

    varianten = uitvoer["varianten_met_verschillen"][1]
    kapot = copy.deepcopy(varianten)
    kapot["verschillen"][0]["na"] = kapot["verschillen"][0]["voor"]  # the one-reform key in the variants' shape
    _gevangen(validatoren["variantenvergelijking"], kapot, "additionalProperties", ["verschillen", 0])


def test_verklaring_variatie_aannames_en_fout_defecten(uitvoer, validatoren):
    kapot = copy.deepcopy(uitvoer["verklaring_deelnemer"][1])
    kapot["code"] = "odra"  # a deelnemer's explanation names the deelnemer, not its dienst
    _gevangen(validatoren["verklaring"], kapot, "pattern", ["code"])

    kapot = copy.deepcopy(uitvoer["verklaring_dienst"][1])
    stap = next(i for i, s in enumerate(kapot["stappen"]) if not s["invoer"])
    kapot["stappen"][stap]["herkomst"] = "dataset"  # only an input has a provenance
    _gevangen(validatoren["verklaring"], kapot, "maxLength", ["stappen", stap, "herkomst"])

    kapot = copy.deepcopy(uitvoer["variatie_getal"][1])
    assert kapot["werkwijze"] == "gestapeld"
    kapot["reden_per_waarde"] = "gevraagd"
    _gevangen(validatoren["variatie"], kapot, "type", ["reden_per_waarde"])

    kapot = copy.deepcopy(uitvoer["variatie_getal"][1])
    kapot["wisselingen"][0]["uitkomst"] = "bijsturing"
    _gevangen(validatoren["variatie"], kapot, "enum", ["wisselingen", 0, "uitkomst"])

    kapot = copy.deepcopy(uitvoer["aannames"][1])
    standhoudend = next(i for i, g in enumerate(kapot["aannames"]) if g["houdt_stand"])
    kapot["aannames"][standhoudend]["omslagen"] = {
        "odra": [{"alternatief": True, "uitkomst": "robuust", "wordt": True}]
    }
    _gevangen(validatoren["aannames"], kapot, "maxProperties", ["aannames", standhoudend, "omslagen"])

    fout = validatoren["fout"]
    _gevangen(fout, {"fout": "regel een\nregel twee", "pad": []}, "pattern", ["fout"])
    _gevangen(fout, {"fout": "x" * 301, "pad": []}, "maxLength", ["fout"])
    _gevangen(fout, {"fout": "te diep", "pad": ["a"] * 9}, "maxItems", ["pad"])
    _gevangen(fout, {"fout": "mis", "pad": [None]}, "anyOf", ["pad", 0])
    _gevangen(fout, {"error": "mis", "pad": []}, "required", [])


# -- the module -------------------------------------------------------------------------------------


def test_onbekende_soort_is_een_invoerfout():
    with pytest.raises(VTHInvoerFout) as fout:
        schema_voor("rapport")
    melding = str(fout.value)
    assert "\n" not in melding and "'rapport'" in melding
    assert all(soort in melding for soort in SOORTEN)


def test_schema_voor_is_zelfstandig():
    deel = schema_voor("fout")
    assert deel["$ref"] == "#/$defs/fout" and deel["$schema"] == laad_schema()["$schema"]
    assert Draft202012Validator(deel).is_valid({"fout": "onbekende route", "pad": []})


def test_laad_schema_geeft_een_kopie():
    laad_schema()["$defs"].clear()
    assert set(SOORTEN) <= set(laad_schema()["$defs"])


def test_de_module_gebruikt_geen_jsonschema():
    """jsonschema is a dev dependency: the package only reads its schema."""
    boom = ast.parse(Path(openfisca_vth.uitvoerschema.__file__).read_text(encoding="utf-8"))
    modules = {a.name for n in ast.walk(boom) if isinstance(n, ast.Import) for a in n.names}
    modules |= {n.module for n in ast.walk(boom) if isinstance(n, ast.ImportFrom) and n.module}
    assert not {m for m in modules if m.split(".")[0] in ("jsonschema", "referencing")}


# -- docs/json-schema.md -----------------------------------------------------------------------------


def test_de_documentatie_noemt_elke_soort():
    tekst = DOCS.read_text(encoding="utf-8")
    koppen = re.findall(r"^### `(\w+)`", tekst, re.M)
    assert koppen == list(SOORTEN)


def test_het_voorbeeld_in_de_documentatie_draait(uitvoer, tmp_path, monkeypatch):
    (voorbeeld,) = re.findall(r"```python\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "status.json").write_text(json.dumps(uitvoer["status"][1]), encoding="utf-8")
    exec(compile(voorbeeld, str(DOCS), "exec"), {})
    (tmp_path / "status.json").write_text(json.dumps({**uitvoer["status"][1], "periode": "april"}), encoding="utf-8")
    from jsonschema import ValidationError

    with pytest.raises(ValidationError):
        exec(compile(voorbeeld, str(DOCS), "exec"), {})

"""The job routes of :mod:`openfisca_vth.webtaken` in the OpenAPI description served at ``/spec``.

OpenFisca's own description (``openfisca_web_api/openAPI.yml``, OpenAPI 3.0) covers /calculate,
/trace, /parameter and /variable; this adds /status, /compare, /explain/{code}, /sweep,
/aannames, /regels and /hervormingen with their query parameters and the refusal body
``{"fout", "pad"}``. The answers' full JSON Schema is ``openfisca_vth/schema/uitvoer.schema.json``
(JSON Schema 2020-12; docs/json-schema.md); the description links each answer to its kind there.
"""

from __future__ import annotations

from typing import Any

from openfisca_vth.webtaken import HUIDIG_RECHT_NAAM, MAX_HERVORMING_BYTES, MAX_STATUSSEN, MAX_SWEEP_WAARDEN

TAG = "Taken"
SCHEMA = "openfisca_vth/schema/uitvoer.schema.json"

_PARAMETERS: dict[str, dict[str, Any]] = {
    "periode": {
        "name": "periode",
        "in": "query",
        "required": False,
        "description": "JJJJ-MM (standaard de huidige maand), of BEGIN:EINDE voor een tijdlijn per maand",
        "schema": {"type": "string", "pattern": r"^\d{4}-\d{2}(:\d{4}-\d{2})?$"},
        "example": "2026-04",
    },
    "maand": {
        "name": "periode",
        "in": "query",
        "required": False,
        "description": "JJJJ-MM (standaard de huidige maand)",
        "schema": {"type": "string", "pattern": r"^\d{4}-\d{2}$"},
        "example": "2026-04",
    },
    "hervorming": {
        "name": "hervorming",
        "in": "query",
        "required": False,
        "description": (
            "naam van een hervorming uit GET /hervormingen (A+B combineert), of "
            f"{HUIDIG_RECHT_NAAM}; standaard de hervorming waarmee de server is gestart (anders huidig recht)"
        ),
        "schema": {"type": "string"},
        "example": "wetsvoorstel_versterking_vth",
    },
    "varianten": {
        "name": "hervorming",
        "in": "query",
        "required": False,
        "description": "een variant; herhaal voor varianten naast elkaar (ten minste één, of een body)",
        "schema": {"type": "array", "items": {"type": "string"}},
        "style": "form",
        "explode": True,
        "example": ["wetsvoorstel_versterking_vth", "uitstel_termijn_2027"],
    },
    "basis": {
        "name": "basis",
        "in": "query",
        "required": False,
        "description": "vergelijk met deze hervorming in plaats van huidig recht; elke variant komt erbovenop",
        "schema": {"type": "string"},
    },
    "variabelen": {
        "name": "variabelen",
        "in": "query",
        "required": False,
        "description": "toon alleen verschillen in deze variabelen (komma-gescheiden of herhaald; één maand)",
        "schema": {"type": "string"},
        "example": "robuust,bijsturingsbevoegdheid_staatssecretaris",
    },
    "parameter": {
        "name": "parameter",
        "in": "query",
        "required": True,
        "description": "het volledige pad van de regel",
        "schema": {"type": "string"},
        "example": "robuustheidscriteria.kritieke_massa.minimum_fte_formatie",
    },
    "waarden": {
        "name": "waarden",
        "in": "query",
        "required": True,
        "description": (
            f"START:STOP[:STAP] (beide grenzen inbegrepen) of W1,W2,...; ten hoogste {MAX_SWEEP_WAARDEN} waarden"
        ),
        "schema": {"type": "string"},
        "example": "0:300:50",
    },
    "formaat": {
        "name": "formaat",
        "in": "query",
        "required": False,
        "description": (
            "json (standaard), of de tekst van de opdrachtregel: table (text/plain), csv, markdown of html "
            "(een memo); welke een route kent, staat in docs/web-api.md"
        ),
        "schema": {"type": "string", "enum": ["json", "table", "csv", "markdown", "html"]},
    },
    "code": {
        "name": "code",
        "in": "path",
        "required": True,
        "description": "code van een omgevingsdienst (odra) of id van een deelnemer (odra:GM0202)",
        "schema": {"type": "string"},
        "example": "odra",
    },
}

_BODY = {
    "required": False,
    "description": (
        "een eigen hervormingsbestand (YAML, zoals op schijf; docs/reforms.md), ten hoogste "
        f"{MAX_HERVORMING_BYTES} bytes: het antwoord rekent met deze hervorming"
    ),
    "content": {"application/yaml": {"schema": {"type": "string"}}},
}


def _antwoorden(soort: str, lijst: bool = False) -> dict[str, Any]:
    inhoud: dict[str, Any] = {"type": "array", "items": {"type": "object"}} if lijst else {"type": "object"}
    fout = {"application/json": {"schema": {"$ref": "#/components/schemas/Fout"}}}
    return {
        "200": {
            "description": f"de JSON van de opdrachtregel met --format json ({SCHEMA}, $defs/{soort})",
            "content": {"application/json": {"schema": inhoud}},
            "headers": {
                "VTH-Hervorming": {"description": "de hervorming waarmee is gerekend", "schema": {"type": "string"}}
            },
        },
        "400": {"description": "ongeldige invoer, in één regel", "content": fout},
        "413": {
            "description": f"te veel werk voor één verzoek (ten hoogste {MAX_STATUSSEN} maandberekeningen)",
            "content": fout,
        },
        "415": {"description": "de body is geen hervormingsbestand (Content-Type: application/yaml)", "content": fout},
    }


def _route(samenvatting: str, parameters: list[str], soort: str, post: bool, lijst: bool = False) -> dict[str, Any]:
    bewerking = {
        "tags": [TAG],
        "summary": samenvatting,
        "parameters": [_PARAMETERS[p] for p in parameters],
        "responses": _antwoorden(soort, lijst),
    }
    item: dict[str, Any] = {"get": {**bewerking, "operationId": f"get_{soort}"}}
    if post:
        item["post"] = {**bewerking, "operationId": f"post_{soort}", "requestBody": _BODY}
    return item


def voeg_taken_toe_aan_spec(spec: dict[str, Any]) -> None:
    """Add the job routes and the refusal body to the OpenAPI ``spec`` (in place)."""
    paden = spec.setdefault("paths", {})
    paden["/status"] = _route(
        "Stand van alle omgevingsdiensten in een maand (of een tijdlijn per maand)",
        ["periode", "hervorming", "formaat"],
        "status",
        post=True,
    )
    paden["/compare"] = _route(
        "Huidig recht (of een basis) tegen een of meer varianten: alleen wat verandert",
        ["periode", "varianten", "basis", "variabelen", "formaat"],
        "vergelijking",
        post=True,
    )
    paden["/explain/{code}"] = _route(
        "Waarom een dienst (niet) robuust is of een deelnemer tekortschiet, met bronnen uit de trace",
        ["code", "maand", "hervorming", "formaat"],
        "verklaring",
        post=True,
    )
    paden["/sweep"] = _route(
        "Eén regel doorgerekend voor veel waarden: hoeveel diensten robuust zijn en welke omslaan",
        ["parameter", "waarden", "maand", "hervorming", "formaat"],
        "variatie",
        post=True,
    )
    paden["/aannames"] = _route(
        "Welke uitkomsten op een aanname rusten en welke standhouden",
        ["maand", "hervorming", "formaat"],
        "aannames",
        post=True,
    )
    paden["/regels"] = _route(
        "Elke regel die geldt, met waarde, juridische status en bronnen", ["maand", "hervorming"], "regels", post=False
    )
    paden["/hervormingen"] = {
        "get": {
            "tags": [TAG],
            "summary": "De hervormingen die een verzoek bij naam kan noemen",
            "operationId": "get_hervormingen",
            "responses": {
                "200": {
                    "description": "namen en toelichting",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                }
            },
        }
    }
    spec.setdefault("components", {}).setdefault("schemas", {})["Fout"] = {
        "type": "object",
        "required": ["fout", "pad"],
        "properties": {
            "fout": {"type": "string", "description": "wat er mis is en hoe het goed moet, in één regel"},
            "pad": {"type": "array", "items": {"oneOf": [{"type": "string"}, {"type": "integer"}]}},
        },
        "additionalProperties": False,
    }
    spec.setdefault("tags", []).append(
        {"name": TAG, "description": "De hoofdtaken van openfisca-vth (docs/web-api.md)"}
    )

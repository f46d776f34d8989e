"""The JSON Schema of every JSON output of openfisca-vth (docs/json-schema.md).

    from openfisca_vth.uitvoerschema import schema_voor
    import jsonschema
    jsonschema.Draft202012Validator(schema_voor("status")).validate(rapport.naar_dict())

The schema is data: ``openfisca_vth/schema/uitvoer.schema.json``, one JSON Schema (draft 2020-12)
document with one entry under ``$defs`` per kind of output (:data:`SOORTEN`) and the building
blocks they share. This module only reads it; validating needs a JSON Schema library such as
``jsonschema``, which the package itself does not depend on.
"""

import copy
import functools
import json
from importlib import resources
from typing import Any

from openfisca_vth.errors import VTHInvoerFout

SCHEMA_BESTAND = "uitvoer.schema.json"

# The kinds of output, each a key of the schema's ``$defs`` (the other keys are building blocks):
# status and tijdlijn (``openfisca-vth status``), vergelijking, variantenvergelijking and
# tijdlijnvergelijking (``compare``), verklaring (``explain``), variatie (``sweep``), aannames
# (``aannames``), regels and hervormingen (the Web API's GET /regels and /hervormingen) and fout
# (the body of a refused Web API request).
SOORTEN: tuple[str, ...] = (
    "status",
    "tijdlijn",
    "vergelijking",
    "variantenvergelijking",
    "tijdlijnvergelijking",
    "verklaring",
    "variatie",
    "aannames",
    "regels",
    "hervormingen",
    "fout",
)


@functools.cache
def _gelezen_schema() -> dict[str, Any]:
    tekst = (resources.files("openfisca_vth") / "schema" / SCHEMA_BESTAND).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(tekst)
    return schema


def laad_schema() -> dict[str, Any]:
    """The whole schema document (read once; each call returns a copy the caller may change)."""
    return copy.deepcopy(_gelezen_schema())


def schema_voor(soort: str) -> dict[str, Any]:
    """A self-contained schema for one kind of output: ``{"$schema", "$ref": "#/$defs/<soort>", "$defs"}``.

    Raises :class:`~openfisca_vth.errors.VTHInvoerFout` for a kind not in :data:`SOORTEN`.
    """
    if soort not in SOORTEN:
        raise VTHInvoerFout(f"onbekende soort uitvoer {soort!r}; kies uit {', '.join(SOORTEN)}")
    schema = laad_schema()
    return {
        "$schema": schema["$schema"],
        "title": f"{schema['title']}: {soort}",
        "description": schema["$defs"][soort]["description"],
        "$ref": f"#/$defs/{soort}",
        "$defs": schema["$defs"],
    }

"""The OpenFisca Web API of openfisca-vth, with checks in front of it (docs/web-api.md).

:func:`maak_app` wraps OpenFisca's own ``create_app`` (its routes are unchanged) and adds:

- every client mistake is a 4xx with a short JSON body ``{"fout": "<één regel>", "pad": [...]}``:
  no traceback, no English OpenFisca essay, no echo of the input;
- ``POST /calculate`` and ``/trace`` read the body themselves before OpenFisca does: JSON content
  type (415), size (413), nesting depth (400, counted iteratively before parsing), syntax and
  duplicate keys (400), NaN/Infinity (400); then :func:`openfisca_vth.situatie.controleer_situatie`
  checks the situation (its ``SituatieFout`` is a 400) and OpenFisca gets the checked copy; then
  :func:`controleer_omvang` bounds the work one request may ask for (413);
- OpenFisca's own 4xx bodies (nested dicts of English text) become that one line too;
- strict JSON out: a response that would contain NaN or Infinity becomes a 500 that says so;
- unknown routes are a JSON 404, a wrong method a JSON 405, an internal error a JSON 500 without
  the exception text (the traceback goes to the server log).

    from openfisca_vth.webapi import maak_app
    app = maak_app(hervorming="wetsvoorstel_versterking_vth")   # a Flask app (WSGI)
"""

import json
import logging
import math
import os
import re
from collections.abc import Sequence
from typing import Any

from flask import Flask, Request, current_app, request
from flask.json.provider import DefaultJSONProvider
from openfisca_core import periods
from werkzeug.exceptions import HTTPException

from openfisca_vth.errors import SituatieFout, VTHInvoerFout, onbekende_variabele
from openfisca_vth.errors import vertaal as vertaal_melding
from openfisca_vth.periode import MAXIMUM_MAANDEN
from openfisca_vth.situatie import MAXIMALE_DIEPTE

log = logging.getLogger(__name__)

MAX_BYTES = 1024 * 1024  # 1 MiB
MAX_DIEPTE = MAXIMALE_DIEPTE  # a situation nests 4 levels deep (entiteit/id/variabele/periode)
MAX_ENTITEITEN = 10_000  # deelnemers + omgevingsdiensten in one request
MAX_BEREKENINGEN = 10_000  # values asked for (null) in one request
MAX_MAANDEN = MAXIMUM_MAANDEN  # months one request touches: fifty years, as openfisca-vth status --period
MAX_CELLEN = 1_000_000  # entities x months: bounds the memory of one simulation
TRACE_DEEL = 20  # /trace lists every intermediate value of every entity: a twentieth of MAX_CELLEN

MAX_FOUT_TEKENS = 300  # an error line is never longer
MAX_PAD = 8

SITUATIEROUTES = ("calculate", "trace")
ROUTES = (
    "GET /, /spec, /entities, /variables, /variable/<naam>, /parameters, /parameter/<naam>; POST /calculate, /trace; "
    "GET /status, /compare, /explain/<code>, /sweep, /aannames, /regels, /hervormingen"
)
JSON_INHOUD = "application/json"

WELKOM = (
    "OpenFisca Web API van openfisca-vth (het VTH-stelsel milieu als regels-als-code). "
    "GET /status?periode=2026-04 geeft de stand van alle omgevingsdiensten; /compare, /explain/<code> en "
    "/sweep doen wat de opdrachtregel doet; POST /calculate en /trace nemen een situatie als JSON; "
    "/spec beschrijft alle routes; zie docs/web-api.md."
)


class Weigering(Exception):
    """A refused request: HTTP ``status``, one Dutch line ``fout`` and the place ``pad``."""

    def __init__(self, status: int, fout: str, pad: Sequence[str | int] = ()) -> None:
        super().__init__(fout)
        self.status = status
        self.fout = fout
        self.pad = list(pad)


class _Verzoek(Request):
    """A request whose JSON body is the checked situation once :func:`maak_app` has read it."""

    vth_situatie = None

    def get_json(self, force=False, silent=False, cache=True):
        if self.vth_situatie is not None:
            return self.vth_situatie
        return super().get_json(force=force, silent=silent, cache=cache)


class _StrikteJSON(DefaultJSONProvider):
    """JSON out without NaN or Infinity; such a value turns the answer into a 500 that says so.
    Keys keep their order (variants in the order asked for, as the command line prints them)."""

    sort_keys = False

    def dumps(self, obj, **kwargs):
        kwargs.setdefault("allow_nan", False)
        return super().dumps(obj, **kwargs)

    def response(self, *args, **kwargs):
        try:
            return super().response(*args, **kwargs)
        except ValueError as fout:
            if "Out of range float" not in str(fout):
                raise
            log.error("%s %s: het antwoord bevat NaN of Infinity (%s)", request.method, request.path, fout)
            antwoord = super().response(
                {
                    "fout": (
                        "interne fout: het resultaat bevat een getal dat niet eindig is (NaN of Infinity) "
                        "en dus geen JSON; dit is een fout in het model, niet in de invoer"
                    ),
                    "pad": [],
                }
            )
            antwoord.status_code = 500
            return antwoord


def _kort(tekst, maximum=MAX_FOUT_TEKENS):
    tekst = " ".join(str(tekst).split())
    return tekst if len(tekst) <= maximum else tekst[: maximum - 1] + "…"


def _foutlichaam(fout, pad=()):
    """The JSON body of every refusal: one short line and the (shortened) place in the request."""
    return {"fout": _kort(fout), "pad": [p if isinstance(p, int) else _kort(p, 80) for p in list(pad)[:MAX_PAD]]}


def _foutantwoord(status, fout, pad=()):
    antwoord = current_app.json.response(_foutlichaam(fout, pad))
    antwoord.status_code = status
    return antwoord


def _met_pad(pad, melding):
    return f"{'/'.join(str(p) for p in pad)}: {melding}" if pad else melding


# ---------------------------------------------------------------------------------------------
# Reading the body: size, depth, syntax, NaN/Infinity


_STRUCTUUR = re.compile(r'[\[\]{}"\\]')


def json_te_diep(tekst: str, maximum: int) -> bool:
    """True if ``tekst`` nests arrays/objects deeper than ``maximum`` (strings skipped).

    One pass over the structural characters, no recursion: it runs before any parser sees the text.
    """
    diepte = 0
    in_tekst = False
    geescaped = -1  # position of the character a backslash inside a string escapes
    for gevonden in _STRUCTUUR.finditer(tekst):
        teken, plek = gevonden.group(), gevonden.start()
        if in_tekst:
            if plek == geescaped:
                continue
            if teken == "\\":
                geescaped = plek + 1
            elif teken == '"':
                in_tekst = False
        elif teken == '"':
            in_tekst = True
        elif teken in "[{":
            diepte += 1
            if diepte > maximum:
                return True
        elif teken in "]}":
            diepte -= 1
    return False


_JSON_MELDINGEN = {
    "Expecting value": "waarde verwacht",
    "Expecting ',' delimiter": "komma verwacht",
    "Expecting ':' delimiter": "dubbele punt verwacht",
    "Expecting property name enclosed in double quotes": "sleutel tussen dubbele aanhalingstekens verwacht",
    "Unterminated string starting at": "tekst zonder sluitend aanhalingsteken",
    "Extra data": "tekens na het einde van de JSON",
    "Invalid control character at": "stuurteken in een tekst (schrijf \\n, \\t)",
    "Invalid \\escape": "ongeldige escape in een tekst",
    "Invalid \\uXXXX escape": "ongeldige \\u-escape in een tekst",
}


def _geen_dubbele_sleutels(paren):
    uitkomst = {}
    for sleutel, waarde in paren:
        if sleutel in uitkomst:
            raise Weigering(400, f"ongeldige JSON: sleutel {sleutel!r} staat twee keer in hetzelfde object")
        uitkomst[sleutel] = waarde
    return uitkomst


def lees_body(max_bytes: int, te_groot: str) -> bytes:
    """The body of the request being served: a :class:`Weigering` (413, ``te_groot``) beyond
    ``max_bytes``, whether the client announced its length or streamed it."""
    if request.content_length is not None and request.content_length > max_bytes:
        raise Weigering(413, te_groot)
    ruw = request.get_data(cache=False)
    if len(ruw) > max_bytes:
        raise Weigering(413, te_groot)
    return ruw


def als_tekst(ruw: bytes, wat: str, leeg: str) -> str:
    """``ruw`` as UTF-8 text (a byte order mark allowed); a :class:`Weigering` (400) names ``wat``
    when it is not UTF-8 and says ``leeg`` when it holds nothing."""
    try:
        tekst = ruw.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        raise Weigering(400, f"{wat} is geen UTF-8 (ongeldige byte op positie {fout.start})") from None
    if not tekst.strip():
        raise Weigering(400, leeg)
    return tekst


def lees_json(ruw: bytes, max_diepte: int = MAX_DIEPTE) -> Any:
    """The JSON value in the bytes ``ruw``, or a :class:`Weigering` (400) in one line."""
    tekst = als_tekst(ruw, "de inhoud", "lege inhoud: stuur een situatie als JSON-object")
    if json_te_diep(tekst, max_diepte):
        raise Weigering(400, f"de JSON is dieper genest dan {max_diepte} niveaus; een situatie heeft er 4")
    try:
        waarde = json.loads(tekst, object_pairs_hook=_geen_dubbele_sleutels, parse_constant=float)
    except json.JSONDecodeError as fout:
        melding = _JSON_MELDINGEN.get(fout.msg, "ongeldige syntaxis")
        raise Weigering(400, f"ongeldige JSON op regel {fout.lineno}, kolom {fout.colno}: {melding}") from None
    except RecursionError:  # cannot happen after json_te_diep; kept so that it is never a 500
        raise Weigering(400, f"de JSON is dieper genest dan {max_diepte} niveaus") from None
    _controleer_eindig(waarde)
    return waarde


def _controleer_eindig(waarde):
    """NaN, Infinity and 1e400 are no JSON numbers: refuse them with their place."""
    stapel = [(waarde, [])]
    while stapel:
        knoop, pad = stapel.pop()
        if isinstance(knoop, dict):
            stapel.extend((kind, [*pad, sleutel]) for sleutel, kind in knoop.items())
        elif isinstance(knoop, list):
            stapel.extend((kind, [*pad, i]) for i, kind in enumerate(knoop))
        elif isinstance(knoop, float) and not math.isfinite(knoop):
            raise Weigering(400, _met_pad(pad, f"{knoop} is geen eindig getal; JSON kent geen NaN of Infinity"), pad)


# ---------------------------------------------------------------------------------------------
# How much work one request asks for (after controleer_situatie: the shape is known to be right)


def _maanden(periode):
    if periode.unit == periods.DateUnit.YEAR:
        return 12 * periode.size
    if periode.unit == periods.DateUnit.MONTH:
        return periode.size
    return 1


def controleer_omvang(systeem: Any, situatie: dict[str, Any], limieten: dict[str, int], trace: bool = False) -> None:
    """Refuse (413) a checked situation that asks for more work than ``limieten`` allows.

    The cost of a request grows with entities x months (every variable is an array over all
    entities per month) and with entities x values asked for (OpenFisca looks each id up in a
    list). A ``trace`` answer holds every intermediate array: it may have a twentieth of the
    cells. The national dataset is about 400 entities; these limits leave room for far more.
    """
    entiteiten = berekeningen = 0
    perioden = set()
    for instanties in situatie.values():
        if not isinstance(instanties, dict):
            continue
        entiteiten += len(instanties)
        for velden in instanties.values():
            for naam, waarden in velden.items() if isinstance(velden, dict) else ():
                if naam not in systeem.variables or not isinstance(waarden, dict):
                    continue  # a role list
                for periode, waarde in waarden.items():
                    berekeningen += waarde is None
                    perioden.add(periode)
    if entiteiten > limieten["max_entiteiten"]:
        raise Weigering(
            413, f"te veel entiteiten: {entiteiten}, het maximum is {limieten['max_entiteiten']}; splits het verzoek"
        )
    if berekeningen > limieten["max_berekeningen"]:
        raise Weigering(
            413,
            f"te veel gevraagde waarden (null): {berekeningen}, het maximum is {limieten['max_berekeningen']}; "
            "splits het verzoek",
        )
    maanden = 0
    for tekst in perioden:
        try:
            maanden += _maanden(periods.period(tekst))
        except Exception:  # controleer_situatie has refused unreadable periods already
            maanden += 1
    if maanden > limieten["max_maanden"]:
        raise Weigering(
            413, f"het verzoek beslaat {maanden} maanden, het maximum is {limieten['max_maanden']}; splits het verzoek"
        )
    cellen = limieten["max_cellen"] // TRACE_DEEL if trace else limieten["max_cellen"]
    if maanden * entiteiten > cellen:
        raise Weigering(
            413,
            f"{entiteiten} entiteiten x {maanden} maanden is meer dan {cellen}"
            f"{' voor /trace' if trace else ''}; vraag minder maanden of minder entiteiten tegelijk",
        )


# ---------------------------------------------------------------------------------------------
# OpenFisca's own error bodies (nested dicts of English text) as one Dutch line


def _eerste_melding(knoop):
    """(pad, melding) of the first message in OpenFisca's error tree (lists of nulls skipped)."""
    stapel = [(knoop, [])]
    while stapel:
        knoop, pad = stapel.pop(0)
        if isinstance(knoop, dict):
            stapel[:0] = [(kind, [*pad, str(sleutel)]) for sleutel, kind in knoop.items()]
        elif isinstance(knoop, list):
            stapel[:0] = [(kind, [*pad, str(i)]) for i, kind in enumerate(knoop) if kind is not None]
        elif knoop is not None:
            return pad, str(knoop)
    return [], "ongeldige situatie"


def vertaal(melding: str, systeem: Any) -> str:
    """One of OpenFisca's English situation messages in Dutch (:func:`openfisca_vth.errors.vertaal`);
    an unknown variable also says where the list of variables is."""
    melding = vertaal_melding(melding, systeem)
    if melding.startswith("onbekende variabele "):
        melding += "; de variabelen van openfisca-vth: GET /variables"
    return melding


# ---------------------------------------------------------------------------------------------
# The app


def maak_app(
    tax_benefit_system: Any = None,
    hervorming: str | None = None,
    dataset: str | os.PathLike[str] | None = None,
    max_bytes: int = MAX_BYTES,
    max_diepte: int = MAX_DIEPTE,
    max_entiteiten: int = MAX_ENTITEITEN,
    max_berekeningen: int = MAX_BEREKENINGEN,
    max_maanden: int = MAX_MAANDEN,
    max_cellen: int = MAX_CELLEN,
) -> Flask:
    """OpenFisca's Web API for ``tax_benefit_system`` (default: this package), under
    ``hervorming`` (a name or reform file for :func:`openfisca_vth.reforms.laad_hervorming`),
    with the checks of this module, plus the main jobs (:mod:`openfisca_vth.webtaken`) on
    ``dataset`` (a folder, default the embedded national dataset). Raises ``VTHInvoerFout`` for an
    unknown reform or a bad dataset.
    """
    from openfisca_web_api.app import create_app

    from openfisca_vth.situatie import controleer_situatie

    limieten = {
        "max_bytes": max_bytes,
        "max_diepte": max_diepte,
        "max_entiteiten": max_entiteiten,
        "max_berekeningen": max_berekeningen,
        "max_maanden": max_maanden,
        "max_cellen": max_cellen,
    }
    for naam, waarde in limieten.items():
        if isinstance(waarde, bool) or not isinstance(waarde, int) or waarde < 1:
            raise ValueError(f"{naam} moet een positief geheel getal zijn, niet {waarde!r}")
    from openfisca_vth.model import Rekenmodel
    from openfisca_vth.webtaken import TaakFout, voeg_taken_toe

    model = Rekenmodel(dataset, systeem=tax_benefit_system)
    systeem = model.systeem(hervorming or None)

    app = create_app(systeem, welcome_message=WELKOM)
    vervang_metadata_routes(app, systeem)
    voeg_taken_toe(app, model, standaard=hervorming or None)
    app.request_class = _Verzoek
    app.json = _StrikteJSON(app)
    # One byte more than allowed: werkzeug cuts a streamed (chunked) body off at this length
    # without an error, so a body that reaches it is too large (checked after reading).
    app.config["MAX_CONTENT_LENGTH"] = max_bytes + 1

    @app.before_request
    def controleer_situatieverzoek():
        if request.endpoint not in SITUATIEROUTES or request.method != "POST":
            return None
        if not request.is_json:
            soort = request.headers.get("Content-Type")
            kreeg = f"kreeg {_kort(soort, 60)!r}" if soort else "het verzoek had geen Content-Type"
            raise Weigering(415, f"verwacht Content-Type: {JSON_INHOUD}; {kreeg}")
        situatie = lees_json(lees_body(max_bytes, _te_groot(max_bytes)), max_diepte)
        try:
            schoon = controleer_situatie(systeem, situatie)
        except SituatieFout as fout:
            raise Weigering(400, fout.message, fout.pad) from None
        except VTHInvoerFout as fout:  # e.g. PeriodeBuitenDekking: its message names the period
            raise Weigering(400, str(fout)) from None
        controleer_omvang(systeem, schoon, limieten, trace=request.endpoint == "trace")
        request.vth_situatie = schoon
        return None

    @app.after_request
    def een_regel(antwoord):
        """OpenFisca's own 4xx bodies for a situation become ``{"fout", "pad"}`` (and a 400)."""
        if antwoord.status_code < 400 or antwoord.status_code >= 500 or not antwoord.is_json:
            return antwoord
        inhoud = antwoord.get_json(silent=True)
        if isinstance(inhoud, dict) and "fout" in inhoud:
            return antwoord
        pad, melding = _eerste_melding(inhoud)
        if pad == ["periode"]:  # PeriodeBuitenDekking from a formula: no place in the situation
            pad = []
        melding = _met_pad(pad, vertaal(melding, systeem))
        status = 400 if request.endpoint in SITUATIEROUTES else antwoord.status_code
        antwoord.set_data(current_app.json.dumps(_foutlichaam(melding, pad)) + "\n")
        antwoord.status_code = status
        return antwoord

    @app.errorhandler(Weigering)
    def weigering(fout):
        return _foutantwoord(fout.status, fout.fout, fout.pad)

    @app.errorhandler(VTHInvoerFout)
    def invoerfout(fout):
        # a job route's input (a period, a reform file, a code): one line, the query parameter as place
        if isinstance(fout, TaakFout):
            return _foutantwoord(fout.status, str(fout), fout.pad)
        return _foutantwoord(400, str(fout))

    @app.errorhandler(HTTPException)
    def http_fout(fout):
        return _foutantwoord(fout.code or 400, *_http_melding(fout, systeem, max_bytes))

    @app.errorhandler(500)
    def interne_fout(fout):
        # Flask has logged the traceback; the client gets one line without the exception text.
        return _foutantwoord(
            500,
            "interne fout in openfisca-vth; de fout is gelogd. Meld hem met de situatie op "
            f"{systeem.get_package_metadata().get('repository_url', 'de projectpagina')}/issues",
        )

    return app


def _te_groot(max_bytes):
    return f"het verzoek is groter dan {max_bytes} bytes; splits de situatie in kleinere verzoeken"


def _http_melding(fout, systeem, max_bytes):
    """(fout, pad) of a werkzeug HTTP error, in Dutch."""
    import difflib

    pad_tekst = _kort(request.path, 80)
    if fout.code == 404 and request.endpoint == "get_variable":
        naam = request.view_args["id"]
        return onbekende_variabele(naam, systeem) + "; de variabelen van openfisca-vth: GET /variables", [
            "variable",
            naam,
        ]
    if fout.code == 404 and request.endpoint == "get_parameter":
        naam = request.view_args["parameter_id"]
        suggesties = difflib.get_close_matches(naam.replace(".", "/"), _parameternamen(systeem), n=2)
        hint = f"; bedoelt u {' of '.join(repr(s) for s in suggesties)}?" if suggesties else ""
        return f"onbekende parameter {_kort(naam, 80)!r}{hint}; de parameters: GET /parameters", ["parameter", naam]
    if fout.code == 404:
        return f"onbekende route {pad_tekst}; de routes: {ROUTES}", []
    if fout.code == 405:
        toegestaan = sorted(set(fout.valid_methods or ()) - {"HEAD", "OPTIONS"})
        return f"methode {request.method} mag niet op {pad_tekst}; gebruik {' of '.join(toegestaan)}", []
    if fout.code == 413:
        return _te_groot(max_bytes), []
    if fout.code == 400:
        return f"ongeldig verzoek op {pad_tekst}", []
    return f"verzoek geweigerd: {fout.code} {fout.name}", []


def _parameternamen(systeem):
    """The parameter ids of ``systeem`` as /parameter takes them (computed once per system)."""
    namen = getattr(systeem, "_vth_parameternamen", None)
    if namen is None:
        namen = [p.name.replace(".", "/") for p in systeem.parameters.get_descendants()]
        systeem._vth_parameternamen = namen
    return namen


# ---------------------------------------------------------------------------------------------
# /parameter, /variable and /spec: per-value legal status, links to the real files, the job routes


def bronlink(
    metadata: dict[str, str], bestand: str | os.PathLike[str], regels: tuple[int, int] | None = None
) -> str | None:
    """The link to ``bestand`` (an absolute path of this package) in the repository, at the
    release's tag (the version); ``regels`` (first, last) adds the line anchor. None when the file
    is not part of the package."""
    from openfisca_vth.paths import repository_pad

    pad = repository_pad(bestand)
    if pad is None:
        return None
    anker = f"#L{regels[0]}-L{regels[1]}" if regels else ""
    return f"{metadata['repository_url']}/blob/{metadata['version']}/{pad}{anker}"


def _codelink(metadata, code):
    """The link to the lines of ``code`` (a class or function of this package) in the repository; for
    a class made at run time (no lines of its own), its module."""
    import inspect
    import sys

    try:
        bestand = inspect.getsourcefile(code)
        regels, eerste = inspect.getsourcelines(code)
    except (OSError, TypeError):
        module = sys.modules.get(getattr(code, "__module__", ""))
        bestand = getattr(module, "__file__", None)
        return bronlink(metadata, bestand) if bestand else None
    return bronlink(metadata, bestand, (eerste, eerste + len(regels) - 1)) if bestand else None


def parameter_antwoord(parameter: Any, metadata: dict[str, str]) -> dict[str, Any]:
    """OpenFisca's /parameter answer for ``parameter``, with a source link into the repository and,
    for a leaf, ``waarden``: per date the value with its own ``status`` and ``reference`` (a value
    may rest on another text than the leaf's default: an ``aanname`` date in an ``amvb`` rule)."""
    from openfisca_core.parameters import Parameter
    from openfisca_web_api.loader.parameters import build_api_parameter

    antwoord = build_api_parameter(parameter, metadata)
    if parameter.file_path and (link := bronlink(metadata, parameter.file_path)):
        antwoord["source"] = link
    if isinstance(parameter, Parameter):
        standaard = parameter.metadata
        waarden = {}
        for waarde in parameter.values_list:
            eigen = waarde.metadata or {}
            waarden[waarde.instant_str] = {
                "waarde": waarde.value,
                "status": eigen.get("status", standaard.get("status")),
                "reference": eigen.get("reference", standaard.get("reference", [])),
            }
        antwoord["waarden"] = waarden
        antwoord["metadata"] = {
            **standaard,
            "statussen": sorted({w["status"] for w in waarden.values() if w["status"]}),
        }
    return antwoord


def vervang_metadata_routes(app: Flask, systeem: Any) -> None:
    """Serve /parameter, /variable and /spec from answers built here: OpenFisca's own, with the
    per-value status, links to the real files and the job routes in the OpenAPI description."""
    from flask import abort, jsonify
    from openfisca_web_api.loader.entities import build_entities
    from openfisca_web_api.loader.spec import build_openAPI_specification
    from openfisca_web_api.loader.variables import build_variables

    metadata = systeem.get_package_metadata()
    parameters = {
        p.name.replace(".", "/"): parameter_antwoord(p, metadata) for p in systeem.parameters.get_descendants()
    }
    variabelen = build_variables(systeem, metadata)
    for naam, antwoord in variabelen.items():
        # openfisca-core's link to a variable starts one line above its class (a 0-based line
        # number), names the installed path (openfisca_vth/variables/...) and is missing for a
        # generated variable (one per task category): link each class and formula to its own lines
        # in the repository (a variable from outside the package keeps openfisca-core's link)
        variabele = systeem.variables[naam]
        if link := _codelink(metadata, type(variabele)):
            antwoord["source"] = link
        for datum, formule in variabele.formulas.items():
            if antwoord.get("formulas", {}).get(datum) and (link := _codelink(metadata, formule)):
                antwoord["formulas"][datum]["source"] = link
    spec = build_openAPI_specification(
        {
            "tax_benefit_system": systeem,
            "country_package_metadata": metadata,
            "parameters": parameters,
            "variables": variabelen,
            "entities": build_entities(systeem),
        }
    )
    from openfisca_vth.webspec import voeg_taken_toe_aan_spec

    voeg_taken_toe_aan_spec(spec)

    def get_parameter(parameter_id):
        antwoord = parameters.get(parameter_id) or parameters.get(parameter_id.replace(".", "/"))
        if antwoord is None:
            abort(404)
        return jsonify(antwoord)

    def get_variable(id):  # noqa: A002 (OpenFisca's route argument)
        antwoord = variabelen.get(id)
        if antwoord is None:
            abort(404)
        return jsonify(antwoord)

    def get_spec():
        url = f"{request.environ['wsgi.url_scheme']}://{request.host}"
        return jsonify({**spec, "servers": [{"url": url}]})

    app.view_functions["get_parameter"] = get_parameter
    app.view_functions["get_variable"] = get_variable
    app.view_functions["get_spec"] = get_spec

"""The main jobs of openfisca-vth as Web API routes, next to OpenFisca's own (docs/web-api.md).

``GET /status``, ``/compare``, ``/explain/<code>``, ``/sweep``, ``/aannames``, ``/regels`` and
``/hervormingen`` answer with the JSON of the command line's ``--format json`` (the schema is
``openfisca_vth/schema/uitvoer.schema.json``), computed by one :class:`~openfisca_vth.model.Rekenmodel`
that keeps the dataset and every reformed system between requests: ``GET /status`` costs one
calculation (a few milliseconds).

The command line's options are query parameters in Dutch: ``periode`` (``JJJJ-MM``, or
``BEGIN:EINDE`` for a timeline), ``hervorming`` (repeated on ``/compare`` for variants side by
side), ``basis``, ``variabelen``, ``parameter``, ``waarden``. A reform is named (a Python reform, a
shipped reform file, ``A+B``, or ``huidig_recht``); a drafter's own reform file is the body of a
``POST`` to the same route (YAML, as on disk), checked with the same one-line errors. A query
parameter the route does not know is refused, so a typo is never silently ignored. Every answer
names the reform it used (in the JSON and in the header ``VTH-Hervorming``).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

from flask import Flask, request

from openfisca_vth.cli.aannames import FORMATS as AANNAMES_FORMATS
from openfisca_vth.cli.explain import FORMATS as EXPLAIN_FORMATS
from openfisca_vth.cli.opties import FORMATS as OPTIE_FORMATS
from openfisca_vth.cli.status import MEMO_FORMATEN
from openfisca_vth.cli.sweep import FORMATS as SWEEP_FORMATS
from openfisca_vth.errors import VTHInvoerFout
from openfisca_vth.model import HUIDIG_RECHT, Hervorming, HervormingLike, Rekenmodel

HUIDIG_RECHT_NAAM = "huidig_recht"  # the name that asks for current law on a server started with a reform
MAX_HERVORMING_BYTES = 256 * 1024  # a reform file is a few kilobytes
MAX_SWEEP_WAARDEN = 1_000  # values in one /sweep request (stacked: 1,000 copies of the dataset)
MAX_STATUSSEN = 600  # months x systems in one timeline request (about 5 s)
HERVORMING_INHOUD = (
    "application/yaml",
    "application/x-yaml",
    "text/yaml",
    "text/x-yaml",
    "text/plain",
    "application/json",
)

# route -> the query parameters it takes (those in MEERVOUDIG may be repeated)
PARAMETERS = {
    "status": ("periode", "hervorming", "formaat"),
    "compare": ("periode", "hervorming", "basis", "variabelen", "formaat"),
    "explain": ("periode", "hervorming", "formaat"),
    "sweep": ("parameter", "waarden", "periode", "hervorming", "formaat"),
    "aannames": ("periode", "hervorming", "formaat"),
    "regels": ("periode", "hervorming"),
    "hervormingen": (),
}
MEERVOUDIG = {"compare": ("hervorming", "variabelen")}
# ``formaat``: JSON (the default) or the command line's other formats, as text of this media type
MEDIATYPEN = {
    "json": "application/json",
    "table": "text/plain",
    "csv": "text/csv",
    "markdown": "text/markdown",
    "html": "text/html",
}
FORMATEN = {  # json first (the default), then the command's other formats, as the command line has them
    route: ("json", *(f for f in formats if f != "json"))
    for route, formats in (
        ("status", OPTIE_FORMATS),
        ("compare", OPTIE_FORMATS),
        ("explain", EXPLAIN_FORMATS),
        ("sweep", SWEEP_FORMATS),
        ("aannames", AANNAMES_FORMATS),
    )
}
ROUTES = (
    "GET /status, /compare, /explain/<code>, /sweep, /aannames, /regels, /hervormingen "
    "(POST /status, /compare, /explain/<code>, /sweep, /aannames met een hervormingsbestand als body)"
)


class TaakFout(VTHInvoerFout):
    """A request to a job route that cannot be answered: HTTP ``status`` and one Dutch line."""

    def __init__(self, status: int, melding: str, pad: list[str | int] | None = None) -> None:
        super().__init__(melding)
        self.status = status
        self.pad = pad or []


def voeg_taken_toe(app: Flask, model: Rekenmodel, standaard: str | None = None) -> None:
    """Register the job routes on ``app``; ``standaard`` is the reform the server was started
    with (the answer when a request names none)."""

    def hervorming(waarde: str | None) -> HervormingLike:
        """The reform a request names, the one in its body, or the server's."""
        uit_body = _hervorming_uit_body(model)
        if uit_body is not None:
            if waarde is not None:
                raise TaakFout(400, "geef de hervorming óf als queryparameter hervorming óf als body, niet allebei")
            return uit_body
        # the server's own reform is the operator's choice (it may be a file); a request names one
        return standaard if waarde is None else _op_naam(waarde, "hervorming")

    def antwoord(uitkomst: Any, gebruikt: HervormingLike, tekst: Callable[[str], str] | None = None) -> Any:
        """The JSON of ``uitkomst``, or with ``formaat`` the command line's text (``tekst(formaat)``)."""
        formaat = request.args.get("formaat", "json")
        if formaat == "json" or tekst is None:
            inhoud = app.json.response(uitkomst)
        else:
            inhoud = app.response_class(tekst(formaat), mimetype=MEDIATYPEN[formaat])
        inhoud.headers["VTH-Hervorming"] = _kop(_naam(gebruikt))
        return inhoud

    def maanden_in(periode: str | None, systemen: int) -> None:
        from openfisca_vth.periode import maanden

        if periode and ":" in periode and len(maanden(periode)) * systemen > MAX_STATUSSEN:
            raise TaakFout(
                413,
                f"periode {periode} x {systemen} stelsel(s) is meer dan {MAX_STATUSSEN} maandberekeningen; "
                "vraag een kortere tijdlijn of minder varianten",
                ["periode"],
            )

    @app.route("/status", methods=["GET", "POST"])
    def vth_status() -> Any:
        from openfisca_vth.cli.status import opmaak

        q = _lees_query("status")
        gekozen = hervorming(q.get("hervorming"))
        periode = q.get("periode")
        if periode and ":" in periode:
            maanden_in(periode, 1)
            tijdlijn = model.tijdlijn(periode, gekozen)
            return antwoord(tijdlijn.naar_dict(), gekozen, lambda f: opmaak(tijdlijn, f))
        # a memo lists the rules the calculation read, as the command line's memo does
        rapport = model.status(periode, gekozen, met_regels=q.get("formaat") in MEMO_FORMATEN)
        return antwoord(rapport.naar_dict(), gekozen, lambda f: opmaak(rapport, f))

    @app.route("/compare", methods=["GET", "POST"])
    def vth_compare() -> Any:
        from openfisca_vth.vergelijking import naar_json_dict

        q = _lees_query("compare")
        varianten: list[HervormingLike] = [_op_naam(n, "hervorming") for n in q.get("hervorming", [])]
        uit_body = _hervorming_uit_body(model)
        if uit_body is not None:
            varianten.append(uit_body)
        if not varianten:
            raise TaakFout(
                400,
                "geef ten minste één variant: hervorming=NAAM (herhaal voor varianten naast elkaar) of een "
                "hervormingsbestand als body",
                ["hervorming"],
            )
        basis = _op_naam(q.get("basis"), "basis")
        if uit_body is not None and basis is not None:
            raise TaakFout(400, "een hervormingsbestand als body wordt met huidig recht vergeleken; laat basis weg")
        variabelen = [n for deel in q.get("variabelen", []) for n in deel.split(",")] or None
        maanden_in(q.get("periode"), len(varianten) + 1)
        from openfisca_vth.cli.compare import opmaak_vergelijking

        uitkomst = model.vergelijk(varianten, q.get("periode"), basis=basis, variabelen=variabelen)
        # the header names every variant and what they were compared with
        gebruikt = f"{', '.join(_naam(v) for v in varianten)} (basis: {_naam(basis)})"
        return antwoord(naar_json_dict(uitkomst), gebruikt, lambda f: opmaak_vergelijking(uitkomst, f, model.dataset))

    @app.route("/explain/<path:code>", methods=["GET", "POST"])
    def vth_explain(code: str) -> Any:
        from openfisca_vth.verklaring import RENDERERS

        q = _lees_query("explain")
        gekozen = hervorming(q.get("hervorming"))
        verklaring = model.verklaar(code, q.get("periode"), gekozen)
        return antwoord(verklaring.naar_dict(), gekozen, lambda f: RENDERERS[f](verklaring))

    @app.route("/sweep", methods=["GET", "POST"])
    def vth_sweep() -> Any:
        q = _lees_query("sweep")
        for verplicht, voorbeeld in (
            ("parameter", "robuustheidscriteria.kritieke_massa.minimum_fte_formatie"),
            ("waarden", "0:300:50"),
        ):
            if not q.get(verplicht):
                raise TaakFout(400, f"queryparameter {verplicht} ontbreekt, bijvoorbeeld {verplicht}={voorbeeld}")
        gekozen = hervorming(q.get("hervorming"))
        from openfisca_vth.variatie import lees_waarden, zoek_parameter

        waarden = lees_waarden(q["waarden"], zoek_parameter(model.systeem(gekozen).parameters, q["parameter"]))
        if len(waarden) > MAX_SWEEP_WAARDEN:
            raise TaakFout(
                413, f"{len(waarden)} waarden in één verzoek; het maximum is {MAX_SWEEP_WAARDEN}", ["waarden"]
            )
        from openfisca_vth.cli.sweep import opmaak as sweep_opmaak

        variatie = model.varieer(q["parameter"], waarden, q.get("periode"), gekozen)
        return antwoord(variatie.naar_dict(), gekozen, lambda f: sweep_opmaak(variatie, f))

    @app.route("/aannames", methods=["GET", "POST"])
    def vth_aannames() -> Any:
        q = _lees_query("aannames")
        spec = hervorming(q.get("hervorming"))
        from openfisca_vth.cli.aannames import opmaak as aannames_opmaak

        analyse = model.aannames(q.get("periode"), spec)
        return antwoord(analyse.naar_dict(), spec, lambda f: aannames_opmaak(analyse, f))

    @app.route("/regels")
    def vth_regels() -> Any:
        q = _lees_query("regels")
        naam = q.get("hervorming")
        gekozen = standaard if naam is None else _op_naam(naam, "hervorming")
        regels = model.regels(q.get("periode"), gekozen)
        return antwoord(
            {
                "periode": q.get("periode") or _deze_maand(),
                "hervorming": _naam(gekozen),
                "regels": [r.naar_dict() for r in regels],
            },
            gekozen,
        )

    hervormingen = _bekende_hervormingen()  # read once: the shipped reform files do not change

    @app.route("/hervormingen")
    def vth_hervormingen() -> Any:
        _lees_query("hervormingen")
        return app.json.response(
            {
                "standaard": standaard,
                "huidig_recht": HUIDIG_RECHT_NAAM,
                "hervormingen": hervormingen,
                "combineren": "A+B past A toe en B daarbovenop",
                "eigen_bestand": "POST het hervormingsbestand (YAML, docs/reforms.md) als body naar dezelfde route",
            }
        )


def _deze_maand() -> str:
    from openfisca_vth.model import huidige_maand

    return huidige_maand()


def _naam(gekozen: HervormingLike) -> str:
    if gekozen is None:
        return HUIDIG_RECHT
    return gekozen.naam if isinstance(gekozen, Hervorming) else gekozen


def _kop(tekst: str) -> str:
    """A header value: latin-1 only (HTTP headers), so other characters become ``?``."""
    return tekst.encode("latin-1", "replace").decode("latin-1")


def _lees_query(route: str) -> dict[str, Any]:
    """The query parameters of ``route``: each known one once (a list for the repeatable ones)."""
    toegestaan = PARAMETERS[route]
    meervoudig = MEERVOUDIG.get(route, ())
    uitkomst: dict[str, Any] = {}
    for sleutel in request.args:
        if sleutel not in toegestaan:
            suggestie = difflib.get_close_matches(sleutel, toegestaan, n=1)
            hint = f"; bedoelt u {suggestie[0]!r}?" if suggestie else ""
            kan = f" Deze route kent: {', '.join(toegestaan)}" if toegestaan else " Deze route kent er geen."
            raise TaakFout(400, f"onbekende queryparameter {sleutel!r}{hint}{kan}", [sleutel])
        waarden = request.args.getlist(sleutel)
        if sleutel in meervoudig:
            uitkomst[sleutel] = waarden
        elif len(waarden) > 1:
            raise TaakFout(
                400, f"queryparameter {sleutel!r} staat er {len(waarden)} keer; geef hem één keer", [sleutel]
            )
        else:
            uitkomst[sleutel] = waarden[0]
    if "formaat" in uitkomst and uitkomst["formaat"] not in FORMATEN[route]:
        raise TaakFout(
            400,
            f"onbekend formaat {uitkomst['formaat']!r}; deze route kent: {', '.join(FORMATEN[route])}",
            ["formaat"],
        )
    return uitkomst


def _bekende_hervormingen() -> list[dict[str, str]]:
    from openfisca_vth.reforms import bekende_hervormingen, hervormingsklasse

    lijst = []
    for naam in bekende_hervormingen():
        klasse = hervormingsklasse(naam)
        toelichting = getattr(klasse, "toelichting", None) or (klasse.__doc__ or "").strip().split("\n\n")[0]
        lijst.append({"naam": naam, "toelichting": " ".join(str(toelichting).split())})
    return lijst


def _op_naam(tekst: str | None, parameter: str) -> str | None:
    """A reform named in a request: known names only (never a path on the server or a class path)."""
    from openfisca_vth.reforms import bekende_hervormingen

    if tekst is None:
        return None
    tekst = tekst.strip()
    if tekst == HUIDIG_RECHT_NAAM:
        return None
    bekend = bekende_hervormingen()
    for deel in tekst.split("+"):
        if deel not in bekend:
            suggestie = difflib.get_close_matches(deel, bekend, n=1)
            hint = f"; bedoelt u {suggestie[0]!r}?" if suggestie else ""
            raise TaakFout(
                400,
                f"onbekende hervorming {deel!r}{hint} Geef een naam uit GET /hervormingen (A+B combineert), "
                f"{HUIDIG_RECHT_NAAM}, of POST een eigen hervormingsbestand als body",
                [parameter],
            )
    return tekst


def _hervorming_uit_body(model: Rekenmodel) -> Hervorming | None:
    """The reform file in the body of a POST, read and applied; None for a GET."""
    if request.method != "POST":
        return None
    soort = (request.mimetype or "").lower()
    if soort not in HERVORMING_INHOUD:
        kreeg = f"kreeg {soort!r}" if soort else "het verzoek had geen Content-Type"
        raise TaakFout(415, f"een hervormingsbestand is YAML: stuur Content-Type: application/yaml; {kreeg}")
    from openfisca_vth.webapi import als_tekst, lees_body

    ruw = lees_body(MAX_HERVORMING_BYTES, f"het hervormingsbestand is groter dan {MAX_HERVORMING_BYTES} bytes")
    tekst = als_tekst(
        ruw, "het hervormingsbestand", "lege body: stuur een hervormingsbestand (YAML, docs/reforms.md) of gebruik GET"
    )
    return model.hervorming_uit_tekst(tekst, "hervormingsbestand (body)")

"""A small client of the openfisca-vth Web API, in Python with the standard library only.

Start a server (``openfisca-vth serve``, on http://127.0.0.1:5000 by default), then::

    python docs/voorbeeld_client.py                        # against http://127.0.0.1:5000
    python docs/voorbeeld_client.py http://127.0.0.1:8000 --periode 2026-04 --dienst odra

It asks three questions a dashboard asks (docs/web-api.md has every route):

1. ``GET /status?periode=...``: how many omgevingsdiensten are robuust, and where the State
   Secretary could steer;
2. ``GET /compare?hervorming=A&hervorming=B&periode=...``: two variants of the bill side by side
   against current law;
3. ``GET /explain/<code>?periode=...``: why one dienst is (not) robuust, with the articles.

A refused request is answered with ``{"fout": "<one Dutch line>", "pad": [...]}``; this client
prints that line and exits with status 2, as the command line does.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

STANDAARD_URL = "http://127.0.0.1:5000"
# the bill as drafted (in force at a date not yet set) and with 1 July 2027 as its in-force date
VARIANTEN = ("wetsvoorstel_versterking_vth", "wetsvoorstel_per_2027_07")


class ClientFout(Exception):
    """A request that the server refused or could not answer, as one line."""


def vraag(basis: str, pad: str, **query: str | list[str]) -> Any:
    """The JSON answer to ``GET basis+pad?query`` (a list value repeats the parameter)."""
    url = f"{basis.rstrip('/')}{pad}"
    if query:
        url += "?" + urllib.parse.urlencode(query, doseq=True)
    # a server on this machine is reached directly, whatever proxy the environment names
    lokaal = urllib.parse.urlsplit(url).hostname in ("127.0.0.1", "localhost", "::1")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({})) if lokaal else urllib.request.build_opener()
    try:
        with opener.open(url, timeout=30) as antwoord:
            return json.load(antwoord)
    except urllib.error.HTTPError as fout:
        try:
            melding = json.load(fout)["fout"]
        except (ValueError, KeyError, TypeError):
            melding = fout.reason
        raise ClientFout(f"{pad}: {fout.code}: {melding}") from None
    except urllib.error.URLError as fout:
        raise ClientFout(
            f"de server op {basis} is niet bereikbaar ({fout.reason}); start openfisca-vth serve"
        ) from None


def toon_status(status: dict[str, Any]) -> None:
    totalen = status["totalen"]
    print(
        f"Status {status['periode']} ({status['hervorming'] or 'huidig recht'}): {totalen['robuust']} van de "
        f"{totalen['omgevingsdiensten']} omgevingsdiensten robuust; bijsturing mogelijk bij "
        f"{totalen['bijsturingsbevoegdheid_staatssecretaris']}."
    )
    niet = [d["code"] for d in status["omgevingsdiensten"] if not d["robuust"]]
    print(f"  Niet robuust: {', '.join(niet) or 'geen'}")


def toon_vergelijking(vergelijking: dict[str, Any]) -> None:
    varianten = ", ".join(vergelijking["hervormingen"])
    print(f"Vergelijking {vergelijking['periode']}: {vergelijking['basis']} tegen {varianten}")
    for totaal in vergelijking["totalen"]:
        per_variant = ", ".join(f"{naam} {waarde}" for naam, waarde in totaal["per_variant"].items())
        print(f"  {totaal['label']}: {totaal['voor']} -> {per_variant} (van {totaal['van']})")


def toon_verklaring(verklaring: dict[str, Any]) -> None:
    print(f"Verklaring {verklaring['code']} ({verklaring['naam']}), {verklaring['periode']}: {verklaring['conclusie']}")
    for stap in verklaring["stappen"]:
        if stap["diepte"] <= 1:
            bronnen = "; ".join(b["tekst"].split(":")[0] for b in stap["bronnen"][:1])
            waarde = stap["waarde"]
            if isinstance(waarde, bool):
                waarde = "ja" if waarde else "nee"
            print(f"  {'  ' * stap['diepte']}{stap['label']}: {waarde}" + (f" [{bronnen}]" if bronnen else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Voorbeeldclient van de openfisca-vth Web API")
    parser.add_argument("url", nargs="?", default=STANDAARD_URL, help=f"de server (standaard {STANDAARD_URL})")
    parser.add_argument("--periode", default="2026-04", help="de maand van de status en de verklaring")
    parser.add_argument("--vergelijk-periode", default="2027-07", help="de maand van de vergelijking")
    parser.add_argument("--dienst", default="odra", help="de omgevingsdienst om te verklaren")
    args = parser.parse_args(argv)
    try:
        toon_status(vraag(args.url, "/status", periode=args.periode))
        toon_vergelijking(vraag(args.url, "/compare", periode=args.vergelijk_periode, hervorming=list(VARIANTEN)))
        toon_verklaring(vraag(args.url, f"/explain/{urllib.parse.quote(args.dienst)}", periode=args.periode))
    except ClientFout as fout:
        print(f"voorbeeld_client: fout: {fout}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

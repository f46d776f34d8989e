"""``openfisca-vth serve``: the Web API (:func:`openfisca_vth.webapi.maak_app`) under gunicorn.

Like ``openfisca serve`` (``openfisca_web_api/scripts/serve.py``: a gunicorn ``BaseApplication``
that loads the app), with safe defaults (docs/web-api.md):

- ``--bind 127.0.0.1``: only this machine; put a reverse proxy in front to serve others;
- ``--workers 2 --threads 4`` (gunicorn's ``gthread`` worker): a large request keeps one thread
  busy, not the whole server; two processes, so one stuck or restarting worker is not an outage;
- ``--timeout 30``: a worker that stops answering gunicorn for that long is restarted; the
  work one request may ask for is bounded by the limits of :mod:`openfisca_vth.webapi`
  (about 4 seconds at most), so a healthy request never comes near it.

Every option is checked before the server starts; a wrong one is one line on stderr, exit 2.
"""

import errno
import ipaddress
import socket
import sys

from openfisca_vth.errors import VTHInvoerFout

HELP = "Start de Web API (OpenFisca, met invoercontrole) onder gunicorn; standaard alleen op 127.0.0.1."

STANDAARD_BIND = "127.0.0.1"
STANDAARD_POORT = 5000
STANDAARD_WORKERS = 2
STANDAARD_THREADS = 4
STANDAARD_TIMEOUT = 30

GRENZEN = {  # option -> (smallest, largest) accepted value
    "--port": (1, 65535),
    "--workers": (1, 32),
    "--threads": (1, 64),
    "--timeout": (1, 3600),
}


def add_arguments(parser):
    from openfisca_vth.cli.opties import voeg_dataset_toe, voeg_reform_toe

    # Numbers are read as text and checked in run(), so that a wrong value is one line (exit 2).
    parser.add_argument(
        "--bind",
        default=STANDAARD_BIND,
        metavar="ADRES",
        help=f"IP-adres of hostnaam om op te luisteren (standaard {STANDAARD_BIND}: alleen deze machine)",
    )
    parser.add_argument("--port", default=str(STANDAARD_POORT), metavar="POORT", help="poort (standaard 5000)")
    parser.add_argument(
        "--workers",
        default=str(STANDAARD_WORKERS),
        metavar="N",
        help=f"aantal processen (standaard {STANDAARD_WORKERS})",
    )
    parser.add_argument(
        "--threads",
        default=str(STANDAARD_THREADS),
        metavar="N",
        help=f"threads per proces, zodat een groot verzoek de kleine niet ophoudt (standaard {STANDAARD_THREADS})",
    )
    parser.add_argument(
        "--timeout",
        default=str(STANDAARD_TIMEOUT),
        metavar="SECONDEN",
        help=f"herstart een proces dat zo lang niet reageert (standaard {STANDAARD_TIMEOUT})",
    )
    voeg_reform_toe(parser)
    voeg_dataset_toe(parser)


def lees_geheel_getal(optie, tekst):
    """``tekst`` as a whole number within ``GRENZEN[optie]``, else a one-line ``VTHInvoerFout``."""
    laagste, hoogste = GRENZEN[optie]
    try:
        getal = int(str(tekst).strip())
    except ValueError:
        raise VTHInvoerFout(f"{optie} {tekst!r} is geen geheel getal; geef {laagste} tot en met {hoogste}") from None
    if not laagste <= getal <= hoogste:
        raise VTHInvoerFout(f"{optie} {getal} ligt buiten {laagste} tot en met {hoogste}")
    return getal


def lees_bind(tekst):
    """The host to listen on: an IP address or a host name (no port, no scheme, no unix socket)."""
    host = str(tekst).strip()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not host or any(teken in host for teken in "/ ") or host.startswith("unix:"):
        raise VTHInvoerFout(
            f"--bind {tekst!r} is geen adres; geef een IP-adres of hostnaam zonder poort, bijvoorbeeld 127.0.0.1 "
            "(de poort gaat met --port)"
        )
    if ":" in host:
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            raise VTHInvoerFout(
                f"--bind {tekst!r} is geen adres; geef de poort met --port, bijvoorbeeld --bind 127.0.0.1 --port 5000"
            ) from None
    return host


def gunicorn_adres(host, poort):
    return f"[{host}]:{poort}" if ":" in host else f"{host}:{poort}"


def is_loopback(host):
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def controleer_poort_vrij(host, poort):
    """Fail now, in one line, if ``host:poort`` cannot be listened on (gunicorn would retry and log)."""
    try:
        adressen = socket.getaddrinfo(host, poort, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise VTHInvoerFout(f"--bind {host!r}: onbekend adres; geef een IP-adres of een bestaande hostnaam") from None
    familie, soort, proto, _, adres = adressen[0]
    with socket.socket(familie, soort, proto) as proef:
        proef.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn does
        try:
            proef.bind(adres)
        except OSError as fout:
            reden = {
                errno.EADDRINUSE: "de poort is al in gebruik",
                errno.EACCES: "geen toestemming (poorten onder 1024 vragen beheerrechten)",
                errno.EADDRNOTAVAIL: "dit adres hoort niet bij deze machine",
            }.get(fout.errno, fout.strerror or str(fout))
            raise VTHInvoerFout(
                f"kan niet luisteren op {gunicorn_adres(host, poort)}: {reden}; kies een andere --port of --bind"
            ) from None


def instellingen(args):
    """``(host, poort, gunicorn settings)`` from ``args``, checked; else a one-line ``VTHInvoerFout``."""
    host = lees_bind(args.bind)
    poort = lees_geheel_getal("--port", args.port)
    timeout = lees_geheel_getal("--timeout", args.timeout)
    return (
        host,
        poort,
        {
            "bind": gunicorn_adres(host, poort),
            "workers": lees_geheel_getal("--workers", args.workers),
            "threads": lees_geheel_getal("--threads", args.threads),
            "worker_class": "gthread",
            "timeout": timeout,
            "graceful_timeout": min(timeout, 10),
            "keepalive": 5,
            # Recycle workers now and then, so that memory a large request left behind is returned.
            "max_requests": 1000,
            "max_requests_jitter": 100,
            "proc_name": "openfisca-vth",
            "loglevel": "info",
        },
    )


def _toepassing(app, opties):
    from gunicorn.app.base import BaseApplication

    class Toepassing(BaseApplication):
        """gunicorn with the app built before the workers fork (as ``openfisca serve``, preloaded)."""

        def load_config(self):
            for sleutel, waarde in opties.items():
                self.cfg.set(sleutel, waarde)

        def load(self):
            return app

    return Toepassing()


def run(args):
    from openfisca_vth.webapi import MAX_BYTES, maak_app

    host, poort, opties = instellingen(args)
    # an unknown reform or a bad dataset is a VTHInvoerFout: one line, exit 2
    app = maak_app(hervorming=args.reform, dataset=args.dataset)
    controleer_poort_vrij(host, poort)
    if not is_loopback(host):
        print(
            f"openfisca-vth serve: let op: {host} is bereikbaar vanaf het netwerk; zet er een reverse proxy "
            "voor (docs/web-api.md)",
            file=sys.stderr,
        )
    print(
        f"openfisca-vth serve: Web API op http://{opties['bind']}/ (workers {opties['workers']}, threads "
        f"{opties['threads']}, timeout {opties['timeout']} s, verzoeken tot {MAX_BYTES} bytes"
        f"{', hervorming ' + args.reform if args.reform else ''}"
        f"{', dataset ' + args.dataset if args.dataset else ''})",
        file=sys.stderr,
        flush=True,
    )
    _toepassing(app, opties).run()  # returns only through SystemExit (gunicorn's arbiter)
    return 0

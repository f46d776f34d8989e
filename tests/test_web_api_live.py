"""``openfisca-vth serve`` really serves: a gunicorn subprocess on 127.0.0.1, spoken to with urllib.

The server is started once for this module (one worker) and always terminated in the fixture's
teardown. Loopback only; waiting for it is bounded (under 20 seconds).
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.traag

OPSTARTTIJD = 18  # seconds, at most, until the server answers
SITUATIE = {
    "deelnemers": {"a": {"basistaak_ontbreekt_bodem": {"2026-04": None}}},
    "omgevingsdiensten": {"od": {"gemeenten": ["a"], "robuust": {"2026-04": None}}},
}


def _vrije_poort():
    with socket.socket() as proef:
        proef.bind(("127.0.0.1", 0))
        return proef.getsockname()[1]


def _opdracht():
    script = shutil.which("openfisca-vth", path=str(Path(sys.executable).parent))
    if script:
        return [script]
    return [sys.executable, "-c", "from openfisca_vth.cli import entry_point; entry_point()"]


def _vraag(basis, pad, body=None, content_type="application/json", methode=None):
    """(status, text) of one request; HTTP errors are answers too."""
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    verzoek = urllib.request.Request(basis + pad, data=data, method=methode)
    if data is not None and content_type:
        verzoek.add_header("Content-Type", content_type)
    try:  # loopback: never through a proxy the environment may name
        with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(verzoek, timeout=10) as antwoord:
            return antwoord.status, antwoord.read().decode("utf-8")
    except urllib.error.HTTPError as fout:
        return fout.code, fout.read().decode("utf-8")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    poort = _vrije_poort()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    omgeving = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with open(log, "w", encoding="utf-8") as uit:
        proces = subprocess.Popen(
            [*_opdracht(), "serve", "--port", str(poort), "--workers", "1", "--threads", "2"],
            stdout=uit,
            stderr=subprocess.STDOUT,
            env=omgeving,
        )
    basis = f"http://127.0.0.1:{poort}"
    try:
        einde = time.monotonic() + OPSTARTTIJD
        while True:
            if proces.poll() is not None:
                pytest.fail(f"openfisca-vth serve stopte (status {proces.returncode}):\n{log.read_text()}")
            try:
                if _vraag(basis, "/entities")[0] == 200:
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > einde:
                pytest.fail(f"openfisca-vth serve antwoordde niet binnen {OPSTARTTIJD} s:\n{log.read_text()}")
            time.sleep(0.1)
        yield basis
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait(timeout=5)


def test_goede_berekening(server):
    status, tekst = _vraag(server, "/calculate", SITUATIE)
    assert status == 200, tekst
    uitkomst = json.loads(tekst)
    assert uitkomst["deelnemers"]["a"]["basistaak_ontbreekt_bodem"]["2026-04"] is True
    assert uitkomst["omgevingsdiensten"]["od"]["robuust"]["2026-04"] is False


@pytest.mark.parametrize(
    ("pad", "body", "content_type", "methode", "status", "melding"),
    [
        ("/calculate", b'{"deelnemers": ', "application/json", None, 400, "ongeldige JSON"),
        ("/calculate", b"{}", "text/plain", None, 415, "verwacht Content-Type: application/json"),
        ("/calculate", b"[" * 50_000 + b"]" * 50_000, "application/json", None, 400, "dieper genest"),
        (
            "/trace",
            {**SITUATIE, "deelnemers": {"a": {"basistaak_ontbreekt_bodem": {"2026": None}}}},
            "application/json",
            None,
            400,
            "per maand",
        ),
        ("/bestaat_niet", None, None, None, 404, "onbekende route"),
        ("/calculate", None, None, "GET", 405, "gebruik POST"),
    ],
    ids=["json", "content-type", "diepte", "jaar", "route", "methode"],
)
def test_foute_verzoeken_en_daarna_weer_goed(server, pad, body, content_type, methode, status, melding):
    gekregen, tekst = _vraag(server, pad, body, content_type, methode)
    assert gekregen == status, tekst
    assert "Traceback" not in tekst and "Internal Server Error" not in tekst
    inhoud = json.loads(tekst)
    assert set(inhoud) == {"fout", "pad"} and melding in inhoud["fout"]
    assert _vraag(server, "/calculate", SITUATIE)[0] == 200


def test_variabele_en_parameter(server):
    status, tekst = _vraag(server, "/variable/robuust")
    assert status == 200 and json.loads(tekst)["definitionPeriod"] == "MONTH"
    status, tekst = _vraag(server, "/parameter/robuustheidstermijn_verstreken")
    assert status == 200 and json.loads(tekst)["values"]["2026-04-01"] is True


# -- the example client in docs/ (standard library only) against the live server ---------------------

VOORBEELD = Path(__file__).resolve().parent.parent / "docs" / "voorbeeld_client.py"


def _client(*argumenten):
    # a proxy in the environment must not matter: the client reaches loopback directly
    omgeving = {**os.environ, "http_proxy": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9"}
    return subprocess.run(
        [sys.executable, str(VOORBEELD), *argumenten],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=omgeving,
    )


def test_voorbeeldclient_gebruikt_alleen_de_standaardbibliotheek():
    import ast

    boom = ast.parse(VOORBEELD.read_text(encoding="utf-8"))
    modules = {a.name.split(".")[0] for n in ast.walk(boom) if isinstance(n, ast.Import) for a in n.names}
    modules |= {n.module.split(".")[0] for n in ast.walk(boom) if isinstance(n, ast.ImportFrom) and n.module}
    assert modules - {"__future__"} <= set(sys.stdlib_module_names), modules - set(sys.stdlib_module_names)


def test_voorbeeldclient_haalt_status_vergelijking_en_verklaring(server):
    """The client's three answers are those the library computes for the same questions."""
    import openfisca_vth as vth

    uitkomst = _client(server)
    assert uitkomst.returncode == 0, uitkomst.stderr
    regels = uitkomst.stdout.splitlines()
    totalen = vth.status("2026-04").totalen
    assert regels[0].startswith(
        f"Status 2026-04 (huidig recht): {totalen['robuust']} van de {totalen['omgevingsdiensten']} omgevingsdiensten"
    )
    vergelijking = vth.naar_records(
        vth.vergelijk(["wetsvoorstel_versterking_vth", "wetsvoorstel_per_2027_07"], "2027-07")
    )
    bijsturing = {
        r["hervorming"]: r["waarde"]
        for r in vergelijking
        if r["variabele"] == "bijsturingsbevoegdheid_staatssecretaris"
    }
    assert bijsturing["wetsvoorstel_per_2027_07"] > bijsturing["wetsvoorstel_versterking_vth"]  # a variant that differs
    regel = next(r for r in regels if "kan bijsturen:" in r)
    assert (
        f"wetsvoorstel_versterking_vth {bijsturing['wetsvoorstel_versterking_vth']}, "
        f"wetsvoorstel_per_2027_07 {bijsturing['wetsvoorstel_per_2027_07']}"
    ) in regel
    conclusie = vth.verklaar("odra", "2026-04").naar_dict()["conclusie"]
    assert any(r.startswith("Verklaring odra") and conclusie in r for r in regels)


def test_voorbeeldclient_toont_een_weigering_in_een_regel(server):
    uitkomst = _client(server, "--dienst", "xyz")
    assert uitkomst.returncode == 2
    assert uitkomst.stderr.count("\n") == 1 and "onbekende code 'xyz'" in uitkomst.stderr


def test_taken_op_de_live_server(server):
    status, tekst = _vraag(server, "/status?periode=2026-04")
    assert status == 200 and json.loads(tekst)["totalen"]["omgevingsdiensten"] == 27
    uitstel = (
        Path(__file__).resolve().parent.parent / "openfisca_vth" / "reforms" / "bestanden" / "uitstel_termijn_2027.yaml"
    )
    status, tekst = _vraag(server, "/status?periode=2027-01", uitstel.read_bytes(), "application/yaml")
    assert status == 200 and json.loads(tekst)["hervorming"] == "uitstel_termijn_2027"

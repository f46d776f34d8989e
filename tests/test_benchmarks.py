"""The benchmark script runs and prints its table (speed itself is never asserted in tests)."""

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.traag

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "run.py"


def test_benchmarks_draaien_en_tonen_verhoudingen():
    klaar = subprocess.run([sys.executable, str(SCRIPT), "--runs", "1"], capture_output=True, text=True, check=False)
    assert klaar.returncode == 0, klaar.stderr
    regels = klaar.stdout.splitlines()
    assert regels[0].startswith("openfisca-vth benchmarks, ") and "cores" in regels[0]
    assert regels[1].split()[:2] == ["meting", "tijd"]
    metingen = regels[2:]
    assert len(metingen) == 8 and all(regel.split()[-1].endswith("x") or "<=" in regel for regel in metingen)


def test_schaal_draait():
    script = SCRIPT.parent / "schaal.py"
    klaar = subprocess.run([sys.executable, str(script), "1000"], capture_output=True, text=True, check=False)
    assert klaar.returncode == 0, klaar.stderr
    kop, rij = klaar.stdout.splitlines()
    assert kop.split()[0] == "deelnemers" and rij.split()[0] == "1000"

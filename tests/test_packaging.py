"""A plain, non-editable install of a clean copy, used from another directory, is complete.

Builds a wheel from the files git tracks (what a fresh clone holds), installs it into a private
folder and runs the installed copy from a directory outside the source tree: it must find its
parameters and variables inside the wheel and pass a scenario under ``openfisca test``.
"""

import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.traag

BRON = Path(__file__).resolve().parents[1]


def _draai(opdracht):
    uitkomst = subprocess.run(opdracht, capture_output=True, text=True)
    assert uitkomst.returncode == 0, f"{' '.join(opdracht)}\n{uitkomst.stdout}\n{uitkomst.stderr}"


def _bestanden_van_een_verse_kloon():
    if not (BRON / ".git").exists():
        pytest.skip("geen git-checkout: kan een verse kloon niet nabootsen")
    uitvoer = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=BRON,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [regel for regel in uitvoer.splitlines() if (BRON / regel).is_file()]


@pytest.fixture(scope="module")
def geinstalleerd(tmp_path_factory):
    werk = tmp_path_factory.mktemp("packaging")
    kloon = werk / "kloon"
    for relatief in _bestanden_van_een_verse_kloon():
        doel = kloon / relatief
        doel.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(BRON / relatief, doel)
    wielen = werk / "wielen"
    # --no-build-isolation: build with the setuptools of this environment (the dev extra pins >= 77),
    # so the test needs no network.
    _draai(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wielen),
            str(kloon),
        ]
    )
    (wiel,) = wielen.glob("openfisca_vth-*.whl")
    site = werk / "site"
    _draai([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wiel)])
    elders = werk / "elders"
    elders.mkdir()
    return {"wiel": wiel, "site": site, "elders": elders}


def _python(geinstalleerd, *argumenten):
    omgeving = {**os.environ, "PYTHONPATH": str(geinstalleerd["site"])}
    return subprocess.run(
        [sys.executable, *argumenten],
        cwd=geinstalleerd["elders"],
        env=omgeving,
        capture_output=True,
        text=True,
    )


def test_het_wiel_bevat_parameters_en_variabelen(geinstalleerd):
    namen = set(zipfile.ZipFile(geinstalleerd["wiel"]).namelist())
    assert "openfisca_vth/parameters/index.yaml" in namen
    assert "openfisca_vth/parameters/robuustheidstermijn_verstreken.yaml" in namen
    assert "openfisca_vth/variables/robuustheid.py" in namen
    assert not any(naam.startswith("tests/") for naam in namen)


def test_de_geinstalleerde_kopie_werkt_buiten_de_broncode(geinstalleerd, tax_benefit_system):
    script = textwrap.dedent(
        """
        import openfisca_vth
        from openfisca_vth.paths import PARAMETERS_DIR
        print(openfisca_vth.__file__)
        print(PARAMETERS_DIR)
        systeem = openfisca_vth.CountryTaxBenefitSystem()
        print(len(systeem.variables))
        regels = systeem.get_parameters_at_instant("2026-04-01")
        print(regels.robuustheidstermijn_verstreken)
        """
    )
    uitkomst = _python(geinstalleerd, "-c", script)
    assert uitkomst.returncode == 0, uitkomst.stderr
    bestand, parameters, aantal, termijn = uitkomst.stdout.split()
    assert bestand.startswith(str(geinstalleerd["site"]))
    assert parameters.startswith(str(geinstalleerd["site"]))
    assert int(aantal) == len(tax_benefit_system.variables)
    assert termijn == "True"


def test_openfisca_test_draait_op_de_geinstalleerde_kopie(geinstalleerd):
    scenario = geinstalleerd["elders"] / "scenario.yaml"
    shutil.copy(BRON / "tests" / "scenarios" / "smoke.yaml", scenario)
    uitkomst = _python(
        geinstalleerd, "-m", "openfisca_core.scripts.openfisca_command", "test", "-c", "openfisca_vth", str(scenario)
    )
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
    assert "1 passed" in uitkomst.stdout

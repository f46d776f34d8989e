"""docs/drafting-guide.md stays true: its reform files load and its walk-through gives what it says.

The YAML blocks of the guide are written to files exactly as a reader would copy them, and the
commands of the walk-through are run in-process on the embedded dataset; the numbers the guide
quotes must come out.
"""

import re
from pathlib import Path

import pytest

from openfisca_vth.cli import main

GIDS = Path(__file__).resolve().parents[1] / "docs" / "drafting-guide.md"


def _yaml_blokken():
    tekst = GIDS.read_text(encoding="utf-8")
    return re.findall(r"```yaml\n(.*?)```", tekst, flags=re.S)


@pytest.fixture
def werkmap(tmp_path, monkeypatch):
    """A folder holding the guide's reform files, as the current directory (as for a reader)."""
    for blok in _yaml_blokken():
        naam = re.search(r"^naam: (\w+)$", blok, flags=re.M)
        if naam:
            (tmp_path / f"{naam.group(1)}.yaml").write_text(blok, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _compare(capsys, opdracht):
    status = main(opdracht.split()[1:])
    uit = capsys.readouterr()
    assert status == 0, uit.err
    return uit.out


def _opdracht(begin):
    """The command line in the guide that starts with ``begin``."""
    regels = [r.strip() for r in GIDS.read_text(encoding="utf-8").splitlines() if r.strip().startswith(begin)]
    assert regels, f"de gids bevat geen opdracht die begint met {begin!r}"
    return regels[0]


def test_de_bestanden_van_de_gids_bestaan(werkmap):
    assert {p.name for p in werkmap.glob("*.yaml")} >= {"uitstel_2027.yaml", "wetsvoorstel_per_2026_07.yaml"}


def test_walk_through_a_tegen_huidig_recht(werkmap, capsys):
    uit = _compare(capsys, _opdracht("openfisca-vth compare --reform uitstel_2027.yaml --period 2026-06 --variabelen"))
    assert "27 van 27 omgevingsdiensten en 0 van 371 deelnemers veranderen." in uit
    assert re.search(r"omgevingsdiensten robuust \(van 27\)\s+15\s+15\s+\+0", uit)
    assert re.search(r"staatssecretaris kan bijsturen \(van 27\)\s+0\s+0\s+\+0", uit)
    assert "robuustheidstermijn_verstreken  ja (bestuurlijke_afspraak)  nee (aanname)" in uit


def test_walk_through_b_onder_het_wetsvoorstel(werkmap, capsys):
    opdracht = _opdracht("openfisca-vth compare --basis wetsvoorstel_per_2026_07.yaml --reform termijn_kritieke_massa")
    uit = _compare(capsys, opdracht)
    assert "4 van 27 omgevingsdiensten en 0 van 371 deelnemers veranderen." in uit
    assert re.search(r"staatssecretaris kan bijsturen \(van 27\)\s+10\s+6\s+-4", uit)
    assert re.search(r"wettelijke termijn voor het criterium kritieke_massa\s+1 juli 2026\s+1 januari 2027", uit)
    # "Run the same command with --period 2027-01 to check that the difference is gone"
    uit = _compare(capsys, opdracht.replace("--period 2026-09", "--period 2027-01"))
    assert "0 van 27 omgevingsdiensten" in uit
    # the administrative deadline no longer decides anything once the bill is in force
    uit = _compare(capsys, opdracht.replace("termijn_kritieke_massa_2027.yaml", "uitstel_2027.yaml"))
    assert "0 van 27 omgevingsdiensten" in uit and "robuustheidstermijn_verstreken" in uit


def test_walk_through_wie_kan_optreden_onder_een_ontwerp(werkmap, capsys):
    uit = _compare(capsys, _opdracht("openfisca-vth status --reform ontwerp_deelnemers_124b.yaml --period 2028-01"))
    blok = GIDS.read_text(encoding="utf-8").split("openfisca-vth status --reform ontwerp_deelnemers_124b.yaml", 1)[1]
    getoond = blok.split("```", 3)[2]  # the result block after the command
    for regel in getoond.splitlines():
        if regel.strip() and regel.strip() != "...":
            assert regel in uit.splitlines(), f"regel uit de gids niet in de uitvoer: {regel!r}"
    assert "wetsvoorstel_versterking_vth.adressaat = deelnemers (aanname)" in uit
    vergelijking = _compare(
        capsys, _opdracht("openfisca-vth compare --reform wetsvoorstel_versterking_vth --reform ontwerp")
    )
    assert (
        "wetsvoorstel_versterking_vth: 7 van 27 omgevingsdiensten en 2 van 371 deelnemers veranderen." in vergelijking
    )
    assert "ontwerp_deelnemers_124b: 0 van 27 omgevingsdiensten en 346 van 371 deelnemers veranderen." in vergelijking
    assert re.search(r"waar de staatssecretaris kan bijsturen \(van 27\)\s+0\s+7 \(\+7\)\s+0", vergelijking)


def test_walk_through_met_de_aangenomen_datum(werkmap, capsys):
    uit = _compare(
        capsys,
        "openfisca-vth compare --basis wetsvoorstel_versterking_vth --reform uitstel_2027.yaml "
        "--period 2026-06 --variabelen robuust,bijsturingsbevoegdheid_staatssecretaris",
    )
    assert "0 van 27 omgevingsdiensten" in uit
    assert "robuustheidstermijn_verstreken" in uit

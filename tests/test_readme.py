"""The README shows what the package really does: its Python example runs and the status lines
it quotes are the real output."""

import contextlib
import io
import re
from pathlib import Path

import pytest

from openfisca_vth.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_het_bibliotheekvoorbeeld_draait():
    voorbeeld = re.findall(r"```python\n(.*?)```", README, re.S)[0]
    namespace = {}
    exec(compile(voorbeeld, "README.md", "exec"), namespace)
    # the comments in the example state these results
    assert namespace["rapport"].totalen["robuust"] == 15
    assert namespace["model"].status("2026-06", namespace["uitstel"]).hervorming == "uitstel_2027"


def test_het_python_voorbeeld_draait():
    (voorbeeld,) = re.findall(r"```python\n(.*?)```", README, re.S)[1:]
    namespace = {}
    exec(compile(voorbeeld, "README.md", "exec"), namespace)
    # the comments in the example state these results
    simulatie = namespace["simulatie"]
    assert simulatie.calculate("basistaak_ontbreekt_asbest_sloopactiviteiten", "2026-04").tolist() == [True, False]
    assert simulatie.calculate("interbestuurlijk_toezichthouder", "2026-04").decode_to_str().tolist() == [
        "gedeputeerde_staten",
        "minister",
    ]
    assert simulatie.calculate("robuust", "2026-04").tolist() == [False]


def _uitvoer(argumenten):
    uitvoer = io.StringIO()
    with contextlib.redirect_stdout(uitvoer):
        assert main(argumenten) == 0
    return uitvoer.getvalue()


@pytest.mark.parametrize(
    "opdracht",
    [
        "openfisca-vth status --period 2025-03",
        "openfisca-vth status --period 2026-04",
        "openfisca-vth status --period 2028-01 --reform wetsvoorstel_versterking_vth",
        "openfisca-vth explain odra --period 2026-04",
        "openfisca-vth compare --reform wetsvoorstel_versterking_vth --period 2025-01:2030-12",
        "openfisca-vth sweep robuustheidscriteria.kritieke_massa.minimum_fte_formatie --values 0:500:25 "
        "--period 2026-04",
    ],
)
def test_de_getoonde_statusregels_zijn_echt(opdracht):
    blok = README.split(f"$ {opdracht}\n", 1)[1].split("\n$ ", 1)[0].split("```", 1)[0]
    getoond = [regel for regel in blok.splitlines() if regel.strip() and regel.strip() != "..."]
    assert getoond, f"README toont geen uitvoer van {opdracht}"
    echt = _uitvoer(opdracht.split()[1:]).splitlines()
    for regel in getoond:
        assert regel in echt, f"README-regel {regel!r} staat niet in de uitvoer van {opdracht}"

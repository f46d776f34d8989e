"""``openfisca-vth status``: output formats, totals, reform, user dataset and exit codes."""

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from openfisca_vth.cli import main
from openfisca_vth.dataset import INGEBOUWD_DIR, laad_dataset
from openfisca_vth.rapport import bereken_status


def status(capsys, *argumenten):
    code = main(["status", *argumenten])
    uit = capsys.readouterr()
    return code, uit.out, uit.err


def status_json(capsys, *argumenten):
    code, uit, fout = status(capsys, *argumenten, "--format", "json")
    assert code == 0, fout
    return json.loads(uit)


def test_json_sleutels_en_totalen(capsys):
    rapport = status_json(capsys, "--period", "2026-04")
    assert {"periode", "hervorming", "omgevingsdiensten", "totalen", "illustratief"} <= set(rapport)
    assert rapport["periode"] == "2026-04" and rapport["hervorming"] is None
    # the keys of version 0.1 stay readable for one release
    assert rapport["period"] == "2026-04" and rapport["reform"] is None
    assert rapport["illustratief"] is True
    for dienst in rapport["omgevingsdiensten"]:
        assert {"code", "naam", "robuust", "niet_voldane_criteria", "bijsturingsbevoegdheid_staatssecretaris"} <= set(
            dienst
        )
        assert dienst["robuust"] == (dienst["niet_voldane_criteria"] == [])
    totalen = rapport["totalen"]
    assert totalen["omgevingsdiensten"] == len(rapport["omgevingsdiensten"]) == 27
    assert totalen["robuust"] == sum(d["robuust"] for d in rapport["omgevingsdiensten"]) == 15
    assert totalen["bijsturingsbevoegdheid_staatssecretaris"] == 0  # no power in current law


def test_maart_2025_toont_de_drie_robuuste_diensten(capsys):
    rapport = status_json(capsys, "--period", "2025-03")
    robuust = [d["naam"] for d in rapport["omgevingsdiensten"] if d["robuust"]]
    assert robuust == [
        "Omgevingsdienst Noordzeekanaalgebied",
        "Omgevingsdienst Brabant Noord",
        "Omgevingsdienst Zuidoost-Brabant",
    ]
    assert rapport["totalen"]["omgevingsdiensten"] == 28


def test_reden_van_niet_robuust_is_zichtbaar(capsys):
    rapport = status_json(capsys, "--period", "2026-01")
    dcmr = next(d for d in rapport["omgevingsdiensten"] if d["code"] == "dcmr")
    assert dcmr["niet_voldane_criteria"] == ["basistakenpakket"]
    # the provincie keeps its Seveso tasks in-house instead of at DCMR, its designated
    # Seveso-omgevingsdienst (Ow 18.22 lid 2); the minister concerned can act (Provw 121)
    [zuid_holland] = dcmr["deelnemers_met_ontbrekende_basistaken"]
    assert zuid_holland["id"] == "dcmr:PV28"
    assert zuid_holland["ontbrekende_basistaken"] == ["rie_categorie_4", "seveso_inrichtingen"]
    assert zuid_holland["seveso"] == {
        "aangewezen_omgevingsdienst": "dcmr",
        "plaatsing": "in_eigen_beheer",
        "ondergebracht_bij": "eigen_beheer",
    }
    assert zuid_holland["interbestuurlijk_toezichthouder"] == "minister"
    assert zuid_holland["inbreng_basistakenpakket_afdwingbaar"] is True
    [optreden] = zuid_holland["wie_kan_optreden"]
    assert optreden["url"] == "https://wetten.overheid.nl/jci1.3:c:BWBR0005645&artikel=121&lid=1"
    assert optreden["grondslag"].startswith("Provinciewet, art. 121") and optreden["nu_bevoegd"] is True
    # the other four Zuid-Holland deelnemers do not repeat the shortfall: it is checked once
    andere = [
        d
        for d in rapport["omgevingsdiensten"]
        for x in d["deelnemers_met_ontbrekende_basistaken"]
        if x["id"].endswith("PV28")
    ]
    assert [d["code"] for d in andere] == ["dcmr"]


def test_hervorming_geeft_bijsturingsbevoegdheid(capsys):
    huidig = status_json(capsys, "--period", "2028-01")
    hervormd = status_json(capsys, "--period", "2028-01", "--reform", "wetsvoorstel_versterking_vth")
    assert hervormd["hervorming"] == "wetsvoorstel_versterking_vth"
    assert huidig["totalen"]["bijsturingsbevoegdheid_staatssecretaris"] == 0
    niet_robuust = [d["code"] for d in hervormd["omgevingsdiensten"] if not d["robuust"]]
    bijsturing = [d["code"] for d in hervormd["omgevingsdiensten"] if d["bijsturingsbevoegdheid_staatssecretaris"]]
    assert niet_robuust and bijsturing == niet_robuust
    assert hervormd["totalen"]["bijsturingsbevoegdheid_staatssecretaris"] == len(niet_robuust)
    _, tabel, _ = status(capsys, "--period", "2028-01", "--reform", "wetsvoorstel_versterking_vth")
    assert f"Bijsturing mogelijk ({len(bijsturing)}): {', '.join(bijsturing)}." in tabel.replace("\n  ", " ")


def test_tabel_past_in_100_kolommen_en_is_gelabeld(capsys):
    code, uit, _ = status(capsys, "--period", "2026-04")
    assert code == 0
    regels = uit.splitlines()
    assert max(len(r) for r in regels) <= 100
    assert "ILLUSTRATIEF" in regels[1] + regels[2]
    assert "Totaal: 27 omgevingsdiensten, 15 robuust, 12 niet robuust" in uit
    assert "Robuust (15): odg, " in uit and "Bijsturing mogelijk" not in uit
    ongebroken = uit.replace("\n      ", " ")
    assert (
        "Beverwijk (gemeente, odijmond:GM0375): basistaken niet ingebracht: milieubelastende_activiteiten; "
        "wie kan optreden: gedeputeerde staten van Noord-Holland op grond van Gemeentewet, art. 124, eerste lid: "
        "indeplaatsstelling namens en ten laste van de gemeente"
    ) in ongebroken
    # the State Secretary only through Gemeentewet art. 124a (the letter's "niet of nauwelijks")
    assert (
        "op grond van Gemeentewet, art. 124a, eerste lid: alleen via een verzoek aan gedeputeerde staten van "
        "Noord-Holland" in ongebroken
    )


def test_csv(capsys):
    code, uit, _ = status(capsys, "--period", "2026-04", "--format", "csv")
    assert code == 0
    rijen = list(csv.DictReader(io.StringIO(uit)))
    assert len(rijen) == 27
    assert sum(r["robuust"] == "true" for r in rijen) == 15
    assert {r["illustratief"] for r in rijen} == {"true"}
    odwh = next(r for r in rijen if r["code"] == "odwh")
    assert odwh["deelnemers_met_ontbrekende_basistaken"] == "odwh:GM0534=bodem"


def test_markdown(capsys):
    code, uit, _ = status(capsys, "--period", "2026-04", "--format", "markdown")
    assert code == 0
    assert uit.startswith("## Status VTH-stelsel milieu, periode 2026-04")
    assert "> **LET OP.** ILLUSTRATIEF" in uit
    tabel = uit.split("### Regels waarop dit rapport rust")[0]
    assert sum(regel.startswith("| ") for regel in tabel.splitlines()) == 1 + 27
    # the memo ends with the rules it relied on, each with its status and a linked source
    regels = uit.split("### Regels waarop dit rapport rust")[1]
    assert "| `robuustheidscriteria.afgesproken` | ja | bestuurlijke_afspraak | [" in regels
    assert "(https://zoek.officielebekendmakingen.nl/kst-22343-419.html)" in regels


def test_eigen_dataset_is_niet_illustratief(capsys, tmp_path):
    map_ = tmp_path / "eigen"
    shutil.copytree(INGEBOUWD_DIR, map_)
    (map_ / "dataset.yaml").unlink()
    rapport = status_json(capsys, "--period", "2026-04", "--dataset", str(map_))
    assert rapport["illustratief"] is False
    assert rapport["dataset"]["bron"] == str(map_)
    assert rapport["totalen"]["robuust"] == 15
    code, uit, _ = status(capsys, "--period", "2026-04", "--dataset", str(map_))
    assert "ILLUSTRATIEF" not in uit.splitlines()[2]


@pytest.mark.parametrize(
    "argumenten, melding",
    [
        (["--period", "2026-13"], "ongeldige periode"),
        (["--period", ""], "ongeldige periode ''"),  # was silently the current month
        (["--period", "2015-01"], "2016-04"),
        (["--period", "2023-12"], "buiten de dekking"),
        (["--dataset", "/bestaat/niet"], "niet gevonden"),
        (["--reform", "bestaat_niet"], "onbekende hervorming"),
    ],
)
def test_foute_invoer_een_regel_en_status_2(capsys, argumenten, melding):
    code, uit, fout = status(capsys, *argumenten)
    assert code == 2
    assert uit == ""
    assert fout.count("\n") == 1 and melding in fout
    assert fout.startswith("openfisca-vth status: fout: ")


def test_ongeldige_dataset_een_regel_en_status_2(capsys, tmp_path):
    map_ = tmp_path / "fout"
    shutil.copytree(INGEBOUWD_DIR, map_)
    pad = map_ / "invoer_omgevingsdiensten.csv"
    pad.write_text(pad.read_text(encoding="utf-8").replace("fumo,,,300,", "fumo,,,-1,"), encoding="utf-8")
    code, _, fout = status(capsys, "--dataset", str(map_), "--period", "2026-04")
    assert code == 2
    assert "negatieve of ongeldige fte '-1'" in fout and fout.count("\n") == 1


def test_standaardperiode_is_de_huidige_maand(capsys, monkeypatch):
    from openfisca_vth.cli import opties

    monkeypatch.setattr(opties, "huidige_maand", lambda: "2025-03")
    assert status_json(capsys)["periode"] == "2025-03"


def test_rapport_via_de_bibliotheek(tax_benefit_system):
    rapport = bereken_status(laad_dataset(), tax_benefit_system, "2026-04")
    assert rapport.totalen["robuust"] == 15
    assert [d.code for d in rapport.omgevingsdiensten] == [d.code for d in laad_dataset().omgevingsdiensten("2026-04")]


def test_console_script_end_to_end():
    # Speed is measured in the benchmark suite, not asserted here (the machine is small and noisy).
    script = Path(sys.executable).parent / "openfisca-vth"
    if not script.is_file():
        script = shutil.which("openfisca-vth")
        if script is None:
            pytest.skip("console script openfisca-vth is not installed")
    klaar = subprocess.run(
        [str(script), "status", "--period", "2026-04", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert klaar.returncode == 0, klaar.stderr
    assert json.loads(klaar.stdout)["totalen"]["robuust"] == 15


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is a Linux device")
def test_volle_schijf_een_regel_en_status_2():
    # Writing the report onto a full disk used to end in a traceback at interpreter exit.
    with open("/dev/full", "w") as vol:
        klaar = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from openfisca_vth.cli import main; sys.exit(main())",
                "status",
                "--period",
                "2026-04",  # a fixed month: the current one leaves the dataset's coverage some day
            ],  # fmt: skip
            stdout=vol,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert klaar.returncode == 2
    regels = klaar.stderr.strip().splitlines()
    assert len(regels) == 1 and "Traceback" not in klaar.stderr
    assert regels[0].startswith("openfisca-vth status: fout: lezen of schrijven mislukt")


def test_seveso_categorieen_komen_uit_de_regels_in_werking(tmp_path, dataset, baseline):
    # the report reads which tasks are reserved to the Seveso dienst from the parameters, not a list in code
    from openfisca_vth.reforms import laad_hervorming

    alle_twee = {"seveso_inrichtingen", "rie_categorie_4"}
    assert set(bereken_status(dataset, baseline, "2026-04").seveso_categorieen) == alle_twee
    bestand = tmp_path / "rie4_vrij.yaml"
    bestand.write_text(
        "naam: rie4_vrij\ntoelichting: test\nwijzigingen:\n"
        "  basistakenpakket.taakcategorieen.rie_categorie_4.uitsluitend_seveso_omgevingsdienst:\n"
        "    2026-01-01: false\n",
        encoding="utf-8",
    )
    hervormd = laad_hervorming(str(bestand), baseline)
    assert set(bereken_status(dataset, hervormd, "2025-12").seveso_categorieen) == alle_twee
    assert bereken_status(dataset, hervormd, "2026-01").seveso_categorieen == ("seveso_inrichtingen",)


def test_json_toont_elke_deelnemer_die_de_tabel_noemt(capsys):
    """The JSON drops no deelnemer the table shows a line for: those missing basistaken with every
    field, and those that can be held to a statutory criterion the dienst fails (issue 12)."""
    import openfisca_vth as vth

    rapport = vth.status("2028-01", "wetsvoorstel_versterking_vth")
    data = rapport.naar_dict()
    aanspreekbaar = [x for d in data["omgevingsdiensten"] for x in d["deelnemers_aanspreekbaar_op_criteria"]]
    verwacht = [
        x
        for d in rapport.omgevingsdiensten
        for x in d.deelnemers
        if any(o.onderwerp == "criteria" for o in x.wie_kan_optreden)
    ]
    assert aanspreekbaar and [x["id"] for x in aanspreekbaar] == [x.id for x in verwacht]
    assert all(any(o["onderwerp"] == "criteria" for o in x["wie_kan_optreden"]) for x in aanspreekbaar)
    ontbrekend = [x for d in data["omgevingsdiensten"] for x in d["deelnemers_met_ontbrekende_basistaken"]]
    assert ontbrekend and all(set(x) == set(rapport.omgevingsdiensten[0].deelnemers[0].naar_dict()) for x in ontbrekend)
    assert data["seveso_categorieen"] == list(rapport.seveso_categorieen)


@pytest.mark.parametrize(
    ("dag", "grondslag"),
    [
        ("2017-06-30", ""),  # no category reserved to the Seveso dienst yet
        ("2017-07-01", "Besluit omgevingsrecht, art. 7.1 en bijlage IV, zoals gewijzigd bij Stb. 2017, 193"),
        ("2023-12-31", "Besluit omgevingsrecht, art. 7.1 en bijlage IV, zoals gewijzigd bij Stb. 2017, 193"),
        ("2024-01-01", "Omgevingswet, art. 18.22, tweede lid"),
    ],
)
def test_de_seveso_grondslag_volgt_de_regel_in_werking(tax_benefit_system, dag, grondslag):
    """Found in review: reports cited Ow 18.22 lid 2 as a literal; the article is now the source of
    the reservation in force (the Bor before 2024, the Omgevingswet from 2024)."""
    from openfisca_vth.taakcategorieen import seveso_grondslag

    assert seveso_grondslag(tax_benefit_system.parameters, dag) == grondslag


def test_wie_kan_optreden_volgt_de_regel_over_de_hersteltermijn(tmp_path, dataset, baseline):
    """Found in review: 'uit te voeren na de hersteltermijn' was written as text whatever the rule in
    force; a reform that lets the supervisor act at once now drops it."""
    from openfisca_vth.rapport import bereken_status
    from openfisca_vth.reforms import laad_hervorming

    bestand = tmp_path / "direct.yaml"
    bestand.write_text(
        "naam: direct\ntoelichting: test\nwijzigingen:\n"
        "  interbestuurlijk_toezicht.uitvoering_pas_na_hersteltermijn:\n    2016-04-14: false\n",
        encoding="utf-8",
    )

    def teksten(systeem):
        rapport = bereken_status(dataset, systeem, "2026-04")
        return [o.hoe for d in rapport.omgevingsdiensten for x in d.deelnemers for o in x.wie_kan_optreden]

    assert any("na de hersteltermijn" in t for t in teksten(baseline))
    direct = teksten(laad_hervorming(str(bestand), baseline))
    assert direct and not any("hersteltermijn" in t for t in direct)

"""Baseline against reform: the library (openfisca_vth.vergelijking) and ``openfisca-vth compare``.

Small situations built here give exact expectations; one test runs on the embedded national
dataset (the default input) and checks only what the reform must do to every dienst.
"""

import csv
import io
import json

import pytest

from openfisca_vth.cli import main
from openfisca_vth.reforms import laad_hervorming
from openfisca_vth.vergelijking import KOPVARIABELEN, vergelijk

OP_ORDE = {
    "ingebracht_milieubelastende_activiteiten": {"2026": True, "2027": True, "2028": True},
    "ingebracht_asbest_sloopactiviteiten": {"2026": True, "2027": True, "2028": True},
    "ingebracht_bodem": {"2026": True, "2027": True, "2028": True},
    "mandaat_verleend": {"2026": True, "2027": True, "2028": True},
    "regionale_strategie_vastgesteld": {"2026": True, "2027": True, "2028": True},
}
SITUATIE = {
    "deelnemers": {"gemeente_niet_op_orde": {}, "gemeente_op_orde": OP_ORDE},
    "omgevingsdiensten": {
        "od_niet_robuust": {"gemeenten": ["gemeente_niet_op_orde"]},
        "od_robuust": {
            "gemeenten": ["gemeente_op_orde"],
            "voldoet_aan_kwaliteitscriteria": {"2026": True, "2027": True, "2028": True},
            "financiering_conform_systematiek": {"2026": True, "2027": True, "2028": True},
        },
    },
}


@pytest.fixture(scope="module")
def wetsvoorstel(baseline):
    return laad_hervorming("wetsvoorstel_versterking_vth", baseline)


def _verschillen(uitkomst):
    return {(v.entiteit, v.id, v.variabele): (v.voor, v.na) for v in uitkomst.verschillen}


def test_voor_de_inwerkingtreding_verandert_alleen_de_grondslag(baseline, wetsvoorstel):
    uitkomst = vergelijk(baseline, wetsvoorstel, "2027-12", SITUATIE)
    assert uitkomst.verschillen == ()
    assert uitkomst.regels == ()
    assert [(t.variabele, t.voor, t.na) for t in uitkomst.totalen][:2] == [
        ("robuust", 1, 1),
        ("bijsturingsbevoegdheid_staatssecretaris", 0, 0),
    ]


def test_na_de_inwerkingtreding_alleen_wat_verandert(baseline, wetsvoorstel):
    uitkomst = vergelijk(baseline, wetsvoorstel, "2028-01", SITUATIE)
    # the asked-about results (KOPVARIABELEN) that change; intermediate variables of the model may
    # change too, but only for the same dienst and deelnemer
    assert {k: w for k, w in _verschillen(uitkomst).items() if k[2] in KOPVARIABELEN} == {
        ("omgevingsdienst", "od_niet_robuust", "bijsturingsbevoegdheid_staatssecretaris"): (False, True),
        ("deelnemer", "gemeente_niet_op_orde", "inbreng_basistakenpakket_afdwingbaar"): (False, True),
    }
    assert {v.id for v in uitkomst.verschillen} == {"od_niet_robuust", "gemeente_niet_op_orde"}
    kop = uitkomst.kop()
    assert (kop["omgevingsdienst"], kop["deelnemer"]) == (1, 1)
    deelnemer = uitkomst.verschillen_van("deelnemer")[0]
    assert deelnemer.omgevingsdienst == "od_niet_robuust"
    totalen = {t.variabele: (t.voor, t.na, t.van) for t in uitkomst.totalen}
    assert totalen["robuust"] == (1, 1, 2)
    assert totalen["bijsturingsbevoegdheid_staatssecretaris"] == (0, 1, 2)
    assert totalen["inbreng_basistakenpakket_afdwingbaar"] == (0, 1, 2)
    # the memo names the assumptions the outcome rests on
    aannames = {a.parameter: (a.waarde, a.status) for a in uitkomst.aannames}
    assert aannames["wetsvoorstel_versterking_vth.inwerkingtreding"] == ("2028-01-01", "aanname")
    assert aannames["wetsvoorstel_versterking_vth.vorm_bijsturingsbevoegdheid"] == ("aanwijzing", "aanname")
    regels = {r.parameter: (r.voor, r.na, r.status_voor, r.status_na) for r in uitkomst.regels}
    # the absence of the power is current law (wet); the bill's value rests on the bill
    assert regels["bijsturingsbevoegdheid.robuustheid.in_werking"] == (False, True, "wet", "wetsvoorstel")
    assert regels["robuustheidstermijn_verstreken"] == (
        True,
        True,
        "bestuurlijke_afspraak",
        "wetsvoorstel",
    )


def test_een_bouwer_en_een_situatie_geven_hetzelfde(baseline, wetsvoorstel):
    from openfisca_core.simulation_builder import SimulationBuilder

    gebouwd = []

    def bouwer(systeem, periode):
        gebouwd.append(systeem)
        return SimulationBuilder().build_from_entities(systeem, SITUATIE)

    via_bouwer = vergelijk(baseline, wetsvoorstel, "2028-01", bouwer)
    assert gebouwd == [baseline, wetsvoorstel]
    assert via_bouwer.verschillen == vergelijk(baseline, wetsvoorstel, "2028-01", SITUATIE).verschillen


def test_enum_en_getallen_worden_vergeleken(baseline, tmp_path):
    # broadening the BTP: counts (int) and booleans change for the gemeente that lacks the tasks
    hervormd = laad_hervorming("verbreding_basistakenpakket", baseline)
    uitkomst = vergelijk(baseline, hervormd, "2028-01", SITUATIE)
    verschillen = _verschillen(uitkomst)
    assert verschillen[("deelnemer", "gemeente_op_orde", "aantal_ontbrekende_basistaken")] == (0, 2)
    assert verschillen[("omgevingsdienst", "od_robuust", "robuust")] == (True, False)
    assert verschillen[("deelnemer", "gemeente_op_orde", "interbestuurlijk_toezicht_mogelijk")] == (
        False,
        True,
    )
    # the Enum interbestuurlijk_toezichthouder does not change, so it is not reported
    assert not any(v.variabele == "interbestuurlijk_toezichthouder" for v in uitkomst.verschillen)


@pytest.fixture
def situatie_bestand(tmp_path):
    pad = tmp_path / "situatie.json"
    pad.write_text(json.dumps(SITUATIE), encoding="utf-8")
    return str(pad)


def _compare(capsys, *argumenten):
    status = main(["compare", *argumenten])
    uit = capsys.readouterr()
    return status, uit.out, uit.err


def test_compare_json(capsys, situatie_bestand):
    status, uit, fout = _compare(
        capsys,
        "--reform",
        "wetsvoorstel_versterking_vth",
        "--period",
        "2028-01",
        "--situatie",
        situatie_bestand,
        "--format",
        "json",
    )
    assert (status, fout) == (0, "")
    data = json.loads(uit)
    assert data["periode"] == "2028-01" and data["basis"] == "huidig recht"
    gevraagd = set(data["kopvariabelen"])
    assert {
        (v["id"], v["variabele"], v["voor"], v["na"]) for v in data["verschillen"] if v["variabele"] in gevraagd
    } == {
        ("od_niet_robuust", "bijsturingsbevoegdheid_staatssecretaris", False, True),
        ("gemeente_niet_op_orde", "inbreng_basistakenpakket_afdwingbaar", False, True),
    }
    assert {v["id"] for v in data["verschillen"]} == {"od_niet_robuust", "gemeente_niet_op_orde"}


def test_compare_csv_en_table(capsys, situatie_bestand):
    argumenten = ["--reform", "wetsvoorstel_versterking_vth", "--period", "2028-01", "--situatie", situatie_bestand]
    status, uit, _ = _compare(capsys, *argumenten, "--format", "csv")
    rijen = list(csv.DictReader(io.StringIO(uit)))
    assert status == 0
    assert {r["id"] for r in rijen if r["soort"] == "omgevingsdienst"} == {"od_niet_robuust"}
    assert {r["variabele"] for r in rijen if r["soort"] == "totaal"} >= {
        "robuust",
        "bijsturingsbevoegdheid_staatssecretaris",
    }
    status, uit, _ = _compare(capsys, *argumenten)
    assert status == 0
    assert "1 van 2 omgevingsdiensten en 1 van 2 deelnemers veranderen." in uit
    assert "od_robuust" not in uit  # only what changes


def test_compare_markdown_is_een_memotabel(capsys, situatie_bestand):
    status, uit, _ = _compare(
        capsys,
        "--reform",
        "uitstel_termijn_2027",
        "--period",
        "2026-06",
        "--situatie",
        situatie_bestand,
        "--format",
        "markdown",
    )
    assert status == 0
    assert uit.startswith("## Vergelijking huidig recht met hervorming uitstel_termijn_2027, periode 2026-06")
    assert "| robuustheidstermijn_verstreken | ja (bestuurlijke_afspraak) | nee (aanname) |" in uit
    assert "| od_niet_robuust | robuustheidstermijn_verstreken | ja | nee |" in uit
    assert "### Aannames van de hervorming\n\nGeen." in uit  # a plain file brings no assumptions


def test_compare_met_basis(capsys, situatie_bestand):
    # Under the bill in force 1 July 2027 the postponement to 1 January 2027 changes nothing in
    # 2027-08, but in 2026-12 the deadline itself differs.
    argumenten = [
        "--reform",
        "uitstel_termijn_2027",
        "--basis",
        "wetsvoorstel_per_2027_07",
        "--situatie",
        situatie_bestand,
        "--format",
        "json",
    ]
    status, uit, _ = _compare(capsys, *argumenten, "--period", "2027-08")
    assert status == 0 and json.loads(uit)["verschillen"] == []
    status, uit, _ = _compare(capsys, *argumenten, "--period", "2026-12")
    data = json.loads(uit)
    assert data["basis"] == "wetsvoorstel_per_2027_07"
    assert {v["variabele"] for v in data["verschillen"]} == {"robuustheidstermijn_verstreken"}


@pytest.mark.parametrize(
    "argumenten, fragment",
    [
        (["--reform", "uitstel_termijn_2027", "--period", "2026-13"], "ongeldige periode"),
        (["--reform", "uitstel_termijn_2027", "--period", "2015-01"], "2016-04"),
        (["--reform", "bestaat_niet"], "onbekende hervorming 'bestaat_niet'"),
        (["--reform", "uitstel_termijn_2027", "--situatie", "/geen/situatie.json"], "niet gevonden"),
    ],
)
def test_compare_foute_invoer_geeft_status_2(capsys, argumenten, fragment):
    status, uit, fout = _compare(capsys, *argumenten)
    assert status == 2 and uit == ""
    assert fragment in fout and fout.count("\n") == 1 and "Traceback" not in fout


def test_compare_zonder_reform_is_een_gebruiksfout(capsys):
    with pytest.raises(SystemExit) as uitgang:
        main(["compare", "--period", "2026-06"])
    assert uitgang.value.code == 2
    assert "--reform" in capsys.readouterr().err


def test_compare_op_de_landelijke_dataset(capsys):
    # The default input: every dienst of the embedded dataset. Postponing the deadline changes
    # the deadline of every dienst in 2026-06 and nothing about robustness itself.
    status, uit, fout = _compare(capsys, "--reform", "uitstel_termijn_2027", "--period", "2026-06", "--format", "json")
    assert (status, fout) == (0, "")
    data = json.loads(uit)
    diensten = data["aantal"]["omgevingsdienst"]
    assert diensten >= 20
    veranderd = {v["id"] for v in data["verschillen"] if v["entiteit"] == "omgevingsdienst"}
    assert len(veranderd) == diensten
    assert {v["variabele"] for v in data["verschillen"]} == {"robuustheidstermijn_verstreken"}
    robuust = next(t for t in data["totalen"] if t["variabele"] == "robuust")
    assert robuust["voor"] == robuust["na"]
    assert data["invoer"].startswith("dataset ")
    # the embedded inputs are illustrative: the report says so, for a memo reader too
    assert "ILLUSTRATIEF" in data["waarschuwing"]


def test_compare_variabelen_beperkt_de_verschillen(capsys, situatie_bestand):
    argumenten = ["--reform", "uitstel_termijn_2027", "--period", "2026-06", "--situatie", situatie_bestand]
    status, uit, _ = _compare(capsys, *argumenten, "--format", "json", "--variabelen", "robuust")
    data = json.loads(uit)
    assert status == 0 and data["verschillen"] == []
    assert len(data["totalen"]) == 5  # the totals stay
    status, _, fout = _compare(capsys, *argumenten, "--variabelen", "robust")
    assert status == 2 and "bedoelt u 'robuust'?" in fout


def test_compare_bouwt_elk_stelsel_een_keer(capsys, situatie_bestand, monkeypatch):
    import openfisca_vth
    import openfisca_vth.reforms

    gebouwd = {"basis": 0, "hervorming": 0}
    echte_init = openfisca_vth.CountryTaxBenefitSystem.__init__
    echte_laad = openfisca_vth.reforms.laad_hervorming

    def init(self):
        gebouwd["basis"] += 1
        echte_init(self)

    def laad(spec, baseline):
        gebouwd["hervorming"] += 1
        return echte_laad(spec, baseline)

    monkeypatch.setattr(openfisca_vth.CountryTaxBenefitSystem, "__init__", init)
    monkeypatch.setattr(openfisca_vth.reforms, "laad_hervorming", laad)
    # as in a fresh process: the current-law system every model shares is not built yet
    monkeypatch.setattr(openfisca_vth.model, "_huidig_recht", None)
    status, _, _ = _compare(
        capsys, "--reform", "wetsvoorstel_versterking_vth", "--period", "2028-01", "--situatie", situatie_bestand
    )
    assert status == 0
    assert gebouwd == {"basis": 1, "hervorming": 1}


@pytest.mark.parametrize(
    "deelnemer_a, fragment",
    [
        ({"ingebracht_bodm": True}, "deelnemers/a/ingebracht_bodm: onbekende variabele 'ingebracht_bodm'; bedoelt u"),
        ({"ingebracht_bodem": {"2026-4x": True}}, "ongeldige periode '2026-4x': gebruik JJJJ of JJJJ-MM"),
        ({"ingebracht_bodem": {"2026": True, "2026-04": False}}, "ingebracht_bodem: invoer voor ingebracht_bodem"),
    ],
)
def test_compare_foute_situatie_is_een_nederlandse_regel(capsys, tmp_path, deelnemer_a, fragment):
    bestand = tmp_path / "situatie.json"
    situatie = {"deelnemers": {"a": deelnemer_a}, "omgevingsdiensten": {"od": {"gemeenten": ["a"]}}}
    bestand.write_text(json.dumps(situatie), encoding="utf-8")
    status, uit, fout = _compare(
        capsys, "--reform", "uitstel_termijn_2027", "--period", "2026-06", "--situatie", str(bestand)
    )
    assert status == 2 and uit == ""
    assert fragment in fout
    assert len(fout.strip().splitlines()) == 1 and "Traceback" not in fout
    assert "was not found" not in fout and "Expected a period" not in fout

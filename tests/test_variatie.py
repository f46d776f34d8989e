"""Sweeps (openfisca_vth.variatie, ``openfisca-vth sweep``).

The reference for every value is what a drafter would otherwise do: a reform file that sets the
value, and ``status`` under it. The stacked driver must give the same totals and the same robust
diensten; so must the value-by-value driver. Speed is measured in benchmarks/, not here.
"""

import json

import pytest

from openfisca_vth.cli import main
from openfisca_vth.rapport import bereken_status
from openfisca_vth.reforms import laad_hervorming
from openfisca_vth.variatie import GESTAPELD, PER_WAARDE, VariatieFout, lees_waarden, varieer, zoek_parameter

MINIMUM = "robuustheidscriteria.kritieke_massa.minimum_fte_formatie"
SEVESO = "basistakenpakket.taakcategorieen.seveso_inrichtingen.uitsluitend_seveso_omgevingsdienst"


def _met_bestand(tmp_path, baseline, pad, waarde, basis=None):
    """The system a drafter builds by hand: a reform file that sets ``pad`` to ``waarde``."""
    tekst = json.dumps(waarde) if not isinstance(waarde, str) else f"'{waarde}'"
    regels = ["naam: handmatig", "toelichting: test"]
    if basis:
        regels.append(f"basis: {basis}")
    regels += ["wijzigingen:", f"  {pad}:", f"    2016-04-14: {tekst}"]
    bestand = tmp_path / "handmatig.yaml"
    bestand.write_text("\n".join(regels) + "\n", encoding="utf-8")
    return laad_hervorming(str(bestand), baseline)


def _verwacht(tmp_path, dataset, baseline, pad, waarde, periode, basis=None):
    rapport = bereken_status(dataset, _met_bestand(tmp_path, baseline, pad, waarde, basis), periode)
    return rapport.totalen, frozenset(d.code for d in rapport.omgevingsdiensten if d.robuust)


@pytest.mark.parametrize(
    ("pad", "waarden", "periode", "hervorming", "werkwijze"),
    [
        # the drafter's question: both sides of each dienst's threshold (odnzkg fails from 136 fte)
        (MINIMUM, [0.0, 135.0, 136.0, 405.0, 406.0], "2026-04", None, GESTAPELD),
        ("werkgebied.wettelijke_eis", [True, False], "2026-04", None, GESTAPELD),
        ("basistakenpakket.taakcategorieen.bodem.is_basistaak", [True, False], "2026-04", None, GESTAPELD),
        # which criteria count: read as arrays since issue 11, so stacked too
        ("robuustheidscriteria.kritieke_massa.van_toepassing", [True, False], "2026-04", None, GESTAPELD),
        (
            "robuustheidscriteria.onafhankelijkheid.van_toepassing",
            [True, False],
            "2028-01",
            "wetsvoorstel_versterking_vth",
            GESTAPELD,
        ),
        # read at Python level (whether a task is reserved to the Seveso dienst): value by value
        (SEVESO, [True, False], "2026-04", None, PER_WAARDE),
        # a choice of the bill, turned into other rules when the reform is built
        (
            "wetsvoorstel_versterking_vth.inwerkingtreding",
            ["2028-06-30", "2028-07-01"],
            "2028-06",
            "wetsvoorstel_versterking_vth",
            PER_WAARDE,
        ),
    ],
    ids=[
        "minimum formatie",
        "werkgebied",
        "bodem basistaak",
        "kritieke massa telt",
        "onafhankelijkheid telt",
        "seveso exclusief",
        "inwerkingtreding",
    ],  # fmt: skip
)
def test_elke_waarde_gelijk_aan_een_hervormingsbestand(
    tmp_path, dataset, baseline, pad, waarden, periode, hervorming, werkwijze
):
    variatie = varieer(dataset, baseline, pad, waarden, periode, hervorming=hervorming)
    assert variatie.werkwijze == werkwijze, variatie.reden
    for uitkomst in variatie.uitkomsten:
        totalen, robuust = _verwacht(tmp_path, dataset, baseline, pad, uitkomst.waarde, periode, basis=hervorming)
        assert uitkomst.totalen == totalen, uitkomst.waarde
        assert uitkomst.robuust == robuust, uitkomst.waarde


def test_de_drempel_van_een_dienst_en_de_wisseling(dataset, baseline):
    variatie = varieer(dataset, baseline, MINIMUM, [135.0, 136.0], "2026-04")
    voor, na = variatie.uitkomsten
    assert "odnzkg" in voor.robuust and "odnzkg" not in na.robuust
    assert voor.totalen["robuust"] == na.totalen["robuust"] + 1
    (wissel,) = variatie.wisselingen
    assert (wissel.code, wissel.uitkomst, wissel.van_waarde, wissel.naar_waarde, wissel.wordt) == (
        "odnzkg",
        "robuust",
        135.0,
        136.0,
        False,
    )


def test_inwerkingtreding_aan_beide_kanten_van_de_maand(dataset, baseline):
    # in force on the last day of June 2028 (the peildatum): the power exists in 2028-06; a day later: not yet
    variatie = varieer(
        dataset,
        baseline,
        "wetsvoorstel_versterking_vth.inwerkingtreding",
        ["2028-06-30", "2028-07-01"],
        "2028-06",
        hervorming="wetsvoorstel_versterking_vth",
    )
    op_tijd, te_laat = variatie.uitkomsten
    assert op_tijd.totalen["bijsturingsbevoegdheid_staatssecretaris"] > 0
    assert te_laat.totalen["bijsturingsbevoegdheid_staatssecretaris"] == 0


def test_gestapeld_en_per_waarde_geven_hetzelfde_over_een_bereik(dataset, baseline):
    waarden = lees_waarden("0:450:15", zoek_parameter(baseline.parameters, MINIMUM))
    gestapeld = varieer(dataset, baseline, MINIMUM, waarden, "2026-04")
    per_waarde = varieer(dataset, baseline, MINIMUM, waarden, "2026-04", werkwijze=PER_WAARDE)
    assert gestapeld.werkwijze == GESTAPELD and per_waarde.werkwijze == PER_WAARDE
    assert [u.totalen for u in gestapeld.uitkomsten] == [u.totalen for u in per_waarde.uitkomsten]
    assert gestapeld.wisselingen == per_waarde.wisselingen
    assert len({u.totalen["robuust"] for u in gestapeld.uitkomsten}) > 5  # the range crosses many thresholds


def test_het_basisstelsel_blijft_ongemoeid(dataset, baseline):
    voor = bereken_status(dataset, baseline, "2026-04").totalen
    varieer(dataset, baseline, MINIMUM, [0.0, 500.0], "2026-04")
    varieer(dataset, baseline, "robuustheidscriteria.kritieke_massa.van_toepassing", [False], "2026-04")
    assert bereken_status(dataset, baseline, "2026-04").totalen == voor
    assert baseline.parameters(MAAND_PEILDATUM).robuustheidscriteria.kritieke_massa.minimum_fte_formatie == 0


MAAND_PEILDATUM = "2026-04-30"


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("0:3", [0, 1, 2, 3]),
        ("10:20:5", [10, 15, 20]),
        ("1.5,2.5", [1.5, 2.5]),
    ],
)
def test_waarden_lezen(baseline, tekst, verwacht):
    assert lees_waarden(tekst, zoek_parameter(baseline.parameters, MINIMUM)) == verwacht


def test_datums_met_een_stap_in_maanden(baseline):
    systeem = laad_hervorming("wetsvoorstel_versterking_vth", baseline)
    datum = zoek_parameter(systeem.parameters, "wetsvoorstel_versterking_vth.inwerkingtreding")
    assert lees_waarden("2027-01-01:2028-01-01:6", datum) == ["2027-01-01", "2027-07-01", "2028-01-01"]


@pytest.mark.parametrize(
    ("argumenten", "fragment"),
    [
        (["robuustheidscriteria.kritieke_massa.minimum_fte", "--values", "0:9"], "bedoelt u"),
        ([MINIMUM, "--values", "9:0"], "STOP ligt onder START"),
        ([MINIMUM, "--values", "0:9:0"], "groter dan 0"),
        ([MINIMUM, "--values=-5,5"], "buiten het bereik"),  # a leading minus needs the = form (argparse)
        ([MINIMUM, "--values", "a,b"], "geen getal"),
        ([MINIMUM, "--values", "0:100000"], "te veel"),
        ([MINIMUM, "--values", "1,1"], "meer dan eens"),
        ([MINIMUM, "--values", "nan"], "geen eindig getal"),
        (["werkgebied.wettelijke_eis", "--values", "misschien"], "geen ja/nee-waarde"),
        ([MINIMUM, "--values", "0:9", "--period", "2015-01"], "2016-04"),
        ([MINIMUM, "--values", "0:9", "--reform", "bestaat_niet"], "onbekende hervorming"),
        (["wetsvoorstel_versterking_vth.inwerkingtreding", "--values", "2027-01-01"], "keuze van de hervorming"),
    ],
)
def test_foute_invoer_een_regel_en_status_2(capsys, argumenten, fragment):
    assert main(["sweep", *argumenten]) == 2
    uit, fout = capsys.readouterr()
    assert uit == "" and fout.count("\n") == 1 and "Traceback" not in fout
    assert fout.startswith("openfisca-vth sweep: fout: ") and fragment in fout, fout


def test_per_waarde_heeft_een_grens_met_uitleg(dataset, baseline):
    with pytest.raises(VariatieFout, match="ten hoogste 200"):
        varieer(dataset, baseline, MINIMUM, list(range(201)), "2026-04", werkwijze=PER_WAARDE)


def test_json_met_de_sleutels_van_status(capsys):
    assert main(["sweep", MINIMUM, "--values", "0,200", "--period", "2026-04", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert main(["status", "--period", "2026-04", "--format", "json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert [w["waarde"] for w in data["waarden"]] == [0, 200]
    assert set(data["waarden"][0]["totalen"]) == set(status["totalen"])
    assert data["waarden"][0]["totalen"] == status["totalen"]  # 0 fte is the value in force
    assert data["werkwijze"] == GESTAPELD and data["wisselingen"]


def test_tabel_groepeert_en_noemt_de_omslag(capsys):
    assert main(["sweep", MINIMUM, "--values", "130:140", "--period", "2026-04"]) == 0
    uit = capsys.readouterr().out
    assert "130 t/m 135" in uit and "136 t/m 140" in uit
    assert "odnzkg" in uit and "niet robuust vanaf 136 (bij 135: robuust)" in uit
    assert max(len(regel) for regel in uit.splitlines()) <= 120


def test_csv_een_rij_per_waarde(capsys):
    assert main(["sweep", MINIMUM, "--values", "0:4", "--period", "2026-04", "--format", "csv"]) == 0
    regels = capsys.readouterr().out.splitlines()
    assert len(regels) == 6 and regels[0].startswith("parameter,periode,waarde,omgevingsdiensten,robuust")


@pytest.mark.parametrize("maand", ["2024-06", "2026-04", "2028-06"])
def test_kopieen_rekenen_elk_als_de_maand_zelf(dataset, baseline, maand):
    # the stacked driver rests on this: N copies of a month give N times the month's results, also
    # where a rule spans diensten (a provincie's Seveso duty exists once per copy)
    import numpy

    from openfisca_vth.taakcategorieen import TAAKCATEGORIEEN

    variabelen = [
        "robuust",
        "draagt_seveso_plicht",
        "aangewezen_seveso_omgevingsdienst",
        "bijsturingsbevoegdheid_staatssecretaris",
        "interbestuurlijk_toezichthouder",
        *(f"basistaak_ontbreekt_{c.code}" for c in TAAKCATEGORIEEN),
    ]
    een = dataset.simulatie(baseline, maand)
    drie = dataset.simulatie(baseline, maand, kopieen=3)
    for variabele in variabelen:
        enkel, gestapeld = een.calculate(variabele, maand), drie.calculate(variabele, maand)
        if hasattr(enkel, "decode_to_str"):
            enkel, gestapeld = enkel.decode_to_str(), gestapeld.decode_to_str()
        assert (numpy.tile(enkel, 3) == gestapeld).all(), variabele
    assert een.calculate("draagt_seveso_plicht", maand).sum() > 0  # the cross-dienst rule is exercised


def test_kopieen_moet_een_positief_geheel_getal_zijn(dataset, baseline):
    with pytest.raises(ValueError, match="kopieen"):
        dataset.simulatie(baseline, "2026-04", kopieen=0)


def test_plot_per_waarde(tmp_path, capsys):
    png, svg = tmp_path / "minimum.png", tmp_path / "inwerkingtreding.svg"
    assert main(["sweep", MINIMUM, "--values", "0:450:50", "--period", "2026-04", "--plot", str(png)]) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    argumenten = ["wetsvoorstel_versterking_vth.inwerkingtreding", "--values", "2027-01-01:2029-01-01:6"]
    argumenten += ["--period", "2028-06", "--reform", "wetsvoorstel_versterking_vth", "--plot", str(svg)]
    assert main(["sweep", *argumenten]) == 0
    tekst = svg.read_text(encoding="utf-8")
    assert "<svg" in tekst and "bijsturing mogelijk" in tekst
    capsys.readouterr()


@pytest.mark.parametrize(
    ("argumenten", "fragment"),
    [
        (["werkgebied.wettelijke_eis", "--values", "true,false", "--plot", "x.png"], "getallen of datums"),
        ([MINIMUM, "--values", "0:9", "--plot", "x.pdf"], "eindigt op .png of .svg"),
    ],
)
def test_plot_foute_invoer(tmp_path, capsys, argumenten, fragment):
    assert main(["sweep", *argumenten]) == 2
    assert fragment in capsys.readouterr().err


def test_ja_nee_omslag_zegt_bij_niet_vanaf(capsys):
    argumenten = ["basistakenpakket.taakcategorieen.bouw_toezicht.is_basistaak", "--values", "false,true"]
    assert main(["sweep", *argumenten, "--period", "2026-04"]) == 0
    uit = capsys.readouterr().out
    assert "niet robuust bij ja (bij nee: robuust)" in uit and "vanaf ja" not in uit


def test_per_waarde_rekent_met_de_hervorming_uit_tekst_niet_met_een_bestand_van_dezelfde_naam():
    """A reform file sent as text that bears a shipped file's name: a sweep value by value applies
    the text, not the shipped file (the reform is taken from the system, never looked up by name)."""
    from openfisca_vth.model import Rekenmodel
    from openfisca_vth.reforms import BESTANDEN_DIR

    model = Rekenmodel()
    tekst = (BESTANDEN_DIR / "minimum_fte_kritieke_massa.yaml").read_text(encoding="utf-8")
    eigen = model.hervorming_uit_tekst(tekst.replace("2027-01-01: 100", "2027-01-01: 250"))
    assert eigen.naam == "minimum_fte_kritieke_massa"
    uit_tekst = model.varieer(SEVESO, "true,false", "2027-06", eigen)  # read with a Python if: value by value
    bij_naam = model.varieer(SEVESO, "true,false", "2027-06", "minimum_fte_kritieke_massa")
    assert uit_tekst.werkwijze == bij_naam.werkwijze == PER_WAARDE
    assert uit_tekst.uitkomsten[0].totalen["robuust"] < bij_naam.uitkomsten[0].totalen["robuust"]
    # the value in force (true) is the reform as sent
    assert uit_tekst.uitkomsten[0].totalen == model.status("2027-06", eigen).totalen


@pytest.mark.parametrize(
    "criterium",
    ["basistakenpakket", "kritieke_massa", "onafhankelijkheid", "financiering", "uniform_beleid", "werkgebied"],
)
@pytest.mark.parametrize(
    ("periode", "hervorming"),
    [("2026-04", None), ("2028-01", "wetsvoorstel_adressaat_deelnemers"), ("2028-01", "alle_zes_robuustheidscriteria")],
)
def test_welke_criteria_tellen_gestapeld_als_per_waarde(dataset, baseline, criterium, periode, hervorming):
    """Switching a criterion on or off stacks (each copy counts its own criteria, also in the totals
    per criterion and in who can be steered) and gives what a reform per value gives."""
    pad = f"robuustheidscriteria.{criterium}.van_toepassing"
    gestapeld = varieer(dataset, baseline, pad, [True, False], periode, hervorming)
    per_waarde = varieer(dataset, baseline, pad, [True, False], periode, hervorming, werkwijze=PER_WAARDE)
    assert gestapeld.werkwijze == GESTAPELD
    assert gestapeld.uitkomsten == per_waarde.uitkomsten

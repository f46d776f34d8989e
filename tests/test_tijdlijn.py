"""Timelines (--period BEGIN:EINDE) on status and compare, plots, and the HTML memo (issue 9)."""

import csv
import io
import json
import sys
from html.parser import HTMLParser

import pytest

from openfisca_vth.cli import main
from openfisca_vth.errors import OngeldigePeriode, VTHInvoerFout
from openfisca_vth.periode import maanden


def _draai(capsys, *argumenten):
    code = main(list(argumenten))
    uit = capsys.readouterr()
    return code, uit.out, uit.err


def test_maanden_leest_een_bereik_inclusief():
    assert [str(m) for m in maanden("2025-11:2026-02")] == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert [str(m) for m in maanden("2026-04")] == ["2026-04"]
    with pytest.raises(OngeldigePeriode, match="het einde ligt vóór het begin"):
        maanden("2026-04:2026-01")
    with pytest.raises(OngeldigePeriode, match="maximum"):
        maanden("2016-04:2070-12")


@pytest.mark.parametrize(
    "periode, melding",
    [
        ("2026-04:2026-01", "het einde ligt vóór het begin"),
        ("2025-13:2026-01", "ongeldige periode '2025-13'"),
        ("2016-01:2016-06", "vóór de dekking van het model"),
        ("2023-06:2024-03", "buiten de dekking van de ingebouwde dataset"),
    ],
)
def test_fout_bereik_geeft_een_regel(capsys, periode, melding):
    code, uit, fout = _draai(capsys, "status", "--period", periode)
    assert code == 2 and uit == ""
    assert melding in fout and fout.count("\n") == 1 and "Traceback" not in fout


def test_tijdlijn_json_is_een_lijst_van_maanden(capsys):
    code, uit, _ = _draai(capsys, "status", "--period", "2025-01:2030-12", "--format", "json")
    assert code == 0
    perioden = json.loads(uit)
    assert isinstance(perioden, list) and len(perioden) == 72
    per_maand = {p["periode"]: p["totalen"] for p in perioden}
    assert list(per_maand) == [f"{j}-{m:02d}" for j in range(2025, 2031) for m in range(1, 13)]
    # the letters' counts, and the merger of 2026
    assert per_maand["2025-03"]["robuust"] == 3
    assert per_maand["2026-04"]["robuust"] == 15 and per_maand["2026-04"]["omgevingsdiensten"] == 27
    assert per_maand["2025-12"]["omgevingsdiensten"] == 28


def test_tijdlijn_tabel_noemt_veranderingen_met_datum(capsys):
    code, uit, _ = _draai(capsys, "status", "--period", "2025-01:2026-04")
    assert code == 0
    assert "2025-02: odzob (Omgevingsdienst Zuidoost-Brabant) wordt robuust" in uit
    assert "2026-01: odu (Omgevingsdienst Utrecht) ontstaat" in uit
    assert "2026-01: odru (Omgevingsdienst regio Utrecht) houdt op te bestaan" in uit
    assert "uiterste datum robuustheid: 2026-04-01" in uit
    assert max(len(regel) for regel in uit.splitlines()) <= 100


def test_tijdlijn_csv_een_rij_per_maand_en_dienst(capsys):
    code, uit, _ = _draai(capsys, "status", "--period", "2025-12:2026-01", "--format", "csv")
    rijen = list(csv.DictReader(io.StringIO(uit)))
    assert code == 0 and len(rijen) == 28 + 27
    assert {r["periode"] for r in rijen} == {"2025-12", "2026-01"}


def test_compare_tijdlijn_per_variant(capsys):
    code, uit, _ = _draai(
        capsys,
        "compare",
        "--reform",
        "wetsvoorstel_versterking_vth",
        "--reform",
        "wetsvoorstel_gefaseerd",
        "--period",
        "2027-12:2029-01",
        "--format",
        "json",
    )
    assert code == 0
    perioden = json.loads(uit)
    assert [p["periode"] for p in perioden][:2] == ["2027-12", "2028-01"]
    juli = next(p for p in perioden if p["periode"] == "2028-07")
    totalen = {v["hervorming"]: v["totalen"]["bijsturingsbevoegdheid_staatssecretaris"] for v in juli["varianten"]}
    assert juli["basis_totalen"]["bijsturingsbevoegdheid_staatssecretaris"] == 0
    # phased: onafhankelijkheid from 2028-07, kritieke massa only from 2029-01
    assert totalen == {"wetsvoorstel_versterking_vth": 7, "wetsvoorstel_gefaseerd": 5}
    code, tabel, _ = _draai(capsys, "compare", "--reform", "wetsvoorstel_gefaseerd", "--period", "2027-12:2029-01")
    assert "2029-01: odmh (Omgevingsdienst Midden-Holland) bijsturing mogelijk: nee -> ja" in tabel
    assert "2028-07 t/m 2029-01: odrn (Omgevingsdienst Regio Nijmegen) bijsturing mogelijk: nee -> ja" in tabel


def test_plot_png_en_svg(capsys, tmp_path):
    png, svg = tmp_path / "t.png", tmp_path / "t.svg"
    assert _draai(capsys, "status", "--period", "2025-01:2026-12", "--plot", str(png))[0] == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (
        _draai(
            capsys,
            "compare",
            "--reform",
            "wetsvoorstel_versterking_vth",
            "--period",
            "2027-01:2028-12",
            "--plot",
            str(svg),
        )[0]
        == 0
    )
    tekst = svg.read_text(encoding="utf-8")
    assert "<svg" in tekst and "inwerkingtreding wetsvoorstel" in tekst


@pytest.mark.parametrize(
    "argumenten, melding",
    [
        (["--period", "2026-04", "--plot", "x.png"], "--plot tekent een tijdlijn"),
        (["--period", "2026-01:2026-04", "--plot", "x.txt"], "eindigt op .png of .svg"),
    ],
)
def test_plot_fouten(capsys, tmp_path, monkeypatch, argumenten, melding):
    monkeypatch.chdir(tmp_path)
    code, _, fout = _draai(capsys, "status", *argumenten)
    assert code == 2 and melding in fout


def test_zonder_matplotlib_zegt_de_plot_hoe_te_installeren(monkeypatch):
    from openfisca_vth import grafiek

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(VTHInvoerFout, match=r"pip install 'openfisca-vth\[plot\]'"):
        grafiek._pyplot()


def test_html_memo_zonder_matplotlib_noemt_de_installatie(capsys, monkeypatch):
    # the memo is still written; where the plot would be, it says how to get one
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    code, uit, _ = _draai(capsys, "status", "--period", "2026-01:2026-03", "--format", "html")
    assert code == 0 and "<svg" not in uit
    assert "pip install &#x27;openfisca-vth[plot]&#x27;" in uit or "pip install 'openfisca-vth[plot]'" in uit


class _Controle(HTMLParser):
    """Checks that every opened element is closed in order (void elements aside)."""

    LEEG = {"meta", "br", "img", "link", "input", "hr", "path", "use", "rect", "line", "circle", "stop"}

    def __init__(self):
        super().__init__()
        self.stapel, self.fouten, self.tags = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in self.LEEG:
            self.stapel.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)

    def handle_endtag(self, tag):
        if tag in self.LEEG:
            return
        if not self.stapel or self.stapel[-1] != tag:
            self.fouten.append(f"</{tag}> sluit {self.stapel[-1:]}")
        else:
            self.stapel.pop()


def controleer_html(tekst):
    controle = _Controle()
    controle.feed(tekst)
    assert not controle.fouten and not controle.stapel, (controle.fouten, controle.stapel)
    assert tekst.startswith("<!DOCTYPE html>") and "<title>" in tekst
    assert "<script" not in tekst.lower() and "http://" not in tekst.split("<body>")[0]
    return controle.tags


def test_html_memo_status_een_maand(capsys):
    code, uit, _ = _draai(capsys, "status", "--period", "2025-06", "--format", "html")
    assert code == 0
    tags = controleer_html(uit)
    assert "table" in tags and "a" in tags
    assert "LET OP." in uit and "ILLUSTRATIEF" in uit
    assert "Regels waarop dit rapport rust" in uit
    assert 'href="https://wetten.overheid.nl/jci1.3:c:BWBR0005645&amp;artikel=121&amp;lid=1"' in uit


def test_html_memo_tijdlijn_met_grafiek(capsys):
    code, uit, _ = _draai(
        capsys, "compare", "--reform", "wetsvoorstel_versterking_vth", "--period", "2025-01:2030-12", "--format", "html"
    )
    assert code == 0
    tags = controleer_html(uit)
    assert "svg" in tags and "Aantallen per maand" in uit and "2028-01" in uit


def test_compare_memo_linkt_de_gewijzigde_regels(capsys):
    code, uit, _ = _draai(
        capsys, "compare", "--reform", "uitstel_termijn_2027", "--period", "2026-06", "--format", "markdown"
    )
    assert code == 0
    bronnen = uit.split("### Bronnen van de gewijzigde regels")[1]
    assert "| `robuustheidstermijn_verstreken` | aanname | [" in bronnen
    assert "(https://zoek.officielebekendmakingen.nl/kst-22343-419.html)" in bronnen
    code, html, _ = _draai(
        capsys, "compare", "--reform", "uitstel_termijn_2027", "--period", "2026-06", "--format", "html"
    )
    controleer_html(html)
    assert (
        "Bronnen van de gewijzigde regels" in html
        and 'href="https://zoek.officielebekendmakingen.nl/kst-22343-419.html"' in html
    )


def test_markeringen_volgen_de_regels_van_het_stelsel(baseline):
    # the deadline and the in-force date are read from the system's own rules, so a postponement shows
    from openfisca_vth.reforms import laad_hervorming
    from openfisca_vth.tijdlijn import markeringen

    def als_dict(systeem):
        return {m.label: m.datum for m in markeringen(systeem)}

    assert als_dict(baseline) == {"uiterste datum robuustheid": "2026-04-01"}
    uitgesteld = laad_hervorming("wetsvoorstel_per_2027_07+uitstel_termijn_2027", baseline)
    assert als_dict(uitgesteld) == {
        "uiterste datum robuustheid": "2027-01-01",
        "inwerkingtreding wetsvoorstel (aanname)": "2027-07-01",
    }

"""``openfisca-vth explain``: an explanation read from OpenFisca's trace, pruned to what decided it."""

import json
import shutil
from html.parser import HTMLParser

import pytest

from openfisca_vth.cli import main
from openfisca_vth.dataset import INGEBOUWD_DIR
from openfisca_vth.errors import VTHInvoerFout
from openfisca_vth.metadata import STATUSSEN
from openfisca_vth.periode import maand
from openfisca_vth.reforms import laad_hervorming
from openfisca_vth.verklaring import als_tabel, json_waarde, verklaar

WETSVOORSTEL = "wetsvoorstel_versterking_vth"
KST_419 = "kst-22343-419"


@pytest.fixture(scope="module")
def wetsvoorstel(baseline):
    return laad_hervorming(WETSVOORSTEL, baseline)


def explain(capsys, *argumenten):
    code = main(["explain", *argumenten])
    uit = capsys.readouterr()
    return code, uit.out, uit.err


def explain_json(capsys, *argumenten):
    code, uit, fout = explain(capsys, *argumenten, "--format", "json")
    assert code == 0, fout

    def weiger(constante):
        raise ValueError(f"geen strikte JSON: {constante}")

    return json.loads(uit, parse_constant=weiger)


def stappen_van(verklaring, variabele, entiteit=None):
    return [
        s
        for s in verklaring["stappen"]
        if s["variabele"] == variabele and (entiteit is None or s["entiteit"] == entiteit)
    ]


def een_stap(verklaring, variabele, entiteit=None):
    gevonden = stappen_van(verklaring, variabele, entiteit)
    assert len(gevonden) == 1, (variabele, entiteit, [s["entiteit"] for s in gevonden])
    return gevonden[0]


def test_odra_niet_robuust_door_bodem_van_doesburg(capsys):
    verklaring = explain_json(capsys, "odra", "--period", "2026-04")
    assert verklaring["code"] == "odra" and verklaring["periode"] == "2026-04"
    assert verklaring["hervorming"] is None
    conclusie = verklaring["conclusie"]
    assert conclusie.startswith("Omgevingsdienst Regio Arnhem is in 2026-04 niet robuust")
    for woord in ("basistakenpakket", "bodem", "Doesburg"):
        assert woord in conclusie

    assert een_stap(verklaring, "robuust", "odra")["waarde"] is False
    assert een_stap(verklaring, "robuustheidscriterium_basistakenpakket", "odra")["waarde"] is False
    assert een_stap(verklaring, "basistaak_ontbreekt_bodem", "odra:GM0221")["waarde"] is True
    invoer = een_stap(verklaring, "ingebracht_bodem", "odra:GM0221")
    assert invoer["invoer"] is True and invoer["waarde"] is False
    assert "(ILLUSTRATIEF)" in invoer["herkomst"] and "invoer_deelnemers.csv" in invoer["herkomst"]

    # the sources of robuust point at the voortgangsbrief (kst-22343-419)
    robuust = een_stap(verklaring, "robuust", "odra")
    assert any(KST_419 in bron["url"] for bron in robuust["bronnen"])


def test_odra_is_gesnoeid_tot_wat_besliste(capsys):
    verklaring = explain_json(capsys, "odra", "--period", "2026-04")
    # only the deelnemer that falls short, not the other deelnemers of odra
    deelnemers = {s["entiteit"] for s in verklaring["stappen"] if ":" in s["entiteit"]}
    assert deelnemers == {"odra:GM0221"}
    # the criteria odra meets did not decide the conclusion
    variabelen = {s["variabele"] for s in verklaring["stappen"]}
    assert "robuustheidscriterium_kritieke_massa" not in variabelen
    assert "robuustheidscriterium_onafhankelijkheid" not in variabelen
    # Doesburg misses only bodem: the other task categories are left out
    ontbreekt = {v for v in variabelen if v.startswith("basistaak_ontbreekt_")}
    assert ontbreekt == {"basistaak_ontbreekt_bodem"}
    # each step once
    sleutels = [(s["variabele"], s["entiteit"]) for s in verklaring["stappen"]]
    assert len(sleutels) == len(set(sleutels))


def test_stappen_volgen_de_berekening(dataset, baseline):
    """Every step's value is the value the model calculates for that entity (no second path)."""
    periode = maand("2026-04")
    verklaring = verklaar(dataset, baseline, periode, "odra")
    simulatie = dataset.simulatie(baseline, periode)
    diensten = [d.code for d in dataset.omgevingsdiensten(periode)]
    deelnemers = [d.id for d in dataset.deelnemers(periode)]
    for stap in verklaring.stappen:
        waarden = simulatie.calculate(stap.variabele, periode)
        if hasattr(waarden, "decode_to_str"):
            waarden = waarden.decode_to_str()
        ids = diensten if stap.entiteit in diensten else deelnemers
        assert stap.waarde == json_waarde(waarden[ids.index(stap.entiteit)]), stap.variabele


def test_kritieke_massa_faalt_op_kwaliteit_niet_op_formatie(capsys):
    verklaring = explain_json(capsys, "odmh", "--period", "2026-04")
    assert "niet robuust" in verklaring["conclusie"] and "kritieke_massa" in verklaring["conclusie"]
    criterium = een_stap(verklaring, "robuustheidscriterium_kritieke_massa", "odmh")
    assert criterium["waarde"] is False
    assert "kwaliteit schiet tekort" in criterium["toelichting"]
    assert "formatie voldoet" in criterium["toelichting"]
    kwaliteit = een_stap(verklaring, "voldoet_aan_kwaliteitscriteria", "odmh")
    assert kwaliteit["invoer"] is True and kwaliteit["waarde"] is False
    fte = een_stap(verklaring, "fte_formatie", "odmh")
    assert fte["invoer"] is True and fte["waarde"] == 105
    minimum = [p for p in criterium["parameters"] if p["parameter"].endswith("minimum_fte_formatie")]
    assert minimum and minimum[0]["waarde"] == 0
    assert not stappen_van(verklaring, "robuustheidscriterium_basistakenpakket")


def test_kritieke_massa_faalt_op_formatie_onder_een_minimum(capsys):
    verklaring = explain_json(capsys, "oddv", "--period", "2027-01", "--reform", "minimum_fte_kritieke_massa")
    criterium = een_stap(verklaring, "robuustheidscriterium_kritieke_massa", "oddv")
    assert "formatie schiet tekort (90 fte, minimum 100 fte)" in criterium["toelichting"]
    assert "kwaliteit voldoet" in criterium["toelichting"]
    assert "formatie schiet tekort" in verklaring["conclusie"]


def test_robuuste_dienst_geeft_een_positieve_conclusie(capsys):
    verklaring = explain_json(capsys, "odnzkg", "--period", "2026-04")
    assert "is in 2026-04 robuust" in verklaring["conclusie"]
    assert "niet robuust" not in verklaring["conclusie"]
    assert een_stap(verklaring, "robuust", "odnzkg")["waarde"] is True
    criteria = [s for s in verklaring["stappen"] if s["variabele"].startswith("robuustheidscriterium_")]
    assert criteria and all(s["waarde"] is True for s in criteria)
    # the deelnemers are summarised, not listed one by one
    assert een_stap(verklaring, "brengt_basistakenpakket_volledig_in_bij_omgevingsdienst", "odnzkg:*")["waarde"] is True


def test_json_sleutels_en_typen(capsys):
    verklaring = explain_json(capsys, "odra", "--period", "2026-04")
    assert {"conclusie", "periode", "hervorming", "code", "stappen"} <= set(verklaring)
    assert isinstance(verklaring["conclusie"], str) and verklaring["stappen"]
    for stap in verklaring["stappen"]:
        assert {"variabele", "label", "waarde", "invoer", "bronnen", "parameters"} <= set(stap)
        assert isinstance(stap["variabele"], str) and isinstance(stap["label"], str) and stap["label"]
        assert isinstance(stap["waarde"], bool | int | float | str)
        assert isinstance(stap["invoer"], bool)
        for bron in stap["bronnen"]:
            assert set(bron) == {"tekst", "url"} and bron["url"].startswith("https://")
        for parameter in stap["parameters"]:
            assert {"parameter", "waarde", "status", "bronnen"} <= set(parameter)
            assert isinstance(parameter["waarde"], bool | int | float | str)
            assert all(set(b) == {"tekst", "url"} for b in parameter["bronnen"])
    # a formula step keeps its sources; an enum is its name
    assert all(s["bronnen"] for s in verklaring["stappen"] if not s["invoer"])
    assert een_stap(verklaring, "bestuurslaag", "odra:GM0221")["waarde"] == "gemeente"


@pytest.mark.parametrize(
    "code, periode, hervorming",
    [
        ("odra", "2026-04", None),
        ("odmh", "2026-04", None),
        ("odnzkg", "2026-04", None),
        ("dcmr:PV28", "2025-06", None),
        ("odra", "2028-01", WETSVOORSTEL),
    ],
)
def test_elke_parameter_heeft_een_status(dataset, baseline, wetsvoorstel, code, periode, hervorming):
    systeem = wetsvoorstel if hervorming else baseline
    verklaring = verklaar(dataset, systeem, periode, code, hervorming)
    parameters = [p for s in verklaring.stappen for p in s.parameters]
    assert parameters
    for p in parameters:
        assert p.status in STATUSSEN, (p.parameter, p.status)
        assert p.bronnen, p.parameter


def test_wetsvoorstel_geeft_bijsturingsbevoegdheid_met_status_wetsvoorstel(capsys):
    verklaring = explain_json(capsys, "odra", "--period", "2028-01", "--reform", WETSVOORSTEL)
    assert verklaring["hervorming"] == WETSVOORSTEL
    bijsturing = een_stap(verklaring, "bijsturingsbevoegdheid_staatssecretaris", "odra")
    assert bijsturing["waarde"] is True
    in_werking = [
        p for p in bijsturing["parameters"] if p["parameter"] == "bijsturingsbevoegdheid.robuustheid.in_werking"
    ]
    assert in_werking and in_werking[0]["waarde"] is True and in_werking[0]["status"] == "wetsvoorstel"
    assert een_stap(verklaring, "grond_voor_bijsturing", "odra")["waarde"] is True
    # not in the transition term after a merger: no merger, the input's default date, ISO
    assert een_stap(verklaring, "in_overgangstermijn_fusie", "odra")["waarde"] is False
    fusie = een_stap(verklaring, "datum_fusie", "odra")
    assert fusie["invoer"] is True and fusie["waarde"] == "1900-01-01" and "standaardwaarde" in fusie["herkomst"]
    assert "kan bijsturen" in verklaring["conclusie"] and "wetsvoorstel" in verklaring["conclusie"]


def test_huidig_recht_kent_geen_bijsturingsbevoegdheid(capsys):
    verklaring = explain_json(capsys, "odra", "--period", "2026-04")
    bijsturing = een_stap(verklaring, "bijsturingsbevoegdheid_staatssecretaris", "odra")
    assert bijsturing["waarde"] is False
    in_werking = [
        p for p in bijsturing["parameters"] if p["parameter"] == "bijsturingsbevoegdheid.robuustheid.in_werking"
    ]
    assert in_werking[0]["waarde"] is False and in_werking[0]["status"] == "wet"
    assert "kan niet bijsturen" in verklaring["conclusie"]


def test_deelnemer_provincie_houdt_seveso_taken_in_eigen_beheer(capsys):
    verklaring = explain_json(capsys, "dcmr:PV28", "--period", "2025-06")
    assert verklaring["code"] == "dcmr:PV28"
    conclusie = verklaring["conclusie"]
    assert conclusie.startswith("Zuid-Holland (provincie, dcmr:PV28) brengt in 2025-06 het basistakenpakket niet")
    assert "seveso_inrichtingen" in conclusie and "eigen beheer" in conclusie
    assert "Provinciewet, art. 121" in conclusie

    assert een_stap(verklaring, "brengt_basistakenpakket_volledig_in", "dcmr:PV28")["waarde"] is False
    assert een_stap(verklaring, "basistaak_ontbreekt_seveso_inrichtingen", "dcmr:PV28")["waarde"] is True
    plaatsing = een_stap(verklaring, "seveso_taken_ondergebracht_bij", "dcmr:PV28")
    assert plaatsing["invoer"] is True and plaatsing["waarde"] == "eigen_beheer"
    assert "seveso_taken.csv" in plaatsing["herkomst"]
    assert een_stap(verklaring, "aangewezen_seveso_omgevingsdienst", "dcmr:PV28")["waarde"] == "dcmr"
    toezicht = een_stap(verklaring, "interbestuurlijk_toezichthouder", "dcmr:PV28")
    assert toezicht["waarde"] == "minister"
    urls = [b["url"] for p in toezicht["parameters"] for b in p["bronnen"]]
    assert any("BWBR0005645&artikel=121" in url for url in urls)  # Provinciewet art. 121
    assert een_stap(verklaring, "inbreng_basistakenpakket_afdwingbaar", "dcmr:PV28")["waarde"] is True
    # only its own Seveso designation, not every provincie's
    aanwijzingen = [
        p["parameter"]
        for s in verklaring["stappen"]
        for p in s["parameters"]
        if p["parameter"].startswith("basistakenpakket.seveso_aanwijzing.")
    ]
    assert set(aanwijzingen) <= {"basistakenpakket.seveso_aanwijzing.PV28"}


def test_onbekende_code_geeft_suggestie_en_status_2(capsys):
    code, uit, fout = explain(capsys, "odrx", "--period", "2026-04")
    assert code == 2 and uit == ""
    assert fout.count("\n") == 1
    assert "onbekende code 'odrx'" in fout and "'odra'" in fout


def test_lege_code_zegt_dat_er_geen_code_is(capsys):
    code, uit, fout = explain(capsys, "", "--period", "2026-04")
    assert code == 2 and uit == ""
    assert "fout: geen code gegeven; geef een dienstcode" in fout


def test_onbekende_deelnemer_in_de_bibliotheek(dataset, baseline):
    with pytest.raises(VTHInvoerFout, match="odra:GM0221"):
        verklaar(dataset, baseline, "2026-04", "odra:GM0222")


@pytest.mark.parametrize(
    "argumenten", [("odra", "--period", "2026-13"), ("odra", "--period", "2026-04", "--reform", "bestaat_niet")]
)
def test_foute_invoer_geeft_status_2(capsys, argumenten):
    code, uit, fout = explain(capsys, *argumenten)
    assert code == 2 and uit == ""
    assert fout.startswith("openfisca-vth explain: fout:") and fout.count("\n") == 1


def test_tabel_past_in_100_kolommen(capsys):
    code, uit, _ = explain(capsys, "odra", "--period", "2026-04")
    assert code == 0
    assert all(len(regel) <= 100 for regel in uit.splitlines())
    assert "Doesburg" in uit and "basistaak_ontbreekt_bodem" in uit and "LET OP" in uit


def test_tabel_van_diep_gesnoeide_deelnemer_past(dataset, wetsvoorstel):
    tabel = als_tabel(verklaar(dataset, wetsvoorstel, "2028-01", "dcmr:PV28", WETSVOORSTEL))
    assert all(len(regel) <= 100 for regel in tabel.splitlines())


def test_markdown(capsys):
    code, uit, _ = explain(capsys, "odra", "--period", "2026-04", "--format", "markdown")
    assert code == 0
    assert uit.startswith("## Verklaring")
    assert "**Conclusie.**" in uit and "> **LET OP.**" in uit
    assert f"](https://zoek.officielebekendmakingen.nl/{KST_419}.html)" in uit


class _Controle(HTMLParser):
    LEEG = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"}

    def __init__(self):
        super().__init__()
        self.stapel, self.fouten, self.links, self.titel, self.in_titel = [], [], [], "", False

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs).get("href", ""))
        if tag == "title":
            self.in_titel = True
        if tag not in self.LEEG:
            self.stapel.append(tag)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_titel = False
        if not self.stapel or self.stapel.pop() != tag:
            self.fouten.append(tag)

    def handle_data(self, data):
        if self.in_titel:
            self.titel += data


def test_html_is_een_welgevormde_pagina(capsys):
    code, uit, _ = explain(capsys, "odra", "--period", "2026-04", "--format", "html")
    assert code == 0
    assert uit.startswith("<!DOCTYPE html>") and "<script" not in uit.lower()
    controle = _Controle()
    controle.feed(uit)
    controle.close()
    assert not controle.fouten and not controle.stapel
    assert "odra" in controle.titel
    assert any(KST_419 in link for link in controle.links)
    assert "LET OP." in uit and "Doesburg" in uit


def test_eigen_dataset_verandert_de_verklaring(capsys, tmp_path):
    """With Doesburg bringing bodem in, odra is robust: the explanation follows the data."""
    map_ = tmp_path / "dataset"
    shutil.copytree(INGEBOUWD_DIR, map_)
    (map_ / "dataset.yaml").unlink()
    pad = map_ / "invoer_deelnemers.csv"
    tekst = pad.read_text(encoding="utf-8")
    assert "odra,odra:GM0221,,,,,,,false," in tekst
    pad.write_text(tekst.replace("odra,odra:GM0221,,,,,,,false,", "odra,odra:GM0221,,,,,,,true,"), encoding="utf-8")
    verklaring = explain_json(capsys, "odra", "--period", "2026-04", "--dataset", str(map_))
    assert "is in 2026-04 robuust" in verklaring["conclusie"]
    assert not any("ILLUSTRATIEF" in s["herkomst"] for s in verklaring["stappen"])
    assert not stappen_van(verklaring, "basistaak_ontbreekt_bodem")

"""Variants side by side: ``compare --reform A --reform B ...`` and ``vergelijk_varianten``.

The expectations are derived, not copied from a run: each variant's totals must equal what
``openfisca-vth status`` (``bereken_status``) gives for that reform alone, each variant's column
must equal the single-reform comparison, the headline must count exactly the diensten and
deelnemers whose asked-about results differ, and dates must be those the rules set.
"""

import json
import re
from types import SimpleNamespace

import pytest

from openfisca_vth import CountryTaxBenefitSystem
from openfisca_vth.cli import main
from openfisca_vth.dataset import laad_dataset
from openfisca_vth.metadata import bladeren
from openfisca_vth.rapport import bereken_status
from openfisca_vth.reforms import laad_hervorming
from openfisca_vth.vergelijking import (
    KOPVARIABELEN,
    label_zonder_datum,
    opmaak,
    tekst,
    vergelijk,
    vergelijk_varianten,
)

# Three shipped reforms that differ in August 2027: the bill at its assumed date (1 January 2028,
# not yet in force), the bill in force from 1 July 2027, and the postponed deadline.
VARIANTEN = ("wetsvoorstel_versterking_vth", "wetsvoorstel_per_2027_07", "uitstel_termijn_2027")
PERIODE = "2027-08"


@pytest.fixture(scope="module")
def huidig():
    return CountryTaxBenefitSystem()


@pytest.fixture(scope="module")
def systemen(huidig):
    return {naam: laad_hervorming(naam, huidig) for naam in VARIANTEN}


@pytest.fixture(scope="module")
def uitkomst(huidig, systemen, dataset):
    return vergelijk_varianten(huidig, list(systemen.items()), PERIODE, dataset=dataset)


def _compare(capsys, *argumenten):
    status = main(["compare", *argumenten])
    uit = capsys.readouterr()
    return status, uit.out, uit.err


def _json(capsys, *argumenten):
    status, uit, fout = _compare(capsys, *argumenten, "--format", "json")
    assert (status, fout) == (0, "")
    return json.loads(uit)


def _reform_argumenten(namen=VARIANTEN):
    return [deel for naam in namen for deel in ("--reform", naam)]


# -- library -------------------------------------------------------------------------------------


def test_elke_variant_is_de_vergelijking_met_die_hervorming_alleen(huidig, systemen, dataset, uitkomst):
    assert uitkomst.namen == list(VARIANTEN)
    for variant in uitkomst.varianten:
        alleen = vergelijk(
            huidig, systemen[variant.hervorming], PERIODE, dataset=dataset, hervorming=variant.hervorming
        )
        assert variant.verschillen == alleen.verschillen
        assert variant.totalen == alleen.totalen
        assert variant.regels == alleen.regels and variant.aannames == alleen.aannames


def test_de_rijen_zijn_wat_bij_een_variant_verschilt_met_een_waarde_per_variant(uitkomst):
    per_variant = [{(v.entiteit, v.id, v.variabele): v for v in variant.verschillen} for variant in uitkomst.varianten]
    sleutels = {(r.entiteit, r.id, r.variabele) for r in uitkomst.verschillen}
    assert sleutels == set().union(*per_variant)
    assert sleutels  # the bill in force from July 2027 changes something in August 2027
    for rij in uitkomst.verschillen:
        sleutel = (rij.entiteit, rij.id, rij.variabele)
        for waarde, verschillen in zip(rij.na, per_variant, strict=True):
            # a variant that does not differ shows the reference's value
            assert waarde == (verschillen[sleutel].na if sleutel in verschillen else rij.voor)
            assert sleutel not in verschillen or verschillen[sleutel].voor == rij.voor


def test_statustotalen_per_variant_zijn_die_van_status(huidig, systemen, dataset, uitkomst):
    assert uitkomst.basis_totalen == bereken_status(dataset, huidig, PERIODE).totalen
    for variant in uitkomst.varianten:
        assert variant.statustotalen == bereken_status(dataset, systemen[variant.hervorming], PERIODE).totalen
    totalen = {v.hervorming: v.statustotalen for v in uitkomst.varianten}
    # before its assumed in-force date the bill gives no power; in force from July 2027 it does
    assert totalen["wetsvoorstel_versterking_vth"]["bijsturingsbevoegdheid_staatssecretaris"] == 0
    assert totalen["wetsvoorstel_per_2027_07"]["bijsturingsbevoegdheid_staatssecretaris"] > 0
    assert totalen["uitstel_termijn_2027"]["bijsturingsbevoegdheid_staatssecretaris"] == 0


def test_dubbele_variant_in_de_bibliotheek(huidig, systemen):
    systeem = systemen["uitstel_termijn_2027"]
    with pytest.raises(ValueError, match="meer dan eens"):
        vergelijk_varianten(huidig, [("a", systeem), ("a", systeem)], PERIODE, dataset=laad_dataset())


def test_een_label_noemt_geen_datum():
    variabele = SimpleNamespace(name="termijn_verstreken", label="De uiterste datum (1 april 2026) is verstreken")
    assert label_zonder_datum(variabele) == "De uiterste datum is verstreken"
    variabele = SimpleNamespace(name="termijn_verstreken", label="Na 2026-04-01 verstreken")
    assert label_zonder_datum(variabele) == "termijn_verstreken"
    variabele = SimpleNamespace(name="robuust", label="De omgevingsdienst is robuust")
    assert label_zonder_datum(variabele) == "De omgevingsdienst is robuust"


# -- command line: JSON --------------------------------------------------------------------------


def test_json_varianten_met_de_sleutels_van_status(capsys, huidig, systemen, dataset):
    data = _json(capsys, *_reform_argumenten(), "--period", PERIODE)
    assert data["hervormingen"] == list(VARIANTEN)
    assert [v["hervorming"] for v in data["varianten"]] == list(VARIANTEN)
    status_huidig = bereken_status(dataset, huidig, PERIODE).totalen
    assert data["basis_totalen"] == status_huidig
    for variant in data["varianten"]:
        verwacht = bereken_status(dataset, systemen[variant["hervorming"]], PERIODE).totalen
        assert set(variant["totalen"]) == set(verwacht) == set(status_huidig)
        assert variant["totalen"] == verwacht
    assert "ILLUSTRATIEF" in data["waarschuwing"]
    # the totals table: one value per variant, equal to the counts in the rows
    bijsturing = next(t for t in data["totalen"] if t["variabele"] == "bijsturingsbevoegdheid_staatssecretaris")
    for naam, aantal in bijsturing["per_variant"].items():
        assert (
            aantal
            == next(v for v in data["varianten"] if v["hervorming"] == naam)["totalen"][
                "bijsturingsbevoegdheid_staatssecretaris"
            ]
        )
    rijen = [r for r in data["verschillen"] if r["variabele"] == "bijsturingsbevoegdheid_staatssecretaris"]
    for naam in VARIANTEN:
        erbij = sum(r["per_variant"][naam] for r in rijen) - sum(r["voor"] for r in rijen)
        assert bijsturing["voor"] + erbij == bijsturing["per_variant"][naam]


def test_een_reform_houdt_de_vorm_en_krijgt_varianten(capsys, huidig, dataset):
    data = _json(capsys, "--reform", "uitstel_termijn_2027", "--period", "2026-06")
    assert {"periode", "hervorming", "basis", "aannames", "regels", "totalen", "verschillen"} <= set(data)
    assert data["hervorming"] == "uitstel_termijn_2027" and data["basis_totalen"] is not None
    assert [v["hervorming"] for v in data["varianten"]] == ["uitstel_termijn_2027"]
    assert set(data["varianten"][0]["totalen"]) == set(bereken_status(dataset, huidig, "2026-06").totalen)
    assert all({"voor", "na"} <= set(t) for t in data["totalen"])


def test_situatie_heeft_geen_statustotalen_en_zegt_dat(capsys, tmp_path):
    situatie = {"deelnemers": {"a": {}}, "omgevingsdiensten": {"od": {"gemeenten": ["a"]}}}
    pad = tmp_path / "situatie.json"
    pad.write_text(json.dumps(situatie), encoding="utf-8")
    argumenten = [*_reform_argumenten(VARIANTEN[1:]), "--period", PERIODE, "--situatie", str(pad)]
    data = _json(capsys, *argumenten)
    assert data["basis_totalen"] is None and all(v["totalen"] is None for v in data["varianten"])
    assert "geen dataset" in data["toelichting_totalen"]
    status, uit, _ = _compare(capsys, *argumenten, "--format", "markdown")
    assert status == 0 and "Geen statustotalen" in uit


# -- the headline --------------------------------------------------------------------------------


def test_de_kop_telt_alleen_gevraagde_uitkomsten(capsys):
    # Postponing the deadline in current law (no power to intervene yet) changes the deadline
    # switch of every dienst and none of the results a drafter asks about.
    data = _json(capsys, "--reform", "uitstel_termijn_2027", "--period", "2026-06")
    diensten = data["aantal"]["omgevingsdienst"]
    gewijzigd = {v["variabele"] for v in data["verschillen"]}
    assert gewijzigd and not gewijzigd & set(data["kopvariabelen"])
    assert {v["id"] for v in data["verschillen"]} == {
        v["id"] for v in data["verschillen"] if v["entiteit"] == "omgevingsdienst"
    }
    assert len({v["id"] for v in data["verschillen"]}) == diensten
    assert all(t["voor"] == t["na"] for t in data["totalen"])
    assert set(data["kopvariabelen"]) <= set(KOPVARIABELEN)

    status, uit, _ = _compare(capsys, "--reform", "uitstel_termijn_2027", "--period", "2026-06")
    deelnemers = data["aantal"]["deelnemer"]
    assert status == 0
    assert f"0 van {diensten} omgevingsdiensten en 0 van {deelnemers} deelnemers veranderen." in uit
    assert f"{diensten} van {diensten} omgevingsdiensten" not in uit
    andere = ", ".join(sorted(gewijzigd))
    daarnaast = " ".join(re.findall(r"^  (.*)$", uit.split("veranderen.", 1)[1].split("Geteld", 1)[0], re.M))
    assert daarnaast == f"Daarnaast veranderen bij {diensten} omgevingsdiensten alleen andere uitkomsten ({andere})."

    # asked about explicitly, the deadline is what the headline counts
    status, uit, _ = _compare(
        capsys,
        "--reform",
        "uitstel_termijn_2027",
        "--period",
        "2026-06",
        "--variabelen",
        "robuustheidstermijn_verstreken",
    )
    assert f"{diensten} van {diensten} omgevingsdiensten en 0 van {deelnemers} deelnemers veranderen." in uit


def test_de_kop_telt_een_dienst_waarvan_een_gevraagde_uitkomst_verandert(capsys):
    # Six criteria instead of three: more criteria fail (aantal_robuustheidscriteria_niet_voldaan).
    data = _json(capsys, "--reform", "alle_zes_robuustheidscriteria", "--period", "2026-06")
    gevraagd = set(data["kopvariabelen"])
    diensten = {
        v["id"] for v in data["verschillen"] if v["entiteit"] == "omgevingsdienst" and v["variabele"] in gevraagd
    }
    deelnemers = {v["id"] for v in data["verschillen"] if v["entiteit"] == "deelnemer" and v["variabele"] in gevraagd}
    assert diensten  # the reading of six criteria must change some count
    kop = data["varianten"][0]["kop"]
    assert (kop["omgevingsdienst"], kop["deelnemer"]) == (len(diensten), len(deelnemers))
    status, uit, _ = _compare(capsys, "--reform", "alle_zes_robuustheidscriteria", "--period", "2026-06")
    assert f"{len(diensten)} van {data['aantal']['omgevingsdienst']} omgevingsdiensten en {len(deelnemers)} van" in uit


# -- --basis -------------------------------------------------------------------------------------


def test_basis_noemt_haar_eigen_aannames(capsys, huidig):
    basis = laad_hervorming("wetsvoorstel_versterking_vth", huidig)
    eigen = {b.name for b in bladeren(basis.parameters)} - {b.name for b in bladeren(huidig.parameters)}
    assert "wetsvoorstel_versterking_vth.inwerkingtreding" in eigen
    argumenten = ["--basis", "wetsvoorstel_versterking_vth", "--reform", "uitstel_termijn_2027", "--period", "2028-01"]
    data = _json(capsys, *argumenten)
    assert {a["parameter"] for a in data["basis_aannames"]} == eigen
    inwerkingtreding = next(a for a in data["basis_aannames"] if a["parameter"].endswith(".inwerkingtreding"))
    assert (inwerkingtreding["waarde"], inwerkingtreding["status"]) == ("2028-01-01", "aanname")
    assert data["aannames"] == []  # the variant itself brings none
    assert data["basis_totalen"] == bereken_status(laad_dataset(), basis, "2028-01").totalen

    status, uit, _ = _compare(capsys, *argumenten)
    assert status == 0
    blok = uit.split("Aannames van de basis wetsvoorstel_versterking_vth:\n", 1)[1].split("\n\n", 1)[0]
    assert re.search(r"wetsvoorstel_versterking_vth\.inwerkingtreding\s+2028-01-01 \(aanname\)", blok)
    status, uit, _ = _compare(capsys, *argumenten, "--format", "markdown")
    assert "### Aannames van de basis wetsvoorstel_versterking_vth" in uit
    # without a basis there is no such section
    status, uit, _ = _compare(capsys, "--reform", "uitstel_termijn_2027", "--period", "2028-01")
    assert "Aannames van de basis" not in uit


# -- the memo ------------------------------------------------------------------------------------


def test_markdown_memo_met_tabel_per_variant_en_aannames(capsys):
    data = _json(capsys, *_reform_argumenten(), "--period", PERIODE)
    status, uit, _ = _compare(capsys, *_reform_argumenten(), "--period", PERIODE, "--format", "markdown")
    assert status == 0
    assert uit.startswith(f"## Vergelijking huidig recht met de varianten {', '.join(VARIANTEN[:2])} en {VARIANTEN[2]}")
    assert f"**Vraag.** Wat verandert er in {PERIODE}" in uit
    assert "> **LET OP.** ILLUSTRATIEF" in uit
    totalen = uit.split("### Totalen\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert totalen[0] == "|  | huidig recht | " + " | ".join(VARIANTEN) + " |"
    for vraag in (
        "omgevingsdiensten robuust",
        "waar de staatssecretaris kan bijsturen",
        "de inbreng kan afdwingen",
        "interbestuurlijk toezicht",
    ):
        rij = next(r for r in totalen if vraag in r)
        totaal = next(t for t in data["totalen"] if vraag in t["label"])
        cellen = [c.strip() for c in rij.strip("|").split("|")][1:]
        assert [int(c.split()[0]) for c in cellen] == [totaal["voor"], *totaal["per_variant"].values()]
    # the assumptions of each variant, under its own heading
    for variant in data["varianten"]:
        sectie = uit.split(f"### Aannames van variant {variant['hervorming']}\n\n", 1)[1].split("\n### ", 1)[0]
        if not variant["aannames"]:
            assert sectie.startswith("Geen.")
        for aanname in variant["aannames"]:
            assert f"| {aanname['parameter']} | {tekst(aanname['waarde'])} ({aanname['status']}) |" in sectie
    eigen = {v["hervorming"]: {a["parameter"]: a["waarde"] for a in v["aannames"]} for v in data["varianten"]}
    assert eigen["wetsvoorstel_versterking_vth"]["wetsvoorstel_versterking_vth.inwerkingtreding"] == "2028-01-01"
    assert eigen["wetsvoorstel_per_2027_07"]["wetsvoorstel_versterking_vth.inwerkingtreding"] == "2027-07-01"
    assert eigen["uitstel_termijn_2027"] == {}
    # the rules that differ, with their status per variant
    regel = next(r for r in data["regels"] if r["parameter"] == "robuustheidstermijn_verstreken")
    assert regel["per_variant"]["uitstel_termijn_2027"]["status"] == "aanname"
    assert regel["per_variant"]["wetsvoorstel_per_2027_07"]["status"] == "wetsvoorstel"
    regels = uit.split("### Gewijzigde regels op de peildatum\n\n", 1)[1].split("\n\n", 1)[0]
    assert "| robuustheidstermijn_verstreken | ja (bestuurlijke_afspraak) |" in regels
    assert regels.splitlines()[0] == "| parameter | huidig recht | " + " | ".join(VARIANTEN) + " |"


def test_termijn_komt_uit_de_geldende_regels(capsys):
    data = _json(capsys, *_reform_argumenten(), "--period", PERIODE)
    termijn = next(t for t in data["termijnen"] if t["parameter"] == "robuustheidstermijn_verstreken")
    # the bestuurlijke afspraak says 1 April 2026; the postponement file says 1 January 2027
    assert termijn["voor"] == "2026-04-01"
    assert termijn["per_variant"]["uitstel_termijn_2027"] == "2027-01-01"
    status, uit, _ = _compare(capsys, *_reform_argumenten(), "--period", PERIODE, "--format", "markdown")
    rij = next(r for r in uit.splitlines() if r.startswith("| uiterste datum voor robuuste omgevingsdiensten |"))
    assert rij.endswith("| 1 januari 2027 |") and "| 1 april 2026 |" in rij
    # no variable label in the report names a date (it could contradict the rules of a variant)
    assert not any(re.search(r"\d{4}", v["label"]) for v in data["verschillen"])


# -- errors and systems built ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "argumenten, fragment",
    [
        (["--reform", "uitstel_termijn_2027", "--reform", "uitstel_termijn_2027"], "meer dan eens gegeven"),
        (["--reform", "uitstel_termijn_2027", "--reform", "bestaat_niet"], "onbekende hervorming 'bestaat_niet'"),
        (
            ["--reform", "uitstel_termijn_2027", "--reform", "alle_zes_robuustheidscriteria", "--period", "2026-13"],
            "ongeldige periode",
        ),
    ],
)
def test_foute_invoer_is_een_regel_en_status_2(capsys, argumenten, fragment):
    status, uit, fout = _compare(capsys, *argumenten)
    assert status == 2 and uit == ""
    assert fragment in fout and fout.count("\n") == 1 and "Traceback" not in fout


def test_dezelfde_naam_via_een_bestand_is_ook_dubbel(capsys, tmp_path):
    from openfisca_vth.reforms import meegeleverde_bestanden

    kopie = tmp_path / "uitstel_termijn_2027.yaml"
    kopie.write_text(meegeleverde_bestanden()["uitstel_termijn_2027"].read_text(encoding="utf-8"), encoding="utf-8")
    status, _, fout = _compare(capsys, "--reform", "uitstel_termijn_2027", "--reform", str(kopie))
    assert status == 2 and "'uitstel_termijn_2027' is meer dan eens gegeven" in fout


def _parameterwaarden(systeem):
    return {
        blad.name: [(w.instant_str, w.value, w.metadata.get("status")) for w in blad.values_list]
        for blad in bladeren(systeem.parameters)
    }


def test_elk_stelsel_een_keer_en_de_baseline_blijft_ongewijzigd(capsys, monkeypatch):
    import openfisca_vth
    import openfisca_vth.reforms

    ongewijzigd = _parameterwaarden(CountryTaxBenefitSystem())
    huidige, aanroepen = [], []
    echte_init = openfisca_vth.CountryTaxBenefitSystem.__init__
    echte_laad = openfisca_vth.reforms.laad_hervorming

    def init(self):
        huidige.append(self)
        echte_init(self)

    def laad(spec, baseline):
        systeem = echte_laad(spec, baseline)
        aanroepen.append((spec, baseline, systeem))
        return systeem

    monkeypatch.setattr(openfisca_vth.CountryTaxBenefitSystem, "__init__", init)
    monkeypatch.setattr(openfisca_vth.reforms, "laad_hervorming", laad)
    # as in a fresh process: the current-law system every model shares is not built yet
    monkeypatch.setattr(openfisca_vth.model, "_huidig_recht", None)
    argumenten = [
        "--basis",
        "wetsvoorstel_per_2027_07",
        *_reform_argumenten(("uitstel_termijn_2027", "alle_zes_robuustheidscriteria")),
    ]
    status, _, fout = _compare(capsys, *argumenten, "--period", PERIODE)
    assert (status, fout) == (0, "")
    assert len(huidige) == 1
    assert [spec for spec, _, _ in aanroepen] == [
        "wetsvoorstel_per_2027_07",
        "uitstel_termijn_2027",
        "alle_zes_robuustheidscriteria",
    ]
    basis = aanroepen[0][2]
    assert aanroepen[0][1] is huidige[0]
    assert all(baseline is basis for _, baseline, _ in aanroepen[1:])  # one shared reference
    assert _parameterwaarden(huidige[0]) == ongewijzigd
    assert "wetsvoorstel_versterking_vth" not in huidige[0].parameters.children


def test_opmaak_van_een_enkele_vergelijking_blijft_werken(huidig, systemen, dataset):
    enkel = vergelijk(huidig, systemen["uitstel_termijn_2027"], "2026-06", dataset=dataset, hervorming="uitstel")
    for vorm in ("table", "json", "markdown"):
        assert "uitstel" in opmaak(enkel, vorm)
    assert opmaak(enkel, "csv").startswith("soort,omgevingsdienst,id,naam,variabele,voor,na\n")
    assert json.loads(opmaak(enkel, "json"))["varianten"][0]["totalen"] == enkel.statustotalen


def test_het_memo_noemt_elke_status(capsys):
    """Found in review: the memo's footer listed the statuses by hand and missed ``begroting``."""
    from openfisca_vth.metadata import STATUSSEN

    status, uit, _ = _compare(capsys, "--reform", "uitstel_termijn_2027", "--period", "2026-06", "--format", "markdown")
    assert status == 0
    voet = next(r for r in uit.splitlines() if r.startswith("Bron: openfisca-vth"))
    assert set(re.findall(r"\w+", voet)) >= set(STATUSSEN), voet  # words: "wet" is inside "wetsvoorstel"

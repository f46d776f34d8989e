"""The embedded national dataset: composition per month, calibration of the illustrative scenario,
the simulation it builds, and every validation error of a user dataset folder."""

import csv
import re
import shutil
from collections import Counter

import pytest
from openfisca_core import periods

from openfisca_vth.dataset import (
    INGEBOUWD_DIR,
    DatasetBuitenDekking,
    DatasetFout,
    laad_dataset,
)
from openfisca_vth.dataset.invoer import DEELNEMER_INVOER, DIENST_INVOER
from openfisca_vth.errors import OngeldigePeriode, VTHInvoerFout

GEMEENTEN_CBS = INGEBOUWD_DIR / "bronnen" / "gemeenten_vr_minvws_2023.csv"
UTRECHT_VOOR = {"odru", "rudutrecht"}
ROBUUST_PER_KAMERBRIEF = {"odnzkg", "odbn", "odzob"}


@pytest.fixture(scope="module")
def ds():
    return laad_dataset()


def robuuste_codes(ds, tax_benefit_system, periode):
    simulatie = ds.simulatie(tax_benefit_system, periods.period(periode))
    robuust = simulatie.calculate("robuust", periode)
    return {d.code for d, r in zip(ds.omgevingsdiensten(periode), robuust, strict=True) if r}


# --- composition -----------------------------------------------------------------------------


@pytest.mark.parametrize("periode", ["2024-01", "2025-03", "2025-12"])
def test_28_diensten_voor_de_utrechtse_fusie(ds, periode):
    codes = [d.code for d in ds.omgevingsdiensten(periode)]
    assert len(codes) == 28
    assert UTRECHT_VOOR <= set(codes) and "odu" not in codes


@pytest.mark.parametrize("periode", ["2026-01", "2026-04", "2030-12"])
def test_27_diensten_na_de_utrechtse_fusie(ds, periode):
    codes = [d.code for d in ds.omgevingsdiensten(periode)]
    assert len(codes) == 27
    assert "odu" in codes and not UTRECHT_VOOR & set(codes)


def test_omgevingsdienst_utrecht_heeft_gs_en_alle_26_utrechtse_gemeenten(ds):
    odu = [d for d in ds.deelnemers("2026-01") if d.omgevingsdienst_code == "odu"]
    assert Counter(d.soort for d in odu) == {"gemeente": 26, "provincie": 1}
    utrecht_2025 = {d.code for d in ds.deelnemers("2025-12") if d.omgevingsdienst_code in UTRECHT_VOOR}
    assert {d.code for d in odu} == utrecht_2025  # the 15 + 11 gemeenten and GS Utrecht (PV26)
    assert "PV26" in utrecht_2025


@pytest.mark.parametrize("periode", ["2024-01", "2025-12", "2026-01", "2028-06"])
def test_elke_gemeente_precies_eenmaal(ds, periode):
    # the CBS list of 1-1-2023 (342 gemeenten, unchanged through 2025) the data was built from
    with open(GEMEENTEN_CBS, encoding="utf-8") as bestand:
        cbs = {rij["cbs_code"] for rij in csv.DictReader(bestand)}
    assert len(cbs) == 342
    gemeenten = Counter(d.code for d in ds.deelnemers(periode) if d.soort == "gemeente")
    assert set(gemeenten) == cbs
    assert set(gemeenten.values()) == {1}


@pytest.mark.parametrize("periode", ["2025-03", "2026-04"])
def test_ids_uniek_en_in_simulatievolgorde(ds, tax_benefit_system, periode):
    deelnemers = ds.deelnemers(periode)
    ids = [d.id for d in deelnemers]
    assert len(ids) == len(set(ids))
    simulatie = ds.simulatie(tax_benefit_system, periods.period(periode))
    assert list(simulatie.persons.ids) == ids
    assert list(simulatie.populations["omgevingsdienst"].ids) == [d.code for d in ds.omgevingsdiensten(periode)]
    for d in deelnemers:
        assert d.id.startswith(f"{d.omgevingsdienst_code}:")
        assert d.naam and d.soort in ("gemeente", "provincie", "waterschap")


def test_provincie_is_een_deelnemer_per_dienst(ds):
    gelderland = [d for d in ds.deelnemers("2025-06") if d.code == "PV25"]
    assert len(gelderland) == 6
    assert len({d.omgevingsdienst_code for d in gelderland}) == 6


def test_wetterskip_fryslan_is_deelnemer_van_fumo_met_rol_waterschap(ds, tax_benefit_system):
    periode = "2025-06"
    waterschappen = [d for d in ds.deelnemers(periode) if d.soort == "waterschap"]
    assert [(d.omgevingsdienst_code, d.naam) for d in waterschappen] == [("fumo", "Wetterskip Fryslân")]
    simulatie = ds.simulatie(tax_benefit_system, periods.period(periode))
    laag = simulatie.calculate("bestuurslaag", periode).decode_to_str()
    positie = [d.id for d in ds.deelnemers(periode)].index(waterschappen[0].id)
    assert laag[positie] == "waterschap"
    assert simulatie.calculate("aantal_ontbrekende_basistaken", periode)[positie] == 0


def test_provenance_bron_op_elke_rij(ds):
    for dienst in ds.omgevingsdiensten("2026-01"):
        assert dienst.bron.startswith("http")
    for deelnemer in ds.deelnemers("2026-01"):
        assert deelnemer.bron.split(":")[0] in ("verified", "verified-count")


def test_seveso_diensten_uit_de_data(ds, tax_benefit_system):
    simulatie = ds.simulatie(tax_benefit_system, periods.period("2026-04"))
    seveso = simulatie.calculate("is_seveso_omgevingsdienst", "2026-04")
    codes = {d.code for d, s in zip(ds.omgevingsdiensten("2026-04"), seveso, strict=True) if s}
    assert codes == {"odg", "odrn", "odnzkg", "dcmr", "omwb", "rudzl"}


@pytest.mark.parametrize("periode", ["2023-12", "2016-04", "2031-01"])
def test_maand_buiten_de_dekking_is_een_duidelijke_fout(ds, tax_benefit_system, periode):
    with pytest.raises(DatasetBuitenDekking, match="buiten de dekking.*2024-01-01"):
        ds.simulatie(tax_benefit_system, periods.period(periode))


def test_periode_voor_het_model_en_geen_maand(ds):
    with pytest.raises(VTHInvoerFout, match="2016-04"):
        ds.omgevingsdiensten("2015-01")
    with pytest.raises(OngeldigePeriode, match="geen maand"):
        ds.omgevingsdiensten(periods.period("2026"))
    with pytest.raises(OngeldigePeriode, match="ongeldige periode '2026'"):
        ds.omgevingsdiensten("2026")


def test_invoerkolommen_zijn_invoervariabelen_van_de_juiste_entiteit(tax_benefit_system):
    for kolommen, entiteit in ((DIENST_INVOER, "omgevingsdienst"), (DEELNEMER_INVOER, "deelnemer")):
        for kolom, soort in kolommen.items():
            variabele = tax_benefit_system.variables[kolom]
            assert variabele.entity.key == entiteit
            assert variabele.is_input_variable()
            assert variabele.value_type is soort


# --- calibration of the illustrative scenario -------------------------------------------------


def test_illustratief_gemarkeerd(ds):
    assert ds.illustratief
    assert "ILLUSTRATIEF" in ds.naam and "ILLUSTRATIEF" in ds.toelichting
    for bestand in ("invoer_omgevingsdiensten.csv", "invoer_deelnemers.csv"):
        with open(INGEBOUWD_DIR / bestand, encoding="utf-8") as invoer:
            assert all(rij["toelichting"].startswith("ILLUSTRATIEF") for rij in csv.DictReader(invoer))


def test_begin_2025_precies_de_drie_uit_de_kamerbrief(ds, tax_benefit_system):
    assert robuuste_codes(ds, tax_benefit_system, "2025-03") == ROBUUST_PER_KAMERBRIEF
    with open(INGEBOUWD_DIR / "omgevingsdiensten.csv", encoding="utf-8") as bestand:
        volgens_data = {r["code"] for r in csv.DictReader(bestand) if r["robuust_per_kamerbrief_2025"] == "true"}
    assert volgens_data == ROBUUST_PER_KAMERBRIEF


def test_odzob_werd_begin_2025_robuust(ds, tax_benefit_system):
    assert robuuste_codes(ds, tax_benefit_system, "2025-01") == {"odnzkg", "odbn"}


def test_op_1_april_2026_15_van_27_robuust(ds, tax_benefit_system):
    robuust = robuuste_codes(ds, tax_benefit_system, "2026-04")
    assert len(ds.omgevingsdiensten("2026-04")) == 27
    assert len(robuust) == 15
    assert ROBUUST_PER_KAMERBRIEF <= robuust
    # the month before the deadline some of the twelve were not yet robust
    assert len(robuuste_codes(ds, tax_benefit_system, "2026-03")) < 15


def test_de_utrechtse_fusie_wordt_robuust(ds, tax_benefit_system):
    assert not robuuste_codes(ds, tax_benefit_system, "2025-12") & UTRECHT_VOOR
    assert "odu" in robuuste_codes(ds, tax_benefit_system, "2026-01")


def test_na_april_2026_verschuift_de_status(ds, tax_benefit_system):
    april = robuuste_codes(ds, tax_benefit_system, "2026-04")
    later = robuuste_codes(ds, tax_benefit_system, "2027-01")
    assert april < later  # some uncertain ones become robust, none fall back
    nooit = set(d.code for d in ds.omgevingsdiensten("2030-12")) - robuuste_codes(ds, tax_benefit_system, "2030-12")
    assert len(nooit) >= 3  # the three "not plausible" ones, and some uncertain ones, never


def test_voor_de_criteria_van_2023_is_niemand_robuust(tax_benefit_system, tmp_path):
    # the embedded dataset starts in 2024; a user dataset may go back further
    map_ = kopie(tmp_path)
    vervang(map_ / "dataset.yaml", "vanaf: 2024-01-01", "vanaf: 2016-04-14")
    vervang(
        map_ / "omgevingsdiensten.csv",
        "odveluwe,Omgevingsdienst Veluwe,Gelderland,VR06 Noord- en Oost-Gelderland,false,,2024-01-01",
        "odveluwe,Omgevingsdienst Veluwe,Gelderland,VR06 Noord- en Oost-Gelderland,false,,",
    )
    vervang(map_ / "deelnemers.csv", ",2024-01-01,,", ",,,")
    vervang(map_ / "invoer_omgevingsdiensten.csv", "odveluwe,2024-01-01", "odveluwe,")
    vervang(map_ / "invoer_deelnemers.csv", "2024-01-01", "")
    ds = laad_dataset(map_)
    assert robuuste_codes(ds, tax_benefit_system, "2023-05") == set()
    # Before 2024 soil was a task of gedeputeerde staten (Wbb art. 88): the gemeenten that do not
    # bring bodem in (Almere, Doesburg, Hillegom) do not hold their dienst back in 2023.
    assert robuuste_codes(ds, tax_benefit_system, "2023-06") == {"odnzkg", "odbn", "ofgv", "odra", "odwh"}
    assert not {"ofgv", "odra", "odwh"} & robuuste_codes(ds, tax_benefit_system, "2024-01")


# --- user dataset: validation errors ---------------------------------------------------------


def kopie(tmp_path):
    map_ = tmp_path / "dataset"
    shutil.copytree(INGEBOUWD_DIR, map_)
    return map_


def vervang(pad, oud, nieuw, aantal=-1):
    tekst = pad.read_text(encoding="utf-8")
    assert oud in tekst, f"{oud!r} niet in {pad.name}"
    pad.write_text(tekst.replace(oud, nieuw, aantal), encoding="utf-8")


def voeg_toe(pad, regel):
    with open(pad, "a", encoding="utf-8") as bestand:
        bestand.write(regel + "\n")


def test_eigen_kopie_van_de_ingebouwde_dataset_laadt(tmp_path, tax_benefit_system):
    ds = laad_dataset(kopie(tmp_path))
    assert robuuste_codes(ds, tax_benefit_system, "2026-04") == robuuste_codes(
        laad_dataset(), tax_benefit_system, "2026-04"
    )


def test_aangewezen_seveso_dienst_buiten_de_dataset_is_een_regel(tmp_path, tax_benefit_system):
    """Found in review: a provincie whose designated Seveso dienst (by code) is not in the dataset
    failed Ow 18.22 lid 2 in every dienst without a word; it is now one line naming the rule."""
    map_ = tmp_path / "anders"
    map_.mkdir()
    (map_ / "omgevingsdiensten.csv").write_text("code;naam;seveso_omgevingsdienst\nod1;OD Een;ja\n", encoding="utf-8")
    (map_ / "deelnemers.csv").write_text(
        "omgevingsdienst_code,soort,naam,cbs_code\nod1,provincie,P,PV20\n", encoding="utf-8"
    )
    ds = laad_dataset(map_)
    with pytest.raises(DatasetFout, match=r"'odg' \(basistakenpakket.seveso_aanwijzing.PV20, 2026-04\)"):
        ds.simulatie(tax_benefit_system, "2026-04")


def test_minimale_dataset_zonder_invoer_en_metadata(tmp_path, tax_benefit_system):
    map_ = tmp_path / "klein"
    map_.mkdir()
    # PV20 (Groningen) has odg as its designated Seveso-omgevingsdienst (basistakenpakket.seveso_aanwijzing)
    (map_ / "omgevingsdiensten.csv").write_text("code;naam;seveso_omgevingsdienst\nodg;OD Een;ja\n", encoding="utf-8")
    (map_ / "deelnemers.csv").write_text(
        "omgevingsdienst_code,soort,naam,cbs_code\nodg,gemeente,A,GM0001\nodg,provincie,P,PV20\n",
        encoding="utf-8",
    )
    ds = laad_dataset(map_)
    assert not ds.illustratief
    assert [d.id for d in ds.deelnemers("2026-04")] == ["odg:GM0001", "odg:PV20"]
    # nothing reported: defaults (nothing brought in, no mandate) make the dienst not robust
    assert robuuste_codes(ds, tax_benefit_system, "2026-04") == set()


FOUTEN = [
    # (file, old, new, expected message fragment)
    (
        "deelnemers.csv",
        "omgevingsdienst_code,soort,",
        "omgevingsdienst,soort,",
        "kolom\\(men\\) omgevingsdienst_code ontbreken",
    ),
    (
        "omgevingsdiensten.csv",
        "code,naam,provincies,veiligheidsregios,seveso_omgevingsdienst",
        "code,naam,provincies,veiligheidsregios,seveso",
        "seveso_omgevingsdienst ontbreken",
    ),
    ("deelnemers.csv", "odg,gemeente,Eemsdelta", "odg,gemeent,Eemsdelta", "onbekende soort 'gemeent'"),
    ("deelnemers.csv", "odg,gemeente,Eemsdelta", "odx,gemeente,Eemsdelta", "onbekende omgevingsdienst 'odx'"),
    ("deelnemers.csv", "odg,gemeente,Eemsdelta", ",gemeente,Eemsdelta", "hoort bij geen omgevingsdienst"),
    ("deelnemers.csv", "GM1979", "1979", "ongeldige cbs_code '1979'"),
    (
        "deelnemers.csv",
        "odg,gemeente,Groningen,GM0014",
        "odg,gemeente,Groningen,GM1979",
        "dubbele deelnemer 'odg:GM1979'",
    ),
    (
        "deelnemers.csv",
        "fumo,gemeente,Achtkarspelen,GM0059",
        "fumo,gemeente,Achtkarspelen,GM0014",
        "tegelijk deel in 'odg' en 'fumo'",
    ),
    ("omgevingsdiensten.csv", "fumo,Fryske", "odg,Fryske", "dubbele omgevingsdienst 'odg'"),
    ("invoer_omgevingsdiensten.csv", "fumo,,,300,", "fumo,,,-300,", "negatieve of ongeldige fte '-300'"),
    ("invoer_omgevingsdiensten.csv", "fumo,,,300,", "fumo,,,veel,", "ongeldig getal 'veel'"),
    (
        "invoer_omgevingsdiensten.csv",
        "odg,2025-07-01",
        "odg,2025-07-32",
        "ongeldige datum '2025-07-32' in kolom geldig_vanaf",
    ),
    ("invoer_omgevingsdiensten.csv", "odg,2025-07-01", "odg,2025-06-01", "overlapt in tijd"),
    ("invoer_omgevingsdiensten.csv", "fumo,,,300,true", "fumo,,,300,misschien", "ongeldige waarde 'misschien'"),
    ("invoer_omgevingsdiensten.csv", "fumo,,,300,", "fumoo,,,300,", "onbekende omgevingsdienst 'fumoo'"),
    (
        "invoer_deelnemers.csv",
        "ingebracht_bodem,",
        "ingebracht_bodemsanering,",
        "onbekende taakcategorie 'bodemsanering'",
    ),
    ("invoer_deelnemers.csv", "mandaat_verleend,", "mandaat_verleent,", "onbekende kolom 'mandaat_verleent'"),
    ("invoer_deelnemers.csv", "fumo,fumo:GM0059,", "fumo,fumo:GM9999,", "onbekende deelnemer 'fumo:GM9999'"),
    ("invoer_deelnemers.csv", "fumo,fumo:GM0059,", "odg,fumo:GM0059,", "hoort niet bij omgevingsdienst 'odg'"),
    (
        "deelnemers.csv",
        "odu,gemeente,Amersfoort,GM0307,Utrecht,2026-01-01",
        "odu,gemeente,Amersfoort,GM0307,Utrecht,2025-01-01",
        "buiten de looptijd van omgevingsdienst 'odu'",
    ),
    (
        "omgevingsdiensten.csv",
        ",2026-01-01,,2026-01-01,https://zoek.officielebekendmakingen.nl/prb-2025-16741",
        ",2026-01-01,2025-12-01,2026-01-01,https://zoek.officielebekendmakingen.nl/prb-2025-16741",
        "geldig_tot 2025-12-01 ligt vóór geldig_vanaf 2026-01-01",
    ),
    ("dataset.yaml", "vanaf: 2024-01-01", "vanaf: 1 januari 2024", "ongeldige datum '1 januari 2024'"),
    ("dataset.yaml", "illustratief: true", "illustratief: misschien", "illustratief moet true of false"),
    ("dataset.yaml", "vanaf: 2024-01-01", "vanaf: 2024-02-30", "ongeldige datum '2024-02-30'"),
    ("deelnemers.csv", "geldig_tot", "geldig_tott", "onbekende kolom 'geldig_tott'; bedoelt u 'geldig_tot'"),
    ("omgevingsdiensten.csv", "datum_fusie", "fusiedatum", "onbekende kolom 'fusiedatum'"),
    (
        "omgevingsdiensten.csv",
        ",2024-01-01,,2024-01-01,https",
        ",2024-01-01,,2024-13-01,https",
        "ongeldige datum .2024-13-01. in kolom datum_fusie",
    ),
    ("dataset.yaml", "illustratief: true", "illustratief: true\nversie: 2", "onbekende sleutel 'versie'"),
]


@pytest.mark.parametrize("bestand, oud, nieuw, melding", FOUTEN, ids=[f[3][:40] for f in FOUTEN])
def test_validatiefout(tmp_path, bestand, oud, nieuw, melding):
    map_ = kopie(tmp_path)
    vervang(map_ / bestand, oud, nieuw, 1)
    with pytest.raises(DatasetFout, match=melding) as fout:
        laad_dataset(map_)
    assert "\n" not in str(fout.value)
    assert isinstance(fout.value, VTHInvoerFout)


def test_regelnummer_in_de_melding(tmp_path):
    map_ = kopie(tmp_path)
    vervang(map_ / "deelnemers.csv", "odg,gemeente,Eemsdelta", "odg,gemeent,Eemsdelta")
    with pytest.raises(DatasetFout, match="^deelnemers.csv regel 2: "):
        laad_dataset(map_)


def test_map_niet_gevonden(tmp_path):
    with pytest.raises(DatasetFout, match="niet gevonden"):
        laad_dataset(tmp_path / "bestaat-niet")


def test_pad_is_geen_map(tmp_path):
    bestand = tmp_path / "dataset.csv"
    bestand.write_text("code\n", encoding="utf-8")
    with pytest.raises(DatasetFout, match="is geen map"):
        laad_dataset(bestand)


@pytest.mark.parametrize("verplicht", ["omgevingsdiensten.csv", "deelnemers.csv"])
def test_verplicht_bestand_ontbreekt(tmp_path, verplicht):
    map_ = kopie(tmp_path)
    (map_ / verplicht).unlink()
    with pytest.raises(DatasetFout, match=f"bestand {verplicht} ontbreekt"):
        laad_dataset(map_)


def test_dienst_zonder_deelnemers_in_een_maand(tmp_path, tax_benefit_system):
    map_ = kopie(tmp_path)
    voeg_toe(map_ / "omgevingsdiensten.csv", "leeg,Lege dienst,,,false,,,,")
    ds = laad_dataset(map_)
    with pytest.raises(DatasetFout, match="'leeg' heeft in 2026-04 geen deelnemers"):
        ds.simulatie(tax_benefit_system, periods.period("2026-04"))


def test_geen_utf8(tmp_path):
    map_ = kopie(tmp_path)
    (map_ / "deelnemers.csv").write_bytes(
        "omgevingsdienst_code,soort,naam,cbs_code\nfumo,waterschap,Wetterskip Fryslân,\n".encode("latin-1")
    )
    with pytest.raises(DatasetFout, match="geen UTF-8"):
        laad_dataset(map_)


def test_ongeldige_yaml(tmp_path):
    map_ = kopie(tmp_path)
    (map_ / "dataset.yaml").write_text("naam: [onaf\n", encoding="utf-8")
    with pytest.raises(DatasetFout, match="geen geldige YAML"):
        laad_dataset(map_)


def test_maand_zonder_omgevingsdiensten(tmp_path):
    map_ = tmp_path / "later"
    map_.mkdir()
    (map_ / "omgevingsdiensten.csv").write_text(
        "code,naam,seveso_omgevingsdienst,geldig_vanaf\nod1,OD Een,false,2026-01-01\n", encoding="utf-8"
    )
    (map_ / "deelnemers.csv").write_text(
        "omgevingsdienst_code,soort,naam,cbs_code,geldig_vanaf\nod1,gemeente,A,GM0001,2026-01-01\n",
        encoding="utf-8",
    )
    ds = laad_dataset(map_)
    assert [d.code for d in ds.omgevingsdiensten("2026-01")] == ["od1"]
    with pytest.raises(
        DatasetBuitenDekking, match=re.escape(f"dataset {map_} heeft geen omgevingsdiensten in 2025-12")
    ):
        ds.omgevingsdiensten("2025-12")


def test_dataset_yaml_in_een_andere_codering(tmp_path):
    map_ = kopie(tmp_path)
    (map_ / "dataset.yaml").write_bytes("naam: café\n".encode("latin-1"))
    with pytest.raises(DatasetFout, match="^dataset.yaml is geen UTF-8-tekst"):
        laad_dataset(map_)


def test_regelnummers_tellen_lege_regels_en_cellen_over_meer_regels(tmp_path):
    map_ = kopie(tmp_path)
    pad = map_ / "deelnemers.csv"
    regels = pad.read_text(encoding="utf-8").split("\n")
    # line 2 gets a cell over two lines, line 4 becomes blank: the 4th data record starts on line 6
    regels[1] = regels[1].replace("verified-count:", '"verified-count:\nover twee regels', 1).rstrip() + '"'
    regels.insert(3, "")
    regels[5] = regels[5].replace(",gemeente,", ",gemeent,", 1)
    pad.write_text("\n".join(regels), encoding="utf-8")
    with pytest.raises(DatasetFout, match="^deelnemers.csv regel 7: onbekende soort 'gemeent'"):
        laad_dataset(map_)

"""Every way a drafter's reform file can be wrong gets one Dutch line naming file, line and path.

Each case writes a small file, loads it with ``laad_hervorming`` and checks the error class (a
``VTHInvoerFout``), that the message is one line, and the fragments that locate the mistake. The
same files through ``openfisca-vth compare`` exit with status 2 and no traceback.
"""

import pytest

from openfisca_vth.cli import main
from openfisca_vth.errors import HervormingsbestandFout, HervormingsFout, VTHInvoerFout
from openfisca_vth.reforms import laad_hervorming

KOP = "naam: proef\ntoelichting: Proef.\n"
TERMIJN = "robuustheidstermijn_verstreken"

# name -> (file text, fragments the message must contain)
GEVALLEN = {
    "yaml_syntaxfout": (KOP + "wijzigingen:\n  a: [1, 2\n", ["regel 4", "geen geldige YAML"]),
    "leeg_bestand": ("", ["bestand is leeg"]),
    "geen_mapping": ("- naam: proef\n", ["regel 1", "sleutel: waarde"]),
    "verplichte_sleutel_ontbreekt": (
        f"naam: proef\nwijzigingen:\n  {TERMIJN}:\n    2027-01-01: true\n",
        ["regel 1", "verplichte sleutel ontbreekt: toelichting"],
    ),
    "onbekende_sleutel": (
        KOP + f"toeliching: x\nwijzigingen:\n  {TERMIJN}:\n    2027-01-01: true\n",
        ["regel 3", "onbekende sleutel 'toeliching'", "bedoelt u 'toelichting'"],
    ),
    "ongeldige_naam": (
        f"naam: Uitstel Termijn\ntoelichting: x\nwijzigingen:\n  {TERMIJN}:\n    2027-01-01: true\n",
        ["regel 1", "kleine letters"],
    ),
    "lege_wijzigingen": (KOP + "wijzigingen: {}\n", ["regel 3", "wijzigingen is leeg"]),
    "parameter_zonder_datum": (KOP + f"wijzigingen:\n  {TERMIJN}: {{}}\n", ["regel 4", TERMIJN]),
    "onmogelijke_datum": (
        KOP + f"wijzigingen:\n  {TERMIJN}:\n    2027-13-01: true\n",
        ["regel 5", TERMIJN, "'2027-13-01' is geen datum", "JJJJ-MM-DD"],
    ),
    "datum_in_woorden": (
        KOP + f"wijzigingen:\n  {TERMIJN}:\n    1 januari 2027: true\n",
        ["regel 5", "'1 januari 2027' is geen datum"],
    ),
    "datum_voor_het_model": (
        KOP + f"wijzigingen:\n  {TERMIJN}:\n    2010-01-01: true\n",
        ["regel 5", "2010-01-01 ligt vóór 2016-04-14"],
    ),
    "dubbele_datum": (
        KOP + f"wijzigingen:\n  {TERMIJN}:\n    2027-01-01: true\n    2027-01-01: false\n",
        ["regel 6", "twee keer", "regel 5"],
    ),
    "onbekende_waardesleutel": (
        KOP + f"wijzigingen:\n  {TERMIJN}:\n    2027-01-01:\n      waarde: true\n      bron: x\n",
        ["regel 7", "onbekende sleutel 'bron'"],
    ),
    "waarde_ontbreekt": (
        KOP + f"wijzigingen:\n  {TERMIJN}:\n    2027-01-01:\n      status: aanname\n",
        ["regel 5", "sleutel 'waarde' ontbreekt"],
    ),
    "onbekende_status": (
        KOP + f"status: concept\nwijzigingen:\n  {TERMIJN}:\n    2027-01-01: true\n",
        ["regel 3", "'concept' is geen status"],
    ),
    "referentie_geen_lijst": (
        KOP + f"referentie: Kamerstuk 1\nwijzigingen:\n  {TERMIJN}:\n    2027-01-01: true\n",
        ["regel 3", "referentie", "{tekst, url}"],
    ),
    "referentie_geen_bron_op_artikelniveau": (
        KOP
        + "referentie:\n  - tekst: ergens\n    url: https://example.org\n"
        + f"wijzigingen:\n  {TERMIJN}:\n    2027-01-01: true\n",
        ["regel 3", "https://example.org"],
    ),
    "onbekende_basis": (
        KOP + f"basis: wetsvoorstel\nwijzigingen:\n  {TERMIJN}:\n    2027-01-01: true\n",
        ["regel 3", "basis 'wetsvoorstel' onbekend", "wetsvoorstel_versterking_vth"],
    ),
    # against the parameter tree (a wrong path is reported on the line of the path)
    "onbekende_parameter": (
        KOP + "wijzigingen:\n  robuustheidscriteria.termijn_verstrekn:\n    2027-01-01: true\n",
        ["regel 4", "onbekende parameter 'robuustheidscriteria.termijn_verstrekn'", TERMIJN],
    ),
    "groep_in_plaats_van_parameter": (
        KOP + "wijzigingen:\n  robuustheidscriteria.kritieke_massa:\n    2027-01-01: true\n",
        ["regel 4", "is een groep regels", "kritieke_massa.minimum_fte_formatie"],
    ),
    "getal_voor_waar_onwaar": (
        KOP + f"wijzigingen:\n  {TERMIJN}:\n    2027-01-01: 1\n",
        ["regel 5", TERMIJN, "waarde 1 is een getal", "verwacht waar/onwaar"],
    ),
    "tekst_voor_waar_onwaar": (
        # the Dutch words ja/nee/waar/onwaar are booleans (as in the dataset); other text is not
        KOP + f"wijzigingen:\n  {TERMIJN}:\n    2027-01-01: misschien\n",
        ["regel 5", "'misschien' is een tekst", "verwacht waar/onwaar"],
    ),
    "lege_waarde": (
        KOP + f"wijzigingen:\n  {TERMIJN}:\n    2027-01-01:\n",
        ["regel 5", TERMIJN, "waarde (leeg) is leeg", "verwacht waar/onwaar"],
    ),
    "tekst_voor_getal": (
        KOP + "wijzigingen:\n  robuustheidscriteria.kritieke_massa.minimum_fte_formatie:\n" + "    2027-01-01: veel\n",
        ["regel 5", "minimum_fte_formatie", "'veel' is een tekst", "verwacht een getal"],
    ),
    "waar_onwaar_voor_tekst": (
        KOP + "wijzigingen:\n  bijsturingsbevoegdheid.robuustheid.vorm:\n    2027-01-01: true\n",
        ["regel 5", "robuustheid.vorm", "waarde true", "verwacht een tekst"],
    ),
    "aanname_zonder_basis": (
        KOP + "wijzigingen:\n  wetsvoorstel_versterking_vth.inwerkingtreding:\n    2016-04-14: '2027-01-01'\n",
        ["regel 4", "basis: wetsvoorstel_versterking_vth"],
    ),
    "stuurteken_uit_pdf": (
        KOP.replace("toelichting: ", "toelichting: \x0c") + f"wijzigingen:\n  {TERMIJN}:\n    2027-01-01: true\n",
        ["regel 2", "onleesbaar teken U+000C", "verwijder het"],
    ),
    "geen_eindig_getal": (
        KOP + "wijzigingen:\n  robuustheidscriteria.kritieke_massa.minimum_fte_formatie:\n" + "    2027-01-01: .nan\n",
        ["regel 5", "minimum_fte_formatie", "nan is geen eindig getal"],
    ),
    "oneindig_getal": (
        KOP + "wijzigingen:\n  robuustheidscriteria.kritieke_massa.minimum_fte_formatie:\n" + "    2027-01-01: .inf\n",
        ["regel 5", "inf is geen eindig getal"],
    ),
    "negatieve_formatie": (
        KOP + "wijzigingen:\n  robuustheidscriteria.kritieke_massa.minimum_fte_formatie:\n" + "    2027-01-01: -5\n",
        ["regel 5", "-5 valt buiten het bereik; kies 0 of meer"],
    ),
    "aandeel_boven_een": (
        KOP + "wijzigingen:\n  basistakenpakket.taakcategorieen.bouw_toezicht.formatie_bij_inbreng:\n"
        "    2027-01-01: 1.5\n",
        ["regel 5", "1.5 valt buiten het bereik; kies tussen 0 en 1"],
    ),
    "aanname_geen_datum": (
        KOP + "basis: wetsvoorstel_versterking_vth\n"
        "wijzigingen:\n  wetsvoorstel_versterking_vth.inwerkingtreding:\n"
        "    2016-04-14: 1 juli 2027\n",
        ["regel 6", "wetsvoorstel_versterking_vth.inwerkingtreding", "'1 juli 2027' is geen datum"],
    ),
}


@pytest.fixture
def schrijf(tmp_path):
    def schrijf(naam, tekst):
        pad = tmp_path / f"{naam}.yaml"
        pad.write_text(tekst, encoding="utf-8")
        return pad

    return schrijf


@pytest.mark.parametrize("geval", sorted(GEVALLEN))
def test_fout_in_hervormingsbestand(geval, schrijf, tax_benefit_system):
    tekst, fragmenten = GEVALLEN[geval]
    pad = schrijf(geval, tekst)
    with pytest.raises(HervormingsbestandFout) as fout:
        laad_hervorming(str(pad), tax_benefit_system)
    melding = str(fout.value)
    assert isinstance(fout.value, VTHInvoerFout)
    assert "\n" not in melding
    assert melding.startswith(f"{pad}")
    for fragment in fragmenten:
        assert fragment in melding, f"{fragment!r} ontbreekt in: {melding}"


def test_bestand_niet_gevonden(tmp_path, tax_benefit_system):
    pad = tmp_path / "bestaat_niet.yaml"
    with pytest.raises(HervormingsbestandFout, match="bestaat_niet.yaml: bestand niet gevonden"):
        laad_hervorming(str(pad), tax_benefit_system)


@pytest.mark.parametrize(
    ("maak", "melding"),
    [
        (lambda pad: pad.write_bytes(b"naam: x\n\xff\xfe"), "geen UTF-8-tekst (ongeldige byte op positie 8); sla"),
        (lambda pad: pad.mkdir(), "is een map, geen bestand"),
    ],
    ids=["andere codering", "map"],
)
def test_onleesbaar_bestand_zegt_waarom_en_wat_te_doen(tmp_path, tax_benefit_system, maak, melding):
    # used to be "bestand niet leesbaar (UnicodeDecodeError)": the exception's class name, no remedy
    pad = tmp_path / "wijziging.yaml"
    maak(pad)
    with pytest.raises(HervormingsbestandFout) as fout:
        laad_hervorming(str(pad), tax_benefit_system)
    assert str(fout.value).startswith(f"{pad}: ") and melding in str(fout.value)
    assert "Error" not in str(fout.value)


def test_onbekende_naam_noemt_de_dichtstbijzijnde(tax_benefit_system):
    with pytest.raises(HervormingsFout, match="bedoelt u 'uitstel_termijn_2027'"):
        laad_hervorming("uitstel_termijn_2072", tax_benefit_system)


def test_een_goed_bestand_laadt_en_draagt_status_en_bron(schrijf, tax_benefit_system):
    pad = schrijf(
        "goed",
        KOP
        + "status: bestuurlijke_afspraak\n"
        + f"wijzigingen:\n  {TERMIJN.replace('.', '/')}:\n"
        + "    2027-01-01:\n      waarde: false\n      status: aanname\n"
        + "      referentie:\n        - tekst: Kamerstuk 22 343, nr. 419\n"
        + "          url: https://zoek.officielebekendmakingen.nl/kst-22343-419.html\n"
        + "    2026-04-01: false\n",
    )
    hervormd = laad_hervorming(str(pad), tax_benefit_system)
    termijn = hervormd.parameters.robuustheidstermijn_verstreken
    assert termijn("2026-03-31") is False and termijn("2026-04-01") is False
    assert termijn("2027-01-01") is False  # the file's value replaces the later baseline values
    metadata = {w.instant_str: w.metadata for w in termijn.values_list}
    assert metadata["2026-04-01"]["status"] == "bestuurlijke_afspraak"
    assert metadata["2027-01-01"]["status"] == "aanname"
    assert metadata["2027-01-01"]["reference"][0]["url"].endswith("kst-22343-419.html")
    # no reference in the file: the value keeps the reference of the amended rule
    assert metadata["2026-04-01"]["reference"] == termijn.metadata["reference"]
    assert hervormd.key == "proef"


def test_een_getal_wordt_een_kommagetal_zoals_in_de_basis(schrijf, tax_benefit_system):
    pad = schrijf(
        "fte",
        KOP + "wijzigingen:\n  robuustheidscriteria.kritieke_massa.minimum_fte_formatie:\n    2027-01-01: 80\n",
    )
    hervormd = laad_hervorming(str(pad), tax_benefit_system)
    waarde = hervormd.parameters.robuustheidscriteria.kritieke_massa.minimum_fte_formatie("2027-01-01")
    assert waarde == 80.0 and isinstance(waarde, float)


@pytest.mark.parametrize("geval", ["onbekende_parameter", "yaml_syntaxfout", "onmogelijke_datum"])
def test_compare_met_fout_bestand_geeft_status_2_zonder_traceback(geval, schrijf, capsys):
    pad = schrijf(geval, GEVALLEN[geval][0])
    assert main(["compare", "--reform", str(pad), "--period", "2027-01"]) == 2
    uit = capsys.readouterr()
    assert uit.out == ""
    assert uit.err.count("\n") == 1 and "Traceback" not in uit.err
    assert uit.err.startswith(f"openfisca-vth compare: fout: {pad}")


@pytest.mark.parametrize("woord, waarde", [("nee", False), ("Onwaar", False), ("ja", True), ("waar", True)])
def test_nederlandse_booleaanse_woorden(schrijf, tax_benefit_system, woord, waarde):
    # a date where current law holds the other value, so a word that is not read fails the test
    dag = "2025-01-01" if waarde else "2027-01-01"
    assert tax_benefit_system.parameters.robuustheidstermijn_verstreken(dag) is not waarde
    pad = schrijf("woord", KOP + f"wijzigingen:\n  {TERMIJN}:\n    {dag}: {woord}\n")
    hervormd = laad_hervorming(str(pad), tax_benefit_system)
    assert hervormd.parameters.robuustheidstermijn_verstreken(dag) is waarde

"""Assumption sensitivity (openfisca_vth.aannames, ``openfisca-vth aannames``).

The value in force must reproduce ``status``; each alternative is a sweep value, which
tests/test_variatie.py holds to a hand-written reform file. Here: which assumptions are tried,
how, and what the analysis concludes from them.
"""

import json

import pytest

from openfisca_vth.aannames import alternatieven, analyseer_aannames
from openfisca_vth.cli import main
from openfisca_vth.metadata import bladeren, is_informatief
from openfisca_vth.rapport import bereken_status
from openfisca_vth.variatie import zoek_parameter

MINIMUM = "robuustheidscriteria.kritieke_massa.minimum_fte_formatie"
WETSVOORSTEL = "wetsvoorstel_versterking_vth"


@pytest.fixture(scope="module")
def analyse(dataset, baseline):
    return analyseer_aannames(dataset, baseline, "2026-04")


def test_de_waarde_in_werking_geeft_de_status(analyse, dataset, baseline):
    status = bereken_status(dataset, baseline, "2026-04").totalen
    assert analyse.huidig.totalen == status
    for gevoeligheid in analyse.gevoeligheden:
        assert gevoeligheid.uitkomsten[0].totalen == status, gevoeligheid.parameter


def test_alleen_aannames_die_een_formule_leest(analyse, baseline):
    doorgerekend = {g.parameter for g in analyse.gevoeligheden} | {p for p, _ in analyse.overgeslagen}
    bladen = {blad.name: blad for blad in bladeren(baseline.parameters)}
    assert MINIMUM in doorgerekend
    for naam in doorgerekend:
        blad = bladen[naam]
        assert not is_informatief(blad), naam
        waarde = next(w for w in blad.values_list if w.instant_str <= "2026-04-30")
        assert waarde.metadata.get("status", blad.metadata.get("status")) == "aanname", naam
    # a rule with another status is not an assumption
    assert "robuustheidscriteria.afgesproken" not in doorgerekend


def test_minimum_formatie_met_opgegeven_alternatieven(analyse):
    (minimum,) = [g for g in analyse.gevoeligheden if g.parameter == MINIMUM]
    assert minimum.waarde == 0 and minimum.alternatieven == (100.0, 200.0)
    # odnzkg fails from 136 fte (tests/test_variatie.py): not at 100, at 200
    assert minimum.omslagen["odnzkg"] == [(200.0, "robuust", False)]
    assert MINIMUM in analyse.rust_op["odnzkg"]


def test_standhoudend_en_rustend_sluiten_elkaar_uit(analyse):
    vast, rust = set(analyse.standhoudend), set(analyse.rust_op)
    assert vast and rust and not vast & rust
    assert vast | rust == {code for code, _ in analyse.diensten}


def test_ja_nee_wordt_omgedraaid_en_een_datum_een_jaar_verschoven(baseline):
    from openfisca_vth.reforms import laad_hervorming

    blad = zoek_parameter(baseline.parameters, "robuustheidscriteria.kritieke_massa.van_toepassing")
    assert alternatieven(blad, True) == ((False,), "")
    systeem = laad_hervorming(WETSVOORSTEL, baseline)
    datum = zoek_parameter(systeem.parameters, f"{WETSVOORSTEL}.inwerkingtreding")
    assert alternatieven(datum, "2028-01-01") == (("2027-01-01", "2029-01-01"), "")
    assert alternatieven(datum, "2028-02-29") == (("2027-02-28", "2029-02-28"), "")


def test_zonder_alternatieven_overgeslagen_met_reden(analyse):
    overgeslagen = dict(analyse.overgeslagen)
    assert "basistakenpakket.seveso_aanwijzing.PV20" in overgeslagen
    assert "metadata.alternatieven" in overgeslagen["basistakenpakket.seveso_aanwijzing.PV20"]


def test_inwerkingtreding_van_het_wetsvoorstel_telt_als_aanname(dataset, baseline):
    analyse = analyseer_aannames(dataset, baseline, "2028-06", hervorming=WETSVOORSTEL)
    (datum,) = [g for g in analyse.gevoeligheden if g.parameter == f"{WETSVOORSTEL}.inwerkingtreding"]
    later = next(u for u in datum.uitkomsten if u.waarde == "2029-01-01")
    assert datum.uitkomsten[0].totalen["bijsturingsbevoegdheid_staatssecretaris"] > 0
    assert later.totalen["bijsturingsbevoegdheid_staatssecretaris"] == 0
    assert not datum.houdt_stand


def test_cli_tabel_en_json(capsys):
    assert main(["aannames", "--period", "2026-04"]) == 0
    uit = capsys.readouterr().out
    assert "Uitkomsten die op een aanname rusten" in uit and "Uitkomsten die standhouden" in uit
    assert f"niet robuust als {MINIMUM} = 200 (nu 0)" in uit
    assert main(["aannames", "--period", "2026-04", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"aannames", "overgeslagen", "rust_op_aanname", "houdt_stand", "totalen"} <= set(data)


def test_cli_foute_periode(capsys):
    assert main(["aannames", "--period", "2015-01"]) == 2
    fout = capsys.readouterr().err
    assert fout.count("\n") == 1 and "2016-04" in fout


@pytest.mark.parametrize("periode", ["2026-04", "2028-01"])
def test_niet_gelezen_aannames_veranderen_niets_doorgerekend(dataset, baseline, periode):
    """In current law an assumption that no formula of the results reads is not computed: its
    alternatives give the results as they stand. Computed value by value here, they must agree."""
    from openfisca_vth.aannames import NIET_GELEZEN
    from openfisca_vth.variatie import PER_WAARDE, varieer

    analyse = analyseer_aannames(dataset, baseline, periode)
    niet_gelezen = [g for g in analyse.gevoeligheden if g.werkwijze == NIET_GELEZEN]
    assert niet_gelezen, "geen niet-gelezen aanname om te toetsen"
    for gevoeligheid in niet_gelezen:
        waarden = [gevoeligheid.waarde, *gevoeligheid.alternatieven]
        doorgerekend = varieer(dataset, baseline, gevoeligheid.parameter, waarden, periode, werkwijze=PER_WAARDE)
        assert doorgerekend.uitkomsten == gevoeligheid.uitkomsten, gevoeligheid.parameter
        assert gevoeligheid.houdt_stand


def test_onder_een_hervorming_wordt_elke_aanname_doorgerekend(dataset, baseline):
    """A reform builds rules from its parameters when it is applied (no formula reads them), so
    under a reform nothing is taken as unread."""
    from openfisca_vth.aannames import NIET_GELEZEN

    analyse = analyseer_aannames(dataset, baseline, "2028-01", WETSVOORSTEL)
    assert analyse.gevoeligheden and all(g.werkwijze != NIET_GELEZEN for g in analyse.gevoeligheden)

"""The bill's design choices (issue 8): choices that cannot go together are refused with one line
naming the file, the line and the choices; the choices a reform makes reach every report."""

import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_vth.errors import HervormingsbestandFout
from openfisca_vth.reforms import laad_hervorming

W = "wetsvoorstel_versterking_vth"


def _bestand(tmp_path, wijzigingen, basis=W):
    pad = tmp_path / "ontwerp.yaml"
    regels = ["naam: ontwerp", "toelichting: Een ontwerpvariant.", f"basis: {basis}", "wijzigingen:"]
    for parameter, waarde in wijzigingen:
        regels += [f"  {parameter}:", f"    2016-04-14: {waarde}"]
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    return pad


@pytest.mark.parametrize(
    "wijzigingen, regel, verwacht",
    [
        (
            [(f"{W}.vorm_bijsturingsbevoegdheid", "indeplaatsstelling")],
            6,
            "vorm_bijsturingsbevoegdheid 'indeplaatsstelling' vereist een hersteltermijn, maar "
            f"{W}.hersteltermijn_weken is 0",
        ),
        (
            [(f"{W}.hersteltermijn_weken", 0), (f"{W}.vorm_bijsturingsbevoegdheid", "indeplaatsstelling")],
            6,
            "vereist een hersteltermijn",
        ),
        (
            [(f"{W}.criteria_in_regelgeving.onafhankelijkheid", "false")],
            6,
            f"{W}.bijsturing_bij.onafhankelijkheid is waar, maar "
            f"{W}.criteria_in_regelgeving.onafhankelijkheid is onwaar",
        ),
        (
            [(f"{W}.adressaat", "gemeenten")],
            6,
            "'gemeenten' is geen keuze; kies uit omgevingsdienst, deelnemers, beide",
        ),
        ([(f"{W}.verhouding_generiek_toezicht", "samen")], 6, "kies uit naast, in_plaats_van"),
        ([(f"{W}.route_inbreng_basistakenpakket", "124c")], 6, "kies uit huidig_recht, bijlage_124b"),
        ([(f"{W}.wettelijke_termijn.kritieke_massa", "'1 januari 2029'")], 6, "is geen datum"),
        ([(f"{W}.hersteltermijn_weken", -4)], 6, "-4 valt buiten het bereik; kies 0 of meer"),
    ],
)
def test_keuzes_die_niet_samengaan_geven_een_regel(tmp_path, tax_benefit_system, wijzigingen, regel, verwacht):
    pad = _bestand(tmp_path, wijzigingen)
    with pytest.raises(HervormingsbestandFout) as fout:
        laad_hervorming(str(pad), tax_benefit_system)
    bericht = str(fout.value)
    assert "\n" not in bericht
    assert bericht.startswith(f"{pad}, regel {regel}: "), bericht
    assert verwacht in bericht


def test_indeplaatsstelling_met_hersteltermijn_gaat_wel(tmp_path, tax_benefit_system):
    pad = _bestand(
        tmp_path, [(f"{W}.vorm_bijsturingsbevoegdheid", "indeplaatsstelling"), (f"{W}.hersteltermijn_weken", 6)]
    )
    bevoegdheid = laad_hervorming(str(pad), tax_benefit_system).parameters.bijsturingsbevoegdheid.robuustheid
    assert bevoegdheid.vorm("2028-01-01") == "indeplaatsstelling"
    assert bevoegdheid.hersteltermijn_weken("2028-01-01") == 6
    assert bevoegdheid.hersteltermijn_weken("2027-12-31") == 0


def test_overgangstermijn_eindigt_op_de_laatste_dag_van_een_kortere_maand(tmp_path, tax_benefit_system):
    # 31 March 2027 + 11 months = 29 February 2028: February still shielded, March not
    systeem = laad_hervorming(
        str(
            _bestand(tmp_path, [(f"{W}.overgangstermijn_fusie_maanden", 11), (f"{W}.inwerkingtreding", "'2027-01-01'")])
        ),
        tax_benefit_system,
    )
    situatie = {
        "deelnemers": {"gemeente_a": {}},
        "omgevingsdiensten": {"od": {"gemeenten": ["gemeente_a"], "datum_fusie": {"2028": "2027-03-31"}}},
    }
    simulatie = SimulationBuilder().build_from_entities(systeem, situatie)
    assert simulatie.calculate("in_overgangstermijn_fusie", "2028-02").tolist() == [True]
    assert simulatie.calculate("in_overgangstermijn_fusie", "2028-03").tolist() == [False]


def test_varianten_veranderen_het_huidige_recht_niet(tax_benefit_system):
    from openfisca_vth.reforms import meegeleverde_bestanden

    voor = {blad.name: [(w.instant_str, w.value) for w in blad.values_list] for blad in _bladeren(tax_benefit_system)}
    for naam in meegeleverde_bestanden():
        laad_hervorming(naam, tax_benefit_system)
    na = {blad.name: [(w.instant_str, w.value) for w in blad.values_list] for blad in _bladeren(tax_benefit_system)}
    assert voor == na
    assert W not in tax_benefit_system.parameters.children


def _bladeren(systeem):
    from openfisca_vth.metadata import bladeren

    return bladeren(systeem.parameters)


def test_status_noemt_de_keuzes_van_de_hervorming_met_hun_status(tax_benefit_system):
    from openfisca_vth.dataset import laad_dataset
    from openfisca_vth.rapport import bereken_status

    rapport = bereken_status(
        laad_dataset(), laad_hervorming("wetsvoorstel_adressaat_deelnemers", tax_benefit_system), "2028-01"
    )
    keuzes = {k.parameter: (k.waarde, k.status) for k in rapport.keuzes}
    assert keuzes[f"{W}.adressaat"] == ("deelnemers", "aanname")
    assert keuzes[f"{W}.inwerkingtreding"] == ("2028-01-01", "aanname")
    assert keuzes[f"{W}.route_inbreng_basistakenpakket"] == ("specifieke_bevoegdheid", "aanname")
    assert not bereken_status(laad_dataset(), tax_benefit_system, "2028-01").keuzes
    # addressed to the deelnemers: no dienst-level power, but the deelnemers who answer for a criterion
    assert rapport.totalen["bijsturingsbevoegdheid_staatssecretaris"] == 0
    assert rapport.totalen["bijsturingsbevoegdheid_jegens_deelnemer"] > 0


def test_status_weigert_een_tweede_reform(capsys):
    from openfisca_vth.cli import main

    with pytest.raises(SystemExit) as einde:
        main(["status", "--reform", "wetsvoorstel_versterking_vth", "--reform", "alle_zes_robuustheidscriteria"])
    assert einde.value.code == 2
    assert "--reform mag hier maar één keer" in capsys.readouterr().err

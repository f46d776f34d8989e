"""The legal model claims what its sources prove (issue 7), and every rule is used or marked informative."""

import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_vth import CountryTaxBenefitSystem
from openfisca_vth.dataset import laad_dataset
from openfisca_vth.errors import HervormingsbestandFout, ModelFout
from openfisca_vth.metadata import HERNOEMD, bladeren, is_informatief
from openfisca_vth.primaire_teksten import is_gelezen
from openfisca_vth.reforms import laad_hervorming
from openfisca_vth.robuustheidscriteria import Robuustheidscriterium


def test_een_status_boven_aanname_rust_op_een_gelezen_bron(tax_benefit_system):
    fouten = []
    for blad in bladeren(tax_benefit_system.parameters):
        for waarde in blad.values_list:
            status = waarde.metadata["status"]
            urls = [r["url"] for r in waarde.metadata["reference"]]
            if status != "aanname" and not any(is_gelezen(url) for url in urls):
                fouten.append(f"{blad.name} {waarde.instant_str}: {status} zonder gelezen bron ({urls})")
    assert not fouten, "\n".join(fouten)


@pytest.mark.parametrize(
    "url, gelezen",
    [
        ("https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.22&lid=2&g=2024-01-01", True),
        ("https://wetten.overheid.nl/jci1.3:c:BWBR0041278&artikel=13.12&g=2024-01-01", False),  # Omgevingsbesluit
        ("https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=124a&lid=1", True),
        ("https://wetten.overheid.nl/jci1.3:c:BWBR0024779&artikel=5.3&g=2016-04-14", False),  # after the Wet VTH
        ("https://wetten.overheid.nl/jci1.3:c:BWBR0024779&artikel=2.4&g=2016-04-14", True),
        ("https://zoek.officielebekendmakingen.nl/kst-22343-419.html", True),  # the voortgangsbrief
        ("https://zoek.officielebekendmakingen.nl/kst-22343-360.html", False),  # only its opening was seen
        ("https://zoek.officielebekendmakingen.nl/stb-2017-193.html", False),
    ],
)
def test_gelezen_bronnen(url, gelezen):
    assert is_gelezen(url) is gelezen


def test_bestaan_criteria_en_termijn_zijn_afspraak_inhoud_is_aanname(tax_benefit_system):
    p = tax_benefit_system.parameters

    def status(parameter, datum):
        return next(w for w in parameter.values_list if w.instant_str <= datum).metadata["status"]

    assert status(p.robuustheidscriteria.afgesproken, "2023-06-22") == "bestuurlijke_afspraak"
    assert status(p.robuustheidstermijn_verstreken, "2026-04-01") == "bestuurlijke_afspraak"
    for criterium in p.robuustheidscriteria.children.values():
        if hasattr(criterium, "children"):
            assert {w.metadata["status"] for w in criterium.van_toepassing.values_list} == {"aanname"}
    assert status(p.robuustheidscriteria.kritieke_massa.minimum_fte_formatie, "2026-04-01") == "aanname"
    # no enforcement power today: that is current law, not a bill
    assert status(p.bijsturingsbevoegdheid.robuustheid.in_werking, "2026-04-01") == "wet"
    assert status(p.bijsturingsbevoegdheid.inbreng_basistakenpakket.in_werking, "2026-04-01") == "wet"
    # budget figures are none of the legal statuses
    assert status(p.begroting.decentralisatie_uitkering_vth, "2026-04-01") == "begroting"
    # every value resting on the unread Omgevingsbesluit is aanname, except where the Omgevingswet
    # itself (art. 18.22 lid 2) carries the rule
    for blad in bladeren(p):
        for waarde in blad.values_list:
            urls = [r["url"] for r in waarde.metadata["reference"]]
            if any("BWBR0041278" in u for u in urls) and not any(is_gelezen(u) for u in urls):
                assert waarde.metadata["status"] == "aanname", blad.name


def _alle_regels_gelezen(systeem):
    """The parameter leaves that formulas read, traced over situations that reach every branch."""
    gelezen = set()
    for maand in ("2016-04", "2017-07", "2023-06", "2024-01", "2026-04"):
        situatie = {
            "deelnemers": {
                "gemeente": {"cbs_code": {maand: "GM0363"}, "gelijkgesteld_met_provincie_wbb": {maand: True}},
                "provincie": {"cbs_code": {maand: "PV27"}},
                "waterschap": {},
            },
            "omgevingsdiensten": {
                "odnzkg": {
                    "gemeenten": ["gemeente"],
                    "provincies": ["provincie"],
                    "waterschappen": ["waterschap"],
                    "is_seveso_omgevingsdienst": {maand: True},
                }
            },
        }
        simulatie = SimulationBuilder().build_from_entities(systeem, situatie)
        simulatie.trace = True
        for naam, variabele in systeem.variables.items():
            if not variabele.is_input_variable():
                simulatie.calculate(naam, maand)
        for knoop in simulatie.tracer.trees:
            stapel = [knoop]
            while stapel:
                huidig = stapel.pop()
                gelezen |= {p.name.lstrip(".") for p in huidig.parameters}
                stapel += huidig.children
    return gelezen


def test_elke_regel_wordt_gelezen_of_is_informatief(tax_benefit_system):
    gelezen = _alle_regels_gelezen(tax_benefit_system)
    stil = [b.name for b in bladeren(tax_benefit_system.parameters) if b.name not in gelezen and not is_informatief(b)]
    assert not stil, f"parameters die geen formule leest en niet als informatief gemarkeerd zijn: {stil}"
    informatief_maar_gelezen = [
        b.name for b in bladeren(tax_benefit_system.parameters) if is_informatief(b) and b.name in gelezen
    ]
    assert not informatief_maar_gelezen


def test_criteriummap_zonder_variabele_faalt_bij_het_laden(monkeypatch):
    import openfisca_vth.taxbenefitsystem as tbs

    extra = (*tbs.ROBUUSTHEIDSCRITERIA, Robuustheidscriterium("kennispositie", "Kennis- en informatiepositie"))
    monkeypatch.setattr(tbs, "ROBUUSTHEIDSCRITERIA", extra)
    with pytest.raises(ModelFout) as fout:
        CountryTaxBenefitSystem()
    bericht = str(fout.value)
    assert "robuustheidscriterium_kennispositie" in bericht and "\n" not in bericht


@pytest.mark.parametrize("oud, nieuw", sorted(HERNOEMD.items()))
def test_oud_pad_in_een_hervormingsbestand_krijgt_de_nieuwe_naam(tmp_path, tax_benefit_system, oud, nieuw):
    bestand = tmp_path / "oud.yaml"
    bestand.write_text(f"naam: oud\ntoelichting: x\nwijzigingen:\n  {oud}:\n    2027-01-01: 1\n", encoding="utf-8")
    with pytest.raises(HervormingsbestandFout, match=f"hernoemd tot '{nieuw}'"):
        laad_hervorming(str(bestand), tax_benefit_system)
    # the new path exists (a reform's own parameter in the tree of that reform)
    eerste = nieuw.split(".")[0]
    systeem = (
        laad_hervorming(eerste, tax_benefit_system) if eerste == "wetsvoorstel_versterking_vth" else tax_benefit_system
    )
    node = systeem.parameters
    for deel in nieuw.split("."):
        node = node.children[deel]


def test_alle_zes_criteria_is_de_andere_lezing(tax_benefit_system):
    from openfisca_vth.rapport import bereken_status

    ds = laad_dataset()
    zes = laad_hervorming("alle_zes_robuustheidscriteria", tax_benefit_system)
    huidig = bereken_status(ds, tax_benefit_system, "2025-12")
    hervormd = bereken_status(ds, zes, "2025-12")
    assert huidig.geldende_criteria == ("basistakenpakket", "kritieke_massa", "onafhankelijkheid")
    assert set(hervormd.geldende_criteria) == {
        "basistakenpakket",
        "kritieke_massa",
        "onafhankelijkheid",
        "financiering",
        "uniform_beleid",
        "werkgebied",
    }
    odra = {d.code: d for d in huidig.omgevingsdiensten}["odra"]
    odra_zes = {d.code: d for d in hervormd.omgevingsdiensten}["odra"]
    # Arnhem's missing regional strategy counts only under the six-criteria reading
    assert odra.niet_voldane_criteria == ("basistakenpakket",)
    assert odra_zes.niet_voldane_criteria == ("basistakenpakket", "uniform_beleid")
    # the baseline is untouched
    assert not tax_benefit_system.parameters.robuustheidscriteria.financiering.van_toepassing("2025-12-31")


def test_aangewezen_seveso_diensten_zijn_seveso_diensten_in_de_dataset(tax_benefit_system):
    ds = laad_dataset()
    aanwijzing = tax_benefit_system.parameters("2026-04-01").basistakenpakket.seveso_aanwijzing
    seveso = {d.code for d in ds.omgevingsdiensten("2026-04") if d.is_seveso_omgevingsdienst}
    assert {aanwijzing[pv] for pv in aanwijzing} == seveso
    # the national dataset says for every province where its Seveso work is carried
    provincies = {d.code for d in ds.deelnemers("2026-04") if d.soort == "provincie"}
    assert set(ds.seveso_plaatsing("2026-04")) == provincies == set(aanwijzing)


def test_provincie_die_seveso_taken_in_eigen_beheer_houdt_wordt_eenmaal_genoemd(tmp_path, tax_benefit_system):
    """Overijssel takes part in two diensten, neither its designated Seveso-OD (odrn)."""
    import shutil

    from openfisca_vth.dataset import INGEBOUWD_DIR
    from openfisca_vth.rapport import bereken_status

    map_ = tmp_path / "ds"
    shutil.copytree(INGEBOUWD_DIR, map_)
    seveso = map_ / "seveso_taken.csv"
    seveso.write_text(
        seveso.read_text(encoding="utf-8").replace("PV23,Overijssel,odrn,", "PV23,Overijssel,eigen_beheer,")
    )
    rapport = bereken_status(laad_dataset(map_), tax_benefit_system, "2026-04")
    tekort = [
        (d.code, x)
        for d in rapport.omgevingsdiensten
        for x in d.deelnemers
        if x.id.endswith(":PV23") and x.ontbrekende_basistaken
    ]
    assert [(code, x.ontbrekende_basistaken) for code, x in tekort] == [
        ("odijsselland", ("rie_categorie_4", "seveso_inrichtingen"))
    ]
    _, overijssel = tekort[0]
    assert (
        overijssel.plaatsing_seveso_taken == "in_eigen_beheer"
        and overijssel.aangewezen_seveso_omgevingsdienst == "odrn"
    )
    assert [o.url for o in overijssel.wie_kan_optreden] == [
        "https://wetten.overheid.nl/jci1.3:c:BWBR0005645&artikel=121&lid=1"
    ]
    # the duty is the province's: neither odijsselland's nor odrn's basistakenpakket criterion fails on it
    diensten = {d.code: d for d in rapport.omgevingsdiensten}
    assert "basistakenpakket" not in diensten["odijsselland"].niet_voldane_criteria
    assert diensten["odijsselland"].robuust and diensten["odtwente"].robuust

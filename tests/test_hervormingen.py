"""The reforms: a reform never changes the baseline; the wetsvoorstel's legal status and dates.

The YAML scenarios under tests/reforms/ test what each reform does to the outcomes on both sides
of its dates; this file tests what the scenarios cannot see: the baseline object after applying,
the metadata of the changed values, the reform's own assumptions and the lookup by name.
"""

import copy

import pytest
from openfisca_core.reforms import Reform

from openfisca_vth.errors import HervormingsFout
from openfisca_vth.metadata import bladeren
from openfisca_vth.reforms import (
    bekende_hervormingen,
    hervormingsklasse,
    laad_hervorming,
    meegeleverde_bestanden,
)

DATA = ["2016-04-14", "2026-04-01", "2027-01-01", "2027-07-01", "2028-01-01", "2030-01-01"]


def _momentopname(systeem):
    """Every value, date and metadata of every leaf, plus the variables and the instant cache."""
    return {
        "parameters": {
            blad.name: [(w.instant_str, w.value, copy.deepcopy(w.metadata)) for w in blad.values_list]
            for blad in bladeren(systeem.parameters)
        },
        "knopen": sorted(systeem.parameters.children),
        "variabelen": dict(systeem.variables),
        "formules": {naam: dict(v.formulas) for naam, v in systeem.variables.items()},
    }


@pytest.mark.parametrize(
    "spec",
    bekende_hervormingen() + ["wetsvoorstel_per_2027_07+uitstel_termijn_2027"],
)
def test_een_hervorming_verandert_het_basisstelsel_niet(spec, baseline):
    # fill the parameters_at_instant cache first: a reform must not write into it either
    in_cache = {datum: baseline.get_parameters_at_instant(datum) for datum in DATA}
    waarden_voor = {
        datum: (
            in_cache[datum].robuustheidstermijn_verstreken,
            in_cache[datum].bijsturingsbevoegdheid.robuustheid.in_werking,
            in_cache[datum].basistakenpakket.taakcategorieen.bouw_toezicht.is_basistaak,
            in_cache[datum].robuustheidscriteria.kritieke_massa.minimum_fte_formatie,
        )
        for datum in DATA
    }
    voor = _momentopname(baseline)

    hervormd = laad_hervorming(spec, baseline)

    assert hervormd is not baseline and hervormd.parameters is not baseline.parameters
    assert _momentopname(baseline) == voor
    for datum in DATA:
        opnieuw = baseline.get_parameters_at_instant(datum)
        assert opnieuw is in_cache[datum]
        assert (
            opnieuw.robuustheidstermijn_verstreken,
            opnieuw.bijsturingsbevoegdheid.robuustheid.in_werking,
            opnieuw.basistakenpakket.taakcategorieen.bouw_toezicht.is_basistaak,
            opnieuw.robuustheidscriteria.kritieke_massa.minimum_fte_formatie,
        ) == waarden_voor[datum]
    # and the reformed system really differs somewhere, or this test would prove nothing
    assert _momentopname(hervormd)["parameters"] != voor["parameters"]


def test_eigen_aannames_bestaan_alleen_in_het_hervormde_stelsel(baseline):
    hervormd = laad_hervorming("wetsvoorstel_versterking_vth", baseline)
    assert "wetsvoorstel_versterking_vth" not in baseline.parameters.children
    eigen = hervormd.parameters.wetsvoorstel_versterking_vth
    assert eigen.inwerkingtreding("2026-01-01") == "2028-01-01"
    for blad in bladeren(eigen):
        assert blad.metadata["status"] == "aanname", blad.name
        assert blad.description and blad.metadata["reference"], blad.name


def test_wetsvoorstel_legt_criteria_en_termijn_vast_vanaf_de_inwerkingtreding(baseline):
    hervormd = laad_hervorming("wetsvoorstel_versterking_vth", baseline)
    criteria = hervormd.parameters.robuustheidscriteria

    def status(parameter, datum):
        return next(w for w in parameter.values_list if w.instant_str <= datum).metadata["status"]

    for naam, telt_mee in (("basistakenpakket", True), ("kritieke_massa", True), ("werkgebied", False)):
        van_toepassing = criteria.children[naam].van_toepassing
        assert status(van_toepassing, "2027-12-31") == "aanname"  # the text of the criteria was not read
        assert status(van_toepassing, "2028-01-01") == "wetsvoorstel"
        # same rule, other legal basis: the value does not change
        assert van_toepassing("2027-12-31") is telt_mee and van_toepassing("2028-01-01") is telt_mee
    assert status(criteria.afgesproken, "2027-12-31") == "bestuurlijke_afspraak"
    assert status(criteria.afgesproken, "2028-01-01") == "wetsvoorstel"
    assert status(hervormd.parameters.robuustheidstermijn_verstreken, "2027-12-31") == "bestuurlijke_afspraak"
    assert status(hervormd.parameters.robuustheidstermijn_verstreken, "2028-01-01") == "wetsvoorstel"
    assert hervormd.parameters.robuustheidstermijn_verstreken("2026-03-31") is False
    assert hervormd.parameters.robuustheidstermijn_verstreken("2026-04-01") is True

    bevoegdheid = hervormd.parameters.bijsturingsbevoegdheid
    assert bevoegdheid.robuustheid.in_werking("2027-12-31") is False
    assert bevoegdheid.robuustheid.in_werking("2028-01-01") is True
    assert bevoegdheid.robuustheid.vorm("2027-12-31") == "onbekend"
    assert bevoegdheid.robuustheid.vorm("2028-01-01") == "aanwijzing"
    assert status(bevoegdheid.robuustheid.vorm, "2028-01-01") == "aanname"
    assert bevoegdheid.inbreng_basistakenpakket.in_werking("2027-12-31") is False
    assert bevoegdheid.inbreng_basistakenpakket.in_werking("2028-01-01") is True


@pytest.mark.parametrize(
    "route, specifiek, bijlage_124b",
    [("huidig_recht", False, False), ("bijlage_124b", False, True), ("specifieke_bevoegdheid", True, False)],
)
def test_route_voor_de_inbreng_van_het_basistakenpakket(baseline, tmp_path, route, specifiek, bijlage_124b):
    pad = tmp_path / "route.yaml"
    pad.write_text(
        "naam: route\ntoelichting: Wetsvoorstel met een andere route voor de inbreng.\n"
        "basis: wetsvoorstel_versterking_vth\nwijzigingen:\n"
        "  wetsvoorstel_versterking_vth.route_inbreng_basistakenpakket:\n"
        f"    2016-04-14: {route}\n",
        encoding="utf-8",
    )
    parameters = laad_hervorming(str(pad), baseline).parameters
    assert parameters.bijsturingsbevoegdheid.robuustheid.in_werking("2028-01-01") is True
    assert parameters.bijsturingsbevoegdheid.inbreng_basistakenpakket.in_werking("2028-01-01") is specifiek
    bijlage = parameters.interbestuurlijk_toezicht.omgevingsrecht_in_bijlage_gemeentewet_124b
    assert bijlage("2027-12-31") is False and bijlage("2028-01-01") is bijlage_124b


def test_verbreding_volgt_haar_schakelaars(baseline, tmp_path):
    pad = tmp_path / "alleen_bouw.yaml"
    pad.write_text(
        "naam: alleen_bouw\ntoelichting: Alleen bouwtoezicht, vanaf 2027.\n"
        "basis: verbreding_basistakenpakket\nwijzigingen:\n"
        "  verbreding_basistakenpakket.ingangsdatum:\n    2016-04-14: '2027-01-01'\n"
        "  verbreding_basistakenpakket.wordt_basistaak.advisering_omgevingsplan:\n"
        "    2016-04-14: false\n",
        encoding="utf-8",
    )
    categorieen = laad_hervorming(str(pad), baseline).parameters.basistakenpakket.taakcategorieen
    assert categorieen.bouw_toezicht.is_basistaak("2026-12-31") is False
    assert categorieen.bouw_toezicht.is_basistaak("2027-01-01") is True
    assert categorieen.advisering_omgevingsplan.is_basistaak("2030-01-01") is False


def test_bestand_kan_de_basis_hervorming_overstemmen(baseline, tmp_path):
    # Changes to other rules come after the base reform: the file has the last word.
    pad = tmp_path / "later.yaml"
    pad.write_text(
        "naam: later\ntoelichting: Bevoegdheid pas in 2029.\nbasis: wetsvoorstel_versterking_vth\n"
        "wijzigingen:\n  bijsturingsbevoegdheid.robuustheid.in_werking:\n"
        "    2028-01-01: false\n    2029-01-01: true\n",
        encoding="utf-8",
    )
    in_werking = laad_hervorming(str(pad), baseline).parameters.bijsturingsbevoegdheid.robuustheid.in_werking
    assert [in_werking(d) for d in ("2028-01-01", "2028-12-31", "2029-01-01")] == [False, False, True]


def test_namen_en_klassepaden(baseline):
    assert set(meegeleverde_bestanden()) == {
        "alle_zes_robuustheidscriteria",
        "uitstel_termijn_2027",
        "verbreding_met_inbreng",
        "wetsvoorstel_adressaat_deelnemers",
        "wetsvoorstel_gefaseerd",
        "wetsvoorstel_inbreng_via_124b",
        "wetsvoorstel_indeplaatsstelling",
        "wetsvoorstel_lex_specialis",
        "minimum_fte_kritieke_massa",
        "verbreding_bouwtoezicht_2027",
        "wetsvoorstel_per_2027_07",
    }
    for naam in bekende_hervormingen():
        klasse = hervormingsklasse(naam)
        assert issubclass(klasse, Reform)
        # the class path OpenFisca's runner and `openfisca test -r` resolve
        pad = f"{klasse.__module__}.{klasse.__name__}"
        assert type(baseline.apply_reform(pad)).__name__ == naam
    with pytest.raises(AttributeError):
        from openfisca_vth.reforms import bestand

        bestand.bestaat_niet  # noqa: B018


def test_naam_die_niet_bestaat(baseline):
    with pytest.raises(HervormingsFout, match="onbekende hervorming"):
        laad_hervorming("geen_hervorming", baseline)


def _pytest(*argumenten):
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", *argumenten],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_pytest_optie_reform_draait_de_scenarios_onder_een_hervorming():
    scenario = "tests/scenarios/termijn_en_bijsturing.yaml"
    zonder = _pytest(scenario)
    assert zonder.returncode == 0, zonder.stdout
    onder = _pytest(scenario, "--reform=uitstel_termijn_2027")
    # current law says the deadline passes in 2026-04; under the postponement it does not
    assert onder.returncode == 1
    assert "robuustheidstermijn_verstreken@2026-04" in onder.stdout
    assert "2 failed" in onder.stdout
    fout = _pytest(scenario, "--reform=bestaat_niet.yaml")
    assert fout.returncode == 4  # pytest usage error, one line, no traceback
    assert "--reform: bestaat_niet.yaml: bestand niet gevonden" in fout.stderr
    assert "Traceback" not in fout.stderr


def test_web_api_op_een_hervormd_stelsel(baseline):
    # `openfisca serve -c openfisca_vth -r <klassepad>` serves the reformed system the same way
    from openfisca_web_api.app import create_app

    client = create_app(laad_hervorming("wetsvoorstel_per_2027_07", baseline)).test_client()
    situatie = {
        "deelnemers": {"g": {}},
        "omgevingsdiensten": {
            "od": {"gemeenten": ["g"], "bijsturingsbevoegdheid_staatssecretaris": {"2027-06": None, "2027-07": None}}
        },
    }
    antwoord = client.post("/calculate", json=situatie)
    assert antwoord.status_code == 200
    assert antwoord.get_json()["omgevingsdiensten"]["od"]["bijsturingsbevoegdheid_staatssecretaris"] == {
        "2027-06": False,
        "2027-07": True,
    }
    aanname = client.get("/parameter/wetsvoorstel_versterking_vth.inwerkingtreding").get_json()
    assert aanname["values"] == {"2016-04-14": "2027-07-01"}

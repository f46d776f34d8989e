"""The public contract: entity and variable names other tools and scenario files rely on."""

import pytest
from openfisca_core.periods import DateUnit

from openfisca_vth.metadata import BRON_URL
from openfisca_vth.periode import invoer_per_maand
from openfisca_vth.robuustheidscriteria import ROBUUSTHEIDSCRITERIA
from openfisca_vth.taakcategorieen import TAAKCATEGORIEEN

CATEGORIEEN = {
    "milieubelastende_activiteiten",
    "asbest_sloopactiviteiten",
    "bodem",
    "seveso_inrichtingen",
    "rie_categorie_4",
    "bouw_toezicht",
    "advisering_omgevingsplan",
}
CRITERIA = {"basistakenpakket", "kritieke_massa", "onafhankelijkheid", "uniform_beleid", "financiering", "werkgebied"}

DEELNEMER_INVOER = {
    **{f"ingebracht_{c}": (bool, False) for c in sorted(CATEGORIEEN)},
    **{f"heeft_taken_{c}": (bool, True) for c in sorted(CATEGORIEEN)},
    "mandaat_verleend": (bool, False),
    "regionale_strategie_vastgesteld": (bool, False),
}
DEELNEMER_UITKOMSTEN = {
    **{f"basistaak_ontbreekt_{c}": bool for c in sorted(CATEGORIEEN)},
    "aantal_ontbrekende_basistaken": int,
    "brengt_basistakenpakket_volledig_in": bool,
    "interbestuurlijk_toezicht_mogelijk": bool,
    "interbestuurlijk_toezichthouder": None,  # Enum
    "inbreng_basistakenpakket_afdwingbaar": bool,
}
DIENST_INVOER = {
    "fte_formatie": (float, 0),
    "voldoet_aan_kwaliteitscriteria": (bool, False),
    "financiering_conform_systematiek": (bool, False),
    "werkgebied_congruent_met_veiligheidsregio": (bool, True),
    "is_seveso_omgevingsdienst": (bool, False),
}
DIENST_UITKOMSTEN = {
    **{f"robuustheidscriterium_{c}": bool for c in sorted(CRITERIA)},
    "aantal_robuustheidscriteria_niet_voldaan": int,
    "robuust": bool,
    "robuustheidstermijn_verstreken": bool,
    "bijsturingsbevoegdheid_staatssecretaris": bool,
}


def test_entiteiten(tax_benefit_system):
    entiteiten = {e.key: e for e in tax_benefit_system.entities}
    assert set(entiteiten) == {"deelnemer", "omgevingsdienst"}
    assert entiteiten["deelnemer"].plural == "deelnemers" and entiteiten["deelnemer"].is_person
    dienst = entiteiten["omgevingsdienst"]
    assert dienst.plural == "omgevingsdiensten" and not dienst.is_person
    assert {(r.key, r.plural) for r in dienst.roles} == {
        ("gemeente", "gemeenten"),
        ("provincie", "provincies"),
        ("waterschap", "waterschappen"),
    }


def test_de_lijsten_komen_uit_de_parameterboom():
    assert {c.code for c in TAAKCATEGORIEEN} == CATEGORIEEN
    assert {c.code for c in ROBUUSTHEIDSCRITERIA} == CRITERIA


@pytest.mark.parametrize(
    "naam, entiteit, soort_en_standaard",
    [(n, "deelnemer", v) for n, v in DEELNEMER_INVOER.items()]
    + [(n, "omgevingsdienst", v) for n, v in DIENST_INVOER.items()],
)
def test_invoervariabelen(tax_benefit_system, naam, entiteit, soort_en_standaard):
    variabele = tax_benefit_system.get_variable(naam, check_existence=True)
    soort, standaard = soort_en_standaard
    assert variabele.entity.key == entiteit
    assert variabele.value_type is soort
    assert variabele.default_value == standaard
    assert variabele.definition_period == DateUnit.MONTH
    assert variabele.is_input_variable()
    assert variabele.set_input is invoer_per_maand


@pytest.mark.parametrize(
    "naam, entiteit, soort",
    [(n, "deelnemer", v) for n, v in DEELNEMER_UITKOMSTEN.items()]
    + [(n, "omgevingsdienst", v) for n, v in DIENST_UITKOMSTEN.items()],
)
def test_uitkomstvariabelen(tax_benefit_system, naam, entiteit, soort):
    variabele = tax_benefit_system.get_variable(naam, check_existence=True)
    assert variabele.entity.key == entiteit
    if soort is not None:
        assert variabele.value_type is soort
    assert variabele.definition_period == DateUnit.MONTH
    assert not variabele.is_input_variable()


def test_elke_variabele_heeft_een_label(tax_benefit_system):
    zonder = [n for n, v in tax_benefit_system.variables.items() if not (v.label or "").strip()]
    assert not zonder


def test_elke_formule_noemt_haar_bron(tax_benefit_system):
    fouten = []
    for naam, variabele in tax_benefit_system.variables.items():
        if variabele.is_input_variable():
            continue
        referenties = variabele.reference or []
        if not referenties:
            fouten.append(f"{naam}: geen reference")
        fouten += [f"{naam}: {r}" for r in referenties if not BRON_URL.match(r)]
    assert not fouten, "\n".join(fouten)

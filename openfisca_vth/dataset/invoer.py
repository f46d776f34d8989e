"""The input columns a dataset may carry: OpenFisca input variables, by entity.

Each column of ``invoer_omgevingsdiensten.csv`` / ``invoer_deelnemers.csv`` is named after the
variable it sets (``tests/test_dataset.py`` checks that each is an input variable of the right
entity). The task-category columns follow the category folders of the parameter tree.
"""

from openfisca_vth.taakcategorieen import TAAKCATEGORIEEN

TAAKCATEGORIE_PREFIXEN: tuple[str, ...] = ("ingebracht_", "heeft_taken_", "fte_eigen_uitvoering_")
TAAKCATEGORIE_SOORT: dict[str, type] = {"ingebracht_": bool, "heeft_taken_": bool, "fte_eigen_uitvoering_": float}

# column -> value type
DIENST_INVOER: dict[str, type] = {
    "fte_formatie": float,
    "voldoet_aan_kwaliteitscriteria": bool,
    "financiering_conform_systematiek": bool,
    "werkgebied_congruent_met_veiligheidsregio": bool,
}

DEELNEMER_INVOER: dict[str, type] = {
    "mandaat_verleend": bool,
    "regionale_strategie_vastgesteld": bool,
    **{
        f"{prefix}{categorie.code}": soort
        for prefix, soort in TAAKCATEGORIE_SOORT.items()
        for categorie in TAAKCATEGORIEEN
    },
}

# Taken from omgevingsdiensten.csv (a public fact), not from the scenario.
SEVESO_VARIABELE = "is_seveso_omgevingsdienst"

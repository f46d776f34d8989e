"""The tax-benefit system of the VTH-stelsel milieu: entities, variables and parameters."""

# mypy: check-untyped-defs

from __future__ import annotations

from typing import Any

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from openfisca_vth.entities import entities
from openfisca_vth.errors import ModelFout
from openfisca_vth.paths import PACKAGE_DIR, PARAMETERS_DIR, VARIABLES_DIR
from openfisca_vth.robuustheidscriteria import ROBUUSTHEIDSCRITERIA


class CountryTaxBenefitSystem(TaxBenefitSystem):
    """The VTH-stelsel milieu as OpenFisca variables and dated parameters.

    ``openfisca test -c openfisca_vth`` and ``openfisca serve -c openfisca_vth`` load this class.
    Building it raises :class:`~openfisca_vth.errors.ModelFout` if the model is inconsistent.
    """

    def __init__(self) -> None:
        super().__init__(entities)
        self.add_variables_from_directory(str(VARIABLES_DIR))
        # One variable per task category and per input/result, generated from the category
        # folders of the parameter tree (see variables/taakcategorieen.py).
        from openfisca_vth.variables.taakcategorieen import taakcategorie_variabelen

        self.add_variables(*taakcategorie_variabelen())
        self.load_parameters(str(PARAMETERS_DIR))
        controleer_robuustheidscriteria(self)
        # The examples of the OpenAPI description (/spec), as openfisca-country-template gives them.
        self.open_api_config = {
            "variable_example": "robuust",
            "parameter_example": "robuustheidscriteria.kritieke_massa.minimum_fte_formatie",
            "simulation_example": situatievoorbeeld("omgevingsdienst"),
        }


def situatievoorbeeld(naam: str) -> dict[str, Any]:
    """The worked situation ``openfisca_vth/situation_examples/<naam>.json`` (a fresh copy, as a dict).

    Raises ``FileNotFoundError`` for a name without such a file.
    """
    import json

    with open(PACKAGE_DIR / "situation_examples" / f"{naam}.json", encoding="utf-8") as bestand:
        return json.load(bestand)


# The leaves every criterion folder must have, and what each says.
CRITERIUM_BLADEREN: dict[str, str] = {
    "van_toepassing": "telt het criterium mee voor robuust, per datum",
    "wettelijke_termijn_verstreken": "is het criterium een wettelijke norm waarvan de termijn verstreken is",
    "activeert_bijsturing": "geeft niet voldoen grond om bij te sturen",
}


def controleer_robuustheidscriteria(systeem: TaxBenefitSystem) -> None:
    """Every criterion folder of ``systeem`` has its variable and its switches; else
    :class:`~openfisca_vth.errors.ModelFout` with one clear line, at load time.

    ``parameters/robuustheidscriteria/<naam>/`` is the list of criteria (robuustheidscriteria.py);
    ``robuust`` counts each through ``robuustheidscriterium_<naam>``. A folder added without that
    variable would otherwise fail only when ``robuust`` is first calculated, with a traceback.
    """
    for criterium in ROBUUSTHEIDSCRITERIA:
        if criterium.variabele not in systeem.variables:
            raise ModelFout(
                f"robuustheidscriterium {criterium.code!r} (parameters/robuustheidscriteria/{criterium.code}/) heeft "
                f"geen variabele {criterium.variabele}; voeg die toe in variables/robuustheid.py of verwijder de map"
            )
        bladeren = systeem.parameters.robuustheidscriteria.children[criterium.code].children
        for blad, betekenis in CRITERIUM_BLADEREN.items():
            if blad not in bladeren:
                raise ModelFout(
                    f"robuustheidscriterium {criterium.code!r} mist parameters/robuustheidscriteria/{criterium.code}/"
                    f"{blad}.yaml ({betekenis})"
                )

"""The robuustheidscriteria, read from the parameter tree.

Each folder under ``parameters/robuustheidscriteria/`` is one criterion with a dated
``van_toepassing`` switch; ``variables/robuustheid.py`` has one variable
``robuustheidscriterium_<naam>`` per folder (tests/test_contract.py checks both lists agree).
"""

from dataclasses import dataclass

import yaml

from openfisca_vth.paths import PARAMETERS_DIR

ROBUUSTHEIDSCRITERIA_DIR = PARAMETERS_DIR / "robuustheidscriteria"


@dataclass(frozen=True)
class Robuustheidscriterium:
    code: str
    label: str

    @property
    def variabele(self):
        return f"robuustheidscriterium_{self.code}"


def _lees_criteria():
    criteria = []
    for folder in sorted(p for p in ROBUUSTHEIDSCRITERIA_DIR.iterdir() if p.is_dir()):
        with open(folder / "index.yaml", encoding="utf-8") as index:
            criteria.append(Robuustheidscriterium(folder.name, yaml.safe_load(index)["description"]))
    return tuple(criteria)


ROBUUSTHEIDSCRITERIA = _lees_criteria()

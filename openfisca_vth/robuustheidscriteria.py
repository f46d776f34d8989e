"""The robuustheidscriteria, read from the parameter tree.

Each folder under ``parameters/robuustheidscriteria/`` is one criterion with a dated
``van_toepassing`` switch; ``variables/robuustheid.py`` has one variable
``robuustheidscriterium_<naam>`` per folder (tests/test_contract.py checks both lists agree).
"""

from dataclasses import dataclass

from openfisca_vth.paths import PARAMETERS_DIR, onderdelen

ROBUUSTHEIDSCRITERIA_DIR = PARAMETERS_DIR / "robuustheidscriteria"


@dataclass(frozen=True)
class Robuustheidscriterium:
    code: str
    label: str

    @property
    def variabele(self):
        return f"robuustheidscriterium_{self.code}"


ROBUUSTHEIDSCRITERIA = tuple(Robuustheidscriterium(code, label) for code, label in onderdelen(ROBUUSTHEIDSCRITERIA_DIR))

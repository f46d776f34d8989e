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


def geldende_criteria(regels):
    """The criteria whose ``van_toepassing`` switch is on in ``regels`` (the parameters in force).

    The one place that says which criteria count: ``aantal_robuustheidscriteria_niet_voldaan``,
    ``robuust`` and the status report all ask here.
    """
    return tuple(c for c in ROBUUSTHEIDSCRITERIA if regels.robuustheidscriteria[c.code].van_toepassing)

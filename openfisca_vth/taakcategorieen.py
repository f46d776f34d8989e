"""The task categories of the basistakenpakket, read from the parameter tree.

Each folder under ``parameters/basistakenpakket/taakcategorieen/`` is one category; its
``index.yaml`` gives the Dutch label. Adding a folder (with the same four parameters) adds the
category's variables, its place in ``aantal_ontbrekende_basistaken`` and its rows in every report,
with no change to Python code.
"""

from dataclasses import dataclass

from openfisca_vth.paths import PARAMETERS_DIR, onderdelen

TAAKCATEGORIEEN_DIR = PARAMETERS_DIR / "basistakenpakket" / "taakcategorieen"


@dataclass(frozen=True)
class Taakcategorie:
    code: str
    label: str


TAAKCATEGORIEEN = tuple(Taakcategorie(code, label) for code, label in onderdelen(TAAKCATEGORIEEN_DIR))

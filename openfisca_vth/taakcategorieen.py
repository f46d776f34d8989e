"""The task categories of the basistakenpakket, read from the parameter tree.

Each folder under ``parameters/basistakenpakket/taakcategorieen/`` is one category; its
``index.yaml`` gives the Dutch label. Adding a folder (with the same four parameters) adds the
category's variables, its place in ``aantal_ontbrekende_basistaken`` and its rows in every report,
with no change to Python code.
"""

from dataclasses import dataclass

import yaml

from openfisca_vth.paths import PARAMETERS_DIR

TAAKCATEGORIEEN_DIR = PARAMETERS_DIR / "basistakenpakket" / "taakcategorieen"


@dataclass(frozen=True)
class Taakcategorie:
    code: str
    label: str


def _lees_taakcategorieen():
    categorieen = []
    for folder in sorted(p for p in TAAKCATEGORIEEN_DIR.iterdir() if p.is_dir()):
        with open(folder / "index.yaml", encoding="utf-8") as index:
            categorieen.append(Taakcategorie(folder.name, yaml.safe_load(index)["description"]))
    return tuple(categorieen)


TAAKCATEGORIEEN = _lees_taakcategorieen()

"""Where the parameter tree and the variables are, in a source checkout and in an installed wheel.

pyproject.toml maps the top-level ``variables/`` and ``parameters/`` folders to
``openfisca_vth.variables`` and ``openfisca_vth.parameters``. The import system knows where the
regular package ``openfisca_vth.variables`` is in either case; ``parameters/`` (data only, no
``__init__.py``, so OpenFisca never meets a ``__pycache__`` in it) is its sibling in both layouts:
``<checkout>/parameters`` beside ``<checkout>/variables``, and
``site-packages/openfisca_vth/parameters`` beside ``site-packages/openfisca_vth/variables``.
"""

from pathlib import Path

import yaml

import openfisca_vth.variables

VARIABLES_DIR = Path(openfisca_vth.variables.__file__).parent
PARAMETERS_DIR = VARIABLES_DIR.parent / "parameters"

if not (PARAMETERS_DIR / "index.yaml").is_file():
    raise ImportError(
        f"De parameterboom ontbreekt in {PARAMETERS_DIR}: installeer openfisca-vth opnieuw (pip install .)"
    )


def onderdelen(map_in_boom):
    """``(naam, description)`` of each sub-folder of a parameter folder, sorted by name.

    The folders of a node are the single list of its parts (task categories, criteria).
    """
    resultaat = []
    for folder in sorted(p for p in map_in_boom.iterdir() if p.is_dir()):
        with open(folder / "index.yaml", encoding="utf-8") as index:
            resultaat.append((folder.name, yaml.safe_load(index)["description"]))
    return tuple(resultaat)


PACKAGE_DIR = Path(__file__).parent


def repository_pad(bestand):
    """Where ``bestand`` (a file of this package, in a checkout or an installed wheel) lives in the
    repository, as a relative POSIX path (``parameters/x.yaml``, ``variables/y.py``,
    ``openfisca_vth/z.py``); None for a file outside the package."""
    pad = Path(bestand).resolve()
    for wortel, in_repository in (
        (PARAMETERS_DIR, "parameters"),
        (VARIABLES_DIR, "variables"),
        (PACKAGE_DIR, "openfisca_vth"),
    ):
        try:
            return f"{in_repository}/{pad.relative_to(wortel.resolve()).as_posix()}"
        except ValueError:
            continue
    return None

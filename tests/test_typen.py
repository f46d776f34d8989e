"""The library is typed (PEP 561): mypy passes, the public API is annotated, ``py.typed`` ships.

``openfisca_vth/py.typed`` tells type checkers of installed copies to read the annotations. The
modules below are the typed public library; each also asks mypy to check the bodies of its
unannotated (private) helpers (``# mypy: check-untyped-defs``). openfisca-core is largely untyped,
so its classes (``TaxBenefitSystem``, ``Simulation``, ``ParameterNode``, ...) are ``Any`` to mypy.
"""

import dataclasses
import importlib
import inspect
import tomllib
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent

# The typed public library: every public function, method and property here is annotated.
GETYPEERDE_MODULES = (
    "openfisca_vth.aannames",
    "openfisca_vth.bronnen_register",
    "openfisca_vth.dataset",
    "openfisca_vth.dataset.dataset",
    "openfisca_vth.dataset.fouten",
    "openfisca_vth.dataset.invoer",
    "openfisca_vth.dataset.lezen",
    "openfisca_vth.entities",
    "openfisca_vth.enums",
    "openfisca_vth.grafiek",
    "openfisca_vth.metadata",
    "openfisca_vth.model",
    "openfisca_vth.periode",
    "openfisca_vth.records",
    "openfisca_vth.rapport",
    "openfisca_vth.reforms",
    "openfisca_vth.reforms.basis",
    "openfisca_vth.situatie",
    "openfisca_vth.taxbenefitsystem",
    "openfisca_vth.tijdlijn",
    "openfisca_vth.uitvoer",
    "openfisca_vth.uitvoerschema",
    "openfisca_vth.variatie",
    "openfisca_vth.vergelijking",
    "openfisca_vth.verklaring",
    "openfisca_vth.webapi",
    "openfisca_vth.webspec",
    "openfisca_vth.webtaken",
)


@pytest.mark.traag
def test_mypy_vindt_geen_fouten(monkeypatch):
    """``mypy openfisca_vth`` (the settings of pyproject.toml's ``[tool.mypy]``) reports nothing."""
    from mypy import api

    monkeypatch.chdir(REPOSITORY)
    uitvoer, fouten, status = api.run(["openfisca_vth"])
    assert status == 0, f"mypy openfisca_vth:\n{uitvoer}{fouten}"


def _is_dataclass_methode(klasse, naam, functie):
    """A method that ``@dataclass`` wrote (``__init__``, ``__eq__``, ...): its code comes from ``exec``."""
    if not dataclasses.is_dataclass(klasse):
        return False
    code = getattr(functie, "__code__", None)
    return code is None or code.co_filename == "<string>"


def _is_formule(klasse, naam):
    """``formula*`` of an OpenFisca Variable: OpenFisca calls it with fixed arguments (variables/)."""
    from openfisca_core.variables import Variable

    return naam.startswith("formula") and issubclass(klasse, Variable)


def _functies(module):
    """(qualified name, function) of every public function of ``module`` and every public method and
    property of its public classes, defined in ``module`` itself."""
    for naam, waarde in vars(module).items():
        if naam.startswith("_") or getattr(waarde, "__module__", None) != module.__name__:
            continue
        if inspect.isfunction(waarde):
            yield f"{module.__name__}.{naam}", waarde
        elif inspect.isclass(waarde):
            for lid_naam, lid in vars(waarde).items():
                if lid_naam.startswith("_") or _is_formule(waarde, lid_naam):
                    continue
                if isinstance(lid, staticmethod | classmethod):
                    lid = lid.__func__
                elif isinstance(lid, property):
                    lid = lid.fget
                if inspect.isfunction(lid) and not _is_dataclass_methode(waarde, lid_naam, lid):
                    yield f"{module.__name__}.{naam}.{lid_naam}", lid


def _ontbrekend(functie):
    """What ``functie`` leaves unannotated: its parameters (not self/cls) and ``return``."""
    annotaties = functie.__annotations__
    handtekening = inspect.signature(functie)
    ontbrekend = [
        parameter
        for i, parameter in enumerate(handtekening.parameters)
        if parameter not in annotaties and not (i == 0 and parameter in ("self", "cls"))
    ]
    if "return" not in annotaties:
        ontbrekend.append("return")
    return ontbrekend


def test_publieke_api_is_geannoteerd():
    """Every public function, method and property of the typed modules annotates every parameter
    (but self/cls) and its return type."""
    overtreders = []
    aantal = 0
    for module_naam in GETYPEERDE_MODULES:
        for naam, functie in _functies(importlib.import_module(module_naam)):
            aantal += 1
            if ontbrekend := _ontbrekend(functie):
                overtreders.append(f"{naam}: {', '.join(ontbrekend)}")
    assert aantal > 100, f"only {aantal} public functions found: does the walk still see the modules?"
    assert not overtreders, "public functions without annotations:\n" + "\n".join(overtreders)


def test_py_typed_wordt_meegeleverd():
    """The PEP 561 marker exists and the wheel ships it (``[tool.setuptools.package-data]``)."""
    assert (REPOSITORY / "openfisca_vth" / "py.typed").is_file()
    with open(REPOSITORY / "pyproject.toml", "rb") as bestand:
        pyproject = tomllib.load(bestand)
    package_data = pyproject["tool"]["setuptools"].get("package-data", {})
    assert "py.typed" in package_data.get("openfisca_vth", []), package_data

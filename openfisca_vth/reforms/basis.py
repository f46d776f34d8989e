"""What every reform of openfisca-vth shares: own parameters, dated values with their legal metadata.

A reform is a real OpenFisca :class:`~openfisca_core.reforms.Reform`. It changes the parameter tree
only through ``Reform.modify_parameters``, which hands it a deep copy of the baseline tree, so the
baseline system is never modified (tests/test_hervormingen.py checks it).

A reform may bring parameters of its own (its assumptions: an in-force date, the form of a power).
They live as YAML under ``openfisca_vth/reforms/parameters/<naam>/`` with the same metadata
convention as the main tree, are added to the reformed tree under ``<naam>``, and are read when the
reform is applied. A drafter changes them in a reform file with ``basis: <naam>`` (see
docs/reforms.md), without Python.
"""

# mypy: check-untyped-defs

from __future__ import annotations

import copy
import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openfisca_core import periods
from openfisca_core.parameters import ParameterAtInstant, ParameterNode, load_parameter_file
from openfisca_core.reforms import Reform

from openfisca_vth.errors import HervormingsFout

if TYPE_CHECKING:
    from openfisca_core.parameters import Parameter

EIGEN_PARAMETERS_DIR = Path(__file__).parent / "parameters"


def waarde_metadata(
    parameter: Parameter | ParameterAtInstant, status: str | None = None, referentie: list[Any] | None = None
) -> dict[str, Any]:
    """Metadata for a new value of ``parameter`` (a leaf or one of its dated values): a deep copy of its
    own, with ``status`` and ``referentie`` (a list of ``{tekst, url}``) replacing the status/reference
    when given.

    Values loaded from YAML inherit the leaf's metadata (OpenFisca does that on load);
    ``Parameter.update`` creates bare values, so a reform states it here.
    """
    metadata = copy.deepcopy(parameter.metadata)
    if status is not None:
        metadata["status"] = status
    if referentie is not None:
        metadata["reference"] = copy.deepcopy(referentie)
    return metadata


def zet_waarde(parameter: Parameter, vanaf: str, waarde: Any, metadata: dict[str, Any]) -> None:
    """From ``vanaf`` (``YYYY-MM-DD``) on, ``parameter`` has ``waarde`` with ``metadata``.

    OpenFisca's ``Parameter.update(start=...)`` does the work: the new value replaces every later
    value of the baseline (an amendment "met ingang van"), earlier values are kept.
    """
    parameter.update(start=periods.instant(vanaf), value=waarde)
    for waarde_op_datum in parameter.values_list:
        if waarde_op_datum.instant_str == vanaf:
            waarde_op_datum.metadata = metadata


def wijzig_grondslag(parameter: Parameter, vanaf: str, status: str, referentie: list[Any] | None) -> None:
    """From ``vanaf`` on, the rule keeps its value but rests on another instrument.

    Used when a bill lays down in regulation what was agreed before: the value that held on
    ``vanaf`` and every later value stay, and from ``vanaf`` they carry ``status``/``referentie``.
    """
    if not any(w.instant_str == vanaf for w in parameter.values_list):
        waarde = parameter(vanaf)
        # values_list is ordered newest first; insert the split point in its place
        nieuw = ParameterAtInstant(f"{parameter.name}[{vanaf}]", vanaf, data={"value": waarde})
        positie = sum(1 for w in parameter.values_list if w.instant_str > vanaf)
        parameter.values_list.insert(positie, nieuw)
    for waarde_op_datum in parameter.values_list:
        if waarde_op_datum.instant_str >= vanaf:
            waarde_op_datum.metadata = waarde_metadata(waarde_op_datum, status, referentie)


def lees_datum(tekst: object, waar: str) -> str:
    """``YYYY-MM-DD`` as a string, or a one-line :class:`HervormingsFout` naming ``waar``."""
    try:
        datum = datetime.date.fromisoformat(str(tekst))
        if len(str(tekst)) != 10:
            raise ValueError
    except ValueError:
        raise HervormingsFout(f"{waar}: {tekst!r} is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2028-01-01") from None
    return datum.isoformat()


def laatste_waarde(parameter: Parameter) -> Any:
    """The value an assumption parameter holds now (its newest dated value)."""
    return parameter.values_list[0].value


class VTHHervorming(Reform):
    """A reform of the VTH-stelsel milieu: own parameters plus dated changes to the rules.

    Subclasses set ``toelichting`` (Dutch, one paragraph), optionally ``eigen_parameters`` (the
    folder name under ``openfisca_vth/reforms/parameters``) and implement
    ``wijzig_regels(parameters)``, which changes the (copied) tree in place.
    """

    toelichting: str = ""
    eigen_parameters: str | None = None

    def apply(self) -> None:
        """OpenFisca's hook, called when the reform is built: :meth:`wijzig_parameters` on a copy of the tree."""
        self.modify_parameters(modifier_function=self.wijzig_parameters)

    def wijzig_parameters(self, parameters: ParameterNode) -> ParameterNode:
        """The (copied) tree ``parameters`` with the reform's own parameters added and its rules changed.

        Raises :class:`~openfisca_vth.errors.HervormingsFout` (or a subclass such as ``KeuzeFout``) when
        the reform cannot be applied as its parameters are set.
        """
        self.voeg_eigen_parameters_toe(parameters)
        self.wijzig_regels(parameters)
        return parameters

    def voeg_eigen_parameters_toe(self, parameters: ParameterNode) -> None:
        """Add the reform's own parameters (``eigen_parameters``) under their name to ``parameters``, in
        place, unless the reform has none or they are there already."""
        naam = self.eigen_parameters
        if naam is None or naam in parameters.children:
            # absent, or already added by the same reform applied earlier in a stack
            return
        node = load_parameter_file(str(EIGEN_PARAMETERS_DIR / naam), name=naam)
        assert isinstance(node, ParameterNode)
        parameters.add_child(naam, node)

    def wijzig_regels(self, parameters: ParameterNode) -> None:
        """Change the rules in ``parameters`` (a deep copy of the baseline tree) in place; a subclass raises
        :class:`~openfisca_vth.errors.HervormingsFout` for choices that cannot be applied."""

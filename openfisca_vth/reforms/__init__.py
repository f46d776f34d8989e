"""Reforms: the wetsvoorstel versterking VTH-stelsel milieu, broadening the basistakenpakket,
and drafters' reform files (issue 4).

One entry point for every caller (command line, pytest option, library)::

    from openfisca_vth.reforms import laad_hervorming
    hervormd = laad_hervorming("uitstel_termijn_2027", CountryTaxBenefitSystem())
    hervormd = laad_hervorming("mijn_wijziging.yaml", baseline)

``spec`` is the name of a Python reform (``wetsvoorstel_versterking_vth``,
``verbreding_basistakenpakket``), the name of a shipped reform file (``openfisca_vth/reforms/
bestanden/<naam>.yaml``), a path to a reform file, an importable ``module.Klasse`` path, or
several of these joined by ``+`` (applied left to right). The
baseline is never modified. Every failure is a one-line :class:`~openfisca_vth.errors.VTHInvoerFout`.
"""

# mypy: check-untyped-defs

from __future__ import annotations

import difflib
import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from openfisca_vth.errors import HervormingsbestandFout, HervormingsFout

if TYPE_CHECKING:
    from openfisca_core.reforms import Reform
    from openfisca_core.taxbenefitsystems import TaxBenefitSystem

    from openfisca_vth.reforms.basis import VTHHervorming

# Python reforms by name: module openfisca_vth.reforms.<naam>, class <naam>.
PYTHON_HERVORMINGEN = ("wetsvoorstel_versterking_vth", "verbreding_basistakenpakket")

# Shipped reform files; each is also a class path for YAML tests and ``openfisca test -r``:
# openfisca_vth.reforms.bestand.<naam> (see openfisca_vth/reforms/bestand.py).
BESTANDEN_DIR = Path(__file__).parent / "bestanden"


def meegeleverde_bestanden() -> dict[str, Path]:
    """Name -> path of every shipped reform file, sorted by name."""
    return {pad.stem: pad for pad in sorted(BESTANDEN_DIR.glob("*.yaml"))}


def bekende_hervormingen() -> list[str]:
    """Every reform known by name: the Python reforms, then the shipped files."""
    return list(PYTHON_HERVORMINGEN) + list(meegeleverde_bestanden())


def python_hervorming(naam: str) -> type[VTHHervorming]:
    """The class of the Python reform ``naam`` (one of :data:`PYTHON_HERVORMINGEN`): class ``naam`` of
    module ``openfisca_vth.reforms.<naam>``. Raises ``ImportError`` or ``AttributeError`` for another
    name (:func:`hervormingsklasse` checks names first)."""
    module = importlib.import_module(f"openfisca_vth.reforms.{naam}")
    return getattr(module, naam)


def _is_pad(spec: str) -> bool:
    return spec.endswith((".yaml", ".yml")) or "/" in spec or "\\" in spec or Path(spec).is_file()


def hervormingsklasse(spec: str) -> type[Reform]:
    """The ``Reform`` subclass that ``spec`` names: a Python reform, a shipped reform file, a path to a
    reform file or a ``module.Klasse`` path (see the module docstring; not ``A+B``).

    Raises :class:`~openfisca_vth.errors.HervormingsFout` for an empty or unknown name (with the
    nearest known names) and :class:`~openfisca_vth.errors.HervormingsbestandFout` for a reform file
    that cannot be read or is not valid.
    """
    from openfisca_vth.reforms.hervormingsbestand import (
        lees_hervormingsbestand,
        maak_hervormingsklasse,
    )

    if not isinstance(spec, str) or not spec.strip():
        raise HervormingsFout("geef een hervorming: een naam of een pad naar een .yaml-bestand")
    spec = spec.strip()
    if _is_pad(spec):
        return maak_hervormingsklasse(lees_hervormingsbestand(spec))
    if spec in PYTHON_HERVORMINGEN:
        return python_hervorming(spec)
    bestanden = meegeleverde_bestanden()
    if spec in bestanden:
        from openfisca_vth.reforms import bestand

        return getattr(bestand, spec)
    if "." in spec:
        module_naam, klasse_naam = spec.rsplit(".", 1)
        try:
            return getattr(importlib.import_module(module_naam), klasse_naam)
        except (ImportError, AttributeError):
            pass
    bekend = bekende_hervormingen()
    suggestie = difflib.get_close_matches(spec, bekend, n=1)
    hint = f"bedoelt u {suggestie[0]!r}? " if suggestie else ""
    raise HervormingsFout(
        f"onbekende hervorming {spec!r}; {hint}Bekend: {', '.join(bekend)}; "
        "of geef een pad naar een .yaml-hervormingsbestand"
    )


def laad_hervorming(spec: str, baseline: TaxBenefitSystem) -> TaxBenefitSystem:
    """The tax-benefit system of ``baseline`` under the reform ``spec``; ``baseline`` is unchanged.

    ``A+B`` applies A, then B on top of it (e.g. ``wetsvoorstel_per_2027_07+uitstel_termijn_2027``).
    Raises :class:`~openfisca_vth.errors.HervormingsFout` (or a subclass: ``HervormingsbestandFout``,
    ``KeuzeFout``) when a part cannot be found or applied; see :func:`hervormingsklasse`.
    """
    if isinstance(spec, str) and "+" in spec and not Path(spec).is_file():
        systeem = baseline
        for deel in spec.split("+"):
            systeem = hervormingsklasse(deel)(systeem)
        return systeem
    return hervormingsklasse(spec)(baseline)


__all__ = [
    "HervormingsFout",
    "HervormingsbestandFout",
    "bekende_hervormingen",
    "hervormingsklasse",
    "laad_hervorming",
    "meegeleverde_bestanden",
]

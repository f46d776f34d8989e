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

import difflib
import importlib
from pathlib import Path

from openfisca_vth.errors import HervormingsbestandFout, HervormingsFout

# Python reforms by name: module openfisca_vth.reforms.<naam>, class <naam>.
PYTHON_HERVORMINGEN = ("wetsvoorstel_versterking_vth", "verbreding_basistakenpakket")

# Shipped reform files; each is also a class path for YAML tests and ``openfisca test -r``:
# openfisca_vth.reforms.bestand.<naam> (see openfisca_vth/reforms/bestand.py).
BESTANDEN_DIR = Path(__file__).parent / "bestanden"


def meegeleverde_bestanden():
    """Name -> path of every shipped reform file."""
    return {pad.stem: pad for pad in sorted(BESTANDEN_DIR.glob("*.yaml"))}


def bekende_hervormingen():
    """Every reform known by name: the Python reforms, then the shipped files."""
    return list(PYTHON_HERVORMINGEN) + list(meegeleverde_bestanden())


def python_hervorming(naam):
    module = importlib.import_module(f"openfisca_vth.reforms.{naam}")
    return getattr(module, naam)


def _is_pad(spec):
    return spec.endswith((".yaml", ".yml")) or "/" in spec or "\\" in spec or Path(spec).is_file()


def hervormingsklasse(spec):
    """The ``Reform`` subclass that ``spec`` names (see the module docstring)."""
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


def laad_hervorming(spec, baseline):
    """The tax-benefit system of ``baseline`` under the reform ``spec``; ``baseline`` is unchanged.

    ``A+B`` applies A, then B on top of it (e.g. ``wetsvoorstel_per_2027_07+uitstel_termijn_2027``).
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

"""The shipped reform files as importable ``Reform`` classes.

OpenFisca's YAML test runner (``reforms:``) and ``openfisca test -r`` take only ``module.Klasse``
paths. Every file ``openfisca_vth/reforms/bestanden/<naam>.yaml`` is therefore also the class
``openfisca_vth.reforms.bestand.<naam>``, built from the file on first use::

    reforms: openfisca_vth.reforms.bestand.uitstel_termijn_2027
"""

import functools

from openfisca_vth.reforms import meegeleverde_bestanden


@functools.cache
def _klasse(naam):
    from openfisca_vth.reforms.hervormingsbestand import (
        lees_hervormingsbestand,
        maak_hervormingsklasse,
    )

    klasse = maak_hervormingsklasse(lees_hervormingsbestand(meegeleverde_bestanden()[naam]), __name__)
    # The class path is the file name, which is what the runner asks for.
    klasse.__name__ = klasse.__qualname__ = naam
    return klasse


def __getattr__(naam):
    if naam in meegeleverde_bestanden():
        return _klasse(naam)
    raise AttributeError(f"geen meegeleverd hervormingsbestand {naam!r} in {__name__}")


def __dir__():
    return sorted(meegeleverde_bestanden())

"""Aggregations over the deelnemers of an omgevingsdienst.

``GroupPopulation.all`` loops over member positions; ``sum`` is one ``numpy.bincount``
(measured on 1e6 members with openfisca-core 46). "Every deelnemer does X" is therefore computed
as "no deelnemer fails X", which is the same predicate at linear cost.
"""

import numpy


def alle_deelnemers(omgevingsdienst, waarden):
    """True for each omgevingsdienst whose deelnemers all have ``waarden`` true."""
    return omgevingsdienst.sum(numpy.logical_not(waarden)) == 0

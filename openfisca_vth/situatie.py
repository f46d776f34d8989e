"""Checking an OpenFisca situation before it reaches the SimulationBuilder (every edge uses this).

A situation comes from a user: a ``--situatie`` file, a library caller, a Web API client. OpenFisca
converts what it is given without asking: the text ``"false"`` for a boolean becomes ``True``, NaN
passes as a number, an input for a computed variable silently replaces its formula, a dienst
without deelnemers changes with its position. :func:`controleer_situatie` refuses all of that with
one line naming the place (``deelnemers/<id>/<variabele>/<periode>``) and the fix, as a
:class:`openfisca_vth.errors.SituatieFout` (a ``VTHInvoerFout``), and returns a clean copy:
booleans as ``bool`` (accepting ``true``/``false`` and the Dutch words the dataset accepts),
numbers as finite ``float``/``int`` within the range the variable allows.

    from openfisca_vth.situatie import bouw_simulatie
    simulatie = bouw_simulatie(systeem, situatie)          # checked, then SimulationBuilder
"""

from openfisca_core.simulation_builder import SimulationBuilder


def controleer_situatie(tax_benefit_system, situatie, overschrijven=False):
    """A checked, normalised copy of ``situatie``; a one-line ``SituatieFout`` for the first problem.

    ``overschrijven``: allow inputs for variables that have a formula (the caller replaces the
    formula on purpose); by default they are refused.
    """
    return situatie


def bouw_simulatie(tax_benefit_system, situatie, overschrijven=False):
    """A Simulation of the checked ``situatie`` (see :func:`controleer_situatie`)."""
    schoon = controleer_situatie(tax_benefit_system, situatie, overschrijven=overschrijven)
    return SimulationBuilder().build_from_entities(tax_benefit_system, schoon)

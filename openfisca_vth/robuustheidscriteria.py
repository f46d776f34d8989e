"""The robuustheidscriteria, read from the parameter tree.

Each folder under ``parameters/robuustheidscriteria/`` is one criterion with a dated
``van_toepassing`` switch; ``variables/robuustheid.py`` has one variable
``robuustheidscriterium_<naam>`` per folder (tests/test_contract.py checks both lists agree).
"""

from dataclasses import dataclass

import numpy

from openfisca_vth.paths import PARAMETERS_DIR, onderdelen
from openfisca_vth.periode import nergens

ROBUUSTHEIDSCRITERIA_DIR = PARAMETERS_DIR / "robuustheidscriteria"


@dataclass(frozen=True)
class Robuustheidscriterium:
    code: str
    label: str

    @property
    def variabele(self):
        return f"robuustheidscriterium_{self.code}"


ROBUUSTHEIDSCRITERIA = tuple(Robuustheidscriterium(code, label) for code, label in onderdelen(ROBUUSTHEIDSCRITERIA_DIR))


def telt_mee(regels):
    """``(criterium, telt)`` for every criterion: its ``van_toepassing`` switch in ``regels`` (the
    parameters in force), a bool, or one value per entity when a sweep varies it
    (``openfisca_vth.variatie``).

    The one place that says which criteria count: ``aantal_robuustheidscriteria_niet_voldaan`` and
    ``robuust`` weigh each criterion by it, and :func:`geldende_criteria` (the status report) keeps
    those that count.
    """
    return tuple((c, regels.robuustheidscriteria[c.code].van_toepassing) for c in ROBUUSTHEIDSCRITERIA)


def geldende_criteria(regels):
    """The criteria that count in ``regels`` (:func:`telt_mee`), for one situation (no sweep)."""
    return tuple(c for c, telt in telt_mee(regels) if telt)


# The deelnemer-level fact that makes a deelnemer answerable when its dienst fails a criterion.
# A criterion not listed (kritieke massa, financing, werkgebied) is the dienst's as a whole: "Het is
# de verantwoordelijkheid van de omgevingsdiensten en hun opdrachtgevers gezamenlijk" (voortgangsbrief),
# so every deelnemer with a duty answers for it. Which criteria exist and what they say is aanname.
DEELNEMER_VOORWAARDE = {
    "basistakenpakket": "brengt_basistakenpakket_volledig_in_bij_omgevingsdienst",
    "onafhankelijkheid": "mandaat_verleend",
    "uniform_beleid": "regionale_strategie_vastgesteld",
}


def wettelijke_criteria(regels, alleen_bijsturing=False):
    """The criteria that count, are a statutory norm whose deadline has passed (``wettelijke_termijn_verstreken``)
    and, with ``alleen_bijsturing``, whose failure gives ground to steer (``activeert_bijsturing``), as
    ``(criterium, geldt)`` pairs: ``geldt`` is true, or, when a sweep varies one of those switches
    (``openfisca_vth.variatie``), one value per entity; a criterion that applies nowhere is left out.

    Every switch of every criterion is read (not only those that matter), so the trace of a
    calculation shows all the rules it rests on.
    """
    uitkomst = []
    for criterium, telt in telt_mee(regels):
        knoop = regels.robuustheidscriteria[criterium.code]
        geldt = numpy.logical_and(telt, knoop.wettelijke_termijn_verstreken)
        bijsturing = knoop.activeert_bijsturing  # read always, so the trace shows it
        if alleen_bijsturing:
            geldt = numpy.logical_and(geldt, bijsturing)
        if nergens(geldt):
            continue
        uitkomst.append((criterium, geldt))
    return tuple(uitkomst)

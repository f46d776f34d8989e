"""Errors raised on bad input.

Each message is one line in Dutch (drafters read them): what is wrong and how to fix it. The
command-line tools print the message and exit with status 2; library users catch
:class:`VTHInvoerFout` (a ``ValueError``).
"""

from openfisca_core.errors import SituationParsingError


class VTHInvoerFout(ValueError):
    """Base class of every input error of openfisca-vth."""


class PeriodeBuitenDekking(VTHInvoerFout, SituationParsingError):
    """A period before the first month the model covers.

    Also a ``SituationParsingError``, so the OpenFisca Web API answers ``400`` with
    ``{"periode": message}`` instead of an internal server error.
    """

    def __init__(self, message):
        SituationParsingError.__init__(self, ["periode"], message, 400)
        self.message = message

    def __str__(self):
        return self.message


class HervormingsFout(VTHInvoerFout):
    """A reform that cannot be found or applied (unknown name, invalid own parameter)."""


class HervormingsbestandFout(HervormingsFout):
    """A drafter's reform file that cannot be read: the message names file, line and path."""


class GemengdePeriodeInvoer(VTHInvoerFout, SituationParsingError):
    """One variable given for overlapping periods of different length (a year and a month in it).

    OpenFisca's ``set_input_dispatch_by_period`` would silently keep one and drop the other;
    ``openfisca_vth.periode.invoer_per_maand`` refuses instead. A ``SituationParsingError`` too,
    so the Web API answers ``400``.
    """

    def __init__(self, variabele, message):
        SituationParsingError.__init__(self, [variabele], message, 400)
        self.message = message

    def __str__(self):
        return self.message

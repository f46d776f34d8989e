"""Errors raised on bad input.

Each message is one line in Dutch (drafters read them): what is wrong and how to fix it. The
command-line tools print the message and exit with status 2; library users catch
:class:`VTHInvoerFout` (a ``ValueError``).
"""


class VTHInvoerFout(ValueError):
    """Base class of every input error of openfisca-vth."""


class PeriodeBuitenDekking(VTHInvoerFout):
    """A period before the first month the model covers."""

"""Errors raised on bad input.

Each message is one line in Dutch (drafters read them): what is wrong and how to fix it. The
command-line tools print the message and exit with status 2; library users catch
:class:`VTHInvoerFout` (a ``ValueError``).
"""

import difflib
import re

from openfisca_core.errors import SituationParsingError


class VTHInvoerFout(ValueError):
    """Base class of every input error of openfisca-vth."""


class ModelFout(Exception):
    """The model itself is inconsistent (a criterion folder without its variable): a developer's error."""

    def __str__(self):
        return str(self.args[0])


class OngeldigePeriode(VTHInvoerFout):
    """A period that is not one month written ``YYYY-MM``."""


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


class SituatieFout(VTHInvoerFout, SituationParsingError):
    """A situation (``--situatie``, library, Web API) with a wrong value, id, period or shape.

    ``pad`` is the place in the situation (a list of keys). A ``SituationParsingError`` too, so the
    OpenFisca Web API answers ``400`` with the message instead of an internal error. Its ``error``
    (the 400 body) nests the message under the place as plain dict keys: OpenFisca builds it with
    ``dpath``, which takes a numeric key (a year ``"2026"``, an id ``"999999999"``) for a list index
    and would make a list that long, and splits a key at ``/``.
    """

    def __init__(self, pad, message):
        self.pad = tuple(pad)
        self.message = message
        self.code = 400
        fout = message
        for sleutel in reversed([str(sleutel) for sleutel in pad] or ["situatie"]):
            fout = {sleutel: fout}
        self.error = fout
        Exception.__init__(self, message)

    def __str__(self):
        return self.message


class OngeldigeSituatie(SituatieFout):
    """A :class:`SituatieFout` found by ``openfisca_vth.situatie.controleer_situatie``."""


class HervormingsFout(VTHInvoerFout):
    """A reform that cannot be found or applied (unknown name, invalid own parameter)."""


class KeuzeFout(HervormingsFout):
    """Design choices of a reform that are invalid or cannot go together.

    ``paden`` names the reform parameters involved, so a reform file's error can name their lines.
    """

    def __init__(self, bericht, paden=()):
        super().__init__(bericht)
        self.paden = tuple(paden)


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


def onbekende_variabele(naam, tax_benefit_system):
    """One line: ``naam`` is no variable of the system, with the nearest names."""
    suggesties = difflib.get_close_matches(naam, list(tax_benefit_system.variables), n=2)
    hint = f"; bedoelt u {' of '.join(repr(s) for s in suggesties)}?" if suggesties else ""
    return f"onbekende variabele {naam!r}{hint}"


# OpenFisca's English situation messages that a drafter meets, each as one Dutch line: the one
# translation for the command line (situatiefout_als_regel) and the Web API (webapi.een_regel).
_VERTALINGEN = (
    (
        re.compile(r"variable '(?P<naam>[^']+)', but it was not found in the loaded tax and benefit"),
        lambda m, s: onbekende_variabele(m["naam"], s),
    ),
    (
        re.compile(r"Expected a period .*?; got: '(?P<periode>[^']*)'"),
        lambda m, s: f"ongeldige periode {m['periode']!r}: gebruik JJJJ of JJJJ-MM, bijvoorbeeld 2026-04",
    ),
    (
        re.compile(r"Can't deal with value: expected type (?P<soort>\w+), received '(?P<waarde>.*)'"),
        lambda m, s: f"verwacht {'een getal' if m['soort'] == 'number' else m['soort']}, niet {m['waarde']!r}",
    ),
    (
        re.compile(r"Can't deal with date: '(?P<waarde>.*)'"),
        lambda m, s: f"ongeldige datum {m['waarde']!r}: gebruik JJJJ-MM-DD",
    ),
    (
        re.compile(
            r"'(?P<waarde>.*)' is not a known value for '(?P<naam>\w+)'\. Possible values are \[(?P<keuze>.*)\]"
        ),
        lambda m, s: f"{m['waarde']!r} is geen waarde van {m['naam']}; kies uit {m['keuze']}",
    ),
    (
        re.compile(
            r"Unable to set a value for variable \"(?P<naam>\w+)\" for (?P<soort>[\w-]+) period \"(?P<p>[^\"]+)\""
        ),
        lambda m, s: f"invoer voor {m['naam']} past niet bij periode {m['p']!r}; geef een maand (JJJJ-MM)",
    ),
)


def vertaal(melding, tax_benefit_system):
    """One of OpenFisca's English situation messages as one Dutch line (the message itself if unknown)."""
    melding = " ".join(str(melding).split())
    for patroon, nederlands in _VERTALINGEN:
        if gevonden := patroon.search(melding):
            return nederlands(gevonden, tax_benefit_system)
    return melding


def situatiefout_als_regel(fout, tax_benefit_system):
    """A ``SituationParsingError`` (a nested dict of messages, English from OpenFisca) as one line.

    Each message is prefixed by its place in the situation (``deelnemers/a/ingebracht_bodm``) and
    translated by :func:`vertaal`.
    """

    def regels(knoop, pad):
        if isinstance(knoop, dict):
            for sleutel, kind in knoop.items():
                yield from regels(kind, [*pad, str(sleutel)])
            return
        melding = vertaal(knoop, tax_benefit_system)
        yield f"{'/'.join(pad)}: {melding}" if pad else melding

    return "; ".join(regels(fout.error, []))


class OnleesbaarBestand(VTHInvoerFout):
    """A file that cannot be read as UTF-8 text; the message says why and what to do, without the path
    (the caller puts the file's name in front, as its other messages do)."""


def lees_tekstbestand(pad):
    """The text of ``pad`` as UTF-8, or :class:`OnleesbaarBestand` with the reason in one Dutch line."""
    from pathlib import Path

    try:
        return Path(pad).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise OnleesbaarBestand("bestand niet gevonden; controleer het pad") from None
    except IsADirectoryError:
        raise OnleesbaarBestand("is een map, geen bestand; geef het pad naar het bestand zelf") from None
    except PermissionError:
        raise OnleesbaarBestand("geen leesrechten op het bestand") from None
    except UnicodeDecodeError as fout:
        raise OnleesbaarBestand(
            f"geen UTF-8-tekst (ongeldige byte op positie {fout.start}); sla het bestand op als UTF-8-tekst"
        ) from None
    except OSError as fout:
        raise OnleesbaarBestand(f"bestand niet leesbaar ({fout.strerror or fout.__class__.__name__})") from None

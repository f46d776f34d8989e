"""Options shared by the sub-commands, each parsed and validated in one place."""

import argparse

from openfisca_vth.model import huidige_maand

FORMATS = ("table", "json", "csv", "markdown", "html")


def gevraagde_periode(args):
    """The ``--period`` text asked for, or the current month when the option is absent (an empty
    ``--period ''`` is a mistake, not the default)."""
    return huidige_maand() if args.period is None else args.period


def voeg_periode_toe(parser, tijdlijn=False):
    parser.add_argument(
        "--period",
        default=None,
        metavar="JJJJ-MM[:JJJJ-MM]" if tijdlijn else "JJJJ-MM",
        help=(
            "maand om door te rekenen (standaard: de huidige maand)"
            + ("; of BEGIN:EINDE voor een tijdlijn per maand, bijvoorbeeld 2025-01:2030-12" if tijdlijn else "")
        ),
    )


def voeg_plot_toe(parser):
    parser.add_argument(
        "--plot",
        default=None,
        metavar="BESTAND.png|BESTAND.svg",
        help="teken het aantal robuuste diensten (en waar bijgestuurd kan worden) per maand; vraagt matplotlib",
    )


def voeg_format_toe(parser):
    parser.add_argument("--format", choices=FORMATS, default="table", help="uitvoervorm")


class _EenKeer(argparse.Action):
    """Store an option that may be given once (a second --reform would silently win otherwise)."""

    def __call__(self, parser, namespace, waarde, option_string=None):
        if getattr(namespace, self.dest) is not None:
            parser.error(
                f"{option_string} mag hier maar één keer; stapel hervormingen met A+B, "
                "of vergelijk varianten naast elkaar met openfisca-vth compare"
            )
        setattr(namespace, self.dest, waarde)


def voeg_reform_toe(parser, verplicht=False, meerdere=False):
    """Add ``--reform NAAM|BESTAND.yaml``; turn it into a system with ``laad_hervorming``.

    ``args.reform`` stays the text given; ``openfisca_vth.reforms.laad_hervorming(args.reform,
    baseline)`` builds the reformed system (or raises a one-line ``VTHInvoerFout``). With
    ``meerdere`` the option may be repeated (variants side by side) and ``args.reform`` is the
    list of texts given, in order.
    """
    hulp = (
        "hervorming: wetsvoorstel_versterking_vth, verbreding_basistakenpakket, de naam van "
        "een meegeleverd hervormingsbestand of een pad naar een eigen .yaml-bestand "
        "(zie docs/drafting-guide.md)"
    )
    if meerdere:
        hulp += "; herhaal --reform om varianten naast elkaar te vergelijken"
    parser.add_argument(
        "--reform",
        required=verplicht,
        default=None,
        action="append" if meerdere else _EenKeer,
        metavar="NAAM|BESTAND.yaml",
        help=hulp,
    )


def voeg_dataset_toe(parser):
    """Add ``--dataset MAP``; ``openfisca_vth.dataset.laad_dataset(args.dataset)`` reads it."""
    parser.add_argument(
        "--dataset",
        default=None,
        metavar="MAP",
        help=(
            "map met een eigen dataset (omgevingsdiensten.csv, deelnemers.csv, invoer_*.csv; "
            "zie docs/dataset.md); standaard de ingebouwde landelijke dataset"
        ),
    )


def voeg_maand_opties_toe(parser, formats):
    """The options of a command about one month: ``--period``, ``--reform``, ``--dataset``, ``--format``."""
    voeg_periode_toe(parser)
    voeg_reform_toe(parser)
    voeg_dataset_toe(parser)
    parser.add_argument("--format", choices=formats, default="table", help="uitvoervorm")

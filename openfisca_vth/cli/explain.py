"""``openfisca-vth explain CODE``: why a dienst is (not) robuust, or why a deelnemer falls short.

The explanation is read from OpenFisca's trace of the calculation (``openfisca_vth.verklaring``):
the steps that decided the conclusion, each with its value, its sources and the parameters it
read with their legal status. Formats: a table (fits 100 columns), JSON, Markdown or one
self-contained HTML page.
"""

import sys

HELP = "Leg uit waarom een omgevingsdienst (niet) robuust is of een deelnemer tekortschiet, uit de trace."
FORMATS = ("table", "json", "markdown", "html")


def add_arguments(parser):
    from openfisca_vth.cli.opties import voeg_maand_opties_toe

    parser.add_argument(
        "code",
        metavar="CODE",
        help="code van een omgevingsdienst (bijvoorbeeld odra) of id van een deelnemer (bijvoorbeeld odra:GM0202)",
    )
    voeg_maand_opties_toe(parser, FORMATS)


def run(args, uit=None):
    from openfisca_vth.cli.opties import gevraagde_periode
    from openfisca_vth.model import Rekenmodel
    from openfisca_vth.verklaring import RENDERERS

    uit = uit or sys.stdout
    verklaring = Rekenmodel(args.dataset).verklaar(args.code, gevraagde_periode(args), args.reform)
    uit.write(RENDERERS[args.format](verklaring))
    return 0

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
    from openfisca_vth import CountryTaxBenefitSystem
    from openfisca_vth.cli.opties import gevraagde_periode, lees_maand
    from openfisca_vth.dataset import laad_dataset
    from openfisca_vth.verklaring import RENDERERS, verklaar

    uit = uit or sys.stdout
    periode = lees_maand(gevraagde_periode(args))
    dataset = laad_dataset(args.dataset)
    systeem = CountryTaxBenefitSystem()
    if args.reform:
        from openfisca_vth.reforms import laad_hervorming

        systeem = laad_hervorming(args.reform, systeem)
    verklaring = verklaar(dataset, systeem, periode, args.code, hervorming=args.reform)
    uit.write(RENDERERS[args.format](verklaring))
    return 0

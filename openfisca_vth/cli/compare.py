"""``openfisca-vth compare``: baseline against a reform, only what changes (issue 4).

Both tax-benefit systems are built once; the same inputs (the national dataset by default, a
dataset folder with ``--dataset`` or one OpenFisca situation with ``--situatie``) are simulated
under each, and :mod:`openfisca_vth.vergelijking` reports what differs.
"""

import json
from pathlib import Path

import yaml

from openfisca_vth.errors import VTHInvoerFout, onbekende_variabele, situatiefout_als_regel

HELP = "Vergelijk huidig recht met een hervorming en toon alleen wat verandert."


def add_arguments(parser):
    from openfisca_vth.cli.opties import (
        voeg_dataset_toe,
        voeg_format_toe,
        voeg_periode_toe,
        voeg_reform_toe,
    )

    voeg_reform_toe(parser, verplicht=True)
    parser.add_argument(
        "--basis",
        default=None,
        metavar="NAAM|BESTAND.yaml",
        help=(
            "vergelijk niet met huidig recht maar met deze hervorming (de --reform wordt daar "
            "bovenop toegepast), bijvoorbeeld --basis wetsvoorstel_per_2027_07"
        ),
    )
    voeg_periode_toe(parser)
    voeg_format_toe(parser)
    parser.add_argument(
        "--variabelen",
        default=None,
        metavar="NAAM,NAAM",
        help=(
            "toon alleen verschillen in deze variabelen (komma-gescheiden), bijvoorbeeld "
            "robuust,bijsturingsbevoegdheid_staatssecretaris; de totalen blijven staan"
        ),
    )
    invoer = parser.add_mutually_exclusive_group()
    voeg_dataset_toe(invoer)
    invoer.add_argument(
        "--situatie",
        default=None,
        metavar="BESTAND",
        help="één OpenFisca-situatie (JSON of YAML, zoals 'input' in een YAML-test) in plaats van de dataset",
    )


def lees_situatie(pad):
    """An OpenFisca situation from a JSON or YAML file, or a one-line VTHInvoerFout."""
    try:
        tekst = Path(pad).read_text(encoding="utf-8")
    except OSError:
        raise VTHInvoerFout(f"situatiebestand {pad} niet gevonden of niet leesbaar") from None
    try:
        situatie = json.loads(tekst) if str(pad).endswith(".json") else yaml.safe_load(tekst)
    except (ValueError, yaml.YAMLError) as fout:
        raise VTHInvoerFout(f"situatiebestand {pad} is geen geldige JSON/YAML: {str(fout).splitlines()[0]}") from None
    if not isinstance(situatie, dict) or not {"deelnemers", "omgevingsdiensten"} <= set(situatie):
        raise VTHInvoerFout(f"situatiebestand {pad}: verwacht de sleutels 'deelnemers' en 'omgevingsdiensten'")
    return situatie


def _bouwer_uit_situatie(situatie, pad):
    from openfisca_core.errors import SituationParsingError
    from openfisca_core.simulation_builder import SimulationBuilder

    def bouw(systeem, periode):
        try:
            return SimulationBuilder().build_from_entities(systeem, situatie)
        except SituationParsingError as fout:
            raise VTHInvoerFout(f"situatiebestand {pad}: {situatiefout_als_regel(fout, systeem)}") from None

    return bouw


def lees_variabelen(tekst, systeem):
    """``a,b`` as a list of known variable names, or a one-line VTHInvoerFout with suggestions."""
    namen = [naam.strip() for naam in tekst.split(",") if naam.strip()]
    for naam in namen:
        if naam not in systeem.variables:
            raise VTHInvoerFout(f"--variabelen: {onbekende_variabele(naam, systeem)}")
    if not namen:
        raise VTHInvoerFout("--variabelen: geef ten minste één variabele")
    return namen


def _label(spec):
    """A reform as the report names it: a file by its name, a known reform by itself."""
    return "+".join(Path(deel).stem if deel.endswith((".yaml", ".yml")) else deel for deel in spec.split("+"))


def run(args):
    from openfisca_vth import CountryTaxBenefitSystem
    from openfisca_vth.cli.opties import huidige_maand, lees_maand
    from openfisca_vth.reforms import laad_hervorming
    from openfisca_vth.vergelijking import opmaak, vergelijk

    periode = lees_maand(args.period or huidige_maand())
    # Each system is built once per run, the reform first so a
    # drafter's file errors come before any dataset work; the reform is applied to a copy, never to the baseline.
    huidig = CountryTaxBenefitSystem()
    voor = laad_hervorming(args.basis, huidig) if args.basis else huidig
    na = laad_hervorming(args.reform, voor)
    variabelen = lees_variabelen(args.variabelen, na) if args.variabelen else None
    if args.situatie:
        bouwer = _bouwer_uit_situatie(lees_situatie(args.situatie), args.situatie)
        namen = {}
        invoer = f"situatie {args.situatie}"
        waarschuwing = ""
    else:
        from openfisca_vth.dataset import laad_dataset

        dataset = laad_dataset(args.dataset)
        bouwer = dataset.simulatie
        namen = {d.id: d.naam for d in dataset.omgevingsdiensten(periode)}
        namen.update({d.id: d.naam for d in dataset.deelnemers(periode)})
        invoer = f"dataset {dataset.naam}"
        waarschuwing = " ".join(dataset.toelichting.split()) if dataset.illustratief else ""

    uitkomst = vergelijk(
        voor,
        na,
        periode,
        bouwer,
        namen=namen,
        variabelen=variabelen,
        hervorming=_label(args.reform),
        basis=_label(args.basis) if args.basis else None,
        invoer=invoer,
        waarschuwing=waarschuwing,
    )
    print(opmaak(uitkomst, args.format), end="")
    return 0

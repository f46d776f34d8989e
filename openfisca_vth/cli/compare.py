"""``openfisca-vth compare``: baseline against a reform, or against several variants side by side.

``--reform`` may be repeated: each variant is compared with the same reference (current law, or
the ``--basis``). Every tax-benefit system is built once (current law once, the basis once, each
variant once on top of it); the same inputs (the national dataset by default, a dataset folder
with ``--dataset`` or one OpenFisca situation with ``--situatie``) are simulated under each, and
:mod:`openfisca_vth.vergelijking` reports what differs.
"""

import json
from pathlib import Path

import yaml

from openfisca_vth.errors import VTHInvoerFout, onbekende_variabele, situatiefout_als_regel

HELP = "Vergelijk huidig recht met een hervorming (of met varianten naast elkaar) en toon alleen wat verandert."


def add_arguments(parser):
    from openfisca_vth.cli.opties import (
        voeg_dataset_toe,
        voeg_format_toe,
        voeg_periode_toe,
        voeg_reform_toe,
    )

    voeg_reform_toe(parser, verplicht=True, meerdere=True)
    parser.add_argument(
        "--basis",
        default=None,
        metavar="NAAM|BESTAND.yaml",
        help=(
            "vergelijk niet met huidig recht maar met deze hervorming (elke --reform wordt daar "
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


def _namen_van_varianten(specs):
    """The report name of each --reform, or a one-line VTHInvoerFout if a name occurs twice."""
    namen = [_label(spec) for spec in specs]
    for i, naam in enumerate(namen):
        if naam in namen[:i]:
            raise VTHInvoerFout(f"--reform: variant {naam!r} is meer dan eens gegeven; geef elke variant één keer")
    return namen


def run(args):
    from openfisca_vth import CountryTaxBenefitSystem
    from openfisca_vth.cli.opties import huidige_maand, lees_maand
    from openfisca_vth.reforms import laad_hervorming
    from openfisca_vth.vergelijking import opmaak, vergelijk_varianten

    periode = lees_maand(args.period or huidige_maand())
    namen_varianten = _namen_van_varianten(args.reform)
    # Each system is built once per run, the reforms first so a drafter's file errors come before
    # any dataset work. Every reform is applied to a copy: current law (and the basis) never change,
    # and all variants share the one reference system.
    huidig = CountryTaxBenefitSystem()
    voor = laad_hervorming(args.basis, huidig) if args.basis else huidig
    varianten = [(naam, laad_hervorming(spec, voor)) for naam, spec in zip(namen_varianten, args.reform, strict=True)]
    variabelen = None
    if args.variabelen:
        for systeem in (voor, *(systeem for _, systeem in varianten)):
            variabelen = lees_variabelen(args.variabelen, systeem)
    dataset = None
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

    uitkomst = vergelijk_varianten(
        voor,
        varianten,
        periode,
        bouwer,
        namen=namen,
        variabelen=variabelen,
        basis=_label(args.basis) if args.basis else None,
        invoer=invoer,
        waarschuwing=waarschuwing,
        huidig=huidig if args.basis else None,
        dataset=dataset,
    )
    print(opmaak(uitkomst, args.format), end="")
    return 0

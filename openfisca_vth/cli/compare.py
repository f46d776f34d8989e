"""``openfisca-vth compare``: baseline against a reform, or against several variants side by side.

``--reform`` may be repeated: each variant is compared with the same reference (current law, or
the ``--basis``). Every tax-benefit system is built once (current law once, the basis once, each
variant once on top of it); the same inputs (the national dataset by default, a dataset folder
with ``--dataset`` or one OpenFisca situation with ``--situatie``) are simulated under each, and
:mod:`openfisca_vth.vergelijking` reports what differs.
"""

import json
import textwrap

import yaml

from openfisca_vth.errors import (
    OnleesbaarBestand,
    VTHInvoerFout,
    lees_tekstbestand,
    situatiefout_als_regel,
)
from openfisca_vth.uitvoer import ja_nee

HELP = "Vergelijk huidig recht met een hervorming (of met varianten naast elkaar) en toon alleen wat verandert."


def add_arguments(parser):
    from openfisca_vth.cli.opties import (
        voeg_dataset_toe,
        voeg_format_toe,
        voeg_periode_toe,
        voeg_plot_toe,
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
    voeg_periode_toe(parser, tijdlijn=True)
    voeg_format_toe(parser)
    voeg_plot_toe(parser)
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


class _DubbeleSleutel(ValueError):
    """A key that occurs twice in one object of a situation file (JSON and YAML keep only the last)."""


def _zonder_dubbele_sleutels(paren):
    gezien = {}
    for sleutel, waarde in paren:
        if sleutel in gezien:
            raise _DubbeleSleutel(
                f"sleutel {sleutel!r} staat twee keer in hetzelfde object; geef elke sleutel één keer"
            )
        gezien[sleutel] = waarde
    return gezien


class _StrengeYamlLader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that refuses a key given twice in one mapping instead of keeping the last."""

    def construct_mapping(self, node, deep=False):
        self.flatten_mapping(node)
        gezien = set()
        for sleutel_knoop, _ in node.value:
            sleutel = self.construct_object(sleutel_knoop, deep=True)
            try:
                dubbel = sleutel in gezien
                gezien.add(sleutel)
            except TypeError:  # an unhashable key: let PyYAML give its own error
                break
            if dubbel:
                raise _DubbeleSleutel(
                    f"regel {sleutel_knoop.start_mark.line + 1}: sleutel {sleutel!r} staat twee keer in hetzelfde "
                    f"object; geef elke sleutel één keer"
                )
        return super().construct_mapping(node, deep=deep)


def lees_situatie(pad):
    """An OpenFisca situation from a JSON or YAML file, or a one-line VTHInvoerFout.

    Only the reading: a key given twice (which JSON and YAML would silently drop) and absurd
    nesting are refused here; the content is checked per system by ``controleer_situatie``.
    """
    try:
        tekst = lees_tekstbestand(pad)
    except OnleesbaarBestand as fout:
        raise VTHInvoerFout(f"situatiebestand {pad}: {fout}") from None
    try:
        if str(pad).endswith(".json"):
            return json.loads(tekst, object_pairs_hook=_zonder_dubbele_sleutels)
        return yaml.load(tekst, Loader=_StrengeYamlLader)  # a SafeLoader
    except _DubbeleSleutel as fout:
        raise VTHInvoerFout(f"situatiebestand {pad}: {fout}") from None
    except RecursionError:
        raise VTHInvoerFout(
            f"situatiebestand {pad} is te diep genest; een situatie heeft de vorm "
            f"entiteiten/id/variabele/periode: waarde"
        ) from None
    except (ValueError, yaml.YAMLError) as fout:
        regel = str(fout).splitlines()[0] if str(fout) else type(fout).__name__
        raise VTHInvoerFout(f"situatiebestand {pad} is geen geldige JSON/YAML: {regel}") from None


def _bouwer_uit_situatie(situatie, pad):
    """Build the situation under each system, checked against that system (a reform may add variables)."""
    from openfisca_core.errors import SituationParsingError

    from openfisca_vth.errors import SituatieFout
    from openfisca_vth.situatie import bouw_simulatie, controleer_invoer_voor_periode, controleer_situatie

    def bouw(systeem, periode):
        try:
            schoon = controleer_situatie(systeem, situatie)
            controleer_invoer_voor_periode(schoon, periode)
            return bouw_simulatie(systeem, schoon)
        except SituatieFout as fout:
            raise VTHInvoerFout(f"situatiebestand {pad}: {fout}") from None
        except SituationParsingError as fout:
            raise VTHInvoerFout(f"situatiebestand {pad}: {situatiefout_als_regel(fout, systeem)}") from None

    return bouw


def lees_variabelen(tekst):
    """``a,b`` as a list of names (checked against each system by the model), or a one-line error."""
    namen = [naam.strip() for naam in tekst.split(",") if naam.strip()]
    if not namen:
        raise VTHInvoerFout("--variabelen: geef ten minste één variabele")
    return namen


def run(args):
    from openfisca_vth.cli.opties import gevraagde_periode
    from openfisca_vth.model import Rekenmodel
    from openfisca_vth.periode import maanden

    periode = gevraagde_periode(args)
    reeks = maanden(periode)
    if args.plot and len(reeks) < 2:
        raise VTHInvoerFout("--plot tekent een tijdlijn: geef --period BEGIN:EINDE, bijvoorbeeld 2025-01:2030-12")
    if len(reeks) > 1 and args.situatie:
        raise VTHInvoerFout("een tijdlijn (--period BEGIN:EINDE) rekent op een dataset, niet op --situatie")
    if len(reeks) > 1 and args.variabelen:
        raise VTHInvoerFout("--variabelen geldt voor één maand; een tijdlijn toont robuust en bijsturing per maand")
    variabelen = lees_variabelen(args.variabelen) if args.variabelen is not None else None
    # The model builds each system once, the reforms first so that a drafter's file errors come
    # before any simulation. Every reform is applied to a copy: current law (and the basis) never
    # change, and all variants share the one reference system.
    model = Rekenmodel(args.dataset)
    try:
        if args.situatie:
            return _op_situatie(args, model, reeks[0], variabelen)
        vergelijking = model.vergelijk(args.reform, periode, basis=args.basis, variabelen=variabelen)
    except VTHInvoerFout as fout:
        raise VTHInvoerFout(_met_optie(str(fout))) from None
    if len(reeks) > 1 and args.plot:
        from openfisca_vth import grafiek

        grafiek.schrijf(*_tijdlijn_grafiek(vergelijking), args.plot)
    print(opmaak_vergelijking(vergelijking, args.format, model.dataset), end="")
    return 0


def opmaak_vergelijking(vergelijking, formaat, dataset):
    """A comparison of one month or a timeline comparison on ``dataset`` in ``formaat`` (one of
    ``cli.opties.FORMATS``), as this command prints it (the Web API's ``formaat`` too)."""
    from openfisca_vth.tijdlijn import Tijdlijnvergelijking
    from openfisca_vth.vergelijking import opmaak

    if not isinstance(vergelijking, Tijdlijnvergelijking):
        return opmaak(vergelijking, formaat)
    eerste = vergelijking.basis_tijdlijn.rapporten[0]
    waarschuwing = " ".join(eerste.toelichting.split()) if eerste.illustratief else ""
    return TIJDLIJN_OPMAAK[formaat](vergelijking, f"dataset {dataset.naam}", waarschuwing)


def _met_optie(melding):
    """A model message about a variant or a variable, with the option that gave it."""
    if "meer dan eens gegeven" in melding:
        return f"--reform: {melding}"
    if melding.startswith("onbekende variabele"):
        return f"--variabelen: {melding}"
    return melding


def _op_situatie(args, model, periode, variabelen):
    """Compare on one OpenFisca situation (``--situatie``) instead of the dataset."""
    from openfisca_vth.vergelijking import opmaak, vergelijk_varianten

    voor, gekozen = model.varianten(args.reform, args.basis)
    if variabelen:
        model.controleer_variabelen(variabelen, [voor.systeem, *(h.systeem for h in gekozen)])
    uitkomst = vergelijk_varianten(
        voor.systeem,
        [(h.naam, h.systeem) for h in gekozen],
        periode,
        _bouwer_uit_situatie(lees_situatie(args.situatie), args.situatie),
        variabelen=variabelen,
        basis=voor.naam if args.basis else None,
        invoer=f"situatie {args.situatie}",
        huidig=model.huidig_recht if args.basis else None,
    )
    print(opmaak(uitkomst, args.format), end="")
    return 0


# -- timelines (--period BEGIN:EINDE) ---------------------------------------------------------------


def _tijdlijn_grafiek(vergelijking):
    reeksen = [(f"robuust ({vergelijking.basis})", vergelijking.perioden, vergelijking.basis_tijdlijn.reeks("robuust"))]
    for naam, tijdlijn in vergelijking.varianten:
        reeksen.append((f"robuust ({naam})", tijdlijn.perioden, tijdlijn.reeks("robuust")))
        reeksen.append(
            (
                f"bijsturing mogelijk ({naam})",
                tijdlijn.perioden,
                tijdlijn.reeks("bijsturingsbevoegdheid_staatssecretaris"),
            )
        )
    namen = ", ".join(naam for naam, _ in vergelijking.varianten)
    return reeksen, vergelijking.markeringen, f"{vergelijking.basis} tegenover {namen}"


def _koppen_en_rijen(vergelijking):
    systemen = [(vergelijking.basis, vergelijking.basis_tijdlijn), *vergelijking.varianten]
    koppen = ["periode"]
    for naam, _ in systemen:
        koppen += [f"robuust ({naam})", f"bijsturing ({naam})"]
    rijen = []
    for i, periode in enumerate(vergelijking.perioden):
        rij = [periode]
        for _, tijdlijn in systemen:
            totalen = tijdlijn.rapporten[i].totalen
            rij += [str(totalen["robuust"]), str(totalen["bijsturingsbevoegdheid_staatssecretaris"])]
        rijen.append(rij)
    return koppen, rijen


def _verschilregels(vergelijking):
    """Per variant, each difference with the reference as one line per run of consecutive months."""
    index = {periode: i for i, periode in enumerate(vergelijking.perioden)}
    regels = []
    for naam, _ in vergelijking.varianten:
        runs = {}
        for periode, code, dienst, label, voor, na in vergelijking.verschillen(naam):
            lijst = runs.setdefault((code, dienst, label, voor, na), [])
            if lijst and index[lijst[-1][1]] == index[periode] - 1:
                lijst[-1][1] = periode
            else:
                lijst.append([periode, periode])
        regels.append(f"Verschillen met {naam}:")
        rijen = sorted(
            (
                (begin, eind, code, dienst, label, voor, na)
                for (code, dienst, label, voor, na), r in runs.items()
                for begin, eind in r
            )
        )
        for begin, eind, code, dienst, label, voor, na in rijen:
            wanneer = begin if begin == eind else f"{begin} t/m {eind}"
            regels.append(f"  {wanneer}: {code} ({dienst}) {label}: {ja_nee(voor)} -> {ja_nee(na)}")
        if not rijen:
            regels.append("  (geen)")
    return regels


def _tijdlijn_kop(vergelijking, invoer):
    namen = ", ".join(naam for naam, _ in vergelijking.varianten)
    return [
        f"Tijdlijn {vergelijking.basis} tegenover {namen}, {vergelijking.perioden[0]} t/m {vergelijking.perioden[-1]}",
        f"Invoer: {invoer}",
    ]


def _als_tabel(vergelijking, invoer, waarschuwing):
    regels = _tijdlijn_kop(vergelijking, invoer) + ([f"LET OP: {waarschuwing}"] if waarschuwing else [])
    regels = [deel for regel in regels for deel in textwrap.wrap(regel, 100, subsequent_indent="  ")]
    # one group of two columns per system, named once above them, so the table stays narrow
    _, rijen = _koppen_en_rijen(vergelijking)
    systemen = [vergelijking.basis, *(naam for naam, _ in vergelijking.varianten)]
    paar = ("robuust", "bijsturing")
    breedte_paar = [max(len(paar[0]), *(len(r[1 + 2 * i]) for r in rijen)) for i in range(len(systemen))]
    groepen = [max(len(naam), breedte_paar[i] + 2 + len(paar[1])) for i, naam in enumerate(systemen)]
    regels += ["", "         " + "  ".join(naam.ljust(g) for naam, g in zip(systemen, groepen, strict=True)).rstrip()]
    regels.append(
        "periode  "
        + "  ".join((paar[0].ljust(g - 2 - len(paar[1])) + "  " + paar[1]).ljust(g) for g in groepen).rstrip()
    )
    regels.append("-------  " + "  ".join("-" * g for g in groepen))
    for rij in rijen:
        cellen = [
            (rij[1 + 2 * i].ljust(g - 2 - len(paar[1])) + "  " + rij[2 + 2 * i]).ljust(g) for i, g in enumerate(groepen)
        ]
        regels.append((rij[0].ljust(7) + "  " + "  ".join(cellen)).rstrip())
    regels.append("")
    for regel in _verschilregels(vergelijking):
        inspringing = " " * (len(regel) - len(regel.lstrip()))
        regels += textwrap.wrap(regel, 100, initial_indent="", subsequent_indent=inspringing + "    ") or [regel]
    if vergelijking.markeringen:
        regels += ["", "Gemarkeerde datums:"] + [f"  {m.label}: {m.datum}" for m in vergelijking.markeringen]
    return "\n".join(regels) + "\n"


def _als_json(vergelijking, invoer, waarschuwing):
    from openfisca_vth.uitvoer import json_tekst

    return json_tekst(vergelijking.naar_dict())


def _als_csv(vergelijking, invoer, waarschuwing):
    import csv
    import io

    uit = io.StringIO()
    schrijver = csv.writer(uit, lineterminator="\n")
    systemen = [(vergelijking.basis, vergelijking.basis_tijdlijn), *vergelijking.varianten]
    kop = ["periode", "code", "naam"]
    for naam, _ in systemen:
        kop += [f"robuust ({naam})", f"bijsturing ({naam})"]
    schrijver.writerow(kop)
    for i, periode in enumerate(vergelijking.perioden):
        per_systeem = [{d.code: d for d in t.rapporten[i].omgevingsdiensten} for _, t in systemen]
        for dienst in vergelijking.basis_tijdlijn.rapporten[i].omgevingsdiensten:
            rij = [periode, dienst.code, dienst.naam]
            for diensten in per_systeem:
                ander = diensten.get(dienst.code)
                rij += ["" if ander is None else str(ander.robuust).lower()]
                rij += ["" if ander is None else str(ander.bijsturingsbevoegdheid_staatssecretaris).lower()]
            schrijver.writerow(rij)
    return uit.getvalue()


def _als_markdown(vergelijking, invoer, waarschuwing):
    from openfisca_vth.uitvoer import md_tabel

    kop = _tijdlijn_kop(vergelijking, invoer)
    regels = [f"## {kop[0]}", "", kop[1]]
    if waarschuwing:
        regels += ["", f"> **LET OP.** {waarschuwing}"]
    regels += ["", *md_tabel(*_koppen_en_rijen(vergelijking)), ""]
    regels += [f"- {r.strip()}" if r.startswith("  ") else f"\n**{r}**\n" for r in _verschilregels(vergelijking)]
    if vergelijking.markeringen:
        regels += ["", "Gemarkeerde datums: " + "; ".join(f"{m.label} {m.datum}" for m in vergelijking.markeringen)]
    return "\n".join(regels) + "\n"


def _als_html(vergelijking, invoer, waarschuwing):
    from openfisca_vth.uitvoer import h, html_document, html_tabel

    kop = _tijdlijn_kop(vergelijking, invoer)
    koppen, rijen = _koppen_en_rijen(vergelijking)
    secties = [
        ("", f'<p class="klein">{h(kop[1])}</p>'),
        (
            "Vraag",
            f"<p>Hoe ontwikkelen het aantal robuuste omgevingsdiensten en het aantal waar de staatssecretaris kan "
            f"bijsturen zich van {h(vergelijking.perioden[0])} tot en met {h(vergelijking.perioden[-1])}, onder "
            f"{h(vergelijking.basis)} en onder {h(', '.join(n for n, _ in vergelijking.varianten))}?</p>",
        ),
    ]
    from openfisca_vth import grafiek

    secties.append(grafiek.html_sectie(*_tijdlijn_grafiek(vergelijking)))
    secties.append(("Aantallen per maand", html_tabel([h(k) for k in koppen], [[h(c) for c in r] for r in rijen])))
    verschillen = "".join(
        f"<li>{h(r.strip())}</li>" if r.startswith("  ") else f"</ul><h3>{h(r)}</h3><ul>"
        for r in _verschilregels(vergelijking)
    )
    secties.append(("Verschillen per dienst", f"<ul>{verschillen}</ul>".replace("<ul></ul>", "")))
    if vergelijking.markeringen:
        secties.append(
            (
                "Gemarkeerde datums",
                "<ul>" + "".join(f"<li>{h(m.label)}: {h(m.datum)}</li>" for m in vergelijking.markeringen) + "</ul>",
            )
        )
    return html_document(kop[0], secties, waarschuwing)


TIJDLIJN_OPMAAK = {
    "table": _als_tabel,
    "json": _als_json,
    "csv": _als_csv,
    "markdown": _als_markdown,
    "html": _als_html,
}

"""``openfisca-vth status``: the state of every omgevingsdienst in one month (issue 3).

The computation is :func:`openfisca_vth.rapport.bereken_status`; this module only parses the
options and formats the :class:`~openfisca_vth.rapport.Statusrapport` as a table (fits 100
columns), JSON, CSV, Markdown or a self-contained HTML memo; with ``--period BEGIN:EINDE`` a
:class:`~openfisca_vth.tijdlijn.Tijdlijn` of one report per month.
"""

import csv
import sys
import textwrap

from openfisca_vth.errors import VTHInvoerFout
from openfisca_vth.uitvoer import (
    h,
    html_bron,
    html_document,
    html_ja_nee,
    html_tabel,
    ja_nee,
    json_tekst,
    md_bron,
    md_tabel,
)
from openfisca_vth.vergelijking import HUIDIG_RECHT

HELP = "Toon per omgevingsdienst of hij robuust is en wat ontbreekt."
MEMO_FORMATEN = ("markdown", "html")  # a memo lists every rule the calculation read (a traced run)
BREEDTE = 100


def add_arguments(parser):
    from openfisca_vth.cli.opties import (
        voeg_dataset_toe,
        voeg_format_toe,
        voeg_periode_toe,
        voeg_plot_toe,
        voeg_reform_toe,
    )

    voeg_periode_toe(parser, tijdlijn=True)
    voeg_reform_toe(parser)
    voeg_dataset_toe(parser)
    voeg_format_toe(parser)
    voeg_plot_toe(parser)


def run(args, uit=None):
    from openfisca_vth.cli.opties import gevraagde_periode
    from openfisca_vth.model import Rekenmodel
    from openfisca_vth.periode import maanden

    uit = uit or sys.stdout
    periode = gevraagde_periode(args)
    reeks = maanden(periode)
    if args.plot and len(reeks) < 2:
        raise VTHInvoerFout("--plot tekent een tijdlijn: geef --period BEGIN:EINDE, bijvoorbeeld 2025-01:2030-12")
    model = Rekenmodel(args.dataset)
    if len(reeks) == 1:
        memo = args.format in MEMO_FORMATEN
        FORMATTERS[args.format](model.status(periode, args.reform, met_regels=memo), uit)
        return 0
    tijdlijn = model.tijdlijn(periode, args.reform)
    if args.plot:
        from openfisca_vth import grafiek

        grafiek.schrijf(*_grafiek(tijdlijn), args.plot)
    TIJDLIJN_FORMATTERS[args.format](tijdlijn, uit)
    return 0


def _kop(rapport):
    hervorming = rapport.hervorming or HUIDIG_RECHT
    regels = [
        f"Status VTH-stelsel milieu, periode {rapport.periode} ({hervorming})",
        f"Dataset: {rapport.dataset} [{rapport.dataset_bron}]",
    ]
    if rapport.illustratief:
        regels.append(f"LET OP: {rapport.toelichting}")
    return regels


def _totaalregels(rapport):
    t = rapport.totalen
    regels = [
        f"Totaal: {t['omgevingsdiensten']} omgevingsdiensten, {t['robuust']} robuust, "
        f"{t['niet_robuust']} niet robuust; bijsturing door de staatssecretaris mogelijk bij "
        f"{t['bijsturingsbevoegdheid_staatssecretaris']}.",
    ]
    for kop, diensten in (
        ("Robuust", [d for d in rapport.omgevingsdiensten if d.robuust]),
        ("Bijsturing mogelijk", [d for d in rapport.omgevingsdiensten if d.bijsturingsbevoegdheid_staatssecretaris]),
        (
            "Bijsturing jegens deelnemers mogelijk in",
            [d for d in rapport.omgevingsdiensten if d.deelnemers_met_bijsturing],
        ),
    ):
        if diensten:
            regels.append(f"{kop} ({len(diensten)}): {', '.join(d.code for d in diensten)}.")
    if t["bijsturingsbevoegdheid_jegens_deelnemer"]:
        regels.append(
            f"Deelnemers jegens wie de staatssecretaris kan bijsturen: {t['bijsturingsbevoegdheid_jegens_deelnemer']}."
        )
    regels.append(
        f"Deelnemers: {t['deelnemers']}, van wie {t['deelnemers_met_ontbrekende_basistaken']} "
        f"met ontbrekende basistaken."
    )
    return regels


SEVESO_PLAATSING = {
    "in_eigen_beheer": "in eigen beheer",
    "bij_andere_dienst": "ondergebracht bij {bij}",
    "niet_opgegeven": "niet ingebracht",
    "bij_aangewezen_dienst": "niet ingebracht",
}


def _seveso_tekst(d, grondslag):
    """Why a provincie's Seveso and RIE-4 tasks fall short, with the article the reservation rests on."""
    hoe = SEVESO_PLAATSING.get(d.plaatsing_seveso_taken, "niet ingebracht").format(bij=d.seveso_taken_ondergebracht_bij)
    return (
        f"Seveso- en RIE-4-taken {hoe}, niet bij de aangewezen Seveso-omgevingsdienst "
        f"{d.aangewezen_seveso_omgevingsdienst}" + (f" ({grondslag})" if grondslag else "")
    )


def _keuzeregels(rapport):
    """The reform's assumptions (its design choices), each with its value and legal status."""
    if not rapport.keuzes:
        return []
    return ["Keuzes van de hervorming:"] + [
        f"  {k.parameter} = {_waarde(k.waarde)} ({k.status}): {k.omschrijving}" for k in rapport.keuzes
    ]


def _waarde(waarde):
    return ja_nee(waarde) if isinstance(waarde, bool) else str(waarde)


def _tekorten(dienst, rapport):
    """One Dutch line per deelnemer that falls short, saying what it lacks and who can act; then one
    line for the deelnemers that answer for a statutory criterion the dienst fails.

    A missing mandate or regional strategy is a shortfall only while its criterion counts; Seveso
    tasks are those the rules in force reserve to the designated dienst (``rapport.seveso_categorieen``).
    """
    geldende_criteria, seveso_categorieen = rapport.geldende_criteria, rapport.seveso_categorieen
    regels = []
    for d in dienst.deelnemers:
        wat = []
        seveso = [c for c in d.ontbrekende_basistaken if c in seveso_categorieen]
        overig = [c for c in d.ontbrekende_basistaken if c not in seveso_categorieen]
        if overig:
            wat.append(f"basistaken niet ingebracht: {', '.join(overig)}")
        if seveso:
            wat.append(_seveso_tekst(d, rapport.seveso_grondslag))
        inbreng = [o for o in d.wie_kan_optreden if o.onderwerp == "inbreng"]
        if inbreng:
            wat.append("wie kan optreden: " + "; ".join(o.als_tekst() for o in inbreng))
        if not d.mandaat_verleend and "onafhankelijkheid" in geldende_criteria:
            wat.append("geen mandaat verleend")
        if not d.regionale_strategie_vastgesteld and "uniform_beleid" in geldende_criteria:
            wat.append("regionale strategie niet vastgesteld")
        if wat:
            regels.append(f"{d.naam} ({d.soort}, {d.id}): {'; '.join(wat)}")
    aanspreekbaar = dienst.deelnemers_aanspreekbaar_op_criteria
    if aanspreekbaar:
        wie = {}
        for d in aanspreekbaar:
            for o in d.wie_kan_optreden:
                if o.onderwerp == "criteria":
                    wie.setdefault(o.als_tekst(), None)
        regels.append(
            f"aanspreekbaar op een wettelijk robuustheidscriterium dat de dienst niet haalt ({len(aanspreekbaar)}): "
            f"{', '.join(d.naam for d in aanspreekbaar)}; wie kan optreden: {'; '.join(wie)}"
        )
    if dienst.werkgebied_in_strijd_met_wet:
        regels.append(
            "werkgebied valt niet samen met één of meer veiligheidsregio's of een kring (Omgevingswet art. 18.21 lid 3)"
        )
    return regels


def _afgekapt(tekst, breedte):
    return tekst if len(tekst) <= breedte else tekst[: breedte - 1] + "…"


def schrijf_tabel(rapport, uit):
    kolommen = (("Code", 12), ("Omgevingsdienst", 36), ("Robuust", 7), ("Bijsturing", 10))
    rest = BREEDTE - sum(b + 2 for _, b in kolommen)
    regels = [deel for regel in _kop(rapport) for deel in textwrap.wrap(regel, BREEDTE, subsequent_indent="  ")]
    regels += ["", "  ".join(k.ljust(b) for k, b in kolommen) + "  Niet voldane criteria"]
    regels.append("  ".join("-" * b for _, b in kolommen) + "  " + "-" * rest)
    inspringing = " " * (BREEDTE - rest)
    for dienst in rapport.omgevingsdiensten:
        cellen = (
            dienst.code,
            _afgekapt(dienst.naam, 36),
            ja_nee(dienst.robuust),
            ja_nee(dienst.bijsturingsbevoegdheid_staatssecretaris),
        )
        criteria = textwrap.wrap(", ".join(dienst.niet_voldane_criteria) or "-", rest) or ["-"]
        regels.append("  ".join(c.ljust(b) for c, (_, b) in zip(cellen, kolommen, strict=True)) + "  " + criteria[0])
        regels += [inspringing + vervolg for vervolg in criteria[1:]]
    tekortschietend = [d for d in rapport.omgevingsdiensten if _tekorten(d, rapport)]
    if tekortschietend:
        regels += ["", "Deelnemers die tekortschieten:"]
        for dienst in tekortschietend:
            regels.append(f"  {dienst.code} ({dienst.naam}):")
            for tekort in _tekorten(dienst, rapport):
                regels += textwrap.wrap(tekort, BREEDTE, initial_indent="    - ", subsequent_indent="      ")
    regels.append("")
    for regel in _totaalregels(rapport):
        regels += textwrap.wrap(regel, BREEDTE, subsequent_indent="  ")
    keuzes = _keuzeregels(rapport)
    if keuzes:
        regels += ["", keuzes[0]]
        for keuze in keuzes[1:]:
            regels += textwrap.wrap(keuze, BREEDTE, subsequent_indent="      ")
    print("\n".join(regels), file=uit)


def schrijf_json(rapport, uit):
    uit.write(json_tekst(rapport.naar_dict()))


CSV_KOLOMMEN = (
    "periode",
    "hervorming",
    "code",
    "naam",
    "robuust",
    "niet_voldane_criteria",
    "bijsturingsbevoegdheid_staatssecretaris",
    "robuustheidstermijn_verstreken",
    "deelnemers_met_ontbrekende_basistaken",
    "deelnemers_zonder_mandaat",
    "deelnemers_zonder_regionale_strategie",
    "illustratief",
)


def _csv_rijen(rapport):
    for d in rapport.omgevingsdiensten:
        yield (
            rapport.periode,
            rapport.hervorming or "",
            d.code,
            d.naam,
            str(d.robuust).lower(),
            ";".join(d.niet_voldane_criteria),
            str(d.bijsturingsbevoegdheid_staatssecretaris).lower(),
            str(d.robuustheidstermijn_verstreken).lower(),
            ";".join(f"{x.id}={'+'.join(x.ontbrekende_basistaken)}" for x in d.deelnemers_met_ontbrekende_basistaken),
            ";".join(x.id for x in d.deelnemers_zonder_mandaat),
            ";".join(x.id for x in d.deelnemers_zonder_regionale_strategie),
            str(rapport.illustratief).lower(),
        )


def schrijf_csv(rapport, uit):
    schrijver = csv.writer(uit, lineterminator="\n")
    schrijver.writerow(CSV_KOLOMMEN)
    for rij in _csv_rijen(rapport):
        schrijver.writerow(rij)


def schrijf_markdown(rapport, uit):
    kop = _kop(rapport)
    regels = [f"## {kop[0]}", "", kop[1]]
    if rapport.illustratief:
        regels += ["", f"> **LET OP.** {rapport.toelichting}"]
    regels += [
        "",
        "| Code | Omgevingsdienst | Robuust | Bijsturing | Niet voldane criteria | Deelnemers die tekortschieten |",
        "|---|---|---|---|---|---|",
    ]
    for d in rapport.omgevingsdiensten:
        tekorten = "<br>".join(_tekorten(d, rapport)).replace("|", "\\|") or "-"
        regels.append(
            f"| {d.code} | {d.naam} | {ja_nee(d.robuust)} | "
            f"{ja_nee(d.bijsturingsbevoegdheid_staatssecretaris)} | "
            f"{', '.join(d.niet_voldane_criteria) or '-'} | {tekorten} |"
        )
    regels += [""] + [f"- {regel}" for regel in _totaalregels(rapport)]
    regels += _markdown_regels(rapport)
    if rapport.keuzes:
        regels += [
            "",
            "### Keuzes van de hervorming",
            "",
            "| parameter | waarde | status | betekenis |",
            "|---|---|---|---|",
        ]
        regels += [
            f"| `{k.parameter}` | {_waarde(k.waarde)} | `{k.status}` | {k.omschrijving} |" for k in rapport.keuzes
        ]
    print("\n".join(regels), file=uit)


FORMATTERS = {
    "table": schrijf_tabel,
    "json": schrijf_json,
    "csv": schrijf_csv,
    "markdown": schrijf_markdown,
    "html": lambda rapport, uit: schrijf_html(rapport, uit),
}


# -- memo sections shared by Markdown and HTML ---------------------------------------------------


def _regelrijen(rapport, link):
    """The rules the report relied on: parameter, value, status and linked sources."""
    return [
        (
            f"`{r.parameter}`" if link is md_bron else h(r.parameter),
            _waarde(r.waarde),
            r.status,
            "; ".join(link(b) for b in r.bronnen),
        )
        for r in rapport.regels
    ]


def schrijf_html(rapport, uit):
    """A self-contained memo: question, answer, per-dienst table, shortfalls, assumptions, rules and sources."""
    kop = _kop(rapport)
    t = rapport.totalen
    antwoord = "".join(f"<p>{h(regel)}</p>" for regel in _totaalregels(rapport))
    diensten = html_tabel(
        ["Code", "Omgevingsdienst", "Robuust", "Bijsturing", "Niet voldane criteria", "Deelnemers die tekortschieten"],
        [
            (
                h(d.code),
                h(d.naam),
                html_ja_nee(d.robuust),
                html_ja_nee(d.bijsturingsbevoegdheid_staatssecretaris),
                h(", ".join(d.niet_voldane_criteria) or "-"),
                "<br>".join(h(tekort) for tekort in _tekorten(d, rapport)) or "-",
            )
            for d in rapport.omgevingsdiensten
        ],
    )
    secties = [
        ("", f'<p class="klein">{h(kop[1])}</p>'),
        (
            "Vraag",
            f"<p>Welke omgevingsdiensten zijn in {h(rapport.periode)} robuust, welke deelnemers schieten tekort, "
            f"en wie kan optreden ({h(rapport.hervorming or HUIDIG_RECHT)})?</p>",
        ),
        ("Antwoord", antwoord),
        (f"Omgevingsdiensten ({t['omgevingsdiensten']})", diensten),
    ]
    if rapport.keuzes:
        secties.append(
            (
                "Keuzes van de hervorming",
                html_tabel(
                    ["Parameter", "Waarde", "Status", "Betekenis"],
                    [(h(k.parameter), h(_waarde(k.waarde)), h(k.status), h(k.omschrijving)) for k in rapport.keuzes],
                ),
            )
        )
    if rapport.regels:
        secties.append(
            (
                "Regels waarop dit rapport rust",
                html_tabel(["Regel", "Waarde op de peildatum", "Status", "Bron"], _regelrijen(rapport, html_bron)),
            )
        )
    waarschuwing = " ".join(rapport.toelichting.split()) if rapport.illustratief else ""
    uit.write(html_document(kop[0], secties, waarschuwing))


def _markdown_regels(rapport):
    if not rapport.regels:
        return []
    return [
        "",
        "### Regels waarop dit rapport rust",
        "",
        *md_tabel(["regel", "waarde", "status", "bron"], _regelrijen(rapport, md_bron)),
    ]


# -- timelines ------------------------------------------------------------------------------------


def _grafiek(tijdlijn):
    """The series, markers and title of a status timeline's plot."""
    reeksen = [("robuust", tijdlijn.perioden, tijdlijn.reeks("robuust"))]
    if tijdlijn.hervorming:
        reeksen.append(
            ("bijsturing mogelijk", tijdlijn.perioden, tijdlijn.reeks("bijsturingsbevoegdheid_staatssecretaris"))
        )
    titel = f"Robuuste omgevingsdiensten per maand ({tijdlijn.hervorming or HUIDIG_RECHT})"
    return reeksen, tijdlijn.markeringen, titel


def _tijdlijn_kop(tijdlijn):
    eerste = tijdlijn.rapporten[0]
    regels = [
        f"Tijdlijn VTH-stelsel milieu, {tijdlijn.perioden[0]} t/m {tijdlijn.perioden[-1]} "
        f"({tijdlijn.hervorming or HUIDIG_RECHT})",
        f"Dataset: {eerste.dataset} [{eerste.dataset_bron}]",
    ]
    if eerste.illustratief:
        regels.append(f"LET OP: {eerste.toelichting}")
    return regels


TIJDLIJN_KOLOMMEN = (
    ("periode", "Periode"),
    ("omgevingsdiensten", "Diensten"),
    ("robuust", "Robuust"),
    ("niet_robuust", "Niet robuust"),
    ("bijsturingsbevoegdheid_staatssecretaris", "Bijsturing"),
    ("bijsturingsbevoegdheid_jegens_deelnemer", "Bijsturing deelnemers"),
)


def _tijdlijn_rijen(tijdlijn):
    return [
        [rapport.periode] + [str(rapport.totalen[sleutel]) for sleutel, _ in TIJDLIJN_KOLOMMEN[1:]]
        for rapport in tijdlijn.rapporten
    ]


def _markeringsregels(tijdlijn):
    return [f"{m.label}: {m.datum}" for m in tijdlijn.markeringen]


def schrijf_tijdlijn_tabel(tijdlijn, uit):
    regels = [
        deel for regel in _tijdlijn_kop(tijdlijn) for deel in textwrap.wrap(regel, BREEDTE, subsequent_indent="  ")
    ]
    koppen = [kop for _, kop in TIJDLIJN_KOLOMMEN]
    rijen = _tijdlijn_rijen(tijdlijn)
    breedtes = [max(len(k), *(len(r[i]) for r in rijen)) for i, k in enumerate(koppen)]
    regels += ["", "  ".join(k.ljust(b) for k, b in zip(koppen, breedtes, strict=True))]
    regels.append("  ".join("-" * b for b in breedtes))
    regels += ["  ".join(c.ljust(b) for c, b in zip(rij, breedtes, strict=True)).rstrip() for rij in rijen]
    regels += ["", "Veranderingen:"] + ([f"  {v.als_tekst()}" for v in tijdlijn.veranderingen] or ["  (geen)"])
    if tijdlijn.markeringen:
        regels += ["", "Gemarkeerde datums:"] + [f"  {regel}" for regel in _markeringsregels(tijdlijn)]
    print("\n".join(regels), file=uit)


def schrijf_tijdlijn_json(tijdlijn, uit):
    uit.write(json_tekst(tijdlijn.naar_dict()))


def schrijf_tijdlijn_csv(tijdlijn, uit):
    schrijver = csv.writer(uit, lineterminator="\n")
    schrijver.writerow(CSV_KOLOMMEN)
    for rapport in tijdlijn.rapporten:
        for rij in _csv_rijen(rapport):
            schrijver.writerow(rij)


def schrijf_tijdlijn_markdown(tijdlijn, uit):
    kop = _tijdlijn_kop(tijdlijn)
    regels = [f"## {kop[0]}", "", kop[1]]
    if tijdlijn.rapporten[0].illustratief:
        regels += ["", f"> **LET OP.** {tijdlijn.rapporten[0].toelichting}"]
    regels += ["", *md_tabel([k for _, k in TIJDLIJN_KOLOMMEN], _tijdlijn_rijen(tijdlijn)), "", "### Veranderingen", ""]
    regels += [f"- {v.als_tekst()}" for v in tijdlijn.veranderingen] or ["- (geen)"]
    if tijdlijn.markeringen:
        regels += ["", "### Gemarkeerde datums", ""] + [f"- {regel}" for regel in _markeringsregels(tijdlijn)]
    print("\n".join(regels), file=uit)


def schrijf_tijdlijn_html(tijdlijn, uit):
    kop = _tijdlijn_kop(tijdlijn)
    secties = [
        ("", f'<p class="klein">{h(kop[1])}</p>'),
        (
            "Vraag",
            f"<p>Hoe ontwikkelt het aantal robuuste omgevingsdiensten zich van {h(tijdlijn.perioden[0])} tot en met "
            f"{h(tijdlijn.perioden[-1])} ({h(tijdlijn.hervorming or HUIDIG_RECHT)})?</p>",
        ),
    ]
    from openfisca_vth import grafiek

    secties.append(grafiek.html_sectie(*_grafiek(tijdlijn)))
    secties.append(
        (
            "Aantallen per maand",
            html_tabel([h(k) for _, k in TIJDLIJN_KOLOMMEN], [[h(c) for c in r] for r in _tijdlijn_rijen(tijdlijn)]),
        )
    )
    veranderingen = "".join(f"<li>{h(v.als_tekst())}</li>" for v in tijdlijn.veranderingen) or "<li>(geen)</li>"
    secties.append(("Veranderingen", f"<ul>{veranderingen}</ul>"))
    if tijdlijn.markeringen:
        secties.append(
            ("Gemarkeerde datums", "<ul>" + "".join(f"<li>{h(r)}</li>" for r in _markeringsregels(tijdlijn)) + "</ul>")
        )
    eerste = tijdlijn.rapporten[0]
    uit.write(html_document(kop[0], secties, " ".join(eerste.toelichting.split()) if eerste.illustratief else ""))


TIJDLIJN_FORMATTERS = {
    "table": schrijf_tijdlijn_tabel,
    "json": schrijf_tijdlijn_json,
    "csv": schrijf_tijdlijn_csv,
    "markdown": schrijf_tijdlijn_markdown,
    "html": schrijf_tijdlijn_html,
}


def opmaak(uitkomst, formaat):
    """A :class:`~openfisca_vth.rapport.Statusrapport` or a :class:`~openfisca_vth.tijdlijn.Tijdlijn`
    in ``formaat`` (one of ``cli.opties.FORMATS``), as this command prints it (the Web API's ``formaat`` too)."""
    import io

    from openfisca_vth.tijdlijn import Tijdlijn

    uit = io.StringIO()
    (TIJDLIJN_FORMATTERS if isinstance(uitkomst, Tijdlijn) else FORMATTERS)[formaat](uitkomst, uit)
    return uit.getvalue()

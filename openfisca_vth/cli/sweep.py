"""``openfisca-vth sweep PARAMETER --values ...``: the headline results for many values of one rule.

The computation is :func:`openfisca_vth.variatie.varieer` (stacked in one simulation where it
can); this module parses the options and formats the :class:`~openfisca_vth.variatie.Variatie`:
a table that groups consecutive values with the same counts and lists the diensten that change
state, JSON (``waarden``: a list of ``{waarde, totalen}`` with the ``status`` totals keys) and CSV
(one row per value).
"""

import csv
import sys

from openfisca_vth.uitvoer import json_tekst
from openfisca_vth.uitvoer import tekst as weergave

HELP = "Reken één regel door voor veel waarden: hoeveel diensten robuust zijn, en welke omslaan bij welke waarde."
FORMATS = ("table", "json", "csv")


def add_arguments(parser):
    from openfisca_vth.cli.opties import voeg_maand_opties_toe

    parser.add_argument(
        "parameter",
        metavar="PARAMETER",
        help="het volledige pad van de regel, bijvoorbeeld robuustheidscriteria.kritieke_massa.minimum_fte_formatie",
    )
    parser.add_argument(
        "--values",
        required=True,
        metavar="START:STOP[:STAP]|W1,W2,...",
        help=(
            "de waarden: een bereik met beide grenzen inbegrepen (0:999, 0:500:25; datums met een stap in "
            "maanden: 2027-01-01:2029-01-01:6) of een lijst (true,false of 2027-01-01,2028-01-01)"
        ),
    )
    voeg_maand_opties_toe(parser, FORMATS)
    parser.add_argument(
        "--plot",
        default=None,
        metavar="BESTAND.png|BESTAND.svg",
        help="teken het aantal robuuste diensten (en waar bijgestuurd kan worden) per waarde; vraagt matplotlib",
    )


def run(args, uit=None):
    from openfisca_vth.cli.opties import gevraagde_periode
    from openfisca_vth.model import Rekenmodel

    uit = uit or sys.stdout
    periode = gevraagde_periode(args)
    model = Rekenmodel(args.dataset)
    if args.plot:
        from openfisca_vth.errors import VTHInvoerFout
        from openfisca_vth.grafiek import controleer_pad
        from openfisca_vth.variatie import soort_van, zoek_parameter

        controleer_pad(args.plot)
        if soort_van(zoek_parameter(model.systeem(args.reform).parameters, args.parameter)) not in ("getal", "datum"):
            raise VTHInvoerFout("--plot tekent getallen of datums op de as; voor ja/nee of tekst: lees de tabel")
    variatie = model.varieer(args.parameter, args.values, periode, args.reform)
    if args.plot:
        _teken(variatie, args.plot)
    FORMATTERS[args.format](variatie, uit)
    return 0


def _teken(variatie, pad):
    import datetime

    from openfisca_vth import grafiek

    waarden = [u.waarde for u in variatie.uitkomsten]
    reeksen = [("robuust", waarden, [u.totalen["robuust"] for u in variatie.uitkomsten])]
    bijsturing = [u.totalen["bijsturingsbevoegdheid_staatssecretaris"] for u in variatie.uitkomsten]
    if any(bijsturing):
        reeksen.append(("bijsturing mogelijk", waarden, bijsturing))
    als_datum = isinstance(waarden[0], str)
    titel = f"Robuuste omgevingsdiensten per waarde, {variatie.periode} ({variatie.hervorming or 'huidig recht'})"
    grafiek.schrijf(
        reeksen,
        (),
        titel,
        pad,
        x=datetime.date.fromisoformat if als_datum else float,
        xlabel=variatie.parameter,
    )


KOLOMMEN = ("robuust", "niet_robuust", "bijsturingsbevoegdheid_staatssecretaris")


def groepen(variatie):
    """Consecutive values with the same counts, as (the values, totalen)."""
    rijen = []
    for uitkomst in variatie.uitkomsten:
        sleutel = tuple(uitkomst.totalen[k] for k in KOLOMMEN)
        if rijen and rijen[-1][2] == sleutel:
            rijen[-1][0].append(uitkomst.waarde)
        else:
            rijen.append([[uitkomst.waarde], uitkomst.totalen, sleutel])
    return [(waarden, totalen) for waarden, totalen, _ in rijen]


def _bereik_tekst(waarden):
    if len(waarden) == 1:
        return weergave(waarden[0])
    if all(isinstance(w, int | float) and not isinstance(w, bool) for w in waarden):
        return f"{weergave(waarden[0])} t/m {weergave(waarden[-1])}"
    return ", ".join(weergave(w) for w in waarden)


TOESTANDEN = {
    ("robuust", True): "robuust",
    ("robuust", False): "niet robuust",
    ("bijsturingsbevoegdheid_staatssecretaris", True): "bijsturing mogelijk",
    ("bijsturingsbevoegdheid_staatssecretaris", False): "geen bijsturing",
}


def _wissel_tekst(wissel):
    na, voor = TOESTANDEN[wissel.uitkomst, wissel.wordt], TOESTANDEN[wissel.uitkomst, not wissel.wordt]
    # "vanaf" for an ordered scale (numbers, dates); for yes/no and texts each value stands alone
    geordend = isinstance(wissel.naar_waarde, int | float | str) and not isinstance(wissel.naar_waarde, bool)
    geordend = geordend and not (isinstance(wissel.naar_waarde, str) and not _is_datum(wissel.naar_waarde))
    voorzetsel = "vanaf" if geordend else "bij"
    return f"{na} {voorzetsel} {weergave(wissel.naar_waarde)} (bij {weergave(wissel.van_waarde)}: {voor})"


def _is_datum(tekst):
    import re

    return re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", tekst) is not None


def schrijf_tabel(variatie, uit):
    hervorming = variatie.hervorming or "huidig recht"
    uit.write(f"Variatie van {variatie.parameter}, periode {variatie.periode} ({hervorming})\n")
    uit.write(f"Dataset: {variatie.dataset}\n")
    if variatie.illustratief:
        uit.write("LET OP: de invoer per dienst is een illustratief scenario, geen gemeten feit.\n")
    aantal = len(variatie.uitkomsten)
    if variatie.werkwijze == "gestapeld":
        uit.write(f"Werkwijze: {aantal} waarden in één gestapelde simulatie.\n\n")
    else:
        uit.write(f"Werkwijze: per waarde ({aantal} berekeningen): {variatie.reden}.\n\n")
    koppen = ("waarden", "robuust", "niet robuust", "bijsturing mogelijk")
    rijen = []
    for waarden, totalen in groepen(variatie):
        rijen.append((_bereik_tekst(waarden), *(str(totalen[k]) for k in KOLOMMEN)))
    breedtes = [max(len(r[i]) for r in (koppen, *rijen)) for i in range(len(koppen))]
    for rij in (koppen, *rijen):
        uit.write(
            "  ".join(
                cel.ljust(b) if i == 0 else cel.rjust(b) for i, (cel, b) in enumerate(zip(rij, breedtes, strict=True))
            ).rstrip()
            + "\n"
        )
    wissels = variatie.wisselingen
    uit.write("\n")
    if not wissels:
        uit.write("Geen dienst slaat om binnen deze waarden.\n")
        return
    uit.write(f"Diensten die omslaan ({len(wissels)}):\n")
    breedte = max(len(w.code) for w in wissels)
    for wissel in wissels:
        uit.write(f"  {wissel.code:<{breedte}}  {_wissel_tekst(wissel)}  [{wissel.naam}]\n")


def schrijf_json(variatie, uit):
    uit.write(json_tekst(variatie.naar_dict()) + "\n")


def schrijf_csv(variatie, uit):
    from openfisca_vth.robuustheidscriteria import ROBUUSTHEIDSCRITERIA

    schrijver = csv.writer(uit, lineterminator="\n")
    eenvoudig = [k for k, v in variatie.uitkomsten[0].totalen.items() if not isinstance(v, dict)]
    criteria = [c.code for c in ROBUUSTHEIDSCRITERIA]
    schrijver.writerow(["parameter", "periode", "waarde", *eenvoudig, *(f"niet_voldaan_{c}" for c in criteria)])
    for uitkomst in variatie.uitkomsten:
        t = uitkomst.totalen
        schrijver.writerow(
            [
                variatie.parameter,
                variatie.periode,
                weergave(uitkomst.waarde) if not isinstance(uitkomst.waarde, bool) else str(uitkomst.waarde).lower(),
                *(t[k] for k in eenvoudig),
                *(t["niet_voldaan_per_criterium"][c] for c in criteria),
            ]
        )


FORMATTERS = {"table": schrijf_tabel, "json": schrijf_json, "csv": schrijf_csv}


def opmaak(variatie, formaat):
    """A :class:`~openfisca_vth.variatie.Variatie` in ``formaat`` (one of ``FORMATS``), as this
    command prints it (the Web API's ``formaat`` too)."""
    import io

    uit = io.StringIO()
    FORMATTERS[formaat](variatie, uit)
    return uit.getvalue()

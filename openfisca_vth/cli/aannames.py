"""``openfisca-vth aannames``: which conclusions rest on an assumption, and which hold either way.

The computation is :func:`openfisca_vth.aannames.analyseer_aannames`; this module formats the
:class:`~openfisca_vth.aannames.Aannameanalyse` as a table or JSON.
"""

import sys

from openfisca_vth.uitvoer import json_tekst
from openfisca_vth.uitvoer import tekst as weergave

HELP = "Toon welke uitkomsten op een aanname rusten en welke standhouden, per aanname doorgerekend."
FORMATS = ("table", "json")


def add_arguments(parser):
    from openfisca_vth.cli.opties import voeg_maand_opties_toe

    voeg_maand_opties_toe(parser, FORMATS)


def run(args, uit=None):
    from openfisca_vth.cli.opties import gevraagde_periode
    from openfisca_vth.model import Rekenmodel

    uit = uit or sys.stdout
    analyse = Rekenmodel(args.dataset).aannames(gevraagde_periode(args), args.reform)
    uit.write(opmaak(analyse, args.format))
    return 0


def opmaak(analyse, formaat):
    """An :class:`~openfisca_vth.aannames.Aannameanalyse` in ``formaat`` (one of ``FORMATS``), as this
    command prints it (the Web API's ``formaat`` too)."""
    if formaat == "json":
        return json_tekst(analyse.naar_dict()) + "\n"
    import io

    uit = io.StringIO()
    schrijf_tabel(analyse, uit)
    return uit.getvalue()


UITKOMST = {
    ("robuust", True): "robuust",
    ("robuust", False): "niet robuust",
    ("bijsturingsbevoegdheid_staatssecretaris", True): "bijsturing mogelijk",
    ("bijsturingsbevoegdheid_staatssecretaris", False): "geen bijsturing",
}


def schrijf_tabel(analyse, uit):
    hervorming = analyse.hervorming or "huidig recht"
    t = analyse.huidig.totalen
    uit.write(f"Aannames in {analyse.periode} ({hervorming}), dataset: {analyse.dataset}\n")
    if analyse.illustratief:
        uit.write("LET OP: de invoer per dienst is een illustratief scenario, geen gemeten feit.\n")
    uit.write(
        f"Nu: {t['robuust']} van {t['omgevingsdiensten']} diensten robuust, bijsturing mogelijk bij "
        f"{t['bijsturingsbevoegdheid_staatssecretaris']}. {len(analyse.gevoeligheden)} aannames doorgerekend, "
        f"{len(analyse.overgeslagen)} zonder alternatief.\n\n"
    )
    namen = dict(analyse.diensten)
    rust = analyse.rust_op
    uit.write(f"Uitkomsten die op een aanname rusten ({len(rust)} diensten):\n")
    for code, _ in analyse.diensten:
        if code not in rust:
            continue
        uit.write(f"  {code} [{namen[code]}]\n")
        for gevoeligheid in analyse.gevoeligheden:
            for alternatief, soort, wordt in gevoeligheid.omslagen.get(code, ()):
                uit.write(
                    f"    {UITKOMST[soort, wordt]} als {gevoeligheid.parameter} = {weergave(alternatief)} "
                    f"(nu {weergave(gevoeligheid.waarde)})\n"
                )
    vast = analyse.standhoudend
    uit.write(f"\nUitkomsten die standhouden, welke kant elke aanname ook op gaat ({len(vast)} diensten):\n")
    uit.write(f"  {', '.join(vast) if vast else '(geen)'}\n")
    uit.write("\nPer aanname (robuust / bijsturing mogelijk, nu en per alternatief):\n")
    for gevoeligheid in analyse.gevoeligheden:
        huidig, *anders = gevoeligheid.uitkomsten
        delen = [
            f"nu {weergave(huidig.waarde)}: {huidig.totalen['robuust']}/"
            f"{huidig.totalen['bijsturingsbevoegdheid_staatssecretaris']}"
        ]
        delen += [
            f"{weergave(u.waarde)}: {u.totalen['robuust']}/{u.totalen['bijsturingsbevoegdheid_staatssecretaris']}"
            for u in anders
        ]
        teken = "=" if gevoeligheid.houdt_stand else "!"
        uit.write(f"  {teken} {gevoeligheid.parameter}  {'; '.join(delen)}\n")
    if analyse.overgeslagen:
        uit.write("\nNiet doorgerekend (geef metadata.alternatieven in de parameter):\n")
        for parameter, reden in analyse.overgeslagen:
            uit.write(f"  {parameter}: {reden}\n")

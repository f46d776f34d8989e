"""``openfisca-vth status``: the state of every omgevingsdienst in one month (issue 3)."""

HELP = "Toon per omgevingsdienst of hij robuust is en wat ontbreekt."


def add_arguments(parser):
    from openfisca_vth.cli.opties import voeg_format_toe, voeg_periode_toe

    voeg_periode_toe(parser)
    voeg_format_toe(parser)


def run(args):
    raise NotImplementedError("status: see issue 3")

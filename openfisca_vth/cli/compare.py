"""``openfisca-vth compare``: baseline against a reform, only what changes (issue 4)."""

HELP = "Vergelijk huidig recht met een hervorming en toon alleen wat verandert."


def add_arguments(parser):
    from openfisca_vth.cli.opties import voeg_format_toe, voeg_periode_toe

    voeg_periode_toe(parser)
    voeg_format_toe(parser)


def run(args):
    raise NotImplementedError("compare: see issue 4")

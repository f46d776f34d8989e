"""The ``openfisca-vth`` command: ``status`` (the main job), ``compare`` (baseline vs reform) and
``explain`` (why one dienst or deelnemer comes out as it does, from the trace).

Each sub-command lives in its own module with ``add_arguments(parser)`` and ``run(args) -> int``.
Bad input raises :class:`openfisca_vth.errors.VTHInvoerFout`; :func:`main` turns it into one
line on stderr and exit status 2, never a traceback.
"""

import argparse
import sys

from openfisca_vth.errors import VTHInvoerFout

SUBCOMMANDS = ("status", "compare", "explain", "sweep", "aannames", "serve")


def build_parser():
    import importlib

    parser = argparse.ArgumentParser(
        prog="openfisca-vth",
        description="Het VTH-stelsel milieu als regels-als-code (OpenFisca).",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="{status,compare,explain,sweep,aannames,serve}")
    for name in SUBCOMMANDS:
        module = importlib.import_module(f"openfisca_vth.cli.{name}")
        module.add_arguments(sub.add_parser(name, help=module.HELP, description=module.HELP))
    return parser


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)
    import importlib

    module = importlib.import_module(f"openfisca_vth.cli.{args.command}")
    try:
        return module.run(args)
    except VTHInvoerFout as fout:
        print(f"openfisca-vth {args.command}: fout: {fout}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `openfisca-vth status | head`
        return 0
    except OSError as fout:  # a full disk, a read-only directory, a path that is a directory
        reden = fout.strerror or str(fout)
        plaats_tekst = f" voor {fout.filename}" if fout.filename else ""
        melding = f"lezen of schrijven mislukt{plaats_tekst} ({reden})"
        print(f"openfisca-vth {args.command}: fout: {melding}", file=sys.stderr)
        return 2


def entry_point():
    sys.exit(main())

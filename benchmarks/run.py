"""Benchmarks of openfisca-vth: ratios against a floor measured in the same run.

Run from a checkout with the package installed::

    .venv/bin/python benchmarks/run.py            # median of 5 runs per measurement
    .venv/bin/python benchmarks/run.py --runs 1   # a quick look

The machine this runs on is small and noisy, so every line compares two measurements taken in the
same run (a ratio), each the median of several runs, and the table names the machine and the
date. docs/performance.md records a run and the targets. Nothing here is asserted in the test
suite; tests/test_benchmarks.py only checks that this script runs and prints its table.
"""

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import time


def meet(functie, runs):
    """The median wall time of ``functie()`` over ``runs`` runs, in seconds."""
    tijden = []
    for _ in range(runs):
        begin = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - begin)
    return statistics.median(tijden)


def proces(*argumenten):
    def draai():
        subprocess.run([sys.executable, *argumenten], check=True, capture_output=True)

    return draai


def metingen(runs):
    from openfisca_vth import CountryTaxBenefitSystem
    from openfisca_vth.aannames import analyseer_aannames
    from openfisca_vth.dataset import laad_dataset
    from openfisca_vth.periode import maanden
    from openfisca_vth.rapport import bereken_status
    from openfisca_vth.reforms import laad_hervorming
    from openfisca_vth.tijdlijn import bereken_tijdlijn
    from openfisca_vth.variatie import lees_waarden, varieer, zoek_parameter

    baseline = CountryTaxBenefitSystem()
    dataset = laad_dataset()
    hervormd = laad_hervorming("wetsvoorstel_versterking_vth", baseline)
    minimum = "robuustheidscriteria.kritieke_massa.minimum_fte_formatie"
    waarden = lees_waarden("0:999", zoek_parameter(baseline.parameters, minimum))
    tijdlijn = maanden("2025-01:2030-12")

    from openfisca_vth.webapi import maak_app

    client = maak_app(baseline).test_client()
    client.get("/status?periode=2026-04")  # the answer the second web line asks for again
    nieuwe_maanden = iter(
        m for jaar in range(2024, 2031) for m in maanden(f"{jaar}-01:{jaar}-12") if str(m) != "2026-04"
    )

    def status(systeem=baseline, periode="2026-04"):
        return lambda: bereken_status(dataset, systeem, periode)

    def rij(naam, meting, vloer, vloer_naam, doel=None):
        return naam, meting, vloer, vloer_naam, doel

    import_core = meet(proces("-c", "import openfisca_core.taxbenefitsystems"), runs)
    return [
        rij(
            "start: systeem bouwen (proces)",
            meet(proces("-c", "from openfisca_vth import CountryTaxBenefitSystem; CountryTaxBenefitSystem()"), runs),
            import_core,
            "import openfisca_core",
        ),
        rij(
            "start: openfisca-vth status (proces)",
            meet(proces("-c", "from openfisca_vth.cli import main; main(['status', '--period', '2026-04'])"), runs),
            import_core,
            "import openfisca_core",
        ),
        rij(
            "hervorming: status onder het wetsvoorstel",
            meet(status(hervormd), runs),
            meet(status(), runs),
            "status huidig recht",
            1.2,
        ),
        rij(
            "tijdlijn: 72 maanden",
            meet(lambda: bereken_tijdlijn(dataset, baseline, tijdlijn), runs),
            meet(status(), runs),
            "status van één maand",
        ),
        rij(
            "variatie: 1.000 waarden minimum formatie",
            meet(lambda: varieer(dataset, baseline, minimum, waarden, "2026-04"), runs),
            meet(status(), runs),
            "status van één maand",
            20,
        ),
        rij(
            "web: GET /status, nieuwe maand",
            meet(lambda: client.get(f"/status?periode={next(nieuwe_maanden)}"), runs),
            meet(status(), runs),
            "status van één maand",
        ),
        rij(
            "web: GET /status, dezelfde vraag",
            meet(lambda: client.get("/status?periode=2026-04"), runs),
            meet(status(), runs),
            "status van één maand",
        ),
        rij(
            "aannames: gevoeligheid, huidig recht",
            meet(lambda: analyseer_aannames(dataset, baseline, "2026-04"), runs),
            meet(status(), runs),
            "status van één maand",
        ),
    ]


def main(argv=None):
    parser = argparse.ArgumentParser(description="Benchmarks van openfisca-vth (verhoudingen in één run).")
    parser.add_argument("--runs", type=int, default=5, help="aantal metingen per regel (mediaan); standaard 5")
    args = parser.parse_args(argv)
    print(
        f"openfisca-vth benchmarks, {datetime.date.today()}, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, mediaan van {args.runs} run(s)"
    )
    rijen = metingen(args.runs)
    koppen = ("meting", "tijd (s)", "vloer", "vloer (s)", "verhouding", "doel")
    tabel = [
        (naam, f"{meting:.3f}", vloer_naam, f"{vloer:.3f}", f"{meting / vloer:.1f}x", f"<= {doel}x" if doel else "")
        for naam, meting, vloer, vloer_naam, doel in rijen
    ]
    breedtes = [max(len(str(r[i])) for r in (koppen, *tabel)) for i in range(len(koppen))]
    for r in (koppen, *tabel):
        print("  ".join(str(c).ljust(b) for c, b in zip(r, breedtes, strict=True)).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())

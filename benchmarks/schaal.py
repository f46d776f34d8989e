"""Scale: the contract results for N deelnemers in N/15 diensten, built and computed by OpenFisca.

    .venv/bin/python benchmarks/schaal.py 1000 100000 1000000

Each N runs in its own process, three times (the medians are shown; the peak memory is that N's):
random inputs for every boolean and number input variable, one provincie per dienst and gemeenten
for the rest, the populations built from numpy arrays. Prints build time, calculation time, the
numpy floor (the same rules in plain numpy, benchmarks/numpy_vloer.py, inputs drawn and results
computed; tests/test_numpy_vloer.py holds it to the model), the ratio of OpenFisca's build plus
calculation to the floor, and the peak memory of the OpenFisca run.
"""

import json
import resource
import statistics
import subprocess
import sys
import time

import numpy

PERIODE = "2026-04"
UITKOMSTEN = (
    "robuust",
    "aantal_robuustheidscriteria_niet_voldaan",
    "bijsturingsbevoegdheid_staatssecretaris",
    "aantal_ontbrekende_basistaken",
    "brengt_basistakenpakket_volledig_in",
    "interbestuurlijk_toezicht_mogelijk",
    "interbestuurlijk_toezichthouder",
    "inbreng_basistakenpakket_afdwingbaar",
)


def synthetische_simulatie(systeem, n, zaad=0):
    """A Simulation of ``n`` deelnemers in ``n // 15`` diensten with random boolean and number inputs."""
    from openfisca_core.simulations import Simulation

    generator = numpy.random.default_rng(zaad)
    diensten = max(1, n // 15)
    populaties = systeem.instantiate_entities()
    personen = populaties[systeem.person_entity.key]
    groep = next(populaties[e.key] for e in systeem.group_entities)
    personen.ids = numpy.arange(n)  # integer ids: OpenFisca only keeps them for the output
    personen.count = n
    groep.ids = numpy.arange(diensten)
    groep.count = diensten
    lid_van = numpy.sort(generator.integers(0, diensten, n))
    lid_van[:diensten] = numpy.arange(diensten)  # every dienst has a deelnemer
    lid_van.sort()
    groep.members_entity_id = lid_van
    rollen = {rol.key: rol for rol in groep.entity.flattened_roles}
    eerste = numpy.r_[True, lid_van[1:] != lid_van[:-1]]  # the first deelnemer of a dienst is its provincie
    groep._members_role = numpy.where(eerste, rollen["provincie"], rollen["gemeente"]).astype(object)
    simulatie = Simulation(systeem, populaties)
    for naam, variabele in systeem.variables.items():
        if not variabele.is_input_variable() or naam == "kopie":
            continue
        aantal = n if variabele.entity.key == personen.entity.key else diensten
        if variabele.value_type is bool:
            simulatie.set_input(naam, PERIODE, generator.random(aantal) < 0.9)
        elif variabele.value_type is float:
            simulatie.set_input(naam, PERIODE, generator.uniform(0, 400, aantal))
    return simulatie


def meet(n):
    from openfisca_vth import CountryTaxBenefitSystem

    systeem = CountryTaxBenefitSystem()
    begin = time.perf_counter()
    simulatie = synthetische_simulatie(systeem, n)
    gebouwd = time.perf_counter()
    for variabele in UITKOMSTEN:
        simulatie.calculate(variabele, PERIODE)
    klaar = time.perf_counter()
    piek = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux, before the floor runs
    import numpy_vloer  # the same rules in plain numpy (benchmarks/numpy_vloer.py); setup not timed

    vorm, geldend = numpy_vloer.schema(systeem), numpy_vloer.regels(systeem)
    vloer_begin = time.perf_counter()
    numpy_vloer.bereken(numpy_vloer.invoer(n, 0, vorm), geldend)
    vloer = time.perf_counter() - vloer_begin
    return {"n": n, "bouw": gebouwd - begin, "berekening": klaar - gebouwd, "vloer": vloer, "piek_mib": piek}


def main(argv=None):
    argumenten = sys.argv[1:] if argv is None else argv
    if argumenten[:1] == ["--een"]:
        print(json.dumps(meet(int(argumenten[1]))))
        return 0
    aantallen = [int(a) for a in argumenten] or [1_000, 100_000, 1_000_000]
    koppen = ("deelnemers", "bouw (s)", "berekening (s)", "numpy-vloer (s)", "verhouding", "piek (MiB)")
    print("  ".join(f"{k:>{max(len(k), 10)}}" for k in koppen))
    for n in aantallen:
        # the median of three processes per N: one run on this small machine varies by a third
        runs = [
            json.loads(
                subprocess.run(
                    [sys.executable, __file__, "--een", str(n)], capture_output=True, text=True, check=True
                ).stdout
            )
            for _ in range(3)
        ]
        r = {sleutel: statistics.median(run[sleutel] for run in runs) for sleutel in runs[0]}
        verhouding = (r["bouw"] + r["berekening"]) / r["vloer"]
        cellen = (n, f"{r['bouw']:.3f}", f"{r['berekening']:.3f}", f"{r['vloer']:.3f}", f"{verhouding:.1f}x")
        cellen += (f"{r['piek_mib']:.0f}",)
        print("  ".join(f"{c:>{max(len(k), 10)}}" for c, k in zip(cellen, koppen, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

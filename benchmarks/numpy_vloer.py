"""The numpy floor of the scale benchmark: the contract results of ``schaal.py`` written directly in numpy.

    .venv/bin/python benchmarks/numpy_vloer.py 1000000

Three steps. ``regels`` and ``schema`` read the parameters in force and the order of the random
inputs from the OpenFisca model once (setup, not timed). ``invoer`` draws exactly the arrays that
``schaal.synthetische_simulatie`` draws, from the same seed, with numpy alone. ``bereken`` computes
the outputs of ``schaal.UITKOMSTEN`` with plain numpy. tests/test_numpy_vloer.py checks that the
floor and OpenFisca agree.

The floor is written for the synthetic population, not for any situation. What that population
leaves at its defaults, the floor takes as given (the test checks it on the built simulation):
the deelnemers are provincies (the first of each dienst) and gemeenten, never a waterschap; the
text inputs ``cbs_code`` and ``seveso_taken_ondergebracht_bij`` are empty and ``kopie`` is 0;
the date inputs keep their defaults (no fusie, no term of a 124a request).
"""

import sys
import time
from datetime import date

import numpy

PERIODE = "2026-04"
PEILDATUM = "2026-04-30"  # openfisca_vth.periode.peildatum: the last day of the month
EERSTE_DAG = numpy.datetime64("2026-04-01", "D")  # openfisca_vth.periode.eerste_dag
GEEN_FUSIE = numpy.datetime64(date(1900, 1, 1), "D")  # default of datum_fusie
GEEN_TERMIJN = numpy.datetime64(date(9999, 12, 31), "D")  # default of einde_termijn_verzoek_124a


def schema(systeem):
    """The random draws of ``synthetische_simulatie``, in its order: (naam, soort, per_deelnemer)."""
    uit = []
    for naam, variabele in systeem.variables.items():
        if not variabele.is_input_variable() or naam == "kopie" or variabele.value_type not in (bool, float):
            continue
        uit.append((naam, variabele.value_type.__name__, variabele.entity.key == systeem.person_entity.key))
    return tuple(uit)


def regels(systeem, peildatum=PEILDATUM):
    """The parameters in force on ``peildatum``, as plain Python values."""
    from openfisca_vth.enums import InterbestuurlijkToezichthouder
    from openfisca_vth.robuustheidscriteria import ROBUUSTHEIDSCRITERIA
    from openfisca_vth.taakcategorieen import TAAKCATEGORIEEN

    p = systeem.parameters(peildatum)
    categorieen = {}
    for categorie in TAAKCATEGORIEEN:
        c = p.basistakenpakket.taakcategorieen[categorie.code]
        gezag = c.bevoegd_gezag
        categorieen[categorie.code] = {
            "is_basistaak": bool(c.is_basistaak),
            "gemeente": bool(gezag.gemeente),
            "provincie": bool(gezag.provincie),
            "gelijkgestelde_gemeente": bool(gezag.gelijkgestelde_gemeente)
            if "gelijkgestelde_gemeente" in gezag
            else None,
            "inbreng_aangenomen": bool(c.inbreng_aangenomen),
            "formatie_bij_inbreng": float(c.formatie_bij_inbreng),
            "uitsluitend_seveso": bool(c.uitsluitend_seveso_omgevingsdienst),
        }
    criteria = {
        criterium.code: {
            "van_toepassing": bool(p.robuustheidscriteria[criterium.code].van_toepassing),
            "wettelijk": bool(p.robuustheidscriteria[criterium.code].wettelijke_termijn_verstreken),
            "bijsturing": bool(p.robuustheidscriteria[criterium.code].activeert_bijsturing),
        }
        for criterium in ROBUUSTHEIDSCRITERIA
    }
    bevoegdheid = p.bijsturingsbevoegdheid.robuustheid
    ibt = p.interbestuurlijk_toezicht
    return {
        "categorieen": categorieen,
        "criteria": criteria,
        "afgesproken": bool(p.robuustheidscriteria.afgesproken),
        "minimum_fte_formatie": float(p.robuustheidscriteria.kritieke_massa.minimum_fte_formatie),
        "bijsturing_in_werking": bool(bevoegdheid.in_werking),
        "bijsturing_adressaat": str(bevoegdheid.adressaat),
        "overgangstermijn_fusie_maanden": int(bevoegdheid.overgangstermijn_fusie_maanden),
        "inbreng_specifiek": bool(p.bijsturingsbevoegdheid.inbreng_basistakenpakket.in_werking),
        "in_bijlage_124b": bool(ibt.omgevingsrecht_in_bijlage_gemeentewet_124b),
        "gemeente_door_gs": bool(ibt.indeplaatsstelling_gemeente_door_gedeputeerde_staten),
        "provincie_door_minister": bool(ibt.indeplaatsstelling_provincie_door_minister),
        "verzoek_124a": bool(ibt.verzoek_minister_aan_gedeputeerde_staten),
        "GEEN": InterbestuurlijkToezichthouder.geen.index,
        "GS": InterbestuurlijkToezichthouder.gedeputeerde_staten.index,
        "MINISTER": InterbestuurlijkToezichthouder.minister.index,
    }


def invoer(n, zaad, schema):
    """The arrays ``schaal.synthetische_simulatie(systeem, n, zaad)`` draws, drawn the same way."""
    generator = numpy.random.default_rng(zaad)
    diensten = max(1, n // 15)
    lid_van = numpy.sort(generator.integers(0, diensten, n))
    lid_van[:diensten] = numpy.arange(diensten)
    lid_van.sort()
    uit = {"diensten": diensten, "lid_van": lid_van, "provincie": numpy.r_[True, lid_van[1:] != lid_van[:-1]]}
    for naam, soort, per_deelnemer in schema:
        aantal = n if per_deelnemer else diensten
        if soort == "bool":
            uit[naam] = generator.random(aantal) < 0.9
        else:  # OpenFisca holds a float variable as float32
            uit[naam] = generator.uniform(0, 400, aantal).astype(numpy.float32)
    return uit


def bereken(invoer, regels):
    """The outputs of ``schaal.UITKOMSTEN`` for ``invoer``, in plain numpy."""
    x, r = invoer, regels
    lid, begin = x["lid_van"], numpy.flatnonzero(x["provincie"])  # lid_van is sorted: a dienst starts at begin

    def alle(waarden):  # openfisca_vth.groep.alle_deelnemers
        return numpy.logical_and.reduceat(waarden, begin)

    # bestuurslaag: from the role (provincie first in each dienst, gemeente for the rest; no waterschap)
    is_provincie = x["provincie"]
    is_gemeente = ~is_provincie
    vrijgesteld = False  # alle_deelnemers_met_plicht: only a waterschap is exempt, and there is none

    # aangewezen_seveso_omgevingsdienst: no cbs_code, so seveso_aanwijzing matches no provincie and the
    # designated dienst is the own dienst if it is a Seveso-omgevingsdienst; ``hier`` is code == aangewezen
    hier = x["is_seveso_omgevingsdienst"][lid]
    # draagt_seveso_plicht: a provincie at the designated dienst (without cbs_code nothing else is known)
    draagt_seveso_plicht = is_provincie & hier

    aantal_ontbrekend = numpy.zeros(lid.size, dtype=numpy.int32)
    tekort_bij_dienst = numpy.zeros(lid.size, dtype=bool)
    meegekomen = numpy.zeros(lid.size)
    for code, c in r["categorieen"].items():
        # taakcategorieen.bevoegd
        gemeente_bevoegd = c["gemeente"]
        if c["gelijkgestelde_gemeente"] is not None:
            gemeente_bevoegd = gemeente_bevoegd | (c["gelijkgestelde_gemeente"] & x["gelijkgesteld_met_provincie_wbb"])
        bevoegd = (is_gemeente & gemeente_bevoegd) | (is_provincie & c["provincie"])
        heeft_taken = x[f"heeft_taken_{code}"]
        ingebracht = x[f"ingebracht_{code}"] | c["inbreng_aangenomen"]
        # basistaak_ontbreekt_<code>; _seveso_tekort with seveso_taken_ondergebracht_bij empty:
        # elders_ingebracht is never true, plicht_niet_nagekomen = hier and not ingebracht
        verschuldigd = c["is_basistaak"] & bevoegd & heeft_taken
        if c["uitsluitend_seveso"]:
            ontbreekt = verschuldigd & draagt_seveso_plicht & hier & ~ingebracht
        else:
            ontbreekt = verschuldigd & ~ingebracht
        # aantal_ontbrekende_basistaken
        aantal_ontbrekend += ontbreekt
        # brengt_basistakenpakket_volledig_in_bij_omgevingsdienst: Seveso tasks only at the designated dienst
        tekort_bij_dienst |= ontbreekt & hier if c["uitsluitend_seveso"] else ontbreekt
        # formatie_omgevingsdienst: own fte of tasks whose inbreng is assumed (same operation order as the model)
        aandeel = c["inbreng_aangenomen"] * c["formatie_bij_inbreng"]
        meegekomen = (
            meegekomen
            + aandeel * (bevoegd & heeft_taken & ~x[f"ingebracht_{code}"]) * x[f"fte_eigen_uitvoering_{code}"]
        )
    # brengt_basistakenpakket_volledig_in
    volledig = aantal_ontbrekend == 0

    # robuustheidscriterium_<code>, computed only when a rule asks for it
    criteria = {
        "basistakenpakket": lambda: alle(~tekort_bij_dienst),
        "kritieke_massa": lambda: (
            x["voldoet_aan_kwaliteitscriteria"]
            & (
                x["fte_formatie"] + numpy.bincount(lid, weights=meegekomen, minlength=x["diensten"])
                >= r["minimum_fte_formatie"]
            )
        ),
        "onafhankelijkheid": lambda: alle(x["mandaat_verleend"] | vrijgesteld),
        "uniform_beleid": lambda: alle(x["regionale_strategie_vastgesteld"] | vrijgesteld),
        "financiering": lambda: x["financiering_conform_systematiek"],
        "werkgebied": lambda: x["werkgebied_congruent_met_veiligheidsregio"],
    }
    geldend = [code for code, c in r["criteria"].items() if c["van_toepassing"]]
    voldaan = {code: criteria[code]() for code in geldend}

    # aantal_robuustheidscriteria_niet_voldaan and robuust
    niet_voldaan = numpy.zeros(x["diensten"], dtype=numpy.int32)
    for code in geldend:
        niet_voldaan += ~voldaan[code]
    robuust = (r["afgesproken"] and bool(geldend)) & (niet_voldaan == 0)

    # in_overgangstermijn_fusie for the default datum_fusie (no fusie): one date for every dienst
    maanden = r["overgangstermijn_fusie_maanden"]
    fusie_maand = GEEN_FUSIE.astype("datetime64[M]")
    eind_maand = fusie_maand + maanden
    einde = min(
        eind_maand.astype("datetime64[D]") + (GEEN_FUSIE - fusie_maand.astype("datetime64[D]")),
        (eind_maand + 1).astype("datetime64[D]") - 1,
    )
    in_overgang = maanden > 0 and EERSTE_DAG < einde
    # grond_voor_bijsturing and bijsturingsbevoegdheid_staatssecretaris
    grond = numpy.zeros(x["diensten"], dtype=bool)
    for code, c in r["criteria"].items():
        if c["van_toepassing"] and c["wettelijk"] and c["bijsturing"]:
            grond |= ~voldaan[code]
    gericht_tot_dienst = r["bijsturing_adressaat"] in ("omgevingsdienst", "beide")
    bijsturing = (r["bijsturing_in_werking"] and gericht_tot_dienst and not in_overgang) & grond

    # interbestuurlijk_toezichthouder (enum index)
    toezichthouder = numpy.select(
        [
            is_gemeente & r["in_bijlage_124b"],
            is_gemeente & r["gemeente_door_gs"],
            is_provincie & r["provincie_door_minister"],
        ],
        [r["MINISTER"], r["GS"], r["MINISTER"]],
        default=r["GEEN"],
    )
    # interbestuurlijk_toezicht_mogelijk
    toezicht_mogelijk = ~volledig & (toezichthouder != r["GEEN"])
    # verzoek_124a_mogelijk and bevoegdheid_124_overgegaan_op_minister (default einde_termijn_verzoek_124a)
    verzoek = (
        r["verzoek_124a"]
        & toezicht_mogelijk
        & (toezichthouder == r["GS"])
        & x["zwaarwegend_algemeen_belang"]
        & x["instemming_minister_bzk"]
    )
    overgegaan = verzoek & (GEEN_TERMIJN < EERSTE_DAG) & ~x["gedeputeerde_staten_pasten_124_toe_binnen_termijn"]
    # inbreng_basistakenpakket_afdwingbaar
    afdwingbaar = ~volledig & ((toezichthouder == r["MINISTER"]) | overgegaan | r["inbreng_specifiek"])

    return {
        "robuust": robuust,
        "aantal_robuustheidscriteria_niet_voldaan": niet_voldaan,
        "bijsturingsbevoegdheid_staatssecretaris": bijsturing,
        "aantal_ontbrekende_basistaken": aantal_ontbrekend,
        "brengt_basistakenpakket_volledig_in": volledig,
        "interbestuurlijk_toezicht_mogelijk": toezicht_mogelijk,
        "interbestuurlijk_toezichthouder": toezichthouder,
        "inbreng_basistakenpakket_afdwingbaar": afdwingbaar,
    }


def main(argv=None):
    """Median of three timings per N: the floor's calculation, and input creation plus calculation."""
    from openfisca_vth import CountryTaxBenefitSystem

    systeem = CountryTaxBenefitSystem()
    volgorde, r = schema(systeem), regels(systeem)
    aantallen = [int(a) for a in (sys.argv[1:] if argv is None else argv)] or [1_000_000]
    print(f"{'deelnemers':>11}  {'invoer (s)':>10}  {'berekening (s)':>15}  {'samen (s)':>10}")
    for n in aantallen:
        invoertijden, rekentijden = [], []
        for _ in range(3):
            begin = time.perf_counter()
            x = invoer(n, 0, volgorde)
            midden = time.perf_counter()
            bereken(x, r)
            invoertijden.append(midden - begin)
            rekentijden.append(time.perf_counter() - midden)
        i, b = numpy.median(invoertijden), numpy.median(rekentijden)
        samen = numpy.median(numpy.add(invoertijden, rekentijden))
        print(f"{n:>11}  {i:>10.3f}  {b:>15.3f}  {samen:>10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Hypothesis strategies for random VTH situations (tests/test_eigenschappen.py).

A situation is generated as plain data (:class:`Situatie`: a month and a list of :class:`Dienst`,
each with its deelnemers and their roles) and turned into an OpenFisca situation dict by
:func:`als_invoer`. Keeping the data apart from the dict makes the transformations the properties
need (flip one input, raise a formation, permute, split) simple and exact.

The month is biased to the dates where rules change (Stb. 2017, 193 on 1 July 2017, the
bestuurlijke afspraak of June 2023, the Omgevingswet on 1 January 2024, the deadline of 1 April
2026, the reforms' dates in 2027 and 2028), so both sides of each date are tried often.
"""

import datetime
import functools
from dataclasses import dataclass, field, replace

from hypothesis import strategies as st
from openfisca_core import periods
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_vth.taakcategorieen import TAAKCATEGORIEEN

GRENSMAANDEN = (
    # the first is where a shrunk counterexample lands: a month in which most rules apply
    "2026-04",
    "2026-03",
    "2016-04",
    "2017-06",
    "2017-07",
    "2023-05",
    "2023-06",
    "2023-07",
    "2023-12",
    "2024-01",
    "2026-12",
    "2027-01",
    "2027-06",
    "2027-07",
    "2027-12",
    "2028-01",
    "2028-06",
    "2028-07",
    "2028-12",
    "2029-01",
    "2030-12",
)

# Dienst codes: the designated Seveso-omgevingsdiensten of parameters/basistakenpakket/seveso_aanwijzing
# (so a provincie's designation can point inside or outside the situation) and plain codes.
DIENST_CODES = ("od_a", "od_b", "odg", "dcmr", "od_c", "omwb", "odnzkg", "odrn", "rudzl", "od_d")
PROVINCIE_CODES = tuple(f"PV{n}" for n in range(20, 32))
GEMEENTE_CODES = ("GM0014", "GM0344", "GM0363", "GM0518", "GM0599")
ROLLEN = ("gemeente", "provincie", "waterschap")
ROL_LIJST = {"gemeente": "gemeenten", "provincie": "provincies", "waterschap": "waterschappen"}
EIGEN_BEHEER = "eigen_beheer"


def maandnummer(tekst):
    jaar, maand = (int(deel) for deel in tekst.split("-"))
    return jaar * 12 + maand - 1


def maandtekst(nummer):
    return f"{nummer // 12:04d}-{nummer % 12 + 1:02d}"


def maanden(van="2016-04", tot="2030-12"):
    """A month ``YYYY-MM`` in [van, tot] (both inclusive); half the time a month at a rule change."""
    eerste, laatste = maandnummer(van), maandnummer(tot)
    grens = [m for m in GRENSMAANDEN if eerste <= maandnummer(m) <= laatste]
    willekeurig = st.integers(eerste, laatste).map(maandtekst)
    return st.one_of(st.sampled_from(grens), willekeurig) if grens else willekeurig


@functools.cache
def datums(van=2015, tot=2031):
    """A date as ``YYYY-MM-DD`` in the years [van, tot]; often the first of a month, where the
    strict-side reading of a term (periode.verstreken_voor) matters."""
    eerste, laatste = datetime.date(van, 1, 1).toordinal(), datetime.date(tot, 12, 31).toordinal()

    def datum(dag, eerste_van_de_maand):
        d = datetime.date.fromordinal(dag)
        return (d.replace(day=1) if eerste_van_de_maand else d).isoformat()

    return st.builds(datum, st.integers(eerste, laatste), st.booleans())


def fte(maximum=300.0):
    """A formation in fte: anything from 0 to ``maximum``, often at or near the 100-fte example minimum."""
    return st.one_of(
        st.sampled_from((0.0, 99.5, 100.0, 100.5)),
        st.floats(0.0, maximum, allow_nan=False, allow_infinity=False),
    )


@dataclass(frozen=True)
class Deelnemer:
    id: str
    rol: str
    invoer: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Dienst:
    code: str
    invoer: dict
    deelnemers: tuple


@dataclass(frozen=True)
class Situatie:
    maand: str
    diensten: tuple

    @property
    def deelnemers(self):
        return tuple(d for dienst in self.diensten for d in dienst.deelnemers)

    def dienst_van(self):
        """Deelnemer id -> code of its dienst."""
        return {d.id: dienst.code for dienst in self.diensten for d in dienst.deelnemers}

    def met_deelnemer(self, deelnemer_id, **invoer):
        """A copy in which deelnemer ``deelnemer_id`` has the given inputs (others unchanged)."""
        return replace(
            self,
            diensten=tuple(
                replace(
                    dienst,
                    deelnemers=tuple(
                        replace(d, invoer={**d.invoer, **invoer}) if d.id == deelnemer_id else d
                        for d in dienst.deelnemers
                    ),
                )
                for dienst in self.diensten
            ),
        )

    def met_dienst(self, code, **invoer):
        """A copy in which dienst ``code`` has the given inputs (others unchanged)."""
        return replace(
            self,
            diensten=tuple(
                replace(dienst, invoer={**dienst.invoer, **invoer}) if dienst.code == code else dienst
                for dienst in self.diensten
            ),
        )


# Inputs are drawn from few, flat draws (a bitmask, a base-3 or base-4 number): hypothesis spends
# most of a situation's generation time per draw, and a situation has up to 24 deelnemers. Every
# draw shrinks to 0, which gives "no input" (the variable's default).


def _per_categorie(masker, voorvoegsel, waarde):
    return {f"{voorvoegsel}{c.code}": waarde for i, c in enumerate(TAAKCATEGORIEEN) if masker >> i & 1}


def _booleans(getal, namen, basis):
    """Digit ``i`` of ``getal`` in base ``basis`` gives ``namen[i]``: the highest digit true, the one
    below false, lower digits no input (the default)."""
    waarden = {}
    for naam in namen:
        getal, cijfer = divmod(getal, basis)
        if cijfer >= basis - 2:
            waarden[naam] = cijfer == basis - 1
    return waarden


def _datums(draw, bereiken):
    """Each date input of ``bereiken`` (name: (first year, last year)) absent or a date."""
    masker = draw(_maskers(len(bereiken)))
    return {naam: draw(datums(*jaren)) for i, (naam, jaren) in enumerate(bereiken.items()) if masker >> i & 1}


N = len(TAAKCATEGORIEEN)
CATEGORIE_CODES = tuple(c.code for c in TAAKCATEGORIEEN)
# the duties of every deelnemer and generic supervision (Gemeentewet 124, Provinciewet 121)
BOOLEANS = ("mandaat_verleend", "regionale_strategie_vastgesteld", "besluit_indeplaatsstelling_genomen")
BOOLEANS_PER_ROL = {
    "gemeente": BOOLEANS
    + (
        "indeplaatsstelling_spoedeisend",
        "gelijkgesteld_met_provincie_wbb",
        # Gemeentewet art. 124a: a request of the minister to gedeputeerde staten
        "zwaarwegend_algemeen_belang",
        "instemming_minister_bzk",
        "gedeputeerde_staten_pasten_124_toe_binnen_termijn",
    ),
    "provincie": BOOLEANS + ("indeplaatsstelling_spoedeisend",),
    "waterschap": BOOLEANS,
}
DATUMS_PER_ROL = {
    "gemeente": {"einde_hersteltermijn": (2015, 2031), "einde_termijn_verzoek_124a": (2015, 2031)},
    "provincie": {"einde_hersteltermijn": (2015, 2031)},
    "waterschap": {},
}
DIENST_BOOLEANS = (
    "voldoet_aan_kwaliteitscriteria",
    "financiering_conform_systematiek",
    "werkgebied_congruent_met_veiligheidsregio",
    "is_seveso_omgevingsdienst",
    "voornemen_bijsturing_bekendgemaakt",
)
DIENST_DATUMS = {
    "datum_fusie": (2015, 2029),
    "datum_besluit_bijsturing": (2026, 2031),
    "datum_laatste_visitatie": (2016, 2030),
}


@functools.cache
def _maskers(n):
    return st.integers(0, 2**n - 1)


# strategies built once: building one per draw costs hypothesis a validation each time
_MASKER = _maskers(N)
_MASKER_MET_SCHAKELAAR = _maskers(N + 1)
_FTE_EIGEN_UITVOERING = st.lists(
    st.tuples(st.sampled_from(CATEGORIE_CODES), st.floats(0.0, 60.0, allow_nan=False)), max_size=3
)
_BOOLEANS_PER_ROL = {rol: st.integers(0, 4 ** len(namen) - 1) for rol, namen in BOOLEANS_PER_ROL.items()}
_GEMEENTE_CBS = st.sampled_from((None, "") + GEMEENTE_CODES)
_PROVINCIE_CBS = st.sampled_from(("",) + PROVINCIE_CODES)
_ONDERGEBRACHT_BIJ = st.sampled_from(("", EIGEN_BEHEER) + DIENST_CODES)
_FTE = fte()
_DIENST_BOOLEANS = st.integers(0, 3 ** len(DIENST_BOOLEANS) - 1)


@st.composite
def deelnemer_invoer(draw, rol):
    """The inputs of one deelnemer with role ``rol``; only what differs from a default is given."""
    invoer = _per_categorie(draw(_MASKER), "ingebracht_", True)
    # half the deelnemers lack the activities of some categories in their area
    geen_taken = draw(_MASKER_MET_SCHAKELAAR)
    if geen_taken & 1:
        invoer.update(_per_categorie(geen_taken >> 1, "heeft_taken_", False))
    for code, waarde in draw(_FTE_EIGEN_UITVOERING):
        invoer[f"fte_eigen_uitvoering_{code}"] = waarde
    invoer.update(_booleans(draw(_BOOLEANS_PER_ROL[rol]), BOOLEANS_PER_ROL[rol], basis=4))
    invoer.update(_datums(draw, DATUMS_PER_ROL[rol]))
    if rol == "gemeente":
        cbs_code = draw(_GEMEENTE_CBS)
        if cbs_code is not None:
            invoer["cbs_code"] = cbs_code
    elif rol == "provincie":
        # a provincie's Seveso designation (by cbs_code) and placement are where diensten interact:
        # always given (possibly empty), so they come up often
        invoer["cbs_code"] = draw(_PROVINCIE_CBS)
        invoer["seveso_taken_ondergebracht_bij"] = draw(_ONDERGEBRACHT_BIJ)
    return invoer


@st.composite
def dienst_invoer(draw):
    """The inputs of one omgevingsdienst."""
    invoer = {"fte_formatie": draw(_FTE)}
    invoer.update(_booleans(draw(_DIENST_BOOLEANS), DIENST_BOOLEANS, basis=3))
    invoer.update(_datums(draw, DIENST_DATUMS))
    return invoer


DEELNEMER_INVOER = {rol: deelnemer_invoer(rol) for rol in ROLLEN}
DIENST_INVOER = dienst_invoer()


def _een_deelnemer_per_provincie(deelnemers):
    """A provincie is one deelnemer per dienst (openfisca_vth/entities.py): a repeated cbs_code of a
    provincie within one dienst is dropped (made empty)."""
    gezien, uitkomst = set(), []
    for d in deelnemers:
        code = d.invoer.get("cbs_code", "")
        if d.rol == "provincie" and code in gezien:
            d = replace(d, invoer={**d.invoer, "cbs_code": ""})
        gezien.add(code if d.rol == "provincie" and code else None)
        uitkomst.append(d)
    return tuple(uitkomst)


@functools.cache
def _dienst_codes(n):
    return st.lists(st.sampled_from(DIENST_CODES), min_size=1, max_size=n, unique=True)


@functools.cache
def _rollen(n):
    return st.lists(st.sampled_from(ROLLEN), min_size=1, max_size=n)


_MAANDEN = maanden()


@st.composite
def situaties(draw, maand=None, max_diensten=4, max_deelnemers=6):
    """1..``max_diensten`` diensten with 1..``max_deelnemers`` deelnemers each, random roles and inputs.

    Within one dienst no two provincies share a cbs_code (a provincie is one deelnemer per dienst);
    across diensten they may, as a provincie takes part in several diensten.
    """
    codes = draw(_dienst_codes(max_diensten))
    diensten = []
    for code in codes:
        rollen = draw(_rollen(max_deelnemers))
        deelnemers = tuple(
            Deelnemer(f"{code}_{rol[0]}{i}", rol, draw(DEELNEMER_INVOER[rol])) for i, rol in enumerate(rollen)
        )
        diensten.append(Dienst(code, draw(DIENST_INVOER), _een_deelnemer_per_provincie(deelnemers)))
    situatie = Situatie(draw(maand if maand is not None else _MAANDEN), tuple(diensten))
    if draw(st.booleans()):
        situatie = bijna_nalevend(situatie, draw(_OVERTREDINGEN))
    return situatie


# Random inputs rarely meet every duty at once (robuust needs all deelnemers to bring in every
# basistaak, grant the mandate, ...). Half the situations are therefore made compliant and then
# given 0-3 breaches, so both sides of every criterion come up.
NALEVEND_DEELNEMER = {
    **{f"ingebracht_{c.code}": True for c in TAAKCATEGORIEEN},
    "mandaat_verleend": True,
    "regionale_strategie_vastgesteld": True,
}
NALEVEND_DIENST = {
    "voldoet_aan_kwaliteitscriteria": True,
    "financiering_conform_systematiek": True,
    "werkgebied_congruent_met_veiligheidsregio": True,
}
_OVERTREDINGEN = st.lists(
    st.tuples(st.integers(0, 2**16 - 1), st.sampled_from(sorted(NALEVEND_DEELNEMER) + sorted(NALEVEND_DIENST))),
    max_size=3,
)


def bijna_nalevend(situatie, overtredingen):
    """``situatie`` with every deelnemer and dienst meeting its duties, then the ``overtredingen``
    ((position, input) pairs: that input false at that deelnemer or dienst).

    A compliant provincie has no cbs_code and no stated placement: a designation elsewhere would
    make bringing in its Seveso tasks here a breach (Ow 18.22 lid 2).
    """
    diensten = []
    for dienst in situatie.diensten:
        deelnemers = []
        for d in dienst.deelnemers:
            invoer = {**d.invoer, **NALEVEND_DEELNEMER}
            if d.rol == "provincie":
                invoer.update(cbs_code="", seveso_taken_ondergebracht_bij="")
            deelnemers.append(replace(d, invoer=invoer))
        diensten.append(replace(dienst, invoer={**dienst.invoer, **NALEVEND_DIENST}, deelnemers=tuple(deelnemers)))
    situatie = replace(situatie, diensten=tuple(diensten))
    for positie, naam in overtredingen:
        if naam in NALEVEND_DIENST:
            dienst = situatie.diensten[positie % len(situatie.diensten)]
            situatie = situatie.met_dienst(dienst.code, **{naam: False})
        else:
            deelnemer = situatie.deelnemers[positie % len(situatie.deelnemers)]
            situatie = situatie.met_deelnemer(deelnemer.id, **{naam: False})
    return situatie


def als_invoer(situatie, diensten=None):
    """The OpenFisca situation dict (``build_from_entities``) of ``situatie``, or of some of its diensten.

    The periods are given as ``Period`` objects, not ``YYYY-MM`` text: the builder takes both alike
    (``periods.period`` passes a Period through), and parsing the text of every input value was
    about half the cost of building a simulation.
    """
    gekozen = situatie.diensten if diensten is None else diensten
    maand = periods.period(situatie.maand)
    deelnemers, omgevingsdiensten = {}, {}
    for dienst in gekozen:
        rollen = {}
        for d in dienst.deelnemers:
            deelnemers[d.id] = {naam: {maand: waarde} for naam, waarde in d.invoer.items()}
            rollen.setdefault(ROL_LIJST[d.rol], []).append(d.id)
        omgevingsdiensten[dienst.code] = {
            **rollen,
            **{naam: {maand: waarde} for naam, waarde in dienst.invoer.items()},
        }
    return {"deelnemers": deelnemers, "omgevingsdiensten": omgevingsdiensten}


def simulatie(systeem, invoer):
    return SimulationBuilder().build_from_entities(systeem, invoer)


def _als_python(waarden):
    if hasattr(waarden, "decode_to_str"):
        waarden = waarden.decode_to_str()
    return waarden.tolist()


def per_id(sim, variabelen, maand):
    """{variable: {entity id: value}} for ``variabelen`` in ``maand``: results that do not depend on positions."""
    uitkomst, maand = {}, periods.period(maand)
    for naam in variabelen:
        populatie = sim.populations[sim.tax_benefit_system.variables[naam].entity.key]
        uitkomst[naam] = dict(zip(populatie.ids, _als_python(sim.calculate(naam, maand)), strict=True))
    return uitkomst

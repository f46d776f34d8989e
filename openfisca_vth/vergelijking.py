"""Baseline against reform: the same situation or dataset under both systems, only what changes.

    from openfisca_vth.vergelijking import vergelijk
    uitkomst = vergelijk(baseline, hervormd, "2026-06", situatie_of_bouwer)
    print(opmaak(uitkomst, "markdown"))

``situatie_of_bouwer`` is an OpenFisca situation (dict, as in a YAML test's ``input``) or a callable
``(tax_benefit_system, periode) -> Simulation`` (e.g. ``dataset.simulatie``): the same inputs are
given to both systems. Each system is built by the caller once; :func:`vergelijk` builds one
simulation per system.

The result has four parts: the rules that differ on the month's peildatum (value or legal
status), totals before/after (robust diensten, diensten where the staatssecretaris can intervene,
...), and per omgevingsdienst and per deelnemer every computed variable whose value differs, with
its value before and after.
"""

import csv
import dataclasses
import io
import json
import textwrap

import numpy
from openfisca_core import periods
from openfisca_core.indexed_enums import EnumArray
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_vth.metadata import bladeren
from openfisca_vth.periode import maand, peildatum

ENTITEITEN = ("omgevingsdienst", "deelnemer")

# (label, entity, variable): counted before and after, always reported.
TOTALEN = (
    ("omgevingsdiensten robuust", "omgevingsdienst", "robuust"),
    (
        "omgevingsdiensten waar de staatssecretaris kan bijsturen",
        "omgevingsdienst",
        "bijsturingsbevoegdheid_staatssecretaris",
    ),
    (
        "deelnemers die het basistakenpakket volledig inbrengen",
        "deelnemer",
        "brengt_basistakenpakket_volledig_in",
    ),
    (
        "deelnemers bij wie de staatssecretaris de inbreng kan afdwingen",
        "deelnemer",
        "inbreng_basistakenpakket_afdwingbaar",
    ),
    (
        "deelnemers onder mogelijk interbestuurlijk toezicht",
        "deelnemer",
        "interbestuurlijk_toezicht_mogelijk",
    ),
)


@dataclasses.dataclass(frozen=True)
class Regelwijziging:
    parameter: str
    voor: object
    na: object
    status_voor: str | None
    status_na: str | None


@dataclasses.dataclass(frozen=True)
class Aanname:
    """A parameter the reform brings itself (e.g. an assumed in-force date), as it holds."""

    parameter: str
    waarde: object
    status: str | None
    omschrijving: str


@dataclasses.dataclass(frozen=True)
class Totaal:
    label: str
    variabele: str
    voor: int
    na: int
    van: int  # how many entities were counted


@dataclasses.dataclass(frozen=True)
class Verschil:
    entiteit: str
    id: str
    naam: str
    omgevingsdienst: str  # the dienst of a deelnemer; the dienst itself for a dienst
    variabele: str
    label: str
    voor: object
    na: object


@dataclasses.dataclass(frozen=True)
class Vergelijking:
    periode: str
    hervorming: str
    toelichting: str
    regels: tuple
    totalen: tuple
    verschillen: tuple
    aantal: dict  # entity -> how many were simulated
    basis: str = "huidig recht"  # what the reform is compared with
    invoer: str = ""  # where the inputs came from (dataset name, situation file)
    waarschuwing: str = ""  # e.g. the inputs are illustrative, not observed
    aannames: tuple = ()  # of Aanname: the reform's own parameters

    def verschillen_van(self, entiteit):
        return [v for v in self.verschillen if v.entiteit == entiteit]

    def als_dict(self):
        return {
            "periode": self.periode,
            "hervorming": self.hervorming,
            "basis": self.basis,
            "invoer": self.invoer,
            "waarschuwing": self.waarschuwing,
            "toelichting": self.toelichting,
            "aantal": self.aantal,
            "aannames": [dataclasses.asdict(a) for a in self.aannames],
            "regels": [dataclasses.asdict(r) for r in self.regels],
            "totalen": [dataclasses.asdict(t) for t in self.totalen],
            "verschillen": [dataclasses.asdict(v) for v in self.verschillen],
        }


def _waarde_op(parameter, dag):
    for waarde in parameter.values_list:
        if waarde.instant_str <= dag:
            return waarde.value, waarde.metadata.get("status", parameter.metadata.get("status"))
    return None, None


def gewijzigde_regels(baseline, hervormd, periode):
    """Parameters whose value or legal status on the peildatum of ``periode`` differs."""
    dag = str(peildatum(periode))
    oud = {blad.name: blad for blad in bladeren(baseline.parameters)}
    regels = []
    for blad in bladeren(hervormd.parameters):
        if blad.name not in oud:
            continue  # a reform's own assumption: it shows through the rules it changes
        voor, status_voor = _waarde_op(oud[blad.name], dag)
        na, status_na = _waarde_op(blad, dag)
        if voor != na or status_voor != status_na:
            regels.append(Regelwijziging(blad.name, voor, na, status_voor, status_na))
    return tuple(regels)


def eigen_aannames(baseline, hervormd, periode):
    """The reform's own parameters (absent from the baseline) as they hold on the peildatum."""
    dag = str(peildatum(periode))
    oud = {blad.name for blad in bladeren(baseline.parameters)}
    aannames = []
    for blad in bladeren(hervormd.parameters):
        if blad.name not in oud:
            waarde, status = _waarde_op(blad, dag)
            aannames.append(Aanname(blad.name, waarde, status, " ".join((blad.description or "").split())))
    return tuple(aannames)


def _simulatie(systeem, periode, situatie_of_bouwer):
    if callable(situatie_of_bouwer):
        return situatie_of_bouwer(systeem, periode)
    return SimulationBuilder().build_from_entities(systeem, situatie_of_bouwer)


def _te_vergelijken(systeem, variabelen):
    if variabelen is not None:
        return [systeem.variables[naam] for naam in variabelen]
    gekozen = [
        variabele
        for variabele in systeem.variables.values()
        if variabele.entity.key in ENTITEITEN
        and variabele.formulas
        and variabele.definition_period == periods.DateUnit.MONTH
    ]
    # diensten first, then deelnemers; within each, the order of the variable files
    return sorted(gekozen, key=lambda v: ENTITEITEN.index(v.entity.key))


def _waarden(simulatie, naam, periode):
    waarden = simulatie.calculate(naam, periode)
    if isinstance(waarden, EnumArray):
        return numpy.array(waarden.decode_to_str(), dtype=object)
    return waarden


def _python(waarde):
    return waarde.item() if isinstance(waarde, numpy.generic) else waarde


def _verschilt(voor, na):
    if voor.dtype.kind == "f" or na.dtype.kind == "f":
        return ~numpy.isclose(voor.astype(float), na.astype(float))
    return voor != na


def vergelijk(
    baseline,
    hervormd,
    periode,
    situatie_of_bouwer,
    namen=None,
    variabelen=None,
    hervorming=None,
    basis=None,
    invoer="",
    waarschuwing="",
):
    """Compare ``hervormd`` with ``baseline`` for ``periode`` (a month) on the same inputs.

    ``namen`` maps entity ids to display names (default: the id). ``variabelen`` limits the
    comparison to those variables (default: every computed monthly variable of both entities).
    ``hervorming`` names the reform in the report (default: the reform's class name), ``basis``
    what it is compared with (default: "huidig recht"), ``invoer`` where the inputs came from.
    """
    periode = maand(periode if isinstance(periode, periods.Period) else str(periode))
    namen = namen or {}
    simulaties = [_simulatie(systeem, periode, situatie_of_bouwer) for systeem in (baseline, hervormd)]
    populaties = [s.populations for s in simulaties]
    for entiteit in ENTITEITEN:
        if list(populaties[0][entiteit].ids) != list(populaties[1][entiteit].ids):
            raise ValueError(f"de {entiteit}en verschillen tussen huidig recht en hervorming")

    dienst_ids = list(populaties[0]["omgevingsdienst"].ids)
    dienst_van_deelnemer = [dienst_ids[i] for i in simulaties[0].populations["omgevingsdienst"].members_entity_id]
    dienst_van = {"omgevingsdienst": dienst_ids, "deelnemer": dienst_van_deelnemer}

    cache = {}

    def waarden(index, naam):
        if (index, naam) not in cache:
            cache[(index, naam)] = _waarden(simulaties[index], naam, periode)
        return cache[(index, naam)]

    verschillen = []
    for variabele in _te_vergelijken(hervormd, variabelen):
        if variabele.name not in baseline.variables:
            continue
        entiteit = variabele.entity.key
        ids = list(populaties[0][entiteit].ids)
        voor, na = waarden(0, variabele.name), waarden(1, variabele.name)
        for positie in numpy.flatnonzero(_verschilt(voor, na)):
            id_ = ids[positie]
            verschillen.append(
                Verschil(
                    entiteit,
                    id_,
                    namen.get(id_, id_),
                    dienst_van[entiteit][positie],
                    variabele.name,
                    variabele.label or variabele.name,
                    _python(voor[positie]),
                    _python(na[positie]),
                )
            )
    volgorde = {id_: i for i, id_ in enumerate(dienst_ids)}
    verschillen.sort(key=lambda v: (ENTITEITEN.index(v.entiteit), volgorde[v.omgevingsdienst], v.id))

    totalen = []
    for label, entiteit, naam in TOTALEN:
        if naam in baseline.variables and naam in hervormd.variables:
            totalen.append(
                Totaal(
                    label,
                    naam,
                    int(numpy.sum(waarden(0, naam))),
                    int(numpy.sum(waarden(1, naam))),
                    int(populaties[0][entiteit].count),
                )
            )

    return Vergelijking(
        periode=str(periode),
        hervorming=hervorming or getattr(hervormd, "key", type(hervormd).__name__),
        toelichting=getattr(hervormd, "toelichting", "") or "",
        regels=gewijzigde_regels(baseline, hervormd, periode),
        aannames=eigen_aannames(baseline, hervormd, periode),
        totalen=tuple(totalen),
        verschillen=tuple(verschillen),
        aantal={e: int(populaties[0][e].count) for e in ENTITEITEN},
        basis=basis or "huidig recht",
        invoer=invoer,
        waarschuwing=waarschuwing,
    )


# -- output --------------------------------------------------------------------------------------


def tekst(waarde):
    """A value as a memo reader reads it."""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, float):
        return f"{waarde:g}"
    if waarde is None:
        return "(geen)"
    return str(waarde)


def _met_status(waarde, status):
    return f"{tekst(waarde)} ({status})" if status else tekst(waarde)


def _regel_tekst(regel, kant):
    if kant == "voor":
        return _met_status(regel.voor, regel.status_voor)
    return _met_status(regel.na, regel.status_na)


def _kop(vergelijking):
    return f"Vergelijking {vergelijking.basis} met hervorming {vergelijking.hervorming}, periode {vergelijking.periode}"


def _tabel(koppen, rijen):
    breedtes = [max(len(str(x)) for x in kolom) for kolom in zip(koppen, *rijen, strict=True)]
    regels = [
        "  ".join(str(x).ljust(b) for x, b in zip(rij, breedtes, strict=True)).rstrip() for rij in [koppen, *rijen]
    ]
    regels.insert(1, "  ".join("-" * b for b in breedtes))
    return regels


def _secties(vergelijking):
    """(title, column heads, rows) of every part of the report, in report order."""
    voor = vergelijking.basis
    secties = [
        (
            "Totalen",
            ["", voor, "hervorming", "verschil"],
            [[f"{t.label} (van {t.van})", t.voor, t.na, f"{t.na - t.voor:+d}"] for t in vergelijking.totalen],
        ),
        (
            "Aannames van de hervorming",
            ["parameter", "waarde", "omschrijving"],
            [[a.parameter, _met_status(a.waarde, a.status), a.omschrijving] for a in vergelijking.aannames],
        ),
        (
            "Gewijzigde regels op de peildatum",
            ["parameter", voor, "hervorming"],
            [[r.parameter, _regel_tekst(r, "voor"), _regel_tekst(r, "na")] for r in vergelijking.regels],
        ),
        (
            "Omgevingsdiensten",
            ["omgevingsdienst", "variabele", voor, "hervorming"],
            [
                [v.naam, v.variabele, tekst(v.voor), tekst(v.na)]
                for v in vergelijking.verschillen_van("omgevingsdienst")
            ],
        ),
        (
            "Deelnemers",
            ["deelnemer", "omgevingsdienst", "variabele", voor, "hervorming"],
            [
                [v.naam, v.omgevingsdienst, v.variabele, tekst(v.voor), tekst(v.na)]
                for v in vergelijking.verschillen_van("deelnemer")
            ],
        ),
    ]
    return secties


def _aantal_zin(vergelijking):
    diensten = {v.id for v in vergelijking.verschillen_van("omgevingsdienst")}
    deelnemers = {v.id for v in vergelijking.verschillen_van("deelnemer")}
    return (
        f"{len(diensten)} van {vergelijking.aantal['omgevingsdienst']} omgevingsdiensten en "
        f"{len(deelnemers)} van {vergelijking.aantal['deelnemer']} deelnemers veranderen."
    )


def _invoer_zin(vergelijking):
    regels = [f"Invoer: {vergelijking.invoer}"] if vergelijking.invoer else []
    if vergelijking.waarschuwing:
        regels.append(f"LET OP: {vergelijking.waarschuwing}")
    return regels


def als_tabel(vergelijking):
    # The prose lines wrap at 100 columns, as in `status`; the tables keep their width.
    invoer = [deel for regel in _invoer_zin(vergelijking) for deel in textwrap.wrap(regel, 100, subsequent_indent="  ")]
    regels = [_kop(vergelijking), *invoer, _aantal_zin(vergelijking)]
    for titel, koppen, rijen in _secties(vergelijking):
        regels += ["", f"{titel}:"]
        regels += _tabel(koppen, rijen) if rijen else ["  (geen)"]
    return "\n".join(regels) + "\n"


def _md_cel(waarde):
    return str(waarde).replace("|", "\\|")


def als_markdown(vergelijking):
    regels = [f"## {_kop(vergelijking)}", ""]
    if vergelijking.toelichting:
        regels += [f"*{vergelijking.toelichting}*", ""]
    regels += [
        f"{_aantal_zin(vergelijking)} Peildatum: de laatste dag van {vergelijking.periode}.",
        "",
    ]
    if vergelijking.invoer:
        regels += [f"Invoer: {vergelijking.invoer}.", ""]
    if vergelijking.waarschuwing:
        regels += [f"> **LET OP.** {vergelijking.waarschuwing}", ""]
    for titel, koppen, rijen in _secties(vergelijking):
        regels += [f"### {titel}", ""]
        if not rijen:
            regels += ["Geen.", ""]
            continue
        regels.append("| " + " | ".join(koppen) + " |")
        regels.append("|" + "|".join("---" for _ in koppen) + "|")
        regels += ["| " + " | ".join(_md_cel(x) for x in rij) + " |" for rij in rijen]
        regels.append("")
    regels.append(
        "Bron: openfisca-vth; alleen gewijzigde waarden. Statussen: wet, amvb, "
        "bestuurlijke_afspraak, wetsvoorstel, aanname."
    )
    return "\n".join(regels) + "\n"


def als_json(vergelijking):
    return json.dumps(vergelijking.als_dict(), ensure_ascii=False, indent=2) + "\n"


def als_csv(vergelijking):
    uit = io.StringIO()
    schrijver = csv.writer(uit, lineterminator="\n")
    schrijver.writerow(["soort", "omgevingsdienst", "id", "naam", "variabele", "voor", "na"])
    for t in vergelijking.totalen:
        schrijver.writerow(["totaal", "", "", t.label, t.variabele, t.voor, t.na])
    for a in vergelijking.aannames:
        schrijver.writerow(["aanname", "", "", a.omschrijving, a.parameter, "", _met_status(a.waarde, a.status)])
    for r in vergelijking.regels:
        schrijver.writerow(["regel", "", "", "", r.parameter, _regel_tekst(r, "voor"), _regel_tekst(r, "na")])
    for v in vergelijking.verschillen:
        schrijver.writerow([v.entiteit, v.omgevingsdienst, v.id, v.naam, v.variabele, _python(v.voor), _python(v.na)])
    return uit.getvalue()


OPMAAK = {"table": als_tabel, "json": als_json, "csv": als_csv, "markdown": als_markdown}


def opmaak(vergelijking, vorm="table"):
    return OPMAAK[vorm](vergelijking)

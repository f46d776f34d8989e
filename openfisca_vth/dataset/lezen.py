"""Reading and validating a dataset folder (the format of docs/dataset.md).

A dataset is a folder with up to five files:

- ``omgevingsdiensten.csv`` (required): one row per omgevingsdienst, with its validity dates;
- ``deelnemers.csv`` (required): one row per deelnemer per omgevingsdienst, with validity dates;
- ``invoer_omgevingsdiensten.csv`` (optional): dated inputs per omgevingsdienst;
- ``invoer_deelnemers.csv`` (optional): dated inputs per deelnemer, or ``*`` for all deelnemers
  of a dienst (a row for one deelnemer overrides the ``*`` row cell by cell);
- ``seveso_taken.csv`` (optional): per provincie (CBS code) and period, the omgevingsdienst that
  carries its Seveso and RIE-4 tasks, or ``eigen_beheer`` (Omgevingswet art. 18.22 lid 2);
- ``wbb_gelijkgestelde_gemeenten.csv`` (optional): gemeenten equated with a provincie for the Wet
  bodembescherming (art. 88), with validity dates and whether the designation was verified;
- ``dataset.yaml`` (optional): name, coverage (``dekking``), ``illustratief`` flag, toelichting.

Every problem raises :class:`DatasetFout` with one Dutch line naming the file, the line and
the fix. The input columns are the OpenFisca input variables listed in ``invoer.py``.
"""

# mypy: check-untyped-defs

from __future__ import annotations

import csv
import datetime
import difflib
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from openfisca_vth.dataset.fouten import DatasetFout
from openfisca_vth.dataset.invoer import (
    DEELNEMER_INVOER,
    DIENST_INVOER,
    TAAKCATEGORIE_PREFIXEN,
)
from openfisca_vth.entities import Omgevingsdienst
from openfisca_vth.taakcategorieen import TAAKCATEGORIEEN

# The soorten are the roles of the omgevingsdienst entity (gemeente, provincie, waterschap).
SOORTEN = tuple(rol.key for rol in Omgevingsdienst.roles)
CBS_CODE_PATROON = {"gemeente": re.compile(r"GM\d{4}"), "provincie": re.compile(r"PV\d{2}")}
DIENST_CODE_PATROON = re.compile(r"[A-Za-z0-9_-]+")
ALLE_DEELNEMERS = "*"
BESCHRIJVENDE_KOLOMMEN = ("toelichting", "bron")
WAAR = ("true", "waar", "ja", "1")
ONWAAR = ("false", "onwaar", "nee", "0")


@dataclass(frozen=True)
class Geldigheid:
    """Validity interval, both ends inclusive; ``None`` is open."""

    vanaf: datetime.date | None = None
    tot: datetime.date | None = None

    def geldt_op(self, dag: datetime.date) -> bool:
        """Whether the interval holds on ``dag``."""
        return (self.vanaf is None or self.vanaf <= dag) and (self.tot is None or dag <= self.tot)

    def overlapt(self, andere: Geldigheid) -> bool:
        """Whether this interval and ``andere`` share at least one day."""
        return (self.vanaf is None or andere.tot is None or self.vanaf <= andere.tot) and (
            andere.vanaf is None or self.tot is None or andere.vanaf <= self.tot
        )

    def omvat(self, andere: Geldigheid) -> bool:
        """Whether ``andere`` lies wholly inside this interval."""
        begin_ok = self.vanaf is None or (andere.vanaf is not None and self.vanaf <= andere.vanaf)
        eind_ok = self.tot is None or (andere.tot is not None and andere.tot <= self.tot)
        return begin_ok and eind_ok

    def __str__(self):
        return f"{self.vanaf or '…'} t/m {self.tot or '…'}"


@dataclass(frozen=True)
class OmgevingsdienstRecord:
    """One row of ``omgevingsdiensten.csv``: an omgevingsdienst and its validity."""

    code: str
    naam: str
    is_seveso_omgevingsdienst: bool
    geldigheid: Geldigheid
    bron: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False)
    soort: str = "omgevingsdienst"
    datum_fusie: datetime.date | None = None  # formed by a merger on this date (input datum_fusie)

    @property
    def id(self) -> str:
        """The dienst's code (the id of the omgevingsdienst entity)."""
        return self.code

    @property
    def omgevingsdienst_code(self) -> str:
        """The dienst's code (as for a :class:`DeelnemerRecord`)."""
        return self.code


@dataclass(frozen=True)
class DeelnemerRecord:
    """One row of ``deelnemers.csv``: a deelnemer of one omgevingsdienst and its validity."""

    id: str
    omgevingsdienst_code: str
    soort: str
    naam: str
    code: str
    geldigheid: Geldigheid
    bron: str = ""
    provincie: str = ""  # the provincie the gemeente lies in (whose gedeputeerde staten supervise it)


@dataclass(frozen=True)
class DatumRegel:
    """A dated fact about one body, keyed by its CBS code (Seveso placement, Wbb equation)."""

    cbs_code: str
    waarde: object
    geldigheid: Geldigheid
    plaats: str


@dataclass(frozen=True)
class InvoerRegel:
    """One row of ``invoer_omgevingsdiensten.csv`` or ``invoer_deelnemers.csv``: dated input values."""

    omgevingsdienst_code: str
    deelnemer: str | None  # None in invoer_omgevingsdiensten.csv; a deelnemer id or "*"
    geldigheid: Geldigheid
    waarden: dict[str, bool | float]  # variable -> value
    plaats: str  # "file line n", for messages


@dataclass(frozen=True)
class Metadata:
    """``dataset.yaml``: the dataset's name, whether it is illustrative, its note and its coverage."""

    naam: str
    illustratief: bool
    toelichting: str
    dekking: Geldigheid


def deelnemer_id(omgevingsdienst_code: str, code: str, naam: str) -> str:
    """``<dienst>:<CBS code>``, or ``<dienst>:<slug of the name>`` for a body without CBS code."""
    if code:
        return f"{omgevingsdienst_code}:{code}"
    ascii_naam = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    return f"{omgevingsdienst_code}:{re.sub(r'[^a-z0-9]+', '_', ascii_naam.lower()).strip('_')}"


def _lege_regels_voor(regels: Sequence[str], nummer: int) -> int:
    """How many blank lines start at physical line ``nummer`` (1-based): the reader skips them."""
    aantal = 0
    while nummer - 1 + aantal < len(regels) and not regels[nummer - 1 + aantal].strip():
        aantal += 1
    return aantal


class _Bestand:
    """One CSV file: rows as dicts, with the file name and line number for error messages."""

    def __init__(self, pad: Path, verplichte_kolommen: Sequence[str]) -> None:
        self.naam = pad.name
        try:
            with open(pad, encoding="utf-8-sig", newline="") as bestand:
                tekst = bestand.read()
        except UnicodeDecodeError:
            raise DatasetFout(f"{self.naam} is geen UTF-8-tekst: sla het bestand op als CSV (UTF-8)") from None
        kopregel = tekst.split("\n", 1)[0]
        # Spreadsheets set to Dutch save CSV with semicolons.
        scheidingsteken = ";" if kopregel.count(";") > kopregel.count(",") else ","
        tekst_regels = tekst.splitlines()
        lezer = csv.DictReader(tekst_regels, delimiter=scheidingsteken)
        self.kolommen = [k.strip() for k in (lezer.fieldnames or [])]
        ontbrekend = [k for k in verplichte_kolommen if k not in self.kolommen]
        if ontbrekend:
            raise DatasetFout(
                f"{self.naam}: kolom(men) {', '.join(ontbrekend)} ontbreken; verplicht zijn "
                f"{', '.join(verplichte_kolommen)}"
            )
        dubbel = sorted({k for k in self.kolommen if self.kolommen.count(k) > 1})
        if dubbel:
            raise DatasetFout(f"{self.naam}: kolom {dubbel[0]} staat er meer dan eens in")
        self.rijen: list[tuple[int, dict[str, str]]] = []
        # The physical line a record starts on: the reader counts lines, including blank lines it
        # skips and the lines of a quoted cell that spans several.
        volgende = lezer.line_num + 1
        for rij in lezer:
            regelnummer = volgende + _lege_regels_voor(tekst_regels, volgende)
            volgende = lezer.line_num + 1
            waarden = {k.strip(): (v or "").strip() for k, v in rij.items() if k is not None}
            if None in rij:
                raise DatasetFout(f"{self.plaats(regelnummer)}: meer cellen dan kolommen")
            if any(waarden.values()):
                self.rijen.append((regelnummer, waarden))

    def plaats(self, regelnummer: int) -> str:
        return f"{self.naam} regel {regelnummer}"


def _datum(tekst: str, kolom: str, plaats: str) -> datetime.date | None:
    if not tekst:
        return None
    try:
        return datetime.date.fromisoformat(tekst)
    except ValueError:
        raise DatasetFout(
            f"{plaats}: ongeldige datum {tekst!r} in kolom {kolom}; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-01-01"
        ) from None


def _geldigheid(rij: dict[str, str], plaats: str) -> Geldigheid:
    geldigheid = Geldigheid(
        _datum(rij.get("geldig_vanaf", ""), "geldig_vanaf", plaats),
        _datum(rij.get("geldig_tot", ""), "geldig_tot", plaats),
    )
    if geldigheid.vanaf and geldigheid.tot and geldigheid.tot < geldigheid.vanaf:
        raise DatasetFout(f"{plaats}: geldig_tot {geldigheid.tot} ligt vóór geldig_vanaf {geldigheid.vanaf}")
    return geldigheid


def _bool(tekst: str, kolom: str, plaats: str) -> bool:
    if tekst.lower() in WAAR:
        return True
    if tekst.lower() in ONWAAR:
        return False
    raise DatasetFout(
        f"{plaats}: ongeldige waarde {tekst!r} in kolom {kolom}; gebruik true of false (ook: ja/nee, 1/0)"
    )


def _fte(tekst: str, kolom: str, plaats: str) -> float:
    try:
        waarde = float(tekst.replace(",", "."))
    except ValueError:
        raise DatasetFout(f"{plaats}: ongeldig getal {tekst!r} in kolom {kolom}") from None
    if waarde < 0 or waarde != waarde:
        raise DatasetFout(f"{plaats}: negatieve of ongeldige fte {tekst!r} in kolom {kolom}; de formatie is 0 of meer")
    return waarde


# Every column a composition file may have: a misspelled one (geldig_tott) would otherwise be
# ignored and drop every end date without a word.
DIENST_KOLOMMEN = (
    "code",
    "naam",
    "seveso_omgevingsdienst",
    "provincies",
    "veiligheidsregios",
    "robuust_per_kamerbrief_2025",
    "geldig_vanaf",
    "geldig_tot",
    "datum_fusie",
    *BESCHRIJVENDE_KOLOMMEN,
)
DEELNEMER_KOLOMMEN = (
    "omgevingsdienst_code",
    "soort",
    "naam",
    "cbs_code",
    "provincie",
    "geldig_vanaf",
    "geldig_tot",
    *BESCHRIJVENDE_KOLOMMEN,
)


def _alleen_bekende_kolommen(bestand, toegestaan):
    for kolom in bestand.kolommen:
        if kolom not in toegestaan:
            suggestie = difflib.get_close_matches(kolom, toegestaan, n=1)
            hint = f"bedoelt u {suggestie[0]!r}? " if suggestie else ""
            raise DatasetFout(
                f"{bestand.naam}: onbekende kolom {kolom!r}; {hint}toegestaan zijn {', '.join(toegestaan)}"
            )


def lees_omgevingsdiensten(pad: Path) -> tuple[OmgevingsdienstRecord, ...]:
    """The omgevingsdiensten of ``omgevingsdiensten.csv`` at ``pad``, in file order.

    Raises :class:`DatasetFout` naming the line for a missing or unknown column, a bad code, date or
    boolean, a duplicate or a missing name, and for a file without omgevingsdiensten.
    """
    bestand = _Bestand(pad, ("code", "naam", "seveso_omgevingsdienst"))
    _alleen_bekende_kolommen(bestand, DIENST_KOLOMMEN)
    diensten = []
    gezien: dict[str, int] = {}
    for regelnummer, rij in bestand.rijen:
        plaats = bestand.plaats(regelnummer)
        code = rij["code"]
        if not DIENST_CODE_PATROON.fullmatch(code):
            raise DatasetFout(f"{plaats}: ongeldige code {code!r}; gebruik letters, cijfers, _ of -")
        if code in gezien:
            raise DatasetFout(f"{plaats}: dubbele omgevingsdienst {code!r} (ook op regel {gezien[code]})")
        gezien[code] = regelnummer
        if not rij["naam"]:
            raise DatasetFout(f"{plaats}: de naam van omgevingsdienst {code!r} ontbreekt")
        diensten.append(
            OmgevingsdienstRecord(
                code=code,
                naam=rij["naam"],
                is_seveso_omgevingsdienst=_bool(rij["seveso_omgevingsdienst"], "seveso_omgevingsdienst", plaats),
                geldigheid=_geldigheid(rij, plaats),
                bron=rij.get("bron", ""),
                extra={
                    k: v
                    for k, v in rij.items()
                    if k
                    not in (
                        "code",
                        "naam",
                        "seveso_omgevingsdienst",
                        "geldig_vanaf",
                        "geldig_tot",
                        "bron",
                        "datum_fusie",
                    )
                },
                datum_fusie=_datum(rij.get("datum_fusie", ""), "datum_fusie", plaats),
            )
        )
    if not diensten:
        raise DatasetFout(f"{bestand.naam}: bevat geen omgevingsdiensten")
    return tuple(diensten)


def lees_deelnemers(pad: Path, diensten: Sequence[OmgevingsdienstRecord]) -> tuple[DeelnemerRecord, ...]:
    """The deelnemers of ``deelnemers.csv`` at ``pad``, grouped by omgevingsdienst in the order of
    ``diensten`` (then file order).

    Raises :class:`DatasetFout` naming the line for a missing or unknown column, a missing name, an
    unknown dienst or soort, a bad CBS code or date, validity outside the dienst's, a duplicate, and a
    gemeente in two diensten at once.
    """
    bestand = _Bestand(pad, ("omgevingsdienst_code", "soort", "naam", "cbs_code"))
    _alleen_bekende_kolommen(bestand, DEELNEMER_KOLOMMEN)
    per_code = {dienst.code: dienst for dienst in diensten}
    deelnemers = []
    gezien: dict[str, int] = {}
    for regelnummer, rij in bestand.rijen:
        plaats = bestand.plaats(regelnummer)
        naam, soort, code = rij["naam"], rij["soort"], rij["cbs_code"]
        if not naam:
            raise DatasetFout(f"{plaats}: de naam van de deelnemer ontbreekt")
        dienst_code = rij["omgevingsdienst_code"]
        if not dienst_code:
            raise DatasetFout(
                f"{plaats}: deelnemer {naam!r} hoort bij geen omgevingsdienst; vul omgevingsdienst_code in"
            )
        if dienst_code not in per_code:
            raise DatasetFout(
                f"{plaats}: deelnemer {naam!r} hoort bij onbekende omgevingsdienst {dienst_code!r}; "
                f"die staat niet in omgevingsdiensten.csv"
            )
        if soort not in SOORTEN:
            raise DatasetFout(f"{plaats}: onbekende soort {soort!r}; kies {', '.join(SOORTEN)}")
        patroon = CBS_CODE_PATROON.get(soort)
        if patroon and not patroon.fullmatch(code):
            voorbeeld = "GM0363" if soort == "gemeente" else "PV26"
            raise DatasetFout(f"{plaats}: ongeldige cbs_code {code!r} voor een {soort}; bijvoorbeeld {voorbeeld}")
        geldigheid = _geldigheid(rij, plaats)
        dienst = per_code[dienst_code]
        if not dienst.geldigheid.omvat(geldigheid):
            raise DatasetFout(
                f"{plaats}: deelnemer {naam!r} is geldig ({geldigheid}) buiten de looptijd van "
                f"omgevingsdienst {dienst_code!r} ({dienst.geldigheid}); pas geldig_vanaf/geldig_tot aan"
            )
        id_ = deelnemer_id(dienst_code, code, naam)
        if id_ in gezien:
            raise DatasetFout(f"{plaats}: dubbele deelnemer {id_!r} (ook op regel {gezien[id_]})")
        gezien[id_] = regelnummer
        deelnemers.append(
            DeelnemerRecord(
                id_, dienst_code, soort, naam, code, geldigheid, rij.get("bron", ""), rij.get("provincie", "")
            )
        )
    _controleer_een_dienst_per_gemeente(deelnemers, bestand.naam)
    # Simulation order: by omgevingsdienst (file order), then deelnemer file order.
    volgorde = {dienst.code: i for i, dienst in enumerate(diensten)}
    return tuple(sorted(deelnemers, key=lambda d: volgorde[d.omgevingsdienst_code]))


def _controleer_een_dienst_per_gemeente(deelnemers: Sequence[DeelnemerRecord], bestandsnaam: str) -> None:
    # Ow art. 18.21: a gemeente lies in one werkgebied, so it takes part in one dienst at a time.
    per_gemeente: dict[str, list[DeelnemerRecord]] = {}
    for deelnemer in deelnemers:
        if deelnemer.soort != "gemeente":
            continue
        for andere in per_gemeente.get(deelnemer.code, []):
            if andere.geldigheid.overlapt(deelnemer.geldigheid):
                raise DatasetFout(
                    f"{bestandsnaam}: gemeente {deelnemer.naam!r} ({deelnemer.code}) neemt tegelijk deel in "
                    f"{andere.omgevingsdienst_code!r} en {deelnemer.omgevingsdienst_code!r}; een gemeente "
                    f"hoort op elk moment bij één omgevingsdienst"
                )
        per_gemeente.setdefault(deelnemer.code, []).append(deelnemer)


def _invoerkolommen(bestand, toegestaan):
    sleutels = ("omgevingsdienst_code", "deelnemer", "geldig_vanaf", "geldig_tot")
    kolommen = []
    for kolom in bestand.kolommen:
        if kolom in sleutels or kolom in BESCHRIJVENDE_KOLOMMEN:
            continue
        if kolom not in toegestaan:
            for prefix in TAAKCATEGORIE_PREFIXEN:
                if kolom.startswith(prefix) and prefix in {k[: len(prefix)] for k in toegestaan}:
                    raise DatasetFout(
                        f"{bestand.naam}: kolom {kolom!r} noemt onbekende taakcategorie "
                        f"{kolom[len(prefix) :]!r}; kies uit {', '.join(c.code for c in TAAKCATEGORIEEN)}"
                    )
            raise DatasetFout(
                f"{bestand.naam}: onbekende kolom {kolom!r}; toegestaan zijn {', '.join(toegestaan)} "
                f"(en toelichting, bron)"
            )
        kolommen.append(kolom)
    return kolommen


def _lees_invoer(pad, diensten, deelnemers, per_deelnemer):
    if not pad.is_file():
        return ()
    toegestaan = DEELNEMER_INVOER if per_deelnemer else DIENST_INVOER
    verplicht = ("omgevingsdienst_code", "deelnemer") if per_deelnemer else ("omgevingsdienst_code",)
    bestand = _Bestand(pad, verplicht)
    kolommen = _invoerkolommen(bestand, toegestaan)
    dienst_codes = {dienst.code for dienst in diensten}
    deelnemer_dienst = {deelnemer.id: deelnemer.omgevingsdienst_code for deelnemer in deelnemers}
    regels = []
    for regelnummer, rij in bestand.rijen:
        plaats = bestand.plaats(regelnummer)
        dienst_code = rij["omgevingsdienst_code"]
        if dienst_code not in dienst_codes:
            raise DatasetFout(
                f"{plaats}: onbekende omgevingsdienst {dienst_code!r}; die staat niet in omgevingsdiensten.csv"
            )
        deelnemer = rij["deelnemer"] if per_deelnemer else None
        if per_deelnemer and deelnemer != ALLE_DEELNEMERS:
            if deelnemer not in deelnemer_dienst:
                raise DatasetFout(
                    f"{plaats}: onbekende deelnemer {deelnemer!r}; gebruik <omgevingsdienst>:<cbs_code> "
                    f"(bijvoorbeeld odnzkg:GM0363) of * voor alle deelnemers"
                )
            if deelnemer_dienst[deelnemer] != dienst_code:
                raise DatasetFout(f"{plaats}: deelnemer {deelnemer!r} hoort niet bij omgevingsdienst {dienst_code!r}")
        waarden = {}
        for kolom in kolommen:
            if rij.get(kolom, ""):
                lees = _fte if toegestaan[kolom] is float else _bool
                waarden[kolom] = lees(rij[kolom], kolom, plaats)
        regels.append(InvoerRegel(dienst_code, deelnemer, _geldigheid(rij, plaats), waarden, plaats))
    _controleer_overlap(regels)
    return tuple(regels)


def _controleer_overlap(regels: Sequence[InvoerRegel]) -> None:
    per_sleutel: dict[tuple[str, str | None], list[InvoerRegel]] = {}
    for regel in regels:
        sleutel = (regel.omgevingsdienst_code, regel.deelnemer)
        for andere in per_sleutel.get(sleutel, []):
            if andere.geldigheid.overlapt(regel.geldigheid):
                wie = regel.deelnemer or regel.omgevingsdienst_code
                raise DatasetFout(
                    f"{regel.plaats}: invoer voor {wie!r} overlapt in tijd met {andere.plaats}; "
                    f"laat geldig_vanaf/geldig_tot van regels voor dezelfde dienst of deelnemer niet overlappen"
                )
        per_sleutel.setdefault(sleutel, []).append(regel)


def _controleer_overlap_per_code(regels: Sequence[DatumRegel], wat: str) -> None:
    per_code: dict[str, list[DatumRegel]] = {}
    for regel in regels:
        for andere in per_code.get(regel.cbs_code, []):
            if andere.geldigheid.overlapt(regel.geldigheid):
                raise DatasetFout(
                    f"{regel.plaats}: {wat} voor {regel.cbs_code!r} overlapt in tijd met {andere.plaats}; "
                    f"laat geldig_vanaf/geldig_tot niet overlappen"
                )
        per_code.setdefault(regel.cbs_code, []).append(regel)


def lees_seveso_taken(pad: Path, diensten: Sequence[OmgevingsdienstRecord]) -> tuple[DatumRegel, ...]:
    """Where each provincie has placed its Seveso and RIE-4 tasks (a dienst code or eigen_beheer), dated,
    from ``seveso_taken.csv`` at ``pad``; empty without that file.

    Raises :class:`DatasetFout` naming the line for a bad provincie code, an unknown dienst, a bad date
    or overlapping rows for one provincie.
    """
    if not pad.is_file():
        return ()
    from openfisca_vth.enums import EIGEN_BEHEER

    bestand = _Bestand(pad, ("provincie", "ondergebracht_bij"))
    codes = {dienst.code for dienst in diensten}
    regels = []
    for regelnummer, rij in bestand.rijen:
        plaats = bestand.plaats(regelnummer)
        provincie, bij = rij["provincie"], rij["ondergebracht_bij"]
        if not CBS_CODE_PATROON["provincie"].fullmatch(provincie):
            raise DatasetFout(f"{plaats}: ongeldige provinciecode {provincie!r}; bijvoorbeeld PV26")
        if bij != EIGEN_BEHEER and bij not in codes:
            raise DatasetFout(
                f"{plaats}: onbekende omgevingsdienst {bij!r} in ondergebracht_bij; geef een code uit "
                f"omgevingsdiensten.csv of {EIGEN_BEHEER}"
            )
        regels.append(DatumRegel(provincie, bij, _geldigheid(rij, plaats), plaats))
    _controleer_overlap_per_code(regels, "de plaatsing van Seveso-taken")
    return tuple(regels)


def lees_wbb_gemeenten(pad: Path) -> tuple[DatumRegel, ...]:
    """The gemeenten equated with a provincie for the Wet bodembescherming (art. 88), dated, from
    ``wbb_gelijkgestelde_gemeenten.csv`` at ``pad`` (``waarde``: whether it was verified); empty
    without that file. Raises :class:`DatasetFout` naming the line for a bad code, boolean or date,
    or overlapping rows for one gemeente.
    """
    if not pad.is_file():
        return ()
    bestand = _Bestand(pad, ("cbs_code", "naam", "geverifieerd"))
    regels = []
    for regelnummer, rij in bestand.rijen:
        plaats = bestand.plaats(regelnummer)
        if not CBS_CODE_PATROON["gemeente"].fullmatch(rij["cbs_code"]):
            raise DatasetFout(f"{plaats}: ongeldige gemeentecode {rij['cbs_code']!r}; bijvoorbeeld GM0363")
        geverifieerd = _bool(rij["geverifieerd"], "geverifieerd", plaats)
        regels.append(DatumRegel(rij["cbs_code"], geverifieerd, _geldigheid(rij, plaats), plaats))
    _controleer_overlap_per_code(regels, "de gelijkstelling")
    return tuple(regels)


class _TekstLezer(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so an impossible date (2026-02-30) gets a one-line error."""


_TekstLezer.yaml_implicit_resolvers = {
    teken: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for teken, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def lees_metadata(pad: Path, standaardnaam: str) -> Metadata:
    """The :class:`Metadata` in ``dataset.yaml`` at ``pad``; without that file, ``standaardnaam``, not
    illustrative, no note, unlimited coverage. Raises :class:`DatasetFout` for text that is not UTF-8
    or YAML, an unknown key or a bad value.
    """
    if not pad.is_file():
        return Metadata(standaardnaam, False, "", Geldigheid())
    try:
        with open(pad, encoding="utf-8") as bestand:
            tekst = bestand.read()
    except UnicodeDecodeError:
        raise DatasetFout(f"{pad.name} is geen UTF-8-tekst: sla het bestand op als UTF-8") from None
    try:
        inhoud = yaml.load(tekst, Loader=_TekstLezer) or {}
    except yaml.YAMLError as fout:
        regel = getattr(getattr(fout, "problem_mark", None), "line", -1) + 1
        raise DatasetFout(f"{pad.name} regel {regel}: geen geldige YAML") from None
    if not isinstance(inhoud, dict):
        raise DatasetFout(f"{pad.name}: verwacht sleutels naam, dekking, illustratief, toelichting")
    onbekend = sorted(set(inhoud) - {"naam", "dekking", "illustratief", "toelichting"})
    if onbekend:
        raise DatasetFout(
            f"{pad.name}: onbekende sleutel {onbekend[0]!r}; toegestaan zijn naam, dekking, illustratief, toelichting"
        )
    dekking = inhoud.get("dekking") or {}
    if not isinstance(dekking, dict):
        raise DatasetFout(f"{pad.name}: dekking moet de sleutels vanaf en tot hebben")
    geldigheid = _geldigheid(
        {"geldig_vanaf": str(dekking.get("vanaf") or ""), "geldig_tot": str(dekking.get("tot") or "")},
        f"{pad.name} dekking",
    )
    illustratief = inhoud.get("illustratief", False)
    if not isinstance(illustratief, bool):
        raise DatasetFout(f"{pad.name}: illustratief moet true of false zijn")
    return Metadata(
        str(inhoud.get("naam") or standaardnaam), illustratief, str(inhoud.get("toelichting") or "").strip(), geldigheid
    )


def lees_map(
    map_: str | os.PathLike[str],
) -> tuple[
    Metadata,
    tuple[OmgevingsdienstRecord, ...],
    tuple[DeelnemerRecord, ...],
    tuple[InvoerRegel, ...],
    tuple[InvoerRegel, ...],
    tuple[DatumRegel, ...],
    tuple[DatumRegel, ...],
]:
    """Read and validate the dataset folder ``map_``; return its parts: metadata, diensten, deelnemers,
    dienst inputs, deelnemer inputs, Seveso placements and Wbb gemeenten (the arguments of
    :class:`~openfisca_vth.dataset.Dataset` after its source).

    Raises :class:`DatasetFout` for a folder that does not exist, is no folder, lacks a required file,
    or holds an invalid file.
    """
    map_ = Path(map_)
    if not map_.exists():
        raise DatasetFout(
            f"dataset {str(map_)!r} niet gevonden; geef een map met omgevingsdiensten.csv en deelnemers.csv"
        )
    if not map_.is_dir():
        raise DatasetFout(
            f"dataset {str(map_)!r} is geen map; een dataset is een map met omgevingsdiensten.csv "
            "en deelnemers.csv (zie docs/dataset.md)"
        )
    for verplicht in ("omgevingsdiensten.csv", "deelnemers.csv"):
        if not (map_ / verplicht).is_file():
            raise DatasetFout(f"dataset {str(map_)!r}: bestand {verplicht} ontbreekt")
    metadata = lees_metadata(map_ / "dataset.yaml", map_.name)
    diensten = lees_omgevingsdiensten(map_ / "omgevingsdiensten.csv")
    deelnemers = lees_deelnemers(map_ / "deelnemers.csv", diensten)
    invoer_diensten = _lees_invoer(map_ / "invoer_omgevingsdiensten.csv", diensten, deelnemers, False)
    invoer_deelnemers = _lees_invoer(map_ / "invoer_deelnemers.csv", diensten, deelnemers, True)
    seveso_taken = lees_seveso_taken(map_ / "seveso_taken.csv", diensten)
    wbb_gemeenten = lees_wbb_gemeenten(map_ / "wbb_gelijkgestelde_gemeenten.csv")
    return metadata, diensten, deelnemers, invoer_diensten, invoer_deelnemers, seveso_taken, wbb_gemeenten

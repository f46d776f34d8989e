"""The main jobs of openfisca-vth as one typed library API (issue 12).

A :class:`Rekenmodel` holds a dataset (the embedded national one unless given) and every
tax-benefit system built from it, so that many questions cost one calculation each::

    from openfisca_vth import Rekenmodel

    model = Rekenmodel()
    rapport = model.status("2026-04")                           # Statusrapport
    rapport.totalen["robuust"]
    model.vergelijk(["wetsvoorstel_versterking_vth", "uitstel_termijn_2027"], "2027-01")
    model.verklaar("odra", "2026-04").naar_dict()
    model.tijdlijn("2025-01:2027-12", hervorming="wetsvoorstel_versterking_vth")
    model.varieer("robuustheidscriteria.kritieke_massa.minimum_fte_formatie", "0:300:50", "2026-04")

The module functions of the same names (:func:`status`, :func:`vergelijk`, ...) use one shared
model of the embedded dataset. The command line and the Web API call these same methods, so a
result is the same whichever way it is asked for; ``naar_dict()`` on a result is the JSON the
command line prints with ``--format json`` (one schema: :mod:`openfisca_vth.uitvoerschema`).

Reforms are named as everywhere in the package (:func:`openfisca_vth.reforms.laad_hervorming`): a
Python reform, a shipped reform file, a path to a reform file, or ``A+B``; or a :class:`Hervorming`
from :meth:`Rekenmodel.hervorming_uit_tekst` (a reform file's text, e.g. from a request body).
Every bad input raises a :class:`~openfisca_vth.errors.VTHInvoerFout` whose message is one Dutch
line that says what is wrong and how to put it right.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openfisca_vth.errors import VTHInvoerFout, onbekende_variabele
from openfisca_vth.periode import maand, maanden
from openfisca_vth.vergelijking import HUIDIG_RECHT

if TYPE_CHECKING:
    from openfisca_core.taxbenefitsystems import TaxBenefitSystem

    from openfisca_vth.aannames import Aannameanalyse
    from openfisca_vth.dataset import Dataset
    from openfisca_vth.rapport import Regel, Statusrapport
    from openfisca_vth.tijdlijn import Tijdlijn, Tijdlijnvergelijking
    from openfisca_vth.variatie import Variatie
    from openfisca_vth.vergelijking import Variantenvergelijking, Vergelijking
    from openfisca_vth.verklaring import Verklaring

MAXIMUM_SYSTEMEN = 64  # reformed systems a model keeps (about 1 MB each); the oldest unused goes first
MAXIMUM_RAPPORTEN = 256  # status reports a model keeps (about 100 kB each)


@dataclass(frozen=True)
class Hervorming:
    """A reform applied: ``naam`` as the reports name it, the ``systeem`` it built, and the text it
    came from (``spec``: the name or path given, or None for a reform file's text)."""

    naam: str
    systeem: Any  # TaxBenefitSystem (openfisca-core is untyped)
    spec: str | None = None


HervormingLike = str | Hervorming | None


def label(spec: str) -> str:
    """A reform as reports name it: a file by its stem (``mijn.yaml`` -> ``mijn``), a name as itself."""
    return "+".join(Path(deel).stem if deel.endswith((".yaml", ".yml")) else deel for deel in spec.split("+"))


def huidige_maand() -> str:
    """This month as ``JJJJ-MM`` (the period a question without one is about)."""
    import datetime

    return datetime.date.today().strftime("%Y-%m")


class Rekenmodel:
    """A dataset and the systems built for it, shared by many questions (thread-safe).

    ``dataset`` is a :class:`~openfisca_vth.dataset.Dataset`, a folder with one (docs/dataset.md),
    or None for the embedded national dataset; ``systeem`` the current-law system (built when
    None). Raises ``DatasetFout`` (a ``VTHInvoerFout``) for a folder that is not a valid dataset.
    """

    def __init__(
        self, dataset: Dataset | str | os.PathLike[str] | None = None, systeem: TaxBenefitSystem | None = None
    ) -> None:
        from openfisca_vth.dataset import Dataset, laad_dataset

        self.dataset: Dataset = dataset if isinstance(dataset, Dataset) else laad_dataset(dataset)
        self.huidig_recht: TaxBenefitSystem = systeem if systeem is not None else gedeeld_huidig_recht()
        self._systemen: OrderedDict[tuple[Any, ...], Hervorming] = OrderedDict()
        self._rapporten: OrderedDict[tuple[Any, ...], Statusrapport] = OrderedDict()
        self._slot = threading.Lock()

    # -- reforms ---------------------------------------------------------------------------------

    def hervorming(self, spec: HervormingLike, basis: HervormingLike = None) -> Hervorming:
        """The reform ``spec`` applied to ``basis`` (current law when None), built once per model.

        ``spec`` None is ``basis`` itself. A reform file is read again when it changed on disk.
        Raises ``HervormingsFout`` / ``HervormingsbestandFout`` (``VTHInvoerFout``) in one line.
        """
        onder = self._basis(basis)
        if spec is None:
            return onder
        if isinstance(spec, Hervorming):
            if onder.spec is None and onder.naam == HUIDIG_RECHT:
                return spec
            raise VTHInvoerFout("een hervorming uit tekst kan niet op een basis: geef haar als naam of bestand")
        if not isinstance(spec, str) or not spec.strip():
            raise VTHInvoerFout("geef een hervorming: een naam, een pad naar een .yaml-bestand of A+B")
        spec = spec.strip()
        # keyed by the basis itself (a reform from text has no spec; a basis file read again is
        # another basis), the text and, for a file, its version on disk
        sleutel = (onder, spec, _bestandsversie(spec))
        return self._bewaar(sleutel, lambda: Hervorming(label(spec), _laad(spec, onder.systeem), spec))

    def hervorming_uit_tekst(self, tekst: str, bestand: str = "hervormingsbestand") -> Hervorming:
        """The reform in ``tekst`` (a reform file's YAML, docs/reforms.md) applied to current law.

        ``bestand`` names the text in messages. Raises ``HervormingsbestandFout`` with the line.
        """
        from openfisca_vth.reforms.hervormingsbestand import lees_hervormingstekst, maak_hervormingsklasse

        sleutel = ("tekst", hashlib.sha256(str(tekst).encode("utf-8", "replace")).hexdigest())

        def bouw() -> Hervorming:
            spec = lees_hervormingstekst(tekst, bestand)
            return Hervorming(spec.naam, maak_hervormingsklasse(spec)(self.huidig_recht))

        return self._bewaar(sleutel, bouw)

    def _basis(self, basis: HervormingLike) -> Hervorming:
        if basis is None:
            return Hervorming(HUIDIG_RECHT, self.huidig_recht)
        return basis if isinstance(basis, Hervorming) else self.hervorming(basis)

    def _bewaar(self, sleutel: tuple[Any, ...], bouw: Any) -> Hervorming:
        with self._slot:
            if sleutel in self._systemen:
                self._systemen.move_to_end(sleutel)
                return self._systemen[sleutel]
        gebouwd = bouw()  # outside the lock: a slow reform does not hold up the others
        with self._slot:
            self._systemen[sleutel] = gebouwd
            while len(self._systemen) > MAXIMUM_SYSTEMEN:
                self._systemen.popitem(last=False)
        return gebouwd

    def systeem(self, hervorming: HervormingLike = None) -> TaxBenefitSystem:
        """The tax-benefit system of ``hervorming`` (current law when None), built once per model."""
        return self._systeem(hervorming)[1]

    def _systeem(self, hervorming: HervormingLike) -> tuple[str | None, Any]:
        """(label for the report, system): None and current law without a reform."""
        if hervorming is None:
            return None, self.huidig_recht
        gekozen = self.hervorming(hervorming)
        return gekozen.spec or gekozen.naam, gekozen.systeem

    # -- the main jobs ---------------------------------------------------------------------------

    def status(
        self, periode: str | None = None, hervorming: HervormingLike = None, met_regels: bool = False
    ) -> Statusrapport:
        """The :class:`~openfisca_vth.rapport.Statusrapport` of month ``periode`` (``JJJJ-MM``; this
        month when None) under ``hervorming``. ``met_regels`` traces the calculation and lists
        every rule it read with value, status and sources. Raises ``VTHInvoerFout``."""
        from openfisca_vth.rapport import bereken_status

        maand_ = _maand(periode)
        naam, systeem = self._systeem(hervorming)
        # a report is immutable (frozen, tuples): the same question shares one answer
        sleutel = (str(maand_), naam, systeem, met_regels)
        with self._slot:
            if sleutel in self._rapporten:
                self._rapporten.move_to_end(sleutel)
                return self._rapporten[sleutel]
        rapport = bereken_status(self.dataset, systeem, maand_, hervorming=naam, met_regels=met_regels)
        with self._slot:
            self._rapporten[sleutel] = rapport
            while len(self._rapporten) > MAXIMUM_RAPPORTEN:
                self._rapporten.popitem(last=False)
        return rapport

    def tijdlijn(self, perioden: str, hervorming: HervormingLike = None) -> Tijdlijn:
        """The :class:`~openfisca_vth.tijdlijn.Tijdlijn` over ``perioden`` (``BEGIN:EINDE`` or one
        ``JJJJ-MM``): one status report per month, with the dates where rules change."""
        from openfisca_vth.tijdlijn import bereken_tijdlijn

        reeks = maanden(perioden)
        naam, systeem = self._systeem(hervorming)
        return bereken_tijdlijn(self.dataset, systeem, reeks, hervorming=naam)

    def vergelijk(
        self,
        varianten: Sequence[HervormingLike],
        periode: str | None = None,
        basis: HervormingLike = None,
        variabelen: Sequence[str] | None = None,
    ) -> Vergelijking | Variantenvergelijking | Tijdlijnvergelijking:
        """Each reform in ``varianten`` against ``basis`` (current law when None), each applied on
        top of ``basis``, on the model's dataset in ``periode`` (``JJJJ-MM``, or ``BEGIN:EINDE`` for a
        :class:`~openfisca_vth.tijdlijn.Tijdlijnvergelijking`). One variant gives a
        :class:`~openfisca_vth.vergelijking.Vergelijking`, more a ``Variantenvergelijking``.
        ``variabelen`` limits the differences shown to those variables (one month only)."""
        from openfisca_vth.vergelijking import vergelijk_varianten

        reeks = maanden(huidige_maand() if periode is None else periode)
        voor, gekozen = self.varianten(varianten, basis)
        paren = [(h.naam, h.systeem) for h in gekozen]
        basisnaam = voor.naam if basis is not None else None
        namen_variabelen = None
        if variabelen:
            namen_variabelen = self.controleer_variabelen(variabelen, [voor.systeem, *(h.systeem for h in gekozen)])
        if len(reeks) > 1:
            if variabelen:
                raise VTHInvoerFout(
                    "variabelen gelden voor één maand; een tijdlijn toont robuust en bijsturing per maand"
                )
            return self._tijdlijnvergelijking(reeks, voor, basisnaam, paren)
        periode_ = reeks[0]
        namen = {d.id: d.naam for d in self.dataset.omgevingsdiensten(periode_)}
        namen.update({d.id: d.naam for d in self.dataset.deelnemers(periode_)})
        return vergelijk_varianten(
            voor.systeem,
            paren,
            periode_,
            self.dataset.simulatie,
            namen=namen,
            variabelen=namen_variabelen,
            basis=basisnaam,
            invoer=f"dataset {self.dataset.naam}",
            waarschuwing=" ".join(self.dataset.toelichting.split()) if self.dataset.illustratief else "",
            huidig=self.huidig_recht if basis is not None else None,
            dataset=self.dataset,
        )

    def _tijdlijnvergelijking(
        self, reeks: Sequence[Any], voor: Hervorming, basisnaam: str | None, paren: list[tuple[str, Any]]
    ) -> Tijdlijnvergelijking:
        from openfisca_vth.tijdlijn import Tijdlijnvergelijking, bereken_tijdlijn

        naam = basisnaam or HUIDIG_RECHT
        return Tijdlijnvergelijking(
            naam,
            bereken_tijdlijn(self.dataset, voor.systeem, reeks, hervorming=naam),
            tuple((n, bereken_tijdlijn(self.dataset, systeem, reeks, hervorming=n)) for n, systeem in paren),
        )

    def varianten(
        self, varianten: Sequence[HervormingLike], basis: HervormingLike = None
    ) -> tuple[Hervorming, list[Hervorming]]:
        """(the basis, each variant applied on top of it); raises ``VTHInvoerFout`` when none is
        given or two variants have the same name."""
        if not varianten:
            raise VTHInvoerFout("geef ten minste één variant (een hervorming) om te vergelijken")
        voor = self._basis(basis)
        gekozen = [self.hervorming(spec, voor if isinstance(spec, str) else None) for spec in varianten]
        namen = [h.naam for h in gekozen]
        for i, naam in enumerate(namen):
            if naam in namen[:i]:
                raise VTHInvoerFout(f"variant {naam!r} is meer dan eens gegeven; geef elke variant één keer")
        return voor, gekozen

    @staticmethod
    def controleer_variabelen(namen: Sequence[str], systemen: Sequence[Any]) -> list[str]:
        """``namen`` stripped, each a variable of every system in ``systemen``; else ``VTHInvoerFout``
        with the nearest names."""
        gekozen = [str(naam).strip() for naam in namen if str(naam).strip()]
        if not gekozen:
            raise VTHInvoerFout("geef ten minste één variabele")
        for systeem in systemen:
            for naam in gekozen:
                if naam not in systeem.variables:
                    raise VTHInvoerFout(onbekende_variabele(naam, systeem))
        return gekozen

    def verklaar(self, code: str, periode: str | None = None, hervorming: HervormingLike = None) -> Verklaring:
        """Why dienst ``code`` (e.g. ``odra``) is (not) robuust, or why deelnemer ``code`` (e.g.
        ``odra:GM0202``) falls short, in ``periode``, from OpenFisca's trace: a
        :class:`~openfisca_vth.verklaring.Verklaring`. Raises ``OnbekendeCode`` for an unknown code."""
        from openfisca_vth.verklaring import verklaar

        maand_ = _maand(periode)
        naam, systeem = self._systeem(hervorming)
        return verklaar(self.dataset, systeem, maand_, str(code), hervorming=naam)

    def varieer(
        self,
        parameter: str,
        waarden: str | Sequence[Any],
        periode: str | None = None,
        hervorming: HervormingLike = None,
    ) -> Variatie:
        """The outcomes when ``parameter`` (dotted path) takes each of ``waarden`` in ``periode``:
        ``START:STOP[:STAP]`` or ``W1,W2`` as text (read as the parameter's type), or a list of
        values. A :class:`~openfisca_vth.variatie.Variatie`; raises ``VariatieFout`` (a
        ``VTHInvoerFout``) for an unknown parameter or a value of the wrong type."""
        from openfisca_vth.variatie import lees_waarden, varieer_in, zoek_parameter

        maand_ = _maand(periode)
        naam, systeem = self._systeem(hervorming)
        if isinstance(waarden, str):
            waarden = lees_waarden(waarden, zoek_parameter(systeem.parameters, parameter))
        return varieer_in(self.dataset, self.huidig_recht, systeem, parameter, list(waarden), maand_, naam)

    def aannames(self, periode: str | None = None, hervorming: HervormingLike = None) -> Aannameanalyse:
        """Every ``aanname`` in force in ``periode`` that a formula reads, under its alternatives:
        which conclusions rest on it (:class:`~openfisca_vth.aannames.Aannameanalyse`)."""
        from openfisca_vth.aannames import analyseer_aannames

        maand_ = _maand(periode)
        naam, systeem = self._systeem(hervorming)
        return analyseer_aannames(self.dataset, self.huidig_recht, maand_, naam, systeem)

    def regels(self, periode: str | None = None, hervorming: HervormingLike = None) -> list[Regel]:
        """Every rule (parameter leaf) in force on the peildatum of ``periode`` (its last day, on which
        the formulas read the rules), with its value, legal status (``wet``, ``amvb``, ..., ``aanname``)
        and sources; rules not yet in force are left out. A list of
        :class:`~openfisca_vth.rapport.Regel`, sorted by name."""
        from openfisca_vth.metadata import bladeren, waarde_in_werking
        from openfisca_vth.periode import peildatum
        from openfisca_vth.rapport import Regel

        dag = peildatum(_maand(periode))
        _, systeem = self._systeem(hervorming)
        uitkomst = []
        for blad in bladeren(systeem.parameters):
            waarde = waarde_in_werking(blad, dag)
            if waarde is None:
                continue
            metadata = {**blad.metadata, **(waarde.metadata or {})}
            uitkomst.append(
                Regel(blad.name, waarde.value, metadata.get("status", ""), tuple(metadata.get("reference", [])))
            )
        return sorted(uitkomst, key=lambda r: r.parameter)


def _maand(periode: str | None) -> Any:
    """The month ``periode`` (``JJJJ-MM``) checked, or this month when None (an empty text is a mistake)."""
    return maand(huidige_maand() if periode is None else periode)


def _bestandsversie(spec: str) -> tuple[Any, ...]:
    """What makes a cached reform stale: the size and time of each reform file ``spec`` names."""
    versie = []
    for deel in spec.split("+"):
        try:
            info = os.stat(deel)
        except (OSError, ValueError):
            continue
        versie.append((deel, info.st_mtime_ns, info.st_size))
    return tuple(versie)


def _laad(spec: str, basis: Any) -> Any:
    from openfisca_vth.reforms import laad_hervorming

    return laad_hervorming(spec, basis)


# -- one shared model of the embedded dataset, for the module functions ----------------------------

_gedeeld_slot = threading.RLock()
_huidig_recht: TaxBenefitSystem | None = None


def gedeeld_huidig_recht() -> TaxBenefitSystem:
    """The current-law system every model of this process shares when it is given none.

    A system is only read (a reform applies to a copy, ``tests/test_hervormingen.py``), so one per
    process serves every model, command and request; building it costs more than a status.
    """
    global _huidig_recht
    with _gedeeld_slot:
        if _huidig_recht is None:
            from openfisca_vth import CountryTaxBenefitSystem

            _huidig_recht = CountryTaxBenefitSystem()
        return _huidig_recht


_gedeeld: Rekenmodel | None = None


def gedeeld_model() -> Rekenmodel:
    """The model of the embedded national dataset that the module functions share (built once)."""
    global _gedeeld
    with _gedeeld_slot:
        if _gedeeld is None:
            _gedeeld = Rekenmodel()
        return _gedeeld


def status(periode: str | None = None, hervorming: HervormingLike = None, met_regels: bool = False) -> Statusrapport:
    """:meth:`Rekenmodel.status` on the embedded national dataset."""
    return gedeeld_model().status(periode, hervorming, met_regels)


def status_per_maand(perioden: str, hervorming: HervormingLike = None) -> Tijdlijn:
    """:meth:`Rekenmodel.tijdlijn` on the embedded national dataset: the status of every month of
    ``perioden`` (``BEGIN:EINDE``). (Not named ``tijdlijn``: that is the module of the result.)"""
    return gedeeld_model().tijdlijn(perioden, hervorming)


def vergelijk(
    varianten: Sequence[HervormingLike],
    periode: str | None = None,
    basis: HervormingLike = None,
    variabelen: Sequence[str] | None = None,
) -> Vergelijking | Variantenvergelijking | Tijdlijnvergelijking:
    """:meth:`Rekenmodel.vergelijk` on the embedded national dataset."""
    return gedeeld_model().vergelijk(varianten, periode, basis, variabelen)


def verklaar(code: str, periode: str | None = None, hervorming: HervormingLike = None) -> Verklaring:
    """:meth:`Rekenmodel.verklaar` on the embedded national dataset."""
    return gedeeld_model().verklaar(code, periode, hervorming)


def varieer(
    parameter: str, waarden: str | Sequence[Any], periode: str | None = None, hervorming: HervormingLike = None
) -> Variatie:
    """:meth:`Rekenmodel.varieer` on the embedded national dataset."""
    return gedeeld_model().varieer(parameter, waarden, periode, hervorming)


def toets_aannames(periode: str | None = None, hervorming: HervormingLike = None) -> Aannameanalyse:
    """:meth:`Rekenmodel.aannames` on the embedded national dataset. (Not named ``aannames``: that is
    the module of the result.)"""
    return gedeeld_model().aannames(periode, hervorming)


def regels(periode: str | None = None, hervorming: HervormingLike = None) -> list[Regel]:
    """:meth:`Rekenmodel.regels` on the embedded national dataset."""
    return gedeeld_model().regels(periode, hervorming)

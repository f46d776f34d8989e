"""A dated dataset of omgevingsdiensten and deelnemers, and its OpenFisca simulation per month."""

# mypy: check-untyped-defs

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import ETERNITY
from openfisca_core.simulations import Simulation

from openfisca_vth.dataset.fouten import DatasetBuitenDekking, DatasetFout
from openfisca_vth.dataset.invoer import SEVESO_VARIABELE
from openfisca_vth.dataset.lezen import (
    ALLE_DEELNEMERS,
    DatumRegel,
    DeelnemerRecord,
    Geldigheid,
    InvoerRegel,
    Metadata,
    OmgevingsdienstRecord,
    lees_map,
)
from openfisca_vth.periode import maand, peildatum

if TYPE_CHECKING:
    from openfisca_core.periods import Period
    from openfisca_core.taxbenefitsystems import TaxBenefitSystem

INGEBOUWD = "ingebouwd"
KOPIE = "kopie"  # the input that tells the copies of a stacked simulation apart
INGEBOUWD_DIR = Path(__file__).parent / INGEBOUWD


class Dataset:
    """Omgevingsdiensten, their deelnemers and the dated inputs, valid per month.

    A month's composition and inputs are those valid on its peildatum (last day), like the
    rules (``openfisca_vth.periode``): a dienst that starts on 1 January exists in January.
    Build one with :func:`laad_dataset`; ``bron`` is ``"ingebouwd"`` or the folder it was read from.
    """

    bron: str
    naam: str
    illustratief: bool
    toelichting: str
    dekking: Geldigheid

    def __init__(
        self,
        bron: str,
        metadata: Metadata,
        diensten: Sequence[OmgevingsdienstRecord],
        deelnemers: Sequence[DeelnemerRecord],
        invoer_diensten: Sequence[InvoerRegel],
        invoer_deelnemers: Sequence[InvoerRegel],
        seveso_taken: Sequence[DatumRegel] = (),
        wbb_gemeenten: Sequence[DatumRegel] = (),
    ) -> None:
        self.bron = bron
        self.naam = metadata.naam
        self.illustratief = metadata.illustratief
        self.toelichting = metadata.toelichting
        self.dekking = metadata.dekking
        self._diensten = diensten
        self._deelnemers = deelnemers
        self._invoer_diensten = invoer_diensten
        self._invoer_deelnemers = invoer_deelnemers
        self._seveso_taken = seveso_taken
        self._wbb_gemeenten = wbb_gemeenten

    @property
    def omschrijving(self) -> str:
        """'de ingebouwde dataset' or 'dataset <path>', for messages."""
        return "de ingebouwde dataset" if self.bron == INGEBOUWD else f"dataset {self.bron}"

    def __repr__(self) -> str:
        return f"<Dataset {self.naam!r} uit {self.bron}>"

    def _dag(self, periode: str | Period) -> tuple[Period, datetime.date]:
        periode = maand(periode)
        dag = peildatum(periode).date
        if not self.dekking.geldt_op(dag):
            raise DatasetBuitenDekking(
                f"periode {periode} valt buiten de dekking van {self.omschrijving} "
                f"({self.dekking}); kies een maand daarbinnen of een dataset die die maand dekt (docs/dataset.md)"
            )
        return periode, dag

    def omgevingsdiensten(self, periode: str | Period) -> list[OmgevingsdienstRecord]:
        """The omgevingsdiensten that exist in month ``periode`` (``JJJJ-MM`` or a period), in simulation order.

        Raises :class:`DatasetBuitenDekking` for a month outside the dataset's coverage or without
        omgevingsdiensten, and the errors of :func:`openfisca_vth.periode.maand` for a bad month.
        """
        _, dag = self._dag(periode)
        diensten = [dienst for dienst in self._diensten if dienst.geldigheid.geldt_op(dag)]
        if not diensten:
            raise DatasetBuitenDekking(f"{self.omschrijving} heeft geen omgevingsdiensten in {maand(periode)}")
        return diensten

    def deelnemers(self, periode: str | Period) -> list[DeelnemerRecord]:
        """The deelnemers in month ``periode``, in simulation order (grouped by omgevingsdienst).

        Raises as :meth:`omgevingsdiensten` does for a month outside the coverage or a bad month.
        """
        _, dag = self._dag(periode)
        return [deelnemer for deelnemer in self._deelnemers if deelnemer.geldigheid.geldt_op(dag)]

    def _samenstelling(self, periode: Period) -> tuple[list[OmgevingsdienstRecord], list[DeelnemerRecord]]:
        diensten = self.omgevingsdiensten(periode)
        deelnemers = self.deelnemers(periode)
        met_deelnemers = {deelnemer.omgevingsdienst_code for deelnemer in deelnemers}
        for dienst in diensten:
            if dienst.code not in met_deelnemers:
                raise DatasetFout(
                    f"omgevingsdienst {dienst.code!r} heeft in {maand(periode)} geen deelnemers; "
                    f"vul deelnemers.csv aan of beperk de geldigheid van de dienst"
                )
        return diensten, deelnemers

    def invoer(self, periode: str | Period) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
        """The inputs valid in month ``periode``: ({variable: {dienst code: value}}, {variable: {deelnemer id:
        value}}). Raises as :meth:`omgevingsdiensten` does for a month outside the coverage."""
        _, dag = self._dag(periode)
        dienst_invoer: dict[str, dict[str, Any]] = {}
        for regel in self._invoer_diensten:
            if regel.geldigheid.geldt_op(dag):
                for variabele, waarde in regel.waarden.items():
                    dienst_invoer.setdefault(variabele, {})[regel.omgevingsdienst_code] = waarde
        # A "*" row applies to every deelnemer of its dienst; a row naming a deelnemer overrides it
        # cell by cell.
        per_dienst: dict[str, dict[str, bool | float]] = {}
        per_deelnemer: dict[str | None, dict[str, bool | float]] = {}
        for regel in self._invoer_deelnemers:
            if regel.geldigheid.geldt_op(dag):
                if regel.deelnemer == ALLE_DEELNEMERS:
                    per_dienst[regel.omgevingsdienst_code] = regel.waarden
                else:
                    per_deelnemer[regel.deelnemer] = regel.waarden
        deelnemer_invoer: dict[str, dict[str, Any]] = {}
        for deelnemer in self.deelnemers(periode):
            waarden = {**per_dienst.get(deelnemer.omgevingsdienst_code, {}), **per_deelnemer.get(deelnemer.id, {})}
            for variabele, waarde in waarden.items():
                deelnemer_invoer.setdefault(variabele, {})[deelnemer.id] = waarde
        return dienst_invoer, deelnemer_invoer

    def _per_code(self, regels: Sequence[DatumRegel], dag: datetime.date) -> dict[str, object]:
        return {regel.cbs_code: regel.waarde for regel in regels if regel.geldigheid.geldt_op(dag)}

    def seveso_plaatsing(self, periode: str | Period) -> dict[str, object]:
        """{provincie CBS code: dienst code or eigen_beheer} valid in month ``periode`` (seveso_taken.csv).

        Raises as :meth:`omgevingsdiensten` does for a month outside the coverage.
        """
        _, dag = self._dag(periode)
        return self._per_code(self._seveso_taken, dag)

    def wbb_gelijkgestelde_gemeenten(self, periode: str | Period) -> dict[str, object]:
        """{gemeente CBS code: verified?} of the gemeenten equated with a provincie in month ``periode``.

        Raises as :meth:`omgevingsdiensten` does for a month outside the coverage.
        """
        _, dag = self._dag(periode)
        return self._per_code(self._wbb_gemeenten, dag)

    def _controleer_seveso_aanwijzing(
        self, tax_benefit_system: TaxBenefitSystem, periode: Period, deelnemers: Sequence[Any], codes: set[str]
    ) -> None:
        """Every provincie of the month whose Seveso-omgevingsdienst the rules designate (by dienst code,
        ``basistakenpakket.seveso_aanwijzing``) finds that dienst in this dataset; else every record of
        the provincie would fall short of Ow 18.22 lid 2 for want of the code. Raises :class:`DatasetFout`."""
        aanwijzing = tax_benefit_system.parameters(peildatum(periode)).basistakenpakket.seveso_aanwijzing
        for deelnemer in deelnemers:
            if deelnemer.soort != "provincie" or deelnemer.code not in aanwijzing:
                continue
            aangewezen = aanwijzing[deelnemer.code]
            if aangewezen and aangewezen not in codes:
                raise DatasetFout(
                    f"{self.omschrijving}: provincie {deelnemer.naam} ({deelnemer.code}) heeft als aangewezen "
                    f"Seveso-omgevingsdienst {aangewezen!r} (basistakenpakket.seveso_aanwijzing."
                    f"{deelnemer.code}, {periode}), "
                    "maar die dienst staat niet in de dataset; geef de dienst die code, of wijs een dienst van de "
                    "dataset aan met een hervormingsbestand"
                )

    def simulatie(
        self,
        tax_benefit_system: TaxBenefitSystem,
        periode: str | Period,
        kopieen: int = 1,
        klasse: type[Simulation] = Simulation,
    ) -> Simulation:
        """An OpenFisca Simulation (of class ``klasse``) of month ``periode`` under ``tax_benefit_system``,
        with the composition and inputs valid then.

        Inputs are set for the month itself (one period form per variable: OpenFisca's
        ``set_input_dispatch_by_period`` would silently drop a year given beside a month of it):
        a variable that some row sets gets, for the entities no row covers, its default value.

        With ``kopieen`` > 1 the simulation holds that many copies of the month, one after the
        other (entity ``i`` of copy ``k`` at ``k * count + i``), with the same ids; the input
        ``kopie`` tells them apart where a rule spans diensten. ``openfisca_vth.variatie`` gives
        each copy its own value of a rule (with its own ``klasse`` of simulation). The populations
        are built from numpy arrays directly: OpenFisca's ``SimulationBuilder`` passes ids and roles
        through Python lists.

        Raises as :meth:`omgevingsdiensten` does for a month outside the coverage, :class:`DatasetFout`
        for a dienst without deelnemers that month, and ``ValueError`` unless ``kopieen`` is an int of
        1 or more.
        """
        periode, _ = self._dag(periode)
        if not isinstance(kopieen, int) or isinstance(kopieen, bool) or kopieen < 1:
            raise ValueError(f"kopieen moet een geheel getal van 1 of meer zijn, niet {kopieen!r}")
        diensten, deelnemers = self._samenstelling(periode)
        dienst_codes = [dienst.code for dienst in diensten]
        self._controleer_seveso_aanwijzing(tax_benefit_system, periode, deelnemers, set(dienst_codes))
        deelnemer_ids = [deelnemer.id for deelnemer in deelnemers]
        populaties = tax_benefit_system.instantiate_entities()
        personen = populaties[tax_benefit_system.person_entity.key]
        groep = next(populaties[e.key] for e in tax_benefit_system.group_entities)
        rollen = {rol.key: rol for rol in groep.entity.flattened_roles}
        index = {code: j for j, code in enumerate(dienst_codes)}
        lid_van = numpy.array([index[d.omgevingsdienst_code] for d in deelnemers], dtype=numpy.int32)
        personen.ids = numpy.tile(numpy.array(deelnemer_ids), kopieen)
        personen.count = len(personen.ids)
        groep.ids = numpy.tile(numpy.array(dienst_codes), kopieen)
        groep.count = len(groep.ids)
        verschuiving = numpy.repeat(numpy.arange(kopieen, dtype=numpy.int32) * len(dienst_codes), len(deelnemers))
        groep.members_entity_id = numpy.tile(lid_van, kopieen) + verschuiving
        # set the private attribute: the public setter copies the roles through a Python list
        # (openfisca-core 46, GroupPopulation.members_role), about 40 ms for 371,000 deelnemers
        groep._members_role = numpy.tile(numpy.array([rollen[d.soort] for d in deelnemers], dtype=object), kopieen)
        simulatie = klasse(tax_benefit_system, populaties)

        dienst_invoer, deelnemer_invoer = self.invoer(periode)
        dienst_invoer[SEVESO_VARIABELE] = {dienst.code: dienst.is_seveso_omgevingsdienst for dienst in diensten}
        # Facts of the composition, keyed by CBS code: the code itself, where a provincie placed its
        # Seveso tasks, and whether a gemeente is equated with a provincie for the Wbb.
        plaatsing, wbb = self.seveso_plaatsing(periode), self.wbb_gelijkgestelde_gemeenten(periode)
        dienst_invoer["datum_fusie"] = {dienst.code: dienst.datum_fusie for dienst in diensten if dienst.datum_fusie}
        deelnemer_invoer["cbs_code"] = {d.id: d.code for d in deelnemers}
        deelnemer_invoer["seveso_taken_ondergebracht_bij"] = {
            d.id: plaatsing[d.code] for d in deelnemers if d.soort == "provincie" and d.code in plaatsing
        }
        deelnemer_invoer["gelijkgesteld_met_provincie_wbb"] = {
            d.id: True for d in deelnemers if d.soort == "gemeente" and d.code in wbb
        }
        for invoer, ids in ((dienst_invoer, dienst_codes), (deelnemer_invoer, deelnemer_ids)):
            for variabele, waarden in invoer.items():
                definitie = tax_benefit_system.variables[variabele]
                standaard = definitie.default_value
                # typed before tiling: a text tiled as unicode would be converted to objects one by one
                soort = None if definitie.value_type is Enum else definitie.dtype
                rij = numpy.array([waarden.get(id_, standaard) for id_ in ids], dtype=soort)
                simulatie.set_input(variabele, periode, numpy.tile(rij, kopieen))
        if kopieen > 1:
            simulatie.set_input(KOPIE, ETERNITY, numpy.repeat(numpy.arange(kopieen), len(deelnemers)))
        return simulatie


def laad_dataset(pad: str | os.PathLike[str] | None = None) -> Dataset:
    """The :class:`Dataset` in folder ``pad``, or the embedded national dataset when ``pad`` is None.

    Raises :class:`openfisca_vth.dataset.fouten.DatasetFout` (a ``VTHInvoerFout``) on bad input.
    """
    map_ = INGEBOUWD_DIR if pad is None else Path(pad)
    bron = INGEBOUWD if pad is None else str(pad)
    return Dataset(bron, *lees_map(map_))

"""The numpy floor (benchmarks/numpy_vloer.py) computes what OpenFisca computes for the scale benchmark's population."""

import sys
from pathlib import Path

import numpy
import pytest

from openfisca_vth import CountryTaxBenefitSystem
from openfisca_vth.enums import Bestuurslaag

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import numpy_vloer  # noqa: E402
import schaal  # noqa: E402

N = 2000
ZADEN = (0, 1, 2, 3)


@pytest.fixture(scope="module")
def systeem():
    return CountryTaxBenefitSystem()


@pytest.fixture(scope="module")
def regels(systeem):
    return numpy_vloer.regels(systeem)


def _openfisca(simulatie):
    return {naam: numpy.asarray(simulatie.calculate(naam, schaal.PERIODE)) for naam in schaal.UITKOMSTEN}


@pytest.mark.parametrize("zaad", ZADEN)
def test_invoer_is_die_van_schaal(systeem, zaad):
    simulatie = schaal.synthetische_simulatie(systeem, N, zaad)
    x = numpy_vloer.invoer(N, zaad, numpy_vloer.schema(systeem))
    dienst = simulatie.populations["omgevingsdienst"]
    numpy.testing.assert_array_equal(dienst.members_entity_id, x["lid_van"])
    assert x["diensten"] == dienst.count
    for naam, _, _ in numpy_vloer.schema(systeem):
        numpy.testing.assert_array_equal(simulatie.calculate(naam, schaal.PERIODE), x[naam], err_msg=naam)
    # what the floor takes as given about the synthetic population
    laag = simulatie.calculate("bestuurslaag", schaal.PERIODE)
    numpy.testing.assert_array_equal(laag == Bestuurslaag.provincie, x["provincie"])
    assert not (laag == Bestuurslaag.waterschap).any()
    for naam in ("cbs_code", "seveso_taken_ondergebracht_bij"):
        assert (simulatie.calculate(naam, schaal.PERIODE) == "").all(), naam
    assert (simulatie.calculate("kopie", "ETERNITY") == 0).all()


@pytest.mark.parametrize("zaad", ZADEN)
def test_vloer_gelijk_aan_openfisca(systeem, regels, zaad):
    verwacht = _openfisca(schaal.synthetische_simulatie(systeem, N, zaad))
    vloer = numpy_vloer.bereken(numpy_vloer.invoer(N, zaad, numpy_vloer.schema(systeem)), regels)
    assert set(vloer) == set(schaal.UITKOMSTEN)
    for naam in schaal.UITKOMSTEN:
        assert vloer[naam].shape == verwacht[naam].shape, naam
        numpy.testing.assert_array_equal(vloer[naam], verwacht[naam], err_msg=naam)


def test_de_vergelijking_ziet_een_afwijkende_regel(systeem, regels):
    """Not vacuous: the outputs vary over the population, and a changed rule in the floor shows up."""
    verwacht = _openfisca(schaal.synthetische_simulatie(systeem, N, 0))
    x = numpy_vloer.invoer(N, 0, numpy_vloer.schema(systeem))
    for naam in ("robuust", "aantal_ontbrekende_basistaken", "interbestuurlijk_toezicht_mogelijk"):
        assert len(numpy.unique(verwacht[naam])) > 1, naam
    anders = {**regels, "provincie_door_minister": not regels["provincie_door_minister"]}
    vloer = numpy_vloer.bereken(x, anders)
    assert not numpy.array_equal(vloer["interbestuurlijk_toezichthouder"], verwacht["interbestuurlijk_toezichthouder"])

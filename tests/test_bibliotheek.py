"""The typed library: the top-level exports, Rekenmodel, and results as records or a DataFrame."""

import inspect
import json
import os
import sys
import threading
import types

import pytest

import openfisca_vth as vth
from openfisca_vth.cli import main
from openfisca_vth.errors import VTHInvoerFout
from openfisca_vth.model import Rekenmodel
from openfisca_vth.reforms import BESTANDEN_DIR

MINIMUM = "robuustheidscriteria.kritieke_massa.minimum_fte_formatie"


@pytest.fixture(scope="module")
def model():
    return Rekenmodel()


def test_de_hoofdingangen_staan_in_het_pakket():
    verwacht = {
        "CountryTaxBenefitSystem", "Rekenmodel", "laad_dataset", "status", "vergelijk", "verklaar",
        "status_per_maand", "varieer", "toets_aannames", "laad_hervorming", "regels", "naar_records",
        "naar_dataframe", "laad_schema",
    }  # fmt: skip
    assert verwacht <= set(vth.__all__)
    # no exported name is also a module of the package: `import openfisca_vth.tijdlijn as t` must
    # give the module, and `vth.status_per_maand` the function, whatever was imported before
    import pkgutil

    modules = {m.name for m in pkgutil.iter_modules(vth.__path__)}
    assert not modules & set(vth.__all__), modules & set(vth.__all__)
    for naam in ("status", "vergelijk", "verklaar", "status_per_maand", "varieer", "toets_aannames", "regels"):
        assert inspect.isfunction(getattr(vth, naam)), naam
    for naam in vth.__all__:
        ding = getattr(vth, naam)
        assert inspect.getdoc(ding), f"{naam} heeft geen docstring"
        if inspect.isfunction(ding):
            handtekening = inspect.signature(ding)
            assert handtekening.return_annotation is not inspect.Signature.empty, naam
            assert all(p.annotation is not inspect.Parameter.empty for p in handtekening.parameters.values()), naam


def test_modulefuncties_geven_wat_de_opdrachtregel_toont(capsys):
    capsys.readouterr()
    assert main(["status", "--period", "2026-04", "--format", "json"]) == 0
    assert vth.status("2026-04").naar_dict() == json.loads(capsys.readouterr().out)


def test_een_systeem_wordt_eenmaal_gebouwd(model):
    eerste = model.hervorming("wetsvoorstel_versterking_vth")
    assert model.hervorming("wetsvoorstel_versterking_vth") is eerste
    assert model.hervorming("uitstel_termijn_2027", "wetsvoorstel_versterking_vth") is not eerste
    assert model.systeem() is model.huidig_recht


def test_een_gewijzigd_hervormingsbestand_wordt_opnieuw_gelezen(model, tmp_path):
    bestand = tmp_path / "eigen.yaml"
    tekst = (BESTANDEN_DIR / "uitstel_termijn_2027.yaml").read_text(encoding="utf-8")
    bestand.write_text(tekst, encoding="utf-8")
    eerste = model.hervorming(str(bestand))
    assert model.hervorming(str(bestand)) is eerste
    bestand.write_text(tekst.replace("2027-01-01", "2030-01-01"), encoding="utf-8")
    os.utime(bestand, ns=(1, 1))  # another time, whatever the clock's resolution
    tweede = model.hervorming(str(bestand))
    assert tweede is not eerste
    assert model.status("2027-06", tweede) != model.status("2027-06", eerste)


def test_een_hervorming_verandert_huidig_recht_niet(model):
    voor = model.status("2027-06")
    model.status("2027-06", "wetsvoorstel_versterking_vth")
    model.vergelijk(["uitstel_termijn_2027", "wetsvoorstel_per_2027_07"], "2027-06")
    assert Rekenmodel().status("2027-06") == voor


def test_hervorming_uit_tekst_is_dezelfde_als_het_bestand(model):
    tekst = (BESTANDEN_DIR / "uitstel_termijn_2027.yaml").read_text(encoding="utf-8")
    uit_tekst = model.hervorming_uit_tekst(tekst)
    assert model.hervorming_uit_tekst(tekst) is uit_tekst
    assert model.status("2027-01", uit_tekst) == model.status("2027-01", "uitstel_termijn_2027")
    with pytest.raises(VTHInvoerFout, match=r"^bron, regel \d+:"):
        model.hervorming_uit_tekst("naam: x\nwijzigingen: [\n", "bron")


@pytest.mark.parametrize(
    ("aanroep", "stukje"),
    [
        (lambda m: m.status(""), "ongeldige periode"),
        (lambda m: m.status("2026-04", "bestaat_niet"), "onbekende hervorming"),
        (lambda m: m.vergelijk([], "2026-04"), "ten minste één variant"),
        (lambda m: m.vergelijk(["uitstel_termijn_2027"], "2026-04", variabelen=["robust"]), "bedoelt u 'robuust'"),
        (lambda m: m.vergelijk(["uitstel_termijn_2027"], "2026-04:2026-05", variabelen=["robuust"]), "één maand"),
        (lambda m: m.verklaar("", "2026-04"), "geen code gegeven"),
        (lambda m: m.varieer("bestaat.niet", "0:1", "2026-04"), "bestaat.niet"),
        (lambda m: m.tijdlijn("2026-05:2026-01"), "vóór het begin"),
    ],
)
def test_bibliotheekfouten_zijn_een_regel(model, aanroep, stukje):
    with pytest.raises(VTHInvoerFout) as fout:
        aanroep(model)
    assert stukje in str(fout.value) and "\n" not in str(fout.value)


def test_gelijktijdige_vragen_geven_dezelfde_antwoorden():
    model = Rekenmodel()
    antwoorden, fouten = [], []

    def vraag(i):
        try:
            hervorming = ("wetsvoorstel_versterking_vth", None)[i % 2]
            antwoorden.append((i % 2, model.status("2027-06", hervorming).naar_dict()))
        except Exception as fout:  # pragma: no cover - reported below
            fouten.append(fout)

    draden = [threading.Thread(target=vraag, args=(i,)) for i in range(8)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    assert not fouten
    for soort in (0, 1):
        uitkomsten = [a for s, a in antwoorden if s == soort]
        assert len(uitkomsten) == 4 and all(u == uitkomsten[0] for u in uitkomsten)


# -- records and DataFrames ----------------------------------------------------------------------------


def test_status_als_records(model):
    rapport = model.status("2026-04")
    rijen = vth.naar_records(rapport)
    assert len(rijen) == rapport.totalen["omgevingsdiensten"]
    assert sum(r["robuust"] for r in rijen) == rapport.totalen["robuust"]
    assert all(r["periode"] == "2026-04" and r["hervorming"] is None for r in rijen)
    deelnemers = vth.naar_records(rapport, "deelnemers")
    assert len(deelnemers) == rapport.totalen["deelnemers_met_ontbrekende_basistaken"]


def test_elke_uitkomst_heeft_tabellen_met_platte_rijen(model):
    uitkomsten = [
        model.status("2026-04"),
        model.tijdlijn("2026-01:2026-03"),
        model.vergelijk(["uitstel_termijn_2027"], "2026-06"),
        model.vergelijk(["uitstel_termijn_2027", "wetsvoorstel_versterking_vth"], "2027-06"),
        model.vergelijk(["uitstel_termijn_2027"], "2026-06:2026-07"),
        model.verklaar("odra", "2026-04"),
        model.varieer(MINIMUM, "0,100,200", "2026-04"),
        model.regels("2026-04"),
    ]
    for uitkomst in uitkomsten:
        for tabel in vth.tabellen(uitkomst):
            for rij in vth.naar_records(uitkomst, tabel):
                assert not any(isinstance(w, dict) for w in rij.values()), (type(uitkomst).__name__, tabel, rij)
    tijdlijn = vth.naar_records(uitkomsten[1])
    assert [r["periode"] for r in tijdlijn] == ["2026-01", "2026-02", "2026-03"]
    assert tuple(r["robuust"] for r in tijdlijn) == tuple(uitkomsten[1].reeks("robuust"))
    sweep = vth.naar_records(uitkomsten[6])
    assert [r["waarde"] for r in sweep] == [0.0, 100.0, 200.0]
    assert sweep[0]["robuust"] >= sweep[-1]["robuust"]  # a higher minimum formation: never more robust diensten
    totalen = vth.naar_records(uitkomsten[3])
    assert {r["hervorming"] for r in totalen} == {"uitstel_termijn_2027", "wetsvoorstel_versterking_vth"}


def test_onbekende_uitkomst_of_tabel(model):
    with pytest.raises(VTHInvoerFout, match="geen uitkomst van openfisca-vth"):
        vth.naar_records({"a": 1})
    with pytest.raises(VTHInvoerFout, match="kies uit omgevingsdiensten, deelnemers, regels"):
        vth.naar_records(model.status("2026-04"), "diensten")


def test_dataframe_zonder_pandas_zegt_hoe_te_installeren(model, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas raises ImportError
    with pytest.raises(VTHInvoerFout, match="pip install pandas"):
        vth.naar_dataframe(model.status("2026-04"))


def test_dataframe_krijgt_de_records(model, monkeypatch):
    """With pandas present the records go to DataFrame.from_records unchanged (pandas is no
    dependency: a stand-in module records the call)."""
    gekregen = []
    nep = types.ModuleType("pandas")
    nep.DataFrame = types.SimpleNamespace(from_records=lambda rijen: gekregen.append(rijen) or "frame")
    monkeypatch.setitem(sys.modules, "pandas", nep)
    rapport = model.status("2026-04")
    assert vth.naar_dataframe(rapport) == "frame"
    assert gekregen == [vth.naar_records(rapport)]


@pytest.mark.parametrize(
    "aanroep",
    [
        lambda m: m.status("2015-01"),
        lambda m: m.status("2035-01"),  # outside the embedded dataset's coverage
        lambda m: m.status("2026-04", "bestaat_niet"),
        lambda m: m.varieer(MINIMUM, "a,b", "2026-04"),
        lambda m: m.varieer(MINIMUM, "0:99999", "2026-04"),
        lambda m: m.varieer("wetsvoorstel_versterking_vth.inwerkingtreding", "2027-01-01", "2027-06", "bestaat_niet"),
        lambda m: m.verklaar("xyz", "2026-04"),
        lambda m: m.tijdlijn("2026-01:2090-01"),
        lambda m: vth.laad_dataset("/bestaat/niet"),
        lambda m: __import__("openfisca_vth.grafiek", fromlist=["x"]).controleer_pad("x.pdf"),
    ],
)
def test_bibliotheekfouten_noemen_geen_opdrachtregelopties(model, aanroep):
    """A library error says what is wrong in the library's terms, never ``--period`` or ``--dataset``."""
    import re

    with pytest.raises(VTHInvoerFout) as fout:
        aanroep(model)
    assert not re.search(r"(^|\s)--[a-z]", str(fout.value)), str(fout.value)


def test_een_variant_op_een_basis_uit_tekst_is_een_ander_stelsel(model):
    """Found in review: the store keyed a variant by its basis's name, and a reform from text has
    none, so a variant on it came back as the same variant on current law."""
    tekst = (BESTANDEN_DIR / "minimum_fte_kritieke_massa.yaml").read_text(encoding="utf-8")
    basis = model.hervorming_uit_tekst(tekst)
    op_huidig_recht = model.hervorming("uitstel_termijn_2027")
    op_basis = model.hervorming("uitstel_termijn_2027", basis)
    assert op_basis is not op_huidig_recht
    assert op_basis.systeem.baseline is basis.systeem
    assert model.status("2027-06", op_basis) != model.status("2027-06", op_huidig_recht)

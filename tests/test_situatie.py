"""Checking a situation before OpenFisca reads it (openfisca_vth.situatie).

One table holds every input a hostile user might try: a small base situation plus one mutation
each. Each must be refused with one Dutch line that names the place and says how to fix it. The
other tests show that accepted values reach the formulas (``"nee"`` is false, not true), that the
order of diensten and deelnemers does not matter, that the input is left alone, and that
``openfisca-vth compare --situatie`` uses the check.
"""

import copy
import datetime
import json

import pytest
from openfisca_core.errors import SituationParsingError
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_vth.cli import main
from openfisca_vth.dataset.lezen import ONWAAR, WAAR
from openfisca_vth.errors import SituatieFout, VTHInvoerFout
from openfisca_vth.situatie import MAXIMALE_DIEPTE, bouw_simulatie, controleer_situatie

MAAND = "2026-06"
OP_ORDE = {
    "ingebracht_milieubelastende_activiteiten": {"2026": True},
    "ingebracht_asbest_sloopactiviteiten": {"2026": True},
    "ingebracht_bodem": {"2026": True},
    "mandaat_verleend": {"2026": True},
    "regionale_strategie_vastgesteld": {"2026": True},
}


def _basis():
    """Two diensten: od_a robuust in 2026-06 (its gemeente brings everything in), od_b not."""
    return {
        "deelnemers": {
            "gemeente_a": {
                **copy.deepcopy(OP_ORDE),
                "fte_eigen_uitvoering_bodem": {"2026": 1.5},
                "einde_hersteltermijn": {"2026": "2026-09-30"},
                "cbs_code": {"2026": "GM0344"},
            },
            "provincie_p": {"ingebracht_bodem": {"2026": False}},
            "gemeente_b": {},
        },
        "omgevingsdiensten": {
            "od_a": {
                "gemeenten": ["gemeente_a"],
                "voldoet_aan_kwaliteitscriteria": {"2026": True},
                "financiering_conform_systematiek": {"2026": True},
                "fte_formatie": {"2026": 250},
                "robuust": {MAAND: None},
            },
            "od_b": {"gemeenten": ["gemeente_b"], "provincies": ["provincie_p"]},
        },
    }


# -- mutations -----------------------------------------------------------------------------------------


def _twee_keer_dezelfde_provincie(situatie):
    situatie["deelnemers"]["provincie_p"]["cbs_code"] = {"2026": "PV20"}
    situatie["deelnemers"]["provincie_q"] = {"cbs_code": {"2026": "PV20"}}
    situatie["omgevingsdiensten"]["od_b"]["provincies"].append("provincie_q")


def zet(*pad_en_waarde):
    *pad, waarde = pad_en_waarde

    def mutatie(situatie):
        knoop = situatie
        for sleutel in pad[:-1]:
            knoop = knoop[sleutel]
        knoop[pad[-1]] = waarde

    return mutatie


def weg(*pad):
    def mutatie(situatie):
        knoop = situatie
        for sleutel in pad[:-1]:
            knoop = knoop[sleutel]
        del knoop[pad[-1]]

    return mutatie


def vervang(nieuw):
    return lambda situatie: nieuw


def samen(*mutaties):
    def mutatie(situatie):
        for m in mutaties:
            m(situatie)

    return mutatie


def _diep(niveaus):
    knoop = wortel = {}
    for _ in range(niveaus):
        knoop["x"] = {}
        knoop = knoop["x"]
    return wortel


def _kring():
    kring = {}
    kring["a"] = kring
    return kring


A = ("deelnemers", "gemeente_a")
OD = ("omgevingsdiensten", "od_a")
EEN_DEELNEMER_MEER = zet("deelnemers", "gemeente_c", {})

# (name, mutation, place the line starts with, fix hint in the line[, overschrijven])
GEWEIGERD = [
    # shape of the situation
    ("geen object", vervang([]), "", "geef een object met de sleutels"),
    ("tekst", vervang("deelnemers"), "", "geef een object"),
    ("zonder deelnemers", weg("deelnemers"), "", "geef 'deelnemers'"),
    ("zonder diensten", weg("omgevingsdiensten"), "", "geef 'deelnemers' en 'omgevingsdiensten'"),
    ("onbekende sleutel", zet("personen", {}), "personen", "alleen 'deelnemers' en 'omgevingsdiensten'"),
    ("tikfout sleutel", zet("omgevingsdienst", {}), "omgevingsdienst", "bedoelt u 'omgevingsdiensten'?"),
    ("assen", zet("axes", [[{"name": "fte_formatie", "count": 3, "min": 0, "max": 100}]]), "axes", "eigen"),
    ("entiteit geen object", zet("deelnemers", ["gemeente_a"]), "deelnemers", "object van id naar gegevens"),
    ("geen deelnemers", zet("deelnemers", {}), "deelnemers", "geef ten minste één deelnemer"),
    ("deelnemer geen object", zet(*A, "gemeente"), "deelnemers/gemeente_a", "schrijf {}"),
    ("dienst geen object", zet(*OD, None), "omgevingsdiensten/od_a", "schrijf {}"),
    # ids and memberships
    ("id geen tekst", zet("deelnemers", 5, {}), "deelnemers/5", "id als tekst"),
    ("id leeg", zet("deelnemers", "", {}), "deelnemers/", "id als tekst"),
    ("id met schuine streep", zet("deelnemers", "a/b", {}), "deelnemers/a/b", "gebruik letters"),
    ("id met regelovergang", zet("deelnemers", "a\nb", {}), "deelnemers/'a\\nb'", "gebruik letters"),
    ("groot getal als id", zet("deelnemers", "999999999", {}), "deelnemers/999999999", "noem hem onder"),
    ("deelnemer in geen dienst", EEN_DEELNEMER_MEER, "deelnemers/gemeente_c", "noem hem onder gemeenten"),
    (
        "deelnemer in twee diensten",
        zet("omgevingsdiensten", "od_b", "gemeenten", ["gemeente_b", "gemeente_a"]),
        "omgevingsdiensten/od_b/gemeenten",
        "hoort bij één dienst",
    ),
    (
        "deelnemer twee keer in één rol",
        zet(*OD, "gemeenten", ["gemeente_a", "gemeente_a"]),
        "omgevingsdiensten/od_a/gemeenten",
        "staat ook in deze dienst",
    ),
    (
        "deelnemer in twee rollen",
        zet(*OD, "provincies", ["gemeente_a"]),
        "omgevingsdiensten/od_a/provincies",
        "één rol",
    ),
    (
        "onbekende deelnemer in rol",
        zet(*OD, "gemeenten", ["gemeente_a", "gemeente_aa"]),
        "omgevingsdiensten/od_a/gemeenten",
        "bedoelt u 'gemeente_a'?",
    ),
    (
        "onbekende deelnemer zonder gelijkenis",
        zet(*OD, "gemeenten", ["gemeente_a", "zzz"]),
        "omgevingsdiensten/od_a/gemeenten",
        "voeg hem toe onder deelnemers",
    ),
    ("rol geen lijst", zet(*OD, "gemeenten", "gemeente_a"), "omgevingsdiensten/od_a/gemeenten", '["gemeente_a"]'),
    ("id in rol geen tekst", zet(*OD, "gemeenten", [5]), "omgevingsdiensten/od_a/gemeenten/0", "id als tekst"),
    (
        "onbekende rol (enkelvoud)",
        samen(weg(*OD, "gemeenten"), zet(*OD, "gemeente", ["gemeente_a"])),
        "omgevingsdiensten/od_a/gemeente",
        "bedoelt u 'gemeenten'?",
    ),
    ("onbekende rol", zet(*OD, "leden", ["gemeente_a"]), "omgevingsdiensten/od_a/leden", "kies gemeenten"),
    ("dienst zonder deelnemers", zet("omgevingsdiensten", "od_c", {}), "omgevingsdiensten/od_c", "laat de dienst weg"),
    (
        "dienst met lege rollen",
        zet("omgevingsdiensten", "od_c", {"gemeenten": [], "provincies": []}),
        "omgevingsdiensten/od_c",
        "noem ten minste één deelnemer",
    ),
    (
        "dezelfde id voor deelnemer en dienst",
        samen(zet("deelnemers", "x", {}), zet("omgevingsdiensten", "x", {"gemeenten": ["x"]})),
        "omgevingsdiensten/x",
        "eigen id",
    ),
    # variables
    (
        "onbekende variabele",
        zet(*A, "ingebracht_bodm", {"2026": True}),
        "deelnemers/gemeente_a/ingebracht_bodm",
        "bedoelt u 'ingebracht_bodem'",
    ),
    (
        "onbekende variabele zonder gelijkenis",
        zet(*A, "qqq", {"2026": True}),
        "deelnemers/gemeente_a/qqq",
        "controleer de naam",
    ),
    (
        "dienstvariabele bij deelnemer",
        zet(*A, "fte_formatie", {"2026": 3}),
        "deelnemers/gemeente_a/fte_formatie",
        "omgevingsdiensten/<id>/fte_formatie",
    ),
    (
        "deelnemervariabele bij dienst",
        zet(*OD, "mandaat_verleend", {"2026": True}),
        "omgevingsdiensten/od_a/mandaat_verleend",
        "deelnemers/<id>/mandaat_verleend",
    ),
    (
        "invoer voor een formule",
        zet(*A, "basistaak_ontbreekt_bodem", {MAAND: False}),
        f"deelnemers/gemeente_a/basistaak_ontbreekt_bodem/{MAAND}",
        "geef haar niet als invoer, of zet overschrijven aan",
    ),
    (
        "invoer voor robuust",
        zet(*OD, "robuust", {MAAND: True}),
        f"omgevingsdiensten/od_a/robuust/{MAAND}",
        "overschrijven",
    ),
    (
        "waarde zonder periode",
        zet(*A, "ingebracht_bodem", True),
        "deelnemers/gemeente_a/ingebracht_bodem",
        '{"2026-04": true}',
    ),
    # periods
    (
        "periode geen tekst",
        zet(*A, "ingebracht_bodem", {2026: True}),
        "deelnemers/gemeente_a/ingebracht_bodem/2026",
        "tussen aanhalingstekens",
    ),
    (
        "periode datum",
        zet(*A, "ingebracht_bodem", {datetime.date(2026, 4, 1): True}),
        "deelnemers/gemeente_a/ingebracht_bodem/2026-04-01",
        "JJJJ of JJJJ-MM",
    ),
    (
        "periode onzin",
        zet(*A, "ingebracht_bodem", {"2026-4x": True}),
        "deelnemers/gemeente_a/ingebracht_bodem/2026-4x",
        "gebruik JJJJ of JJJJ-MM",
    ),
    (
        "periode maand zonder nul",
        zet(*A, "ingebracht_bodem", {"2026-4": True}),
        "deelnemers/gemeente_a/ingebracht_bodem/2026-4",
        "JJJJ-MM",
    ),
    (
        "periode dag",
        zet(*A, "ingebracht_bodem", {"2026-04-01": True}),
        "deelnemers/gemeente_a/ingebracht_bodem/2026-04-01",
        "JJJJ-MM",
    ),
    (
        "periode OpenFisca-vorm",
        zet(*A, "ingebracht_bodem", {"month:2026-04:3": True}),
        "deelnemers/gemeente_a/ingebracht_bodem/month:2026-04:3",
        "JJJJ-MM",
    ),
    (
        "maand 13",
        zet(*A, "ingebracht_bodem", {"2026-13": True}),
        "deelnemers/gemeente_a/ingebracht_bodem/2026-13",
        "01 tot en met 12",
    ),
    (
        "maand 00",
        zet(*A, "ingebracht_bodem", {"2026-00": True}),
        "deelnemers/gemeente_a/ingebracht_bodem/2026-00",
        "01 tot en met 12",
    ),
    (
        "vóór de dekking (maand)",
        zet(*A, "ingebracht_bodem", {"2016-03": True}),
        "deelnemers/gemeente_a/ingebracht_bodem/2016-03",
        "eerste gedekte maand is 2016-04",
    ),
    (
        "vóór de dekking (jaar)",
        zet(*A, "ingebracht_bodem", {"2015": True}),
        "deelnemers/gemeente_a/ingebracht_bodem/2015",
        "Kies een latere periode",
    ),
    (
        "uitkomst vóór de dekking",
        zet(*OD, "robuust", {"2016-03": None}),
        "omgevingsdiensten/od_a/robuust/2016-03",
        "2016-04",
    ),
    (
        "ETERNITY",
        zet(*A, "ingebracht_bodem", {"ETERNITY": True}),
        "deelnemers/gemeente_a/ingebracht_bodem/ETERNITY",
        "gebruik JJJJ of JJJJ-MM",
    ),
    (
        "uitkomst per jaar",
        zet(*OD, "robuust", {"2026": None}),
        "omgevingsdiensten/od_a/robuust/2026",
        "gebruik JJJJ-MM",
    ),
    (
        "jaar en maand voor één deelnemer",
        zet(*A, "ingebracht_bodem", {"2026": True, "2026-04": False}),
        "deelnemers/gemeente_a/ingebracht_bodem",
        "alles per jaar of alles per maand",
    ),
    (
        "jaar en maand voor twee deelnemers",
        zet("deelnemers", "provincie_p", "ingebracht_bodem", {"2026-04": True}),
        "deelnemers/provincie_p/ingebracht_bodem",
        "alles per jaar of alles per maand",
    ),
    # booleans
    (
        "ja/nee onbekend woord",
        zet(*A, "ingebracht_bodem", {"2026": "misschien"}),
        "deelnemers/gemeente_a/ingebracht_bodem/2026",
        "gebruik true of false",
    ),
    (
        "ja/nee yes",
        zet(*A, "ingebracht_bodem", {"2026": "yes"}),
        "deelnemers/gemeente_a/ingebracht_bodem/2026",
        "ja/nee",
    ),
    (
        "ja/nee lege tekst",
        zet(*A, "ingebracht_bodem", {"2026": ""}),
        "deelnemers/gemeente_a/ingebracht_bodem/2026",
        "true of false",
    ),
    (
        "ja/nee getal",
        zet(*A, "ingebracht_bodem", {"2026": 1}),
        "deelnemers/gemeente_a/ingebracht_bodem/2026",
        "true of false",
    ),
    (
        "ja/nee getal 0",
        zet(*A, "ingebracht_bodem", {"2026": 0.0}),
        "deelnemers/gemeente_a/ingebracht_bodem/2026",
        "true of false",
    ),
    (
        "ja/nee lijst",
        zet(*A, "ingebracht_bodem", {"2026": [True]}),
        "deelnemers/gemeente_a/ingebracht_bodem/2026",
        "één waarde",
    ),
    (
        "ja/nee object",
        zet(*A, "ingebracht_bodem", {"2026": {"2026-04": True}}),
        "deelnemers/gemeente_a/ingebracht_bodem/2026",
        "één waarde",
    ),
    # numbers
    (
        "getal als tekst",
        zet(*OD, "fte_formatie", {"2026": "250"}),
        "omgevingsdiensten/od_a/fte_formatie/2026",
        "getal zonder aanhalingstekens",
    ),
    (
        "getal met komma",
        zet(*OD, "fte_formatie", {"2026": "12,5"}),
        "omgevingsdiensten/od_a/fte_formatie/2026",
        "getal zonder aanhalingstekens",
    ),
    (
        "getal als uitdrukking",
        zet(*OD, "fte_formatie", {"2026": "100+150"}),
        "omgevingsdiensten/od_a/fte_formatie/2026",
        "getal zonder aanhalingstekens",
    ),
    (
        "getal als boolean",
        zet(*OD, "fte_formatie", {"2026": True}),
        "omgevingsdiensten/od_a/fte_formatie/2026",
        "vraagt een getal",
    ),
    (
        "NaN",
        zet(*OD, "fte_formatie", {"2026": float("nan")}),
        "omgevingsdiensten/od_a/fte_formatie/2026",
        "geef een gewoon getal",
    ),
    (
        "oneindig",
        zet(*A, "fte_eigen_uitvoering_bodem", {"2026": float("inf")}),
        "deelnemers/gemeente_a/fte_eigen_uitvoering_bodem/2026",
        "gewoon getal",
    ),
    (
        "negatieve formatie",
        zet(*OD, "fte_formatie", {"2026": -0.5}),
        "omgevingsdiensten/od_a/fte_formatie/2026",
        "geef 0 of meer",
    ),
    (
        "negatieve eigen uitvoering",
        zet(*A, "fte_eigen_uitvoering_bodem", {"2026": -1}),
        "deelnemers/gemeente_a/fte_eigen_uitvoering_bodem/2026",
        "geef 0 of meer",
    ),
    (
        "te groot getal",
        zet(*OD, "fte_formatie", {"2026": 1e39}),
        "omgevingsdiensten/od_a/fte_formatie/2026",
        "realistisch getal",
    ),
    (
        "te groot geheel getal",
        zet(*OD, "fte_formatie", {"2026": 10**400}),
        "omgevingsdiensten/od_a/fte_formatie/2026",
        "realistisch getal",
    ),
    (
        "getal lijst",
        zet(*OD, "fte_formatie", {"2026": [250]}),
        "omgevingsdiensten/od_a/fte_formatie/2026",
        "één waarde",
    ),
    (
        "aantal geen geheel getal",
        zet(*A, "aantal_ontbrekende_basistaken", {MAAND: 1.5}),
        f"deelnemers/gemeente_a/aantal_ontbrekende_basistaken/{MAAND}",
        "hele getallen",
        True,
    ),
    (
        "negatief aantal",
        zet(*A, "aantal_ontbrekende_basistaken", {MAAND: -1}),
        f"deelnemers/gemeente_a/aantal_ontbrekende_basistaken/{MAAND}",
        "geef 0 of meer",
        True,
    ),
    (
        "aantal te groot",
        zet(*A, "aantal_ontbrekende_basistaken", {MAAND: 2**40}),
        f"deelnemers/gemeente_a/aantal_ontbrekende_basistaken/{MAAND}",
        "maximum",
        True,
    ),
    # dates
    (
        "onmogelijke datum",
        zet(*A, "einde_hersteltermijn", {"2026": "2026-02-30"}),
        "deelnemers/gemeente_a/einde_hersteltermijn/2026",
        "echte datum",
    ),
    (
        "datum Nederlandse volgorde",
        zet(*A, "einde_hersteltermijn", {"2026": "30-09-2026"}),
        "deelnemers/gemeente_a/einde_hersteltermijn/2026",
        "JJJJ-MM-DD",
    ),
    (
        "datum zonder streepjes",
        zet(*A, "einde_hersteltermijn", {"2026": "20260930"}),
        "deelnemers/gemeente_a/einde_hersteltermijn/2026",
        "JJJJ-MM-DD",
    ),
    (
        "datum als getal",
        zet(*A, "einde_hersteltermijn", {"2026": 20260930}),
        "deelnemers/gemeente_a/einde_hersteltermijn/2026",
        "JJJJ-MM-DD",
    ),
    (
        "datum met tijd",
        zet(*A, "einde_hersteltermijn", {"2026": datetime.datetime(2026, 9, 30, 12)}),
        "deelnemers/gemeente_a/einde_hersteltermijn/2026",
        "alleen de datum",
    ),
    (
        "datum met tijd als tekst",
        zet(*A, "einde_hersteltermijn", {"2026": "2026-09-30T12:00"}),
        "deelnemers/gemeente_a/einde_hersteltermijn/2026",
        "JJJJ-MM-DD",
    ),
    # enums and text
    (
        "onbekende enumwaarde",
        zet(*A, "bestuurslaag", {MAAND: "stad"}),
        f"deelnemers/gemeente_a/bestuurslaag/{MAAND}",
        "kies uit gemeente, provincie, waterschap",
        True,
    ),
    (
        "enumwaarde als omschrijving",
        zet(*A, "bestuurslaag", {MAAND: "Provincie (gedeputeerde staten)"}),
        f"deelnemers/gemeente_a/bestuurslaag/{MAAND}",
        "kies uit",
        True,
    ),
    (
        "enumwaarde als getal",
        zet(*A, "bestuurslaag", {MAAND: 1}),
        f"deelnemers/gemeente_a/bestuurslaag/{MAAND}",
        "kies uit",
        True,
    ),
    (
        "tekst als getal",
        zet(*A, "cbs_code", {"2026": 344}),
        "deelnemers/gemeente_a/cbs_code/2026",
        "tussen aanhalingstekens",
    ),
    (
        "tekst als lijst",
        zet(*A, "seveso_taken_ondergebracht_bij", {"2026": ["od_a"]}),
        "deelnemers/gemeente_a/seveso_taken_ondergebracht_bij/2026",
        "één waarde",
    ),
    (
        "cbs_code in kleine letters",
        zet(*A, "cbs_code", {"2026": "gm0344"}),
        "deelnemers/gemeente_a/cbs_code/2026",
        "bijvoorbeeld GM0363",
    ),
    (
        "provinciecode voor een gemeente",
        zet(*A, "cbs_code", {"2026": "PV20"}),
        "deelnemers/gemeente_a/cbs_code/2026",
        "voor een gemeente (onder gemeenten van 'od_a')",
    ),
    # one authority, one place per dienst (found by the property tests: the Seveso duty followed the input order)
    (
        "dezelfde provincie twee keer in een dienst",
        _twee_keer_dezelfde_provincie,
        "omgevingsdiensten/od_b",
        "neemt één keer deel aan een dienst",
    ),
    # depth
    (
        "te diep",
        zet(*A, "ingebracht_bodem", _diep(MAXIMALE_DIEPTE + 5)),
        "deelnemers/gemeente_a/ingebracht_bodem/x/x/x/...",
        "entiteiten/id/variabele/periode",
    ),
    (
        "kring",
        zet("deelnemers", "gemeente_c", _kring()),
        "deelnemers/gemeente_c/a/a/a/a/...",
        f"dieper genest dan {MAXIMALE_DIEPTE}",
    ),
]


@pytest.mark.parametrize("geval", GEWEIGERD, ids=[geval[0] for geval in GEWEIGERD])
def test_wordt_geweigerd(tax_benefit_system, geval):
    _, mutatie, plaats, hint, *rest = geval
    situatie = _basis()
    vervangen = mutatie(situatie)  # a mutation changes the base in place or returns a replacement
    if vervangen is not None:
        situatie = vervangen
    with pytest.raises(SituatieFout) as fout:
        controleer_situatie(tax_benefit_system, situatie, overschrijven=bool(rest and rest[0]))
    melding = str(fout.value)
    assert "\n" not in melding and melding.strip() == melding
    assert isinstance(fout.value, VTHInvoerFout) and isinstance(fout.value, SituationParsingError)
    assert fout.value.code == 400
    if plaats:
        assert melding.startswith(f"{plaats}: "), melding
    assert hint in melding, melding


def test_de_basis_wordt_aanvaard(tax_benefit_system):
    # the table proves something only if its base situation passes
    simulatie = bouw_simulatie(tax_benefit_system, _basis())
    assert simulatie.calculate("robuust", MAAND).tolist() == [True, False]


def test_de_plaats_staat_ook_in_de_fout_voor_de_web_api(tax_benefit_system):
    situatie = _basis()
    situatie["deelnemers"]["gemeente_a"]["ingebracht_bodem"] = {"2026": "misschien"}
    with pytest.raises(SituatieFout) as fout:
        controleer_situatie(tax_benefit_system, situatie)
    assert fout.value.pad == ("deelnemers", "gemeente_a", "ingebracht_bodem", "2026")
    assert "misschien" in fout.value.error["deelnemers"]["gemeente_a"]["ingebracht_bodem"]["2026"]
    # a numeric id stays a key (OpenFisca's dpath would build a list of a billion entries)
    situatie = _basis()
    situatie["deelnemers"]["999999999"] = {}
    with pytest.raises(SituatieFout) as fout:
        controleer_situatie(tax_benefit_system, situatie)
    assert fout.value.error == {"deelnemers": {"999999999": str(fout.value)}}


# -- what is accepted reaches the formulas ---------------------------------------------------------


def _met_woord(woord):
    situatie = _basis()
    situatie["deelnemers"]["gemeente_a"]["ingebracht_bodem"] = {"2026": woord}
    situatie["omgevingsdiensten"]["od_a"]["voldoet_aan_kwaliteitscriteria"] = {"2026": woord}
    return situatie


WOORDEN = [
    *((w, True) for w in WAAR),
    *((w, False) for w in ONWAAR),
    *((w.upper(), True) for w in WAAR if w != "1"),
    *((w.capitalize(), False) for w in ONWAAR if w != "0"),
    (" ja ", True),
    (True, True),
    (False, False),
]


@pytest.mark.parametrize("woord, waarde", WOORDEN, ids=[repr(w) for w, _ in WOORDEN])
def test_nederlandse_ja_nee_woorden_worden_echte_booleans(tax_benefit_system, woord, waarde):
    schoon = controleer_situatie(tax_benefit_system, _met_woord(woord))
    assert schoon["deelnemers"]["gemeente_a"]["ingebracht_bodem"]["2026"] is waarde
    simulatie = bouw_simulatie(tax_benefit_system, _met_woord(woord))
    # the value reached the formulas: "false", "nee", "0" leave the basistakenpakket incomplete
    assert simulatie.calculate("brengt_basistakenpakket_volledig_in", MAAND).tolist()[0] is waarde
    assert simulatie.calculate("robuust", MAAND).tolist()[0] is waarde


def test_zonder_controle_maakt_openfisca_van_false_waar(tax_benefit_system):
    # Why the check exists: OpenFisca itself turns the text "false" into True.
    simulatie = SimulationBuilder().build_from_entities(tax_benefit_system, _met_woord("false"))
    assert simulatie.calculate("ingebracht_bodem", MAAND).tolist()[0] is True
    assert (
        bouw_simulatie(tax_benefit_system, _met_woord("false")).calculate("ingebracht_bodem", MAAND).tolist()[0]
        is False
    )


def test_waarden_worden_genormaliseerd(tax_benefit_system):
    situatie = _basis()
    a = situatie["deelnemers"]["gemeente_a"]
    a["einde_hersteltermijn"] = {"2026": datetime.date(2026, 9, 30)}
    a["fte_eigen_uitvoering_bodem"] = {"2026": 2}
    schoon = controleer_situatie(tax_benefit_system, situatie)
    a = schoon["deelnemers"]["gemeente_a"]
    assert a["einde_hersteltermijn"]["2026"] == "2026-09-30"
    assert type(a["fte_eigen_uitvoering_bodem"]["2026"]) is float
    assert type(schoon["omgevingsdiensten"]["od_a"]["fte_formatie"]["2026"]) is float
    assert schoon["omgevingsdiensten"]["od_a"]["robuust"] == {MAAND: None}  # an output request stays
    simulatie = bouw_simulatie(tax_benefit_system, situatie)
    assert str(simulatie.calculate("einde_hersteltermijn", MAAND)[0]) == "2026-09-30"


def test_overschrijven_laat_een_formule_vervangen(tax_benefit_system):
    situatie = _basis()
    situatie["deelnemers"]["gemeente_a"]["basistaak_ontbreekt_bodem"] = {MAAND: "ja"}
    situatie["deelnemers"]["gemeente_a"]["bestuurslaag"] = {MAAND: "gemeente"}
    with pytest.raises(SituatieFout, match="overschrijven"):
        bouw_simulatie(tax_benefit_system, situatie)
    simulatie = bouw_simulatie(tax_benefit_system, situatie, overschrijven=True)
    assert simulatie.calculate("basistaak_ontbreekt_bodem", MAAND).tolist()[0] is True
    assert simulatie.calculate("brengt_basistakenpakket_volledig_in", MAAND).tolist()[0] is False


# -- order, copy ---------------------------------------------------------------------------------------


def _uitkomsten(systeem, situatie):
    simulatie = bouw_simulatie(systeem, situatie)
    deelnemers = simulatie.populations["deelnemer"].ids
    diensten = simulatie.populations["omgevingsdienst"].ids
    return (
        dict(zip(diensten, simulatie.calculate("robuust", MAAND).tolist(), strict=True)),
        dict(zip(deelnemers, simulatie.calculate("brengt_basistakenpakket_volledig_in", MAAND).tolist(), strict=True)),
        dict(
            zip(deelnemers, simulatie.calculate("interbestuurlijk_toezichthouder", MAAND).decode_to_str(), strict=True)
        ),
    )


def _omgekeerd(situatie, sleutel):
    situatie = copy.deepcopy(situatie)
    situatie[sleutel] = dict(reversed(list(situatie[sleutel].items())))
    return situatie


def test_volgorde_van_diensten_en_deelnemers_doet_er_niet_toe(tax_benefit_system):
    basis = _basis()
    verwacht = _uitkomsten(tax_benefit_system, basis)
    assert verwacht[0] == {"od_a": True, "od_b": False}
    assert verwacht[2]["provincie_p"] == "minister" and verwacht[2]["gemeente_a"] == "gedeputeerde_staten"
    assert list(_omgekeerd(basis, "omgevingsdiensten")["omgevingsdiensten"]) == ["od_b", "od_a"]
    assert _uitkomsten(tax_benefit_system, _omgekeerd(basis, "omgevingsdiensten")) == verwacht
    assert _uitkomsten(tax_benefit_system, _omgekeerd(basis, "deelnemers")) == verwacht
    beide = _omgekeerd(_omgekeerd(basis, "deelnemers"), "omgevingsdiensten")
    assert _uitkomsten(tax_benefit_system, beide) == verwacht


def _sleutels(knoop):
    if isinstance(knoop, dict):
        return {sleutel: _sleutels(kind) for sleutel, kind in knoop.items()}
    return type(knoop) if isinstance(knoop, list) else None


def test_de_schone_kopie_laat_de_invoer_ongemoeid(tax_benefit_system):
    situatie = _met_woord("nee")
    voor = copy.deepcopy(situatie)
    schoon = controleer_situatie(tax_benefit_system, situatie)
    assert situatie == voor  # the input is unchanged ("nee" stays text there)
    assert situatie["deelnemers"]["gemeente_a"]["ingebracht_bodem"]["2026"] == "nee"
    assert _sleutels(schoon) == _sleutels(situatie)  # nothing dropped, nothing added
    # a deep copy: changing it does not touch the input
    schoon["deelnemers"]["gemeente_a"]["ingebracht_bodem"]["2026"] = True
    schoon["omgevingsdiensten"]["od_a"]["gemeenten"].append("x")
    assert situatie == voor


# -- the command line -----------------------------------------------------------------------------------


def _compare(capsys, pad):
    status = main(["compare", "--reform", "uitstel_termijn_2027", "--period", MAAND, "--situatie", str(pad)])
    uit = capsys.readouterr()
    return status, uit.out, uit.err


def _json(situatie):
    return json.dumps(situatie)


def _met(situatie, *pad_en_waarde):
    zet(*pad_en_waarde)(situatie)
    return situatie


FOUTE_BESTANDEN = [
    ("woord.json", _json(_met_woord("misschien")), "deelnemers/gemeente_a/ingebracht_bodem/2026: ongeldige waarde"),
    ("los.json", _json(_met(_basis(), "deelnemers", "los", {})), "deelnemers/los: deelnemer 'los' hoort bij geen"),
    ("formule.json", _json(_met(_basis(), *OD, "robuust", {MAAND: True})), "heeft een formule"),
    ("nan.json", _json(_met(_basis(), *OD, "fte_formatie", {"2026": float("nan")})), "geen eindig getal"),
    ("leeg.json", "", "geen geldige JSON/YAML"),
    ("lijst.json", "[]", "de situatie is geen object"),
    (
        "dubbel.json",
        '{"deelnemers": {"a": {}, "a": {}}, "omgevingsdiensten": {"od": {"gemeenten": ["a"]}}}',
        "'a' staat twee keer",
    ),
    ("diep.json", "[" * 5000 + "]" * 5000, "te diep genest"),
    (
        "jaar.yaml",
        "deelnemers:\n  a:\n    ingebracht_bodem: {2026: true}\nomgevingsdiensten:\n  od: {gemeenten: [a]}\n",
        "deelnemers/a/ingebracht_bodem/2026: periode 2026 is geen tekst",
    ),
    (
        "dubbel.yaml",
        "deelnemers:\n  a: {}\n  a: {}\nomgevingsdiensten:\n  od: {gemeenten: [a]}\n",
        "regel 3: sleutel 'a' staat twee keer",
    ),
    ("geen_dienst.yaml", "deelnemers:\n  a: {}\n", "mist 'omgevingsdiensten'"),
]


@pytest.mark.parametrize("naam, tekst, fragment", FOUTE_BESTANDEN, ids=[f[0] for f in FOUTE_BESTANDEN])
def test_compare_met_foute_situatie_geeft_status_2(capsys, tmp_path, naam, tekst, fragment):
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    status, uit, fout = _compare(capsys, pad)
    assert status == 2 and uit == ""
    assert fout.count("\n") == 1 and "Traceback" not in fout
    assert fout.startswith(f"situatiebestand {pad}") or f"situatiebestand {pad}" in fout
    assert fragment in fout, fout


GOEDE_BESTANDEN = [
    ("goed.json", _json(_met_woord("nee"))),
    (
        "goed.yaml",
        "deelnemers:\n  a:\n    ingebracht_bodem: {'2026': ja}\n    einde_hersteltermijn: {'2026': 2026-09-30}\n"
        "omgevingsdiensten:\n  od:\n    gemeenten: [a]\n    fte_formatie: {'2026-06': 12.5}\n",
    ),
]


@pytest.mark.parametrize("naam, tekst", GOEDE_BESTANDEN, ids=[g[0] for g in GOEDE_BESTANDEN])
def test_compare_met_goede_situatie_geeft_status_0(capsys, tmp_path, naam, tekst):
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    status, uit, fout = _compare(capsys, pad)
    assert (status, fout) == (0, "")
    assert f"situatie {pad}" in uit


def test_invoer_voor_een_ander_jaar_dan_gevraagd_wordt_geweigerd(tmp_path, capsys):
    """Inputs for 2025 only, asked for 2026-06: refused instead of silently using defaults."""
    import json

    from openfisca_vth.cli import main

    situatie = {
        "deelnemers": {"gemeente_a": {"mandaat_verleend": {"2025": True}}},
        "omgevingsdiensten": {"od": {"gemeenten": ["gemeente_a"]}},
    }
    pad = tmp_path / "situatie.json"
    pad.write_text(json.dumps(situatie), encoding="utf-8")
    code = main(["compare", "--reform", "uitstel_termijn_2027", "--period", "2026-06", "--situatie", str(pad)])
    fout = capsys.readouterr().err
    assert code == 2 and fout.count("\n") == 1
    assert "deelnemers/gemeente_a/mandaat_verleend: invoer voor 2025, niet voor de gevraagde maand 2026-06" in fout
    # the same situation asked for a month it covers is fine
    assert main(["compare", "--reform", "uitstel_termijn_2027", "--period", "2025-06", "--situatie", str(pad)]) == 0

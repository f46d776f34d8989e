"""Legal traceability of the parameter tree: every leaf and every value names its source and status.

The metadata vocabulary (``reference``, ``status``, ``unit``) is fixed in openfisca_vth/metadata.py
and checked here for the whole tree, so it cannot drift.
"""

import pytest

from openfisca_vth.metadata import bladeren, fouten_in_metadata, knopen
from openfisca_vth.periode import EERSTE_GELDIGE_DAG
from openfisca_vth.reforms import bekende_hervormingen, laad_hervorming


@pytest.fixture(scope="module", params=["huidig_recht", *bekende_hervormingen()])
def systeem(request, tax_benefit_system):
    """The baseline and every reform known by name: reform-set values and reform-own parameters
    must meet the same convention."""
    if request.param == "huidig_recht":
        return tax_benefit_system
    return laad_hervorming(request.param, tax_benefit_system)


def _bladeren(systeem):
    return list(bladeren(systeem.parameters))


def _knopen(systeem):
    return list(knopen(systeem.parameters))


def test_de_boom_heeft_bladeren(systeem):
    # Guards the tests below against passing on an empty tree.
    assert len(_bladeren(systeem)) >= 40


def test_elk_blad_heeft_omschrijving_bron_en_status(systeem):
    fouten = []
    for blad in _bladeren(systeem):
        if not (blad.description or "").strip():
            fouten.append(f"{blad.name}: geen description")
        fouten += fouten_in_metadata(blad.metadata, blad.name)
    assert not fouten, "\n".join(fouten)


def test_elke_waarde_heeft_bron_en_status(systeem):
    # A value inherits the leaf's metadata and may override it with the instrument that set it.
    fouten = []
    for blad in _bladeren(systeem):
        for waarde in blad.values_list:
            fouten += fouten_in_metadata(waarde.metadata, f"{blad.name}@{waarde.instant_str}")
    assert not fouten, "\n".join(fouten)


def test_getallen_hebben_een_eenheid(systeem):
    zonder = [
        blad.name
        for blad in _bladeren(systeem)
        if any(isinstance(w.value, (int, float)) and not isinstance(w.value, bool) for w in blad.values_list)
        and not blad.metadata.get("unit")
    ]
    assert not zonder, f"getallen zonder metadata.unit: {zonder}"


def test_elk_blad_heeft_een_waarde_op_de_eerste_gedekte_dag(systeem):
    # The model covers every month from 2016-04: each rule must say what held on 2016-04-14.
    eerste_dag = str(EERSTE_GELDIGE_DAG)
    zonder = [blad.name for blad in _bladeren(systeem) if min(w.instant_str for w in blad.values_list) > eerste_dag]
    assert not zonder, f"geen waarde op {eerste_dag}: {zonder}"


def test_elke_knoop_heeft_een_omschrijving(systeem):
    zonder = [k.name or "(wortel)" for k in _knopen(systeem) if not (k.description or "").strip()]
    assert not zonder, f"knopen zonder index.yaml-description: {zonder}"


KST = "https://zoek.officielebekendmakingen.nl/kst-22343-419.html"
OW = "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.22"


@pytest.mark.parametrize(
    "metadata, verwacht",
    [
        ({"status": "wet", "reference": [{"tekst": "x", "url": "https://example.org/"}]}, "geen bron op artikelniveau"),
        ({"status": "gewoonte", "reference": [{"tekst": "x", "url": KST}]}, "status"),
        ({"status": "wet", "reference": []}, "niet-lege lijst"),
        ({"status": "wet", "reference": [{"tekst": "x", "url": OW}], "bron": "x"}, "onbekende metadata-sleutels"),
        ({"status": "wet", "reference": [OW]}, "tekst en url"),
    ],
)
def test_de_controle_vangt_fouten(metadata, verwacht):
    # The checks above would pass vacuously if the validator accepted anything.
    fouten = fouten_in_metadata(metadata, "proef")
    assert any(verwacht in fout for fout in fouten), fouten


def test_de_controle_accepteert_een_juiste_bron():
    metadata = {
        "status": "wet",
        "unit": "fte",
        "reference": [
            {
                "tekst": "Ow art. 18.22",
                "url": "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.22&lid=2&g=2024-01-01",
            }
        ],
    }
    assert fouten_in_metadata(metadata, "proef") == []

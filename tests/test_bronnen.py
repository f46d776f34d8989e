"""Tracing both ways: every source a rule cites is in the registry, and the article view is sound.

``openfisca_vth/bronnen_register.py`` defines each source once; variables cite it with
``reference = urls(...)``, parameters with ``{tekst, url}``. The article view of
docs/legal-sources.md (``openfisca_vth/bronnen.py``) lists per article the rules resting on it.
"""

import re
from pathlib import Path

import pytest

from openfisca_vth import bronnen, bronnen_register
from openfisca_vth.bronnen_register import (
    BRONNEN,
    KST_22343_419,
    LEDEN,
    OW_18_22_LID_2,
    Bron,
    artikel_van,
    bron,
    bronnen_van_variabele,
    lid_tekst,
    lid_van,
    urls,
)
from openfisca_vth.metadata import BRON_URL, bladeren
from openfisca_vth.paths import VARIABLES_DIR
from openfisca_vth.reforms import bekende_hervormingen, laad_hervorming

ROOT = Path(__file__).resolve().parents[1]
LID_WOORD = {woord: nummer for nummer, woord in LEDEN.items()}


def _parameter_referenties(systeem):
    """``(naam, {tekst, url})`` for every citation of every leaf and dated value of ``systeem``."""
    for blad in bladeren(systeem.parameters):
        for metadata in [blad.metadata, *(waarde.metadata for waarde in blad.values_list)]:
            for referentie in metadata.get("reference", []):
                yield blad.name, referentie


def _variabele_urls(systeem):
    for naam, variabele in systeem.variables.items():
        for url in variabele.reference or []:
            yield naam, url


# --- The registry ---------------------------------------------------------------------------------


def test_each_source_is_an_article_level_link():
    for b in BRONNEN:
        assert isinstance(b, Bron) and b.tekst.strip(), b
        assert BRON_URL.match(b.url), f"{b.url} is geen bron op artikelniveau"
    assert len({b.url for b in BRONNEN}) == len(BRONNEN)


def test_urls_gives_the_urls_in_order():
    assert urls(KST_22343_419, OW_18_22_LID_2) == [KST_22343_419.url, OW_18_22_LID_2.url]
    assert urls() == []
    with pytest.raises(TypeError, match="bronnen_register"):
        urls(KST_22343_419.url)


def test_an_unknown_url_is_a_one_line_dutch_key_error():
    url = "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=99.99"
    with pytest.raises(KeyError) as fout:
        bron(url)
    melding = fout.value.args[0]
    assert "\n" not in melding
    assert url in melding and "openfisca_vth/bronnen_register.py" in melding
    assert "onbekende bron" in melding


def test_a_juriconnect_citation_names_its_article_and_lid():
    met_lid = [b for b in BRONNEN if lid_van(b.url)]
    assert OW_18_22_LID_2 in met_lid
    assert OW_18_22_LID_2.tekst == "Omgevingswet, art. 18.22, tweede lid"
    for b in BRONNEN:
        artikel = artikel_van(b.url)
        if not artikel.wet:
            continue
        assert b.tekst.startswith(artikel.tekst), (b.tekst, artikel.tekst)
        if lid := lid_van(b.url):
            assert b.tekst == f"{artikel.tekst}, {lid_tekst(lid)}"
        else:
            assert b.tekst == artikel.tekst


def test_artikel_van_drops_lid_and_version_date():
    artikel = artikel_van(OW_18_22_LID_2.url)
    assert artikel.tekst == "Omgevingswet, art. 18.22"
    assert artikel.url == "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.22"
    assert artikel_van(bronnen_register.OW_18_22.url) == artikel
    assert artikel_van(KST_22343_419.url).url == KST_22343_419.url


# --- Variables ------------------------------------------------------------------------------------


def test_every_variable_with_a_formula_cites_a_registered_source(tax_benefit_system):
    zonder = []
    for naam, variabele in tax_benefit_system.variables.items():
        if variabele.is_input_variable():
            continue
        if not variabele.reference:
            zonder.append(naam)
        for url in variabele.reference or []:
            assert bron(url).url == url
    assert not zonder, f"variabelen met een formule zonder bron: {zonder}"


def test_sources_of_a_variable_are_bron_records(tax_benefit_system):
    for naam, variabele in tax_benefit_system.variables.items():
        gevonden = bronnen_van_variabele(variabele)
        assert [b.url for b in gevonden] == list(variabele.reference or []), naam
        for b in gevonden:
            assert isinstance(b, Bron) and b.tekst.strip(), naam
    robuust = bronnen_van_variabele(tax_benefit_system.variables["robuust"])
    assert KST_22343_419 in robuust


def test_no_variable_file_writes_a_url():
    bestanden = sorted(VARIABLES_DIR.glob("*.py"))
    assert bestanden
    for bestand in bestanden:
        assert "https://" not in bestand.read_text(encoding="utf-8"), (
            f"{bestand.name}: citeer een bron uit openfisca_vth/bronnen_register.py met urls(...)"
        )


# --- Parameters -----------------------------------------------------------------------------------


@pytest.mark.parametrize("hervorming", [None, *bekende_hervormingen()])
def test_registry_knows_every_url_a_parameter_cites(tax_benefit_system, hervorming):
    systeem = laad_hervorming(hervorming, tax_benefit_system) if hervorming else tax_benefit_system
    for naam, referentie in _parameter_referenties(systeem):
        assert bron(referentie["url"]).url == referentie["url"], naam


_ARTIKEL_IN_TEKST = re.compile(
    r"^(?P<wet>[^,]+), (?:art\.|bijlage) (?P<nr>[\w.]+)(?:, (?P<leden>(?:\w+, |\w+ en )*\w+) lid)?"
)


def _publicatiekenmerk(publicatie):
    """How a citation text names a publication: kst-22343-419 -> "nr. 419", stb-2017-193 -> "Stb. 2017, 193"."""
    soort, *rest = publicatie.split("-")
    return f"Stb. {rest[0]}, {rest[1]}" if soort == "stb" else f"nr. {rest[-1]}"


def test_a_source_shared_by_a_parameter_and_a_variable_names_the_same_article(tax_benefit_system):
    door_variabelen = {url for _, url in _variabele_urls(tax_benefit_system)}
    gedeeld = [(n, r) for n, r in _parameter_referenties(tax_benefit_system) if r["url"] in door_variabelen]
    assert {r["url"] for _, r in gedeeld} >= {KST_22343_419.url, OW_18_22_LID_2.url}
    for naam, referentie in gedeeld:
        url, artikel, lid = referentie["url"], artikel_van(referentie["url"]), lid_van(referentie["url"])
        for tekst in (referentie["tekst"], bron(url).tekst):
            if not artikel.wet:
                assert _publicatiekenmerk(artikel.nummer) in tekst, (naam, tekst)
                continue
            gelezen = _ARTIKEL_IN_TEKST.match(tekst)
            assert gelezen, f"{naam}: {tekst!r} noemt geen artikel"
            assert (gelezen["wet"], gelezen["nr"]) == (artikel.wet, artikel.nummer), (naam, tekst, url)
            if lid:
                leden = {LID_WOORD[w] for w in re.split(r", | en ", gelezen["leden"] or "") if w}
                assert lid in leden, (naam, tekst, url)


# --- The article view -----------------------------------------------------------------------------


def _artikelweergave(tekst):
    assert "\n## By article\n" in tekst
    deel = tekst.split("\n## By article\n", 1)[1].split("\n## ", 1)[0]
    blokken = {}
    for blok in deel.split("\n### ")[1:]:
        kop, _, inhoud = blok.partition("\n")
        blokken[kop] = inhoud
    return blokken


def _blok(blokken, begin):
    gevonden = [inhoud for kop, inhoud in blokken.items() if kop.startswith(begin)]
    assert len(gevonden) == 1, (begin, list(blokken))
    return gevonden[0]


def test_article_view_lists_rules_under_their_article(tax_benefit_system):
    blokken = _artikelweergave(bronnen.render(tax_benefit_system))
    brief = _blok(blokken, f"[{KST_22343_419.tekst}]({KST_22343_419.url})")
    assert "| `robuust` | variable | `variables/robuustheid.py` |" in brief
    assert (
        "| `robuustheidscriteria.afgesproken` | parameter | `parameters/robuustheidscriteria/afgesproken.yaml` |"
        in (brief)
    )
    gemeentewet_124 = _blok(blokken, "[Gemeentewet, art. 124](")
    assert "| `interbestuurlijk_toezichthouder` | variable | `variables/interbestuurlijk_toezicht.py` |" in (
        gemeentewet_124
    )
    # the lids of art. 124 are grouped under it; 124a is an article of its own
    assert "| `voornemen_bijsturing_bekendgemaakt` | variable | `variables/bijsturing.py` | vierde lid |" in (
        gemeentewet_124
    )
    assert "`verzoek_124a_mogelijk`" not in gemeentewet_124
    # a generated variable names the file of its template; a reform's own parameter its reform folder
    assert "`variables/taakcategorieen.py`" in _blok(blokken, "[Omgevingsbesluit, art. 13.12](")
    assert "`openfisca_vth/reforms/parameters/wetsvoorstel_versterking_vth/" in brief


def test_article_view_sorts_laws_then_article_numbers_naturally(tax_benefit_system):
    koppen = list(_artikelweergave(bronnen.render(tax_benefit_system)))
    omgevingswet = [k for k in koppen if k.startswith("[Omgevingswet, art. ")]
    nummers = [re.match(r"\[Omgevingswet, art\. ([\d.]+)\]", k)[1] for k in omgevingswet]
    assert nummers.index("18.2") < nummers.index("18.21") < nummers.index("18.22") < nummers.index("18.24")
    assert nummers.index("2.4") < nummers.index("5.8") < nummers.index("18.2")
    wetten = [re.match(r"\[([^,\]]+),", k)[1] for k in koppen if "wetten.overheid.nl" in k]
    assert wetten == sorted(wetten)
    # the publications come after the statutes
    eerste_publicatie = next(i for i, k in enumerate(koppen) if "officielebekendmakingen" in k)
    assert all("officielebekendmakingen" in k for k in koppen[eerste_publicatie:])


def test_every_file_the_article_view_names_exists():
    tekst = (ROOT / "docs" / "legal-sources.md").read_text(encoding="utf-8")
    paden = set()
    for inhoud in _artikelweergave(tekst).values():
        paden.update(re.findall(r"`([\w/.-]+\.(?:py|yaml))`", inhoud))
    assert "variables/robuustheid.py" in paden
    ontbreekt = sorted(p for p in paden if not (ROOT / p).is_file())
    assert not ontbreekt, f"de artikelweergave noemt bestanden die niet bestaan: {ontbreekt}"

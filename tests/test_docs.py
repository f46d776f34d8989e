"""Generated documents are fresh."""

from pathlib import Path

from openfisca_vth import bronnen
from openfisca_vth.metadata import bladeren

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_legal_sources_is_fresh(tax_benefit_system):
    verwacht = bronnen.render(tax_benefit_system)
    assert (DOCS / "legal-sources.md").read_text(encoding="utf-8") == verwacht, (
        "docs/legal-sources.md is verouderd: python -m openfisca_vth.bronnen > docs/legal-sources.md"
    )


def test_legal_sources_names_every_rule(tax_benefit_system):
    tekst = bronnen.render(tax_benefit_system)
    for blad in bladeren(tax_benefit_system.parameters):
        assert f"`{blad.name}`" in tekst
    assert "`bijsturingsbevoegdheid_staatssecretaris`" in tekst


def test_legal_sources_names_the_reforms_assumptions():
    tekst = (DOCS / "legal-sources.md").read_text(encoding="utf-8")
    assert "`wetsvoorstel_versterking_vth.inwerkingtreding`" in tekst
    assert "`verbreding_basistakenpakket.ingangsdatum`" in tekst

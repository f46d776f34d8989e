"""Render docs/legal-sources.md: each rule -> its source -> its legal status, and back.

The document is generated from the parameter tree and the variables, so it cannot drift from
the code; ``tests/test_docs.py`` checks that the committed file is fresh. Regenerate with::

    python -m openfisca_vth.bronnen > docs/legal-sources.md

The last section, the article view ("By article"), traces the other way: per article or
publication (``openfisca_vth/bronnen_register.py``), every parameter and variable that rests on it.
"""

import inspect
from collections import Counter, defaultdict
from pathlib import Path

from openfisca_vth.bronnen_register import artikel_van, bronnen_van_variabele, lid_tekst, lid_van
from openfisca_vth.metadata import STATUSSEN, bladeren
from openfisca_vth.metadata import blad as metadata_blad
from openfisca_vth.paths import repository_pad


def _bronnen(referenties):
    return "; ".join(f"[{r['tekst']}]({r['url']})" for r in referenties)


def _cel(tekst):
    return str(tekst).replace("|", "\\|").replace("\n", " ")


def _regeltabellen(bladen, kop):
    """One table per top-level node: each dated value of each leaf with its status and sources."""
    regels, hoofdstuk = [], None
    for blad in sorted(bladen, key=lambda b: b.name):
        boven = blad.name.split(".")[0]
        if boven != hoofdstuk:
            hoofdstuk = boven
            regels += [f"{kop} {boven}", "", "| rule | from | value | status | source |", "|---|---|---|---|---|"]
        for waarde in sorted(blad.values_list, key=lambda w: w.instant_str):
            regels.append(
                f"| `{blad.name}`<br>{_cel(blad.description)} | {waarde.instant_str} | "
                f"`{waarde.value}` | `{waarde.metadata.get('status')}` | "
                f"{_cel(_bronnen(waarde.metadata.get('reference', [])))} |"
            )
    return [*regels, ""] if regels else []


def _eigen_bladeren_van_hervormingen(tax_benefit_system):
    """The parameter leaves the Python reforms bring of their own (``openfisca_vth/reforms/parameters/``)."""
    from openfisca_vth.reforms import PYTHON_HERVORMINGEN, laad_hervorming

    for naam in PYTHON_HERVORMINGEN:
        eigen = laad_hervorming(naam, tax_benefit_system).parameters.children[naam]
        yield from bladeren(eigen)


# Issue 7: the legal model checked against the voortgangsbrief and the primary texts. Each point:
# the decision, the source, and the parameters that carry it (their status is read live).
BESLISSINGEN = (
    (
        "1. What decides `robuust`",
        "Only basistakenpakket, kritieke_massa and onafhankelijkheid count (the letter lays down recommendations 1 "
        "and 2: size and set-up 'op kwalitatief voldoende niveau en in onafhankelijkheid'). Financing "
        "(rec. 5) and uniform policy (rec. 7) are separate tracks; the werkgebied is statute, checked as "
        "`werkgebied_in_strijd_met_wet` from 2024-01-01. The reform file `alle_zes_robuustheidscriteria` "
        "counts all six.",
        "Voortgangsbrief voorjaar 2025 (footnote 2, recs. 1, 2, 5, 7); Omgevingswet art. 18.21 lid 3",
        (
            "robuustheidscriteria.afgesproken",
            "robuustheidscriteria.financiering.van_toepassing",
            "robuustheidscriteria.uniform_beleid.van_toepassing",
            "robuustheidscriteria.werkgebied.van_toepassing",
            "werkgebied.wettelijke_eis",
        ),
    ),
    (
        "2. Status says what is known",
        "The existence of the criteria and the deadline are `bestuurlijke_afspraak`; which criteria count and what "
        "they say, the minimum formation and every value resting on the unread Omgevingsbesluit are `aanname`; "
        "the absence of an enforcement power today is `wet`; budget figures are `begroting`. A test requires every "
        "status above `aanname` to cite a text listed in `openfisca_vth/primaire_teksten.py`. Kamerstuk facts: "
        "that the letter is nr. 419 and that nr. 405 is the letter of 5 December 2024 are inferences; nr. 401 is "
        "dated 24 October 2024 (the letter says 27).",
        "The texts read: Omgevingswet (2024), Gemeentewet and Provinciewet (2015), Wabo 2.4/5.3 and Wbb 88 (2015), "
        "Bor 3.3 (2015), the voortgangsbrief",
        (
            "robuustheidscriteria.basistakenpakket.van_toepassing",
            "robuustheidscriteria.kritieke_massa.minimum_fte_formatie",
            "robuustheidstermijn_verstreken",
            "bijsturingsbevoegdheid.robuustheid.in_werking",
            "begroting.decentralisatie_uitkering_vth",
        ),
    ),
    (
        "3. Seveso exclusivity",
        "Each province has one designated Seveso-omgevingsdienst; its Seveso and RIE-4 tasks belong there and "
        "nowhere else, party or not. In-house or elsewhere falls short (`plaatsing_seveso_taken`), checked once per "
        "province (`draagt_seveso_plicht`); the dienst's own basistakenpakket criterion counts only tasks owed to "
        "it. The dataset's `seveso_taken.csv` says where each province placed them. Without a CBS code (a "
        "hand-written situation) the old reading holds: a province at a Seveso-OD owes them there.",
        "Omgevingswet art. 18.22 lid 2 (read); designation article of the Omgevingsbesluit (not read)",
        (
            "basistakenpakket.seveso_aanwijzing.PV27",
            "basistakenpakket.seveso_aanwijzing.PV23",
            "basistakenpakket.taakcategorieen.seveso_inrichtingen.uitsluitend_seveso_omgevingsdienst",
        ),
    ),
    (
        "4. Who can act, in current law",
        "Against a province: the minister concerned (Provinciewet art. 121), so `inbreng_basistakenpakket_afdwingbaar` "
        "is true there today. Against a gemeente: gedeputeerde staten of its province (Gemeentewet art. 124); the "
        "minister only via art. 124a (`verzoek_124a_mogelijk`, `bevoegdheid_124_overgegaan_op_minister`), or "
        "directly if the law were in the annex of art. 124b (a dated switch, false). Reports name the province and "
        "cite the article.",
        "Gemeentewet art. 124, 124a, 124b and annex; Provinciewet art. 121 (texts of 2015)",
        (
            "interbestuurlijk_toezicht.indeplaatsstelling_provincie_door_minister",
            "interbestuurlijk_toezicht.verzoek_minister_aan_gedeputeerde_staten",
            "interbestuurlijk_toezicht.omgevingsrecht_in_bijlage_gemeentewet_124b",
        ),
    ),
    (
        "5. Before 2024",
        "The basistakenpakket duty starts with the Bor amendment (Stb. 2017, 193), assumed 2017-07-01: its nader "
        "rapport is dated 18 April 2017 and asbestos became a basistaak on 1 July 2017; the in-force decree was "
        "not read. Soil: gedeputeerde staten were competent, except the four cities of Wbb art. 88 lid 1 and the "
        "24 gemeenten of Stb. 2000, 591 (Zwolle flagged unverified), listed in `wbb_gelijkgestelde_gemeenten.csv`.",
        "Wet bodembescherming art. 88 (read); Stb. 2000, 591 (read in an excerpt); Stb. 2017, 193 (not read)",
        (
            "basistakenpakket.taakcategorieen.milieubelastende_activiteiten.is_basistaak",
            "basistakenpakket.taakcategorieen.bodem.bevoegd_gezag.gemeente",
            "basistakenpakket.taakcategorieen.bodem.bevoegd_gezag.gelijkgestelde_gemeente",
        ),
    ),
    (
        "6. Dates inside a month",
        "The strict side: a term counts as passed in a month only if it ended before the month began (a "
        "hersteltermijn ending 15 June makes execution possible from July). Used for the hersteltermijn and the "
        "term of a 124a request.",
        "Gemeentewet art. 124 lid 2, 124a; Provinciewet art. 121 lid 2",
        ("interbestuurlijk_toezicht.uitvoering_pas_na_hersteltermijn",),
    ),
    (
        "7. A waterschap",
        "No basistakenpakket duty, and it does not make its dienst fail a criterion (no source says so).",
        "Omgevingswet art. 18.21 lid 1, 18.22",
        ("robuustheidscriteria.waterschap_telt_mee",),
    ),
    (
        "8. Nothing silent",
        "Every parameter is read by a formula or marked `informatief` (budget amounts, the study cycle, the form of "
        "the power); a test traces every formula to check it. Visitaties: rounds of four years, the next starting "
        "in 2026 (`visitatie_verschuldigd_in_lopende_ronde`).",
        "Voortgangsbrief voorjaar 2025 (recommendation 9); Omgevingswet art. 18.24",
        (
            "monitoring.visitatie.cyclus_jaren",
            "monitoring.visitatie.begin_ronde",
            "monitoring.doeltreffendheidsonderzoek_cyclus",
            "bijsturingsbevoegdheid.robuustheid.vorm",
        ),
    ),
    (
        "9. Names",
        "`robuustheidscriteria.termijn_verstreken` is now `robuustheidstermijn_verstreken` (as the variable); the "
        "amounts `financiering.*` are `begroting.*`; `monitoring.visitatie_cyclus` is "
        "`monitoring.visitatie.cyclus_jaren`. A reform file naming an old path is answered 'hernoemd tot ...'. A "
        "criterion folder without its variable fails at load time with one line.",
        "CHANGELOG.md (0.2.0)",
        ("robuustheidstermijn_verstreken",),
    ),
)


def _beslissingen(tax_benefit_system):
    regels = [
        "## Corrections against the primary texts (issue 7)",
        "",
        "Each point of the legal review, the decision taken, the source, and the status the rules now carry",
        "(the statuses of each dated value, read from the parameter tree).",
        "",
        "| point | decision | source | rules and their statuses |",
        "|---|---|---|---|",
    ]
    for punt, besluit, bron, paden in BESLISSINGEN:
        statussen = "<br>".join(
            f"`{pad}`: "
            + ", ".join(
                f"{w.instant_str} `{w.metadata.get('status')}`"
                for w in sorted(
                    metadata_blad(tax_benefit_system.parameters, pad).values_list, key=lambda w: w.instant_str
                )
            )
            for pad in paden
        )
        regels.append(f"| {punt} | {_cel(besluit)} | {_cel(bron)} | {statussen} |")
    return [*regels, ""]


# The folders of the model as they sit in the repository; an installed wheel has the same three.
def _pad(bestand):
    """``bestand`` as a path from the repository root, e.g. ``variables/robuustheid.py``."""
    return repository_pad(bestand) or Path(bestand).resolve().as_posix()


def _citaten(tax_benefit_system):
    """``(url, soort, naam, pad)`` for each source cited by a parameter leaf (any dated value) or a variable."""
    for blad in [*bladeren(tax_benefit_system.parameters), *_eigen_bladeren_van_hervormingen(tax_benefit_system)]:
        metadata = [blad.metadata, *(waarde.metadata for waarde in blad.values_list)]
        for referentie in (r for m in metadata for r in m.get("reference", [])):
            yield referentie["url"], "parameter", blad.name, _pad(blad.file_path)
    for naam, variabele in tax_benefit_system.variables.items():
        # a variable generated from a template (variables/taakcategorieen.py) is defined in that file
        pad = _pad(inspect.getsourcefile(type(variabele)))
        for bron in bronnen_van_variabele(variabele):
            yield bron.url, "variable", naam, pad


def _aangehaald(leden):
    """Which part of the article a rule cites: the whole article and/or its lids."""
    delen = ["whole article" if lid is None else lid_tekst(lid) for lid in sorted(leden, key=lambda x: x or 0)]
    return ", ".join(delen)


def _artikelweergave(tax_benefit_system):
    """The article view: per article or publication, every parameter and variable resting on it."""
    per_artikel = defaultdict(lambda: defaultdict(set))
    for url, soort, naam, pad in _citaten(tax_benefit_system):
        per_artikel[artikel_van(url)][(soort != "parameter", naam, soort, pad)].add(lid_van(url))
    regels = [
        "## By article",
        "",
        "The tracing the other way: every article (or annex) of a statute and every publication the model",
        "cites, with each parameter (its YAML file) and each variable (its Python file) that rests on it.",
        "The lids of an article are grouped under it and the version date of a link (`g=`) is ignored;",
        "`cites` says which part a rule cites. Each source is defined once, in",
        "`openfisca_vth/bronnen_register.py`.",
        "",
    ]
    for artikel in sorted(per_artikel, key=lambda a: a.sorteersleutel):
        regels += [
            f"### [{_cel(artikel.tekst)}]({artikel.url})",
            "",
            "| rule | kind | file | cites |",
            "|---|---|---|---|",
        ]
        for (_, naam, soort, pad), leden in sorted(per_artikel[artikel].items()):
            deel = _aangehaald(leden) if artikel.wet else "publication"
            regels.append(f"| `{naam}` | {soort} | `{pad}` | {deel} |")
        regels.append("")
    return regels


def render(tax_benefit_system):
    alle_bladeren = list(bladeren(tax_benefit_system.parameters))
    waarden = [w for blad in alle_bladeren for w in blad.values_list]
    telling = Counter(w.metadata.get("status") for w in waarden)

    regels = [
        "# Legal sources of openfisca-vth",
        "",
        "<!-- Generated by `python -m openfisca_vth.bronnen > docs/legal-sources.md`; do not edit. -->",
        "",
        "Each rule of the model, the source it rests on and its legal status. Status vocabulary:",
        "`wet` (statute), `amvb` (algemene maatregel van bestuur), `bestuurlijke_afspraak`",
        "(administrative agreement between the stelselpartijen), `begroting` (a budget decision: an",
        "amount, neither law nor agreement), `wetsvoorstel` (a bill in preparation; not law), `aanname`",
        "(the best reading where the primary text was not read: correct it in the YAML file, no code",
        "change needed). A status other than `aanname` must cite a text that was read",
        "(`openfisca_vth/primaire_teksten.py`). Leaves marked `informatief` are read by no formula.",
        "",
        "| status | dated values |",
        "|---|---|",
        *[f"| `{status}` | {telling.get(status, 0)} |" for status in STATUSSEN],
        "",
        *_beslissingen(tax_benefit_system),
        "## Parameters",
        "",
        "A value applies from its date until the next one. Months are read on their last day.",
        "",
    ]
    regels += _regeltabellen(alle_bladeren, "###")
    regels += [
        "",
        "## Assumptions of the encoded reforms",
        "",
        "The Python reforms bring parameters of their own (`openfisca_vth/reforms/parameters/`): the",
        "assumptions a drafter can change in a reform file with `basis: <reform>` (docs/reforms.md).",
        "",
    ]
    regels += _regeltabellen(_eigen_bladeren_van_hervormingen(tax_benefit_system), "###")
    regels += [
        "",
        "## Variables with a formula",
        "",
        "| variable | entity | meaning | sources |",
        "|---|---|---|---|",
    ]
    for naam, variabele in sorted(tax_benefit_system.variables.items()):
        if variabele.is_input_variable():
            continue
        bronnen = _bronnen(b.naar_dict() for b in bronnen_van_variabele(variabele))
        regels.append(f"| `{naam}` | {variabele.entity.key} | {_cel(variabele.label)} | {_cel(bronnen)} |")
    regels += ["", *_artikelweergave(tax_benefit_system)]
    return "\n".join(regels).rstrip("\n") + "\n"


if __name__ == "__main__":
    from openfisca_vth import CountryTaxBenefitSystem

    print(render(CountryTaxBenefitSystem()), end="")

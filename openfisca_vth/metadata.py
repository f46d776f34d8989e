"""The metadata convention of the parameter tree, in one place.

Every parameter leaf (and every value that overrides it) carries ``metadata.status`` (the legal
force of the rule), ``metadata.reference`` (a list of ``{tekst, url}`` article-level citations)
and, for numbers, ``metadata.unit``. The test suite, the reform-file loader and the explanation
and reference-doc generators all read these keys through this module.
"""

# mypy: check-untyped-defs

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from openfisca_core.parameters import ParameterNode

if TYPE_CHECKING:
    from openfisca_core.parameters import Parameter, ParameterAtInstant
    from openfisca_core.periods import Instant

# The legal force of a rule. ``begroting`` is a budget decision (an amount on a budget), which is
# neither law nor an agreement between the stelselpartijen; docs/legal-sources.md explains each.
STATUSSEN = ("wet", "amvb", "bestuurlijke_afspraak", "begroting", "wetsvoorstel", "aanname")
# ``informatief: true`` marks a leaf that no formula reads (an amount, the form of a power): changing
# it changes no result. tests/test_parameters.py checks that every other leaf is read.
# ``alternatieven`` (a list) are the values the assumption sensitivity (openfisca_vth.aannames)
# tries for a number or text; a boolean is flipped and a date moved a year without them.
METADATA_SLEUTELS = frozenset({"reference", "status", "unit", "informatief", "alternatieven"})

# Article-level sources: a juriconnect link to an article or annex of a statute on
# wetten.overheid.nl, or an official publication (Kamerstuk, Staatsblad, Staatscourant,
# provinciaal blad, gemeenteblad) on zoek.officielebekendmakingen.nl.
BRON_URL = re.compile(
    r"^https://("
    r"wetten\.overheid\.nl/jci1\.3:c:BWBR\d{7}&(artikel|bijlage)=[\w.]+(&lid=\d+)?(&g=\d{4}-\d\d-\d\d)?"
    r"|zoek\.officielebekendmakingen\.nl/(kst|stb|stcrt|prb|gmb)-[\w-]+\.html"
    r")$"
)


def fouten_in_metadata(metadata: Mapping[str, Any], waar: str) -> list[str]:
    """The ways ``metadata`` (a parameter's or a value's metadata) breaks the convention, as one-line
    Dutch messages prefixed by ``waar``; an empty list when it keeps it. Raises nothing."""
    fouten: list[str] = []
    onbekend = set(metadata) - METADATA_SLEUTELS
    if onbekend:
        fouten.append(f"{waar}: onbekende metadata-sleutels {sorted(onbekend)}")
    if "informatief" in metadata and metadata["informatief"] is not True:
        fouten.append(f"{waar}: informatief is alleen true (of weggelaten)")
    if "alternatieven" in metadata and (
        not isinstance(metadata["alternatieven"], list) or not metadata["alternatieven"]
    ):
        fouten.append(f"{waar}: alternatieven is een niet-lege lijst van waarden")
    if metadata.get("status") not in STATUSSEN:
        fouten.append(f"{waar}: status {metadata.get('status')!r} niet in {list(STATUSSEN)}")
    referenties = metadata.get("reference")
    if not isinstance(referenties, list) or not referenties:
        fouten.append(f"{waar}: reference moet een niet-lege lijst van {{tekst, url}} zijn")
        return fouten
    for referentie in referenties:
        if not isinstance(referentie, dict) or set(referentie) != {"tekst", "url"}:
            fouten.append(f"{waar}: referentie {referentie!r} heeft niet precies tekst en url")
            continue
        if not str(referentie["tekst"]).strip():
            fouten.append(f"{waar}: lege referentietekst")
        if not BRON_URL.match(str(referentie["url"])):
            fouten.append(f"{waar}: {referentie['url']} is geen bron op artikelniveau")
    return fouten


# Parameter paths renamed once (version 0.2, CHANGELOG.md): old path -> new path. A drafter's reform
# file that still names an old path is answered with "hernoemd tot ...".
HERNOEMD = {
    "robuustheidscriteria.termijn_verstreken": "robuustheidstermijn_verstreken",
    "financiering.decentralisatie_uitkering_vth": "begroting.decentralisatie_uitkering_vth",
    "financiering.rijksbijdrage_versterking_vth": "begroting.rijksbijdrage_versterking_vth",
    "financiering.versterking_ilt": "begroting.versterking_ilt",
    "monitoring.visitatie_cyclus": "monitoring.visitatie.cyclus_jaren",
    "wetsvoorstel_versterking_vth.afdwingen_inbreng_basistakenpakket": (
        "wetsvoorstel_versterking_vth.route_inbreng_basistakenpakket"
    ),
}


def blad(parameters: ParameterNode, pad: str) -> Parameter | None:
    """The parameter leaf at the dotted ``pad`` below ``parameters``, or None (a missing path or a node)."""
    knoop = parameters
    for deel in pad.split("."):
        knoop = getattr(knoop, "children", {}).get(deel)
        if knoop is None:
            return None
    return None if isinstance(knoop, ParameterNode) else knoop


def waarde_in_werking(parameter: Parameter, dag: datetime.date | Instant | str) -> ParameterAtInstant | None:
    """The ``ParameterAtInstant`` of ``parameter`` in force on ``dag`` (a date, an OpenFisca instant or
    ``JJJJ-MM-DD``), or None before its first value; its ``metadata`` holds the status and sources of
    that value."""
    return next((w for w in parameter.values_list if w.instant_str <= str(dag)), None)


def is_informatief(parameter: Parameter) -> bool:
    """Whether ``parameter`` is marked as read by no formula (``metadata.informatief``)."""
    return parameter.metadata.get("informatief") is True


def knopen(node: ParameterNode) -> Iterator[ParameterNode]:
    """``node`` and every parameter node below it, depth first."""
    yield node
    for kind in node.children.values():
        if isinstance(kind, ParameterNode):
            yield from knopen(kind)


def bladeren(node: ParameterNode) -> Iterator[Parameter]:
    """Every parameter leaf below ``node``, depth first."""
    for knoop in knopen(node):
        for kind in knoop.children.values():
            if not isinstance(kind, ParameterNode):
                yield kind

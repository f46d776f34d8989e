"""The metadata convention of the parameter tree, in one place.

Every parameter leaf (and every value that overrides it) carries ``metadata.status`` (the legal
force of the rule), ``metadata.reference`` (a list of ``{tekst, url}`` article-level citations)
and, for numbers, ``metadata.unit``. The test suite, the reform-file loader and the explanation
and reference-doc generators all read these keys through this module.
"""

import re

from openfisca_core.parameters import ParameterNode

STATUSSEN = ("wet", "amvb", "bestuurlijke_afspraak", "wetsvoorstel", "aanname")
METADATA_SLEUTELS = frozenset({"reference", "status", "unit"})

# Article-level sources: a juriconnect link to an article or annex of a statute on
# wetten.overheid.nl, or an official publication (Kamerstuk, Staatsblad, Staatscourant,
# provinciaal blad, gemeenteblad) on zoek.officielebekendmakingen.nl.
BRON_URL = re.compile(
    r"^https://("
    r"wetten\.overheid\.nl/jci1\.3:c:BWBR\d{7}&(artikel|bijlage)=[\w.]+(&lid=\d+)?(&g=\d{4}-\d\d-\d\d)?"
    r"|zoek\.officielebekendmakingen\.nl/(kst|stb|stcrt|prb|gmb)-[\w-]+\.html"
    r")$"
)


def fouten_in_metadata(metadata, waar):
    """The ways ``metadata`` breaks the convention, as one-line Dutch messages prefixed by ``waar``."""
    fouten = []
    onbekend = set(metadata) - METADATA_SLEUTELS
    if onbekend:
        fouten.append(f"{waar}: onbekende metadata-sleutels {sorted(onbekend)}")
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


def knopen(node):
    """``node`` and every parameter node below it, depth first."""
    yield node
    for kind in node.children.values():
        if isinstance(kind, ParameterNode):
            yield from knopen(kind)


def bladeren(node):
    """Every parameter leaf below ``node``, depth first."""
    for knoop in knopen(node):
        for kind in knoop.children.values():
            if not isinstance(kind, ParameterNode):
                yield kind

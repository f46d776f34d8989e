"""One rendering layer for every report (status, compare, explain): shared helpers and conventions.

Conventions:
- JSON keys are Dutch (``periode``, ``hervorming``, ``dataset``, ...); JSON is strict (no NaN) and
  UTF-8 (``ensure_ascii=False``), indented by two.
- Booleans read ``ja``/``nee`` in text, Markdown and HTML; ``true``/``false`` in CSV and JSON.
- A source is ``{tekst, url}``; text formats print the text, Markdown and HTML link it.
- HTML is one self-contained file: inline CSS, no scripts, no external resources.
"""

# mypy: check-untyped-defs

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

BREEDTE = 100


class BronMetTekstEnUrl(Protocol):
    """A source as an object (e.g. :class:`openfisca_vth.bronnen_register.Bron`): citation text and URL."""

    @property
    def tekst(self) -> str:
        """The citation text."""
        ...

    @property
    def url(self) -> str:
        """The URL of the article, lid or publication."""
        ...


# A source: a ``{tekst, url}`` dict (parameter metadata) or an object with ``tekst`` and ``url``.
Bronverwijzing = dict[str, Any] | BronMetTekstEnUrl


def ja_nee(waarde: object) -> str:
    """``ja`` if ``waarde`` is true, else ``nee``."""
    return "ja" if waarde else "nee"


def opsomming(delen: Iterable[object]) -> str:
    """'a', 'a en b', 'a, b en c' (an empty list gives ''): the parts as text, in order."""
    teksten = [str(deel) for deel in delen]
    if len(teksten) <= 1:
        return "".join(teksten)
    return ", ".join(teksten[:-1]) + " en " + teksten[-1]


def tekst(waarde: object) -> str:
    """A value as a memo reader reads it: ja/nee, numbers without a needless .0, '(geen)' for None."""
    if isinstance(waarde, bool):
        return ja_nee(waarde)
    if isinstance(waarde, float):
        return f"{waarde:g}"
    if waarde is None:
        return "(geen)"
    return str(waarde)


def json_tekst(data: Any) -> str:
    """``data`` as strict JSON text (indented, UTF-8 characters kept, ending in a newline).

    Raises ``ValueError`` for NaN or infinity and ``TypeError`` for a value JSON cannot hold.
    """
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def md_cel(tekst: object) -> str:
    """``tekst`` as one Markdown table cell: ``|`` escaped, newlines as spaces."""
    return str(tekst).replace("|", "\\|").replace("\n", " ")


def md_tabel(koppen: Sequence[object], rijen: Iterable[Iterable[object]]) -> list[str]:
    """A Markdown table of column heads ``koppen`` and ``rijen`` (cells as text), as lines."""
    regels = ["| " + " | ".join(md_cel(k) for k in koppen) + " |", "|" + "---|" * len(koppen)]
    regels += ["| " + " | ".join(md_cel(c) for c in rij) + " |" for rij in rijen]
    return regels


def md_bron(bron: Bronverwijzing) -> str:
    """A source (``{tekst, url}`` dict or an object with ``tekst``/``url``) as a Markdown link."""
    tekst, url = _tekst_url(bron)
    return f"[{md_cel(tekst)}]({url})"


def _tekst_url(bron: Bronverwijzing) -> tuple[str, str]:
    if isinstance(bron, dict):
        return bron["tekst"], bron["url"]
    return bron.tekst, bron.url


def h(tekst: object) -> str:
    """``tekst`` (any value, as ``str``) HTML-escaped, quotes included."""
    return html.escape(str(tekst), quote=True)


def html_bron(bron: Bronverwijzing) -> str:
    """A source (as in :func:`md_bron`) as an HTML link, text and URL escaped."""
    tekst, url = _tekst_url(bron)
    return f'<a href="{h(url)}">{h(tekst)}</a>'


def html_tabel(koppen: Iterable[object], rijen: Iterable[Iterable[object]], klasse: str = "") -> str:
    """An HTML table of column heads ``koppen`` and ``rijen``, with CSS class ``klasse`` if given; heads and
    cells are HTML already (escape text with :func:`h`)."""
    kop = "".join(f"<th>{k}</th>" for k in koppen)
    romp = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in rij) + "</tr>" for rij in rijen)
    attribuut = f' class="{h(klasse)}"' if klasse else ""
    return f"<table{attribuut}><thead><tr>{kop}</tr></thead><tbody>{romp}</tbody></table>"


_STIJL = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;
color:#1b1b1b;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}
.let-op{background:#fff4d6;border-left:4px solid #e0a800;padding:.5rem 1rem}
.klein{color:#555;font-size:.85rem}
.ja{color:#0a6b2d;font-weight:600}.nee{color:#9b1c1c;font-weight:600}
svg{max-width:100%;height:auto}
"""


def html_ja_nee(waarde: object) -> str:
    """``ja``/``nee`` (:func:`ja_nee`) as an HTML span with the class of the same name."""
    return f'<span class="{ja_nee(waarde)}">{ja_nee(waarde)}</span>'


def html_document(titel: str, secties: Iterable[tuple[str, str]], waarschuwing: str = "") -> str:
    """A self-contained HTML page titled ``titel``: ``secties`` are ``(kop, html)`` pairs (``kop`` plain
    text, may be empty); a non-empty ``waarschuwing`` is shown first as a warning."""
    delen = [f"<h1>{h(titel)}</h1>"]
    if waarschuwing:
        delen.append(f'<p class="let-op"><strong>LET OP.</strong> {h(waarschuwing)}</p>')
    for kop, inhoud in secties:
        if kop:
            delen.append(f"<h2>{h(kop)}</h2>")
        delen.append(inhoud)
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{h(titel)}</title>\n<style>{_STIJL}</style>\n</head>\n<body>\n"
        + "\n".join(delen)
        + "\n</body>\n</html>\n"
    )


def plat(waarde: Mapping[str, Any], voorvoegsel: str = "") -> dict[str, Any]:
    """``waarde`` with nested dicts flattened into dotted keys (``niet_voldaan_per_criterium.kritieke_massa``);
    lists and scalars kept as they are. For CSV columns and records."""
    uitkomst: dict[str, Any] = {}
    for sleutel, kind in waarde.items():
        naam = f"{voorvoegsel}{sleutel}"
        if isinstance(kind, Mapping):
            uitkomst.update(plat(kind, f"{naam}."))
        else:
            uitkomst[naam] = kind
    return uitkomst

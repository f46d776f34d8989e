"""One rendering layer for every report (status, compare, explain): shared helpers and conventions.

Conventions:
- JSON keys are Dutch (``periode``, ``hervorming``, ``dataset``, ...); JSON is strict (no NaN) and
  UTF-8 (``ensure_ascii=False``), indented by two.
- Booleans read ``ja``/``nee`` in text, Markdown and HTML; ``true``/``false`` in CSV and JSON.
- A source is ``{tekst, url}``; text formats print the text, Markdown and HTML link it.
- HTML is one self-contained file: inline CSS, no scripts, no external resources.
"""

import html
import json

BREEDTE = 100


def ja_nee(waarde):
    return "ja" if waarde else "nee"


def opsomming(delen):
    """'a', 'a en b', 'a, b en c' (an empty list gives '')."""
    delen = [str(deel) for deel in delen]
    if len(delen) <= 1:
        return "".join(delen)
    return ", ".join(delen[:-1]) + " en " + delen[-1]


def tekst(waarde):
    """A value as a memo reader reads it: ja/nee, numbers without a needless .0, '(geen)' for None."""
    if isinstance(waarde, bool):
        return ja_nee(waarde)
    if isinstance(waarde, float):
        return f"{waarde:g}"
    if waarde is None:
        return "(geen)"
    return str(waarde)


def json_tekst(data):
    """Strict JSON (NaN and infinity refused), UTF-8, indented."""
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def md_cel(tekst):
    return str(tekst).replace("|", "\\|").replace("\n", " ")


def md_tabel(koppen, rijen):
    regels = ["| " + " | ".join(md_cel(k) for k in koppen) + " |", "|" + "---|" * len(koppen)]
    regels += ["| " + " | ".join(md_cel(c) for c in rij) + " |" for rij in rijen]
    return regels


def md_bron(bron):
    """A source (``{tekst, url}`` dict or an object with ``tekst``/``url``) as a Markdown link."""
    tekst, url = _tekst_url(bron)
    return f"[{md_cel(tekst)}]({url})"


def _tekst_url(bron):
    if isinstance(bron, dict):
        return bron["tekst"], bron["url"]
    return bron.tekst, bron.url


def h(tekst):
    """HTML-escaped text."""
    return html.escape(str(tekst), quote=True)


def html_bron(bron):
    tekst, url = _tekst_url(bron)
    return f'<a href="{h(url)}">{h(tekst)}</a>'


def html_tabel(koppen, rijen, klasse=""):
    """A table; cells are HTML already (escape text with :func:`h`)."""
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


def html_ja_nee(waarde):
    return f'<span class="{ja_nee(waarde)}">{ja_nee(waarde)}</span>'


def html_document(titel, secties, waarschuwing=""):
    """A self-contained HTML page: ``secties`` are ``(kop, html)`` pairs; ``kop`` may be empty."""
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

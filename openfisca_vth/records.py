"""Results as plain records (a list of flat dicts) and, when pandas is installed, as a DataFrame.

Every result of :mod:`openfisca_vth.model` has one or more tables; :func:`naar_records` gives one
of them as rows, each a dict whose nested objects are flattened into dotted keys
(``niet_voldaan_per_criterium.kritieke_massa``; the headline totals sit at the top level of a row)
and whose lists stay lists. Each row
carries the period and the reform it belongs to, so rows of several results can be concatenated.

=========================  ==============================================================  =========
result                     tables (the first is the default)                               one row
=========================  ==============================================================  =========
``Statusrapport``          ``omgevingsdiensten``, ``deelnemers``, ``regels``               a dienst
``Tijdlijn``               ``totalen``, ``omgevingsdiensten``                              a month
``Vergelijking`` (any)     ``totalen``, ``verschillen``                                    a total per variant
``Tijdlijnvergelijking``   ``totalen``                                                     a month per variant
``Verklaring``             ``stappen``                                                     a step
``Variatie``               ``waarden``                                                     a value
``Aannameanalyse``         ``uitkomsten``, ``aannames``                                    an alternative
list of ``Regel``          ``regels``                                                      a rule
=========================  ==============================================================  =========

pandas is not a dependency: :func:`naar_dataframe` imports it when called and says how to
install it when it is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from openfisca_vth.errors import VTHInvoerFout
from openfisca_vth.uitvoer import plat

if TYPE_CHECKING:
    import pandas

Record = dict[str, Any]


def _met(context: Record, rijen: Iterable[Mapping[str, Any]]) -> list[Record]:
    return [{**context, **plat(rij)} for rij in rijen]


def _status(d: Mapping[str, Any]) -> dict[str, list[Record]]:
    context = {"periode": d["periode"], "hervorming": d["hervorming"]}
    deelnemers = [
        {"omgevingsdienst": dienst["code"], **deelnemer}
        for dienst in d["omgevingsdiensten"]
        for deelnemer in dienst["deelnemers_met_ontbrekende_basistaken"]
    ]
    return {
        "omgevingsdiensten": _met(context, d["omgevingsdiensten"]),
        "deelnemers": _met(context, deelnemers),
        "regels": _met(context, d["regels"]),
    }


def _tijdlijn(maanden: list[Mapping[str, Any]]) -> dict[str, list[Record]]:
    return {
        "totalen": [{"periode": m["periode"], "hervorming": m["hervorming"], **plat(m["totalen"])} for m in maanden],
        "omgevingsdiensten": [r for m in maanden for r in _status(m)["omgevingsdiensten"]],
    }


def _vergelijking(d: Mapping[str, Any]) -> dict[str, list[Record]]:
    context = {"periode": d["periode"], "basis": d["basis"]}
    totalen = [
        {**context, "label": t["label"], "variabele": t["variabele"], "van": t["van"], "basiswaarde": t["voor"],
         "hervorming": naam, "waarde": waarde}
        for t in d["totalen"]
        for naam, waarde in t["per_variant"].items()
    ]  # fmt: skip
    return {"totalen": totalen, "verschillen": _met(context, d["verschillen"])}


def _tijdlijnvergelijking(maanden: list[Mapping[str, Any]]) -> dict[str, list[Record]]:
    rijen = []
    for m in maanden:
        rijen.append({"periode": m["periode"], "hervorming": m["basis"], "is_basis": True, **plat(m["basis_totalen"])})
        rijen += [
            {"periode": m["periode"], "hervorming": v["hervorming"], "is_basis": False, **plat(v["totalen"])}
            for v in m["varianten"]
        ]
    return {"totalen": rijen}


def _verklaring(d: Mapping[str, Any]) -> dict[str, list[Record]]:
    context = {"periode": d["periode"], "hervorming": d["hervorming"], "code": d["code"]}
    return {"stappen": _met(context, d["stappen"])}


def _variatie(d: Mapping[str, Any]) -> dict[str, list[Record]]:
    context = {"periode": d["periode"], "hervorming": d["hervorming"], "parameter": d["parameter"]}
    return {"waarden": [{**context, "waarde": w["waarde"], **plat(w["totalen"])} for w in d["waarden"]]}


def _aannames(d: Mapping[str, Any]) -> dict[str, list[Record]]:
    context = {"periode": d["periode"], "hervorming": d["hervorming"]}
    uitkomsten = [
        {**context, "parameter": a["parameter"], "waarde_in_werking": a["waarde"], "houdt_stand": a["houdt_stand"],
         "werkwijze": a["werkwijze"], "waarde": u["waarde"], **plat(u["totalen"])}
        for a in d["aannames"]
        for u in a["uitkomsten"]
    ]  # fmt: skip
    aannames = [{**context, **plat({k: v for k, v in a.items() if k != "uitkomsten"})} for a in d["aannames"]]
    return {"uitkomsten": uitkomsten, "aannames": aannames}


def _tabellen(uitkomst: Any) -> dict[str, list[Record]]:
    from openfisca_vth.aannames import Aannameanalyse
    from openfisca_vth.rapport import Regel, Statusrapport
    from openfisca_vth.tijdlijn import Tijdlijn, Tijdlijnvergelijking
    from openfisca_vth.variatie import Variatie
    from openfisca_vth.vergelijking import Variantenvergelijking, Vergelijking, als_varianten
    from openfisca_vth.verklaring import Verklaring

    soorten: list[tuple[type, Callable[[Any], dict[str, list[Record]]]]] = [
        (Statusrapport, lambda u: _status(u.naar_dict())),
        (Tijdlijnvergelijking, lambda u: _tijdlijnvergelijking(u.naar_dict())),
        (Tijdlijn, lambda u: _tijdlijn(u.naar_dict())),
        ((Vergelijking, Variantenvergelijking), lambda u: _vergelijking(als_varianten(u).als_dict())),  # type: ignore[list-item]
        (Verklaring, lambda u: _verklaring(u.naar_dict())),
        (Variatie, lambda u: _variatie(u.naar_dict())),
        (Aannameanalyse, lambda u: _aannames(u.naar_dict())),
    ]
    for soort, tabellen in soorten:
        if isinstance(uitkomst, soort):
            return tabellen(uitkomst)
    if isinstance(uitkomst, list | tuple) and all(isinstance(r, Regel) for r in uitkomst):
        return {"regels": [plat(r.naar_dict()) for r in uitkomst]}
    raise VTHInvoerFout(
        f"{type(uitkomst).__name__} is geen uitkomst van openfisca-vth; geef een Statusrapport, Tijdlijn, "
        "Vergelijking, Tijdlijnvergelijking, Verklaring, Variatie, Aannameanalyse of een lijst regels"
    )


def tabellen(uitkomst: Any) -> list[str]:
    """The names of the tables of ``uitkomst``; the first is the default of :func:`naar_records`."""
    return list(_tabellen(uitkomst))


def naar_records(uitkomst: Any, tabel: str | None = None) -> list[Record]:
    """One table of ``uitkomst`` (a result of :mod:`openfisca_vth.model`) as a list of flat dicts.

    ``tabel`` names the table (see :func:`tabellen`); None is the first. Raises ``VTHInvoerFout`` for
    an object that is not a result or a table it does not have.
    """
    alle = _tabellen(uitkomst)
    if tabel is None:
        return next(iter(alle.values()))
    if tabel not in alle:
        raise VTHInvoerFout(f"{type(uitkomst).__name__} heeft geen tabel {tabel!r}; kies uit {', '.join(alle)}")
    return alle[tabel]


def naar_dataframe(uitkomst: Any, tabel: str | None = None) -> pandas.DataFrame:
    """:func:`naar_records` as a pandas DataFrame (pandas is imported here, not a dependency).

    Raises ``VTHInvoerFout`` when pandas is not installed, saying how to install it.
    """
    try:
        import pandas
    except ImportError:
        raise VTHInvoerFout("naar_dataframe vraagt pandas, dat niet is geïnstalleerd: pip install pandas") from None
    return pandas.DataFrame.from_records(naar_records(uitkomst, tabel))

"""Drafters' reform files: a rule change written as YAML, loaded as a real OpenFisca ``Reform``.

The format (docs/reforms.md has the full description)::

    naam: uitstel_termijn_2027
    toelichting: De uiterste datum voor robuuste omgevingsdiensten wordt 1 januari 2027.
    status: aanname                  # optional, default aanname
    referentie:                      # optional, default: the reference of the amended rule
      - tekst: Kamerstuk 22 343, nr. 419
        url: https://zoek.officielebekendmakingen.nl/kst-22343-419.html
    basis: wetsvoorstel_versterking_vth   # optional: build on a Python reform
    wijzigingen:
      robuustheidstermijn_verstreken:
        2026-04-01: false
        2027-01-01: true

Reading happens in two steps, each failing with one Dutch line that names the file and the line:

1. :func:`lees_hervormingsbestand` checks the file itself (found, YAML syntax, known and required
   keys, dates) and returns a :class:`Hervormingsbestand`;
2. applying the reform (:func:`hervormingsklasse` gives the ``Reform`` subclass) checks each
   change against the parameter tree it is applied to: the path exists and is a parameter, and
   each value has the type of the baseline parameter.
"""

import dataclasses
import difflib
import math
import re

import yaml
from openfisca_core.parameters import Parameter, ParameterNode

from openfisca_vth.errors import HervormingsbestandFout, HervormingsFout, OnleesbaarBestand, lees_tekstbestand
from openfisca_vth.metadata import HERNOEMD, STATUSSEN, bladeren, fouten_in_metadata
from openfisca_vth.periode import EERSTE_GELDIGE_DAG
from openfisca_vth.reforms.basis import VTHHervorming, lees_datum, waarde_metadata, zet_waarde

VERPLICHTE_SLEUTELS = ("naam", "toelichting", "wijzigingen")
OPTIONELE_SLEUTELS = ("status", "referentie", "basis")
WAARDE_SLEUTELS = ("waarde", "status", "referentie")
STANDAARD_STATUS = "aanname"
NAAM = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclasses.dataclass(frozen=True)
class Wijziging:
    """One dated new value for one parameter path, with where it stands in the file."""

    pad: str
    datum: str
    waarde: object
    status: str
    referentie: list | None
    regel: int  # line of the value
    pad_regel: int  # line of the parameter path


@dataclasses.dataclass(frozen=True)
class Hervormingsbestand:
    bestand: str
    naam: str
    toelichting: str
    basis: str | None
    wijzigingen: tuple  # of Wijziging, grouped by path, dates ascending


class _Lezer(yaml.SafeLoader):
    """SafeLoader that leaves dates as text: the loader checks them itself, with a line number."""


_Lezer.yaml_implicit_resolvers = {
    teken: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for teken, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _fout(bestand, regel, tekst):
    waar = f"{bestand}, regel {regel}" if regel is not None else str(bestand)
    return HervormingsbestandFout(f"{waar}: {tekst}")


def _regel(node):
    return node.start_mark.line + 1


def _mapping(node, bestand, wat):
    if not isinstance(node, yaml.MappingNode):
        raise _fout(bestand, _regel(node), f"{wat} moet een lijst van sleutel: waarde zijn")
    return node.value


def _sleutels(node, lezer, bestand, wat):
    """The pairs of a mapping node as ``(key, key line, value node)``, refusing duplicate keys."""
    gezien = {}
    paren = []
    for sleutel_node, waarde_node in _mapping(node, bestand, wat):
        sleutel = lezer.construct_object(sleutel_node, deep=True)
        if not isinstance(sleutel, str):
            sleutel = str(sleutel)
        if sleutel in gezien:
            raise _fout(
                bestand,
                _regel(sleutel_node),
                f"{wat}: {sleutel!r} staat er twee keer in (ook op regel {gezien[sleutel]})",
            )
        gezien[sleutel] = _regel(sleutel_node)
        paren.append((sleutel, _regel(sleutel_node), waarde_node))
    return paren


def _lees_referentie(waarde, bestand, regel, waar):
    fouten = fouten_in_metadata({"status": STATUSSEN[0], "reference": waarde}, waar)
    if fouten:
        raise _fout(bestand, regel, fouten[0].replace(f"{waar}: reference", f"{waar}:"))
    return waarde


def _lees_status(waarde, bestand, regel, waar):
    if waarde not in STATUSSEN:
        raise _fout(bestand, regel, f"{waar}: {waarde!r} is geen status; kies uit {', '.join(STATUSSEN)}")
    return waarde


def lees_hervormingsbestand(pad):
    """Read and check a reform file (not yet against the parameter tree)."""
    bestand = str(pad)
    try:
        tekst = lees_tekstbestand(pad)
    except OnleesbaarBestand as fout:
        raise _fout(bestand, None, str(fout)) from None
    return lees_hervormingstekst(tekst, bestand)


def lees_hervormingstekst(tekst, bestand="hervormingsbestand"):
    """Read and check the text of a reform file (the body of a Web API request, for one);
    ``bestand`` names it in the one-line :class:`HervormingsbestandFout`."""
    if not isinstance(tekst, str):
        raise _fout(bestand, None, "een hervormingsbestand is tekst (YAML)")
    lezer = None
    try:
        # the reader checks every character (a form feed pasted from a PDF) while it is built
        lezer = _Lezer(tekst)
        document = lezer.get_single_node()
        if document is None:
            raise _fout(bestand, None, "bestand is leeg; zie docs/reforms.md voor de opbouw")
        return _lees_document(document, lezer, bestand)
    except yaml.YAMLError as fout:
        markering = getattr(fout, "problem_mark", None) or getattr(fout, "context_mark", None)
        regel = markering.line + 1 if markering else None
        if isinstance(fout, yaml.reader.ReaderError):
            # a control character: name its line and its code, and how to remove it
            regel = tekst.count("\n", 0, fout.position) + 1
            raise _fout(
                bestand,
                regel,
                f"onleesbaar teken U+{fout.character:04X} (bijvoorbeeld uit een PDF gekopieerd); verwijder het",
            ) from None
        probleem = getattr(fout, "problem", None) or str(fout).splitlines()[0]
        context, context_markering = getattr(fout, "context", None), getattr(fout, "context_mark", None)
        if context and context_markering and context_markering.line + 1 != regel:
            # e.g. an unclosed [ : the error surfaces at the end, the cause is where it opened
            probleem += f"; {context} vanaf regel {context_markering.line + 1}"
        raise _fout(bestand, regel, f"geen geldige YAML ({probleem})") from None
    finally:
        if lezer is not None:
            lezer.dispose()


def _lees_document(document, lezer, bestand):
    velden = {}
    for sleutel, regel, waarde_node in _sleutels(document, lezer, bestand, "hervormingsbestand"):
        if sleutel not in VERPLICHTE_SLEUTELS + OPTIONELE_SLEUTELS:
            suggestie = difflib.get_close_matches(sleutel, VERPLICHTE_SLEUTELS + OPTIONELE_SLEUTELS, 1)
            hint = f"; bedoelt u {suggestie[0]!r}?" if suggestie else ""
            raise _fout(
                bestand,
                regel,
                f"onbekende sleutel {sleutel!r}{hint} Toegestaan: "
                f"{', '.join(VERPLICHTE_SLEUTELS + OPTIONELE_SLEUTELS)}",
            )
        velden[sleutel] = (regel, waarde_node)
    ontbrekend = [s for s in VERPLICHTE_SLEUTELS if s not in velden]
    if ontbrekend:
        raise _fout(bestand, 1, f"verplichte sleutel ontbreekt: {', '.join(ontbrekend)} (zie docs/reforms.md)")

    def tekstveld(sleutel):
        regel, node = velden[sleutel]
        waarde = lezer.construct_object(node, deep=True)
        if not isinstance(waarde, str) or not waarde.strip():
            raise _fout(bestand, regel, f"{sleutel} moet een niet-lege tekst zijn")
        return waarde.strip()

    naam = tekstveld("naam")
    if not NAAM.match(naam):
        raise _fout(
            bestand,
            velden["naam"][0],
            f"naam {naam!r} mag alleen kleine letters, cijfers en _ bevatten en begint met een letter",
        )
    toelichting = " ".join(tekstveld("toelichting").split())
    basis = tekstveld("basis") if "basis" in velden else None
    if basis is not None:
        from openfisca_vth.reforms import PYTHON_HERVORMINGEN

        if basis not in PYTHON_HERVORMINGEN:
            raise _fout(
                bestand,
                velden["basis"][0],
                f"basis {basis!r} onbekend; kies uit {', '.join(PYTHON_HERVORMINGEN)}",
            )
    status = STANDAARD_STATUS
    if "status" in velden:
        regel, node = velden["status"]
        status = _lees_status(lezer.construct_object(node, deep=True), bestand, regel, "status")
    referentie = None
    if "referentie" in velden:
        regel, node = velden["referentie"]
        referentie = _lees_referentie(lezer.construct_object(node, deep=True), bestand, regel, "referentie")

    wijzigingen = []
    regel, node = velden["wijzigingen"]
    paden = _sleutels(node, lezer, bestand, "wijzigingen")
    if not paden:
        raise _fout(bestand, regel, "wijzigingen is leeg; geef ten minste één parameter met een datum")
    for pad, pad_regel, datums_node in paden:
        pad = pad.strip().replace("/", ".")
        datums = _sleutels(datums_node, lezer, bestand, f"wijzigingen van {pad}")
        if not datums:
            raise _fout(bestand, pad_regel, f"{pad}: geef ten minste één datum met een waarde")
        reeks = []
        for datum_tekst, datum_regel, waarde_node in datums:
            try:
                datum = lees_datum(datum_tekst, f"{pad}")
            except HervormingsFout as fout:
                raise _fout(bestand, datum_regel, str(fout)) from None
            if datum < str(EERSTE_GELDIGE_DAG):
                raise _fout(
                    bestand,
                    datum_regel,
                    f"{pad}: datum {datum} ligt vóór {EERSTE_GELDIGE_DAG}, het begin van het model",
                )
            waarde_status, waarde_referentie = status, referentie
            if isinstance(waarde_node, yaml.MappingNode):
                onderdelen = dict((s, (r, n)) for s, r, n in _sleutels(waarde_node, lezer, bestand, pad))
                onbekend = [s for s in onderdelen if s not in WAARDE_SLEUTELS]
                if onbekend:
                    raise _fout(
                        bestand,
                        onderdelen[onbekend[0]][0],
                        f"{pad} op {datum}: onbekende sleutel {onbekend[0]!r}; "
                        f"toegestaan: {', '.join(WAARDE_SLEUTELS)}",
                    )
                if "waarde" not in onderdelen:
                    raise _fout(bestand, datum_regel, f"{pad} op {datum}: sleutel 'waarde' ontbreekt")
                waarde = lezer.construct_object(onderdelen["waarde"][1], deep=True)
                if "status" in onderdelen:
                    r, n = onderdelen["status"]
                    waarde_status = _lees_status(lezer.construct_object(n, deep=True), bestand, r, f"{pad} op {datum}")
                if "referentie" in onderdelen:
                    r, n = onderdelen["referentie"]
                    waarde_referentie = _lees_referentie(
                        lezer.construct_object(n, deep=True), bestand, r, f"{pad} op {datum}"
                    )
            else:
                waarde = lezer.construct_object(waarde_node, deep=True)
            reeks.append(
                Wijziging(pad, datum, waarde, waarde_status, waarde_referentie, _regel(waarde_node), pad_regel)
            )
        wijzigingen.extend(sorted(reeks, key=lambda w: w.datum))
    return Hervormingsbestand(bestand, naam, toelichting, basis, tuple(wijzigingen))


# -- step 2: against the parameter tree ---------------------------------------------------------


def _zoek_parameter(parameters, wijziging, bestand, basis=None):
    from openfisca_vth.reforms import PYTHON_HERVORMINGEN

    if wijziging.pad in HERNOEMD:
        raise _fout(
            bestand,
            wijziging.pad_regel,
            f"parameter {wijziging.pad!r} is hernoemd tot {HERNOEMD[wijziging.pad]!r}; gebruik de nieuwe naam",
        )
    eerste = wijziging.pad.split(".")[0]
    if eerste in PYTHON_HERVORMINGEN and eerste not in parameters.children and basis != eerste:
        raise _fout(
            bestand,
            wijziging.pad_regel,
            f"{wijziging.pad!r} is een aanname van de hervorming {eerste}; zet 'basis: {eerste}' "
            "in het bestand om haar aannames te wijzigen",
        )
    node = parameters
    for deel in wijziging.pad.split("."):
        kinderen = node.children if isinstance(node, ParameterNode) else {}
        if deel not in kinderen:
            namen = [blad.name for blad in bladeren(parameters)]
            suggesties = difflib.get_close_matches(wijziging.pad, namen, n=3, cutoff=0.5)
            hint = f"; bedoelt u {' of '.join(suggesties)}?" if suggesties else ""
            raise _fout(bestand, wijziging.pad_regel, f"onbekende parameter {wijziging.pad!r}{hint}")
        node = kinderen[deel]
    if not isinstance(node, Parameter):
        voorbeelden = ", ".join(blad.name for blad in list(bladeren(node))[:3])
        raise _fout(
            bestand,
            wijziging.pad_regel,
            f"{wijziging.pad!r} is een groep regels, geen parameter; kies een blad, bijvoorbeeld {voorbeelden}",
        )
    return node


def _weergave(waarde):
    """A value as the drafter wrote it in YAML."""
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if waarde is None:
        return "(leeg)"
    return repr(waarde)


def _soort(waarde):
    if isinstance(waarde, bool):
        return "bool"
    if isinstance(waarde, (int, float)):
        return "getal"
    if isinstance(waarde, str):
        return "tekst"
    if isinstance(waarde, list):
        return "lijst"
    return type(waarde).__name__


SOORTNAMEN = {
    "bool": "waar/onwaar (true of false)",
    "getal": "een getal",
    "tekst": "een tekst",
    "lijst": "een lijst",
    "NoneType": "leeg",
}


# The Dutch words the dataset accepts for booleans, accepted in reform files too (YAML itself reads
# only true/false, yes/no, on/off as booleans).
BOOLEAANSE_WOORDEN = {"waar": True, "ja": True, "onwaar": False, "nee": False}


def bereik(parameter):
    """(lowest, highest) a number may take, from the unit of the parameter (None: no bound)."""
    eenheid = parameter.metadata.get("unit", "")
    if eenheid == "/1":
        return 0, 1
    if eenheid in ("fte", "year", "month", "week") or eenheid.startswith("currency"):
        return 0, None
    return None, None


def buiten_bereik(parameter, waarde):
    """``None`` if the number ``waarde`` lies in the parameter's range (:func:`bereik`), else what to
    choose instead ("tussen 0 en 1", "0 of meer")."""
    laagste, hoogste = bereik(parameter)
    if laagste is not None and waarde < laagste or hoogste is not None and waarde > hoogste:
        return f"tussen {laagste} en {hoogste}" if hoogste is not None else f"{laagste} of meer"
    return None


def _controleer_waarde(parameter, wijziging, bestand):
    soorten = {_soort(w.value) for w in parameter.values_list if w.value is not None}
    verwacht = soorten.pop() if len(soorten) == 1 else None
    if verwacht == "bool" and isinstance(wijziging.waarde, str) and wijziging.waarde.lower() in BOOLEAANSE_WOORDEN:
        wijziging = dataclasses.replace(wijziging, waarde=BOOLEAANSE_WOORDEN[wijziging.waarde.lower()])
    gegeven = _soort(wijziging.waarde)
    if verwacht is not None and gegeven != verwacht:
        raise _fout(
            bestand,
            wijziging.regel,
            f"{wijziging.pad} op {wijziging.datum}: waarde {_weergave(wijziging.waarde)} is "
            f"{SOORTNAMEN.get(gegeven, gegeven)}, maar deze parameter verwacht "
            f"{SOORTNAMEN[verwacht]}",
        )
    if gegeven == "getal":
        waar = f"{wijziging.pad} op {wijziging.datum}"
        if not math.isfinite(wijziging.waarde):
            raise _fout(bestand, wijziging.regel, f"{waar}: {_weergave(wijziging.waarde)} is geen eindig getal")
        grenzen = buiten_bereik(parameter, wijziging.waarde)
        if grenzen:
            raise _fout(
                bestand,
                wijziging.regel,
                f"{waar}: {_weergave(wijziging.waarde)} valt buiten het bereik; kies {grenzen}",
            )
    if verwacht == "getal" and any(isinstance(w.value, float) for w in parameter.values_list):
        return float(wijziging.waarde)
    return wijziging.waarde


def pas_wijzigingen_toe(parameters, spec, wijzigingen):
    """Apply ``wijzigingen`` of ``spec`` to ``parameters`` in place, checking each against the tree."""
    for wijziging in wijzigingen:
        parameter = _zoek_parameter(parameters, wijziging, spec.bestand, spec.basis)
        waarde = _controleer_waarde(parameter, wijziging, spec.bestand)
        metadata = waarde_metadata(parameter, wijziging.status, wijziging.referentie)
        zet_waarde(parameter, wijziging.datum, waarde, metadata)


class Bestandshervorming(VTHHervorming):
    """Base of the classes built from reform files: ``spec`` holds the checked file."""

    spec = None

    def wijzig_parameters(self, parameters):
        spec = self.spec
        self.voeg_eigen_parameters_toe(parameters)
        # Changes to the base reform's own parameters (its assumptions) come first, so the base
        # reform reads them; all other changes come after it, so the file has the last word.
        eigen = self.eigen_parameters
        vooraf = [w for w in spec.wijzigingen if eigen and w.pad.split(".")[0] == eigen]
        achteraf = [w for w in spec.wijzigingen if w not in vooraf]
        pas_wijzigingen_toe(parameters, spec, vooraf)
        try:
            self.wijzig_regels(parameters)
        except HervormingsFout as fout:
            # the base reform refused one of its assumptions (or a combination) as the file set it:
            # name the line of the first choice involved that the file sets
            paden = getattr(fout, "paden", ())
            betrokken = [w for w in vooraf if w.pad in paden] or vooraf
            regel = betrokken[0].regel if betrokken else None
            raise _fout(spec.bestand, regel, str(fout)) from None
        pas_wijzigingen_toe(parameters, spec, achteraf)
        return parameters


def maak_hervormingsklasse(spec, module=__name__):
    """The ``Reform`` subclass of a checked reform file (named after the file's ``naam``)."""
    if spec.basis is not None:
        from openfisca_vth.reforms import python_hervorming

        bovenklassen = (Bestandshervorming, python_hervorming(spec.basis))
    else:
        bovenklassen = (Bestandshervorming,)
    return type(
        spec.naam,
        bovenklassen,
        {"__module__": module, "spec": spec, "toelichting": spec.toelichting, "name": spec.naam},
    )

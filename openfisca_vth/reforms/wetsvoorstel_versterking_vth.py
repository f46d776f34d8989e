"""The wetsvoorstel versterking VTH-stelsel milieu: the reference design and its design choices.

The voortgangsbrief of spring 2025 (Kamerstuk 22 343, probably nr. 419) names what the bill is to
do, not how:

- "Het ministerie van IenW zorgt ervoor dat de robuustheidscriteria in regelgeving worden
  vastgelegd": design choice 1, which criteria the regulation lays down
  (``criteria_in_regelgeving.<c>``), a statutory deadline per criterion (``wettelijke_termijn.<c>``,
  possibly phased) and a transitional term for diensten that merge
  (``overgangstermijn_fusie_maanden``). From the in-force date the criteria rest on the bill
  (status ``wetsvoorstel``); the power follows the statutory deadline, not 1 April 2026.
- "... en is voornemens om een bevoegdheid te introduceren voor de staatssecretaris van IenW om bij
  te sturen als deze partijen niet zelfstandig aan deze verplichting voldoen": design choice 2,
  the form (``vorm_bijsturingsbevoegdheid``; what a form implies: ``bijsturingsbevoegdheid.vormen``),
  the hersteltermijn a form may need (``hersteltermijn_weken``), the addressee (``adressaat``) and
  the criteria that trigger it (``bijsturing_bij.<c>``).
- Once the criteria are law, failing them is failing a statutory duty: design choice 3, whether the
  bill's power stands beside generic supervision or replaces it (``verhouding_generiek_toezicht``).
- "Op dit moment kan inbreng van het basistakenpakket door gemeenten niet of nauwelijks worden
  afgedwongen ... Er wordt onderzocht hoe dit kan worden opgenomen": design choice 4, the route
  (``route_inbreng_basistakenpakket``: current law, the Omgevingswet in the annex of Gemeentewet
  art. 124b, or a specific power).

Broadening the basistakenpakket (choice 5) is the reform ``verbreding_basistakenpakket``; stack
them with ``+``. Every choice is an own parameter (``openfisca_vth/reforms/parameters/
wetsvoorstel_versterking_vth/``, status ``aanname``) that a drafter sets in a reform file with
``basis: wetsvoorstel_versterking_vth``; choices that cannot go together are refused with one
line (:class:`openfisca_vth.errors.KeuzeFout`). docs/reforms.md explains each choice.
"""

from openfisca_core.parameters import ParameterNode

from openfisca_vth.enums import ADRESSATEN
from openfisca_vth.errors import HervormingsFout, KeuzeFout
from openfisca_vth.metadata import bladeren
from openfisca_vth.periode import EERSTE_GELDIGE_DAG
from openfisca_vth.reforms.basis import (
    VTHHervorming,
    laatste_waarde,
    lees_datum,
    waarde_metadata,
    wijzig_grondslag,
    zet_waarde,
)

WETSVOORSTEL = "wetsvoorstel"
AANNAME = "aanname"
EIGEN = "wetsvoorstel_versterking_vth"
VERHOUDINGEN = ("naast", "in_plaats_van")
ROUTES = ("huidig_recht", "bijlage_124b", "specifieke_bevoegdheid")
BIJ_INWERKINGTREDING = "inwerkingtreding"
REFERENTIE_WETSVOORSTEL = [
    {
        "tekst": "Kamerbrief 'Voortgang versterking VTH-stelsel' (voorjaar 2025; vermoedelijk Kamerstuk 22 343, "
        "nr. 419): robuustheidscriteria in regelgeving vastleggen en bevoegdheid om bij te sturen",
        "url": "https://zoek.officielebekendmakingen.nl/kst-22343-419.html",
    },
    {
        "tekst": "Kamerbrief van 5 december 2024 over het wetsvoorstel versterking VTH-stelsel milieu "
        "(vermoedelijk Kamerstuk 22 343, nr. 405; niet gelezen)",
        "url": "https://zoek.officielebekendmakingen.nl/kst-22343-405.html",
    },
]


def inwerkingtreding(parameters, eigen=EIGEN, sleutel="inwerkingtreding"):
    """The assumed date (``YYYY-MM-DD``) held by a reform's own parameter, checked."""
    waar = f"{eigen}.{sleutel}"
    datum = lees_datum(laatste_waarde(parameters.children[eigen].children[sleutel]), waar)
    if datum < str(EERSTE_GELDIGE_DAG):
        raise KeuzeFout(f"{waar}: {datum} ligt vóór {EERSTE_GELDIGE_DAG}, het begin van het model", [waar])
    return datum


def _samen(artikelen, grondslag):
    """The citations of ``artikelen`` whose URL ``grondslag`` does not cite, then ``grondslag``.

    A value the bill sets keeps the article it is about (Gemeentewet art. 124b) and replaces a
    citation of current law by the same letter (the voortgangsbrief) with the bill's.
    """
    urls = {referentie["url"] for referentie in grondslag}
    return [r for r in artikelen if r["url"] not in urls] + list(grondslag)


def _keuze(eigen, naam, toegestaan):
    waarde = laatste_waarde(eigen.children[naam])
    if waarde not in toegestaan:
        raise KeuzeFout(
            f"{EIGEN}.{naam}: {waarde!r} is geen keuze; kies uit {', '.join(toegestaan)}", [f"{EIGEN}.{naam}"]
        )
    return waarde


def _per_criterium(eigen, knoop, criteria):
    """{criterion: value} of an own node with one leaf per criterion; unknown criteria are refused."""
    kinderen = eigen.children[knoop].children
    onbekend = sorted(set(kinderen) - set(criteria))
    if onbekend:
        raise KeuzeFout(
            f"{EIGEN}.{knoop}.{onbekend[0]}: geen robuustheidscriterium; bekend: {', '.join(criteria)}",
            [f"{EIGEN}.{knoop}.{onbekend[0]}"],
        )
    return {c: (laatste_waarde(kinderen[c]) if c in kinderen else None) for c in criteria}


class wetsvoorstel_versterking_vth(VTHHervorming):  # noqa: N801 (class path = reform name)
    toelichting = (
        "Wetsvoorstel versterking VTH-stelsel milieu (in voorbereiding), referentieontwerp: de regelgeving legt "
        "de robuustheidscriteria vast, elk met een wettelijke termijn; de staatssecretaris van IenW krijgt een "
        "bevoegdheid om bij te sturen bij een omgevingsdienst die een criterium na die termijn niet haalt, en om "
        "de inbreng van het basistakenpakket af te dwingen. Datum, vorm, adressaat, termijnen, verhouding tot het "
        "generiek toezicht en de route voor het basistakenpakket zijn aannames."
    )
    eigen_parameters = EIGEN

    def wijzig_regels(self, parameters):
        eigen = parameters.children[EIGEN]
        vanaf = inwerkingtreding(parameters)
        criteria = {
            code: knoop
            for code, knoop in parameters.robuustheidscriteria.children.items()
            if isinstance(knoop, ParameterNode)
        }
        keuzes = self._lees_keuzes(parameters, eigen, vanaf, list(criteria))

        # A value the bill sets cites the article the rule is about first (the leaf's own reference,
        # e.g. Gemeentewet art. 124b), then the letters announcing the bill or the choice it rests on.
        def wetsvoorstel(parameter, datum, waarde):
            referentie = _samen(parameter.metadata["reference"], REFERENTIE_WETSVOORSTEL)
            zet_waarde(parameter, datum, waarde, waarde_metadata(parameter, WETSVOORSTEL, referentie))

        def aanname(parameter, datum, waarde, keuze):
            referentie = _samen(parameter.metadata["reference"], eigen.children[keuze].metadata["reference"])
            zet_waarde(parameter, datum, waarde, waarde_metadata(parameter, AANNAME, referentie))

        # 1. "de robuustheidscriteria in regelgeving vastgelegd": the chosen criteria count, each a
        #    statutory norm from its own deadline; the agreement and the deadline rest on the bill
        for code, knoop in criteria.items():
            for blad in bladeren(knoop):
                wijzig_grondslag(blad, vanaf, WETSVOORSTEL, REFERENTIE_WETSVOORSTEL)
            in_regelgeving = bool(keuzes["criteria_in_regelgeving"][code])
            wetsvoorstel(knoop.van_toepassing, vanaf, in_regelgeving)
            wetsvoorstel(knoop.wettelijke_termijn_verstreken, vanaf, False)
            if in_regelgeving:
                wetsvoorstel(knoop.wettelijke_termijn_verstreken, keuzes["termijnen"][code], True)
            wetsvoorstel(knoop.activeert_bijsturing, vanaf, bool(keuzes["bijsturing_bij"][code]))
        for blad in (parameters.robuustheidscriteria.afgesproken, parameters.robuustheidstermijn_verstreken):
            wijzig_grondslag(blad, vanaf, WETSVOORSTEL, REFERENTIE_WETSVOORSTEL)

        # 2. "een bevoegdheid ... om bij te sturen": in force, with the chosen form, addressee, terms
        bevoegdheid = parameters.bijsturingsbevoegdheid.robuustheid
        wetsvoorstel(bevoegdheid.in_werking, vanaf, True)
        aanname(bevoegdheid.vorm, vanaf, keuzes["vorm"], "vorm_bijsturingsbevoegdheid")
        aanname(bevoegdheid.adressaat, vanaf, keuzes["adressaat"], "adressaat")
        aanname(bevoegdheid.hersteltermijn_weken, vanaf, keuzes["hersteltermijn_weken"], "hersteltermijn_weken")
        aanname(
            bevoegdheid.overgangstermijn_fusie_maanden,
            vanaf,
            keuzes["overgangstermijn_fusie_maanden"],
            "overgangstermijn_fusie_maanden",
        )

        # 3. the statutory criteria under generic supervision (beside the power), or not (lex specialis)
        ibt = parameters.interbestuurlijk_toezicht
        naast = keuzes["verhouding"] == "naast"
        aanname(ibt.criteria_onder_generiek_toezicht, vanaf, naast, "verhouding_generiek_toezicht")

        # 4. enforcing the inbreng of the basistakenpakket
        route = keuzes["route"]
        if route == "bijlage_124b":
            wetsvoorstel(ibt.omgevingsrecht_in_bijlage_gemeentewet_124b, vanaf, True)
        elif route == "specifieke_bevoegdheid":
            wetsvoorstel(parameters.bijsturingsbevoegdheid.inbreng_basistakenpakket.in_werking, vanaf, True)
            if not naast:
                # lex specialis: the specific power replaces indeplaatsstelling for the basistakenpakket
                for generiek in (
                    ibt.indeplaatsstelling_gemeente_door_gedeputeerde_staten,
                    ibt.indeplaatsstelling_provincie_door_minister,
                    ibt.verzoek_minister_aan_gedeputeerde_staten,
                ):
                    wetsvoorstel(generiek, vanaf, False)

    @staticmethod
    def _lees_keuzes(parameters, eigen, vanaf, criteria):
        """The design choices, checked one by one and against each other."""
        vormen = parameters.bijsturingsbevoegdheid.vormen
        keuzes = {
            "vorm": _keuze(eigen, "vorm_bijsturingsbevoegdheid", tuple(vormen.children)),
            "adressaat": _keuze(eigen, "adressaat", ADRESSATEN),
            "verhouding": _keuze(eigen, "verhouding_generiek_toezicht", VERHOUDINGEN),
            "route": _keuze(eigen, "route_inbreng_basistakenpakket", ROUTES),
            "hersteltermijn_weken": laatste_waarde(eigen.hersteltermijn_weken),
            "overgangstermijn_fusie_maanden": laatste_waarde(eigen.overgangstermijn_fusie_maanden),
            "criteria_in_regelgeving": _per_criterium(eigen, "criteria_in_regelgeving", criteria),
            "bijsturing_bij": _per_criterium(eigen, "bijsturing_bij", criteria),
        }
        for naam in ("hersteltermijn_weken", "overgangstermijn_fusie_maanden"):
            waarde = keuzes[naam]
            if isinstance(waarde, bool) or not isinstance(waarde, int) or waarde < 0:
                raise KeuzeFout(f"{EIGEN}.{naam}: {waarde!r} is geen geheel getal van 0 of meer", [f"{EIGEN}.{naam}"])
        # a form that needs a hersteltermijn (as indeplaatsstelling, Gemeentewet art. 124 lid 2) needs one
        if vormen.children[keuzes["vorm"]].hersteltermijn_vereist(vanaf) and keuzes["hersteltermijn_weken"] <= 0:
            raise KeuzeFout(
                f"{EIGEN}.vorm_bijsturingsbevoegdheid {keuzes['vorm']!r} vereist een hersteltermijn, maar "
                f"{EIGEN}.hersteltermijn_weken is 0; geef een termijn in weken of kies een andere vorm",
                [f"{EIGEN}.vorm_bijsturingsbevoegdheid", f"{EIGEN}.hersteltermijn_weken"],
            )
        termijnen = {}
        ruwe_termijnen = _per_criterium(eigen, "wettelijke_termijn", criteria)
        for code in criteria:
            in_regelgeving = keuzes["criteria_in_regelgeving"][code]
            if keuzes["bijsturing_bij"][code] and not in_regelgeving:
                raise KeuzeFout(
                    f"{EIGEN}.bijsturing_bij.{code} is waar, maar {EIGEN}.criteria_in_regelgeving.{code} is onwaar: "
                    f"alleen een criterium dat de regelgeving vastlegt, kan grond geven om bij te sturen",
                    [f"{EIGEN}.bijsturing_bij.{code}", f"{EIGEN}.criteria_in_regelgeving.{code}"],
                )
            termijn = ruwe_termijnen[code] or BIJ_INWERKINGTREDING
            if termijn != BIJ_INWERKINGTREDING:
                try:
                    termijn = lees_datum(termijn, f"{EIGEN}.wettelijke_termijn.{code}")
                except HervormingsFout as fout:
                    raise KeuzeFout(f"{fout}, of 'inwerkingtreding'", [f"{EIGEN}.wettelijke_termijn.{code}"]) from None
            termijnen[code] = max(vanaf, termijn) if termijn != BIJ_INWERKINGTREDING else vanaf
        keuzes["termijnen"] = termijnen
        return keuzes

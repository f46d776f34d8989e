"""The wetsvoorstel versterking VTH-stelsel milieu, as far as the letters describe it.

Kamerstuk 22 343, nr. 419 (voortgangsbrief, voorjaar 2025):

- "Het ministerie van IenW zorgt ervoor dat de robuustheidscriteria in regelgeving worden
  vastgelegd": from the in-force date the criteria (their existence and every criterion's switch),
  and the deadline of 1 April 2026, rest on the bill (status ``wetsvoorstel``) instead of the
  bestuurlijke afspraak; their values do not change.
- "... en is voornemens om een bevoegdheid te introduceren voor de staatssecretaris van IenW om bij
  te sturen als deze partijen niet zelfstandig aan deze verplichting voldoen":
  ``bijsturingsbevoegdheid.robuustheid.in_werking`` is true from the in-force date; its form
  (``vorm``) is an assumption.
- "Er wordt onderzocht hoe dit [afdwingen van de inbreng van het basistakenpakket] kan worden
  opgenomen in het in voorbereiding zijnde wetsvoorstel": a separate switch,
  ``bijsturingsbevoegdheid.inbreng_basistakenpakket.in_werking``, on from the in-force date when
  the reform's own parameter ``afdwingen_inbreng_basistakenpakket`` is true.

The bill has no number, text or in-force date yet: the reform's own parameters
(``openfisca_vth/reforms/parameters/wetsvoorstel_versterking_vth/``, status ``aanname``) hold the
assumed date (2028-01-01), the form of the power and the BTP switch. docs/reforms.md explains the
choices; a drafter changes them in a reform file with ``basis: wetsvoorstel_versterking_vth``.
"""

from openfisca_core.parameters import ParameterNode

from openfisca_vth.errors import HervormingsFout
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


def inwerkingtreding(parameters, eigen="wetsvoorstel_versterking_vth", sleutel="inwerkingtreding"):
    """The assumed date (``YYYY-MM-DD``) held by a reform's own parameter, checked."""
    waar = f"{eigen}.{sleutel}"
    datum = lees_datum(laatste_waarde(parameters.children[eigen].children[sleutel]), waar)
    if datum < str(EERSTE_GELDIGE_DAG):
        raise HervormingsFout(f"{waar}: {datum} ligt vóór {EERSTE_GELDIGE_DAG}, het begin van het model")
    return datum


class wetsvoorstel_versterking_vth(VTHHervorming):  # noqa: N801 (class path = reform name)
    toelichting = (
        "Wetsvoorstel versterking VTH-stelsel milieu (in voorbereiding): de robuustheidscriteria en "
        "de termijn worden in regelgeving vastgelegd, de staatssecretaris van IenW krijgt een "
        "bevoegdheid om bij te sturen bij een omgevingsdienst die na de termijn niet robuust is, en "
        "(in onderzoek) om de inbreng van het basistakenpakket af te dwingen. Datum van "
        "inwerkingtreding en vorm van de bevoegdheid zijn aannames."
    )
    eigen_parameters = "wetsvoorstel_versterking_vth"

    def wijzig_regels(self, parameters):
        eigen = parameters.wetsvoorstel_versterking_vth
        vanaf = inwerkingtreding(parameters)

        # "de robuustheidscriteria in regelgeving vastgelegd": same rules, other legal basis
        for criterium in parameters.robuustheidscriteria.children.values():
            if isinstance(criterium, ParameterNode):
                for blad in bladeren(criterium):
                    wijzig_grondslag(blad, vanaf, WETSVOORSTEL, REFERENTIE_WETSVOORSTEL)
        for blad in (parameters.robuustheidscriteria.afgesproken, parameters.robuustheidstermijn_verstreken):
            wijzig_grondslag(blad, vanaf, WETSVOORSTEL, REFERENTIE_WETSVOORSTEL)

        # "een bevoegdheid ... om bij te sturen": in force; its form is an assumption
        bevoegdheid = parameters.bijsturingsbevoegdheid.robuustheid
        zet_waarde(
            bevoegdheid.in_werking,
            vanaf,
            True,
            waarde_metadata(bevoegdheid.in_werking, WETSVOORSTEL, REFERENTIE_WETSVOORSTEL),
        )
        zet_waarde(
            bevoegdheid.vorm,
            vanaf,
            laatste_waarde(eigen.vorm_bijsturingsbevoegdheid),
            waarde_metadata(eigen.vorm_bijsturingsbevoegdheid, AANNAME),
        )

        # "onderzocht hoe [afdwingen van de inbreng van het basistakenpakket] kan worden opgenomen"
        if laatste_waarde(eigen.afdwingen_inbreng_basistakenpakket):
            inbreng = parameters.bijsturingsbevoegdheid.inbreng_basistakenpakket.in_werking
            zet_waarde(inbreng, vanaf, True, waarde_metadata(inbreng, WETSVOORSTEL, REFERENTIE_WETSVOORSTEL))

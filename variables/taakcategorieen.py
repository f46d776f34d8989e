"""Per task category: the inputs ``ingebracht_<c>`` and ``heeft_taken_<c>`` and the result
``basistaak_ontbreekt_<c>``.

The three variables have the same meaning for every category, so they are made from one template
per category in ``openfisca_vth.taakcategorieen.TAAKCATEGORIEEN`` (the category folders of the
parameter tree). ``CountryTaxBenefitSystem`` adds them; this file defines no variable at import.

Legal basis of the result: Wabo art. 5.3 with Bor art. 7.1 and bijlage IV (from 14 April 2016 and
Stb. 2017, 193), and from 1 January 2024 Omgevingswet art. 18.22 with Omgevingsbesluit art. 13.12
and bijlage VI: the bevoegd gezag sees to it that these tasks are carried out by an
omgevingsdienst. Seveso and RIE category 4 tasks go exclusively to a designated
Seveso-omgevingsdienst (Omgevingswet art. 18.22 lid 2).
"""

import numpy
from openfisca_core.model_api import MONTH, Variable

from openfisca_vth.entities import Deelnemer
from openfisca_vth.enums import Bestuurslaag
from openfisca_vth.periode import geldende_regels, invoer_per_maand
from openfisca_vth.taakcategorieen import TAAKCATEGORIEEN

REFERENTIES_BASISTAKENPAKKET = [
    "https://wetten.overheid.nl/jci1.3:c:BWBR0024779&artikel=5.3&g=2016-04-14",
    "https://zoek.officielebekendmakingen.nl/stb-2017-193.html",
    "https://wetten.overheid.nl/jci1.3:c:BWBR0037885&artikel=18.22&g=2024-01-01",
    "https://wetten.overheid.nl/jci1.3:c:BWBR0041278&artikel=13.12&g=2024-01-01",
]


def _variabele(naam, **attributen):
    # __module__ names this module, so OpenFisca's file loader (which only takes classes defined
    # in the file it executes) does not pick the generated classes up a second time.
    return type(naam, (Variable,), {"__module__": __name__, **attributen})


def _formule_basistaak_ontbreekt(code):
    def formula(deelnemer, period, parameters):
        categorie = geldende_regels(parameters, period).basistakenpakket.taakcategorieen[code]
        laag = deelnemer("bestuurslaag", period)

        # Ow 18.22 lid 1 / Bor 7.1: the task is in the basistakenpakket at this date
        is_basistaak = categorie.is_basistaak
        # "ieder voor zover bevoegd gezag": this bestuurslaag is competent for such tasks
        bevoegd = ((laag == Bestuurslaag.gemeente) * categorie.bevoegd_gezag.gemeente) + (
            (laag == Bestuurslaag.provincie) * categorie.bevoegd_gezag.provincie
        )
        # the deelnemer actually has such activities in its area
        heeft_taken = deelnemer(f"heeft_taken_{code}", period)
        niet_ingebracht = numpy.logical_not(deelnemer(f"ingebracht_{code}", period))
        # Ow 18.22 lid 2: exclusive tasks are owed to the Seveso-omgevingsdienst only
        is_seveso_dienst = deelnemer.omgevingsdienst("is_seveso_omgevingsdienst", period)
        verschuldigd_aan_deze_dienst = numpy.logical_or(
            not categorie.uitsluitend_seveso_omgevingsdienst, is_seveso_dienst
        )

        return is_basistaak * bevoegd * heeft_taken * niet_ingebracht * verschuldigd_aan_deze_dienst

    return formula


def taakcategorie_variabelen(categorieen=TAAKCATEGORIEEN):
    """The three variables of each task category, as Variable classes."""
    variabelen = []
    for categorie in categorieen:
        code, label = categorie.code, categorie.label
        variabelen.append(
            _variabele(
                f"ingebracht_{code}",
                value_type=bool,
                default_value=False,
                entity=Deelnemer,
                definition_period=MONTH,
                set_input=invoer_per_maand,
                label=f"De deelnemer heeft deze taken ingebracht bij de omgevingsdienst: {label}",
                reference=REFERENTIES_BASISTAKENPAKKET,
            )
        )
        variabelen.append(
            _variabele(
                f"heeft_taken_{code}",
                value_type=bool,
                default_value=True,
                entity=Deelnemer,
                definition_period=MONTH,
                set_input=invoer_per_maand,
                label=f"De deelnemer is bevoegd gezag voor zulke activiteiten in zijn gebied: {label}",
                reference=REFERENTIES_BASISTAKENPAKKET,
            )
        )
        variabelen.append(
            _variabele(
                f"basistaak_ontbreekt_{code}",
                value_type=bool,
                entity=Deelnemer,
                definition_period=MONTH,
                label=f"Basistaak niet ingebracht bij de omgevingsdienst: {label}",
                reference=REFERENTIES_BASISTAKENPAKKET,
                documentation=(
                    "Waar als de taak op de peildatum een basistaak is, deze bestuurslaag er "
                    "bevoegd gezag voor is, de deelnemer zulke taken heeft, de taak aan deze "
                    "omgevingsdienst verschuldigd is (Seveso-exclusiviteit, Omgevingswet art. "
                    "18.22 lid 2) en de deelnemer de taak niet heeft ingebracht."
                ),
                formula=_formule_basistaak_ontbreekt(code),
            )
        )
    return variabelen

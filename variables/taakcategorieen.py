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

from openfisca_vth.bronnen_register import OB_13_12, OW_18_22, STB_2017_193, WABO_5_3, urls
from openfisca_vth.entities import Deelnemer
from openfisca_vth.periode import geldende_regels, invoer_per_maand
from openfisca_vth.taakcategorieen import TAAKCATEGORIEEN, bevoegd

REFERENTIES_BASISTAKENPAKKET = urls(WABO_5_3, STB_2017_193, OW_18_22, OB_13_12)


def _variabele(naam, **attributen):
    # __module__ names this module, so OpenFisca's file loader (which only takes classes defined
    # in the file it executes) does not pick the generated classes up a second time.
    return type(naam, (Variable,), {"__module__": __name__, **attributen})


def _seveso_tekort(deelnemer, period, ingebracht, wie):
    """Ow 18.22 lid 2: exclusive tasks belong at the designated Seveso-omgevingsdienst and nowhere else,
    for the deelnemers at the indices ``wie`` (those that owe the task: the text comparisons below
    are the cost of this rule, so they run on those only).

    Falls short: brought in at this dienst while it is not the designated one; or, checked once per
    provincie (``draagt_seveso_plicht``), placed at another dienst or kept in-house
    (``seveso_taken_ondergebracht_bij``), or not brought in at the designated dienst. No claim when
    no dienst is designated, or when the placement is not stated and the deelnemer takes no part in
    the designated dienst (nothing is known either way).
    """
    aangewezen = deelnemer("aangewezen_seveso_omgevingsdienst", period)[wie]
    ondergebracht = deelnemer("seveso_taken_ondergebracht_bij", period)[wie]
    hier = deelnemer("code_omgevingsdienst", period)[wie] == aangewezen
    ingebracht = ingebracht[wie]
    # each comparison of text arrays once (they are the cost of this rule on large populations)
    ondergebracht_bij_aangewezen = ondergebracht == aangewezen
    niets_ondergebracht = ondergebracht == ""
    # "met uitsluiting van andere omgevingsdiensten": brought in here, but here is not the designated dienst
    elders_ingebracht = (aangewezen != "") * numpy.logical_not(hier) * ingebracht
    bij_aangewezen = ondergebracht_bij_aangewezen + hier * ingebracht
    elders_ondergebracht = numpy.logical_not(niets_ondergebracht) * numpy.logical_not(ondergebracht_bij_aangewezen)
    onbekend = niets_ondergebracht * numpy.logical_not(hier)
    plicht_niet_nagekomen = elders_ondergebracht + numpy.logical_not(bij_aangewezen) * numpy.logical_not(onbekend)
    return elders_ingebracht + deelnemer("draagt_seveso_plicht", period)[wie] * plicht_niet_nagekomen


def _formule_basistaak_ontbreekt(code):
    def formula(deelnemer, period, parameters):
        categorie = geldende_regels(parameters, period).basistakenpakket.taakcategorieen[code]
        # Ow 18.22 lid 1 / Bor 7.1: the task is in the basistakenpakket at this date, this
        # deelnemer is competent for it, and it actually has such activities in its area
        verschuldigd = categorie.is_basistaak * bevoegd(categorie, deelnemer, period)
        verschuldigd = verschuldigd * deelnemer(f"heeft_taken_{code}", period)
        # brought in, or assumed brought in (a broadening of the basistakenpakket, after its transition term)
        ingebracht = numpy.logical_or(deelnemer(f"ingebracht_{code}", period), categorie.inbreng_aangenomen)
        if categorie.uitsluitend_seveso_omgevingsdienst:
            tekort = numpy.zeros(deelnemer.count, dtype=bool)
            wie = numpy.flatnonzero(verschuldigd)
            if wie.size:
                tekort[wie] = _seveso_tekort(deelnemer, period, ingebracht, wie)
            return tekort
        return verschuldigd * numpy.logical_not(ingebracht)

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
                f"fte_eigen_uitvoering_{code}",
                value_type=float,
                default_value=0.0,
                unit="fte",
                entity=Deelnemer,
                definition_period=MONTH,
                set_input=invoer_per_maand,
                label=f"Formatie (fte) die de deelnemer zelf, buiten de dienst, aan deze taken besteedt: {label}",
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
                    "bevoegd gezag voor is, de deelnemer zulke taken heeft en de taak niet heeft "
                    "ingebracht. Seveso- en RIE-4-taken (Omgevingswet art. 18.22 lid 2) horen bij de "
                    "aangewezen Seveso-omgevingsdienst en nergens anders: in eigen beheer of bij een "
                    "andere dienst is ook een tekort."
                ),
                formula=_formule_basistaak_ontbreekt(code),
            )
        )
    return variabelen

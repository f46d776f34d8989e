"""Seveso-omgevingsdiensten: exclusive competence for Seveso and RIE category 4 tasks.

Omgevingswet art. 18.22 lid 2: the AMvB designates omgevingsdiensten to which, "met uitsluiting
van andere omgevingsdiensten", the execution and enforcement of Seveso and RIE-4 tasks is
assigned. Each provincie has one designated Seveso-omgevingsdienst (parameter
``basistakenpakket.seveso_aanwijzing``, by CBS code), whether or not it is a party to that dienst.
"""

import numpy
from openfisca_core.model_api import MONTH, Enum, Variable, select

from openfisca_vth.bronnen_register import OB_13_13, OW_18_22_LID_2, urls
from openfisca_vth.entities import Deelnemer, Omgevingsdienst
from openfisca_vth.enums import EIGEN_BEHEER, Bestuurslaag, SevesoPlaatsing
from openfisca_vth.periode import geldende_regels


class exclusief_bevoegd_seveso_taken(Variable):
    value_type = bool
    entity = Omgevingsdienst
    definition_period = MONTH
    label = "De omgevingsdienst voert de Seveso-taken uit met uitsluiting van andere omgevingsdiensten"
    reference = urls(OW_18_22_LID_2)

    def formula(omgevingsdienst, period, parameters):
        seveso = geldende_regels(parameters, period).basistakenpakket.taakcategorieen.seveso_inrichtingen
        aangewezen = omgevingsdienst("is_seveso_omgevingsdienst", period)
        return aangewezen * seveso.uitsluitend_seveso_omgevingsdienst


class aangewezen_seveso_omgevingsdienst(Variable):
    value_type = str
    entity = Deelnemer
    definition_period = MONTH
    label = "Code van de Seveso-omgevingsdienst die voor de provincie van deze deelnemer is aangewezen; leeg als geen"
    reference = urls(OW_18_22_LID_2, OB_13_13)
    documentation = """
    Een provincie met een CBS-code: de dienst uit de parameter basistakenpakket.seveso_aanwijzing.
    Anders (een situatie zonder CBS-code, of een gemeente): de eigen dienst als die een
    Seveso-omgevingsdienst is, en anders geen. Zo houdt een situatie die geen aanwijzing noemt de
    lezing dat een provincie bij een Seveso-omgevingsdienst die taken daar verschuldigd is.
    """

    def formula(deelnemer, period, parameters):
        aanwijzing = geldende_regels(parameters, period).basistakenpakket.seveso_aanwijzing
        eigen_dienst = deelnemer("code_omgevingsdienst", period)
        eigen_is_seveso = deelnemer.omgevingsdienst("is_seveso_omgevingsdienst", period)
        aangewezen = numpy.full(deelnemer.count, "", dtype=object)
        seveso = numpy.flatnonzero(eigen_is_seveso)
        aangewezen[seveso] = eigen_dienst[seveso]
        provincies = numpy.flatnonzero(deelnemer("bestuurslaag", period) == Bestuurslaag.provincie)
        codes = deelnemer("cbs_code", period)[provincies]  # only provincie records are designated
        for cbs_code in aanwijzing:
            aangewezen[provincies[codes == cbs_code]] = aanwijzing[cbs_code]
        return aangewezen


class plaatsing_seveso_taken(Variable):
    value_type = Enum
    possible_values = SevesoPlaatsing
    default_value = SevesoPlaatsing.geen_aanwijzing
    entity = Deelnemer
    definition_period = MONTH
    label = "Waar de provincie haar Seveso- en RIE-4-taken heeft ondergebracht, getoetst aan de aanwijzing"
    reference = urls(OW_18_22_LID_2)

    def formula(deelnemer, period):
        aangewezen = deelnemer("aangewezen_seveso_omgevingsdienst", period)
        ondergebracht = deelnemer("seveso_taken_ondergebracht_bij", period)
        return select(
            [
                aangewezen == "",
                ondergebracht == aangewezen,
                ondergebracht == EIGEN_BEHEER,
                ondergebracht == "",
            ],
            # indices, not members: OpenFisca encodes an array of members in a Python loop
            [
                SevesoPlaatsing.geen_aanwijzing.index,
                SevesoPlaatsing.bij_aangewezen_dienst.index,
                SevesoPlaatsing.in_eigen_beheer.index,
                SevesoPlaatsing.niet_opgegeven.index,
            ],
            default=SevesoPlaatsing.bij_andere_dienst.index,
        )


class draagt_seveso_plicht(Variable):
    value_type = bool
    entity = Deelnemer
    definition_period = MONTH
    label = (
        "Via deze deelnemer wordt getoetst of de provincie haar Seveso- en RIE-4-taken bij de aangewezen "
        "dienst onderbrengt"
    )
    reference = urls(OW_18_22_LID_2)
    documentation = """
    Een provincie is per omgevingsdienst een deelnemer, maar haar Seveso-plicht bestaat één keer.
    Die plicht wordt getoetst bij haar deelname in de aangewezen Seveso-omgevingsdienst; neemt zij
    daar niet deel, dan bij haar deelname in de dienst met de alfabetisch eerste code (zo hangt de
    uitkomst niet af van de volgorde van de gegevens). Zonder CBS-code (een situatie die geen
    aanwijzing noemt) alleen bij de eigen dienst als die de Seveso-omgevingsdienst is.
    """

    def formula(deelnemer, period):
        is_provincie = deelnemer("bestuurslaag", period) == Bestuurslaag.provincie
        aangewezen = deelnemer("aangewezen_seveso_omgevingsdienst", period)
        eigen = deelnemer("code_omgevingsdienst", period)
        codes = deelnemer("cbs_code", period)
        kopie = deelnemer("kopie", period)
        uitkomst = numpy.zeros(deelnemer.count, dtype=bool)
        # Only provincie records take part (a small share: the string work stays cheap). A provincie
        # is the same authority in all its diensten of one situation; a stacked simulation
        # (openfisca_vth.variatie) holds several situations, told apart by ``kopie``.
        p = numpy.flatnonzero(is_provincie)
        if not p.size:
            return uitkomst
        eigen, aangewezen, codes = eigen[p].astype(str), aangewezen[p].astype(str), codes[p].astype(str)
        # texts as integers once (numpy.unique sorts, so an integer's order is its text's order):
        # the keys below are then sums and products, not joined strings
        dienstnummers, dienst = numpy.unique(numpy.concatenate((eigen, aangewezen)), return_inverse=True)
        eigen_nr, aangewezen_nr = dienst[: p.size], dienst[p.size :]
        _, code_nr = numpy.unique(codes, return_inverse=True)
        provincie = kopie[p].astype(numpy.int64) * (p.size + 1) + code_nr  # one provincie of one copy
        bekend = (codes != "") & (aangewezen != "")
        partij_bij_aangewezen = numpy.isin(
            provincie * dienstnummers.size + aangewezen_nr, provincie * dienstnummers.size + eigen_nr
        )
        # the record with the alphabetically first dienst code of each provincie
        volgorde = numpy.lexsort((eigen_nr, provincie))
        gesorteerd = provincie[volgorde]
        eerste = numpy.zeros(p.size, dtype=bool)
        eerste[volgorde[numpy.r_[True, gesorteerd[1:] != gesorteerd[:-1]]]] = True
        hier = (eigen_nr == aangewezen_nr) & (aangewezen != "")
        uitkomst[p] = hier | (bekend & ~partij_bij_aangewezen & eerste)
        return uitkomst

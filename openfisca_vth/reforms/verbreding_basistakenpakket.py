"""Broadening the basistakenpakket: chosen plustaken become basistaken from a chosen date.

Kamerstuk 22 343, nr. 419: "Op dit moment wordt onderzocht wat de mogelijkheden zijn om het
basistakenpakket te verbreden en hoe dit kan worden geborgd in regelgeving." Which tasks and from
when is not known: the reform's own parameters
(``openfisca_vth/reforms/parameters/verbreding_basistakenpakket/``, status ``aanname``) hold one
switch per plustaak (``wordt_basistaak.<categorie>``: bouw_toezicht, advisering_omgevingsplan) and
the date (``ingangsdatum``, assumed 2028-01-01). From that date the category's ``is_basistaak`` is
true, so a deelnemer that has such tasks and has not brought them in lacks a basistaak, which
also touches the robuustheidscriterium basistakenpakket of its omgevingsdienst.
"""

from openfisca_vth.errors import HervormingsFout
from openfisca_vth.reforms.basis import VTHHervorming, laatste_waarde, waarde_metadata, zet_waarde
from openfisca_vth.reforms.wetsvoorstel_versterking_vth import inwerkingtreding

AANNAME = "aanname"


class verbreding_basistakenpakket(VTHHervorming):  # noqa: N801 (class path = reform name)
    toelichting = (
        "Verbreding van het basistakenpakket (in onderzoek): de gekozen plustaken (standaard "
        "toezicht bij bouwactiviteiten en advisering over het omgevingsplan) worden basistaken "
        "vanaf de aangenomen ingangsdatum."
    )
    eigen_parameters = "verbreding_basistakenpakket"

    def wijzig_regels(self, parameters):
        eigen = parameters.verbreding_basistakenpakket
        vanaf = inwerkingtreding(parameters, self.eigen_parameters, "ingangsdatum")
        categorieen = parameters.basistakenpakket.taakcategorieen
        for code, schakelaar in eigen.wordt_basistaak.children.items():
            if code not in categorieen.children:
                raise HervormingsFout(
                    f"verbreding_basistakenpakket.wordt_basistaak.{code}: geen taakcategorie; "
                    f"bekend: {', '.join(categorieen.children)}"
                )
            if laatste_waarde(schakelaar):
                is_basistaak = categorieen.children[code].is_basistaak
                metadata = waarde_metadata(is_basistaak, AANNAME, schakelaar.metadata["reference"])
                zet_waarde(is_basistaak, vanaf, True, metadata)

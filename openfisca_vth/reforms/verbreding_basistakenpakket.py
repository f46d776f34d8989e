"""Broadening the basistakenpakket: chosen plustaken become basistaken (design choice 5 of the bill).

The voortgangsbrief of spring 2025: "Op dit moment wordt onderzocht wat de mogelijkheden zijn om het
basistakenpakket te verbreden en hoe dit kan worden geborgd in regelgeving", and bringing in
plustaken "kan een positieve bijdrage leveren aan het voldoen aan de robuustheidscriteria". Which
tasks, from when and with which transition is not known: the reform's own parameters
(``openfisca_vth/reforms/parameters/verbreding_basistakenpakket/``, status ``aanname``) hold one
switch per plustaak (``wordt_basistaak.<categorie>``), the date (``ingangsdatum``), a transition
term (``overgangstermijn_maanden``: the duty applies from its end) and whether the deelnemers are
assumed to bring the tasks in by then (``inbreng_aangenomen``). With that assumption the formation
a deelnemer now spends on the task itself (``fte_eigen_uitvoering_<categorie>``, in the dataset)
moves to its omgevingsdienst at the share ``formatie_bij_inbreng`` of the category, so a drafter
sees which diensten the broadening makes reach a minimum formation (kritieke massa). Without it, the
broadening shows the deelnemers that fall short.
"""

import datetime

from openfisca_vth.errors import KeuzeFout
from openfisca_vth.reforms.basis import VTHHervorming, laatste_waarde, waarde_metadata, zet_waarde
from openfisca_vth.reforms.wetsvoorstel_versterking_vth import inwerkingtreding

AANNAME = "aanname"
EIGEN = "verbreding_basistakenpakket"


def _na_maanden(datum, maanden):
    """``datum`` (YYYY-MM-DD) plus whole months, on the same day of the month (or the month's last day)."""
    dag = datetime.date.fromisoformat(datum)
    maand = dag.month - 1 + maanden
    jaar, maand = dag.year + maand // 12, maand % 12 + 1
    volgende = datetime.date(jaar + (maand == 12), maand % 12 + 1, 1)
    return datetime.date(jaar, maand, min(dag.day, (volgende - datetime.timedelta(days=1)).day)).isoformat()


class verbreding_basistakenpakket(VTHHervorming):  # noqa: N801 (class path = reform name)
    toelichting = (
        "Verbreding van het basistakenpakket (in onderzoek): de gekozen plustaken (standaard toezicht bij "
        "bouwactiviteiten en advisering over het omgevingsplan) worden basistaken vanaf de aangenomen "
        "ingangsdatum, na een eventuele overgangstermijn."
    )
    eigen_parameters = EIGEN

    def wijzig_regels(self, parameters):
        eigen = parameters.children[EIGEN]
        begin = inwerkingtreding(parameters, EIGEN, "ingangsdatum")
        maanden = laatste_waarde(eigen.overgangstermijn_maanden)
        if isinstance(maanden, bool) or not isinstance(maanden, int) or maanden < 0:
            raise KeuzeFout(
                f"{EIGEN}.overgangstermijn_maanden: {maanden!r} is geen geheel getal van 0 of meer",
                [f"{EIGEN}.overgangstermijn_maanden"],
            )
        vanaf = _na_maanden(begin, maanden)
        aangenomen = bool(laatste_waarde(eigen.inbreng_aangenomen))
        categorieen = parameters.basistakenpakket.taakcategorieen
        for code, schakelaar in eigen.wordt_basistaak.children.items():
            if code not in categorieen.children:
                raise KeuzeFout(
                    f"{EIGEN}.wordt_basistaak.{code}: geen taakcategorie; bekend: {', '.join(categorieen.children)}",
                    [f"{EIGEN}.wordt_basistaak.{code}"],
                )
            if laatste_waarde(schakelaar):
                categorie = categorieen.children[code]
                metadata = waarde_metadata(categorie.is_basistaak, AANNAME, schakelaar.metadata["reference"])
                zet_waarde(categorie.is_basistaak, vanaf, True, metadata)
                if aangenomen:
                    metadata = waarde_metadata(
                        categorie.inbreng_aangenomen, AANNAME, eigen.inbreng_aangenomen.metadata["reference"]
                    )
                    zet_waarde(categorie.inbreng_aangenomen, vanaf, True, metadata)

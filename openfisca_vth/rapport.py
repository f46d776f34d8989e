"""The status of every omgevingsdienst in one month: dataset x tax-benefit system x period.

``bereken_status`` runs one OpenFisca simulation of the dataset's month and gathers, per
omgevingsdienst, whether it is robuust, which applicable robuustheidscriteria it does not meet,
whether the staatssecretaris could intervene, and which deelnemers fall short (basistaken not
brought in, no mandate, no regional strategy). The command line (``openfisca-vth status``), the
compare command and other tools format this one result; no rule is evaluated here, only read
from the variables and the parameters.
"""

from dataclasses import dataclass

from openfisca_vth.periode import geldende_regels, maand
from openfisca_vth.robuustheidscriteria import ROBUUSTHEIDSCRITERIA, geldende_criteria
from openfisca_vth.taakcategorieen import TAAKCATEGORIEEN


@dataclass(frozen=True)
class DeelnemerStatus:
    id: str
    naam: str
    soort: str
    ontbrekende_basistaken: tuple
    mandaat_verleend: bool
    regionale_strategie_vastgesteld: bool
    interbestuurlijk_toezichthouder: str
    interbestuurlijk_toezicht_mogelijk: bool
    inbreng_basistakenpakket_afdwingbaar: bool

    @property
    def schiet_tekort(self):
        return bool(self.ontbrekende_basistaken) or not (self.mandaat_verleend and self.regionale_strategie_vastgesteld)

    def naar_dict(self):
        return {
            "id": self.id,
            "naam": self.naam,
            "soort": self.soort,
            "ontbrekende_basistaken": list(self.ontbrekende_basistaken),
            "mandaat_verleend": self.mandaat_verleend,
            "regionale_strategie_vastgesteld": self.regionale_strategie_vastgesteld,
            "interbestuurlijk_toezichthouder": self.interbestuurlijk_toezichthouder,
            "interbestuurlijk_toezicht_mogelijk": self.interbestuurlijk_toezicht_mogelijk,
            "inbreng_basistakenpakket_afdwingbaar": self.inbreng_basistakenpakket_afdwingbaar,
        }


@dataclass(frozen=True)
class DienstStatus:
    code: str
    naam: str
    robuust: bool
    niet_voldane_criteria: tuple
    bijsturingsbevoegdheid_staatssecretaris: bool
    robuustheidstermijn_verstreken: bool
    is_seveso_omgevingsdienst: bool
    fte_formatie: float
    deelnemers: tuple  # every DeelnemerStatus of the dienst, simulation order

    @property
    def deelnemers_met_ontbrekende_basistaken(self):
        return tuple(d for d in self.deelnemers if d.ontbrekende_basistaken)

    @property
    def deelnemers_zonder_mandaat(self):
        return tuple(d for d in self.deelnemers if not d.mandaat_verleend)

    @property
    def deelnemers_zonder_regionale_strategie(self):
        return tuple(d for d in self.deelnemers if not d.regionale_strategie_vastgesteld)

    def naar_dict(self):
        return {
            "code": self.code,
            "naam": self.naam,
            "robuust": self.robuust,
            "niet_voldane_criteria": list(self.niet_voldane_criteria),
            "bijsturingsbevoegdheid_staatssecretaris": self.bijsturingsbevoegdheid_staatssecretaris,
            "robuustheidstermijn_verstreken": self.robuustheidstermijn_verstreken,
            "is_seveso_omgevingsdienst": self.is_seveso_omgevingsdienst,
            "fte_formatie": self.fte_formatie,
            "aantal_deelnemers": len(self.deelnemers),
            "deelnemers_met_ontbrekende_basistaken": [
                {
                    "id": d.id,
                    "naam": d.naam,
                    "soort": d.soort,
                    "ontbrekende_basistaken": list(d.ontbrekende_basistaken),
                    "interbestuurlijk_toezichthouder": d.interbestuurlijk_toezichthouder,
                    "interbestuurlijk_toezicht_mogelijk": d.interbestuurlijk_toezicht_mogelijk,
                }
                for d in self.deelnemers_met_ontbrekende_basistaken
            ],
            "deelnemers_zonder_mandaat": [d.id for d in self.deelnemers_zonder_mandaat],
            "deelnemers_zonder_regionale_strategie": [d.id for d in self.deelnemers_zonder_regionale_strategie],
        }


@dataclass(frozen=True)
class Statusrapport:
    periode: str
    hervorming: str | None
    dataset: str
    dataset_bron: str
    illustratief: bool
    toelichting: str
    omgevingsdiensten: tuple

    @property
    def totalen(self):
        diensten = self.omgevingsdiensten
        return {
            "omgevingsdiensten": len(diensten),
            "robuust": sum(d.robuust for d in diensten),
            "niet_robuust": sum(not d.robuust for d in diensten),
            "bijsturingsbevoegdheid_staatssecretaris": sum(d.bijsturingsbevoegdheid_staatssecretaris for d in diensten),
            "deelnemers": sum(len(d.deelnemers) for d in diensten),
            "deelnemers_met_ontbrekende_basistaken": sum(
                len(d.deelnemers_met_ontbrekende_basistaken) for d in diensten
            ),
            "niet_voldaan_per_criterium": {
                c.code: sum(c.code in d.niet_voldane_criteria for d in diensten) for c in ROBUUSTHEIDSCRITERIA
            },
        }

    def naar_dict(self):
        return {
            "period": self.periode,
            "reform": self.hervorming,
            "dataset": {"naam": self.dataset, "bron": self.dataset_bron},
            "illustratief": self.illustratief,
            "toelichting": self.toelichting,
            "omgevingsdiensten": [d.naar_dict() for d in self.omgevingsdiensten],
            "totalen": self.totalen,
        }


def bereken_status(dataset, tax_benefit_system, periode, hervorming=None):
    """The :class:`Statusrapport` of ``dataset`` in month ``periode`` under ``tax_benefit_system``.

    ``hervorming`` is only a label (the name or file of the reform that built the system).
    """
    periode = maand(periode)
    simulatie = dataset.simulatie(tax_benefit_system, periode)
    diensten = dataset.omgevingsdiensten(periode)
    deelnemers = dataset.deelnemers(periode)

    def bereken(variabele):
        return simulatie.calculate(variabele, periode)

    geldend = geldende_criteria(geldende_regels(tax_benefit_system.parameters, periode))
    voldaan = {c.code: bereken(c.variabele) for c in geldend}
    ontbreekt = {c.code: bereken(f"basistaak_ontbreekt_{c.code}") for c in TAAKCATEGORIEEN}
    mandaat = bereken("mandaat_verleend")
    strategie = bereken("regionale_strategie_vastgesteld")
    toezichthouder = bereken("interbestuurlijk_toezichthouder").decode_to_str()
    toezicht_mogelijk = bereken("interbestuurlijk_toezicht_mogelijk")
    afdwingbaar = bereken("inbreng_basistakenpakket_afdwingbaar")

    per_dienst = {}
    for i, d in enumerate(deelnemers):
        per_dienst.setdefault(d.omgevingsdienst_code, []).append(
            DeelnemerStatus(
                id=d.id,
                naam=d.naam,
                soort=d.soort,
                ontbrekende_basistaken=tuple(c for c, waarden in ontbreekt.items() if waarden[i]),
                mandaat_verleend=bool(mandaat[i]),
                regionale_strategie_vastgesteld=bool(strategie[i]),
                interbestuurlijk_toezichthouder=str(toezichthouder[i]),
                interbestuurlijk_toezicht_mogelijk=bool(toezicht_mogelijk[i]),
                inbreng_basistakenpakket_afdwingbaar=bool(afdwingbaar[i]),
            )
        )

    robuust = bereken("robuust")
    bijsturing = bereken("bijsturingsbevoegdheid_staatssecretaris")
    termijn = bereken("robuustheidstermijn_verstreken")
    seveso = bereken("is_seveso_omgevingsdienst")
    fte = bereken("fte_formatie")
    statussen = tuple(
        DienstStatus(
            code=d.code,
            naam=d.naam,
            robuust=bool(robuust[j]),
            niet_voldane_criteria=tuple(c for c, waarden in voldaan.items() if not waarden[j]),
            bijsturingsbevoegdheid_staatssecretaris=bool(bijsturing[j]),
            robuustheidstermijn_verstreken=bool(termijn[j]),
            is_seveso_omgevingsdienst=bool(seveso[j]),
            fte_formatie=float(fte[j]),
            deelnemers=tuple(per_dienst[d.code]),
        )
        for j, d in enumerate(diensten)
    )
    return Statusrapport(
        periode=str(periode),
        hervorming=hervorming,
        dataset=dataset.naam,
        dataset_bron=dataset.bron,
        illustratief=dataset.illustratief,
        toelichting=dataset.toelichting,
        omgevingsdiensten=statussen,
    )

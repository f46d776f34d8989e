"""The two entities of the VTH-stelsel milieu.

A *deelnemer* is a party to the gemeenschappelijke regeling of one omgevingsdienst
(Omgevingswet art. 18.21 lid 1; Wet gemeenschappelijke regelingen art. 8 lid 1). A provincie
that takes part in several omgevingsdiensten is one deelnemer per dienst, because its
obligations (bring the basistakenpakket in, grant the mandate) are owed to each dienst.

The *omgevingsdienst* is the openbaar lichaam those deelnemers set up. The role of a deelnemer
says which bestuurslaag it is, and so which rules bind it: the gemeente and provincie roles
carry the basistakenpakket duties; a waterschap (e.g. Wetterskip Fryslân in FUMO) may take
part in a dienst but has no basistakenpakket duty under Omgevingswet art. 18.21-18.22.
"""

from openfisca_core.entities import Entity, GroupEntity, build_entity

Deelnemer: Entity = build_entity(
    key="deelnemer",
    plural="deelnemers",
    label="Deelnemer in een omgevingsdienst (gemeente, provincie of waterschap)",
    doc="""
    Een openbaar bestuursorgaan dat deelneemt in de gemeenschappelijke regeling van één
    omgevingsdienst. Een provincie die in meer omgevingsdiensten deelneemt, is per dienst een
    aparte deelnemer.
    """,
    is_person=True,
)

Omgevingsdienst: GroupEntity = build_entity(
    key="omgevingsdienst",
    plural="omgevingsdiensten",
    label="Omgevingsdienst (openbaar lichaam, Omgevingswet art. 18.21)",
    doc="""
    Het openbaar lichaam dat gedeputeerde staten en de colleges van burgemeester en wethouders
    in één of meer veiligheidsregio's instellen om taken op het gebied van
    vergunningverlening, toezicht en handhaving uit te voeren.
    """,
    roles=[
        {
            "key": "gemeente",
            "plural": "gemeenten",
            "label": "Gemeente",
            "doc": "Deelnemende gemeente (college van burgemeester en wethouders).",
        },
        {
            "key": "provincie",
            "plural": "provincies",
            "label": "Provincie",
            "doc": "Deelnemende provincie (gedeputeerde staten).",
        },
        {
            "key": "waterschap",
            "plural": "waterschappen",
            "label": "Waterschap",
            "doc": "Deelnemend waterschap; heeft geen basistakenpakketplicht.",
        },
    ],
)

entities: list[Entity | GroupEntity] = [Deelnemer, Omgevingsdienst]

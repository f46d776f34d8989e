"""The national dataset of omgevingsdiensten and deelnemers, dated, and user datasets (issue 3).

    from openfisca_vth.dataset import laad_dataset
    ds = laad_dataset()                      # embedded; laad_dataset(pad) for a user folder
    ds.omgevingsdiensten(periode)            # records valid that month, simulation order
    ds.deelnemers(periode)
    simulatie = ds.simulatie(tax_benefit_system, periode)

The format of a dataset folder and the provenance of the embedded one: docs/dataset.md.
"""

from openfisca_vth.dataset.dataset import INGEBOUWD_DIR, Dataset, laad_dataset
from openfisca_vth.dataset.fouten import DatasetBuitenDekking, DatasetFout
from openfisca_vth.dataset.lezen import DeelnemerRecord, Geldigheid, OmgevingsdienstRecord

__all__ = [
    "INGEBOUWD_DIR",
    "Dataset",
    "DatasetBuitenDekking",
    "DatasetFout",
    "DeelnemerRecord",
    "Geldigheid",
    "OmgevingsdienstRecord",
    "laad_dataset",
]

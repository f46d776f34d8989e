"""Errors raised while reading or using a dataset (one line of Dutch each, see errors.py)."""

from openfisca_vth.errors import VTHInvoerFout


class DatasetFout(VTHInvoerFout):
    """A dataset file or folder that cannot be read or is not valid."""


class DatasetBuitenDekking(DatasetFout):
    """A month outside the period the dataset covers."""

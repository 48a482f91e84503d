"""An observation: the columns of the long table every source ends in, and the one value formula."""

from __future__ import annotations

import pandas as pd

KEY: tuple[str, ...] = ("periode", "kode_wilayah", "indikator")
NUMBERS: tuple[str, ...] = ("pembilang", "penyebut", "nilai")
COLUMNS: tuple[str, ...] = (*KEY, *NUMBERS)
DTYPES: dict[str, str] = {**dict.fromkeys(KEY, "str"), **dict.fromkeys(NUMBERS, "float64")}


def ratio_value(pembilang: pd.Series, penyebut: pd.Series, factor: pd.Series | float) -> pd.Series:
    """pembilang ÷ penyebut × factor (DHIS2's indicator formula); missing where the penyebut is missing or not
    positive, so nothing is divided by zero."""
    return pembilang / penyebut.where(penyebut > 0) * factor

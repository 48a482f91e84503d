"""ui.format on tiny frames with holes: a missing rank, value or status never raises, it shows as missing."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from ui import format as fmt


@pytest.mark.parametrize("missing", [pd.NA, math.nan, None])
def test_ranking_table_with_a_kelurahan_without_a_value(tiny_catalogue, missing):
    """Issue 12: `r == r` on pd.NA raised 'boolean value of NA is ambiguous' on Peta at the kelurahan level."""
    rows = pd.DataFrame(
        {
            "peringkat": pd.array([1, missing, 2], dtype="Int64") if missing is pd.NA else [1, missing, 2],
            "nama_wilayah": ["Satu", "Dua", "Tiga"],
            "nilai": [75.0, missing, 60.0],
            "target": [70.0, 70.0, 70.0],
            "status": ["tercapai", missing, "mendekati"],
        }
    )
    table = fmt.ranking_table(rows, tiny_catalogue.get("daring"), tiny_catalogue, "id")
    assert table["Peringkat"] == ["1", "—", "2"]  # a dash, as for the value: never "None" in the grid
    assert table["Nilai"] == ["75,0%", "—", "60,0%"]
    assert table["Status"] == ["Tercapai", "Tidak ada data", "Mendekati target"]

"""Change against the previous period and last year, read by direction; ranks with ties."""

import math

import pandas as pd
import pytest

from kpi.metrics.rankings import add_ranks
from kpi.metrics.trends import add_changes


def _rows(indikator, rows):
    return pd.DataFrame(
        [
            {"indikator": indikator, "tingkat": "kecamatan", "kode_wilayah": k, "periode": p, "nilai": v}
            for k, p, v in rows
        ]
    )


def test_changes_previous_and_last_year(tiny_catalogue):
    frame = _rows("daring", [("A", "2025-03", 40.0), ("A", "2026-02", 50.0), ("A", "2026-03", 48.5)])
    out = add_changes(frame, tiny_catalogue).set_index("periode")
    assert out.loc["2026-03", "perubahan"] == pytest.approx(-1.5)
    assert out.loc["2026-03", "arah"] == "memburuk"
    assert out.loc["2026-03", "perubahan_tahunan"] == pytest.approx(8.5)
    assert out.loc["2026-03", "arah_tahunan"] == "membaik"
    assert math.isnan(out.loc["2026-02", "perubahan_tahunan"])  # 2025-02 is absent: no change, not zero


def test_lower_is_better_reads_a_fall_as_improvement(tiny_catalogue):
    frame = _rows("aduan", [("A", "2026-01", 3.0), ("A", "2026-02", 2.0), ("A", "2026-03", 2.0)])
    out = add_changes(frame, tiny_catalogue).set_index("periode")
    assert out.loc["2026-02", "arah"] == "membaik"
    assert out.loc["2026-03", "arah"] == "tetap"


def test_ranks_with_ties_and_direction(tiny_catalogue):
    frame = _rows(
        "daring",
        [
            ("A", "2026-01", 70.0),
            ("B", "2026-01", 80.0),
            ("C", "2026-01", 80.04),
            ("D", "2026-01", 60.0),
            ("E", "2026-01", math.nan),
        ],
    )
    out = add_ranks(frame, tiny_catalogue).set_index("kode_wilayah")
    # B and C both show 80.0 at one decimal: they share rank 1, then A is 3rd, D 4th; E has no value.
    assert out["peringkat"].tolist()[:4] == [3, 1, 1, 4]
    assert pd.isna(out.loc["E", "peringkat"]) and out.loc["A", "peringkat_dari"] == 4
    lower = add_ranks(_rows("aduan", [("A", "2026-01", 1.0), ("B", "2026-01", 3.0)]), tiny_catalogue)
    assert lower["peringkat"].tolist() == [1, 2]


def test_a_year_in_progress_is_compared_with_the_same_months(tiny_catalogue, tiny_register):
    from kpi.metrics.analysis import indicator_table
    from tests.conftest import obs

    nan = float("nan")
    # Cumulative budget of kecamatan Alfa: 2025 reaches 30/100 in March and 90/100 in December; 2026 has Jan–Mar.
    rows = [
        (f"2025-{m:02d}", "36.74.01", "anggaran", 10 * m if m <= 3 else 30 + 60 * (m - 3) / 9, 100, nan)
        for m in range(1, 13)
    ]
    rows += [(f"2026-{m:02d}", "36.74.01", "anggaran", 12 * m, 100, nan) for m in (1, 2, 3)]
    table = indicator_table(obs(rows), tiny_catalogue, tiny_register, "kecamatan", "year")
    row = table[(table["kode_wilayah"] == "36.74.01") & (table["periode"] == "2026")].iloc[0]
    assert row["nilai"] == pytest.approx(36.0)  # March 2026, cumulative
    assert row["nilai_tahun_lalu"] == pytest.approx(30.0)  # March 2025, not December's 90
    assert row["perubahan_tahunan"] == pytest.approx(6.0)
    assert row["arah_tahunan"] == "membaik"
    whole = table[(table["kode_wilayah"] == "36.74.01") & (table["periode"] == "2025")].iloc[0]
    assert whole["nilai"] == pytest.approx(90.0)  # a finished year is untouched

"""Achievement against target in the indicator's direction, and status from official bands or target."""

import math

import pandas as pd
import pytest

from kpi.metrics.targets import achievement, add_targets, target_status


@pytest.mark.parametrize(
    "value, target, higher, expected",
    [
        (54.0, 60.0, True, 90.0),  # 54/60
        (66.0, 60.0, True, 110.0),
        (2.5, 2.0, False, 75.0),  # lower is better: (2·2 − 2.5)/2
        (1.5, 2.0, False, 125.0),
        (3.9, 2.0, False, 5.0),  # (4 − 3.9)/2
        (4.0, 2.0, False, 0.0),  # twice the target: nothing achieved
        (10.94, 2.0, False, 0.0),  # issue 12: was −347.0 %, never below 0
        (math.nan, 2.0, False, math.nan),
        (2.0, 0.0, True, math.nan),  # no division by a zero target
    ],
)
def test_achievement(value, target, higher, expected):
    got = achievement(pd.Series([value]), pd.Series([target]), higher).iloc[0]
    assert (math.isnan(got) and math.isnan(expected)) or got == pytest.approx(expected)


def test_status_thresholds():
    # Judged on the achievement as displayed (one decimal, half up): 99,95 is shown 100,0 and 89,95 is shown 90,0.
    status = target_status(pd.Series([100.0, 99.95, 99.94, 90.0, 89.95, 89.94, math.nan]), near=0.9)
    assert status.tolist()[:6] == ["tercapai", "tercapai", "mendekati", "mendekati", "mendekati", "belum_tercapai"]
    assert pd.isna(status.iloc[6])


def _table(indikator, periode, values):
    return pd.DataFrame(
        {
            "indikator": indikator,
            "tingkat": "kelurahan",
            "kode_wilayah": [f"k{i}" for i in range(len(values))],
            "periode": periode,
            "nilai": values,
        }
    )


def test_official_bands_give_the_status(tiny_catalogue):
    out = add_targets(_table("ikm", "2026-S1", [88.30, 88.31, 76.60, 76.61]), tiny_catalogue)
    assert out["pita"].tolist() == ["B", "A", "C", "B"]
    assert out["status"].tolist() == ["B", "A", "C", "B"]
    # target 85, near 0.9: 76.60/85 = 90.1 % is still "mendekati"
    assert out["status_target"].tolist() == ["tercapai", "tercapai", "mendekati", "mendekati"]


def test_target_status_where_no_bands(tiny_catalogue):
    out = add_targets(_table("aduan", "2026-03", [1.9, 2.1, 3.0]), tiny_catalogue)
    assert out["target"].tolist() == [2, 2, 2]
    assert out["capaian"].round(1).tolist() == [105.0, 95.0, 50.0]
    assert out["status"].tolist() == ["tercapai", "mendekati", "belum_tercapai"]


def test_cumulative_target_for_a_month(tiny_catalogue):
    out = add_targets(_table("anggaran", "2026-06", [45.0]), tiny_catalogue)
    assert out["target"].iloc[0] == pytest.approx(95 * 0.45)


def test_cumulative_target_of_a_year_in_progress_is_read_at_its_last_month(tiny_catalogue):
    frame = _table("anggaran", "2026", [70.0]).assign(periode_akhir="2026-10")
    out = add_targets(frame, tiny_catalogue)
    assert out["target"].iloc[0] == pytest.approx(95 * 0.79)  # October (10th share), not December's 95


def test_no_target_for_the_year_gives_no_status(tiny_catalogue):
    out = add_targets(_table("daring", "2024-01", [50.0]), tiny_catalogue)
    assert math.isnan(out["target"].iloc[0]) and pd.isna(out["status"].iloc[0])

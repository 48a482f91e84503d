"""kpi.report.labels (status and band labels, the unit and text of a change, levels, the city's name) and the one
value formula of kpi.core.observations, on the tiny fixtures."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from kpi.core.observations import ratio_value
from kpi.report import labels


@pytest.mark.parametrize(
    ("indicator", "code", "lang", "expected"),
    [
        ("daring", "tercapai", "id", "Tercapai"),
        ("daring", "mendekati", "en", "Close to target"),
        ("ikm", "B", "id", "B (Baik)"),  # an official band's own label, from data/bands.yaml
        ("ikm", "B", "en", "B (Good)"),
        ("kepatuhan", "kuning", "id", "Kuning (kepatuhan sedang)"),
        ("daring", None, "id", None),
        ("daring", math.nan, "id", None),
    ],
)
def test_status_label(tiny_catalogue, indicator, code, lang, expected):
    assert labels.status_label(code, tiny_catalogue.get(indicator), tiny_catalogue, lang) == expected


@pytest.mark.parametrize(
    ("indicator", "delta", "lang", "expected"),
    [
        ("daring", 2.05, "id", "+2,1 poin"),  # percent: the change is in points, rounded half up
        ("daring", -0.44, "en", "-0.4 points"),
        ("daring", 0.04, "id", "±0,0 poin"),
        ("ikm", 1.5, "en", "+1.50 points"),  # an index in points says its own unit
        ("daring", None, "id", None),
        ("daring", math.nan, "id", None),
    ],
)
def test_change_text(tiny_catalogue, indicator, delta, lang, expected):
    assert labels.change_text(delta, tiny_catalogue.get(indicator), lang) == expected


def test_level_and_city(tiny_register):
    assert labels.level_label("kelurahan", "en") == "Kelurahan (sub-district)"
    assert labels.level_label("kelurahan", "en", short=True) == "Kelurahan"
    assert labels.city_name(tiny_register, "en") == "Kota Uji"  # already says Kota: never 'Kota Kota Uji'


def test_period_label_says_where_a_partial_period_stops():
    rows = pd.DataFrame({"nilai": [70.0], "periode_akhir": ["2026-10"]})
    assert labels.period_label(rows, "2026", "id") == "2026 (s.d. Okt 2026)"
    assert labels.period_label(rows, "2026-Q3", "en") == "Q3 2026"


def test_ratio_value_sums_first_and_never_divides_by_zero():
    pembilang = pd.Series([3.0, 5.0, 1.0, 2.0])
    penyebut = pd.Series([4.0, 0.0, float("nan"), 8.0])
    got = ratio_value(pembilang, penyebut, 100)
    assert got.iloc[0] == 75.0 and got.iloc[3] == 25.0
    assert got.iloc[1:3].isna().all()  # penyebut 0 or missing: no value, not inf
    # a roll-up divides the sums: (3 + 2) / (4 + 8) × 100 = 41.67, not the mean of 75 and 25
    summed = ratio_value(pd.Series([pembilang[[0, 3]].sum()]), pd.Series([penyebut[[0, 3]].sum()]), 100)
    assert summed.iloc[0] == pytest.approx(41.6667, abs=1e-4)

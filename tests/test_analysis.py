"""kpi.metrics.analysis on tiny frames: a headline card when its indicator has values, rows or nothing at all."""

from __future__ import annotations

import math

import pandas as pd

from kpi.metrics.analysis import card

COLUMNS = ["indikator", "kode_wilayah", "periode", "nilai"]


def _table(rows):
    return pd.DataFrame(rows, columns=COLUMNS)


def test_card_is_the_latest_value_up_to_a_period_with_its_history():
    table = _table(
        [
            ("daring", "36.74", "2026-08", 70.0),
            ("daring", "36.74", "2026-09", 72.5),
            ("daring", "36.74", "2026-10", 75.0),
        ]
    )
    got = card(table, "daring", "36.74", upto="2026-09")
    assert got is not None and got["periode"] == "2026-09" and got["riwayat"] == [70.0, 72.5]


def test_card_of_an_indicator_without_rows_is_none_not_a_crash():
    """A store holding only requests has no IKM rows at all: the card says so instead of raising KeyError 'nilai'."""
    table = _table([("daring", "36.74", "2026-10", 75.0)])
    assert card(table, "ikm", "36.74", upto="2026-10") is None
    assert card(table, "ikm", "36.74") is None


def test_card_of_an_indicator_with_only_missing_values_is_none():
    table = _table([("tte", "36.74", "2026-10", math.nan)])
    assert card(table, "tte", "36.74", upto="2026-10") is None

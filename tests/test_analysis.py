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


def test_in_scope_keeps_the_chosen_kecamatan_its_kelurahan_and_the_city_even_on_an_empty_table(tiny_register):
    # Found by the sweep: a briefing for one kecamatan on a store without the headline indicator's rows crashed
    # ("operation 'or_' not supported for dtype 'str' with dtype 'bool'") because the mask of an empty table was str.
    from kpi.metrics.analysis import in_scope

    table = pd.DataFrame(
        {
            "kode_wilayah": ["36.74", "36.74.01", "36.74.02", "36.74.01.1001", "36.74.02.1001"],
            "tingkat": ["kota", "kecamatan", "kecamatan", "kelurahan", "kelurahan"],
        }
    )
    kept = in_scope(table, tiny_register, ["36.74.02"])
    assert kept["kode_wilayah"].tolist() == ["36.74", "36.74.02", "36.74.02.1001"]
    empty = table.iloc[:0].astype({"kode_wilayah": "str", "tingkat": "str"})
    assert in_scope(empty, tiny_register, ["36.74.02"]).empty
    assert in_scope(empty, tiny_register, ["36.74.02"], ["36.74.02.1001"]).empty

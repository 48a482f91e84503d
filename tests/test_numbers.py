"""Tests for kpi.inputs.numbers: number texts with decimal comma or point and grouped thousands."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from kpi.inputs.numbers import above_bound, detect_decimal, parse_numbers

NAN = math.nan
NUMBER_CASES = [
    (
        "bilangan_sederhana",
        ["12", "-3", "12.5", " 12 ", "+7", ".5"],
        None,
        [12.0, -3.0, 12.5, 12.0, 7.0, 0.5],
        [False] * 6,
    ),
    ("koma_desimal", ["12,5", "0,75", "1234,567"], None, [12.5, 0.75, 1234.567], [False] * 3),
    ("ribuan_indonesia", ["1.234,5", "1.234.567", "-1.000"], None, [1234.5, 1234567.0, -1000.0], [False] * 3),
    ("ribuan_inggris", ["1,234.5", "1,234,567"], None, [1234.5, 1234567.0], [False] * 2),
    ("ribuan_spasi", ["1 234,5", "1\u00a0234 567"], None, [1234.5, 1234567.0], [False] * 2),
    ("kosong_bukan_salah", ["", "  ", None, "5"], None, [NAN, NAN, NAN, 5.0], [False] * 4),
    ("bukan_angka", ["12a", "1,2,3.4.5", "abc", "12.", "1.23.456", "inf", "1e5", "-"], None, [NAN] * 8, [True] * 8),
    ("titik_saja_ambigu_ribuan", ["1.234", "5.678"], None, [1234.0, 5678.0], [False] * 2),
    ("titik_ambigu_dengan_bukti_desimal", ["1.234", "12.5"], None, [1.234, 12.5], [False] * 2),
    ("koma_saja_ambigu", ["1,234"], None, [1234.0], [False]),
    ("koma_ambigu_dengan_bukti_desimal", ["1,234", "12,5"], None, [1.234, 12.5], [False] * 2),
    ("nol_di_depan_bukan_ribuan", ["0.750"], None, [0.75], [False]),
    ("argumen_titik", ["1.234", "1,234"], ".", [1.234, 1234.0], [False] * 2),
    ("argumen_koma", ["1.234", "1,234"], ",", [1234.0, 1.234], [False] * 2),
    ("argumen_tidak_mengubah_yang_pasti", ["1.234,5", "12.5"], ",", [1234.5, 12.5], [False] * 2),
]


@pytest.mark.parametrize("dtype", [object, "string", "str"])
@pytest.mark.parametrize(
    ("case", "values", "decimal", "expected", "expected_bad"), NUMBER_CASES, ids=[c[0] for c in NUMBER_CASES]
)
def test_parse_numbers(case, values, decimal, expected, expected_bad, dtype):
    index = pd.Index([10 * (i + 1) for i in range(len(values))])
    series = pd.Series(values, index=index, name="nilai", dtype=dtype)
    numbers, bad = parse_numbers(series, decimal)
    pd.testing.assert_series_equal(numbers, pd.Series(expected, index=index, name="nilai", dtype="float64"))
    pd.testing.assert_series_equal(bad, pd.Series(expected_bad, index=index, name="nilai", dtype=bool))


def test_parse_numbers_accepts_numbers_and_rejects_other_objects():
    series = pd.Series([1.234, 2, None, pd.Timestamp("2024-01-01"), True], dtype=object)
    numbers, bad = parse_numbers(series)
    assert numbers.iloc[:2].tolist() == [1.234, 2.0] and numbers.iloc[2:].isna().all()
    assert bad.tolist() == [False, False, False, True, True]


def test_parse_numbers_rejects_unknown_decimal():
    with pytest.raises(ValueError):
        parse_numbers(pd.Series(["1"]), decimal=";")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["12,5"], ","),
        (["0,75", "3"], ","),
        (["1.234", "5.678"], ","),
        (["1.234.567"], ","),
        (["1.234,5"], ","),
        (["12.5"], "."),
        (["1,234"], "."),
        (["1,234,567"], "."),
        (["1.234", "12.5"], "."),
        (["12", "abc"], "."),
        ([], "."),
    ],
)
def test_detect_decimal(values, expected):
    assert detect_decimal(pd.Series(values, dtype=object)) == expected


@pytest.mark.parametrize(
    ("kind", "values", "expected"),
    [
        ("days", [250, 251, NAN, math.inf, 9.223372036854776e18], [False, True, False, True, True]),
        ("score", [4, 5, NAN], [False, True, False]),
        ("observation", [1e15, 1e15 + 1, 1e20, -1e300], [False, True, True, False]),  # negatives have their own rule
    ],
)
def test_above_bound_compares_the_parsed_number_with_its_declared_bound(kind, values, expected):
    assert above_bound(pd.Series(values, dtype="float64"), kind).tolist() == expected

"""Table-driven tests for kpi.core.periods with hand-worked expectations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kpi.core import periods as p

D = dt.date


def test_grains_order_fine_to_coarse() -> None:
    assert p.GRAINS == ("month", "quarter", "semester", "year")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # month: numeric forms
        ("2026-10", ("2026-10", "month")),
        ("2026-1", ("2026-01", "month")),
        ("2026/10", ("2026-10", "month")),
        ("202610", ("2026-10", "month")),
        ("10/2026", ("2026-10", "month")),
        ("10-2026", ("2026-10", "month")),
        ("1/2026", ("2026-01", "month")),
        ("2026-10-01", ("2026-10", "month")),
        ("2026-10-15", ("2026-10", "month")),
        ("2024-02-29", ("2024-02", "month")),
        ("2026-10-15 08:30:00", ("2026-10", "month")),
        ("2026-10-15T08:30:00+07:00", ("2026-10", "month")),
        ("  2026-10\t", ("2026-10", "month")),
        # month: names (id / en, full / abbreviated, any case)
        ("Okt 2026", ("2026-10", "month")),
        ("Oktober 2026", ("2026-10", "month")),
        ("oct 2026", ("2026-10", "month")),
        ("OCTOBER 2026", ("2026-10", "month")),
        ("Agustus 2025", ("2025-08", "month")),
        ("Agu 2025", ("2025-08", "month")),
        ("Agt 2025", ("2025-08", "month")),
        ("aug 2025", ("2025-08", "month")),
        ("Mei 2024", ("2024-05", "month")),
        ("May 2024", ("2024-05", "month")),
        ("Des 2023", ("2023-12", "month")),
        ("Dec 2023", ("2023-12", "month")),
        ("jan 2026", ("2026-01", "month")),
        ("Februari 2026", ("2026-02", "month")),
        ("Maret 2026", ("2026-03", "month")),
        ("Juni 2026", ("2026-06", "month")),
        ("Juli 2026", ("2026-07", "month")),
        ("Sep 2026", ("2026-09", "month")),
        ("Nov 2026", ("2026-11", "month")),
        ("  okt   2026  ", ("2026-10", "month")),
        # quarter
        ("2026-Q3", ("2026-Q3", "quarter")),
        ("2026Q3", ("2026-Q3", "quarter")),
        ("2026q1", ("2026-Q1", "quarter")),
        ("Q3 2026", ("2026-Q3", "quarter")),
        ("Q3-2026", ("2026-Q3", "quarter")),
        ("q4 2025", ("2025-Q4", "quarter")),
        ("TW3 2026", ("2026-Q3", "quarter")),
        ("TW III 2026", ("2026-Q3", "quarter")),
        ("tw iv 2026", ("2026-Q4", "quarter")),
        ("Triwulan III 2026", ("2026-Q3", "quarter")),
        ("Triwulan 3 2026", ("2026-Q3", "quarter")),
        ("Triwulan I 2026", ("2026-Q1", "quarter")),
        ("Triwulan II 2026", ("2026-Q2", "quarter")),
        # semester
        ("2026-S1", ("2026-S1", "semester")),
        ("2026S2", ("2026-S2", "semester")),
        ("S1 2026", ("2026-S1", "semester")),
        ("Semester 1 2026", ("2026-S1", "semester")),
        ("Semester I 2026", ("2026-S1", "semester")),
        ("Semester II 2026", ("2026-S2", "semester")),
        ("semester ii 2026", ("2026-S2", "semester")),
        ("H1 2026", ("2026-S1", "semester")),
        ("H2 2026", ("2026-S2", "semester")),
        # year
        ("2026", ("2026", "year")),
        (" 2000 ", ("2000", "year")),
        ("2099", ("2099", "year")),
        (2026, ("2026", "year")),
        (2026.0, ("2026", "year")),
        (np.int64(2026), ("2026", "year")),
        (np.float64(2026.0), ("2026", "year")),
        # date-like objects → month of the date
        (D(2026, 10, 5), ("2026-10", "month")),
        (dt.datetime(2026, 1, 31, 23, 59), ("2026-01", "month")),
        (pd.Timestamp("2026-03-31"), ("2026-03", "month")),
        (np.datetime64("2026-07-04"), ("2026-07", "month")),
    ],
)
def test_parse_period_accepts(value: object, expected: tuple[str, str]) -> None:
    assert p.parse_period(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "   ",
        float("nan"),
        np.nan,
        pd.NA,
        pd.NaT,
        np.datetime64("NaT"),
        "1999",
        "2100",
        1999,
        2100,
        2026.5,
        True,
        "2026-13",
        "2026-00",
        "202613",
        "13/2026",
        "0/2026",
        "2026-02-30",
        "2026-10-32",
        "Q0 2026",
        "Q5 2026",
        "2026-Q5",
        "TW V 2026",
        "Triwulan IIII 2026",
        "S0 2026",
        "S3 2026",
        "2026-S3",
        "Semester III 2026",
        "Foo 2026",
        "Okt",
        "Oktober",
        "Okt 1999",
        "Okt 20266",
        "1999-12-31",
        D(1999, 12, 31),
        "abc",
        "20-26",
        "26",
        [2026],
        {"tahun": 2026},
    ],
)
def test_parse_period_rejects(value: object) -> None:
    assert p.parse_period(value) is None


def test_parse_periods_keeps_index_and_marks_unparseable() -> None:
    values = pd.Series(["Okt 2026", None, "2026-Q3", "x", "Okt 2026", 2026], index=[5, 5, 7, 8, 9, 1])
    result = p.parse_periods(values)
    assert list(result.columns) == ["periode", "grain"]
    assert list(result.index) == [5, 5, 7, 8, 9, 1]
    assert result["periode"].tolist() == ["2026-10", pd.NA, "2026-Q3", pd.NA, "2026-10", "2026"]
    assert result["grain"].tolist() == ["month", pd.NA, "quarter", pd.NA, "month", "year"]


@pytest.mark.parametrize(
    ("values", "periode", "grain"),
    [
        (
            pd.Series(pd.to_datetime(["2026-01-05", None, "2026-03-01"])),
            ["2026-01", pd.NA, "2026-03"],
            ["month", pd.NA, "month"],
        ),
        (pd.Series([2026.0, np.nan, 1999.0]), ["2026", pd.NA, pd.NA], ["year", pd.NA, pd.NA]),
        (
            pd.Series(["Mei 2024", "Des 2023", None], dtype="category"),
            ["2024-05", "2023-12", pd.NA],
            ["month", "month", pd.NA],
        ),
        (pd.Series(["S1 2026", "zz"], dtype="string"), ["2026-S1", pd.NA], ["semester", pd.NA]),
        (pd.Series([], dtype=object), [], []),
    ],
)
def test_parse_periods_dtypes(values: pd.Series, periode: list, grain: list) -> None:
    result = p.parse_periods(values)
    assert (str(result["periode"].dtype), str(result["grain"].dtype)) == ("string", "string")
    assert result["periode"].tolist() == periode
    assert result["grain"].tolist() == grain
    assert list(result.index) == list(values.index)


@pytest.mark.parametrize(
    ("label", "grain"),
    [("2026-10", "month"), ("2026-Q3", "quarter"), ("2026-S2", "semester"), ("2026", "year")],
)
def test_grain_of(label: str, grain: str) -> None:
    assert p.grain_of(label) == grain


@pytest.mark.parametrize(
    "label",
    ["2026-1", "Okt 2026", "2026Q3", "2026-Q5", "2026-S3", "1999", "2100-01", "", " 2026", None, 2026],
)
def test_strict_label_functions_reject_non_canonical(label: object) -> None:
    with pytest.raises(ValueError, match="Label periode tidak valid"):
        p.grain_of(label)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("2026-10", D(2026, 10, 1), D(2026, 10, 31)),
        ("2026-02", D(2026, 2, 1), D(2026, 2, 28)),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),
        ("2026-04", D(2026, 4, 1), D(2026, 4, 30)),
        ("2026-Q1", D(2026, 1, 1), D(2026, 3, 31)),
        ("2026-Q2", D(2026, 4, 1), D(2026, 6, 30)),
        ("2026-Q3", D(2026, 7, 1), D(2026, 9, 30)),
        ("2026-Q4", D(2026, 10, 1), D(2026, 12, 31)),
        ("2026-S1", D(2026, 1, 1), D(2026, 6, 30)),
        ("2026-S2", D(2026, 7, 1), D(2026, 12, 31)),
        ("2026", D(2026, 1, 1), D(2026, 12, 31)),
    ],
)
def test_start_and_end_date(label: str, start: dt.date, end: dt.date) -> None:
    assert p.start_date(label) == start
    assert p.end_date(label) == end


@pytest.mark.parametrize(
    ("label", "grain", "expected"),
    [
        ("2026-01", "quarter", "2026-Q1"),
        ("2026-03", "quarter", "2026-Q1"),
        ("2026-04", "quarter", "2026-Q2"),
        ("2026-09", "quarter", "2026-Q3"),
        ("2026-10", "quarter", "2026-Q4"),
        ("2026-06", "semester", "2026-S1"),
        ("2026-07", "semester", "2026-S2"),
        ("2026-12", "year", "2026"),
        ("2026-Q2", "semester", "2026-S1"),
        ("2026-Q3", "semester", "2026-S2"),
        ("2026-Q4", "year", "2026"),
        ("2026-S2", "year", "2026"),
        ("2026-10", "month", "2026-10"),
        ("2026-Q3", "quarter", "2026-Q3"),
        ("2026-S1", "semester", "2026-S1"),
        ("2026", "year", "2026"),
    ],
)
def test_coarsen(label: str, grain: str, expected: str) -> None:
    assert p.coarsen(label, grain) == expected


@pytest.mark.parametrize(
    ("label", "grain", "message"),
    [
        ("2026-Q3", "month", "lebih halus"),
        ("2026-S1", "quarter", "lebih halus"),
        ("2026", "semester", "lebih halus"),
        ("2026", "month", "lebih halus"),
        ("2026-10", "week", "Grain tidak dikenal"),
        ("2026-10", "bulan", "Grain tidak dikenal"),
    ],
)
def test_coarsen_rejects(label: str, grain: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        p.coarsen(label, grain)


@pytest.mark.parametrize(
    ("values", "grain", "expected"),
    [
        (["2026-10", None, "2026-02", "2026-10"], "quarter", ["2026-Q4", pd.NA, "2026-Q1", "2026-Q4"]),
        (["2026-Q3", "2025-Q2"], "semester", ["2026-S2", "2025-S1"]),
        (["2026-S1", "2026-11", "2026"], "year", ["2026", "2026", "2026"]),
        ([], "year", []),
    ],
)
def test_coarsen_series(values: list, grain: str, expected: list) -> None:
    labels = pd.Series(values, index=range(10, 10 + len(values)), name="periode", dtype=object)
    result = p.coarsen_series(labels, grain)
    assert str(result.dtype) == "string"
    assert result.tolist() == expected
    assert list(result.index) == list(labels.index)
    assert result.name == "periode"


@pytest.mark.parametrize(
    ("values", "grain", "error"),
    [(["2026-Q3"], "month", "lebih halus"), (["Okt 2026"], "year", "tidak valid"), (["2026"], "x", "tidak dikenal")],
)
def test_coarsen_series_rejects(values: list, grain: str, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        p.coarsen_series(pd.Series(values), grain)


@pytest.mark.parametrize(
    ("label", "n", "expected"),
    [
        ("2026-01", -1, "2025-12"),
        ("2026-12", 1, "2027-01"),
        ("2026-10", 0, "2026-10"),
        ("2026-10", 15, "2028-01"),
        ("2026-10", -22, "2024-12"),
        ("2026-Q1", -1, "2025-Q4"),
        ("2026-Q4", 1, "2027-Q1"),
        ("2026-Q2", 7, "2028-Q1"),
        ("2026-S1", -1, "2025-S2"),
        ("2026-S2", 1, "2027-S1"),
        ("2026-S1", -3, "2024-S2"),
        ("2026", -1, "2025"),
        ("2026", 10, "2036"),
        ("2000-01", 0, "2000-01"),
        ("2099-12", 0, "2099-12"),
    ],
)
def test_shift(label: str, n: int, expected: str) -> None:
    assert p.shift(label, n) == expected


@pytest.mark.parametrize(("label", "n"), [("2000-01", -1), ("2099-12", 1), ("2000-Q1", -1), ("2099", 1)])
def test_shift_out_of_range(label: str, n: int) -> None:
    with pytest.raises(ValueError, match="di luar rentang"):
        p.shift(label, n)


@pytest.mark.parametrize("n", [1.0, "1", True, None])
def test_shift_requires_integer(n: object) -> None:
    with pytest.raises(TypeError, match="bilangan bulat"):
        p.shift("2026-01", n)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("label", "prev", "last_year"),
    [
        ("2026-01", "2025-12", "2025-01"),
        ("2026-10", "2026-09", "2025-10"),
        ("2026-Q1", "2025-Q4", "2025-Q1"),
        ("2026-Q3", "2026-Q2", "2025-Q3"),
        ("2026-S1", "2025-S2", "2025-S1"),
        ("2026-S2", "2026-S1", "2025-S2"),
        ("2026", "2025", "2025"),
    ],
)
def test_previous_and_same_period_last_year(label: str, prev: str, last_year: str) -> None:
    assert p.previous(label) == prev
    assert p.same_period_last_year(label) == last_year


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("2025-11", "2026-02", ["2025-11", "2025-12", "2026-01", "2026-02"]),
        ("2026-10", "2026-10", ["2026-10"]),
        ("2025-Q4", "2026-Q2", ["2025-Q4", "2026-Q1", "2026-Q2"]),
        ("2025-S2", "2027-S1", ["2025-S2", "2026-S1", "2026-S2", "2027-S1"]),
        ("2024", "2026", ["2024", "2025", "2026"]),
    ],
)
def test_period_range(first: str, last: str, expected: list[str]) -> None:
    assert p.period_range(first, last) == expected


@pytest.mark.parametrize(
    ("first", "last", "message"),
    [
        ("2026-01", "2026-Q2", "grain yang sama"),
        ("2026", "2026-S2", "grain yang sama"),
        ("2026-03", "2026-01", "setelah periode akhir"),
        ("2026-Q1", "2025-Q4", "setelah periode akhir"),
        ("2026/01", "2026-03", "tidak valid"),
    ],
)
def test_period_range_rejects(first: str, last: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        p.period_range(first, last)


@pytest.mark.parametrize(
    ("label", "months", "last_month"),
    [
        ("2026-10", ["2026-10"], 10),
        ("2026-Q1", ["2026-01", "2026-02", "2026-03"], 3),
        ("2026-Q3", ["2026-07", "2026-08", "2026-09"], 9),
        ("2026-S1", ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"], 6),
        ("2026-S2", ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"], 12),
        ("2026", [f"2026-{m:02d}" for m in range(1, 13)], 12),
    ],
)
def test_months_in_and_month_index(label: str, months: list[str], last_month: int) -> None:
    assert p.months_in(label) == months
    assert p.month_index(label) == last_month


@pytest.mark.parametrize(
    ("label", "indonesian", "english"),
    [
        ("2026-10", "Okt 2026", "Oct 2026"),
        ("2026-05", "Mei 2026", "May 2026"),
        ("2026-08", "Agu 2026", "Aug 2026"),
        ("2026-12", "Des 2026", "Dec 2026"),
        ("2026-01", "Jan 2026", "Jan 2026"),
        ("2026-Q1", "Triwulan I 2026", "Q1 2026"),
        ("2026-Q3", "Triwulan III 2026", "Q3 2026"),
        ("2026-Q4", "Triwulan IV 2026", "Q4 2026"),
        ("2026-S1", "Semester I 2026", "H1 2026"),
        ("2026-S2", "Semester II 2026", "H2 2026"),
        ("2026", "2026", "2026"),
    ],
)
def test_display_and_round_trip(label: str, indonesian: str, english: str) -> None:
    assert p.display(label) == indonesian
    assert p.display(label, "id") == indonesian
    assert p.display(label, "en") == english
    expected = (label, p.grain_of(label))
    assert p.parse_period(indonesian) == expected
    assert p.parse_period(english) == expected


def test_display_rejects_unknown_language() -> None:
    with pytest.raises(ValueError, match="Bahasa tidak didukung"):
        p.display("2026-10", "fr")


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["2026-01", "2026-10", "2025-12"], "2026-10"),
        (["2026-Q3", "2026-08"], "2026-Q3"),
        (["2026-Q3", "2026-10"], "2026-10"),
        (["2026", "2026-S2", "2026-Q4", "2026-12"], "2026-12"),
        (["2026", "2026-S2", "2026-Q4"], "2026-Q4"),
        (["2026", "2026-S2"], "2026-S2"),
        (["2026-S1", "2026-Q2"], "2026-Q2"),
        (["2025", "2026-01"], "2026-01"),
        (pd.Series(["2026-Q1", None, "2025-Q4"]), "2026-Q1"),
        (("2026",), "2026"),
    ],
)
def test_latest(labels: object, expected: str) -> None:
    assert p.latest(labels) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("labels", "message"),
    [([], "Tidak ada label"), ([None, float("nan")], "Tidak ada label"), (["Okt 2026"], "tidak valid")],
)
def test_latest_rejects(labels: list, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        p.latest(labels)


@pytest.mark.parametrize(
    ("values", "grain"),
    [(["2026-10", None, "2026-Q3"], "year"), (["2026-01", "2026-01", pd.NA], "quarter")],
)
def test_series_functions_do_not_mutate_input(values: list, grain: str) -> None:
    labels = pd.Series(values, index=[3, 1, 2], dtype=object)
    before = labels.copy()
    p.parse_periods(labels)
    p.coarsen_series(labels, grain)
    pd.testing.assert_series_equal(labels, before)


def test_module_does_not_import_streamlit() -> None:
    source = Path(p.__file__).read_text(encoding="utf-8")
    assert "streamlit" not in source

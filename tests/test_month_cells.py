"""Month cells as Excel shows them are understood: in the period column of an observation file a real date cell,
'Okt-26' and 'Oct-26' (a month cell saved as CSV by an Indonesian or English Excel), 'Oktober 2026'; in the dates
of raw records '03-Okt-26' (Excel's d-mmm-yy)."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from kpi.core.periods import parse_period
from kpi.inputs.observations import load_observations
from kpi.inputs.records import load_records
from tests.input_fixtures import HEADER, TODAY, assert_loaded, assert_rejected, load_rows


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Okt-26", "2026-10"),
        ("Oct-26", "2026-10"),
        ("OKT 26", "2026-10"),
        ("Okt '26", "2026-10"),
        ("okt.26", "2026-10"),
        ("Oktober-26", "2026-10"),
        ("Des-25", "2025-12"),
        ("Mei-26", "2026-05"),
        ("Agt-26", "2026-08"),
        ("Oktober 2026", "2026-10"),  # already read, kept
        ("Oct-2026", "2026-10"),
    ],
)
def test_a_month_with_a_two_digit_year_is_that_month(text, expected):
    assert parse_period(text) == (expected, "month")


@pytest.mark.parametrize("text", ["Foo-26", "Q3-26", "S1 26", "Tahun 26", "26", "10-26", "Okt-2"])
def test_two_digits_are_a_year_only_after_a_month_name(text):
    # a quarter, a semester or a bare number with two digits stays unreadable: 10-26 could be a day and a month
    assert parse_period(text) is None


def _workbook(rows: list[list[object]], formats: dict[str, str]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    for row in rows:
        sheet.append(row)
    for cell, number_format in formats.items():
        sheet[cell].number_format = number_format
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def test_an_observation_workbook_with_month_cells_loads():
    # row 2: a real date cell shown as Okt-26 by an Indonesian Excel; rows 3-5: the texts such cells become in a CSV
    rows = [
        [dt.datetime(2026, 10, 1), "36.74.01.1001", "layanan_daring", 3, 4, None],
        ["Okt-26", "36.74.01.1002", "layanan_daring", 1, 2, None],
        ["Oct-26", "36.74.01.1003", "layanan_daring", 2, 2, None],
        ["Oktober 2026", "36.74.01.1004", "layanan_daring", 0, 5, None],
    ]
    data = _workbook(rows, {"A2": "[$-421]mmm\\-yy;@"})
    result = load_observations(data, filename="laporan.xlsx", today=TODAY)
    assert_loaded(result, 4)
    assert result.frame["periode"].tolist() == ["2026-10"] * 4


def test_an_observation_csv_with_month_texts_loads_and_a_wrong_month_is_still_refused(tmp_path):
    rows = [f"Okt-26,36.74.01.100{k},layanan_daring,1,2," for k in (1, 2, 3)]
    assert_loaded(load_rows(tmp_path, HEADER, rows), 3)
    assert_rejected(
        load_rows(tmp_path, HEADER, [*rows, "Okb-26,36.74.01.1004,layanan_daring,1,2,"]),
        [("periode_tidak_terbaca", 5, "periode")],
    )


def test_raw_record_dates_in_excel_d_mmm_yy_load():
    text = (
        "id_permohonan,kode_wilayah,jenis_layanan,kanal,diajukan,selesai,status,sop_hari_kerja\n"
        "P-1,36.74.02.1004,KTP,daring,03-Okt-26 08.15,05-Oct-26 14:30,selesai,3\n"
    )
    result = load_records(text.encode(), "permohonan", "permohonan.csv", today=TODAY)
    assert result.ok, [i.message for i in result.issues]
    assert result.frame[["diajukan", "selesai"]].iloc[0].tolist() == [
        dt.datetime(2026, 10, 3, 8, 15),
        dt.datetime(2026, 10, 5, 14, 30),
    ]

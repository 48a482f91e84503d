"""validate() on odd tables: blanks, whitespace, units and negative zero give Issues, never exceptions."""

import math

import numpy as np
import pandas as pd
import pytest

from kpi.core.catalogue import load_catalogue
from kpi.core.wilayah import load_register
from kpi.inputs.schema import validate
from tests.input_fixtures import HEADER, TODAY

COLUMNS = HEADER.split(",")


def _validate(rows: list[tuple], columns: list = COLUMNS):
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    return validate(frame, load_catalogue(), load_register(), TODAY)


def _issues(rows, columns=COLUMNS):
    out, issues = _validate(rows, columns)
    assert out is None
    return [(i.code, i.row, i.column) for i in issues], issues


def test_headers_only_is_an_issue():
    assert _issues([])[0] == [("berkas_kosong", 1, None)]


@pytest.mark.parametrize("blank", [None, np.nan, "", "   ", "\t"], ids=["none", "nan", "empty", "spaces", "tab"])
def test_all_cells_blank_gives_an_issue_per_required_cell(blank):
    codes, issues = _issues([(blank,) * 6])
    assert codes == [
        ("indikator_tidak_dikenal", 2, "indikator"),
        ("wilayah_kosong", 2, "kode_wilayah"),
        ("periode_tidak_terbaca", 2, "periode"),
    ]
    assert all("kosong" in i.message and "<NA>" not in i.message and "'nan'" not in i.message for i in issues)


def test_numbers_with_units_are_unreadable_not_blank():
    codes, issues = _issues(
        [
            ("2026-10", "36.74.01.1001", "layanan_daring", "12 %", "40", None),
            ("2025", "36.74.01", "kepatuhan_ombudsman", None, None, "82,5 poin"),
        ]
    )
    assert codes == [("angka_tidak_terbaca", 2, "pembilang"), ("angka_tidak_terbaca", 3, "nilai")]
    assert "'12 %' bukan angka" in issues[0].message and "tanpa satuan" in issues[0].message


def test_whitespace_only_number_is_blank():
    codes, issues = _issues([("2025", "36.74.01", "kepatuhan_ombudsman", None, None, "  ")])
    assert codes == [("nilai_kosong", 2, "nilai")]
    assert "kosong, padahal indikator 'kepatuhan_ombudsman' memerlukan nilai" in issues[0].message


def test_absent_number_column_is_named_in_the_message():
    codes, issues = _issues([("2026-10", "36.74.01.1001", "layanan_daring", "12")], COLUMNS[:4])
    assert codes == [("nilai_kosong", 2, "penyebut")]
    assert "Berkas tidak punya kolom 'penyebut'; tambahkan kolom itu" in issues[0].message


@pytest.mark.parametrize("zero", ["-0", "-0,0", -0.0])
def test_negative_zero_loads_as_zero(zero):
    out, issues = _validate([("2025", "36.74.01", "kepatuhan_ombudsman", None, None, zero)])
    assert issues == []
    assert math.copysign(1, out["nilai"].iloc[0]) == 1.0


def test_non_text_column_names_do_not_crash():
    codes, issues = _issues([(1, 2)], [0, 1])
    assert {c for c, _, _ in codes} == {"kolom_hilang"}
    assert "Kolom yang ada: 0, 1" in issues[0].message

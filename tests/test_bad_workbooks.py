"""Workbooks and Parquet files that cannot be read are refused in Indonesian, by cause (kpi/inputs/workbooks.py),
never with the English of the exception: before, a password-protected or cut-off workbook read "BadZipFile: File is
not a zip file", a ZIP that is no workbook "KeyError: There is no item named '[Content_Types].xml'", a broken Parquet
file "ArrowInvalid: … Parquet magic bytes not found", and a formula never calculated read as an empty cell."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pandas as pd
import pytest

from kpi.inputs.readers import read_table
from kpi.inputs.records import load_records
from tests.conftest import TODAY
from tests.input_fixtures import ole2_file

HEADER = ["id_permohonan", "kode_wilayah", "jenis_layanan", "kanal", "diajukan", "selesai", "status", "sop_hari_kerja"]
ROW = ["P-1", "36.74.02.1004", "KTP", "daring", "2026-10-01 08:15", "2026-10-02 14:30", "selesai"]
ENGLISH = re.compile(r"BadZipFile|KeyError|ArrowInvalid|Content_Types|magic bytes|Error\b|zip file", re.IGNORECASE)


def workbook(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def zipped(**members: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name.replace("__", "/").replace("CT", "[Content_Types].xml"), text)
    return buffer.getvalue()


def with_cached(data: bytes, formula: str, value: str) -> bytes:
    """The workbook with a calculated result stored for the formula, as Excel or LibreOffice save it."""
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w") as archive:
        for item in source.infolist():
            content = source.read(item.filename)
            content = content.replace(f"<f>{formula}</f><v></v>".encode(), f"<f>{formula}</f><v>{value}</v>".encode())
            archive.writestr(item, content)
    return target.getvalue()


GOOD = workbook([HEADER, [*ROW, 3]])
CASES = [  # name, bytes, code, words of the message
    (
        "sandi.xlsx",
        ole2_file("EncryptionInfo", "EncryptedPackage"),
        "berkas_bersandi",
        ["dilindungi kata sandi", "hapus kata sandi", "unggah kembali"],
    ),
    ("lama.xlsx", ole2_file("Workbook"), "berkas_tidak_terbaca", ["Excel 97–2003 (.xls)", "Buku Kerja Excel (.xlsx)"]),
    ("terpotong.xlsx", GOOD[: len(GOOD) // 2], "berkas_tidak_terbaca", ["rusak atau terpotong", "Ambil ulang"]),
    ("arsip.xlsx", zipped(catatan__txt="halo"), "berkas_tidak_terbaca", ["bukan buku kerja Excel", "arsip ZIP"]),
    (
        "dokumen.xlsx",
        zipped(CT="<Types/>", word__document__xml="<w/>"),
        "berkas_tidak_terbaca",
        ["bukan buku kerja Excel"],
    ),
    ("teks.xlsx", b"id_permohonan,kode_wilayah\nP-1,36.74.02.1004\n", "berkas_tidak_terbaca", ["(mis. .csv)"]),
    (
        "isi_rusak.xlsx",
        zipped(CT="<Types/>", xl__workbook__xml="<bukan xml"),
        "berkas_tidak_terbaca",
        ["rusak atau terpotong"],
    ),
    (
        "magic.parquet",
        b"PAR1 bukan parquet",
        "berkas_tidak_terbaca",
        ["bukan berkas Parquet yang utuh", "CSV atau XLSX"],
    ),
]


@pytest.mark.parametrize("name, data, code, words", CASES, ids=[c[0] for c in CASES])
def test_an_unreadable_file_is_refused_in_indonesian_by_its_cause(name, data, code, words):
    frame, issues = read_table(data, name)
    assert frame is None
    [issue] = issues
    assert issue.code == code and issue.message.startswith(f"Berkas '{name}' ")
    assert all(w in issue.message for w in words), issue.message
    assert not ENGLISH.search(issue.message), issue.message


def test_a_cut_off_parquet_file_is_refused_in_indonesian():
    buffer = io.BytesIO()
    pd.DataFrame({"a": range(100)}).to_parquet(buffer)
    _, [issue] = read_table(buffer.getvalue()[:-20], "potong.parquet")
    assert "bukan berkas Parquet yang utuh" in issue.message and not ENGLISH.search(issue.message)


def test_a_formula_never_calculated_is_named_with_the_way_to_save_its_value():
    data = workbook([HEADER, [*ROW, "=1+2"], ["P-2", *ROW[1:], "=B9"]])
    result = load_records(data, "permohonan", "rumus.xlsx", today=TODAY)
    assert result.frame is None
    assert [(i.code, i.row, i.column, i.value) for i in result.issues] == [
        ("rumus_belum_dihitung", 2, "sop_hari_kerja", "=1+2"),
        ("rumus_belum_dihitung", 3, "sop_hari_kerja", "=B9"),
    ]
    message = result.issues[0].message
    assert message.startswith("Kolom 'sop_hari_kerja' baris 2: sel berisi rumus =1+2 yang belum pernah dihitung")
    assert "Excel atau LibreOffice Calc lalu simpan ulang" in message and "tempel sebagai nilai" in message


def test_a_calculated_formula_loads_its_value():
    data = with_cached(workbook([HEADER, [*ROW, "=1+2"]]), "1+2", "3")
    result = load_records(data, "permohonan", "rumus.xlsx", today=TODAY)
    assert result.ok, [i.message for i in result.issues]
    assert result.frame["sop_hari_kerja"].tolist() == [3]


def test_a_formula_outside_the_columns_is_named_by_its_position():
    _, issues = read_table(workbook([["a", None], [1, "=A2*2"]]), "x.xlsx")
    assert [(i.code, i.row, i.column) for i in issues] == [("rumus_belum_dihitung", 2, "kolom ke-2")]

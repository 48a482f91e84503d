"""Damaged text is refused the same way in every format (kpi/inputs/characters.py): a CSV mixing UTF-8 and
Windows-1252 lines, and a cell holding NUL (or another control character) or the replacement character '\ufffd'.
Before, the mixed CSV was stored as mojibake ("CafÃ©"), a NUL was refused in CSV (as "not text") but accepted in
Parquet, and a workbook's NUL (_x0000_) or a Parquet cell of Windows-1252 bytes ("Caf\ufffd") were accepted."""

from __future__ import annotations

import io
import re

import openpyxl
import pandas as pd
import pytest

from kpi.inputs.observations import load_observations
from kpi.inputs.readers import read_table
from kpi.inputs.records import load_records
from tests.conftest import TODAY

COLUMNS = ["id_aduan", "kode_wilayah", "kanal", "kategori", "diterima", "tindak_lanjut"]
ROWS = [
    ["A-1", "36.74.02.1004", "SIARAN", "Kebersihan", "2026-10-01 08:00", "2026-10-02 09:00"],
    ["A-2", "36.74.02.1004", "WhatsApp", "Jalan", "2026-10-02 08:00", ""],
    ["A-3", "36.74.02.1004", "SIARAN", "Jalan", "2026-10-03 08:00", ""],
]


def csv_bytes(rows: list[list[str]], encodings: list[str]) -> bytes:
    """Header and rows as CSV, each data row in its own encoding (the header is ASCII)."""
    lines = [",".join(COLUMNS).encode("ascii")]
    lines += [",".join(row).encode(encoding) for row, encoding in zip(rows, encodings, strict=True)]
    return b"\n".join(lines) + b"\n"


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    """The rows as a workbook; a control character is stored as Excel stores it, escaped (NUL as _x0000_)."""
    workbook = openpyxl.Workbook()
    workbook.active.append(COLUMNS)
    for row in rows:
        workbook.active.append(
            [re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", lambda m: f"_x{ord(m[0]):04X}_", c) for c in row]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def parquet_bytes(rows: list[list[object]]) -> bytes:
    buffer = io.BytesIO()
    pd.DataFrame(rows, columns=COLUMNS).to_parquet(buffer, index=False)
    return buffer.getvalue()


def load(data: bytes, name: str):
    return load_records(data, "aduan", name, today=TODAY)


def with_cell(row: int, column: str, value: object) -> list[list[object]]:
    """ROWS with one cell changed (row = spreadsheet row, 2 = the first data row)."""
    rows = [list(r) for r in ROWS]
    rows[row - 2][COLUMNS.index(column)] = value
    return rows


def test_a_csv_mixing_utf8_and_windows_1252_lines_is_refused_naming_both():
    rows = with_cell(2, "kategori", "Café")
    rows[2][COLUMNS.index("kategori")] = "Café lama"
    result = load(csv_bytes(rows, ["utf-8", "ascii", "cp1252"]), "aduan.csv")
    assert result.frame is None
    [issue] = result.issues
    assert (issue.code, issue.row, issue.column) == ("pengodean_campuran", 4, None)
    for words in ("baris 2 tertulis dalam UTF-8", "baris 4 dalam Windows-1252", "'Café' akan tersimpan rusak sebagai"):
        assert words in issue.message, issue.message
    assert "'CafÃ©'" in issue.message and "CSV UTF-8" in issue.message


def test_two_encodings_within_one_line_are_found_too():
    row = ",".join(with_cell(2, "kategori", "Café")[0]).encode() + " – dekat pasar".encode("cp1252")
    data = ",".join(COLUMNS).encode() + b"\n" + row + b"\n"
    [issue] = load(data, "aduan.csv").issues
    assert issue.code == "pengodean_campuran" and "baris 2 tertulis dalam UTF-8" in issue.message


def test_a_csv_in_windows_1252_alone_still_loads():
    rows = with_cell(2, "kategori", "Café")
    result = load(csv_bytes(rows, ["cp1252", "cp1252", "cp1252"]), "aduan.csv")
    assert result.ok, [i.message for i in result.issues]
    assert result.frame["kategori"].tolist() == ["Café", "Jalan", "Jalan"]


def test_many_rows_of_each_encoding_are_counted_not_all_listed():
    rows = [[f"A-{i}", "36.74.02.1004", "SIARAN", "Café", "2026-10-01 08:00", ""] for i in range(12)]
    result = load(csv_bytes(rows, ["utf-8"] * 6 + ["cp1252"] * 6), "aduan.csv")
    [issue] = result.issues
    assert "baris 2, 3, 4, 5, 6 dan 1 baris lain tertulis dalam UTF-8" in issue.message
    assert "baris 8, 9, 10, 11, 12 dan 1 baris lain dalam Windows-1252" in issue.message


NUL_FILES = {  # the same NUL in kategori of row 3, in every format
    "aduan.csv": lambda rows: csv_bytes(rows, ["utf-8"] * 3),
    "aduan.xlsx": xlsx_bytes,
    "aduan.parquet": parquet_bytes,
}


@pytest.mark.parametrize("name", NUL_FILES)
@pytest.mark.parametrize("character", ["\x00", "\x1b"], ids=["NUL", "ESC"])
def test_a_control_character_is_refused_alike_in_every_format(name, character):
    result = load(NUL_FILES[name](with_cell(3, "kategori", f"Ja{character}lan")), name)
    assert result.frame is None
    [issue] = result.issues
    assert (issue.code, issue.row, issue.column) == ("karakter_rusak", 3, "kategori")
    shown = f"Ja\\x{ord(character):02x}lan"
    assert issue.message.startswith(f"Kolom 'kategori' baris 3: '{shown}' berisi karakter kendali"), issue.message
    assert "Ketik ulang isi sel itu" in issue.message and issue.value == shown


@pytest.mark.parametrize("name", NUL_FILES)
def test_tab_and_line_breaks_in_a_cell_are_text(name):
    text = "Jalan\trusak\r\ndi dua tempat" if name != "aduan.csv" else "Jalan\trusak"
    result = load(NUL_FILES[name](with_cell(3, "kategori", text)), name)
    assert result.ok, [i.message for i in result.issues]
    assert result.frame["kategori"].tolist()[1] == text


def test_windows_1252_bytes_in_a_parquet_cell_are_refused_not_replaced():
    result = load(parquet_bytes(with_cell(2, "kategori", "Caf\xe9".encode("cp1252"))), "aduan.parquet")
    assert result.frame is None
    [issue] = result.issues
    assert (issue.code, issue.row, issue.column) == ("karakter_rusak", 2, "kategori")
    assert "karakter pengganti '\ufffd'" in issue.message and "pengodean UTF-8" in issue.message


def test_a_replacement_character_in_a_utf8_csv_is_refused():
    result = load(csv_bytes(with_cell(4, "kanal", "SIAR\ufffdN"), ["utf-8"] * 3), "aduan.csv")
    assert [(i.code, i.row, i.column) for i in result.issues] == [("karakter_rusak", 4, "kanal")]


def test_a_damaged_header_and_cells_are_all_named_at_once():
    data = csv_bytes(with_cell(2, "kategori", "a\x00b"), ["utf-8"] * 3).replace(b"kanal", b"ka\x00nal", 1)
    _, issues = read_table(data, "aduan.csv")
    assert [(i.code, i.row, i.column) for i in issues] == [
        ("karakter_rusak", 1, "ka\x00nal"),
        ("karakter_rusak", 2, "kategori"),
    ]


def test_an_observation_file_is_checked_by_the_same_rule():
    data = b"periode,kode_wilayah,indikator,pembilang,penyebut,nilai\n2026-09,36.74.01.1001,layanan_daring\x00,3,4,\n"
    result = load_observations(data, "observasi.csv", today=TODAY)
    assert ("karakter_rusak", 2, "indikator") in [(i.code, i.row, i.column) for i in result.issues]


def test_binary_data_named_csv_is_still_not_text():
    _, issues = read_table(b"\x00" * 100 + b"a,b\n1,2\n", "x.csv")
    assert [i.code for i in issues] == ["berkas_tidak_terbaca"] and "bukan teks" in issues[0].message

"""Tests for kpi.inputs.readers: tables in, frames of strings and Issues out."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from kpi.core.issues import Issue, issues_frame
from kpi.inputs import cells, delimited, readers
from kpi.inputs.numbers import parse_numbers
from kpi.inputs.readers import read_table


def xlsx(rows: list[list], other_sheet_active: bool = False) -> bytes:
    """Workbook bytes whose first sheet holds `rows` ([] leaves a blank row)."""
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    if other_sheet_active:
        workbook.create_sheet("lain").append(["bukan", "ini"])
        workbook.active = 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def parquet(table: pa.Table) -> bytes:
    """Parquet bytes of an Arrow table."""
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


def pandas_parquet(frame: pd.DataFrame) -> bytes:
    """Parquet bytes written by pandas (stores a non-default index as an extra column)."""
    buffer = io.BytesIO()
    frame.to_parquet(buffer)
    return buffer.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    """Write a fixture file and return its path."""
    path = tmp_path / name
    path.write_bytes(data)
    return path


def records(frame: pd.DataFrame) -> list[dict]:
    """Frame rows as dicts with None for missing cells."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def assert_string_table(frame: pd.DataFrame) -> None:
    """Every data column holds pandas strings (str or <NA>) and `_baris` is int64."""
    assert frame["_baris"].dtype == "int64"
    for name in frame.columns.drop("_baris"):
        assert isinstance(frame[name].dtype, pd.StringDtype)
        assert all(isinstance(v, str) for v in frame[name].dropna().tolist())


CSV_CASES = [
    ("koma", b"kode,nama\n36.74.01,Serpong\n", [{"kode": "36.74.01", "nama": "Serpong", "_baris": 2}]),
    (
        "titik_koma_desimal_koma",
        b"kecamatan;nilai\nSerpong;12,5\nPondok Aren;1.234,5\n",
        [
            {"kecamatan": "Serpong", "nilai": "12,5", "_baris": 2},
            {"kecamatan": "Pondok Aren", "nilai": "1.234,5", "_baris": 3},
        ],
    ),
    ("tab", b"kecamatan\tnilai\nSerpong\t7\n", [{"kecamatan": "Serpong", "nilai": "7", "_baris": 2}]),
    ("pipa", b"a|b\n1|2\n", [{"a": "1", "b": "2", "_baris": 2}]),
    ("bom_utf8", b"\xef\xbb\xbfKode,Nama\n1,Serpong\n", [{"kode": "1", "nama": "Serpong", "_baris": 2}]),
    (
        "cp1252",
        "nama,ket\nCempaka Putih \u2013 \u00fc,caf\u00e9\n".encode("cp1252"),
        [{"nama": "Cempaka Putih \u2013 \u00fc", "ket": "caf\u00e9", "_baris": 2}],
    ),
    (
        "crlf_dan_kutip",
        b'nama,nilai\r\n"Serpong, Utara",5\r\n',
        [{"nama": "Serpong, Utara", "nilai": "5", "_baris": 2}],
    ),
    (
        "teks_apa_adanya",
        b"kode,status,jumlah\n0123,NA,\n",
        [{"kode": "0123", "status": "NA", "jumlah": None, "_baris": 2}],
    ),
    (
        "nama_kolom_dan_spasi",
        b" Nama  Kecamatan ,NILAI\n  Serpong  , 12 \n",
        [{"nama_kecamatan": "Serpong", "nilai": "12", "_baris": 2}],
    ),
    (
        "baris_kosong_di_tengah",
        b"a,b\n1,2\n\n3,4\n , \n5,6\n",
        [{"a": "1", "b": "2", "_baris": 2}, {"a": "3", "b": "4", "_baris": 4}, {"a": "5", "b": "6", "_baris": 6}],
    ),
    ("baris_kosong_di_atas", b"\n\na,b\n1,2\n", [{"a": "1", "b": "2", "_baris": 4}]),
    ("satu_kolom_berkoma", b"nilai\n12,5\n3\n", [{"nilai": "12,5", "_baris": 2}, {"nilai": "3", "_baris": 3}]),
    ("kolom_kosong_di_ujung", b"a,b,\n1,2,\n", [{"a": "1", "b": "2", "_baris": 2}]),
]


@pytest.mark.parametrize(("case", "data", "expected"), CSV_CASES, ids=[c[0] for c in CSV_CASES])
def test_reads_csv(tmp_path, case, data, expected):
    frame, issues = read_table(write(tmp_path, f"{case}.csv", data))
    assert issues == []
    assert records(frame) == expected
    assert_string_table(frame)
    assert frame.attrs["decimal"] is None


def test_semicolon_csv_numbers_parse_with_decimal_comma(tmp_path):
    frame, _ = read_table(write(tmp_path, "nilai.csv", b"kecamatan;nilai\nSerpong;12,5\nCiputat;1.234,5\n"))
    numbers, bad = parse_numbers(frame["nilai"])
    assert numbers.tolist() == [12.5, 1234.5]
    assert not bad.any()


def test_read_table_reads_the_first_sheet_of_xlsx_with_typed_cells_and_names_it(tmp_path):
    """read_table is the first sheet alone (the importers read every sheet: tests/test_sheets.py); its rows name their
    sheet, as the workbook has two."""
    rows = [
        ["Kode", "Jumlah", "Rasio", "Tanggal", "Waktu"],
        ["36.74", 12, 12.5, dt.datetime(2024, 1, 31), dt.datetime(2024, 1, 31, 8, 30)],
        [],
        ["36.74.01", -7, 1.234, dt.date(2024, 2, 1), None],
    ]
    frame, issues = read_table(write(tmp_path, "data.xlsx", xlsx(rows, other_sheet_active=True)))
    assert issues == []
    assert records(frame) == [
        {
            "kode": "36.74",
            "jumlah": "12",
            "rasio": "12.5",
            "tanggal": "2024-01-31",
            "waktu": "2024-01-31 08:30:00",
            "_baris": 2,
            "_lembar": "Sheet",
        },
        {
            "kode": "36.74.01",
            "jumlah": "-7",
            "rasio": "1.234",
            "tanggal": "2024-02-01",
            "waktu": None,
            "_baris": 4,
            "_lembar": "Sheet",
        },
    ]
    assert_string_table(frame)
    numbers, _ = parse_numbers(frame["rasio"], decimal=frame.attrs["decimal"])
    assert numbers.tolist() == [12.5, 1.234]


PARQUET_CASES = [
    (
        "tipe_arrow",
        lambda: parquet(
            pa.table(
                {
                    "Kode": ["36.74.01", None, "36.74.03"],
                    "Jumlah": pa.array([12, None, 3], pa.int64()),
                    "Rasio": [12.0, 0.1, 1e20],
                    "Kecil": [1.5e-7, 2.5, -0.25],
                    "Waktu": pa.array(
                        [dt.datetime(2024, 1, 31), dt.datetime(2024, 1, 31, 8, 30), None], pa.timestamp("ns")
                    ),
                    "Tanggal": pa.array([dt.date(2024, 2, 1), None, None], pa.date32()),
                }
            )
        ),
        [
            {
                "kode": "36.74.01",
                "jumlah": "12",
                "rasio": "12",
                "kecil": "0.00000015",
                "waktu": "2024-01-31",
                "tanggal": "2024-02-01",
                "_baris": 2,
            },
            {
                "kode": None,
                "jumlah": None,
                "rasio": "0.1",
                "kecil": "2.5",
                "waktu": "2024-01-31 08:30:00",
                "tanggal": None,
                "_baris": 3,
            },
            {
                "kode": "36.74.03",
                "jumlah": "3",
                "rasio": "100000000000000000000",
                "kecil": "-0.25",
                "waktu": None,
                "tanggal": None,
                "_baris": 4,
            },
        ],
    ),
    (
        "indeks_pandas",
        lambda: pandas_parquet(pd.DataFrame({"nilai": [1.0, 2.5]}, index=[10, 20])),
        [{"nilai": "1", "_baris": 2}, {"nilai": "2.5", "_baris": 3}],
    ),
]


@pytest.mark.parametrize(("case", "build", "expected"), PARQUET_CASES, ids=[c[0] for c in PARQUET_CASES])
def test_reads_parquet(tmp_path, case, build, expected):
    frame, issues = read_table(write(tmp_path, f"{case}.parquet", build()))
    assert issues == []
    assert records(frame) == expected
    assert_string_table(frame)
    assert frame.attrs["decimal"] == "."


GARBAGE = b"\x00\x01\x02 ini bukan berkas tabel \xff\xfe\x00"

PROBLEM_CASES = [
    ("kosong.csv", lambda: b"", "berkas_kosong", None),
    ("spasi.csv", lambda: b"\r\n  \n", "berkas_kosong", None),
    ("hanya_bom.csv", lambda: b"\xef\xbb\xbf", "berkas_kosong", None),
    ("judul.csv", lambda: b"kode,nama\n\n", "berkas_kosong", 1),
    ("judul.xlsx", lambda: xlsx([["kode", "nama"]]), "berkas_kosong", 1),
    ("kosong.xlsx", lambda: xlsx([]), "berkas_kosong", None),
    ("judul.parquet", lambda: parquet(pa.table({"kode": pa.array([], pa.string())})), "berkas_kosong", 1),
    ("rusak.xlsx", lambda: GARBAGE, "berkas_tidak_terbaca", None),
    ("rusak.parquet", lambda: GARBAGE, "berkas_tidak_terbaca", None),
    ("excel_bernama.csv", lambda: xlsx([["a"], [1]]), "berkas_tidak_terbaca", None),
    ("kolom_lebih.csv", lambda: b"a,b\n1,2\n3,4,5\n", "berkas_tidak_terbaca", 3),
    ("kutip_terbuka.csv", lambda: b'a,b\n"1,2\n', "berkas_tidak_terbaca", 2),
    ("data.json", lambda: b"{}", "format_tidak_didukung", None),
    ("lama.xls", lambda: GARBAGE, "format_tidak_didukung", None),
    ("TANPA_AKHIRAN", lambda: b"a,b\n1,2\n", "format_tidak_didukung", None),
    ("ganda.csv", lambda: b"Nama,nama \n1,2\n", "kolom_ganda", 1),
    ("ganda.xlsx", lambda: xlsx([[], ["kode", "Kode"], [1, 2]]), "kolom_ganda", 2),
    ("cadangan.csv", lambda: b"_baris,a\n1,2\n", "kolom_ganda", 1),
]


@pytest.mark.parametrize(("name", "build", "code", "row"), PROBLEM_CASES, ids=[c[0] for c in PROBLEM_CASES])
def test_problem_files_become_one_issue(tmp_path, name, build, code, row):
    frame, issues = read_table(write(tmp_path, name, build()))
    assert frame is None
    assert [(i.code, i.row) for i in issues] == [(code, row)]
    assert name in issues[0].message
    assert "Traceback" not in issues[0].message


@pytest.mark.parametrize(
    ("data", "column", "places"),
    [
        (b"nama,,Nama\n1,,2\n", "nama", "kolom ke-1, ke-3"),
        (b"a,Nilai Akhir,nilai_akhir\n1,2,3\n", "nilai_akhir", "kolom ke-2, ke-3"),
    ],
)
def test_duplicate_column_issue_names_column_and_positions(tmp_path, data, column, places):
    _, issues = read_table(write(tmp_path, "ganda.csv", data))
    assert [(i.code, i.column) for i in issues] == [("kolom_ganda", column)]
    assert f"'{column}'" in issues[0].message and places in issues[0].message


def test_unnamed_column_with_data_is_kept_with_a_warning(tmp_path):
    frame, issues = read_table(write(tmp_path, "tanpa_nama.csv", b"a,,c\n1,x,3\n"))
    assert list(frame.columns) == ["a", "kolom_2", "c", "_baris"]
    assert [(i.code, i.column, i.row) for i in issues] == [("kolom_tanpa_nama", "kolom_2", 1)]


def test_missing_path_is_an_issue(tmp_path):
    frame, issues = read_table(tmp_path / "tidak_ada.csv")
    assert frame is None
    assert [i.code for i in issues] == ["berkas_tidak_terbaca"]


def test_unexpected_error_becomes_issue_not_exception(tmp_path, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(readers.pd, "read_csv", boom)
    frame, issues = read_table(write(tmp_path, "a.csv", b"a\n1\n"))
    assert frame is None
    assert [i.code for i in issues] == ["berkas_tidak_terbaca"]
    assert "boom" in issues[0].message and "a.csv" in issues[0].message


class NamedUpload(io.BytesIO):
    """Stand-in for Streamlit's UploadedFile: bytes with a `.name`."""

    def __init__(self, data: bytes, name: str) -> None:
        super().__init__(data)
        self.name = name


SOURCE_CASES = [
    ("path_str", lambda path: (str(path), None)),
    ("path", lambda path: (path, None)),
    ("bytes", lambda path: (path.read_bytes(), "unggahan.csv")),
    ("bytearray", lambda path: (bytearray(path.read_bytes()), "unggahan.csv")),
    ("bytesio", lambda path: (io.BytesIO(path.read_bytes()), "unggahan.csv")),
    ("upload_bernama", lambda path: (NamedUpload(path.read_bytes(), "unggahan.CSV"), None)),
]


@pytest.mark.parametrize(("case", "make"), SOURCE_CASES, ids=[c[0] for c in SOURCE_CASES])
def test_every_source_kind_reads_the_same(tmp_path, case, make):
    path = write(tmp_path, "data.csv", b"kode;nilai\n36.74.01;12,5\n")
    frame, issues = read_table(*make(path))
    assert issues == []
    assert records(frame) == [{"kode": "36.74.01", "nilai": "12,5", "_baris": 2}]


def test_open_file_is_read_and_position_restored(tmp_path):
    path = write(tmp_path, "data.csv", b"a\n1\n")
    with path.open("rb") as handle:
        frame, issues = read_table(handle)
        assert handle.tell() == 0
    assert issues == [] and records(frame) == [{"a": "1", "_baris": 2}]


def test_bytes_without_filename_ask_for_a_name():
    frame, issues = read_table(b"a\n1\n")
    assert frame is None
    assert [i.code for i in issues] == ["format_tidak_didukung"]
    assert ".csv" in issues[0].message


@pytest.mark.parametrize(
    ("issues", "expected"),
    [
        ([], []),
        (
            [Issue("kolom_ganda", "pesan", row=1, column="nama", value="nama"), Issue("berkas_kosong", "kosong")],
            [
                {"baris": 1, "kolom": "nama", "kode": "kolom_ganda", "pesan": "pesan", "nilai": "nama"},
                {"baris": None, "kolom": None, "kode": "berkas_kosong", "pesan": "kosong", "nilai": None},
            ],
        ),
    ],
)
def test_issues_frame(issues, expected):
    frame = issues_frame(issues)
    assert list(frame.columns) == ["baris", "kolom", "kode", "pesan", "nilai"]
    assert records(frame) == expected


# ---------------------------------------------------------------- fast paths read exactly like the reference

STAMPS = [
    dt.datetime(2024, 1, 31),
    dt.datetime(2024, 1, 31, 8, 30),
    dt.datetime(2024, 1, 31, 0, 0, 0, 5),
    None,
    dt.datetime(1, 1, 1),
    dt.datetime(9999, 12, 31, 23, 59, 59, 999999),
    dt.datetime(999, 5, 6, 7, 8, 9),
]
FLOATS = [
    0.0,
    -0.0,
    1.0,
    -5.0,
    0.1,
    1.5e-7,
    1e20,
    1e23,
    2.0**53,
    2.0**53 + 2,
    2.0**53 - 1,
    -(2.0**60),
    1e300,
    5e-324,
    1 / 3,
    float("nan"),
    float("inf"),
    float("-inf"),
    None,
    12.5,
    12.5,
]
ARROW_COLUMNS = {  # every type read per column, plus a few read cell by cell
    "int8": pa.array([1, -2, None, 127], pa.int8()),
    "uint64": pa.array([0, 2**64 - 1, None], pa.uint64()),
    "float64": pa.array(FLOATS, pa.float64()),
    "float32": pa.array(FLOATS, pa.float32()),
    "float16": pa.array([0.1, -0.0, None, 65504.0, 1e-7], pa.float16()),
    "bool": pa.array([True, False, None]),
    "string": pa.array(["a", None, "", " x "]),
    "dictionary": pa.array(["a", None, "b", "a"]).dictionary_encode(),
    "timestamp_us": pa.array(STAMPS, pa.timestamp("us")),
    "timestamp_s": pa.array([dt.datetime(2024, 1, 31, 8, 30, 1), dt.datetime(1, 1, 1), None], pa.timestamp("s")),
    "timestamp_ns": pa.array(STAMPS[:4], pa.timestamp("ns")),
    "timestamp_ns_nanoseconds": pa.array([1704067200000000001, None, 1704067200000000000], pa.timestamp("ns")),
    "timestamp_zone": pa.array([dt.datetime(2024, 1, 1), None], pa.timestamp("us", tz="Asia/Jakarta")),
    "date32": pa.array([dt.date(2024, 2, 1), None, dt.date(1, 1, 1), dt.date(9999, 12, 31)], pa.date32()),
    "date64": pa.array([dt.date(2024, 2, 1), None], pa.date64()),
    "time": pa.array([dt.time(8, 30), None, dt.time(0, 0, 0, 5)], pa.time64("us")),
    "empty_timestamps": pa.array([None, None], pa.timestamp("ms")),
}


@pytest.mark.parametrize("name", list(ARROW_COLUMNS))
def test_parquet_columns_read_as_the_text_of_every_cell(name):
    array = ARROW_COLUMNS[name]
    column = pa.chunked_array([array[:2], array[2:]], array.type)
    assert cells.column_texts(column).to_pylist() == [cells.cell_text(v) for v in column.to_pylist()]


@pytest.mark.parametrize(("case", "data", "expected"), CSV_CASES, ids=[c[0] for c in CSV_CASES])
def test_big_csv_path_reads_like_pandas(tmp_path, monkeypatch, case, data, expected):
    monkeypatch.setattr(delimited, "ARROW_MIN_CHARS", 0)  # every file counts as big
    frame, issues = read_table(write(tmp_path, f"{case}.csv", data))
    assert issues == []
    assert records(frame) == expected
    assert_string_table(frame)


@pytest.mark.parametrize(
    ("name", "data", "row"),
    [
        ("kolom_lebih.csv", b"a,b\n1,2\n3,4,5\n", 3),
        ("kolom_kurang.csv", b"a,b\n1,2\n3\n", None),
        ("kutip_terbuka.csv", b'a,b\n1,2\n"3,4\n', 3),
    ],
)
def test_big_csv_path_leaves_odd_files_to_pandas(tmp_path, monkeypatch, name, data, row):
    expected = read_table(write(tmp_path, name, data))
    monkeypatch.setattr(delimited, "ARROW_MIN_CHARS", 0)
    frame, issues = read_table(write(tmp_path, name, data))
    assert [(i.code, i.row) for i in issues] == [(i.code, i.row) for i in expected[1]]
    assert (frame is None and expected[0] is None) or records(frame) == records(expected[0])
    assert row is None or issues[0].row == row


def test_big_csv_without_quotes_is_split_by_arrow(tmp_path, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("pandas should not be asked")

    monkeypatch.setattr(delimited, "ARROW_MIN_CHARS", 0)
    monkeypatch.setattr(readers.pd, "read_csv", boom)
    frame, issues = read_table(write(tmp_path, "besar.csv", b"kode;nilai\r\n36.74.01; 12,5 \r\n\r\n36.74.02;\r\n"))
    assert issues == []
    assert records(frame) == [
        {"kode": "36.74.01", "nilai": "12,5", "_baris": 2},
        {"kode": "36.74.02", "nilai": None, "_baris": 4},
    ]
    _, issues = read_table(write(tmp_path, "berkutip.csv", b'kode;nama\n36.74.01;"Serpong"\n'))
    assert "pandas should not be asked" in issues[0].message  # quoted text stays with pandas

"""Whole files: every format loads the same frame; broken files give one clear issue; nothing ever raises."""

import io
import os
import zipfile

import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from kpi import settings
from kpi.inputs.observations import load_observations
from tests.input_fixtures import HEADER, TODAY, assert_loaded, write_csv

ROWS = [  # periode, kode_wilayah, indikator, pembilang, penyebut, nilai, keterangan
    ("2026-10", "36.74.01.1001", "layanan_daring", 12, 40, None, "Dicek petugas"),
    ("2026-S1", "36.74.03.1008", "ikm", 8520.5, 100, None, "Survei café warga"),
    ("2025", "36.74.01", "kepatuhan_ombudsman", None, None, 82.5, "Penilaian mandiri"),
]
COLUMNS = [*HEADER.split(","), "keterangan"]


def _text(value, decimal: str = ".") -> str:
    """A cell as CSV text; only numbers take the decimal separator."""
    if value is None:
        return ""
    return str(value).replace(".", decimal) if isinstance(value, float) else str(value)


def _csv_comma(tmp_path):
    return write_csv(tmp_path, ",".join(COLUMNS), [",".join(_text(v) for v in r) for r in ROWS], "a.csv")


def _csv_semicolon_cp1252(tmp_path):
    lines = [";".join(_text(v, ",") for v in r) for r in ROWS]
    path = write_csv(tmp_path, ";".join(COLUMNS), lines, "b.csv", encoding="cp1252")
    assert "é".encode("cp1252") in path.read_bytes()  # really Windows-1252, not UTF-8
    return path


def _xlsx(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    for row in ROWS:
        sheet.append(list(row))
    path = tmp_path / "c.xlsx"
    book.save(path)
    return path


def _parquet(tmp_path):
    columns = list(zip(*ROWS, strict=True))
    table = pa.table(
        {
            name: pa.array(values, type=pa.float64() if name in ("pembilang", "penyebut", "nilai") else pa.string())
            for name, values in zip(COLUMNS, columns, strict=True)
        }
    )
    path = tmp_path / "d.parquet"
    pq.write_table(table, path)
    return path


def test_every_format_loads_the_same_frame(tmp_path):
    frames = [
        load_observations(make(tmp_path), today=TODAY) for make in (_csv_comma, _csv_semicolon_cp1252, _xlsx, _parquet)
    ]
    for result in frames:
        assert_loaded(result, 3)
    expected = frames[0].frame
    assert expected["nilai"].tolist() == pytest.approx([30.0, 85.205, 82.5])
    assert "keterangan" not in expected
    for result in frames[1:]:
        pd.testing.assert_frame_equal(result.frame, expected)


def test_every_problem_in_a_file_is_reported_at_once_in_row_order(tmp_path):
    rows = [
        "Okt 2026,Kel. Perigi,layanan_daring,12,40,",  # 2: fine
        "Des 2026,36.74.01.1001,layanan_daring,5,10,",  # 3: future
        "2026-10,Kel. Pondok Arem,layanan_darin,5,10,",  # 4: unknown wilayah and indicator
        "2026-13,36.74.01.1002,layanan_daring,-1,10,",  # 5: period and negative
        "2026-10,36.74.03.1008,layanan_daring,50,40,",  # 6: repeat of row 2 and over
        "2025,36.74.01.1001,kepatuhan_ombudsman,,,120",  # 7: level and range
    ]
    result = load_observations(write_csv(tmp_path, HEADER, rows), today=TODAY)
    assert result.frame is None
    assert [(i.row, i.code) for i in result.issues] == [
        (3, "periode_masa_depan"),
        (4, "indikator_tidak_dikenal"),
        (4, "wilayah_tidak_dikenal"),
        (5, "nilai_negatif"),
        (5, "periode_tidak_terbaca"),
        (6, "pembilang_melebihi_penyebut"),
        (6, "duplikat"),
        (7, "tingkat_salah"),
        (7, "di_luar_rentang"),
    ]
    for issue in result.issues:
        assert issue.message.startswith(f"Kolom '{issue.column}' baris {issue.row}: ")


def test_header_problem_and_row_problems_are_reported_together(tmp_path):
    rows = ["2026-10,36.74.01.1001,layanan_daring,12,40,,x", "2026-10,36.74.01.1002,layanan_daring,-1,40,,"]
    result = load_observations(write_csv(tmp_path, HEADER + ",", rows), today=TODAY)
    assert result.frame is None
    assert [(i.code, i.row) for i in result.issues] == [("kolom_tanpa_nama", 1), ("nilai_negatif", 3)]


@pytest.mark.parametrize(
    "content, code, fragments",
    [
        (b"", "berkas_kosong", ("kosong", "baris judul")),
        (b"\n \n", "berkas_kosong", ("kosong",)),
        ((HEADER + "\n").encode(), "berkas_kosong", ("hanya berisi baris judul",)),
        (
            b"periode kode_wilayah indikator nilai\n2025 36.74.01 kepatuhan_ombudsman 80\n",
            "kolom_hilang",
            ("Kolom yang ada: periode_kode_wilayah_indikator_nilai", "pisahkan kolom dengan koma (,), titik koma (;)"),
        ),
        (
            b"periode:kode_wilayah:indikator:nilai\n2025:36.74.01:kepatuhan_ombudsman:80\n",
            "kolom_hilang",
            ("Kolom yang ada: periode:kode_wilayah:indikator:nilai", "pisahkan kolom"),
        ),
        (
            b"periode,kode_wilayah,jumlah\n2025,36.74.01,80\n",
            "kolom_hilang",
            ("Kolom 'indikator' tidak ditemukan", "Kolom yang ada: periode, kode_wilayah, jumlah", "Tambahkan kolom"),
        ),
    ],
    ids=["empty", "blank-lines", "header-only", "space-delimited", "colon-delimited", "missing-column"],
)
def test_broken_file_gives_a_clear_issue_and_no_frame(tmp_path, content, code, fragments):
    path = tmp_path / "rusak.csv"
    path.write_bytes(content)
    result = load_observations(path, today=TODAY)
    assert result.frame is None and result.issues
    assert {i.code for i in result.issues} == {code}
    for fragment in fragments:
        assert fragment in result.issues[0].message, result.issues[0].message


def test_missing_columns_are_each_named(tmp_path):
    path = write_csv(tmp_path, "periode,wilayah", ["2025,36.74.01"])
    result = load_observations(path, today=TODAY)
    assert result.frame is None
    assert [(i.code, i.row, i.column) for i in result.issues] == [
        ("kolom_hilang", 1, "indikator"),
        ("kolom_hilang", 1, "pembilang/penyebut atau nilai"),
    ]
    assert "Kolom yang ada: periode, kode_wilayah" in result.issues[0].message  # 'wilayah' read as kode_wilayah


GARBAGE = [
    os.urandom(0) + bytes(range(256)) * 4,
    b"\x00" * 100,
    b"PK\x03\x04" + b"\xff" * 64,
    b"PAR1" + b"\x01" * 64,
    '\ufeffperiode;"kode\n'.encode(),
    b"\xff\xfe" + "periode,kode_wilayah\n2025,\ud800".encode("utf-16-le", "surrogatepass"),
]


@pytest.mark.parametrize("name", ["x.csv", "x.xlsx", "x.parquet", "x.txt", "x.pdf", None])
@pytest.mark.parametrize("data", GARBAGE, ids=range(len(GARBAGE)))
def test_garbage_never_raises_and_never_loads(name, data):
    result = load_observations(data, filename=name, today=TODAY)
    assert result.frame is None
    assert result.issues and all(i.code != "galat_internal" for i in result.issues), result.issues


@pytest.mark.parametrize("source", [None, 42, object(), "/tidak/ada.csv", b"", bytearray(b"a,b\n1,2\n")])
def test_odd_sources_never_raise(source):
    result = load_observations(source, today=TODAY)
    assert result.frame is None and result.issues


def test_committed_sample_loads_without_issues():
    result = load_observations(settings.SAMPLE_OBSERVATIONS_FILE, today=TODAY)
    assert result.issues == []
    assert result.ok and len(result.frame) > 1000


def test_an_internal_failure_is_one_issue_naming_the_file_and_its_traceback_is_logged(tmp_path, monkeypatch, caplog):
    def broken(*_args, **_kw):
        raise RuntimeError("validasi rusak")

    monkeypatch.setattr("kpi.inputs.observations.validate", broken)
    path = _csv_comma(tmp_path)
    result = load_observations(path, today=TODAY)
    assert result.frame is None
    assert [(i.code, i.message) for i in result.issues] == [
        (
            "galat_internal",
            f"Berkas '{path}' tidak dapat diproses (RuntimeError: validasi rusak). "
            "Laporkan ke pengelola dasbor beserta berkasnya.",
        )
    ]
    (record,) = [r for r in caplog.records if r.name == "kpi.inputs.observations"]
    assert record.levelname == "ERROR" and record.exc_info[0] is RuntimeError and "a.csv" in record.getMessage()


def test_a_corrupt_workbook_is_logged_a_corrupt_parquet_file_is_only_reported(caplog):
    """openpyxl raises anything for a damaged workbook, so its except stays broad and logs; Arrow raises its own
    errors (or OSError) for a damaged Parquet file, so that except names them and needs no traceback. Both say in
    Indonesian what is wrong, without the exception's English. (A workbook that is no ZIP archive at all is told
    apart before openpyxl opens it, and needs no traceback either.)"""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:  # the parts of a workbook, but no XML in them
        zipped.writestr("[Content_Types].xml", "<Types")
        zipped.writestr("xl/workbook.xml", "rusak")
    workbook = load_observations(archive.getvalue(), filename="x.xlsx", today=TODAY)
    cut = load_observations(b"PK\x03\x04" + b"\xff" * 64, filename="y.xlsx", today=TODAY)
    assert [i.code for i in cut.issues] == ["berkas_tidak_terbaca"] and "rusak atau terpotong" in cut.issues[0].message
    parquet = load_observations(b"PAR1" + b"\x01" * 64, filename="x.parquet", today=TODAY)
    assert [i.code for i in workbook.issues] == [i.code for i in parquet.issues] == ["berkas_tidak_terbaca"]
    assert "bukan berkas Parquet yang utuh" in parquet.issues[0].message
    assert "rusak atau terpotong" in workbook.issues[0].message
    assert not [i for i in workbook.issues + parquet.issues if "Error" in i.message or "Invalid" in i.message]
    logged = [(r.name, r.exc_info is not None, "'x.xlsx'" in r.getMessage()) for r in caplog.records]
    assert logged == [("kpi.inputs.readers", True, True)]

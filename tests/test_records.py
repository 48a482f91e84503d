"""Tests for kpi.inputs.records on good files: typed frames, lenient spellings, the format tables and the templates."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from kpi import settings
from kpi.inputs import parsing, records
from kpi.inputs.kinds import key
from kpi.inputs.parsing import DATE_PATTERNS, parse_datetimes
from kpi.inputs.records import KINDS, describe, load_records, template, write_templates

TODAY = dt.date(2026, 11, 27)
TS = pd.Timestamp
PERMOHONAN_DTYPES = {
    "id_permohonan": "str",
    "kode_wilayah": "str",
    "jenis_layanan": "str",
    "kanal": "str",
    "diajukan": "datetime64[us]",
    "selesai": "datetime64[us]",
    "status": "str",
    "sop_hari_kerja": "int64",
    "_baris": "int64",
}


def load(text: str, kind: str, name: str = "berkas.csv"):
    """Load CSV text as of TODAY and insist that it loads without issues."""
    result = load_records(text.encode("utf-8"), kind, name, today=TODAY)
    assert result.issues == [], [i.message for i in result.issues]
    assert result.ok
    return result.frame


def dtypes(frame: pd.DataFrame) -> dict[str, str]:
    return {c: str(t) for c, t in frame.dtypes.items()}


def test_permohonan_lenient_spellings_become_the_typed_frame():
    frame = load(
        "ID,Desa/Kelurahan,Layanan,Kanal,Tanggal Pengajuan,Tanggal_Selesai,STATUS,SOP\n"
        "P-1,Pondok Jagung,KTP,online,03/10/2026 08.15,06-10-2026 16.00,Selesai,3 hari kerja\n"
        "P-2,3674021005,,Mal Pelayanan Publik,2026-10-03T08:15:00,,diproses,5\n"
        "P-3,36 74 02 1004,KIA,loket,3 Okt 2026,2026-10-03,ditolak,1\n"
        "P-4,3674070003,KIA,Aplikasi,2026-10-05 09:00,5/10/2026,tuntas,2\n",
        "permohonan",
    )
    assert dtypes(frame) == PERMOHONAN_DTYPES
    assert list(frame.columns) == list(PERMOHONAN_DTYPES)
    assert frame["kode_wilayah"].tolist() == ["36.74.02.1004", "36.74.02.1005", "36.74.02.1004", "36.74.02.1004"]
    assert frame["kanal"].tolist() == ["daring", "mpp", "luring", "daring"]
    assert frame["status"].tolist() == ["selesai", "proses", "ditolak", "selesai"]
    assert frame["diajukan"].tolist() == [
        TS("2026-10-03 08:15"),
        TS("2026-10-03 08:15"),
        TS("2026-10-03"),
        TS("2026-10-05 09:00"),
    ]
    assert frame["selesai"].tolist()[0] == TS("2026-10-06 16:00") and pd.isna(frame["selesai"][1])
    assert frame["sop_hari_kerja"].tolist() == [3, 5, 1, 2]
    assert pd.isna(frame["jenis_layanan"][1]) and frame["jenis_layanan"][0] == "KTP"
    assert frame["_baris"].tolist() == [2, 3, 4, 5]


def test_a_completion_date_without_time_on_the_day_of_submission_is_in_order():
    frame = load(
        "id_permohonan,kode_wilayah,kanal,diajukan,selesai,status,sop_hari_kerja\n"
        "P-1,Pondok Jagung,daring,2026-10-03 08:15,03/10/2026,selesai,1\n",
        "permohonan",
    )
    assert frame["selesai"][0] == TS("2026-10-03")


def test_aduan_without_optional_columns():
    frame = load(
        "No Tiket,Kelurahan,Tanggal Diterima,Tanggal Tindak Lanjut\n"
        "A-1,Kel. Perigi,01/10/2026 19.02,02/10/2026 09.00\n"
        "A-2,Pondok Jagung Timur,02/10/2026,\n",
        "aduan",
    )
    assert dtypes(frame) == {
        "id_aduan": "str",
        "kode_wilayah": "str",
        "kanal": "str",
        "kategori": "str",
        "diterima": "datetime64[us]",
        "tindak_lanjut": "datetime64[us]",
        "selesai": "datetime64[us]",
        "_baris": "int64",
    }
    assert frame["kode_wilayah"].tolist() == ["36.74.03.1008", "36.74.02.1005"]
    assert frame["tindak_lanjut"][0] == TS("2026-10-02 09:00") and pd.isna(frame["tindak_lanjut"][1])
    assert frame["kanal"].isna().all() and frame["selesai"].isna().all()


def test_survei_scores_are_nullable_integers_and_units_are_kecamatan_or_kelurahan():
    frame = load(
        "id_responden;unit;tanggal;U1;U2;U3;U4;U5;U6;U7;U8;Unsur 9\n"
        "R-1;Kec. Setu;03/10/2026 10.30;1;2;3;4;4;3;2;1;\n"
        "R-2;Pondok Jagung;2026-10-04;;;;;;;;;4\n",
        "survei",
    )
    assert dtypes(frame) == {
        "id_responden": "str",
        "kode_unit": "str",
        "tanggal": "datetime64[us]",
        **{f"U{n}": "Int64" for n in range(1, 10)},
        "_baris": "int64",
    }
    assert frame["kode_unit"].tolist() == ["36.74.07", "36.74.02.1004"]
    assert frame["tanggal"].tolist() == [TS("2026-10-03"), TS("2026-10-04")]
    assert frame.loc[0, [f"U{n}" for n in range(1, 9)]].tolist() == [1, 2, 3, 4, 4, 3, 2, 1]
    assert pd.isna(frame.loc[0, "U9"]) and frame.loc[1, "U9"] == 4 and pd.isna(frame.loc[1, "U1"])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026-10-03", "2026-10-03 00:00"),
        ("2026-10-03 08:15", "2026-10-03 08:15"),
        ("2026-10-03T08:15:00", "2026-10-03 08:15"),
        ("2026/10/03 08:15:30", "2026-10-03 08:15:30"),
        ("03/10/2026", "2026-10-03 00:00"),  # day first, always
        ("3/10/2026", "2026-10-03 00:00"),
        ("03-10-2026 08.15", "2026-10-03 08:15"),
        ("03.10.2026 08:15", "2026-10-03 08:15"),
        ("03/10/26", "2026-10-03 00:00"),
        ("3 Oktober 2026", "2026-10-03 00:00"),
        ("03-Okt-2026 pukul 08.15", "2026-10-03 08:15"),
        ("03/10/2026, 08:15 WIB", "2026-10-03 08:15"),
        ("2026-10-03T01:15:00Z", "2026-10-03 08:15"),  # UTC → WIB
        ("2026-10-03 08:15:00.500000", "2026-10-03 08:15"),  # fractions of a second are dropped
        ("12/01/2026", "2026-01-12 00:00"),
    ],
)
def test_dates_are_read_day_first(text, expected):
    stamps, bad = parse_datetimes(pd.Series([text], dtype="string"))
    assert not bad[0]
    assert stamps[0] == TS(expected)


@pytest.mark.parametrize("text", ["kemarin", "31/02/2026", "10/31/2026", "2026-10-03 25:00", "46298", "0226-10-03"])
def test_impossible_dates_are_unreadable(text):
    stamps, bad = parse_datetimes(pd.Series([text], dtype="string"))
    assert bad[0] and pd.isna(stamps[0])


# Texts for each way of reading a date: plain ISO (Arrow's strptime, read back), printable ASCII (RE2), the rest
# (Python's re, whose \s, \d and $ also match no-break spaces, other digits and a final newline).
TRICKY_DATES = [
    "2026-10-03",
    "2026-10-03 08:15",
    "2026-10-03 08:15:30",
    "2099-12-31 23:59:59",
    "2000-01-01 00:00:00",
    "2026-02-31",
    "2026-02-29 00:00",
    "2028-02-29",
    "2026-10-03 24:00:00",
    "2026-10-03 08:15:60",
    "2026-10-03 08:60",
    "1999-10-03",
    "20261-10-03",
    "0226-10-03",
    "2026-10-3",
    "2026-1-03 08:15",
    "2026-10-03 8:15",
    " 2026-10-03",
    "2026-10-03T08:15",
    "2026-10-03T01:15:00Z",
    "2026-10-03 08:15+0530",
    "2026-10-03 08:15 -07:00",
    "2026-10-03Z",
    "2026-10-03 08:15:00.500000",
    "2026/10/03 08.15.30",
    "2026.10.03",
    "03/10/2026",
    "3/10/26",
    "31/12/99",
    "12/01/2026 8.05",
    "03-10-2026, 08:15 WIB",
    "03.10.2026 pukul 08.15",
    "3 Okt 2026",
    "3 OKTOBER 2026 jam 8.05",
    "03-Agt-2026",
    "3 Mei2026",
    "3 okt 2026 pk. 8.05 WIB",
    "10/31/2026",
    "kemarin",
    "46298",
    "46298.5",
    "-5303202612021.5",
    "2026-10-03\n",
    "2026-10-03\t08:15",
    "3\u00a0Okt\u00a02026",
    "03/10/2026\u00a008.15",
    "\u0660\u0663/10/2026",
    "03/10/\uff12\uff10\uff12\uff16",
    "3 O\u212aT 2026",
    "3 okt\u0131 2026",
]


def lenient(values: pd.Series, excel: bool) -> pd.Series:
    """The reference reading: DATE_PATTERNS in order through Python's re alone, then Excel serials."""
    parsed = pd.Series(pd.NaT, index=values.index, dtype="datetime64[us]")
    for pattern in DATE_PATTERNS:
        parsed = parsed.fillna(parsing._assemble(values.astype(object).str.extract(pattern)))
    return parsed.fillna(parsing._excel_serials(values)) if excel else parsed


@pytest.mark.parametrize("excel", [False, True])
def test_fast_date_readings_equal_the_lenient_reference(excel):
    values = pd.Series(TRICKY_DATES * 2 + [None], dtype="string")  # repeats and a blank, as in a column
    stamps, bad = parse_datetimes(values, excel)
    expected = lenient(values, excel)
    pd.testing.assert_series_equal(stamps, expected, check_names=False)
    assert bad.tolist() == (values.notna() & expected.isna()).tolist()
    assert expected.notna().sum() >= 30 and expected.isna().sum() >= 10  # both kinds are exercised


def test_an_excel_number_far_outside_the_dates_is_unreadable_not_an_error():
    stamps, bad = parse_datetimes(pd.Series(["-5303202612021.5", "46298.5"], dtype="string"), excel=True)
    assert bad.tolist() == [True, False]
    assert stamps[1] == TS("2026-10-03 12:00")


def test_excel_cells_real_dates_and_serial_numbers():
    workbook = openpyxl.Workbook()
    workbook.active.append(
        ["id_permohonan", "kode_wilayah", "kanal", "diajukan", "selesai", "status", "sop_hari_kerja"]
    )
    workbook.active.append(
        ["P-1", 3674021004, "web", dt.datetime(2026, 10, 3, 8, 15), dt.date(2026, 10, 5), "selesai", 3]
    )
    workbook.active.append(["P-2", "Pondok Jagung", "offline", 46298.34375, None, "proses", 2.0])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = load_records(buffer.getvalue(), "permohonan", "permohonan.xlsx", today=TODAY)
    assert result.ok, [i.message for i in result.issues]
    frame = result.frame
    assert frame["diajukan"].tolist() == [TS("2026-10-03 08:15"), TS("2026-10-03 08:15")]
    assert frame["selesai"][0] == TS("2026-10-05") and pd.isna(frame["selesai"][1])
    assert frame["kanal"].tolist() == ["daring", "luring"]
    assert frame["sop_hari_kerja"].tolist() == [3, 2]


def test_column_aliases_never_overlap_within_a_kind():
    for spec in KINDS.values():
        keys = [key(name) for c in spec.columns for name in (c.name, *c.aliases)]
        assert len(keys) == len(set(keys)), spec.kind


def test_the_canonical_name_wins_over_an_alias():
    frame = load(
        "id,id_permohonan,kode_wilayah,kanal,tanggal,diajukan,selesai,status,sop_hari_kerja\n"
        "x,P-1,Pondok Jagung,daring,01/01/2026,2026-10-03,,proses,2\n",
        "permohonan",
    )
    assert frame["id_permohonan"][0] == "P-1" and frame["diajukan"][0] == TS("2026-10-03")


def test_describe_lists_every_column_in_both_languages():
    for kind, spec in KINDS.items():
        for lang, first in (("id", "Kolom"), ("en", "Column")):
            table = describe(kind, lang)
            assert table.columns[0] == first
            assert table.iloc[:, 0].tolist() == [c.name for c in spec.columns]
    assert describe("permohonan", "id").set_index("Kolom").loc["kanal", "Isi"].startswith("pilihan: daring")


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("ext", ["csv", "xlsx"])
def test_shipped_templates_load_without_issues(kind, ext):
    result = load_records(settings.TEMPLATE_DIR / f"{kind}.{ext}", kind, today=TODAY)
    assert result.ok, [i.message for i in result.issues]
    expected = template(kind)
    assert result.frame.drop(columns=["_baris", "_lembar"], errors="ignore").equals(expected)
    if ext == "xlsx":  # the data sheet is read and the 'petunjuk' sheet skipped, rows named by their sheet
        assert [(s.name, s.rows, s.status) for s in result.sheets] == [
            (kind, len(expected), "dibaca"),
            ("petunjuk", len(KINDS[kind].columns), "bukan_tabel"),
        ]
        assert set(result.frame["_lembar"]) == {kind}
    assert expected[KINDS[kind].id_column].str.startswith("CONTOH-").all()
    assert len(expected) >= 3


def _cells(path) -> dict[str, list[tuple]]:
    workbook = openpyxl.load_workbook(path)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets}


def test_regenerated_templates_equal_the_shipped_ones(tmp_path):
    paths = write_templates(tmp_path)
    assert sorted(p.name for p in paths) == sorted(f"{k}.{e}" for k in KINDS for e in ("csv", "xlsx"))
    for kind in KINDS:
        assert (tmp_path / f"{kind}.csv").read_bytes() == (settings.TEMPLATE_DIR / f"{kind}.csv").read_bytes()
        fresh, shipped = _cells(tmp_path / f"{kind}.xlsx"), _cells(settings.TEMPLATE_DIR / f"{kind}.xlsx")
        assert list(fresh) == [kind, "petunjuk"]
        assert fresh == shipped


def test_cli_writes_the_templates(tmp_path, capsys):
    records.main(["templates", "--out", str(tmp_path / "t")])
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == sorted(
        f"{k}.{e}" for k in KINDS for e in ("csv", "xlsx")
    )
    assert "permohonan.csv" in capsys.readouterr().out


def test_an_internal_failure_is_one_issue_naming_the_file_and_its_traceback_is_logged(monkeypatch, caplog):
    def broken(*_args, **_kw):
        raise RuntimeError("pemeriksa rusak")

    monkeypatch.setattr(records, "check_records", broken)
    text = "id_aduan,kelurahan,kanal,diterima,ditindaklanjuti,status\nA-1,3674070003,web,2026-10-05 09:00,,baru\n"
    result = load_records(text.encode("utf-8"), "aduan", "aduan_okt.csv", today=TODAY)
    assert result.frame is None
    assert [(i.code, i.message) for i in result.issues] == [
        (
            "galat_internal",
            "Berkas 'aduan_okt.csv' tidak dapat diproses (RuntimeError: pemeriksa rusak). "
            "Laporkan ke pengelola dasbor beserta berkasnya.",
        )
    ]
    (record,) = [r for r in caplog.records if r.name == "kpi.inputs.records"]
    assert record.exc_info[0] is RuntimeError and "aduan records from 'aduan_okt.csv'" in record.getMessage()

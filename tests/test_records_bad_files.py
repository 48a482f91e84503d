"""Tests for kpi.inputs.records on bad files: one focused file per problem, the exact Issue, and nothing loaded."""

from __future__ import annotations

import datetime as dt
import io
import time

import openpyxl
import pandas as pd
import pytest

from kpi.core.issues import Issue
from kpi.inputs.records import load_records

TODAY = dt.date(2026, 11, 27)
PERMOHONAN = "id_permohonan,kode_wilayah,jenis_layanan,kanal,diajukan,selesai,status,sop_hari_kerja"
GOOD_PERMOHONAN = "P-1,36.74.02.1004,KTP,daring,2026-10-01 08:15,2026-10-02 14:30,selesai,3"
ADUAN = "id_aduan,kode_wilayah,kanal,kategori,diterima,tindak_lanjut,selesai"
SURVEI = "id_responden;kode_unit;tanggal;U1;U2;U3;U4;U5;U6;U7;U8;U9"
GOOD_SURVEI = "R-1;36.74.03.1008;2026-10-03;3;3;4;4;3;3;4;3;3"


def rejected(data: str | bytes, kind: str, name: str = "berkas.csv") -> list[Issue]:
    """Load the file as of TODAY; nothing may load, and the Issues come back."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    result = load_records(raw, kind, name, today=TODAY)
    assert result.frame is None
    assert not result.ok
    return result.issues


def permohonan(*rows: str) -> str:
    """A request file: a good row 2, then `rows` from row 3 on."""
    return "\n".join([PERMOHONAN, GOOD_PERMOHONAN, *rows]) + "\n"


def survei(*rows: str) -> str:
    """A survey file (';'-separated): a good row 2, then `rows` from row 3 on."""
    return "\n".join([SURVEI, GOOD_SURVEI, *rows]) + "\n"


def single(issues: list[Issue], code: str, row: int | None, column: str | None, *fragments: str) -> Issue:
    """Exactly one Issue, with this code, row and column, whose message has every fragment."""
    assert [(i.code, i.row, i.column) for i in issues] == [(code, row, column)], [i.message for i in issues]
    return has(issues[0], *fragments)


def has(issue: Issue, *fragments: str) -> Issue:
    """The message names its cell (when it has one) and contains every fragment."""
    if issue.row and issue.column and issue.code != "kolom_hilang":
        assert issue.message.startswith(f"Kolom '{issue.column}' baris {issue.row}: "), issue.message
    missing = [f for f in fragments if f not in issue.message]
    assert not missing, f"{missing} not in: {issue.message}"
    return issue


# ---------------------------------------------------------------- columns and whole files


def test_missing_required_column_lists_found_and_expected():
    header = PERMOHONAN.replace(",sop_hari_kerja", "")
    issues = rejected(f"{header}\n{GOOD_PERMOHONAN.rsplit(',', 1)[0]}\n", "permohonan")
    single(
        issues,
        "kolom_hilang",
        1,
        "sop_hari_kerja",
        "Kolom 'sop_hari_kerja' tidak ditemukan",
        "Kolom yang ada: 'id_permohonan', 'kode_wilayah'",
        "Kolom yang diharapkan: id_permohonan",
        "jenis_layanan (opsional)",
        "nama lain yang diterima: sop, sop_hari",
    )


def test_every_missing_column_is_reported():
    issues = rejected("id_aduan,kelurahan\nA-1,Pondok Jagung\n", "aduan")
    assert [(i.code, i.row, i.column) for i in issues] == [
        ("kolom_hilang", 1, "diterima"),
        ("kolom_hilang", 1, "tindak_lanjut"),
    ]


def test_wrong_separator_is_named():
    issues = rejected(permohonan().replace(",", "^"), "permohonan")
    issue = single(
        issues,
        "kolom_hilang",
        1,
        None,
        "terbaca sebagai satu kolom",
        "pemisah kolomnya tampaknya '^'",
        "koma (,) atau titik koma (;)",
        "Kolom yang diharapkan: id_permohonan",
    )
    assert issue.value.startswith("id_permohonan^kode_wilayah")


def test_a_column_name_made_of_two_expected_names_is_no_separator_problem():
    header = PERMOHONAN.replace(",status,", ",status_selesai,")
    issues = rejected(f"{header}\n{GOOD_PERMOHONAN}\n", "permohonan")
    single(issues, "kolom_hilang", 1, "status", "Kolom 'status' tidak ditemukan", "'status_selesai'")


def test_space_separated_header_is_named():
    issues = rejected("id_aduan kode_wilayah diterima tindak_lanjut\nA-1 36.74.02.1004 2026-10-01 x\n", "aduan")
    single(issues, "kolom_hilang", 1, None, "pemisah kolomnya tampaknya spasi")


def test_xlsx_with_every_column_in_one_cell_names_the_separator():
    workbook = openpyxl.Workbook()
    workbook.active.append([SURVEI])
    workbook.active.append([GOOD_SURVEI])
    buffer = io.BytesIO()
    workbook.save(buffer)
    single(
        rejected(buffer.getvalue(), "survei", "survei.xlsx"),
        "kolom_hilang",
        1,
        None,
        "pemisah kolomnya tampaknya ';'",
        "Teks ke Kolom",
    )


@pytest.mark.parametrize(
    "data, row, words",
    [
        (b"", None, "kosong"),
        (b" \n\n", None, "kosong"),
        ((PERMOHONAN + "\n").encode(), 1, "hanya berisi baris judul"),
    ],
)
def test_empty_file(data, row, words):
    single(rejected(data, "permohonan"), "berkas_kosong", row, None, words)


def test_unknown_kind():
    single(rejected(permohonan(), "pengaduan"), "jenis_tidak_dikenal", None, None, "permohonan, aduan, survei")


def test_huge_csv_with_wrong_separator_is_refused_from_its_header(tmp_path):
    path = tmp_path / "permohonan_besar.csv"
    block = (GOOD_PERMOHONAN.replace(",", "^") + "\n").encode() * 20_000
    with path.open("wb") as handle:
        handle.write((PERMOHONAN.replace(",", "^") + "\n").encode())
        while handle.tell() < 200 * 2**20:
            handle.write(block)
    start = time.perf_counter()
    result = load_records(path, "permohonan", today=TODAY)
    print(f"200 MB wrong separator: {time.perf_counter() - start:.3f} s")
    assert result.frame is None
    single(result.issues, "kolom_hilang", 1, None, "pemisah kolomnya tampaknya '^'")


def test_file_object_with_wrong_columns_is_left_where_it_was():
    handle = io.BytesIO(("kolom_a,kolom_b\n" + "1,2\n" * 40_000).encode())
    result = load_records(handle, "aduan", "aduan.csv", today=TODAY)
    assert result.frame is None and {i.code for i in result.issues} == {"kolom_hilang"}
    assert handle.tell() == 0


# ---------------------------------------------------------------- cells


def test_text_in_a_date_column():
    issues = rejected(permohonan("P-2,36.74.02.1004,KTP,daring,kemarin,,proses,3"), "permohonan")
    single(
        issues,
        "tanggal_tidak_terbaca",
        3,
        "diajukan",
        "'kemarin' bukan tanggal yang sah",
        "hari/bulan/tahun",
        "03/10/2026 08.15",
    )


@pytest.mark.parametrize(
    "text, year",
    [
        ("1999-10-01 08:15", 1999),
        ("03/10/1999", 1999),
        ("3 Oktober 1999", 1999),
        ("31-12-1899 23.59", 1899),
        ("2100-01-01", 2100),
    ],
)
def test_a_date_before_2000_or_after_2099_names_the_rule(text, year):
    issues = rejected(permohonan(f"P-2,36.74.02.1004,KTP,daring,{text},,proses,3"), "permohonan")
    issue = single(
        issues,
        "tanggal_di_luar_rentang",
        3,
        "diajukan",
        f"'{text}' jatuh pada tahun {year}",
        "tanggal harus antara 01/01/2000 dan 31/12/2099",
        "Periksa tahunnya",
    )
    assert issue.value == text


def test_a_survey_date_in_1999_in_a_workbook_names_the_rule():
    workbook = openpyxl.Workbook()
    workbook.active.append(SURVEI.split(";"))
    workbook.active.append(["R-1", "36.74.03.1008", dt.datetime(1999, 10, 3), 3, 3, 4, 4, 3, 3, 4, 3, 3])
    buffer = io.BytesIO()
    workbook.save(buffer)
    issues = rejected(buffer.getvalue(), "survei", "survei.xlsx")
    single(issues, "tanggal_di_luar_rentang", 2, "tanggal", "'1999-10-03' jatuh pada tahun 1999")


def test_date_in_the_future():
    issues = rejected(permohonan("P-2,36.74.02.1004,KTP,daring,28/11/2026 08.00,,proses,3"), "permohonan")
    issue = single(
        issues,
        "tanggal_masa_depan",
        3,
        "diajukan",
        "dibaca sebagai 28/11/2026 08:00",
        "belum terjadi",
        "hari ini 27/11/2026",
        "hari/bulan/tahun",
    )
    assert issue.value == "28/11/2026 08.00"


def test_completion_before_submission():
    issues = rejected(
        permohonan("P-2,36.74.02.1004,KTP,daring,05/10/2026 10.00,04/10/2026 09.00,selesai,3"), "permohonan"
    )
    single(
        issues,
        "urutan_tanggal",
        3,
        "selesai",
        "'04/10/2026 09.00' lebih awal dari diajukan 05/10/2026 10:00",
        "selesai tidak boleh sebelum diajukan",
    )


def test_complaint_dates_before_receipt():
    issues = rejected(f"{ADUAN}\nA-1,36.74.02.1004,SIARAN,Jalan,2026-10-05 10:00,2026-10-04,2026-10-01\n", "aduan")
    assert [(i.code, i.row, i.column) for i in issues] == [
        ("urutan_tanggal", 2, "selesai"),
        ("urutan_tanggal", 2, "tindak_lanjut"),
    ]
    has(issues[1], "tindak_lanjut tidak boleh sebelum diterima")


@pytest.mark.parametrize(
    "row, column, words",
    [
        ("P-2,36.74.02.1004,KTP,daring,2026-10-01,,selesai,3", "selesai", "status 'selesai' berarti permohonan sudah"),
        ("P-2,36.74.02.1004,KTP,daring,2026-10-01,,ditolak,3", "selesai", "ubah status menjadi 'proses'"),
        ("P-2,36.74.02.1004,KTP,daring,2026-10-01,2026-10-02,proses,3", "status", "'proses' berarti masih diproses"),
    ],
)
def test_status_and_completion_disagree(row, column, words):
    single(rejected(permohonan(row), "permohonan"), "status_tidak_sesuai", 3, column, words)


@pytest.mark.parametrize(
    "column, row, value, allowed",
    [
        ("kanal", "P-2,36.74.02.1004,KTP,faks,2026-10-01,,proses,3", "faks", "daring (juga: online"),
        ("status", "P-2,36.74.02.1004,KTP,daring,2026-10-01,,batal,3", "batal", "ditolak (juga: tolak"),
    ],
)
def test_unknown_channel_or_status(column, row, value, allowed):
    issue = single(
        rejected(permohonan(row), "permohonan"),
        "nilai_tidak_dikenal",
        3,
        column,
        f"'{value}' bukan nilai {column} yang dikenal",
        "Nilai yang diterima:",
        allowed,
    )
    assert issue.value == value


@pytest.mark.parametrize("score", ["0", "5", "2.5", "2,5", "baik"])
def test_score_outside_the_scale(score):
    issues = rejected(survei(f"R-2;36.74.03.1008;2026-10-03;3;3;{score};4;3;3;4;3;3"), "survei")
    issue = single(
        issues,
        "skor_di_luar_skala",
        3,
        "u3",
        f"'{score}' bukan skor yang sah",
        "bilangan bulat 1–4",
        "kosongkan bila tidak dijawab",
    )
    assert issue.value == score


def test_survey_row_without_answers():
    single(
        rejected(survei("R-2;36.74.03.1008;2026-10-03;;;;;;;;;"), "survei"),
        "tanpa_jawaban",
        3,
        "U1..U9",
        "minimal satu unsur",
    )


def test_unknown_kelurahan_suggests_the_closest_names():
    issues = rejected(permohonan("P-2,Pondok Jagungg,KTP,daring,2026-10-01,,proses,3"), "permohonan")
    single(
        issues,
        "wilayah_tidak_dikenal",
        3,
        "kode_wilayah",
        "'Pondok Jagungg' bukan kode atau nama wilayah",
        "Maksud Anda Pondok Jagung?",
    )


def test_kecamatan_where_a_kelurahan_is_required():
    issues = rejected(permohonan("P-2,36.74.02,KTP,daring,2026-10-01,,proses,3"), "permohonan")
    single(
        issues,
        "tingkat_wilayah_salah",
        3,
        "kode_wilayah",
        "kecamatan Serpong Utara",
        "yang diminta kelurahan",
        "Isi kode atau nama kelurahan",
    )


@pytest.mark.parametrize(
    "unit, code, words",
    [
        ("36.74", "tingkat_wilayah_salah", "unit survei harus kantor kecamatan atau kelurahan"),
        ("Tangsel", "tingkat_wilayah_salah", "adalah Kota Tangerang Selatan"),
        ("36.74.08", "wilayah_tidak_dikenal", "bukan kode atau nama wilayah"),
        ("Setu", "wilayah_ambigu", "Kecamatan Setu, Kelurahan Setu"),
    ],
)
def test_survey_unit_must_be_a_kecamatan_or_kelurahan(unit, code, words):
    issues = rejected(survei(f"R-2;{unit};2026-10-03;3;3;3;3;3;3;3;3;3"), "survei")
    single(issues, code, 3, "kode_unit", words)


def test_duplicate_ids_name_both_rows():
    issues = rejected(permohonan("P-2,36.74.02.1004,KTP,daring,2026-10-01,,proses,3", GOOD_PERMOHONAN), "permohonan")
    single(issues, "duplikat", 4, "id_permohonan", "'P-1' sudah dipakai di baris 2", "harus unik")


@pytest.mark.parametrize(
    "row, code, column",
    [
        (",36.74.02.1004,KTP,daring,2026-10-01,,proses,3", "nilai_kosong", "id_permohonan"),
        ("P-2,,KTP,daring,2026-10-01,,proses,3", "wilayah_kosong", "kode_wilayah"),
        ("P-2,36.74.02.1004,KTP,,2026-10-01,,proses,3", "nilai_kosong", "kanal"),
        ("P-2,36.74.02.1004,KTP,daring,,,proses,3", "nilai_kosong", "diajukan"),
        ("P-2,36.74.02.1004,KTP,daring,2026-10-01,,proses,", "nilai_kosong", "sop_hari_kerja"),
    ],
)
def test_empty_required_cell(row, code, column):
    single(rejected(permohonan(row), "permohonan"), code, 3, column, "kosong, padahal kolom ini wajib diisi", "Contoh:")


@pytest.mark.parametrize(
    "sop, code, words",
    [
        ("tiga", "angka_tidak_terbaca", "'tiga' bukan angka"),
        ("2.5", "bukan_bilangan_bulat", "bukan bilangan bulat"),
        ("0", "di_luar_rentang", "paling sedikit 1 hari kerja"),
        ("-2", "di_luar_rentang", "kurang dari 1"),
    ],
)
def test_sop_days_must_be_a_whole_number_of_at_least_one(sop, code, words):
    issues = rejected(permohonan(f"P-2,36.74.02.1004,KTP,daring,2026-10-01,,proses,{sop}"), "permohonan")
    single(issues, code, 3, "sop_hari_kerja", words)


@pytest.mark.parametrize(
    "sop",
    [
        "9223372036854775807",  # int64's largest: stored as -9223372036854775808 before the bound
        "9223372036854775808",  # 2**63
        "99999999",
        "99.999.999",
        "251",  # one above the bound
        "1" * 400,  # parses as infinity
    ],
)
def test_sop_days_above_the_bound_are_refused_before_any_cast(sop):
    issues = rejected(permohonan(f"P-2,36.74.02.1004,KTP,daring,2026-10-01,,proses,{sop}"), "permohonan")
    issue = single(
        issues,
        "di_luar_rentang",
        3,
        "sop_hari_kerja",
        "lebih dari 250",
        "paling lama 250 hari kerja",
        "Isi batas waktu menurut standar pelayanan, mis. 3.",
    )
    assert issue.value == sop
    assert len(issue.message) < 400  # a 400-digit number is named by its start and length, not printed


def test_sop_days_at_the_bound_load():
    result = load_records(
        permohonan("P-2,36.74.02.1004,KTP,daring,2026-10-01,,proses,250").encode(), "permohonan", "p.csv", today=TODAY
    )
    assert result.ok, [i.message for i in result.issues]
    assert result.frame["sop_hari_kerja"].tolist() == [3, 250]


@pytest.mark.parametrize("sop", [2**63 - 1, 1e20, 1e300], ids=["int64_max", "1e20", "1e300"])
def test_sop_days_above_the_bound_in_parquet_are_refused(sop):
    columns = PERMOHONAN.split(",")
    row = dict(zip(columns, GOOD_PERMOHONAN.split(","), strict=True))
    frame = pd.DataFrame([{**row, "sop_hari_kerja": sop}])
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    single(
        rejected(buffer.getvalue(), "permohonan", "p.parquet"), "di_luar_rentang", 2, "sop_hari_kerja", "lebih dari 250"
    )


def test_every_problem_is_reported_at_once_in_row_order():
    issues = rejected(
        permohonan(
            "P-2,Pondok Jagungg,KTP,daring,2026-10-01,,proses,3", "P-3,36.74.02.1004,KTP,faks,kemarin,,proses,0"
        ),
        "permohonan",
    )
    assert [(i.code, i.row, i.column) for i in issues] == [
        ("wilayah_tidak_dikenal", 3, "kode_wilayah"),
        ("tanggal_tidak_terbaca", 4, "diajukan"),
        ("nilai_tidak_dikenal", 4, "kanal"),
        ("di_luar_rentang", 4, "sop_hari_kerja"),
    ]


def test_bad_xlsx_reports_the_cells_with_their_own_column_names():
    workbook = openpyxl.Workbook()
    workbook.active.append(["No Tiket", "Kelurahan", "Tanggal Diterima", "Tanggal Tindak Lanjut"])
    workbook.active.append(["A-1", "Pondok Jagung", dt.datetime(2026, 10, 1, 19, 2), dt.datetime(2026, 10, 2, 9)])
    workbook.active.append(["A-2", "Kelurahan Antah", dt.datetime(2026, 12, 1, 8), None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    issues = rejected(buffer.getvalue(), "aduan", "aduan.xlsx")
    assert [(i.code, i.row, i.column) for i in issues] == [
        ("wilayah_tidak_dikenal", 3, "kelurahan"),
        ("tanggal_masa_depan", 3, "tanggal_diterima"),
    ]
    has(issues[0], "'Kelurahan Antah' bukan kode atau nama wilayah")
    has(issues[1], "dibaca sebagai 01/12/2026 08:00", "belum terjadi")

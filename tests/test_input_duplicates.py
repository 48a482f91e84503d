"""Duplicates: one row per (periode, wilayah, indikator), however the period and wilayah are spelled."""

from tests.input_fixtures import HEADER_SEMICOLON, assert_loaded, assert_message, assert_rejected, load_rows, with_rows

VALID = [
    "Okt 2026;Kel. Perigi;layanan_daring;12;40;",
    "2025;Kec. Serpong;kepatuhan_ombudsman;;;82,5",
    "2026-09;36.74.03.1008;layanan_daring;10;40;",  # same wilayah, other month
    "2026-10;36.74.03.1008;tte;8;10;",  # same wilayah and month, other indicator
]
REPEAT_OF_ROW_2 = "2026-10;3674060004;layanan_daring;13;41;"  # BPS code of Parigi, period spelled otherwise
REPEAT_OF_ROW_3 = "2025;36.74.01;kepatuhan_ombudsman;;;82,5"


def test_repeat_names_the_row_it_repeats(tmp_path):
    rows = with_rows(VALID, {4: REPEAT_OF_ROW_2})
    [issue] = assert_rejected(load_rows(tmp_path, HEADER_SEMICOLON, rows), [("duplikat", 4, "periode")])
    assert_message(
        issue,
        "periode 2026-10",
        "Kelurahan Parigi (36.74.03.1008)",
        "'layanan_daring'",
        "sudah ada di baris 2",
        "hanya boleh satu baris",
        "Hapus salah satu baris",
    )


def test_two_repeats_give_two_issues(tmp_path):
    rows = with_rows(VALID, {4: REPEAT_OF_ROW_2, 7: REPEAT_OF_ROW_3})
    first, second = assert_rejected(
        load_rows(tmp_path, HEADER_SEMICOLON, rows), [("duplikat", 4, "periode"), ("duplikat", 7, "periode")]
    )
    assert_message(first, "sudah ada di baris 2")
    assert_message(second, "periode 2025", "Kecamatan Serpong (36.74.01)", "sudah ada di baris 3")


def test_the_same_file_without_the_bad_rows_loads(tmp_path):
    assert_loaded(load_rows(tmp_path, HEADER_SEMICOLON, VALID), 4)

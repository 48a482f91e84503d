"""Negative counts: pembilang, penyebut and nilai may not be below zero."""

import math

from tests.input_fixtures import HEADER_SEMICOLON, assert_loaded, assert_message, assert_rejected, load_rows, with_rows

VALID = [
    "Okt 2026;36.74.01.1001;layanan_daring;12;40;",
    "Okt 2026;Kel. Perigi;aduan_per_10rb;0;26.757;",
    "2025;Kec. Serpong;kepatuhan_ombudsman;;;82,5",
]
NEGATIVE_COUNT = "Okt 2026;36.74.01.1002;layanan_daring;-3;40;"
NEGATIVE_SCORE = "2025;36.74.07;kepatuhan_ombudsman;;;−12,5"  # U+2212 minus, as Word and Excel write it


def test_negative_count_is_reported_once(tmp_path):
    rows = with_rows(VALID, {4: NEGATIVE_COUNT})
    [issue] = assert_rejected(load_rows(tmp_path, HEADER_SEMICOLON, rows), [("nilai_negatif", 4, "pembilang")])
    assert issue.value == "-3"
    assert_message(issue, "-3 negatif", "pembilang tidak boleh kurang dari 0", "Hapus tanda minus")


def test_two_negative_values_give_two_issues(tmp_path):
    rows = with_rows(VALID, {2: NEGATIVE_SCORE, 5: "Okt 2026;36.74.01.1003;layanan_daring;3;-40;"})
    first, second = assert_rejected(
        load_rows(tmp_path, HEADER_SEMICOLON, rows), [("nilai_negatif", 2, "nilai"), ("nilai_negatif", 5, "penyebut")]
    )
    assert_message(first, "-12,5 negatif", "nilai tidak boleh kurang dari 0")
    assert_message(second, "-40 negatif", "penyebut tidak boleh kurang dari 0")


def test_negative_zero_is_zero(tmp_path):
    result = load_rows(tmp_path, HEADER_SEMICOLON, with_rows(VALID, {4: "2025;36.74.07;kepatuhan_ombudsman;;;-0"}))
    assert_loaded(result, 4)
    assert math.copysign(1, result.frame["nilai"].iloc[2]) == 1.0


def test_the_same_file_without_the_bad_rows_loads(tmp_path):
    result = load_rows(tmp_path, HEADER_SEMICOLON, VALID)
    assert_loaded(result, 3)
    assert result.frame["nilai"].tolist() == [30.0, 0.0, 82.5]

"""Numerator over denominator: for a percent indicator pembilang may not exceed penyebut."""

import pytest

from tests.input_fixtures import HEADER_SEMICOLON, assert_loaded, assert_message, assert_rejected, load_rows, with_rows

VALID = [
    "Okt 2026;36.74.01.1001;layanan_daring;40;40;",  # equal is fine: 100 %
    "Okt 2026;Kec. Serpong;realisasi_anggaran;950.000.000;1.000.000.000;",
    "2026-S1;Kel. Perigi;ikm;8.520;100;",  # an index may exceed: 85,2
    "Okt 2026;3674020010;aduan_per_10rb;3;26.757;",
]
OVER_BUDGET = "Okt 2026;Kec. Setu;realisasi_anggaran;1.250.000.000,5;1.000.000.000;"
OVER_COUNT = "Okt 2026;36.74.01.1002;layanan_daring;45;40;"


def test_numerator_above_denominator_is_reported_with_both_numbers(tmp_path):
    rows = with_rows(VALID, {4: OVER_BUDGET})
    [issue] = assert_rejected(
        load_rows(tmp_path, HEADER_SEMICOLON, rows), [("pembilang_melebihi_penyebut", 4, "pembilang")]
    )
    assert issue.value == "1.250.000.000,5"
    assert_message(
        issue,
        "pembilang 1.250.000.000,5 lebih besar dari penyebut 1.000.000.000",
        "'realisasi_anggaran'",
        "pembilang ≤ penyebut",
        "tertukar",
    )


def test_two_rows_over_give_two_issues_and_no_range_issue(tmp_path):
    rows = with_rows(VALID, {2: OVER_COUNT, 6: OVER_BUDGET})
    first, second = assert_rejected(
        load_rows(tmp_path, HEADER_SEMICOLON, rows),
        [("pembilang_melebihi_penyebut", 2, "pembilang"), ("pembilang_melebihi_penyebut", 6, "pembilang")],
    )
    assert_message(first, "pembilang 45 lebih besar dari penyebut 40", "'layanan_daring'")
    assert_message(second, "pembilang 1.250.000.000,5")


def test_the_same_file_without_the_bad_rows_loads(tmp_path):
    result = load_rows(tmp_path, HEADER_SEMICOLON, VALID)
    assert_loaded(result, 4)
    assert result.frame["nilai"].tolist() == pytest.approx([100.0, 95.0, 85.2, 3 / 26757 * 10000])

"""Unparseable period: a periode that no accepted spelling matches is reported with examples."""

import pytest

from tests.input_fixtures import HEADER_SEMICOLON, assert_loaded, assert_message, assert_rejected, load_rows, with_rows

VALID = [
    "Okt 2026;36.74.01.1001;layanan_daring;12;40;",
    "2026-10;Kel. Rawa Buntu;layanan_daring;30;50;",
    "Semester 1 2026;3674020010;ikm;8.520;100;",
    "2025;Kec. Serpong;kepatuhan_ombudsman;;;82,5",
]
HINT = "Tulis 2026-10 (bulan), 2026-Q3 (triwulan), 2026-S1 (semester) atau 2026 (tahun)"


@pytest.mark.parametrize("periode", ["2026-13", "Oktober-an 2026", "Triwulan 5 2026", "26-10"])
def test_unreadable_period_is_reported_with_examples(tmp_path, periode):
    bad = f"{periode};36.74.01.1003;layanan_daring;5;10;"
    [issue] = assert_rejected(
        load_rows(tmp_path, HEADER_SEMICOLON, with_rows(VALID, {4: bad})), [("periode_tidak_terbaca", 4, "periode")]
    )
    assert issue.value == periode
    assert_message(issue, f"'{periode}' bukan periode yang dikenal", HINT)


def test_two_unreadable_periods_give_two_issues(tmp_path):
    rows = with_rows(
        VALID, {3: "2026-13;36.74.01.1003;layanan_daring;5;10;", 6: "Okt;36.74.01.1004;layanan_daring;5;10;"}
    )
    first, second = assert_rejected(
        load_rows(tmp_path, HEADER_SEMICOLON, rows),
        [("periode_tidak_terbaca", 3, "periode"), ("periode_tidak_terbaca", 6, "periode")],
    )
    assert_message(first, "'2026-13'", HINT)
    assert_message(second, "'Okt'", HINT)


def test_blank_period_is_reported_as_blank(tmp_path):
    rows = with_rows(VALID, {4: ";36.74.01.1003;layanan_daring;5;10;"})
    [issue] = assert_rejected(load_rows(tmp_path, HEADER_SEMICOLON, rows), [("periode_tidak_terbaca", 4, "periode")])
    assert_message(issue, "kosong", "wajib", HINT)
    assert "<NA>" not in issue.message


def test_the_same_file_without_the_bad_rows_loads(tmp_path):
    result = load_rows(tmp_path, HEADER_SEMICOLON, VALID)
    assert_loaded(result, 4)
    assert result.frame["periode"].tolist() == ["2026-10", "2026-10", "2026-S1", "2025"]
    assert result.frame["nilai"].tolist() == pytest.approx([30.0, 60.0, 85.2, 82.5])


@pytest.mark.parametrize(
    ("periode", "year"), [("1999-10", 1999), ("Okt 1999", 1999), ("2100-Q1", 2100), ("1999", 1999)]
)
def test_a_period_in_a_year_outside_the_range_names_the_rule(tmp_path, periode, year):
    bad = f"{periode};36.74.01.1003;layanan_daring;5;10;"
    [issue] = assert_rejected(
        load_rows(tmp_path, HEADER_SEMICOLON, with_rows(VALID, {4: bad})), [("periode_di_luar_rentang", 4, "periode")]
    )
    assert_message(issue, f"'{periode}' memakai tahun {year}", "periode harus dalam tahun 2000–2099", HINT)

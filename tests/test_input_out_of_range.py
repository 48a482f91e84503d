"""Out of range: the value (pembilang ÷ penyebut × factor, or nilai) must lie in the indicator's valid range."""

import pytest

from tests.input_fixtures import HEADER, assert_loaded, assert_message, assert_rejected, load_rows, with_rows

VALID = [
    "2026-S1,36.74.01.1001,ikm,8520,100,",  # 85.2 in 25–100
    "2025,Kec. Serpong,kepatuhan_ombudsman,,,100",  # the bounds are inside
    "2026-10,Kel. Perigi,aduan_per_10rb,2,26757,",
]
CASES = [  # row text, column, message fragments
    (
        "2026-S1,36.74.01.1002,ikm,2000,100,",
        "pembilang",
        ("pembilang 2.000 ÷ penyebut 100 = 20,", "di luar rentang sah indikator 'ikm' (25–100)", "Periksa satuan"),
    ),
    (
        "2025,36.74.07,kepatuhan_ombudsman,,,120.5",
        "nilai",
        ("nilai 120,5 di luar rentang sah indikator 'kepatuhan_ombudsman' (0–100)", "Periksa satuan"),
    ),
    (
        "2026-10,36.74.01.1003,aduan_per_10rb,3000,20000,",
        "pembilang",
        ("pembilang 3.000 ÷ penyebut 20.000 × 10.000 = 1.500,", "(0–1.000)"),
    ),
]


@pytest.mark.parametrize("row, column, fragments", CASES)
def test_value_outside_the_range_is_reported_with_the_range(tmp_path, row, column, fragments):
    [issue] = assert_rejected(load_rows(tmp_path, HEADER, with_rows(VALID, {4: row})), [("di_luar_rentang", 4, column)])
    assert_message(issue, *fragments)


def test_two_values_outside_the_range_give_two_issues(tmp_path):
    rows = with_rows(VALID, {3: CASES[0][0], 5: CASES[1][0]})
    first, second = assert_rejected(
        load_rows(tmp_path, HEADER, rows), [("di_luar_rentang", 3, "pembilang"), ("di_luar_rentang", 5, "nilai")]
    )
    assert_message(first, "= 20,")
    assert_message(second, "nilai 120,5")


def test_the_same_file_without_the_bad_rows_loads(tmp_path):
    result = load_rows(tmp_path, HEADER, VALID)
    assert_loaded(result, 3)
    assert result.frame["nilai"].tolist() == pytest.approx([85.2, 100.0, 2 / 26757 * 10000])


# Every number of an observation is at most 10^15 (kpi.inputs.numbers.UPPER_BOUNDS), checked before the range: a
# ratio of two huge numbers (1e20 / 1e20 = 100 %) is inside every range and was accepted.
BOUND_CASES = [  # row text, the columns above the bound
    ("2026-10,36.74.01.1003,layanan_daring,100000000000000000000,100000000000000000000,", ["pembilang", "penyebut"]),
    ("2026-10,36.74.01.1003,layanan_daring,3,4,1" + "0" * 300, ["nilai"]),  # nilai of a ratio was dropped unseen
    ("2026-10,36.74.01.1003,layanan_daring,1.000.000.000.000.001,1.000.000.000.000.002,", ["pembilang", "penyebut"]),
]


@pytest.mark.parametrize("row, columns", BOUND_CASES)
def test_a_number_above_the_bound_is_refused_naming_the_bound(tmp_path, row, columns):
    issues = assert_rejected(
        load_rows(tmp_path, HEADER, with_rows(VALID, {4: row})), [("di_luar_rentang", 4, c) for c in columns]
    )
    for issue in issues:
        assert_message(issue, "lebih besar dari batas 1.000.000.000.000.000 (10^15)", "Periksa angkanya")
        assert len(issue.message) < 400


def test_numbers_at_the_bound_load(tmp_path):
    row = "2026-10,36.74.01.1003,layanan_daring,1000000000000000,1000000000000000,"  # 10^15 / 10^15 = 100 %
    result = load_rows(tmp_path, HEADER, [*VALID, row])
    assert_loaded(result, 4)
    assert result.frame["nilai"].tolist()[-1] == 100.0

"""Future periods: a period that has not started on `today` is refused."""

from tests.input_fixtures import HEADER, assert_loaded, assert_message, assert_rejected, load_rows, with_rows

VALID = [
    "Nov 2026,36.74.01.1001,layanan_daring,12,40,",  # the current month has started
    "2026,Kec. Serpong,kepatuhan_ombudsman,,,82.5",  # so has the current year
    "2026-S2,Kel. Perigi,ikm,8520,100,",
]
NEXT_MONTH = "Des 2026,36.74.01.1002,layanan_daring,5,10,"
NEXT_YEAR = "2027,36.74.07,kepatuhan_ombudsman,,,80"


def test_next_month_is_refused(tmp_path):
    [issue] = assert_rejected(
        load_rows(tmp_path, HEADER, with_rows(VALID, {4: NEXT_MONTH})), [("periode_masa_depan", 4, "periode")]
    )
    assert issue.value == "Des 2026"
    assert_message(
        issue, "periode 2026-12 belum dimulai", "hari ini 2026-11-27", "sudah berjalan", "Periksa tahun dan bulannya"
    )


def test_two_future_periods_give_two_issues(tmp_path):
    rows = with_rows(VALID, {2: NEXT_YEAR, 5: NEXT_MONTH})
    first, second = assert_rejected(
        load_rows(tmp_path, HEADER, rows), [("periode_masa_depan", 2, "periode"), ("periode_masa_depan", 5, "periode")]
    )
    assert_message(first, "periode 2027 belum dimulai")
    assert_message(second, "periode 2026-12 belum dimulai")


def test_the_same_file_without_the_bad_rows_loads(tmp_path):
    result = load_rows(tmp_path, HEADER, VALID)
    assert_loaded(result, 3)
    assert result.frame["periode"].tolist() == ["2026-11", "2026", "2026-S2"]

"""Unknown indicator: an id not in the catalogue is reported with the closest id and the full list."""

from tests.input_fixtures import HEADER, assert_loaded, assert_message, assert_rejected, load_rows, with_rows

VALID = [
    "2026-10,36.74.01.1001,layanan_daring,12,40,",
    "2026-10,36.74.01.1002, Layanan_Daring ,30,50,",  # case and spaces around the id are forgiven
    "2025,36.74.01,kepatuhan_ombudsman,,,82.5",
]
TYPO = "2026-10,36.74.01.1003,layanan_darin,5,10,"
OTHER = "2026-10,36.74.01.1004,indeks_kepuasan,5,10,"


def test_unknown_id_is_reported_with_the_closest_id(tmp_path):
    result = load_rows(tmp_path, HEADER, with_rows(VALID, {4: TYPO}))
    [issue] = assert_rejected(result, [("indikator_tidak_dikenal", 4, "indikator")])
    assert issue.value == "layanan_darin"
    assert_message(
        issue,
        "'layanan_darin'",
        "bukan id indikator di katalog",
        "Mungkin maksudnya: layanan_daring",
        "Id yang ada: ikm, ikm_kecamatan, layanan_daring",
        "kepatuhan_ombudsman",
    )


def test_two_unknown_ids_give_two_issues(tmp_path):
    result = load_rows(tmp_path, HEADER, with_rows(VALID, {2: OTHER, 5: TYPO}))
    first, second = assert_rejected(
        result, [("indikator_tidak_dikenal", 2, "indikator"), ("indikator_tidak_dikenal", 5, "indikator")]
    )
    assert_message(first, "'indeks_kepuasan'", "Id yang ada:")
    assert "Mungkin maksudnya" not in first.message  # nothing close: no misleading guess
    assert_message(second, "'layanan_darin'", "layanan_daring")


def test_a_file_where_no_indicator_is_known_reports_every_row(tmp_path):
    rows = ["2026-10,36.74.01.1001,daring,1,2,", "2026-10,36.74.01.1002,daring,1,2,"]
    issues = assert_rejected(
        load_rows(tmp_path, HEADER, rows),
        [("indikator_tidak_dikenal", 2, "indikator"), ("indikator_tidak_dikenal", 3, "indikator")],
    )
    assert_message(issues[0], "'daring'", "Id yang ada:")


def test_the_same_file_without_the_bad_rows_loads(tmp_path):
    result = load_rows(tmp_path, HEADER, VALID)
    assert_loaded(result, 3)
    assert result.frame["indikator"].tolist() == ["layanan_daring", "layanan_daring", "kepatuhan_ombudsman"]

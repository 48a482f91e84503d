"""Unknown wilayah: a code or name not in the register is reported with the closest names; nothing loads."""

from tests.input_fixtures import HEADER_SEMICOLON, assert_loaded, assert_message, assert_rejected, load_rows, with_rows

# Semicolon CSV with decimal commas; wilayah as names, aliases, BPS and Kemendagri codes.
VALID = [
    "Okt 2026;Kel. Perigi;layanan_daring;12;40;",  # alias of Kelurahan Parigi
    "Okt 2026;3674020010;layanan_daring;30;50;",  # BPS code of Kelurahan Ciater
    "2025;Kec. Serpong;kepatuhan_ombudsman;;;82,5",
    "2025;36.74.07;kepatuhan_ombudsman;;;79,25",
]
TYPO = "Okt 2026;Kel. Pondok Arem;layanan_daring;7;20;"
BAD_CODE = "Okt 2026;36.74.03.1099;layanan_daring;3;4;"


def test_unknown_name_is_reported_with_the_closest_name(tmp_path):
    result = load_rows(tmp_path, HEADER_SEMICOLON, with_rows(VALID, {4: TYPO}))
    [issue] = assert_rejected(result, [("wilayah_tidak_dikenal", 4, "kode_wilayah")])
    assert issue.value == "Kel. Pondok Arem"
    assert_message(
        issue,
        "'Kel. Pondok Arem'",
        "bukan kode atau nama wilayah yang dikenal",
        "Maksud Anda Kelurahan Pondok Aren?",
        "Pondok Aren",
        "Contoh kode yang benar: 36.74.03.1005",
    )


def test_two_unknown_wilayah_give_two_issues(tmp_path):
    result = load_rows(tmp_path, HEADER_SEMICOLON, with_rows(VALID, {3: TYPO, 6: BAD_CODE}))
    first, second = assert_rejected(
        result, [("wilayah_tidak_dikenal", 3, "kode_wilayah"), ("wilayah_tidak_dikenal", 6, "kode_wilayah")]
    )
    assert_message(first, "'Kel. Pondok Arem'", "Pondok Aren")
    assert_message(second, "'36.74.03.1099'", "bukan kode atau nama wilayah yang dikenal", "36.74.03.1005")


def test_blank_wilayah_is_reported_as_blank_not_matched_to_a_name(tmp_path):
    result = load_rows(tmp_path, HEADER_SEMICOLON, with_rows(VALID, {4: "Okt 2026;;layanan_daring;3;4;"}))
    [issue] = assert_rejected(result, [("wilayah_kosong", 4, "kode_wilayah")])
    assert_message(issue, "kosong", "36.74.03.1005")
    assert "<NA>" not in issue.message


def test_the_same_file_without_the_bad_rows_loads(tmp_path):
    result = load_rows(tmp_path, HEADER_SEMICOLON, VALID)
    assert_loaded(result, 4)
    assert result.frame["kode_wilayah"].tolist() == ["36.74.03.1008", "36.74.01.1001", "36.74.01", "36.74.07"]
    assert result.frame["nilai"].tolist() == [30.0, 60.0, 82.5, 79.25]

"""Wrong level: an indicator reported for a kelurahan when it is collected per kecamatan, or the reverse."""

from tests.input_fixtures import HEADER_SEMICOLON, assert_loaded, assert_message, assert_rejected, load_rows, with_rows

VALID = [
    "2025;Setu;kepatuhan_ombudsman;;;80",  # 'Setu' is settled as the kecamatan by the indicator
    "2025;3674020;kepatuhan_ombudsman;;;82,5",  # BPS code of Kecamatan Serpong
    "Okt 2026;Kec. Pondok Aren;realisasi_anggaran;1.250.000;2.000.000;",
    "Okt 2026;Kel. Perigi;layanan_daring;12;40;",
]
KELURAHAN_FOR_KECAMATAN = "2025;Kel. Ciater;kepatuhan_ombudsman;;;75"
KECAMATAN_FOR_KELURAHAN = "Okt 2026;36.74.03;layanan_daring;12;40;"


def test_kelurahan_row_for_a_kecamatan_indicator_names_its_kecamatan(tmp_path):
    rows = with_rows(VALID, {4: KELURAHAN_FOR_KECAMATAN})
    [issue] = assert_rejected(load_rows(tmp_path, HEADER_SEMICOLON, rows), [("tingkat_salah", 4, "kode_wilayah")])
    assert issue.value == "Kel. Ciater"
    assert_message(
        issue,
        "'kepatuhan_ombudsman' dilaporkan per kecamatan",
        "Kelurahan Ciater (36.74.01.1001)",
        "Ganti dengan Kecamatan Serpong (36.74.01)",
    )


def test_two_rows_at_the_wrong_level_give_two_issues(tmp_path):
    rows = with_rows(VALID, {3: KECAMATAN_FOR_KELURAHAN, 6: KELURAHAN_FOR_KECAMATAN})
    first, second = assert_rejected(
        load_rows(tmp_path, HEADER_SEMICOLON, rows),
        [("tingkat_salah", 3, "kode_wilayah"), ("tingkat_salah", 6, "kode_wilayah")],
    )
    assert_message(
        first,
        "'layanan_daring' dilaporkan per kelurahan",
        "Kecamatan Pondok Aren (36.74.03)",
        "Isi satu baris untuk setiap kelurahan di Kecamatan Pondok Aren",
        "36.74.03.1001",
    )
    assert_message(second, "dilaporkan per kecamatan", "Kecamatan Serpong (36.74.01)")


def test_the_same_file_without_the_bad_rows_loads(tmp_path):
    result = load_rows(tmp_path, HEADER_SEMICOLON, VALID)
    assert_loaded(result, 4)
    assert result.frame["kode_wilayah"].tolist() == ["36.74.07", "36.74.01", "36.74.03", "36.74.03.1008"]
    assert result.frame["tingkat"].tolist() == ["kecamatan", "kecamatan", "kecamatan", "kelurahan"]

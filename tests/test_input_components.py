"""Component rows of a pooled indicator (ikm.u1 … ikm.u9) in an observation file: accepted when complete and
consistent with the unit's IKM row, refused with the row, the column, the rule and the fix otherwise.

Ciater, 2026-S1, 4 respondents who answered every unsur: sums U1..U6 = 13, U7..U9 = 12 over 4 answers;
NRR 3.25 × 6 + 3 × 3 = 28.5; IKM = 28.5 / 9 × 25 = 79.1667; the unit row: pembilang 79.1667 × 4 = 316.6667, penyebut 4.
The unit row is spreadsheet row 2, ikm.u1 … ikm.u9 are rows 3 … 11.
"""

import pytest

from tests.input_fixtures import HEADER, assert_loaded, assert_message, assert_rejected, load_rows

UNIT = "2026-S1,36.74.01.1001,ikm,316.6667,4,"
PARTS = [f"2026-S1,36.74.01.1001,ikm.u{u},{13 if u <= 6 else 12},4," for u in range(1, 10)]
VALID = [UNIT, *PARTS]


def _replace(rows: list[str], row: int, text: str | None) -> list[str]:
    """The rows with spreadsheet row `row` replaced by `text` (None: removed)."""
    out = list(rows)
    if text is None:
        del out[row - 2]
    else:
        out[row - 2] = text
    return out


def test_a_complete_set_beside_its_unit_row_loads(tmp_path):
    result = load_rows(tmp_path, HEADER, VALID + ["2026-10,36.74.01.1001,layanan_daring,3,4,"])
    assert_loaded(result, 11)
    assert sorted(set(result.frame["indikator"])) == ["ikm", *(f"ikm.u{u}" for u in range(1, 10)), "layanan_daring"]


def test_a_unit_row_without_components_still_loads(tmp_path):
    assert_loaded(load_rows(tmp_path, HEADER, [UNIT]), 1)


@pytest.mark.parametrize(
    "row, text, expected, fragments",
    [
        (  # U9 left out
            11,
            None,
            [("komponen_tidak_lengkap", 3, "indikator")],
            ["tidak lengkap: tidak ada ikm.u9", "memerlukan 9 komponen", "Lengkapi", "tertimbang jumlah responden"],
        ),
        (  # the unit row left out
            2,
            None,
            [("komponen_tanpa_induk", 2, "indikator")],
            ["tidak punya baris 'ikm'", "Tambahkan baris 'ikm'", "pembilang = IKM × jumlah responden"],
        ),
        (  # 26 / 8 keeps NRR 3.25, but 8 answers from 4 respondents
            3,
            "2026-S1,36.74.01.1001,ikm.u1,26,8,",
            [("jawaban_melebihi_responden", 3, "penyebut")],
            ["8 jawaban untuk 'ikm.u1' lebih banyak dari 4 responden", "paling banyak sekali"],
        ),
        (  # the unit row says 85 (340 / 4); its components give 79.1667
            2,
            "2026-S1,36.74.01.1001,ikm,340,4,",
            [("ikm_tidak_cocok", 2, "pembilang")],
            ["IKM unit 85 (pembilang ÷ penyebut) tidak sama dengan 79,1667", "komponen ikm.*"],
        ),
        (  # no answer to U1: the unit has no IKM
            3,
            "2026-S1,36.74.01.1001,ikm.u1,0,0,",
            [("komponen_tanpa_jawaban", 3, "penyebut")],
            ["0 jawaban untuk komponen 'ikm.u1'", "tidak punya IKM", "Hapus baris 'ikm'"],
        ),
    ],
    ids=["incomplete", "without_unit_row", "more_answers_than_respondents", "ikm_differs", "no_answers"],
)
def test_a_broken_set_is_refused_with_the_rule_and_the_fix(tmp_path, row, text, expected, fragments):
    issues = assert_rejected(load_rows(tmp_path, HEADER, _replace(VALID, row, text)), expected)
    assert_message(issues[0], *fragments)


def test_a_mean_score_outside_1_to_4_is_out_of_range(tmp_path):
    # U7: 20 / 4 = 5 > 4; the unit's IKM from the components (83.3333) no longer matches its row either
    rows = _replace(VALID, 9, "2026-S1,36.74.01.1001,ikm.u7,20,4,")
    issues = assert_rejected(
        load_rows(tmp_path, HEADER, rows), [("ikm_tidak_cocok", 2, "pembilang"), ("di_luar_rentang", 9, "pembilang")]
    )
    assert_message(issues[1], "pembilang 20 ÷ penyebut 4 = 5", "rentang sah indikator 'ikm.u7' (1–4)")


def test_a_fractional_count_is_refused(tmp_path):
    # 3.5 answers to U1: not a count (and the IKM from the components no longer matches the unit row)
    rows = _replace(VALID, 3, "2026-S1,36.74.01.1001,ikm.u1,13,3.5,")
    issues = assert_rejected(
        load_rows(tmp_path, HEADER, rows),
        [("ikm_tidak_cocok", 2, "pembilang"), ("komponen_bukan_bilangan_bulat", 3, "penyebut")],
    )
    assert_message(issues[1], "3,5 bukan bilangan bulat", "jumlah jawaban", "keduanya bilangan bulat")


def test_components_at_the_wrong_level_or_of_an_indicator_that_is_not_pooled(tmp_path):
    rows = [UNIT, *PARTS, "2026-S1,36.74.01,ikm.u1,13,4,", "2026-10,36.74.01.1001,layanan_daring.u1,1,2,"]
    issues = assert_rejected(
        load_rows(tmp_path, HEADER, rows),
        [
            ("komponen_tidak_lengkap", 12, "indikator"),
            ("komponen_tanpa_induk", 12, "indikator"),
            ("tingkat_salah", 12, "kode_wilayah"),
            ("indikator_tidak_dikenal", 13, "indikator"),
        ],
    )
    assert_message(issues[2], "indikator 'ikm.u1' dilaporkan per kelurahan")
    assert_message(issues[3], "'layanan_daring.u1' bukan id indikator di katalog")

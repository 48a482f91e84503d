"""Percentages and fractions (kpi/inputs/shares.py): a ratio indicator given as a percentage only gets one message
per indicator that names the counts to report; a 0–1 value of a 0–100 indicator is flagged as a likely fraction."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from kpi.core.catalogue import parse_catalogue
from kpi.core.methods.bands import load_band_sets
from kpi.inputs.observations import load_observations
from kpi.inputs.schema import validate
from tests.conftest import _ind
from tests.input_fixtures import HEADER, TODAY, assert_loaded, assert_rejected, load_rows

NO_COUNTS = "periode,kode_wilayah,indikator,nilai"  # what offices send: the percentage, no counts


def codes(result) -> list[tuple[str, int, str]]:
    return [(i.code, i.row, i.column) for i in result.issues]


# ---------------------------------------------------------------- a percentage only


def test_a_percentage_only_file_gets_one_message_per_indicator_naming_the_counts(tmp_path):
    rows = [
        "2026-10,36.74.01.1001,layanan_daring,75",
        '2026-10,36.74.01.1002,layanan_daring,"62,5%"',  # even as text with a % sign: the same cause
        "2026-10,36.74.01.1003,layanan_daring,80",
        "2026-10,36.74.01.1001,tte,90",
        "2025,36.74.01,kepatuhan_ombudsman,84.25",  # no denominator: nilai is right here
    ]
    # Before: 2 nilai_kosong per ratio row (8) and angka_tidak_terbaca for '62,5%', none naming the counts.
    daring, tte = assert_rejected(
        load_rows(tmp_path, NO_COUNTS, rows),
        [("hanya_persentase", 2, "pembilang"), ("hanya_persentase", 5, "pembilang")],
    )
    assert daring.message.startswith("Kolom 'pembilang' dan 'penyebut' baris 2, 3, 4: indikator 'layanan_daring'")
    for fragment in (
        "pada 3 baris",
        "pembilang ÷ penyebut × 100",
        "Tambahkan kolom 'pembilang' dan 'penyebut' di baris judul",
        "pembilang = Permohonan yang diajukan daring; penyebut = Seluruh permohonan layanan.",
    ):
        assert fragment in daring.message, daring.message
    assert daring.value == "75"
    assert "baris 5: indikator 'tte'" in tte.message and "pada 1 baris" in tte.message
    assert "pembilang = Naskah keluar ber-TTE; penyebut = Seluruh naskah keluar." in tte.message


@pytest.mark.parametrize(
    "row, fragments",
    [
        ("2026-S1,36.74.01.1001,ikm,,,84.5", ("pembilang ÷ penyebut,", "dikali jumlah responden", "Jumlah responden")),
        ("2026-10,36.74.01.1001,aduan_per_10rb,,,1.2", ("pembilang ÷ penyebut × 10.000,", "Jumlah penduduk")),
    ],
    ids=["ikm", "rate"],
)
def test_the_counts_follow_the_catalogue_and_the_columns_present(tmp_path, row, fragments):
    [issue] = assert_rejected(load_rows(tmp_path, HEADER, [row]), [("hanya_persentase", 2, "pembilang")])
    assert "Isi kedua jumlah di setiap baris itu:" in issue.message  # the columns are there, only empty
    assert all(f in issue.message for f in fragments), issue.message


def test_many_rows_are_counted_and_the_first_five_named(tmp_path):
    rows = [f"2026-{m:02d},36.74.01.1001,layanan_daring,,,{50 + m}" for m in range(1, 8)]
    [issue] = assert_rejected(load_rows(tmp_path, HEADER, rows), [("hanya_persentase", 2, "pembilang")])
    assert issue.message.startswith("Kolom 'pembilang' dan 'penyebut' baris 2, 3, 4, 5, 6 dan 2 baris lain: ")
    assert "pada 7 baris" in issue.message


def test_other_missing_counts_keep_their_own_messages(tmp_path):
    """Only pembilang and penyebut both empty beside a filled nilai is 'a percentage only'."""
    rows = [
        "2026-10,36.74.01.1001,layanan_daring,3,,75",  # penyebut missing: a different mistake
        "2026-10,36.74.01.1002,layanan_daring,,,",  # nothing at all
    ]
    assert codes(load_rows(tmp_path, HEADER, rows)) == [
        ("nilai_kosong", 2, "penyebut"),
        ("nilai_kosong", 3, "pembilang"),
        ("nilai_kosong", 3, "penyebut"),
    ]


def test_counts_with_the_percentage_beside_them_load(tmp_path):
    result = load_rows(tmp_path, HEADER, ["2026-10,36.74.01.1001,layanan_daring,3,4,75"])
    assert_loaded(result, 1)
    assert result.frame["nilai"].tolist() == [75.0]  # 3 ÷ 4 × 100


# ---------------------------------------------------------------- likely fractions (the shipped catalogue)

KECAMATAN = ["36.74.01", "36.74.02", "36.74.03", "36.74.04", "36.74.05", "36.74.06", "36.74.07"]


def _scores(values: list[str]) -> list[str]:
    return [f"2025,{k},kepatuhan_ombudsman,,,{v}" for k, v in zip(KECAMATAN, values, strict=False)]


# kepatuhan_ombudsman: range 0–100 points, targets 75–88 (all above 1)
FRACTION_CASES = [  # nilai of the kecamatan, in row order; the rows flagged (empty: the file loads)
    (["0.8425", "0.7", "0.91", "0.66", "0.8", "0.75", "0.88"], [2, 3, 4, 5, 6, 7, 8]),  # every value: 7 of 7
    (["0.8425", "0.7", "84", "0.66", "0.8"], [2, 3, 5, 6]),  # nearly every: 4 of 5 = 80 %
    (["0", "0.55", "0.6"], [3, 4]),  # 0 reads the same either way and is not counted: 2 of 2
    (["0.8425", "70", "0.66", "81", "0.8"], []),  # 3 of 5 = 60 %: not nearly every, kept as given
    (["84.25", "70.5", "91", "66", "80"], []),  # a file of scores
    (["0", "0", "0"], []),  # zeros are zeros
]


@pytest.mark.parametrize("values, flagged", FRACTION_CASES)
def test_scores_between_0_and_1_on_a_0_100_scale_are_likely_fractions(tmp_path, values, flagged):
    result = load_rows(tmp_path, HEADER, _scores(values))
    if not flagged:
        assert_loaded(result, len(values))
        assert result.frame["nilai"].tolist() == [float(v) for v in values]
        return
    [issue] = assert_rejected(result, [("kemungkinan_pecahan", flagged[0], "nilai")])
    positive = sum(float(v) > 0 for v in values)
    assert issue.message.startswith(f"Kolom 'nilai' baris {', '.join(map(str, flagged[:5]))}")
    assert f"{len(flagged)} dari {positive} nilai indikator 'kepatuhan_ombudsman'" in issue.message
    first = values[flagged[0] - 2]
    scaled = f"{float(first) * 100:g}".replace(".", ",")
    assert f"{first.replace('.', ',')} berarti {scaled}" in issue.message
    assert "padahal skalanya 0–100 poin." in issue.message and "Kalikan nilainya dengan 100" in issue.message


def test_an_excel_percent_cell_is_caught(tmp_path):
    """The case from the field: 84,25 % typed into a cell formatted as percent is stored as 0.8425."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    for kode, score in (("36.74.01", 0.8425), ("36.74.02", 0.7150)):
        sheet.append(["2025", kode, "kepatuhan_ombudsman", None, None, score])
        sheet.cell(sheet.max_row, 6).number_format = "0.00%"
    path = tmp_path / "kepatuhan.xlsx"
    book.save(path)
    result = load_observations(path, today=TODAY)
    [issue] = assert_rejected(result, [("kemungkinan_pecahan", 2, "nilai")])
    assert "0,8425 berarti 84,25" in issue.message and "(tulis 84,25, bukan 0,8425)" in issue.message


# ---------------------------------------------------------------- likely fractions (a catalogue made for the rule)


@pytest.fixture(scope="module")
def scales():
    plain = {"rollup": "mean", "type": "index", "factor": 1, "numerator": None, "denominator": None}
    doc = {
        "categories": {"pelayanan_publik": {"id": "Pelayanan publik", "en": "Public service"}},
        "indicators": [
            _ind("skor", **plain, range=[25, 100], targets={2026: 85}, unit={"id": "poin", "en": "points"}),
            _ind("kecil", **plain, range=[0, 100], targets={2026: 0.5}),  # a share whose targets are below 1
            _ind("laju", **plain, range=[0, 1000], targets={2026: 50}),  # not a 0–100 scale
        ],
    }
    return parse_catalogue(doc, load_band_sets())


def _check(rows: list[tuple], catalogue, register):
    frame = pd.DataFrame(rows, columns=HEADER.split(","), dtype=object)
    return validate(frame, catalogue, register, TODAY)


def test_a_fraction_below_a_range_starting_above_1_is_named_as_such(scales, tiny_register):
    # skor is 25–100: 0,85 is invalid anyway, and its hundredfold 85 is valid; 0,2 × 100 = 20 is not, so that row
    # keeps the plain out-of-range message. One flagged value among five is enough here.
    rows = [
        ("2026-10", "36.74.01.1001", "skor", None, None, "80"),
        ("2026-10", "36.74.01.1002", "skor", None, None, "0.85"),
        ("2026-09", "36.74.01.1001", "skor", None, None, "0.2"),
        ("2026-09", "36.74.01.1002", "skor", None, None, "90"),
        ("2026-08", "36.74.01.1001", "skor", None, None, "70"),
    ]
    frame, issues = _check(rows, scales, tiny_register)
    assert frame is None
    assert [(i.code, i.row, i.column) for i in issues] == [
        ("kemungkinan_pecahan", 3, "nilai"),
        ("di_luar_rentang", 4, "nilai"),
    ]
    assert "1 dari 5 nilai indikator 'skor'" in issues[0].message
    assert "skalanya 25–100 poin, dan nilai di bawah 25 tidak sah." in issues[0].message
    assert "0,85 berarti 85" in issues[0].message
    assert "nilai 0,2 di luar rentang sah indikator 'skor' (25–100)" in issues[1].message


@pytest.mark.parametrize("indicator", ["kecil", "laju"])
def test_small_values_stay_where_they_are_plausible(scales, tiny_register, indicator):
    rows = [("2026-10", k, indicator, None, None, "0.4") for k in ["36.74.01.1001", "36.74.01.1002"]]
    frame, issues = _check(rows, scales, tiny_register)
    assert issues == [] and frame["nilai"].tolist() == [0.4, 0.4]

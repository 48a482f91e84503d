"""Tests for kpi.core.methods.ikm: IKM per PermenPANRB 14/2017 and Krejcie-Morgan sample size."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kpi.core.methods.ikm import (
    UNSUR,
    UNSUR_LABELS,
    IkmInputError,
    compute_ikm,
    compute_ikm_by,
    krejcie_morgan,
    sample_adequate,
)

NAN = np.nan

# Hand-worked survey, 5 respondents x 9 unsur (scores 1-4).
#          U1 U2 U3 U4 U5 U6 U7 U8 U9
SURVEY = [
    [4, 4, 4, 4, 4, 4, 4, 3, 4],  # R1
    [4, 3, 3, 4, 4, 4, 4, 3, 3],  # R2
    [3, 4, 3, 4, 3, 4, 4, 3, 4],  # R3
    [4, 3, 3, 3, 3, 4, 4, 3, 3],  # R4
    [3, 4, 3, 4, 4, 3, 4, 3, 2],  # R5
]
# Column sums / 5 respondents = NRR:
#   U1 18/5 = 3.6   U2 18/5 = 3.6   U3 16/5 = 3.2   U4 19/5 = 3.8   U5 18/5 = 3.6
#   U6 19/5 = 3.8   U7 20/5 = 4.0   U8 15/5 = 3.0   U9 16/5 = 3.2
# Sum of NRR = 31.8; IKM (1-4) = 31.8 / 9 = 3.5333...; IKM (25-100) = 3.5333... x 25 = 88.3333...
# Rounded 88.33 >= 88.31 -> mutu A (Sangat baik).
# With truncated weights 0.111: 31.8 x 0.111 = 3.5298; x 25 = 88.245 -> 88.25 -> mutu B. Exact 1/9 matters.
SURVEY_NRR = {"U1": 3.6, "U2": 3.6, "U3": 3.2, "U4": 3.8, "U5": 3.6, "U6": 3.8, "U7": 4.0, "U8": 3.0, "U9": 3.2}
SURVEY_IKM_RAW = 31.8 / 9
SURVEY_IKM = 31.8 / 9 * 25

# Same survey, but R5 skipped U4 (NaN): NRR_U4 = (4 + 4 + 4 + 3) / 4 = 15/4 = 3.75 (not 15/5 = 3.0).
# Sum of NRR = 31.8 - 3.8 + 3.75 = 31.75; IKM (1-4) = 31.75 / 9 = 3.527777...; x 25 = 88.194444...
# Rounded 88.19 < 88.31 -> mutu B (Baik).
SKIPPED = [row[:] for row in SURVEY]
SKIPPED[4][3] = NAN
SKIPPED_IKM = 31.75 / 9 * 25


def _frame(rows: list[list[float]], index: list[object] | None = None) -> pd.DataFrame:
    """Answer table with columns U1..U9."""
    return pd.DataFrame(rows, columns=list(UNSUR), index=index)


def test_unsur_codes_and_labels() -> None:
    assert UNSUR == ("U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9")
    assert UNSUR_LABELS["U1"] == "Persyaratan"
    assert UNSUR_LABELS["U4"] == "Biaya/tarif"
    assert UNSUR_LABELS["U9"] == "Penanganan pengaduan, saran dan masukan"
    assert tuple(UNSUR_LABELS) == UNSUR


def test_hand_worked_five_respondents() -> None:
    result = compute_ikm(_frame(SURVEY))
    assert result.respondents == 5
    assert result.nrr.keys() == SURVEY_NRR.keys()
    for name, expected in SURVEY_NRR.items():
        assert result.nrr[name] == pytest.approx(expected, abs=1e-9)
    assert result.ikm_raw == pytest.approx(3.533333333333, abs=1e-9)
    assert result.ikm == pytest.approx(88.333333333333, abs=1e-9)
    assert result.ikm_rounded == 88.33
    assert result.mutu == "A"
    assert result.kinerja == "A (Sangat baik)"


def test_skipped_unsur_divides_by_its_own_respondents() -> None:
    result = compute_ikm(_frame(SKIPPED))
    assert result.respondents == 5
    assert result.nrr["U4"] == pytest.approx(3.75, abs=1e-9)
    assert result.nrr["U1"] == pytest.approx(3.6, abs=1e-9)
    assert result.ikm_raw == pytest.approx(3.527777777778, abs=1e-9)
    assert result.ikm == pytest.approx(88.194444444444, abs=1e-9)
    assert result.ikm_rounded == 88.19
    assert (result.mutu, result.kinerja) == ("B", "B (Baik)")


def test_exact_weights_differ_from_truncated_weights() -> None:
    result = compute_ikm(_frame(SURVEY))
    truncated = sum(SURVEY_NRR.values()) * 0.111 * 25  # 88.245, the "0.111" shortcut
    assert truncated == pytest.approx(88.245, abs=1e-9)
    assert result.ikm != pytest.approx(truncated, abs=1e-3)
    assert result.ikm - truncated == pytest.approx(88.3333333333 - 88.245, abs=1e-9)
    assert result.ikm == pytest.approx(SURVEY_IKM, abs=1e-12)


@pytest.mark.parametrize(
    ("score", "ikm", "mutu", "kinerja"),
    [
        (1, 25.0, "D", "D (Tidak baik)"),  # NRR 1 everywhere -> 1 x 25
        (2, 50.0, "D", "D (Tidak baik)"),  # 2 x 25
        (3, 75.0, "C", "C (Kurang baik)"),  # 3 x 25, between 65.00 and 76.60
        (4, 100.0, "A", "A (Sangat baik)"),
    ],
)
def test_uniform_answers(score: int, ikm: float, mutu: str, kinerja: str) -> None:
    result = compute_ikm(_frame([[score] * 9] * 3))
    assert result.ikm_raw == pytest.approx(score, abs=1e-9)
    assert result.ikm == pytest.approx(ikm, abs=1e-9)
    assert (result.mutu, result.kinerja) == (mutu, kinerja)


def test_respondent_who_answered_nothing_is_not_counted() -> None:
    result = compute_ikm(_frame([*SURVEY, [NAN] * 9]))
    assert result.respondents == 5
    assert result.ikm == pytest.approx(SURVEY_IKM, abs=1e-9)


def test_inputs_are_not_mutated_and_extra_columns_are_ignored() -> None:
    answers = _frame(SKIPPED).assign(kecamatan="Serpong")
    before = answers.copy()
    compute_ikm(answers)
    compute_ikm_by(answers, ["kecamatan"])
    pd.testing.assert_frame_equal(answers, before)


# --- invalid input ----------------------------------------------------------------------------------------


def _with(column: str, position: int, value: object) -> pd.DataFrame:
    """SURVEY with one cell replaced, indexed r1..r5."""
    frame = _frame(SURVEY, index=["r1", "r2", "r3", "r4", "r5"]).astype(object)
    frame.iloc[position, UNSUR.index(column)] = value
    return frame


@pytest.mark.parametrize(
    ("answers", "fragments"),
    [
        (_with("U3", 2, 5), ("'U3'", "1–4", "baris ke-3", "'r3'", "5")),
        (_with("U7", 0, 0), ("'U7'", "1–4", "baris ke-1", "'r1'")),
        (_with("U1", 4, 2.5), ("'U1'", "1–4", "baris ke-5")),
        (_with("U2", 1, "x"), ("'U2'", "1–4", "baris ke-2", "'x'")),
        (_with("U5", 3, -1), ("'U5'", "1–4", "baris ke-4")),
        (_frame(SURVEY).drop(columns="U9"), ("'U9'", "tidak ada", "1–4")),
        (_frame([]), ("0 baris",)),
        (_frame(SURVEY).assign(U4=NAN), ("'U4'", "tidak dijawab")),
    ],
)
def test_invalid_answers_raise_named_error(answers: pd.DataFrame, fragments: tuple[str, ...]) -> None:
    with pytest.raises(IkmInputError) as caught:
        compute_ikm(answers)
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message
    assert "Aturan:" in message and "Perbaikan:" in message


def test_integer_valued_floats_are_accepted() -> None:
    assert compute_ikm(_frame(SURVEY).astype(float)).ikm == pytest.approx(SURVEY_IKM, abs=1e-12)


# --- per group --------------------------------------------------------------------------------------------


def _grouped_answers() -> pd.DataFrame:
    """Three kecamatan interleaved: Serpong = SURVEY, Ciputat = SKIPPED, Pamulang = three all-3 rows."""
    serpong = _frame(SURVEY).assign(kecamatan="Serpong", tahun=2024)
    ciputat = _frame(SKIPPED).assign(kecamatan="Ciputat", tahun=2024)
    pamulang = _frame([[3] * 9] * 3).assign(kecamatan="Pamulang", tahun=2023)
    combined = pd.concat([serpong, ciputat, pamulang], ignore_index=True)
    return combined.iloc[[0, 5, 10, 1, 6, 11, 2, 7, 12, 3, 8, 4, 9]]


@pytest.mark.parametrize("by", [["kecamatan"], ["kecamatan", "tahun"]])
def test_compute_ikm_by_hand_worked_groups(by: list[str]) -> None:
    result = compute_ikm_by(_grouped_answers(), by)
    assert list(result.columns) == [*by, "responden", *(f"nrr_{u}" for u in UNSUR), "ikm", "mutu"]
    assert result["kecamatan"].tolist() == ["Ciputat", "Pamulang", "Serpong"]
    assert result["responden"].tolist() == [5, 3, 5]
    assert result["ikm"].to_numpy() == pytest.approx([SKIPPED_IKM, 75.0, SURVEY_IKM], abs=1e-9)
    assert result["nrr_U4"].to_numpy() == pytest.approx([3.75, 3.0, 3.8], abs=1e-9)
    assert result["mutu"].tolist() == ["B", "C", "A"]


@pytest.mark.parametrize("by", [["kecamatan"], ["kecamatan", "tahun"]])
def test_compute_ikm_by_equals_compute_ikm_per_group(by: list[str]) -> None:
    answers = _grouped_answers()
    result = compute_ikm_by(answers, by)
    for _, row in result.iterrows():
        single = compute_ikm(answers[answers["kecamatan"] == row["kecamatan"]])
        assert row["responden"] == single.respondents
        assert row["ikm"] == single.ikm
        assert row["mutu"] == single.mutu
        assert [row[f"nrr_{u}"] for u in UNSUR] == [single.nrr[u] for u in UNSUR]


def test_compute_ikm_by_keeps_rows_with_missing_group_key() -> None:
    answers = _frame([*SURVEY, [2] * 9]).assign(kecamatan=["Setu"] * 5 + [None])
    result = compute_ikm_by(answers, ["kecamatan"])
    assert result["responden"].tolist() == [5, 1]
    assert result["ikm"].to_numpy() == pytest.approx([SURVEY_IKM, 50.0], abs=1e-9)
    assert result["kecamatan"].iloc[0] == "Setu" and pd.isna(result["kecamatan"].iloc[1])


@pytest.mark.parametrize(
    ("answers", "by", "fragments"),
    [
        (_frame(SURVEY).assign(kecamatan="Setu"), [], ("'by'",)),
        (_frame(SURVEY).assign(kecamatan="Setu"), ["kelurahan"], ("'kelurahan'", "tidak ada")),
        (
            _frame(SURVEY).assign(kecamatan=["A", "A", "A", "B", "B"], U3=[1, 2, 3, NAN, NAN]),
            ["kecamatan"],
            ("'B'", "'U3'", "tidak dijawab"),
        ),
        (_frame(SURVEY).assign(kecamatan="Setu", U8=[1, 2, 3, 4, 9]), ["kecamatan"], ("'U8'", "1–4", "baris ke-5")),
    ],
)
def test_compute_ikm_by_invalid_input(answers: pd.DataFrame, by: list[str], fragments: tuple[str, ...]) -> None:
    with pytest.raises(IkmInputError) as caught:
        compute_ikm_by(answers, by)
    for fragment in fragments:
        assert fragment in str(caught.value)


# --- Krejcie-Morgan ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("population", "sample"),
    [
        (10, 10),
        (20, 19),
        (30, 28),
        (50, 44),
        (70, 59),
        (100, 80),
        (150, 108),
        (200, 132),
        (220, 140),
        (300, 169),
        (500, 217),
        (1000, 278),
        (1200, 291),
        (2000, 322),
        (2800, 338),
        (5000, 357),
        (10000, 370),
        (1000000, 384),
    ],
)
def test_krejcie_morgan_table(population: int, sample: int) -> None:
    assert krejcie_morgan(population) == sample


@pytest.mark.parametrize(
    ("population", "sample"),
    [
        (0, 0),
        (1, 1),  # 0.96025 / 0.96025
        (100000, 383),  # formula 382.63; printed tables quote 384 -- we keep the formula (documented)
        (10**12, 384),  # limit 3.841 x 0.25 / 0.0025 = 384.1 -> 384
    ],
)
def test_krejcie_morgan_edges(population: int, sample: int) -> None:
    assert krejcie_morgan(population) == sample


@pytest.mark.parametrize("population", [-1, 10.5, True, "100"])
def test_krejcie_morgan_rejects_bad_population(population: object) -> None:
    with pytest.raises(IkmInputError, match="population"):
        krejcie_morgan(population)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("respondents", "service_users", "adequate"),
    [(80, 100, True), (79, 100, False), (140, 220, True), (139, 220, False), (384, 10**6, True), (383, 10**6, False)],
)
def test_sample_adequate(respondents: int, service_users: int, adequate: bool) -> None:
    assert sample_adequate(respondents, service_users) is adequate

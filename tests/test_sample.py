"""Tests of the synthetic sample generator (kpi/sample/generate.py) and the committed files it wrote."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kpi.core import periods
from kpi.core.catalogue import load_catalogue
from kpi.core.methods.ikm import compute_ikm, compute_ikm_by
from kpi.core.wilayah import load_register
from kpi.inputs.observations import load_observations
from kpi.sample.generate import FIRST, LAST, SEED, generate, sample_population, write_sample

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "data" / "sample"
EXPECTED_PERIODS = {
    "month": periods.period_range("2021-01", "2026-10"),
    "semester": periods.period_range("2021-S1", "2026-S1"),
    "year": periods.period_range("2021", "2025"),
}
LEBARAN_MONTHS = ("2021-05", "2022-05", "2023-04", "2024-04", "2025-03", "2026-03")
KELURAHAN_MONTHLY = (
    "layanan_daring",
    "selesai_tepat_waktu",
    "waktu_penyelesaian",
    "aduan_tindak_lanjut",
    "aduan_per_10rb",
    "tte",
    "epresensi",
)


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return generate()


@pytest.fixture(scope="module")
def obs(frames) -> pd.DataFrame:
    return frames["observasi"]


def _rows(obs: pd.DataFrame, indicator: str) -> pd.DataFrame:
    return obs[obs["indikator"] == indicator]


def test_api_constants():
    assert (SEED, FIRST, LAST) == (20261127, "2021-01", "2026-10")


@pytest.mark.parametrize(
    "name",
    ["observasi.csv", "penduduk_sampel.csv", "permohonan.parquet", "aduan.parquet", "survei.parquet", "README.md"],
)
def test_regenerated_files_are_byte_identical_to_committed(frames, tmp_path, name):
    write_sample(frames, tmp_path)
    assert (tmp_path / name).read_bytes() == (SAMPLE_DIR / name).read_bytes(), f"run `python -m kpi.sample` ({name})"


def test_generate_is_deterministic_and_seed_matters(frames):
    again = generate()
    assert set(frames) == {"observasi", "penduduk", "permohonan", "aduan", "survei"}
    for key in frames:
        pd.testing.assert_frame_equal(frames[key], again[key])
    other = generate(seed=SEED + 1)["observasi"]
    assert not np.array_equal(other["pembilang"].to_numpy(), frames["observasi"]["pembilang"].to_numpy())


def test_columns_order_and_round_trip(obs):
    assert list(obs.columns) == ["periode", "kode_wilayah", "indikator", "pembilang", "penyebut", "nilai"]
    assert obs.equals(obs.sort_values(["indikator", "kode_wilayah", "periode"], ignore_index=True))
    assert not obs.duplicated(["periode", "kode_wilayah", "indikator"]).any()
    text = pd.read_csv(SAMPLE_DIR / "observasi.csv", dtype=dict.fromkeys(("periode", "kode_wilayah", "indikator"), str))
    pd.testing.assert_frame_equal(text, obs, check_dtype=False)
    assert ".0," not in (SAMPLE_DIR / "observasi.csv").read_text(encoding="utf-8")


def test_every_indicator_only_at_its_level_and_frequency(obs):
    catalogue, register = load_catalogue(), load_register()
    assert set(obs["indikator"]) == set(catalogue.observed)  # the indicators and the IKM components ikm.u1 …
    assert set(catalogue.components) == {f"{i}.u{u}" for i in ("ikm", "ikm_kecamatan") for u in range(1, 10)}
    for ind in catalogue.indicators:
        rows = _rows(obs, ind.id)
        units = {u.kode for u in register.level(ind.level)}
        assert set(rows["kode_wilayah"]) == units, ind.id
        assert set(rows["periode"]) == set(EXPECTED_PERIODS[ind.frequency]), ind.id
        if ind.id not in KELURAHAN_MONTHLY:
            assert len(rows) == len(units) * len(EXPECTED_PERIODS[ind.frequency]), ind.id


@pytest.mark.parametrize(
    "indicator, filled, empty",
    [
        ("layanan_daring", ("pembilang", "penyebut"), ("nilai",)),
        ("ikm", ("pembilang", "penyebut"), ("nilai",)),
        ("realisasi_anggaran", ("pembilang", "penyebut"), ("nilai",)),
        ("kepatuhan_ombudsman", ("nilai",), ("pembilang", "penyebut")),
    ],
)
def test_ratio_rows_fill_numerator_and_denominator_mean_rows_fill_value(obs, indicator, filled, empty):
    rows = _rows(obs, indicator)
    assert rows[list(filled)].notna().all().all() and rows[list(empty)].isna().all().all()


def test_lebaran_month_dips_below_the_two_months_before(obs):
    city = _rows(obs, "layanan_daring").groupby("periode")["penyebut"].sum()
    for month in LEBARAN_MONTHS:
        before = city[[periods.shift(month, -2), periods.shift(month, -1)]].mean()
        assert city[month] < 0.8 * before, month
        assert city[month] < city[periods.shift(month, 1)] < before * 1.02, month


def test_online_share_rises_in_every_kecamatan_and_they_differ(obs):
    rows = _rows(obs, "layanan_daring")
    sums = rows.groupby([rows["kode_wilayah"].str[:8], rows["periode"].str[:4]])[["pembilang", "penyebut"]].sum()
    share = (sums["pembilang"] / sums["penyebut"] * 100).unstack()
    assert (share["2026"] > share["2021"] + 30).all()
    assert share["2021"].between(8, 22).all() and share["2026"].between(55, 90).all()
    assert share["2026"].max() - share["2026"].min() > 10
    assert share["2026"].idxmin() == "36.74.07"  # Setu lags


def _semester(tanggal: pd.Series) -> pd.Series:
    return tanggal.dt.year.astype(str) + np.where(tanggal.dt.month <= 6, "-S1", "-S2")


@pytest.mark.parametrize(
    "indicator, unit, semester",
    [
        ("ikm", "36.74.01.1001", "2021-S1"),
        ("ikm", "36.74.03.1005", "2023-S2"),
        ("ikm", "36.74.07.1006", "2026-S1"),
        ("ikm_kecamatan", "36.74.04", "2024-S2"),
    ],
)
def test_ikm_rows_equal_the_official_method_on_the_raw_answers(frames, indicator, unit, semester):
    answers = frames["survei"]
    subset = answers[(answers["kode_unit"] == unit) & (_semester(answers["tanggal"]) == semester)]
    official = compute_ikm_by(subset.assign(periode=semester), ["kode_unit", "periode"]).iloc[0]
    row = _rows(frames["observasi"], indicator).set_index(["kode_wilayah", "periode"]).loc[(unit, semester)]
    assert row["penyebut"] == official["responden"] == len(subset) >= 20
    assert row["pembilang"] / row["penyebut"] == pytest.approx(official["ikm"], abs=1e-4)
    assert compute_ikm(subset[[f"U{i}" for i in range(1, 10)]]).ikm == pytest.approx(official["ikm"], abs=1e-9)


def test_ikm_answers_and_grades(frames):
    answers = frames["survei"]
    assert list(answers.columns) == ["id_responden", "kode_unit", "tanggal", *(f"U{i}" for i in range(1, 10))]
    scores = answers[[f"U{i}" for i in range(1, 10)]]
    assert scores.stack().dropna().isin([1, 2, 3, 4]).all() and 0 < scores.isna().to_numpy().mean() < 0.03
    rows = _rows(frames["observasi"], "ikm")
    ikm = rows["pembilang"] / rows["penyebut"]
    assert ikm.between(76.61, 92).mean() > 0.9 and ikm.min() > 65
    per_semester = ikm.groupby(rows["periode"]).mean()
    assert per_semester["2026-S1"] > per_semester["2021-S1"] + 4
    kecamatan = _rows(frames["observasi"], "ikm_kecamatan")
    kecamatan_ikm = kecamatan["pembilang"] / kecamatan["penyebut"]
    assert (kecamatan["penyebut"] >= 100).all() and kecamatan_ikm.between(70, 95).all()


def test_some_kelurahan_months_missing_but_none_in_the_last_month(obs):
    expected = 54 * len(EXPECTED_PERIODS["month"])
    counts = obs.groupby("indikator").size()
    for indicator in ("layanan_daring", "tte", "epresensi"):  # a missing register month has no row
        assert 0 < expected - counts[indicator] < 0.01 * expected, indicator
    assert counts["aduan_per_10rb"] == expected  # complaints: no missing months, zero-filled
    last = obs[obs["periode"] == LAST].groupby("indikator").size()
    assert all(last[i] == 54 for i in ("layanan_daring", "tte", "epresensi", "aduan_per_10rb"))
    assert (_rows(obs, "realisasi_anggaran").groupby("periode").size() == 7).all()


def test_values_obey_the_catalogue(obs):
    catalogue = load_catalogue()
    for ind in catalogue.indicators:
        rows = _rows(obs, ind.id)
        numbers = rows[["pembilang", "penyebut", "nilai"]]
        assert (numbers.fillna(0) >= 0).all().all(), ind.id
        if ind.type == "percent":
            assert (rows["pembilang"] <= rows["penyebut"]).all(), ind.id
        value = rows["nilai"] if not ind.has_denominator else rows["pembilang"] / rows["penyebut"] * ind.factor
        assert value.dropna().between(*ind.range).all(), ind.id


def test_outliers_stay_within_range(obs):
    rows = _rows(obs, "waktu_penyelesaian")
    days = rows["pembilang"] / rows["penyebut"]
    assert 20 < days.max() <= 60 and (days > 20).sum() == 1  # the backlog month
    assert days.median() < 5
    complaints = _rows(obs, "aduan_per_10rb")
    rate = complaints["pembilang"] / complaints["penyebut"] * 10_000
    assert rate.max() > 10 and (rate > 10).sum() == 1  # the complaint surge


def test_committed_sample_passes_the_observation_validator():
    result = load_observations(SAMPLE_DIR / "observasi.csv", today=dt.date(2026, 11, 27))
    assert result.ok, [i.message for i in result.issues[:5]]


def test_stocks_budget_and_berakhlak_are_consistent(frames):
    obs, pop = frames["observasi"], frames["penduduk"]
    aduan = _rows(obs, "aduan_per_10rb").assign(tahun=lambda f: f["periode"].str[:4].astype(int))
    merged = aduan.merge(pop, on=["kode_wilayah", "tahun"], validate="many_to_one")
    assert (merged["penyebut"] == merged["penduduk"]).all()
    budget = _rows(obs, "realisasi_anggaran").assign(tahun=lambda f: f["periode"].str[:4])
    by_year = budget.groupby(["kode_wilayah", "tahun"])
    assert (by_year["penyebut"].nunique() == 1).all()
    assert by_year["pembilang"].apply(lambda s: s.is_monotonic_increasing).all()
    december = budget[budget["periode"].str.endswith("-12")]
    assert (december["pembilang"] / december["penyebut"]).between(0.88, 0.97).all()
    overall = _rows(obs, "berakhlak").set_index(["kode_wilayah", "periode"])
    subs = obs[obs["indikator"].str.startswith("berakhlak_")].groupby(["kode_wilayah", "periode"])
    assert np.allclose(overall["pembilang"], subs["pembilang"].mean().loc[overall.index], atol=1e-4)
    assert (subs["penyebut"].nunique() == 1).all() and (overall["penyebut"] == subs["penyebut"].first()).all()


def test_sample_population_follows_the_sourced_totals():
    pop = sample_population(load_register())
    assert list(pop.columns) == ["kode_wilayah", "tahun", "penduduk"] and len(pop) == 54 * 6
    y2023 = pop[pop["tahun"] == 2023]
    assert y2023["penduduk"].sum() == 1_404_785
    kec = y2023.groupby(y2023["kode_wilayah"].str[:8])["penduduk"].sum()
    assert kec.to_dict() == {
        "36.74.01": 163_451,
        "36.74.02": 131_123,
        "36.74.03": 295_812,
        "36.74.04": 222_186,
        "36.74.05": 169_555,
        "36.74.06": 324_059,
        "36.74.07": 98_599,
    }
    ciater = pop[pop["kode_wilayah"] == "36.74.01.1001"].set_index("tahun")["penduduk"]
    assert ciater[2023] == 27_403  # round(163451 * 26608 / 158711)
    assert ciater[2024] == 27_732 and ciater[2022] == 27_078  # ± 1.2 % a year

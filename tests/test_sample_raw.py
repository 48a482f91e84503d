"""Tests of the raw records of the synthetic sample (kpi/sample/raw.py) and the shipped Parquet files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kpi.core.pooling import family
from kpi.core.wilayah import load_register
from kpi.core.workdays import Calendar
from kpi.engine import compute
from kpi.inputs.records import load_records
from kpi.sample import parts as sample_parts
from kpi.sample.generate import MISSING_SOURCES, RAW_DERIVED, SEED, _context, generate, sample_population
from kpi.sample.raw import records

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "data" / "sample"
AS_OF = pd.Timestamp("2026-11-01")
LEBARAN_MONTHS = ("2021-05", "2022-05", "2023-04", "2024-04", "2025-03", "2026-03")
U = [f"U{i}" for i in range(1, 10)]
CONTRACT = {
    "permohonan": {
        "id_permohonan": "str",
        "kode_wilayah": "str",
        "jenis_layanan": "str",
        "kanal": "str",
        "diajukan": "datetime64[us]",
        "selesai": "datetime64[us]",
        "status": "str",
        "sop_hari_kerja": "int64",
    },
    "aduan": {
        "id_aduan": "str",
        "kode_wilayah": "str",
        "kanal": "str",
        "kategori": "str",
        "diterima": "datetime64[us]",
        "tindak_lanjut": "datetime64[us]",
        "selesai": "datetime64[us]",
    },
    "survei": {"id_responden": "str", "kode_unit": "str", "tanggal": "datetime64[us]", **dict.fromkeys(U, "Int64")},
}
# kind: (id column, id prefix, time column the ids follow)
IDS = {
    "permohonan": ("id_permohonan", "CONTOH-P-", "diajukan"),
    "aduan": ("id_aduan", "CONTOH-A-", "diterima"),
    "survei": ("id_responden", "CONTOH-R-", "tanggal"),
}


def _records(seed: int) -> dict[str, pd.DataFrame]:
    """The raw frames alone, built as kpi.sample.generate.generate builds them."""
    register = load_register()
    ctx = _context(seed, register, sample_population(register))
    missing = sample_parts.missing(ctx, MISSING_SOURCES)["register_layanan"]
    return records(ctx, Calendar.default(), missing)


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return generate()


@pytest.fixture(scope="module")
def calendar() -> Calendar:
    return Calendar.default()


@pytest.fixture(scope="module")
def done(frames, calendar) -> pd.DataFrame:
    """Completed requests with their working days and on-time flag."""
    rows = frames["permohonan"][frames["permohonan"]["status"] == "selesai"]
    days = calendar.between(rows["diajukan"].to_numpy(), rows["selesai"].to_numpy())
    return rows.assign(hari=days, tepat=days <= rows["sop_hari_kerja"].to_numpy())


def test_same_seed_same_records_other_seed_differs(frames):
    again, other = _records(SEED), _records(SEED + 1)
    for kind in CONTRACT:
        pd.testing.assert_frame_equal(frames[kind], again[kind])
        assert not other[kind].equals(frames[kind]), kind


@pytest.mark.parametrize("kind", CONTRACT)
def test_columns_and_dtypes_follow_the_contract(frames, kind):
    frame = frames[kind]
    assert {c: str(t) for c, t in frame.dtypes.items()} == CONTRACT[kind]
    assert frame.index.equals(pd.RangeIndex(len(frame)))


@pytest.mark.parametrize("kind", CONTRACT)
def test_ids_are_unique_prefixed_and_in_time_order(frames, kind):
    column, prefix, time = IDS[kind]
    ids = frames[kind][column]
    assert ids.is_unique and ids.str.fullmatch(prefix + r"\d{7}").all()
    assert ids.iloc[0] == prefix + "0000001" and ids.is_monotonic_increasing
    assert frames[kind][time].is_monotonic_increasing


def test_requests_obey_the_contract_rules(frames, calendar):
    p = frames["permohonan"]
    kelurahan = {u.kode for u in load_register().level("kelurahan")}
    assert set(p["kode_wilayah"]) == kelurahan and set(p["kanal"]) == {"daring", "luring", "mpp"}
    assert set(p["status"]) == {"selesai", "proses", "ditolak"} and (p["sop_hari_kerja"] >= 1).all()
    assert ((p["status"] == "proses") == p["selesai"].isna()).all()
    assert (p["selesai"].dropna() >= p["diajukan"][p["selesai"].notna()]).all()
    assert p["selesai"].max() < AS_OF and p["diajukan"].max() < AS_OF
    assert calendar.is_workday(p["selesai"].dropna().to_numpy()).all()  # completions on working days only
    sop = p.groupby("jenis_layanan")["sop_hari_kerja"].agg(["min", "max"])
    assert (sop["min"] == sop["max"]).all() and len(sop) >= 10
    assert sop.loc[
        [
            "Surat Pengantar KTP-el",
            "Surat Keterangan Domisili",
            "Surat Keterangan Usaha",
            "Surat Keterangan Ahli Waris",
        ],
        "min",
    ].tolist() == [1, 1, 2, 5]


def test_offline_requests_in_office_hours_online_also_evenings_and_weekends(frames, calendar):
    p = frames["permohonan"]
    offline, online = p[p["kanal"] != "daring"], p[p["kanal"] == "daring"]
    assert calendar.is_workday(offline["diajukan"].to_numpy()).all()
    assert offline["diajukan"].dt.hour.between(8, 14).all()
    off_hours = ~calendar.is_workday(online["diajukan"].to_numpy()) | ~online["diajukan"].dt.hour.between(8, 14)
    assert 0.2 < off_hours.mean() < 0.4


def test_rejected_and_open_requests(frames):
    p = frames["permohonan"]
    share = p["status"].value_counts(normalize=True)
    assert 0.01 < share["ditolak"] < 0.02 and share["proses"] < 0.005
    open_ = p[p["status"] == "proses"]
    assert open_["diajukan"].min() >= pd.Timestamp("2026-09-01")
    assert (open_["diajukan"] >= pd.Timestamp("2026-10-01")).mean() > 0.9


def test_city_online_share_rises(frames):
    p = frames["permohonan"]
    share = (p["kanal"] == "daring").groupby(p["diajukan"].dt.year).mean()
    assert share[2021] < 0.25 and share[2026] > 0.60 and share.is_monotonic_increasing
    assert 0.02 < (p["kanal"] == "mpp").mean() < 0.10


def test_lebaran_month_has_fewer_requests_than_its_neighbours(frames):
    volume = frames["permohonan"].groupby(frames["permohonan"]["diajukan"].dt.strftime("%Y-%m")).size()
    for month in LEBARAN_MONTHS:
        position = volume.index.get_loc(month)
        assert volume.iloc[position] < 0.8 * volume.iloc[position - 1], month
        assert volume.iloc[position] < 0.8 * volume.iloc[position + 1], month


def test_on_time_share_rises_and_completion_time_falls(done):
    year = done.groupby(done["selesai"].dt.year)[["tepat", "hari"]].mean()
    assert year["tepat"][2021] < 0.85 < 0.92 < year["tepat"][2026] and year["tepat"].is_monotonic_increasing
    assert year["hari"][2021] > 3 > 2 > year["hari"][2026]


def test_one_backlog_month_with_very_long_completion_times(done):
    cell = done.groupby(["kode_wilayah", done["selesai"].dt.strftime("%Y-%m")])["hari"].agg(["mean", "size"])
    slow = cell[cell["mean"] > 20]
    assert len(slow) == 1 and slow["size"].iloc[0] > 50 and slow["mean"].iloc[0] <= 60


def test_complaints_obey_the_rules_and_follow_up_improves(frames, calendar):
    a = frames["aduan"]
    assert set(a["kanal"]) == {"SP4N-LAPOR!", "SIARAN", "WhatsApp", "Datang langsung", "Media sosial"}
    assert a["kategori"].nunique() >= 6
    followed, resolved = a["tindak_lanjut"].notna(), a["selesai"].notna()
    assert (a["tindak_lanjut"][followed] >= a["diterima"][followed]).all()
    assert (a["selesai"][resolved] >= a["tindak_lanjut"][resolved]).all() and not (resolved & ~followed).any()
    assert 0.9 < resolved.mean() < 0.99 and a[["tindak_lanjut", "selesai"]].max().max() < AS_OF
    days = calendar.between(a["diterima"].to_numpy(), a["tindak_lanjut"].to_numpy())
    quick = pd.Series((days >= 0) & (days <= 3)).groupby(a["diterima"].dt.year.to_numpy()).mean()
    assert quick[2021] < 0.85 and quick[2026] > 0.9


def test_one_complaint_surge(frames):
    a = frames["aduan"]
    counts = a.groupby(["kode_wilayah", a["diterima"].dt.strftime("%Y-%m")]).size()
    typical = counts.groupby(level=0).median()
    ratio = counts / typical.reindex(counts.index.get_level_values(0)).to_numpy()
    assert (ratio > 5).sum() == 1
    surge = a.set_index(["kode_wilayah", a["diterima"].dt.strftime("%Y-%m")]).loc[ratio.idxmax()]
    assert (surge["kategori"] == "Banjir dan genangan").mean() > 0.8


def test_survey_covers_every_office_and_semester(frames):
    s = frames["survei"]
    register = load_register()
    semester = s["tanggal"].dt.year.astype(str) + np.where(s["tanggal"].dt.month <= 6, "-S1", "-S2")
    units = s.groupby([s["kode_unit"], semester]).size()
    kecamatan = {u.kode for u in register.level("kecamatan")}
    assert set(units.index.get_level_values(0)) == kecamatan | {u.kode for u in register.level("kelurahan")}
    assert len(units) == (7 + 54) * 11 and units.min() >= 20
    assert (s["tanggal"] == s["tanggal"].dt.normalize()).all() and s["tanggal"].max() < pd.Timestamp("2026-07-01")
    assert s[U].notna().any(axis=1).all() and s[U].stack().dropna().between(1, 4).all()


def test_ikm_kecamatan_rows_for_all_seven_kecamatan(frames):
    obs = frames["observasi"]
    rows = obs[obs["indikator"] == "ikm_kecamatan"]
    assert sorted(rows["kode_wilayah"].unique()) == [f"36.74.0{i}" for i in range(1, 8)]
    assert len(rows) == 7 * 11 and rows["nilai"].isna().all()


def test_engine_on_the_shipped_raw_files_gives_the_shipped_observations():
    raw = {kind: pd.read_parquet(SAMPLE_DIR / f"{kind}.parquet") for kind in CONTRACT}
    population = pd.read_csv(SAMPLE_DIR / "penduduk_sampel.csv", dtype={"kode_wilayah": str})
    computed = compute(raw, population=population)
    keys = dict.fromkeys(("periode", "kode_wilayah", "indikator"), str)
    shipped = pd.read_csv(SAMPLE_DIR / "observasi.csv", dtype=keys)
    shipped = shipped[family(shipped["indikator"]).isin(RAW_DERIVED)].reset_index(drop=True)
    assert set(family(computed["indikator"])) == set(RAW_DERIVED)
    pd.testing.assert_frame_equal(computed.reset_index(drop=True), shipped, check_dtype=False, check_exact=True)


def test_shipped_raw_files_read_back_as_generated_and_stay_small(frames):
    for kind in CONTRACT:
        pd.testing.assert_frame_equal(pd.read_parquet(SAMPLE_DIR / f"{kind}.parquet"), frames[kind])
    assert sum((SAMPLE_DIR / f"{kind}.parquet").stat().st_size for kind in CONTRACT) < 8_000_000


@pytest.mark.parametrize("kind", CONTRACT)
def test_shipped_raw_files_pass_the_records_validator(frames, kind):
    result = load_records(SAMPLE_DIR / f"{kind}.parquet", kind, today=dt.date(2026, 11, 27))
    assert result.issues == [] and result.frame is not None
    pd.testing.assert_frame_equal(result.frame.drop(columns="_baris"), frames[kind])

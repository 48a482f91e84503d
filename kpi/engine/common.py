"""What both KPI engines share: the integer aggregates they hand over and the final arithmetic and assembly.

An engine (kpi/engine/sql.py on DuckDB, kpi/engine/reference.py on pandas) only counts and sums integers per period
ordinal and wilayah code into `Aggregates`; everything after that — IKM from sums and counts, zero-filling
and population look-up of the complaint rate, period labels, dtypes and order — happens here, once, so the
two engines return identical frames, not merely close ones.

Period ordinals: month = year * 12 + month - 1, semester = year * 2 + semester - 1.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kpi.core.methods.ikm import UNSUR, ikm_from_sums
from kpi.core.observations import DTYPES as OBS_DTYPES
from kpi.core.wilayah import Register, load_register
from kpi.core.workdays import Calendar

FOLLOW_UP_DAYS = 3  # aduan_tindak_lanjut: first follow-up within this many working days
REQUESTS = ("bulan", "kode_wilayah", "semua", "daring")
COMPLETED = ("bulan", "kode_wilayah", "selesai", "tepat_waktu", "hari_kerja")
COMPLAINTS = ("bulan", "kode_wilayah", "diterima", "dinilai", "ditindaklanjuti")
SURVEY = ("semester", "kode_unit", "responden", *(f"jumlah_{u}" for u in UNSUR), *(f"isian_{u}" for u in UNSUR))


@dataclass(frozen=True)
class Aggregates:
    """Integer aggregates of the raw records (columns as REQUESTS … SURVEY); None where the kind is absent."""

    requests: pd.DataFrame | None = None
    completed: pd.DataFrame | None = None
    complaints: pd.DataFrame | None = None
    survey: pd.DataFrame | None = None


def kinds(records: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The record kinds the engines know, as given (other keys are ignored)."""
    return {kind: frame for kind, frame in records.items() if kind in ("permohonan", "aduan", "survei")}


def default_calendar(calendar: Calendar | None) -> Calendar:
    """The calendar passed, or the configured default."""
    return calendar if calendar is not None else Calendar.default()


def _labels(ordinal: pd.Series, label: Callable[[int], str]) -> pd.Series:
    """Period ordinals → labels, formatting each distinct ordinal once."""
    values = ordinal.to_numpy(dtype="int64")
    distinct, positions = np.unique(values, return_inverse=True)
    labels = np.array([label(int(o)) for o in distinct], dtype=object)
    return pd.Series(labels[positions], index=ordinal.index, dtype="str")


def month_labels(ordinal: pd.Series) -> pd.Series:
    """Month ordinals → canonical labels '2026-10'."""
    return _labels(ordinal, lambda o: f"{o // 12}-{o % 12 + 1:02d}")


def semester_labels(ordinal: pd.Series) -> pd.Series:
    """Semester ordinals → canonical labels '2026-S1'."""
    return _labels(ordinal, lambda o: f"{o // 2}-S{o % 2 + 1}")


def _rows(indikator: str, periode: pd.Series, kode: pd.Series, pembilang: object, penyebut: object) -> pd.DataFrame:
    """Observation rows of one indicator (nilai NaN: every engine indicator is a ratio)."""
    return pd.DataFrame(
        {
            "periode": periode.to_numpy(),
            "kode_wilayah": kode.astype("str").to_numpy(),
            "indikator": indikator,
            "pembilang": np.asarray(pembilang, dtype="float64"),
            "penyebut": np.asarray(penyebut, dtype="float64"),
            "nilai": np.nan,
        }
    )


def _requests(requests: pd.DataFrame, completed: pd.DataFrame) -> list[pd.DataFrame]:
    """layanan_daring, selesai_tepat_waktu and waktu_penyelesaian."""
    period, done = month_labels(requests["bulan"]), month_labels(completed["bulan"])
    return [
        _rows("layanan_daring", period, requests["kode_wilayah"], requests["daring"], requests["semua"]),
        _rows("selesai_tepat_waktu", done, completed["kode_wilayah"], completed["tepat_waktu"], completed["selesai"]),
        _rows("waktu_penyelesaian", done, completed["kode_wilayah"], completed["hari_kerja"], completed["selesai"]),
    ]


def _population_of(grid: pd.DataFrame, population: pd.DataFrame) -> pd.Series:
    """Population of each grid row's kelurahan: latest year <= the period's year, else the earliest later year."""
    table = population.assign(
        kode_wilayah=population["kode_wilayah"].astype("str"),
        tahun=population["tahun"].astype("int64"),
        penduduk=population["penduduk"].astype("float64"),
    )
    table = table.dropna(subset="penduduk").sort_values("tahun")[["kode_wilayah", "tahun", "penduduk"]]
    left = grid[["kode_wilayah", "tahun"]].reset_index().sort_values("tahun")
    found = [
        pd.merge_asof(left, table, on="tahun", by="kode_wilayah", direction=d).set_index("index")["penduduk"]
        for d in ("backward", "forward")
    ]
    return found[0].fillna(found[1]).reindex(grid.index)


def _complaints(complaints: pd.DataFrame, population: pd.DataFrame | None, register: Register) -> list[pd.DataFrame]:
    """aduan_tindak_lanjut, and aduan_per_10rb zero-filled over register kelurahan × months (needs population).

    aduan_tindak_lanjut divides by the complaints that can be judged ('dinilai'): those followed up, and those
    whose FOLLOW_UP_DAYS working days have run out by the as-of day (the latest timestamp in the complaint
    records). A complaint received in the last days of the data and not yet followed up is open, not late.
    """
    judged = complaints[complaints["dinilai"] > 0]
    parts = [
        _rows(
            "aduan_tindak_lanjut",
            month_labels(judged["bulan"]),
            judged["kode_wilayah"],
            judged["ditindaklanjuti"],
            judged["dinilai"],
        )
    ]
    if population is None or complaints.empty:
        return parts
    counts = complaints.assign(kode_wilayah=complaints["kode_wilayah"].astype("str"))
    codes = sorted({u.kode for u in register.level("kelurahan")} | set(counts["kode_wilayah"]))
    months = np.arange(counts["bulan"].min(), counts["bulan"].max() + 1)
    grid = pd.MultiIndex.from_product([months, codes], names=["bulan", "kode_wilayah"]).to_frame(index=False)
    grid = grid.merge(
        counts[["bulan", "kode_wilayah", "diterima"]], how="left", on=["bulan", "kode_wilayah"], validate="one_to_one"
    )
    grid["tahun"] = grid["bulan"] // 12
    grid["penduduk"] = _population_of(grid, population)
    grid = grid.dropna(subset="penduduk")
    parts.append(
        _rows(
            "aduan_per_10rb",
            month_labels(grid["bulan"]),
            grid["kode_wilayah"],
            grid["diterima"].fillna(0),
            grid["penduduk"],
        )
    )
    return parts


def _survey(survey: pd.DataFrame, register: Register) -> list[pd.DataFrame]:
    """ikm (kelurahan offices) and ikm_kecamatan (kecamatan offices); units with an unanswered unsur get no row."""
    sums = survey[[f"jumlah_{u}" for u in UNSUR]].to_numpy(dtype="int64")
    counts = survey[[f"isian_{u}" for u in UNSUR]].to_numpy(dtype="int64")
    respondents = survey["responden"].to_numpy(dtype="int64")
    pembilang = np.round(ikm_from_sums(sums, counts) * respondents, 4)
    units = survey["kode_unit"].astype("str")
    level = units.map({u.kode: u.tingkat for u in register.units})
    period = semester_labels(survey["semester"])
    parts = []
    for name, tingkat in (("ikm", "kelurahan"), ("ikm_kecamatan", "kecamatan")):
        keep = (level == tingkat).to_numpy() & ~np.isnan(pembilang)
        parts.append(_rows(name, period[keep], units[keep], pembilang[keep], respondents[keep]))
    return parts


def observations(
    aggregates: Aggregates, population: pd.DataFrame | None = None, register: Register | None = None
) -> pd.DataFrame:
    """The observation frame (kpi.core.observations.COLUMNS and DTYPES) sorted by indikator, kode_wilayah, periode."""
    register = register or load_register()
    parts = [_rows("", pd.Series([], dtype="str"), pd.Series([], dtype="str"), [], [])]  # the columns when empty
    if aggregates.requests is not None:
        parts += _requests(aggregates.requests, aggregates.completed)
    if aggregates.complaints is not None:
        parts += _complaints(aggregates.complaints, population, register)
    if aggregates.survey is not None:
        parts += _survey(aggregates.survey, register)
    frame = pd.concat(parts, ignore_index=True).astype(OBS_DTYPES)
    return frame.sort_values(["indikator", "kode_wilayah", "periode"], kind="stable", ignore_index=True)

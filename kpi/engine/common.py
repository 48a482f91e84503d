"""What both KPI engines share: the integer aggregates they hand over and the final arithmetic and assembly.

An engine (kpi/engine/sql.py on DuckDB, kpi/engine/reference.py on pandas) only counts and sums integers per period
ordinal and wilayah code into `Aggregates`; everything after that — IKM from sums and counts, zero-filling
and population look-up of the complaint rate, period labels, dtypes and order — happens here, once, so the
two engines return identical frames, not merely close ones.

Period ordinals: month = year * 12 + month - 1, semester = year * 2 + semester - 1.

Which date places a record in a period is declared per indicator in the catalogue (`period_date`); `dates()` reads
it. A request is placed by its submission or its completion month, as declared, so the engines hand over the
requests counted per kelurahan, submission month and completion month (REQUESTS) and the month is chosen here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kpi.core.catalogue import Catalogue, load_catalogue
from kpi.core.methods.ikm import UNSUR, ikm_from_sums
from kpi.core.observations import DTYPES as OBS_DTYPES
from kpi.core.pooling import POOLINGS
from kpi.core.wilayah import Register, load_register
from kpi.core.workdays import Calendar

FOLLOW_UP_DAYS = 3  # aduan_tindak_lanjut: first follow-up within this many working days
NOT_COMPLETED = -1  # bulan_selesai of a request whose status is not 'selesai'
# Requests per kelurahan, submission month and completion month (NOT_COMPLETED unless the status is 'selesai'):
# all, online, and among the completed ones those within their SOP time and their working days.
REQUESTS = ("kode_wilayah", "bulan_diajukan", "bulan_selesai", "semua", "daring", "tepat_waktu", "hari_kerja")
COMPLAINTS = ("bulan", "kode_wilayah", "diterima", "ditindaklanjuti")
SURVEY = ("semester", "kode_unit", "responden", *(f"jumlah_{u}" for u in UNSUR), *(f"isian_{u}" for u in UNSUR))
# The indicators the engine computes: the record kind each is computed from
KINDS = {
    "layanan_daring": "permohonan",
    "selesai_tepat_waktu": "permohonan",
    "waktu_penyelesaian": "permohonan",
    "aduan_tindak_lanjut": "aduan",
    "aduan_per_10rb": "aduan",
    "ikm": "survei",
    "ikm_kecamatan": "survei",
}
# The dates (period_date `kind.column`) the engine can place each kind's records by
SUPPORTED_DATES = {"permohonan": ("diajukan", "selesai"), "aduan": ("diterima",), "survei": ("tanggal",)}
# Request indicators: (numerator column of REQUESTS, completed requests only)
REQUEST_PARTS = {
    "layanan_daring": ("daring", False),
    "selesai_tepat_waktu": ("tepat_waktu", True),
    "waktu_penyelesaian": ("hari_kerja", True),
}


class EngineCatalogueError(ValueError):
    """The catalogue declares a period date the engine cannot place an indicator's records by."""


@dataclass(frozen=True)
class Aggregates:
    """Integer aggregates of the raw records (columns as REQUESTS … SURVEY); None where the kind is absent."""

    requests: pd.DataFrame | None = None
    complaints: pd.DataFrame | None = None
    survey: pd.DataFrame | None = None


def dates(catalogue: Catalogue) -> dict[str, str]:
    """The record column that places each engine indicator's records in a period, as the catalogue declares it
    (`period_date`); an indicator the catalogue does not hold gets its kind's first date (its rows are refused
    later as unknown anyway). Raises EngineCatalogueError naming the indicator and the dates allowed."""
    out, problems = {}, []
    for name, kind in KINDS.items():
        allowed = [f"{kind}.{column}" for column in SUPPORTED_DATES[kind]]
        declared = catalogue.get(name).period_date if name in catalogue.ids else allowed[0]
        if declared not in allowed:
            given = "kosong" if declared is None else f"'{declared}' tidak dapat dipakai"
            problems.append(
                f"Indikator '{name}', isian 'period_date': {given}; indikator ini dihitung dari catatan {kind}, "
                f"isi salah satu dari {', '.join(allowed)}."
            )
        else:
            out[name] = str(declared).partition(".")[2]
    if problems:
        raise EngineCatalogueError("Katalog indikator tidak cocok dengan mesin penghitung:\n" + "\n".join(problems))
    return out


def default_catalogue(catalogue: Catalogue | None) -> Catalogue:
    """The catalogue passed, or the configured one (read at call time)."""
    return catalogue if catalogue is not None else load_catalogue()


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


def _requests(requests: pd.DataFrame, placed_by: Mapping[str, str]) -> list[pd.DataFrame]:
    """layanan_daring, selesai_tepat_waktu and waktu_penyelesaian, each by the month of its declared date; a
    request without that date (not completed, for the completion month) is in no period."""
    table = requests.assign(kode_wilayah=requests["kode_wilayah"].astype("str"))
    completed = table[table["bulan_selesai"] != NOT_COMPLETED]
    parts = []
    for name, (column, completed_only) in REQUEST_PARTS.items():
        month = f"bulan_{placed_by[name]}"
        rows = completed if completed_only or month == "bulan_selesai" else table
        grouped = rows.groupby([month, "kode_wilayah"], sort=False)[[column, "semua"]].sum().reset_index()
        parts.append(
            _rows(name, month_labels(grouped[month]), grouped["kode_wilayah"], grouped[column], grouped["semua"])
        )
    return parts


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

    aduan_tindak_lanjut divides by every complaint received in the month, as the catalogue declares: one without a
    follow-up in the records counts as not followed up, even while its FOLLOW_UP_DAYS working days are running, so
    a kelurahan's value depends on its own complaints only (never on the latest timestamp of other records).
    """
    parts = [
        _rows(
            "aduan_tindak_lanjut",
            month_labels(complaints["bulan"]),
            complaints["kode_wilayah"],
            complaints["ditindaklanjuti"],
            complaints["diterima"],
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


def _survey(survey: pd.DataFrame, register: Register, catalogue: Catalogue) -> list[pd.DataFrame]:
    """ikm (kelurahan offices) and ikm_kecamatan (kecamatan offices), and, where the catalogue pools the indicator
    per unsur (rollup: ikm_pooled), one component row per unsur: pembilang = the scores' sum, penyebut = the number
    of answers. Units with an unanswered unsur have no IKM and get no row at all."""
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
        if name in catalogue.ids and catalogue.get(name).pooling is POOLINGS["ikm_pooled"]:
            for j, component in enumerate(catalogue.get(name).components):  # parts u1..u9 = columns U1..U9
                parts.append(_rows(component, period[keep], units[keep], sums[keep, j], counts[keep, j]))
    return parts


def observations(
    aggregates: Aggregates,
    population: pd.DataFrame | None = None,
    register: Register | None = None,
    catalogue: Catalogue | None = None,
) -> pd.DataFrame:
    """The observation frame (kpi.core.observations.COLUMNS and DTYPES) sorted by indikator, kode_wilayah, periode."""
    register, catalogue = register or load_register(), default_catalogue(catalogue)
    placed_by = dates(catalogue)  # checked whatever kinds are given
    parts = [_rows("", pd.Series([], dtype="str"), pd.Series([], dtype="str"), [], [])]  # the columns when empty
    if aggregates.requests is not None:
        parts += _requests(aggregates.requests, placed_by)
    if aggregates.complaints is not None:
        parts += _complaints(aggregates.complaints, population, register)
    if aggregates.survey is not None:
        parts += _survey(aggregates.survey, register, catalogue)
    frame = pd.concat(parts, ignore_index=True).astype(OBS_DTYPES)
    return frame.sort_values(["indikator", "kode_wilayah", "periode"], kind="stable", ignore_index=True)

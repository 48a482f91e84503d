"""The KPI engine (default): raw service requests, complaints and survey answers → observations, on DuckDB.

DuckDB runs in-process (`duckdb.connect()` in memory per call, all cores, unless a connection is passed) and
scans the typed frames without copying them (as Arrow, or as pandas when Categoricals are given: ENUM).
Working days come from kpi.core.workdays.Calendar's cumulative index, shipped as one small row of lists
(cumulative working days and month ordinal per day): working days from a to b = kumulatif[b] - kumulatif[a],
looked up by list position from each row's integer day number. DuckDB only counts and sums integers per
period ordinal and code; kpi.engine.common does the rest (including which month places a request, as the catalogue
declares), shared with the pandas reference kpi.engine.reference.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from kpi.core.catalogue import Catalogue
from kpi.core.methods.ikm import UNSUR
from kpi.core.workdays import Calendar
from kpi.engine import common

_COLUMNS = {
    "permohonan": ("kode_wilayah", "kanal", "diajukan", "selesai", "status", "sop_hari_kerja"),
    "aduan": ("kode_wilayah", "diterima", "tindak_lanjut", "selesai"),
    "survei": ("kode_unit", "tanggal", *UNSUR),
}
# (start, end) timestamps that size the calendar
_DATES = {"permohonan": ("diajukan", "selesai"), "aduan": ("diterima", "tindak_lanjut", "selesai")}


def _day(column: str) -> str:
    """SQL: position of a timestamp's date in the calendar lists (1-based; NULL stays NULL)."""
    return f"(CAST({column} AS DATE) - DATE '1970-01-01' - k.sebelum)"


# One scan of the requests: counts per kelurahan, month submitted and month completed (-1 unless the status is
# 'selesai'); kpi.engine.common sums the three indicators from this small table by the month each is placed by.
REQUESTS_SQL = f"""
SELECT kode_wilayah, bulan[a] AS bulan_diajukan,
       CASE WHEN status_selesai THEN coalesce(bulan[b], {common.NOT_COMPLETED}) ELSE {common.NOT_COMPLETED} END
           AS bulan_selesai,
       count(*) AS semua, count(*) FILTER (daring) AS daring,
       count(*) FILTER (status_selesai AND kumulatif[b] - kumulatif[a] <= sop_hari_kerja) AS tepat_waktu,
       coalesce(sum(kumulatif[b] - kumulatif[a]) FILTER (status_selesai), 0)::BIGINT AS hari_kerja
FROM (SELECT p.kode_wilayah, {_day("p.diajukan")} AS a, {_day("p.selesai")} AS b,
             p.status = 'selesai' AS status_selesai, p.kanal = 'daring' AS daring, p.sop_hari_kerja,
             k.kumulatif, k.bulan
      FROM {{permohonan}} p, _kpi_kalender k)
GROUP BY ALL"""

# Every complaint received counts; one without a follow-up (b NULL) is received, not followed up.
COMPLAINTS_SQL = f"""
SELECT bulan[a] AS bulan, kode_wilayah, count(*) AS diterima,
       count(*) FILTER (kumulatif[b] - kumulatif[a] <= {common.FOLLOW_UP_DAYS}) AS ditindaklanjuti
FROM (SELECT x.kode_wilayah, {_day("x.diterima")} AS a, {_day("x.tindak_lanjut")} AS b, k.kumulatif, k.bulan
      FROM {{aduan}} x, _kpi_kalender k)
GROUP BY ALL"""

SURVEY_SQL = f"""
SELECT year(tanggal) * 2 + (month(tanggal) - 1) // 6 AS semester, kode_unit, count(*) AS responden,
       {", ".join(f"coalesce(sum({u}), 0)::BIGINT AS jumlah_{u}" for u in UNSUR)},
       {", ".join(f"count({u}) AS isian_{u}" for u in UNSUR)}
FROM {{survei}} GROUP BY ALL"""


def _ticks(stamps: pd.Series) -> tuple[np.ndarray, str]:
    """The int64 ticks of a datetime column (NaT = the smallest int64) and their unit."""
    values = stamps.to_numpy()
    return values.view("int64"), np.datetime_data(values.dtype)[0]


@dataclass(frozen=True)
class _Bounds:
    """The days the records touch: the earliest start and the latest day of any kind."""

    first: np.datetime64 | None = None
    last: np.datetime64 | None = None


def _day_of(tick: int, unit: str) -> np.datetime64:
    return np.datetime64(int(tick), unit).astype("datetime64[D]")


def _frame_bounds(given: Mapping[str, pd.DataFrame]) -> _Bounds:
    """Bounds of in-memory frames. The first day is the earliest start date (diajukan, diterima): end dates are
    never earlier, a rule checked when records are loaded. NaT is the smallest int64, so plain maxima skip it."""
    nat, big = np.iinfo("int64").min, np.iinfo("int64").max
    lows, highs = [], []
    for kind, (start, *ends) in _DATES.items():
        if kind not in given:
            continue
        first, unit = _ticks(given[kind][start])
        low = first.min(initial=big)
        if low == nat:  # a start date is missing (not expected after loading): the slower masked minimum
            low = first.min(where=first != nat, initial=big)
        if nat < low < big:
            lows.append(_day_of(low, unit))
        latest = [
            _day_of(t, u)
            for t, u in (
                (first.max(initial=nat), unit),
                *((ticks.max(initial=nat), u) for ticks, u in (_ticks(given[kind][end]) for end in ends)),
            )
            if nat < t < big
        ]
        highs += latest
    return _Bounds(min(lows) if lows else None, max(highs) if highs else None)


def _sql_bounds(con: duckdb.DuckDBPyConnection, sources: Mapping[str, str]) -> _Bounds:
    """Bounds of records already in DuckDB (each source a table name or a parenthesised query)."""
    lows, highs = [], []
    for kind, (start, *ends) in _DATES.items():
        if kind not in sources:
            continue
        columns = ", ".join(f"CAST(max({c}) AS DATE)" for c in (start, *ends))
        low, *latest = con.execute(f"SELECT CAST(min({start}) AS DATE), {columns} FROM {sources[kind]}").fetchall()[0]
        lows += [np.datetime64(low, "D")] if low is not None else []
        highs += [np.datetime64(d, "D") for d in latest if d is not None]
    return _Bounds(min(lows) if lows else None, max(highs) if highs else None)


def _calendar_table(bounds: _Bounds, calendar: Calendar) -> pa.Table:
    """One row: sebelum (day number before the first day), kumulatif (working days from the first day through
    each day) and bulan (month ordinal of each day), over every day the records touch; looked up per row by list
    position, which DuckDB does faster than joining a calendar table."""
    if bounds.first is not None:
        first_day, cum = calendar.cumulative(bounds.first, max(bounds.last, bounds.first))
    else:
        first_day, cum = np.datetime64(0, "D"), np.zeros(0, "int32")
    months = (first_day + np.arange(cum.size)).astype("datetime64[M]").astype("int64") + 1970 * 12
    return pa.table(
        {
            "sebelum": [int(first_day.astype("int64")) - 1],
            "kumulatif": pa.array([cum], pa.list_(pa.int32())),
            "bulan": pa.array([months], pa.list_(pa.int64())),
        }
    )


def _source(frame: pd.DataFrame) -> pa.Table | pd.DataFrame:
    """What DuckDB scans fastest, without copying: the pandas frame when a column is Categorical (read as
    ENUM), else an Arrow table (Arrow-backed strings and numpy columns are shared, not copied)."""
    if any(isinstance(dtype, pd.CategoricalDtype) for dtype in frame.dtypes):
        return frame
    return pa.Table.from_pandas(frame, preserve_index=False)


@contextmanager
def _session(connection: duckdb.DuckDBPyConnection | None) -> Iterator[duckdb.DuckDBPyConnection]:
    """The connection passed, or a fresh in-memory one using every core (closed afterwards)."""
    if connection is not None:
        yield connection
        return
    own = duckdb.connect(config={"threads": os.cpu_count() or 1})
    try:
        yield own
    finally:
        own.close()


def _query(con: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    """Run one aggregate query; its (small) result as pandas."""
    return con.sql(sql).df()


def _aggregate(
    con: duckdb.DuckDBPyConnection, sources: Mapping[str, str], bounds: _Bounds, calendar: Calendar | None
) -> common.Aggregates:
    """Run the queries over the sources (kind → table name or parenthesised query) with the calendar of `bounds`."""
    con.register("_kpi_kalender", _calendar_table(bounds, common.default_calendar(calendar)))
    try:
        return common.Aggregates(
            requests=_query(con, REQUESTS_SQL.format(**sources)) if "permohonan" in sources else None,
            complaints=_query(con, COMPLAINTS_SQL.format(**sources)) if "aduan" in sources else None,
            survey=_query(con, SURVEY_SQL.format(**sources)) if "survei" in sources else None,
        )
    finally:
        con.unregister("_kpi_kalender")


def compute(
    records: Mapping[str, pd.DataFrame],
    *,
    population: pd.DataFrame | None = None,
    calendar: Calendar | None = None,
    connection: duckdb.DuckDBPyConnection | None = None,
    catalogue: Catalogue | None = None,
) -> pd.DataFrame:
    """Observations (periode, kode_wilayah, indikator, pembilang, penyebut, nilai) of the raw records given; each
    indicator's period date and roll-up kind as `catalogue` declares them (the configured one by default)."""
    given = common.kinds(records)
    with _session(connection) as con:
        sources: dict[
            str, str
        ] = {}  # registered views, all prefixed _kpi_ so that a caller's tables are never shadowed
        try:
            for kind, frame in given.items():
                sources[kind] = f"_kpi_{kind}"
                con.register(sources[kind], _source(frame[list(_COLUMNS[kind])]))
            aggregates = _aggregate(con, sources, _frame_bounds(given), calendar)
        finally:
            for name in sources.values():
                con.unregister(name)
    return common.observations(aggregates, population, catalogue=catalogue)


def compute_in(
    con: duckdb.DuckDBPyConnection,
    sources: Mapping[str, str],
    *,
    population: pd.DataFrame | None = None,
    calendar: Calendar | None = None,
    catalogue: Catalogue | None = None,
) -> pd.DataFrame:
    """The same observations of records already in DuckDB, e.g. the import store's active rows: `sources` maps a
    kind to a table name or a parenthesised query giving the contract's columns. Nothing is copied out."""
    sources = {kind: source for kind, source in sources.items() if kind in _COLUMNS}
    aggregates = _aggregate(con, sources, _sql_bounds(con, sources), calendar)
    return common.observations(aggregates, population, catalogue=catalogue)

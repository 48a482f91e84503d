"""The KPI engine (default): raw service requests, complaints and survey answers → observations, on DuckDB.

DuckDB runs in-process (`duckdb.connect()` in memory per call, all cores, unless a connection is passed) and
scans the typed frames without copying them (as Arrow, or as pandas when Categoricals are given: ENUM).
Working days come from kpi.workdays.Calendar's cumulative index, shipped as one small row of lists
(cumulative working days and month ordinal per day): working days from a to b = kumulatif[b] - kumulatif[a],
looked up by list position from each row's integer day number. DuckDB only counts and sums integers per
period ordinal and code; kpi.engine_common does the rest, shared with the pandas reference kpi.engine_ref.
"""
from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from kpi import engine_common as common
from kpi.methods.ikm import UNSUR
from kpi.workdays import Calendar

_COLUMNS = {
    "permohonan": ("kode_wilayah", "kanal", "diajukan", "selesai", "status", "sop_hari_kerja"),
    "aduan": ("kode_wilayah", "diterima", "tindak_lanjut"),
    "survei": ("kode_unit", "tanggal", *UNSUR),
}
_DATES = {"permohonan": ("diajukan", "selesai"), "aduan": ("diterima", "tindak_lanjut")}


def _day(column: str) -> str:
    """SQL: position of a timestamp's date in the calendar lists (1-based; NULL stays NULL)."""
    return f"(CAST({column} AS DATE) - DATE '1970-01-01' - k.sebelum)"


# One scan of the requests: counts per kelurahan, month submitted, month completed (NULL while open) and
# whether the status is 'selesai'; both indicator families are then summed from this small table.
REQUESTS_FINE_SQL = f"""
SELECT kode_wilayah, bulan[a] AS bulan_diajukan, bulan[b] AS bulan_selesai, status_selesai,
       count(*) AS semua, count(*) FILTER (daring) AS daring,
       count(*) FILTER (kumulatif[b] - kumulatif[a] <= sop_hari_kerja) AS tepat_waktu,
       sum(kumulatif[b] - kumulatif[a])::BIGINT AS hari_kerja
FROM (SELECT p.kode_wilayah, {_day("p.diajukan")} AS a, {_day("p.selesai")} AS b,
             p.status = 'selesai' AS status_selesai, p.kanal = 'daring' AS daring, p.sop_hari_kerja,
             k.kumulatif, k.bulan
      FROM _kpi_permohonan p, _kpi_kalender k)
GROUP BY ALL"""

REQUESTS_SQL = """
SELECT bulan_diajukan AS bulan, kode_wilayah, sum(semua)::BIGINT AS semua, sum(daring)::BIGINT AS daring
FROM _kpi_permohonan_halus GROUP BY ALL"""

COMPLETED_SQL = """
SELECT bulan_selesai AS bulan, kode_wilayah, sum(semua)::BIGINT AS selesai, sum(tepat_waktu)::BIGINT AS tepat_waktu,
       sum(hari_kerja)::BIGINT AS hari_kerja
FROM _kpi_permohonan_halus WHERE status_selesai GROUP BY ALL"""

COMPLAINTS_SQL = f"""
SELECT bulan[a] AS bulan, kode_wilayah, count(*) AS diterima,
       count(*) FILTER (kumulatif[b] - kumulatif[a] <= {common.FOLLOW_UP_DAYS}) AS ditindaklanjuti
FROM (SELECT x.kode_wilayah, {_day("x.diterima")} AS a, {_day("x.tindak_lanjut")} AS b, k.kumulatif, k.bulan
      FROM _kpi_aduan x, _kpi_kalender k)
GROUP BY ALL"""

SURVEY_SQL = f"""
SELECT year(tanggal) * 2 + (month(tanggal) - 1) // 6 AS semester, kode_unit, count(*) AS responden,
       {", ".join(f"coalesce(sum({u}), 0)::BIGINT AS jumlah_{u}" for u in UNSUR)},
       {", ".join(f"count({u}) AS isian_{u}" for u in UNSUR)}
FROM _kpi_survei GROUP BY ALL"""


def _ticks(stamps: pd.Series) -> tuple[np.ndarray, str]:
    """The int64 ticks of a datetime column (NaT = the smallest int64) and their unit."""
    values = stamps.to_numpy()
    return values.view("int64"), np.datetime_data(values.dtype)[0]


def _calendar_table(given: Mapping[str, pd.DataFrame], calendar: Calendar) -> pa.Table:
    """One row: sebelum (day number before the first day), kumulatif (working days from the first day through
    each day) and bulan (month ordinal of each day), over every day the records touch; looked up per row by
    list position, which DuckDB does faster than joining a calendar table.

    The first day is the earliest start date (diajukan, diterima): end dates are never earlier, a rule checked
    when records are loaded. NaT is the smallest int64, so plain maxima skip it.
    """
    nat, big = np.iinfo("int64").min, np.iinfo("int64").max
    days = []
    for kind, (start, end) in _DATES.items():
        if kind not in given:
            continue
        (first, unit), (last, last_unit) = _ticks(given[kind][start]), _ticks(given[kind][end])
        low = first.min(initial=big)
        if low == nat:  # a start date is missing (not expected after loading): the slower masked minimum
            low = first.min(where=first != nat, initial=big)
        for tick, tick_unit in ((low, unit), (first.max(initial=nat), unit), (last.max(initial=nat), last_unit)):
            if nat < tick < big:
                days.append(np.datetime64(int(tick), tick_unit).astype("datetime64[D]"))
    if days:
        first_day, cum = calendar.cumulative(min(days), max(days))
    else:
        first_day, cum = np.datetime64(0, "D"), np.zeros(0, "int32")
    months = (first_day + np.arange(cum.size)).astype("datetime64[M]").astype("int64") + 1970 * 12
    return pa.table({"sebelum": [int(first_day.astype("int64")) - 1],
                     "kumulatif": pa.array([cum], pa.list_(pa.int32())),
                     "bulan": pa.array([months], pa.list_(pa.int64()))})


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


def _requests(con: duckdb.DuckDBPyConnection, names: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Requests per month submitted, and completed requests per month completed (REQUESTS, COMPLETED)."""
    names.append("_kpi_permohonan_halus")
    con.register("_kpi_permohonan_halus", con.sql(REQUESTS_FINE_SQL).to_arrow_table())
    return _query(con, REQUESTS_SQL), _query(con, COMPLETED_SQL)


def compute(records: Mapping[str, pd.DataFrame], *, population: pd.DataFrame | None = None,
            calendar: Calendar | None = None, connection: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """Observations (periode, kode_wilayah, indikator, pembilang, penyebut, nilai) of the raw records given."""
    given = common.kinds(records)
    calendar = common.default_calendar(calendar)
    names: list[str] = []  # registered views, all prefixed _kpi_ so that a caller's tables are never shadowed
    with _session(connection) as con:
        tables: dict[str, pa.Table | pd.DataFrame] = {"kalender": _calendar_table(given, calendar)}
        tables.update({kind: _source(frame[list(_COLUMNS[kind])]) for kind, frame in given.items()})
        try:
            for name, table in tables.items():
                names.append(f"_kpi_{name}")
                con.register(f"_kpi_{name}", table)
            requests, completed = _requests(con, names) if "permohonan" in given else (None, None)
            aggregates = common.Aggregates(
                requests=requests, completed=completed,
                complaints=_query(con, COMPLAINTS_SQL) if "aduan" in given else None,
                survey=_query(con, SURVEY_SQL) if "survei" in given else None,
            )
        finally:
            for name in names:
                con.unregister(name)
    return common.observations(aggregates, population)

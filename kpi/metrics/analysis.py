"""One table per level and grain with everything a page shows: value, target, status, change, rank, completeness."""

from __future__ import annotations

import datetime
from collections.abc import Collection
from typing import cast

import pandas as pd

from kpi.core import periods
from kpi.core.catalogue import Catalogue
from kpi.core.wilayah import Register
from kpi.metrics.rankings import add_ranks
from kpi.metrics.rollup import rollup
from kpi.metrics.targets import add_targets
from kpi.metrics.trends import add_changes, like_for_like


def indicator_table(
    obs: pd.DataFrame, catalogue: Catalogue, register: Register, level: str, grain: str
) -> pd.DataFrame:
    """Roll up, then add targets, status, changes, ranks, completeness and wilayah names."""
    table = rollup(obs, catalogue, register, level, grain)
    table = add_changes(add_targets(table, catalogue), catalogue)
    table = add_ranks(like_for_like(table, obs, catalogue, register, level, grain), catalogue)
    table["kelengkapan"] = table["laporan"] / table["laporan_diharapkan"] * 100
    table["nama_wilayah"] = table["kode_wilayah"].map({u.kode: u.nama for u in register.units})
    return table


def latest_period(table: pd.DataFrame, indicator_id: str | None = None) -> str | None:
    """The latest period with at least one value (for one indicator, or any)."""
    rows = table[table["nilai"].notna()]
    if indicator_id is not None:
        rows = rows[rows["indikator"] == indicator_id]
    return periods.latest(rows["periode"].unique()) if not rows.empty else None


def data_date(obs: pd.DataFrame) -> datetime.date:
    """The last day covered by the data: the end of its latest period."""
    return periods.end_date(periods.latest(obs["periode"].unique()))


def partial_until(rows: pd.DataFrame, period: str) -> str | None:
    """The last native period reported when `period` is not yet complete (2026 with data to October: '2026-10'),
    else None. `rows` are rows of that period (a snapshot); rows without a value or a periode_akhir are ignored."""
    if "periode_akhir" not in rows:
        return None
    ends = rows.loc[rows["nilai"].notna(), "periode_akhir"].dropna()
    if ends.empty:
        return None
    return incomplete_until(period, max((str(e) for e in ends), key=periods.end_date))


def incomplete_until(period: str, last: object) -> str | None:
    """`last`, the last native period with data in `period`, when it ends before the period does, else None."""
    if not isinstance(last, str) or periods.end_date(last) >= periods.end_date(period):
        return None
    return last


def card(
    table: pd.DataFrame, indicator_id: str, kode: str, history: int = 12, upto: str | None = None
) -> dict[str, object] | None:
    """The latest row of one indicator for one wilayah (ending no later than `upto`), with the values before it."""
    rows = table[(table["indikator"] == indicator_id) & (table["kode_wilayah"] == kode)].sort_values("periode")
    if upto is not None:
        limit = periods.end_date(upto)
        rows = rows.loc[rows["periode"].map(lambda p: periods.end_date(p) <= limit).astype(bool)]  # empty stays a frame
    filled = rows[rows["nilai"].notna()]
    if filled.empty:
        return None
    latest = cast("dict[str, object]", filled.iloc[-1].to_dict())  # the table's column names are str
    window = rows[rows["periode"] <= latest["periode"]].tail(history)
    latest["riwayat"] = window["nilai"].tolist()
    return latest


def periods_with_values(table: pd.DataFrame, indicator_id: str) -> list[str]:
    """Periods in which the indicator has at least one value, latest first."""
    rows = table[(table["indikator"] == indicator_id) & table["nilai"].notna()]
    return sorted(rows["periode"].unique(), key=periods.end_date, reverse=True)


def snapshot(
    table: pd.DataFrame, indicator_id: str, periode: str, parent: str | None = None, register: Register | None = None
) -> pd.DataFrame:
    """One indicator in one period, one row per wilayah (optionally only the children of `parent`), best rank first."""
    rows = table[(table["indikator"] == indicator_id) & (table["periode"] == periode)]
    if parent is not None and register is not None:
        rows = rows[rows["kode_wilayah"].isin({u.kode for u in register.children(parent)})]
    return rows.sort_values(["peringkat", "kode_wilayah"], na_position="last")


def in_scope(
    table: pd.DataFrame, register: Register, kecamatan: Collection[str] = (), kelurahan: Collection[str] = ()
) -> pd.DataFrame:
    """Rows of the chosen wilayah: kecamatan rows of the chosen kecamatan, kelurahan rows inside them (or the
    chosen kelurahan); the city row always stays. Empty choices mean all."""
    keep = pd.Series(True, index=table.index)
    if kecamatan:
        parents = {u.kode: u.kode_induk for u in register.level("kelurahan")}
        codes = table["kode_wilayah"]
        inside = codes.isin(list(kecamatan)) | codes.map(parents).isin(list(kecamatan))  # bool even when empty
        keep &= inside | (table["tingkat"] == "kota")
    if kelurahan:
        keep &= table["kode_wilayah"].isin(kelurahan) | (table["tingkat"] != "kelurahan")
    return table[keep]

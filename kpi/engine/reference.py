"""The pandas reference KPI engine: straightforward, idiomatic pandas, for checking kpi/engine/sql.py (DuckDB).

Same signature and result as kpi.engine.compute; both hand integer aggregates to kpi.engine.common, which
does the final arithmetic and assembly. Working days come from the calendar's vectorised `between`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from kpi.core.catalogue import Catalogue
from kpi.core.methods.ikm import UNSUR
from kpi.core.workdays import Calendar
from kpi.engine import common


def _month(stamps: pd.Series) -> pd.Series:
    """Month ordinal (year * 12 + month - 1) of each timestamp."""
    return stamps.dt.year * 12 + stamps.dt.month - 1


def _requests(frame: pd.DataFrame, calendar: Calendar) -> pd.DataFrame:
    """Requests per kelurahan, month submitted and month completed (common.NOT_COMPLETED unless the status is
    'selesai'): all, online, and of the completed ones those within SOP and their working days."""
    days = pd.Series(calendar.between(frame["diajukan"], frame["selesai"]), index=frame.index, dtype="int64")
    completed = frame["status"].eq("selesai").astype(bool) & frame["selesai"].notna()
    table = pd.DataFrame(
        {
            "kode_wilayah": frame["kode_wilayah"],
            "bulan_diajukan": _month(frame["diajukan"]),
            "bulan_selesai": _month(frame["selesai"]).where(completed, common.NOT_COMPLETED).astype("int64"),
            "semua": 1,
            "daring": frame["kanal"].eq("daring").astype("int64"),
            "tepat_waktu": (completed & (days <= frame["sop_hari_kerja"])).astype("int64"),
            "hari_kerja": days.where(completed, 0),
        }
    )
    keys = ["kode_wilayah", "bulan_diajukan", "bulan_selesai"]
    return table.groupby(keys, observed=True).sum().reset_index()


def _complaints(frame: pd.DataFrame, calendar: Calendar) -> pd.DataFrame:
    """Complaints per month of receipt and kelurahan: received, and followed up within FOLLOW_UP_DAYS working days
    (a complaint without a follow-up is received, not followed up)."""
    days = pd.Series(calendar.between(frame["diterima"], frame["tindak_lanjut"]), index=frame.index)
    followed = frame["tindak_lanjut"].notna() & (days <= common.FOLLOW_UP_DAYS)
    keys = [_month(frame["diterima"]).rename("bulan"), frame["kode_wilayah"]]
    return followed.groupby(keys, observed=True).agg(diterima="size", ditindaklanjuti="sum").reset_index()


def _survey(frame: pd.DataFrame) -> pd.DataFrame:
    """Survey answers per semester and unit: respondents, and per unsur the score sum and number of answers."""
    semester = (frame["tanggal"].dt.year * 2 + (frame["tanggal"].dt.month - 1) // 6).rename("semester")
    grouped = frame[list(UNSUR)].groupby([semester, frame["kode_unit"]], observed=True)
    sums = grouped.sum().add_prefix("jumlah_")
    counts = grouped.count().add_prefix("isian_")
    return pd.concat([grouped.size().rename("responden"), sums, counts], axis=1).reset_index()


def compute(
    records: Mapping[str, pd.DataFrame],
    *,
    population: pd.DataFrame | None = None,
    calendar: Calendar | None = None,
    catalogue: Catalogue | None = None,
) -> pd.DataFrame:
    """Observations (periode, kode_wilayah, indikator, pembilang, penyebut, nilai) of the raw records given; each
    indicator's period date and roll-up kind as `catalogue` declares them (the configured one by default)."""
    given = common.kinds(records)
    calendar = common.default_calendar(calendar)
    permohonan, aduan, survei = (given.get(kind) for kind in ("permohonan", "aduan", "survei"))
    aggregates = common.Aggregates(
        requests=None if permohonan is None else _requests(permohonan, calendar),
        complaints=None if aduan is None else _complaints(aduan, calendar),
        survey=None if survei is None else _survey(survei),
    )
    return common.observations(aggregates, population, catalogue=catalogue)

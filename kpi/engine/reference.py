"""The pandas reference KPI engine: straightforward, idiomatic pandas, for checking kpi/engine/sql.py (DuckDB).

Same signature and result as kpi.engine.compute; both hand integer aggregates to kpi.engine.common, which
does the final arithmetic and assembly. Working days come from the calendar's vectorised `between`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from kpi.core.methods.ikm import UNSUR
from kpi.core.workdays import Calendar
from kpi.engine import common


def _month(stamps: pd.Series) -> pd.Series:
    """Month ordinal (year * 12 + month - 1) of each timestamp."""
    return stamps.dt.year * 12 + stamps.dt.month - 1


def _requests(frame: pd.DataFrame) -> pd.DataFrame:
    """Requests per month of submission and kelurahan: all, and online."""
    keys = [_month(frame["diajukan"]).rename("bulan"), frame["kode_wilayah"]]
    grouped = frame["kanal"].eq("daring").groupby(keys, observed=True)
    return grouped.agg(semua="size", daring="sum").reset_index()


def _completed(frame: pd.DataFrame, calendar: Calendar) -> pd.DataFrame:
    """Completed requests per month of completion and kelurahan: count, within SOP, total working days."""
    days = pd.Series(calendar.between(frame["diajukan"], frame["selesai"]), index=frame.index, dtype="int64")
    table = pd.DataFrame({"tepat_waktu": days <= frame["sop_hari_kerja"], "hari_kerja": days})
    month = _month(frame["selesai"]).where(frame["status"].eq("selesai"))  # NaN (dropped) unless completed
    grouped = table.groupby([month.rename("bulan"), frame["kode_wilayah"]], observed=True)
    result = grouped.agg(
        selesai=("hari_kerja", "size"), tepat_waktu=("tepat_waktu", "sum"), hari_kerja=("hari_kerja", "sum")
    ).reset_index()
    return result.astype({"bulan": "int64"})


def _complaints(frame: pd.DataFrame, calendar: Calendar) -> pd.DataFrame:
    """Complaints per month of receipt and kelurahan: received, judged (followed up, or past the follow-up time by
    the as-of day: the latest timestamp in the records), followed up within FOLLOW_UP_DAYS working days."""
    days = pd.Series(calendar.between(frame["diterima"], frame["tindak_lanjut"]), index=frame.index)
    followed = frame["tindak_lanjut"].notna() & (days <= common.FOLLOW_UP_DAYS)
    as_of = frame[["diterima", "tindak_lanjut", "selesai"]].max().max()
    waited = pd.Series(calendar.between(frame["diterima"], pd.Series(as_of, index=frame.index)), index=frame.index)
    table = pd.DataFrame(
        {"dinilai": frame["tindak_lanjut"].notna() | (waited > common.FOLLOW_UP_DAYS), "ditindaklanjuti": followed}
    )
    keys = [_month(frame["diterima"]).rename("bulan"), frame["kode_wilayah"]]
    grouped = table.groupby(keys, observed=True)
    return grouped.agg(
        diterima=("dinilai", "size"), dinilai=("dinilai", "sum"), ditindaklanjuti=("ditindaklanjuti", "sum")
    ).reset_index()


def _survey(frame: pd.DataFrame) -> pd.DataFrame:
    """Survey answers per semester and unit: respondents, and per unsur the score sum and number of answers."""
    semester = (frame["tanggal"].dt.year * 2 + (frame["tanggal"].dt.month - 1) // 6).rename("semester")
    grouped = frame[list(UNSUR)].groupby([semester, frame["kode_unit"]], observed=True)
    sums = grouped.sum().add_prefix("jumlah_")
    counts = grouped.count().add_prefix("isian_")
    return pd.concat([grouped.size().rename("responden"), sums, counts], axis=1).reset_index()


def compute(
    records: Mapping[str, pd.DataFrame], *, population: pd.DataFrame | None = None, calendar: Calendar | None = None
) -> pd.DataFrame:
    """Observations (periode, kode_wilayah, indikator, pembilang, penyebut, nilai) of the raw records given."""
    given = common.kinds(records)
    calendar = common.default_calendar(calendar)
    permohonan, aduan, survei = (given.get(kind) for kind in ("permohonan", "aduan", "survei"))
    aggregates = common.Aggregates(
        requests=None if permohonan is None else _requests(permohonan),
        completed=None if permohonan is None else _completed(permohonan, calendar),
        complaints=None if aduan is None else _complaints(aduan, calendar),
        survey=None if survei is None else _survey(survei),
    )
    return common.observations(aggregates, population)

"""Change against the previous period and the same period last year, read in each indicator's direction."""

from __future__ import annotations

import datetime

import numpy as np
import pandas as pd

from kpi.core import periods
from kpi.core.catalogue import Catalogue
from kpi.core.pooling import family
from kpi.core.wilayah import Register


def _lookup(frame: pd.DataFrame, shifted: pd.Series) -> pd.Series:
    """The value of the same indicator and wilayah at another period (NaN where absent)."""
    values = frame.set_index(["indikator", "kode_wilayah", "periode"])["nilai"]
    keys = pd.MultiIndex.from_arrays([frame["indikator"], frame["kode_wilayah"], shifted])
    return pd.Series(values.reindex(keys).to_numpy(), index=frame.index)


ARAH: tuple[str, ...] = ("membaik", "memburuk", "tetap")  # the direction words of a change (labels: trend.arah.*)


def direction_word(change: pd.Series, higher: pd.Series) -> pd.Series:
    """'membaik', 'memburuk' or 'tetap', from the sign of a change and the indicator's direction."""
    better = np.where(higher, change > 0, change < 0)
    worse = np.where(higher, change < 0, change > 0)
    word = np.select([change.isna(), better, worse], [np.array(None, dtype=object), "membaik", "memburuk"], "tetap")
    return pd.Series(word, index=change.index, dtype="object")


def add_changes(frame: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """Add nilai_sebelumnya, perubahan, arah and nilai_tahun_lalu, perubahan_tahunan, arah_tahunan."""
    labels = frame["periode"].unique()
    prev = frame["periode"].map({p: periods.previous(p) for p in labels})
    last_year = frame["periode"].map({p: periods.same_period_last_year(p) for p in labels})
    higher = frame["indikator"].map({i.id: i.higher_is_better for i in catalogue.indicators}).astype(bool)
    out = frame.assign(nilai_sebelumnya=_lookup(frame, prev), nilai_tahun_lalu=_lookup(frame, last_year))
    out["perubahan"] = out["nilai"] - out["nilai_sebelumnya"]
    out["perubahan_tahunan"] = out["nilai"] - out["nilai_tahun_lalu"]
    out["arah"] = direction_word(out["perubahan"], higher)
    out["arah_tahunan"] = direction_word(out["perubahan_tahunan"], higher)
    return out


def _windows(table: pd.DataFrame, catalogue: Catalogue, grain: str) -> dict[str, tuple[str, str, datetime.date]]:
    """Indicator id → (latest period, last-year period, last native period to include) for periods in progress."""
    out: dict[str, tuple[str, str, datetime.date]] = {}
    for ind in catalogue.indicators:
        rows = table[table["indikator"] == ind.id]
        if rows.empty or grain == ind.frequency:
            continue
        last = periods.latest(rows["periode"].unique())
        upto = rows.loc[rows["periode"] == last, "periode_akhir"].dropna()
        if not upto.empty and periods.end_date(upto.max()) < periods.end_date(last):
            out[ind.id] = (
                last,
                periods.same_period_last_year(last),
                periods.end_date(periods.same_period_last_year(upto.max())),
            )
    return out


def like_for_like(
    table: pd.DataFrame, obs: pd.DataFrame, catalogue: Catalogue, register: Register, level: str, grain: str
) -> pd.DataFrame:
    """A period still in progress (e.g. 2026 with data to October) is compared with the same months a year
    earlier (January–October 2025), not with the whole earlier period."""
    from kpi.metrics.rollup import rollup_many

    windows = _windows(table, catalogue, grain) if "periode_akhir" in table else {}
    if not windows:
        return table
    owner = family(obs["indikator"])  # a pooled indicator's components come along with it
    inside = owner.isin(list(windows))
    sub = obs[inside]
    key = owner[inside] + "|" + sub["periode"].astype(str)
    keep = {
        k
        for k in key.unique()
        for i, p in [k.split("|")]
        if periods.coarsen(p, grain) == windows[i][1] and periods.end_date(p) <= windows[i][2]
    }
    rolled = rollup_many(sub[key.isin(keep)], [catalogue.get(i) for i in windows], register, level, grain)
    before = rolled.set_index(["indikator", "kode_wilayah", "periode"])["nilai"]
    out = table.copy()
    for iid, (last, last_year, _) in windows.items():
        now = (out["indikator"] == iid) & (out["periode"] == last)
        keys = pd.MultiIndex.from_arrays(
            [out.loc[now, "indikator"], out.loc[now, "kode_wilayah"], pd.Series(last_year, index=out.index[now])]
        )
        out.loc[now, "nilai_tahun_lalu"] = before.reindex(keys).to_numpy(dtype=float)
        out.loc[now, "perubahan_tahunan"] = out.loc[now, "nilai"] - out.loc[now, "nilai_tahun_lalu"]
        higher = pd.Series(catalogue.get(iid).higher_is_better, index=out.index[now])
        out.loc[now, "arah_tahunan"] = direction_word(out.loc[now, "perubahan_tahunan"], higher)
    return out

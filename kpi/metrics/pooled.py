"""Pooled roll-ups (`rollup: ikm_pooled`, kpi.core.pooling): the components of every report below a wilayah and
period are summed, then combined, so the kecamatan and city IKM take each unsur's NRR over all answers of all
respondents, and a year over both semesters' answers.

A wilayah and period is pooled only when every report in it has its complete set of components; if one report lacks
them (an observation file that gives only the unit IKM), the value stays the respondent-weighted one of
kpi.metrics.rollup, never a pool of part of the answers.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from kpi.core import periods
from kpi.core.catalogue import Indicator

COLUMNS = ["indikator", "kode_wilayah", "periode", "nilai_gabungan"]


def _parts(obs: pd.DataFrame, ind: Indicator, reports: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Sums and counts of each report's components (reports × parts), zero where a report's set is incomplete
    (a part missing or repeated, a number missing, or no answer)."""
    assert ind.pooling is not None
    parts = ind.pooling.parts
    shape = (len(reports), len(parts))
    sums, counts, seen = np.zeros(shape), np.zeros(shape), np.zeros(shape, dtype="int64")
    rows = obs.loc[
        obs["indikator"].isin(ind.components), ["kode_wilayah", "periode", "indikator", "pembilang", "penyebut"]
    ]
    found = rows.assign(j=rows["indikator"].map({c: j for j, c in enumerate(ind.components)})).merge(
        reports.assign(pos=np.arange(len(reports))), on=["kode_wilayah", "periode"], how="inner"
    )
    at = (found["pos"].to_numpy(dtype="int64"), found["j"].to_numpy(dtype="int64"))
    np.add.at(sums, at, found["pembilang"].to_numpy(dtype="float64"))
    np.add.at(counts, at, found["penyebut"].to_numpy(dtype="float64"))
    np.add.at(seen, at, 1)
    complete = (seen == 1).all(axis=1) & np.isfinite(sums).all(axis=1) & (np.nan_to_num(counts) > 0).all(axis=1)
    sums[~complete], counts[~complete] = 0.0, 0.0
    return sums, counts


def _one(obs: pd.DataFrame, ind: Indicator, grain: str, parents: Mapping[str, str]) -> pd.DataFrame:
    """One pooled indicator's values per parent wilayah and period of `grain`."""
    assert ind.pooling is not None
    reports = obs.loc[obs["indikator"] == ind.id, ["kode_wilayah", "periode"]].reset_index(drop=True)
    if reports.empty:
        return pd.DataFrame(columns=COLUMNS)
    sums, counts = _parts(obs, ind, reports)
    width = sums.shape[1]
    table = pd.DataFrame(
        np.hstack([sums, counts]), columns=[f"s{j}" for j in range(width)] + [f"n{j}" for j in range(width)]
    )
    table = table.assign(
        lengkap=np.asarray((counts > 0).all(axis=1), dtype=bool),
        induk=reports["kode_wilayah"].map(parents),
        target=reports["periode"].map({p: periods.coarsen(p, grain) for p in reports["periode"].unique()}),
    )
    group = table.groupby(["induk", "target"], sort=False)
    total, complete, size = group.sum(), group["lengkap"].sum(), group.size()
    with np.errstate(invalid="ignore"):
        values = ind.pooling.combine(
            total[[f"s{j}" for j in range(width)]].to_numpy(), total[[f"n{j}" for j in range(width)]].to_numpy()
        )
    values = np.where((complete == size).to_numpy(), values, np.nan)
    return pd.DataFrame(
        {
            "indikator": ind.id,
            "kode_wilayah": total.index.get_level_values("induk"),
            "periode": total.index.get_level_values("target"),
            "nilai_gabungan": values,
        }
    )


def pooled_values(obs: pd.DataFrame, inds: list[Indicator], grain: str, parents: Mapping[str, str]) -> pd.DataFrame:
    """The pooled value of each pooled indicator per parent wilayah (`parents`: unit → wilayah at the target level)
    and period of `grain`; NaN where a report lacks its components. Columns COLUMNS."""
    frames = [_one(obs, ind, grain, parents) for ind in inds if ind.pooling is not None]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=COLUMNS)
    return pd.concat(frames, ignore_index=True)

"""Roll-ups: kelurahan → kecamatan → kota and month → quarter → semester → year, by each indicator's rule.

Ratios are never averaged: numerators and denominators are aggregated first (summed, or the last value of a
stock over time), then divided. Missing reports stay missing (NaN) and are counted in `laporan_diharapkan`.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from kpi import periods
from kpi.catalogue import Catalogue, Indicator
from kpi.wilayah import LEVELS, Register

OUTPUT = ["indikator", "tingkat", "kode_wilayah", "periode", "pembilang", "penyebut", "nilai",
          "laporan", "laporan_diharapkan"]


def can_roll(ind: Indicator, level: str, grain: str) -> bool:
    """True when the indicator can be shown at this level and grain (never finer than collected)."""
    return (LEVELS.index(level) <= LEVELS.index(ind.level)
            and periods.GRAINS.index(grain) >= periods.GRAINS.index(ind.frequency))


def _over_time(obs: pd.DataFrame, ind: Indicator, grain: str) -> pd.DataFrame:
    """Aggregate each unit's reports into the coarser period, by the indicator's time rule."""
    frame = obs.assign(target_periode=periods.coarsen_series(obs["periode"], grain)).sort_values("periode")
    group = frame.groupby(["kode_wilayah", "target_periode"], sort=False)
    if ind.rollup == "ratio":
        rule = {"pembilang": ind.numerator_over_time, "penyebut": ind.denominator_over_time}
        agg = {c: ("last" if how == "last" else "sum") for c, how in rule.items()}
        out = group.agg(**{c: (c, how) for c, how in agg.items()}, laporan=("periode", "size"))
    else:
        how = "sum" if ind.rollup == "sum" else "mean"
        out = group.agg(nilai=("nilai", how), laporan=("periode", "size"))
    return out.reset_index().rename(columns={"target_periode": "periode"})


def _over_space(frame: pd.DataFrame, ind: Indicator, level: str, register: Register) -> pd.DataFrame:
    """Aggregate units up to `level`: sum numerators and denominators, or mean/sum plain values."""
    if level == ind.level:
        return frame
    parents = register.parent_map(ind.level, level)
    frame = frame.assign(kode_wilayah=frame["kode_wilayah"].map(parents))
    cols = {"pembilang": "sum", "penyebut": "sum"} if ind.rollup == "ratio" else {"nilai": ind.rollup if ind.rollup == "sum" else "mean"}
    return frame.groupby(["kode_wilayah", "periode"], sort=False).agg({**cols, "laporan": "sum"}).reset_index()


def _grid(obs: pd.DataFrame, ind: Indicator, level: str, grain: str, register: Register) -> pd.DataFrame:
    """Every (wilayah, period) that should exist, with the number of reports expected in it."""
    native = periods.period_range(obs["periode"].min(), obs["periode"].max())
    per_target = pd.Series(periods.coarsen_series(pd.Series(native), grain).to_numpy()).value_counts()
    units = pd.Series({u.kode: register.ancestor(u.kode, level) for u in register.level(ind.level)})
    per_unit = units.value_counts()
    grid = pd.MultiIndex.from_product([per_unit.index, per_target.index], names=["kode_wilayah", "periode"]).to_frame(index=False)
    grid["laporan_diharapkan"] = (grid["kode_wilayah"].map(per_unit) * grid["periode"].map(per_target)).astype(int)
    return grid


def rollup_indicator(obs: pd.DataFrame, ind: Indicator, level: str, grain: str, register: Register) -> pd.DataFrame:
    """One indicator's values at a level and grain, one row per wilayah and period (missing stays NaN)."""
    obs = obs[obs["indikator"] == ind.id]
    if obs.empty or not can_roll(ind, level, grain):
        return pd.DataFrame(columns=OUTPUT)
    values = _over_space(_over_time(obs, ind, grain), ind, level, register)
    out = _grid(obs, ind, level, grain, register).merge(values, on=["kode_wilayah", "periode"], how="left",
                                                         validate="one_to_one")
    out["laporan"] = out["laporan"].fillna(0).astype(int)
    if ind.rollup == "ratio":
        den = out["penyebut"].where(out["penyebut"] > 0)
        out["nilai"] = out["pembilang"] / den * ind.factor
    else:
        out["pembilang"] = out["penyebut"] = np.nan
    return out.assign(indikator=ind.id, tingkat=level)[OUTPUT]


def rollup(obs: pd.DataFrame, catalogue: Catalogue, register: Register, level: str, grain: str) -> pd.DataFrame:
    """All indicators that can be shown at this level and grain, stacked in one long table."""
    parts = [rollup_indicator(obs, ind, level, grain, register) for ind in catalogue.indicators]
    parts = [p for p in parts if not p.empty]
    if not parts:
        return pd.DataFrame(columns=OUTPUT)
    out = pd.concat(parts, ignore_index=True)
    return out.sort_values(["indikator", "kode_wilayah", "periode"], ignore_index=True)

"""Roll-ups: kelurahan → kecamatan → kota and month → quarter → semester → year, by each indicator's rule.

Ratios are never averaged: numerators and denominators are aggregated first (summed, or the last value of a
stock over time), then divided. Pooled indicators (`rollup: ikm_pooled`) take their value from their components,
summed the same way and then combined (kpi.metrics.pooled); their numerator is then that value × the denominator.
Missing reports stay missing (NaN) and are counted in `laporan_diharapkan`.
All indicators are rolled up together in two group-bys, so a whole table costs tens of milliseconds.
"""

from __future__ import annotations

import datetime
from collections import Counter
from typing import cast

import numpy as np
import pandas as pd

from kpi.core import periods
from kpi.core.catalogue import Catalogue, Indicator
from kpi.core.observations import ratio_value
from kpi.core.wilayah import LEVELS, Register
from kpi.metrics.pooled import pooled_values

OUTPUT = [
    "indikator",
    "tingkat",
    "kode_wilayah",
    "periode",
    "pembilang",
    "penyebut",
    "nilai",
    "laporan",
    "laporan_diharapkan",
    "periode_akhir",
]
KEY = ["indikator", "kode_wilayah", "periode"]


def can_roll(ind: Indicator, level: str, grain: str) -> bool:
    """True when the indicator can be shown at this level and grain (never finer than collected)."""
    return LEVELS.index(level) <= LEVELS.index(ind.level) and periods.GRAINS.index(grain) >= periods.GRAINS.index(
        ind.frequency
    )


def _rules(inds: list[Indicator]) -> pd.DataFrame:
    """Each indicator's aggregation rules as columns, indexed by indicator id."""
    return pd.DataFrame(
        {
            "num_last": [i.numerator_over_time == "last" for i in inds],
            "num_mean": [i.numerator_over_time == "mean" for i in inds],
            "den_last": [i.denominator_over_time == "last" for i in inds],
            "den_mean": [i.denominator_over_time == "mean" for i in inds],
            "ratio": [i.has_denominator for i in inds],
            "plain_sum": [i.rollup == "sum" for i in inds],
            "factor": [float(i.factor) for i in inds],
        },
        index=pd.Index([i.id for i in inds], name="indikator"),
    )


def _over_time(data: pd.DataFrame, rules: pd.DataFrame, parents: dict[str, str]) -> pd.DataFrame:
    """Aggregate each unit's reports into the target period: sum, mean per report, or last value for stocks."""
    order = {p: i for i, p in enumerate(sorted(data["periode"].unique()))}  # labels of one grain sort in time
    frame = (
        data[["indikator", "kode_wilayah", "target", "pembilang", "penyebut", "nilai"]]
        .assign(urut=data["periode"].map(order).astype("int64"))
        .sort_values("urut", kind="stable")
    )
    group = frame.groupby(["indikator", "kode_wilayah", "target"], sort=False, observed=True)
    agg = group.agg(
        num_sum=("pembilang", "sum"),
        num_last=("pembilang", "last"),
        num_mean=("pembilang", "mean"),
        den_sum=("penyebut", "sum"),
        den_last=("penyebut", "last"),
        den_mean=("penyebut", "mean"),
        val_sum=("nilai", "sum"),
        val_mean=("nilai", "mean"),
        laporan=("urut", "size"),
        akhir=("urut", "max"),
    ).reset_index()
    r = rules.reindex(agg["indikator"]).reset_index(drop=True)
    labels = np.array(list(order), dtype=object)
    return pd.DataFrame(
        {
            "indikator": agg["indikator"],
            "induk": agg["kode_wilayah"].map(parents),
            "periode": agg["target"],
            "laporan": agg["laporan"],
            "periode_akhir": labels[agg["akhir"].to_numpy()],
            "pembilang": np.select([r["num_last"], r["num_mean"]], [agg["num_last"], agg["num_mean"]], agg["num_sum"]),
            "penyebut": np.select([r["den_last"], r["den_mean"]], [agg["den_last"], agg["den_mean"]], agg["den_sum"]),
            "nilai": np.where(r["plain_sum"], agg["val_sum"], agg["val_mean"]),
        }
    )


def _over_space(frame: pd.DataFrame, rules: pd.DataFrame) -> pd.DataFrame:
    """Aggregate units into their parent at the target level: sums for ratios, mean or sum for plain values."""
    group = frame.groupby(["indikator", "induk", "periode"], sort=False)
    agg = group.agg(
        pembilang=("pembilang", "sum"),
        penyebut=("penyebut", "sum"),
        val_sum=("nilai", "sum"),
        val_mean=("nilai", "mean"),
        laporan=("laporan", "sum"),
        periode_akhir=("periode_akhir", "max"),
    ).reset_index()
    r = rules.reindex(agg["indikator"]).reset_index(drop=True)
    agg["nilai"] = np.where(
        r["ratio"],
        ratio_value(agg["pembilang"], agg["penyebut"], r["factor"]),
        np.where(r["plain_sum"], agg["val_sum"], agg["val_mean"]),
    )
    agg.loc[~r["ratio"].to_numpy(), ["pembilang", "penyebut"]] = np.nan
    return agg.rename(columns={"induk": "kode_wilayah"})[
        KEY + ["pembilang", "penyebut", "nilai", "laporan", "periode_akhir"]
    ]


def _pooled(
    values: pd.DataFrame, obs: pd.DataFrame, inds: list[Indicator], grain: str, parents: dict[str, str]
) -> pd.DataFrame:
    """Pooled indicators: the value combined from the components where every report has them, and the numerator
    that gives it back (value ÷ factor × denominator); elsewhere the ratio of the summed rows stays."""
    pooled = pooled_values(obs, inds, grain, parents)
    if pooled.empty:
        return values
    values = values.merge(pooled, on=KEY, how="left", validate="one_to_one")
    use = values["nilai_gabungan"].notna()
    factor = values["indikator"].map({i.id: float(i.factor) for i in inds})
    values.loc[use, "nilai"] = values.loc[use, "nilai_gabungan"]
    values.loc[use, "pembilang"] = values.loc[use, "nilai"] / factor[use] * values.loc[use, "penyebut"]
    return values.drop(columns="nilai_gabungan")


def _expected_until(last: str, data_date: datetime.date) -> str:
    """The last native period a report is expected for: the indicator's latest, moved on over every later period
    that has ended by the data date (an indicator whose reports stop in August still owes September and October)."""
    while periods.end_date(following := periods.shift(last, 1)) <= data_date:
        last = following
    return last


def _grid(
    data: pd.DataFrame, inds: list[Indicator], level: str, grain: str, register: Register, data_date: datetime.date
) -> pd.DataFrame:
    """Every (indicator, wilayah, period) that should exist, with the number of reports expected in it: one per
    native period from the indicator's first report up to the data date (the end of the latest period of any
    indicator), so completeness counts what is missing at the end too."""
    span = data.groupby("indikator", observed=True)["periode"].agg(["min", "max"])
    rows = []
    for ind in inds:
        if ind.id not in span.index:
            continue
        last = _expected_until(cast(str, span.at[ind.id, "max"]), data_date)
        native = periods.period_range(cast(str, span.at[ind.id, "min"]), last)
        per_period = Counter(periods.coarsen(p, grain) for p in native)
        per_unit = Counter(register.ancestor(u.kode, level) for u in register.level(ind.level))
        rows += [(ind.id, k, p, nu * np_) for k, nu in per_unit.items() for p, np_ in per_period.items()]
    return pd.DataFrame(rows, columns=KEY + ["laporan_diharapkan"])


def _rollup(obs: pd.DataFrame, inds: list[Indicator], register: Register, level: str, grain: str) -> pd.DataFrame:
    inds = [i for i in inds if can_roll(i, level, grain)]
    data = obs[obs["indikator"].isin([i.id for i in inds])]
    if data.empty:
        return pd.DataFrame(columns=OUTPUT)
    data_date = max(periods.end_date(p) for p in obs["periode"].unique())
    targets = {p: periods.coarsen(p, grain) for p in data["periode"].unique()}
    parents = {
        u.kode: register.ancestor(u.kode, level)
        for u in register.units
        if LEVELS.index(u.tingkat) >= LEVELS.index(level)
    }
    data = data.assign(target=data["periode"].map(targets))
    rules = _rules(inds)
    values = _pooled(_over_space(_over_time(data, rules, parents), rules), obs, inds, grain, parents)
    out = _grid(data, inds, level, grain, register, data_date).merge(values, on=KEY, how="left", validate="one_to_one")
    out["laporan"] = out["laporan"].fillna(0).astype(int)
    out["tingkat"] = level
    return out[OUTPUT].sort_values(KEY, ignore_index=True)


def rollup_indicator(obs: pd.DataFrame, ind: Indicator, level: str, grain: str, register: Register) -> pd.DataFrame:
    """One indicator's values at a level and grain, one row per wilayah and period (missing stays NaN)."""
    return _rollup(obs, [ind], register, level, grain)


def rollup_many(obs: pd.DataFrame, inds: list[Indicator], register: Register, level: str, grain: str) -> pd.DataFrame:
    """Several indicators' values at a level and grain, stacked (missing stays NaN)."""
    return _rollup(obs, list(inds), register, level, grain)


def rollup(obs: pd.DataFrame, catalogue: Catalogue, register: Register, level: str, grain: str) -> pd.DataFrame:
    """All indicators that can be shown at this level and grain, stacked in one long table."""
    return _rollup(obs, list(catalogue.indicators), register, level, grain)

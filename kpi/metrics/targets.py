"""Achievement against target (direction-aware) and status: official band, or tercapai / mendekati / belum."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kpi.core.catalogue import Catalogue
from kpi.core.methods.bands import classify_series
from kpi.core.rounding import half_up

STATUSES: tuple[str, ...] = ("tercapai", "mendekati", "belum_tercapai")  # labels: kpi.report.labels.status_label
CAPAIAN_DECIMALS = 1  # achievement is shown as 99,8 %; its status is judged on that figure


def achievement(value: pd.Series, target: pd.Series, higher_is_better: pd.Series | bool) -> pd.Series:
    """Capaian in percent: realisasi/target where higher is better, (2·target − realisasi)/target otherwise, never
    below 0 (a value twice the target or worse has achieved nothing of it; the rule is written in data/README.md)."""
    target = target.where(target != 0)
    lower = np.maximum((2 * target - value) / target * 100, 0)  # NaN stays NaN
    return pd.Series(np.where(higher_is_better, value / target * 100, lower), index=value.index)


def target_status(capaian: pd.Series, near: pd.Series | float) -> pd.Series:
    """Tercapai at 100 % or more, mendekati from `near`×100 %, else belum tercapai, judged on the achievement as
    displayed (half up at CAPAIAN_DECIMALS: 99,96 % is shown and counted as 100,0 %); NaN stays NaN."""
    shown = half_up(capaian.to_numpy(dtype="float64", na_value=np.nan), CAPAIAN_DECIMALS)
    status = np.select([shown >= 100, shown >= np.asarray(near) * 100], ["tercapai", "mendekati"], "belum_tercapai")
    return pd.Series(status, index=capaian.index, dtype="object").where(capaian.notna())


def _bands(frame: pd.DataFrame, catalogue: Catalogue) -> pd.Series:
    """Official band code per row, for indicators that have a band set."""
    out = pd.Series(None, index=frame.index, dtype="object")
    for ind in catalogue.indicators:
        band_set = catalogue.band_set(ind)
        rows = frame["indikator"] == ind.id
        if band_set is not None and rows.any():
            out[rows] = classify_series(frame.loc[rows, "nilai"], band_set)
    return out


def add_targets(frame: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """Add target, capaian (%), status_target, pita (official band code) and status to a rolled-up table."""
    # A cumulative target is read at the last month reported, so a year in progress is not held to December.
    profiled = frame["indikator"].map({i.id: i.target_profile is not None for i in catalogue.indicators}).astype(bool)
    last = frame["periode_akhir"] if "periode_akhir" in frame else frame["periode"]
    at = frame["periode"].where(~profiled | last.isna(), last)
    pairs = pd.DataFrame({"indikator": frame["indikator"], "at": at}).drop_duplicates()
    targets = {(i, p): catalogue.get(i).target_for(p) for i, p in pairs.itertuples(index=False)}
    keys = pd.MultiIndex.from_arrays([frame["indikator"], at])
    target = pd.Series(pd.Series(targets, dtype=float).reindex(keys).to_numpy(), index=frame.index)
    meta = {i.id: i for i in catalogue.indicators}
    higher = frame["indikator"].map({k: v.higher_is_better for k, v in meta.items()}).astype(bool)
    near = frame["indikator"].map({k: v.near for k, v in meta.items()}).astype(float)
    decimals = frame["indikator"].map({k: v.decimals for k, v in meta.items()}).to_numpy(dtype=float)
    # Achievement of the value as displayed (half up at the indicator's decimals): 94,96 shown as 95,0 against a
    # target of 95,0 has achieved 100 %, as the reader sees.
    shown = pd.Series(half_up(frame["nilai"].to_numpy(dtype="float64", na_value=np.nan), decimals), index=frame.index)
    out = frame.assign(target=target, capaian=achievement(shown, target, higher))
    out["status_target"] = target_status(out["capaian"], near)
    out["pita"] = _bands(out, catalogue)
    out["status"] = out["pita"].where(out["pita"].notna(), out["status_target"])
    return out

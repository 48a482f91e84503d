"""Achievement against target (direction-aware) and status: official band, or tercapai / mendekati / belum."""
from __future__ import annotations

import numpy as np
import pandas as pd

from kpi.catalogue import Catalogue, Indicator
from kpi.methods.bands import classify_series

STATUS_LABELS = {
    "id": {"tercapai": "Tercapai", "mendekati": "Mendekati target", "belum_tercapai": "Belum tercapai"},
    "en": {"tercapai": "Achieved", "mendekati": "Close to target", "belum_tercapai": "Not achieved"},
}


def achievement(value: pd.Series, target: pd.Series, higher_is_better: bool) -> pd.Series:
    """Capaian in percent: realisasi/target for higher-is-better, (2·target − realisasi)/target otherwise."""
    target = target.where(target != 0)
    if higher_is_better:
        return value / target * 100
    return (2 * target - value) / target * 100


def target_status(capaian: pd.Series, near: float) -> pd.Series:
    """Tercapai at 100 % or more, mendekati from `near`×100 %, else belum tercapai; NaN stays NaN."""
    status = np.select([capaian >= 100, capaian >= near * 100], ["tercapai", "mendekati"], "belum_tercapai")
    return pd.Series(status, index=capaian.index, dtype="object").where(capaian.notna())


def _one(frame: pd.DataFrame, ind: Indicator, catalogue: Catalogue) -> pd.DataFrame:
    targets = {p: ind.target_for(p) for p in frame["periode"].unique()}
    out = frame.assign(target=frame["periode"].map(targets).astype(float))
    out["capaian"] = achievement(out["nilai"], out["target"], ind.higher_is_better)
    out["status_target"] = target_status(out["capaian"], ind.near)
    band_set = catalogue.band_set(ind)
    out["pita"] = classify_series(out["nilai"], band_set) if band_set else None
    out["status"] = out["pita"].where(out["pita"].notna(), out["status_target"]) if band_set else out["status_target"]
    return out


def add_targets(frame: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """Add target, capaian (%), status_target, pita (official band code) and status to a rolled-up table."""
    if frame.empty:
        return frame.assign(target=np.nan, capaian=np.nan, status_target=None, pita=None, status=None)
    parts = [_one(g, catalogue.get(iid), catalogue) for iid, g in frame.groupby("indikator", sort=False)]
    return pd.concat(parts).loc[frame.index]

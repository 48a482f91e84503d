"""Change against the previous period and the same period last year, read in each indicator's direction."""
from __future__ import annotations

import numpy as np
import pandas as pd

from kpi import periods
from kpi.catalogue import Catalogue


def _lookup(frame: pd.DataFrame, shifted: pd.Series) -> pd.Series:
    """The value of the same indicator and wilayah at another period (NaN where absent)."""
    values = frame.set_index(["indikator", "kode_wilayah", "periode"])["nilai"]
    keys = pd.MultiIndex.from_arrays([frame["indikator"], frame["kode_wilayah"], shifted])
    return pd.Series(values.reindex(keys).to_numpy(), index=frame.index)


def direction_word(change: pd.Series, higher: pd.Series) -> pd.Series:
    """'membaik', 'memburuk' or 'tetap', from the sign of a change and the indicator's direction."""
    better = np.where(higher, change > 0, change < 0)
    worse = np.where(higher, change < 0, change > 0)
    word = np.select([change.isna(), better, worse], [None, "membaik", "memburuk"], "tetap")
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

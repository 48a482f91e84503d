"""Ranks of wilayah within an indicator, level and period: best first, ties share the best rank."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kpi.core.catalogue import Catalogue
from kpi.core.rounding import half_up


def add_ranks(frame: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """Add peringkat (1 = best; values equal as displayed tie at the best rank: 1, 2, 2, 4) and peringkat_dari."""
    higher = frame["indikator"].map({i.id: i.higher_is_better for i in catalogue.indicators}).astype(bool)
    decimals = frame["indikator"].map({i.id: i.decimals for i in catalogue.indicators})
    shown = pd.Series(
        half_up(frame["nilai"].to_numpy(dtype="float64", na_value=np.nan), decimals.to_numpy(dtype=float)),
        index=frame.index,
    )
    score = shown.where(higher, -shown)
    group = score.groupby([frame["indikator"], frame["tingkat"], frame["periode"]])
    ranks = group.rank(method="min", ascending=False)
    return frame.assign(peringkat=ranks.astype("Int64"), peringkat_dari=group.transform("count").astype(int))

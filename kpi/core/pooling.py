"""Roll-up kinds that pool components: the unit rows of such an indicator come with component rows, which are
summed over wilayah and periods and only then combined into the value.

`ikm_pooled` (PermenPANRB 14/2017): the nine components are the unsur U1..U9 of the survey, each an observation
row `<indicator>.u1` … `<indicator>.u9` with pembilang = the sum of the scores given and penyebut = the number of
answers. Above a unit the NRR of each unsur is taken over all answers of all respondents of the units (Σ sums ÷
Σ answers), then IKM = 25 × Σ_u NRR_u ÷ 9, exactly as for one unit. The indicator's own rows (pembilang = unit IKM ×
respondents, penyebut = respondents) remain, and are what a roll-up falls back on where a unit's report has no
components: then the value is the respondent-weighted mean of the unit IKMs.

A component id is `<indicator id>.<part>`; catalogue ids never contain a dot, so the two never collide.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kpi.core.methods.ikm import SCORE_MAX, SCORE_MIN, UNSUR, ikm_from_sums

SEPARATOR = "."


@dataclass(frozen=True)
class Pooling:
    """One pooled roll-up kind: its component parts, how sums and counts combine, and a component's valid mean."""

    parts: tuple[str, ...]  # in the column order `combine` expects
    combine: Callable[[np.ndarray, np.ndarray], np.ndarray]  # (rows × parts sums, rows × parts counts) → values
    part_range: tuple[float, float]  # valid pembilang ÷ penyebut of one component (a mean score)


POOLINGS: dict[str, Pooling] = {
    "ikm_pooled": Pooling(tuple(u.lower() for u in UNSUR), ikm_from_sums, (float(SCORE_MIN), float(SCORE_MAX))),
}


def component_id(indicator_id: str, part: str) -> str:
    """The observation id of one component: 'ikm' and 'u1' give 'ikm.u1'."""
    return f"{indicator_id}{SEPARATOR}{part}"


def family(ids: pd.Series) -> pd.Series:
    """The indicator each id belongs to: a component id gives its indicator, any other id itself."""
    text = ids.astype("str")
    return text.map({v: v.partition(SEPARATOR)[0] for v in text.unique()}).astype("str")


def part_of(ids: pd.Series) -> pd.Series:
    """The part of each component id ('' for an id that is not a component)."""
    text = ids.astype("str")
    return text.map({v: v.partition(SEPARATOR)[2] for v in text.unique()}).astype("str")

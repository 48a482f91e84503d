"""The generic simulator: values for an indicator the generator has no simulator of its own for, from its catalogue
record alone, so that adding an indicator to data/indicators.yaml needs no code.

Per unit of the indicator's level and per period of its frequency, the value starts 15 % of the target on the worse
side of it and closes the gap by the last period, each unit with a fixed offset and every cell with noise, clipped to
the valid range. Targets come from the record (interpolated between the years that have one, held before the first
and after the last, scaled by the cumulative profile if any). A ratio indicator (rollup: ratio) gets a denominator
sized by its type (cases per month, survey respondents, a population-like stock for a rate) and the numerator that
gives the value: binomial for a percent, so it never exceeds the denominator, Poisson counts for rates, counts and
durations, a score sum for an index. Every other indicator gets `nilai`, rounded to its decimals. The random stream
is the seed and the indicator's id (kpi.sample.parts.stream), so the values do not depend on the other indicators.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from kpi.core import periods
from kpi.core.catalogue import Indicator
from kpi.sample.parts import stream

START_GAP = 0.15  # the first period misses the target by this share of it
UNIT_SPREAD = 0.04  # fixed offset of a unit, as a share of the target
NOISE = 0.015  # noise of a cell, as a share of the target
# Denominator per unit and month (flows) or per unit (stocks, *_over_time: last): low and high of a uniform draw.
SIZES = {"percent": (20, 200), "duration": (20, 200), "count": (20, 200), "index": (10, 25), "rate": (10_000, 60_000)}
KECAMATAN_SCALE = 8  # a kecamatan is about as large as its eight kelurahan
STOCK_GROWTH = 0.012  # a stock denominator grows 1.2 % a year


def target_path(ind: Indicator, labels: Sequence[str]) -> np.ndarray:
    """The target of each period: its year's, interpolated between the years that have one and held before the first
    and after the last, scaled by the cumulative profile if any; the range's midpoint without targets."""
    years = np.array([periods.start_date(p).year for p in labels], dtype=float)
    if ind.targets:
        known = sorted(ind.targets)
        target = np.interp(years, known, [ind.targets[y] for y in known])
    else:
        target = np.full(len(labels), sum(ind.range) / 2)
    if ind.target_profile is not None:
        target = target * np.array([ind.target_profile[periods.month_index(p) - 1] for p in labels])
    return target.astype(float)


def value_path(ind: Indicator, labels: Sequence[str], n_units: int, rng: np.random.Generator) -> np.ndarray:
    """Units × periods values closing in on the target, with a fixed offset per unit and noise, within the range."""
    lo, hi = ind.range
    target = target_path(ind, labels)
    scale = np.where(target != 0, np.abs(target), 0.05 * (hi - lo))
    worse = -1.0 if ind.higher_is_better else 1.0
    gap = START_GAP * (1.0 - np.linspace(0.0, 1.0, len(labels))) if len(labels) > 1 else np.zeros(1)
    offset = rng.normal(0.0, UNIT_SPREAD, (n_units, 1))
    noise = rng.normal(0.0, NOISE, (n_units, len(labels)))
    return np.clip(target + scale * (worse * gap + offset + noise), lo, hi)


def sizes(ind: Indicator, labels: Sequence[str], n_units: int, rng: np.random.Generator) -> np.ndarray:
    """Units × periods denominators: a growing stock, or a flow per month summed over the period's months."""
    low, high = SIZES[ind.type]
    base = rng.uniform(low, high, (n_units, 1)) * (KECAMATAN_SCALE if ind.level == "kecamatan" else 1)
    years = np.array([periods.start_date(p).year for p in labels])
    if ind.denominator_over_time == "last":
        return np.round(base * (1 + STOCK_GROWTH) ** (years - years[0]))
    months = np.array([len(periods.months_in(p)) if ind.denominator_over_time == "sum" else 1 for p in labels])
    return np.maximum(rng.poisson(base * months * rng.lognormal(0.0, 0.1, (n_units, len(labels)))), 1).astype(float)


def numerators(ind: Indicator, value: np.ndarray, size: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The numerator that gives the value over the denominator, kept so that the ratio stays within the range."""
    expected = value * size / ind.factor
    lo, hi = (bound * size / ind.factor for bound in ind.range)
    if ind.type == "index":  # a sum of scores
        return np.clip(np.round(expected, 4), np.ceil(lo * 1e4) / 1e4, np.floor(hi * 1e4) / 1e4)
    if ind.type == "percent":  # cases that meet the standard, out of the denominator's cases
        drawn = rng.binomial(size.astype("int64"), np.clip(expected / size, 0.0, 1.0))
    else:
        drawn = rng.poisson(expected)
    return np.clip(drawn.astype(float), np.ceil(lo), np.floor(hi))


def simulate(ind: Indicator, units: Sequence[str], labels: Sequence[str], seed: int) -> dict[str, np.ndarray]:
    """Units × periods arrays for one indicator: pembilang and penyebut (rollup: ratio), else nilai."""
    rng = stream(seed, f"generik:{ind.id}")
    value = value_path(ind, labels, len(units), rng)
    if not ind.has_denominator:
        lo, hi = ind.range
        return {"nilai": np.clip(np.round(value, ind.decimals), lo, hi)}
    size = sizes(ind, labels, len(units), rng)
    return {"pembilang": numerators(ind, value, size, rng), "penyebut": size}

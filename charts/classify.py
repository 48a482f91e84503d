"""Map classes of indicator values: the official bands when an indicator has them, else quantiles or equal intervals."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd
from plotly.colors import sample_colorscale, sequential

from kpi.core.catalogue import Indicator
from kpi.core.methods.bands import BandSet, classify_series
from kpi.core.rounding import half_up
from kpi.core.texts import tr
from kpi.report.numfmt import number, with_unit  # noqa: F401  (re-exported: maps and tests import them from here)

METHODS = ("quantile", "equal")
NODATA = "nodata"
NODATA_COLOR = "#d9d9d9"
OUTSIDE = "luar_pita"
OUTSIDE_COLOR = "#969696"
# ColorBrewer YlGnBu: sequential and colour-blind safe; the lightest steps are skipped so that no class is
# mistaken for the white background or the grey "no data".
PALETTE = sequential.YlGnBu
PALETTE_SPAN = (0.25, 1.0)


@dataclass(frozen=True)
class LegendEntry:
    """One map class as the legend shows it."""

    key: str
    label: str
    color: str


@dataclass(frozen=True)
class Classes:
    """A class key per row ('nodata' where the value is missing) and the legend in display order."""

    codes: pd.Series
    legend: tuple[LegendEntry, ...]
    method: str
    title: str = ""

    def color_of(self, key: str) -> str:
        """The colour of a class key."""
        return {e.key: e.color for e in self.legend}.get(key, NODATA_COLOR)

    def label_of(self, key: str) -> str:
        """The label of a class key (the key itself when unknown)."""
        return {e.key: e.label for e in self.legend}.get(key, key)


def palette(k: int, higher_is_better: bool = True) -> list[str]:
    """k hex colours from light to dark; reversed when lower is better, so the better end is always dark."""
    if k <= 0:
        return []
    lo, hi = PALETTE_SPAN
    positions = [(lo + hi) / 2] if k == 1 else list(np.linspace(lo, hi, k))
    colours = [_hex(c) for c in sample_colorscale(PALETTE, positions)]
    return colours if higher_is_better else colours[::-1]


def _hex(rgb: str) -> str:
    """'rgb(8, 29, 88)' -> '#081d58'."""
    r, g, b = (round(float(x)) for x in rgb[rgb.index("(") + 1 : rgb.index(")")].split(","))
    return f"#{r:02x}{g:02x}{b:02x}"


def classify(
    values: pd.Series,
    ind: Indicator,
    band_set: BandSet | None = None,
    method: str = "quantile",
    n: int = 5,
    lang: str = "id",
) -> Classes:
    """Map classes of values: the official bands if a band set is given, else `method` with up to n classes."""
    numbers = pd.to_numeric(values, errors="coerce").astype(float)
    if band_set is not None:
        codes, legend = _band_classes(numbers, band_set, lang)
        title = band_set.label.get(lang) or band_set.label["id"]
        method = "bands"
    else:
        if method not in METHODS:
            raise ValueError(
                f"Metode klasifikasi '{method}' tidak dikenal; pilih salah satu dari {', '.join(METHODS)}."
            )
        codes, legend = _range_classes(numbers, ind, method, n, lang)
        unit = ind.text("unit", lang)
        title = f"{ind.text('short', lang)} ({unit})" if unit else ind.text("short", lang)
    if codes.eq(NODATA).any():
        legend = (*legend, LegendEntry(NODATA, tr("no_data", lang), NODATA_COLOR))
    return Classes(codes.rename(values.name), legend, method, title)


def _band_classes(numbers: pd.Series, band_set: BandSet, lang: str) -> tuple[pd.Series, tuple[LegendEntry, ...]]:
    """Band codes per row (best band first in the legend), 'luar_pita' for a value below every band."""
    bands = classify_series(numbers, band_set)
    codes = bands.where(bands.notna(), OUTSIDE).where(numbers.notna(), NODATA).astype(object)
    legend = tuple(LegendEntry(b.code, b.label.get(lang) or b.label["id"], b.color) for b in band_set.bands)
    if codes.eq(OUTSIDE).any():
        legend += (LegendEntry(OUTSIDE, tr("classes.outside", lang), OUTSIDE_COLOR),)
    return codes, legend


def edges(values: pd.Series, method: str, n: int, decimals: int) -> list[float]:
    """Class edges of the finite values, rounded as displayed; fewer than n+1 when quantiles tie."""
    finite = values[np.isfinite(values)].to_numpy(dtype=float)
    if finite.size == 0:
        return []
    steps = np.linspace(0, 1, n + 1)
    raw = np.quantile(finite, steps) if method == "quantile" else finite.min() + steps * (finite.max() - finite.min())
    return sorted({float(e) for e in half_up(raw, decimals)})


def _range_classes(
    numbers: pd.Series, ind: Indicator, method: str, n: int, lang: str
) -> tuple[pd.Series, tuple[LegendEntry, ...]]:
    """Classes k1…kN in ascending order of value, labelled '76,6 – 80,2', darker at the better end."""
    shown = pd.Series(half_up(numbers.to_numpy(dtype="float64", na_value=np.nan), ind.decimals), index=numbers.index)
    distinct = sorted(shown.dropna().unique())
    codes = pd.Series(NODATA, index=numbers.index, dtype=object)
    if not distinct:
        return codes, ()
    if len(distinct) <= n:  # few values: one class per value as displayed
        labels = [number(v, ind.decimals, lang) for v in distinct]
        position = shown.map({v: i for i, v in enumerate(distinct)})
    else:
        cuts = edges(numbers, method, n, ind.decimals)
        labels = [
            f"{number(a, ind.decimals, lang)} – {number(b, ind.decimals, lang)}" for a, b in itertools.pairwise(cuts)
        ]
        # Outer bins are open so a value rounded below the first edge still lands in the first class.
        position = pd.cut(shown, [-np.inf, *cuts[1:-1], np.inf], labels=False, right=True)
    keys = [f"k{i + 1}" for i in range(len(labels))]
    codes[shown.notna()] = [keys[int(p)] for p in position[shown.notna()]]
    colours = palette(len(keys), ind.higher_is_better)
    return codes, tuple(LegendEntry(k, lab, c) for k, lab, c in zip(keys, labels, colours, strict=True))

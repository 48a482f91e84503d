"""Wilayah side by side as frames: which kecamatan, one value, the ranking order, the kecamatan × indicator
achievement and value matrices, the BerAKHLAK rows and the population that sizes the scatter."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from kpi import settings
from kpi.core import periods
from kpi.core.catalogue import Catalogue, Indicator
from kpi.core.wilayah import Register
from kpi.metrics.analysis import latest_period

# The seven core values in the order of the acronym B-e-r-A-K-H-L-A-K.
BERAKHLAK_ORDER = ("berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif")


def has_values(rows: pd.DataFrame | None) -> bool:
    """True when a frame or matrix holds at least one value."""
    if rows is None or rows.empty:
        return False
    return bool(rows["nilai"].notna().any()) if "nilai" in rows else bool(rows.notna().to_numpy().any())


def kecamatan_codes(register: Register, chosen: Sequence[str] = ()) -> tuple[str, ...]:
    """The chosen kecamatan in register order, or all of them when none is chosen."""
    return tuple(u.kode for u in register.level("kecamatan") if not chosen or u.kode in chosen)


def value_at(table: pd.DataFrame, indicator_id: str, period: str, kode: str | None = None) -> float | None:
    """One value of a table (e.g. the city's), or None."""
    rows = table[(table["indikator"] == indicator_id) & (table["periode"] == period)]
    if kode is not None:
        rows = rows[rows["kode_wilayah"] == kode]
    values = rows["nilai"].dropna()
    return float(values.iloc[0]) if len(values) else None


def ranking_order(rows: pd.DataFrame, ind: Indicator) -> pd.DataFrame:
    """Rows with a value, best first: descending when higher is better, ascending when lower is; ties by name."""
    filled = rows[rows["nilai"].notna() & (rows["tingkat"] != "kota")]
    return filled.sort_values(["nilai", "nama_wilayah"], ascending=[not ind.higher_is_better, True], kind="stable")


def is_berakhlak_component(ind: Indicator) -> bool:
    """True for the seven BerAKHLAK sub-indices (berakhlak_<value>), which the radar shows."""
    return ind.berakhlak is not None and ind.id == f"berakhlak_{ind.berakhlak}"


def heatmap_indicators(catalogue: Catalogue, category: str | None = None) -> tuple[Indicator, ...]:
    """The heatmap's columns: every indicator of the category (all when None) except the BerAKHLAK components."""
    return tuple(
        i
        for i in catalogue.indicators
        if not is_berakhlak_component(i) and (category is None or i.category == category)
    )


def scatter_defaults(catalogue: Catalogue) -> tuple[str, str]:
    """The scatter's default axes, read from the catalogue: x the finest-grained headline indicator (the sidebar's
    default too), y the coarsest-grained other headline one (first in catalogue order on ties); indicators in
    catalogue order stand in when there are fewer than two headline ones."""

    def grain(ind: Indicator) -> int:
        return periods.GRAINS.index(ind.frequency)

    headline = catalogue.headline
    x = min(headline, key=grain).id if headline else catalogue.ids[0]
    others = [i for i in headline if i.id != x]
    y = max(others, key=grain).id if others else next((i for i in catalogue.ids if i != x), x)
    return x, y


def indicator_grain(ind: Indicator, grain: str) -> str:
    """The chosen grain, or the indicator's own frequency when that is coarser (IKM stays semesterly in months)."""
    return max(grain, ind.frequency, key=periods.GRAINS.index)


def grains_for(indicators: Sequence[Indicator], grain: str) -> tuple[str, ...]:
    """The grains whose tables the heatmap needs."""
    return tuple(dict.fromkeys(indicator_grain(i, grain) for i in indicators))


def latest_periods(tables: Mapping[str, pd.DataFrame], indicators: Sequence[Indicator], grain: str) -> dict[str, str]:
    """Indicator id → its latest period with a value, at its grain (indicators without values left out)."""
    found = {i.id: latest_period(tables[indicator_grain(i, grain)], i.id) for i in indicators}
    return {k: p for k, p in found.items() if p is not None}


def _matrix(
    tables: Mapping[str, pd.DataFrame],
    catalogue: Catalogue,
    period_by_indicator: Mapping[str, str],
    codes: Sequence[str],
    column: str,
) -> pd.DataFrame:
    """Rows = codes, columns = indicator ids (catalogue order), cell = `column` at the indicator's period."""
    ids = [i for i in catalogue.ids if i in period_by_indicator]
    cols = {}
    for iid in ids:
        period = period_by_indicator[iid]
        table = tables[periods.grain_of(period)]
        rows = table[(table["indikator"] == iid) & (table["periode"] == period)]
        cols[iid] = rows.set_index("kode_wilayah")[column].astype(float)
    wide = pd.DataFrame(cols) if cols else pd.DataFrame(index=pd.Index([], dtype=str))
    return wide.reindex(index=list(codes), columns=ids).astype(float)


def achievement_matrix(
    tables: Mapping[str, pd.DataFrame],
    catalogue: Catalogue,
    period_by_indicator: Mapping[str, str],
    codes: Sequence[str],
) -> pd.DataFrame:
    """Kecamatan × indicator capaian (%); `tables` maps a grain to its kecamatan table."""
    return _matrix(tables, catalogue, period_by_indicator, codes, "capaian")


def value_matrix(
    tables: Mapping[str, pd.DataFrame],
    catalogue: Catalogue,
    period_by_indicator: Mapping[str, str],
    codes: Sequence[str],
) -> pd.DataFrame:
    """Kecamatan × indicator values, shaped like achievement_matrix (for the hover)."""
    return _matrix(tables, catalogue, period_by_indicator, codes, "nilai")


def berakhlak_ids(catalogue: Catalogue) -> list[str]:
    """The ids of the seven component indices, in acronym order."""
    return [f"berakhlak_{v}" for v in BERAKHLAK_ORDER if f"berakhlak_{v}" in catalogue.ids]


def radar_period(table: pd.DataFrame, catalogue: Catalogue) -> str | None:
    """The latest year with a value for any BerAKHLAK component."""
    rows = table[table["indikator"].isin(berakhlak_ids(catalogue)) & table["nilai"].notna()]
    return latest_period(rows) if len(rows) else None


def berakhlak_rows(tables: Sequence[pd.DataFrame], catalogue: Catalogue, period: str) -> pd.DataFrame:
    """The component rows of one period from several tables (kecamatan and kota)."""
    ids = berakhlak_ids(catalogue)
    parts = [t[t["indikator"].isin(ids) & (t["periode"] == period)] for t in tables]
    return pd.concat(parts, ignore_index=True)


def load_population(path: Path | None = None) -> pd.DataFrame:
    """The sample's synthetic population per kelurahan and year (kode_wilayah, tahun, penduduk), from `path` or
    settings.sample_population_file(); cached per path (shared, read-only)."""
    return _read_population(Path(path or settings.sample_population_file()))


@functools.lru_cache(maxsize=2)
def _read_population(path: Path) -> pd.DataFrame:
    """Read one population file."""
    return pd.read_csv(path, dtype={"kode_wilayah": str, "tahun": int, "penduduk": float})


def kecamatan_population(population: pd.DataFrame, register: Register, year: int) -> pd.Series:
    """Kecamatan code → population summed over its kelurahan, for `year` (or the nearest earlier year on file)."""
    years = sorted(population["tahun"].unique())
    pick = max([y for y in years if y <= year], default=years[0]) if years else year
    rows = population[population["tahun"] == pick]
    parents = register.parent_map("kelurahan", "kecamatan")
    kec = rows["kode_wilayah"].map(parents)
    return rows.groupby(kec)["penduduk"].sum().rename(int(pick))


def common_period(table: pd.DataFrame, x_id: str, y_id: str) -> str | None:
    """The latest period in which both indicators have a value."""
    filled = table[table["nilai"].notna()]
    both = set(filled.loc[filled["indikator"] == x_id, "periode"]) & set(
        filled.loc[filled["indikator"] == y_id, "periode"]
    )
    return periods.latest(both) if both else None

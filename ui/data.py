"""Cached loading: files are read and validated once per process, tables computed once per level and grain."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kpi.core.catalogue import Catalogue, load_catalogue
from kpi.core.issues import Issue
from kpi.core.wilayah import Register, load_register
from kpi.metrics.analysis import data_date, indicator_table
from kpi.store import source
from ui import cache


@st.cache_resource(show_spinner=False)
def core() -> tuple[Catalogue, Register]:
    """The indicator catalogue and the wilayah register."""
    return load_catalogue(), load_register()


@st.cache_resource(show_spinner=False)
def _source() -> source.Source:
    """The observations on display: the import store when it holds data, else the embedded synthetic sample."""
    return source.current()


def observations() -> tuple[pd.DataFrame | None, list[Issue]]:
    """The observations on display and any problems loading them."""
    current = _source()
    return current.frame, current.issues


@st.cache_resource(show_spinner=False)
def table(level: str, grain: str) -> pd.DataFrame:
    """Indicator table at a level and grain (shared, read-only: never modify the returned frame)."""
    obs, _ = observations()
    catalogue, register = core()
    return indicator_table(obs, catalogue, register, level, grain)


def is_sample() -> bool:
    """True while the dashboard shows synthetic data: the embedded sample, or an imported sample batch."""
    return _source().synthetic


_seen: dict[str, tuple] = {}


def store_version() -> tuple:
    """The import store's fingerprint, as of this rerun."""
    return _seen.get("version") or source.version()


def refresh() -> None:
    """Drop the cached data, tables and figures when the import store changed (an import or rollback here or from the
    CLI); the register, the catalogue and the boundaries do not depend on it and stay."""
    now = source.version()
    if _seen.get("version") != now:
        if "version" in _seen:
            for cached in (_source, table, achievement_grid, headline_cards, trend_series, trend_yoy):
                cached.clear()
            cache.clear()
        _seen["version"] = now


def latest_date():
    """The last day the data covers."""
    obs, _ = observations()
    return data_date(obs)


@st.cache_resource(show_spinner=False)
def achievement_grid(category: str | None, grain: str, codes: tuple[str, ...]):
    """The Perbandingan heatmap's inputs for a category, grain and kecamatan: (latest periods, achievement, values)."""
    from kpi.metrics import comparison

    catalogue, _ = core()
    indicators = comparison.heatmap_indicators(catalogue, category)
    tables = {g: table("kecamatan", g) for g in comparison.grains_for(indicators, grain)}
    latest = comparison.latest_periods(tables, indicators, grain)
    codes = list(codes)
    return (
        latest,
        comparison.achievement_matrix(tables, catalogue, latest, codes),
        comparison.value_matrix(tables, catalogue, latest, codes),
    )


@st.cache_resource(show_spinner=False)
def headline_cards(upto: str | None) -> tuple[tuple[str, dict | None], ...]:
    """The city's card of every headline indicator, at the latest period ending no later than `upto`."""
    from kpi.metrics.analysis import card

    catalogue, register = core()
    return tuple(
        (ind.id, card(table("kota", ind.frequency), ind.id, register.kota.kode, upto=upto))
        for ind in catalogue.headline
    )


@st.cache_resource(show_spinner=False)
def trend_series(level: str, grain: str, indicator_id: str, codes: tuple[str, ...]):
    """Tren's lines: every period of the indicator for these wilayah and the city, gaps kept as NaN rows."""
    from kpi.metrics import series

    catalogue, _ = core()
    return series.series(table(level, grain), table("kota", grain), catalogue.get(indicator_id), list(codes))


@st.cache_resource(show_spinner=False)
def trend_yoy(level: str, grain: str, indicator_id: str, codes: tuple[str, ...], period: str):
    """Tren's year-on-year table for these wilayah and the city at a period."""
    from kpi.metrics import series

    return series.yoy_table(table(level, grain), table("kota", grain), indicator_id, list(codes), period)

"""Cached loading: files are read and validated once per process, tables computed once per level and grain.

Everything computed from the observations is cached under the import store's version (`store_version()`, read once
per rerun by `refresh()`): an import or a rollback, here or from the command line, changes the version, so the next
rerun computes afresh and nothing has to be cleared by hand. Old versions age out of the bounded caches."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kpi.core.catalogue import Catalogue, load_catalogue
from kpi.core.issues import Issue
from kpi.core.wilayah import Register, load_register
from kpi.metrics.analysis import data_date, indicator_table
from kpi.store import source


@st.cache_resource(show_spinner=False)
def core() -> tuple[Catalogue, Register]:
    """The indicator catalogue and the wilayah register."""
    return load_catalogue(), load_register()


_seen: dict[str, tuple] = {}


def store_version() -> tuple:
    """The import store's fingerprint, as read at the start of this rerun."""
    return _seen.get("version") or source.version()


def refresh() -> None:
    """Read the store's fingerprint once per rerun: every data cache below is keyed on it."""
    _seen["version"] = source.version()


@st.cache_resource(show_spinner=False, max_entries=2)
def _source(version: tuple) -> source.Source:
    """The observations on display for a store version: the import store when it holds data, else the sample."""
    return source.current()


def observations() -> tuple[pd.DataFrame | None, list[Issue]]:
    """The observations on display and any problems loading them."""
    current = _source(store_version())
    return current.frame, current.issues


@st.cache_resource(show_spinner=False, max_entries=32)
def _table(version: tuple, level: str, grain: str) -> pd.DataFrame:
    obs, _ = observations()
    catalogue, register = core()
    return indicator_table(obs, catalogue, register, level, grain)


def table(level: str, grain: str) -> pd.DataFrame:
    """Indicator table at a level and grain (shared, read-only: never modify the returned frame)."""
    return _table(store_version(), level, grain)


def is_sample() -> bool:
    """True while the dashboard shows synthetic data: the embedded sample, or an imported sample batch."""
    return _source(store_version()).synthetic


def superseded() -> pd.DataFrame | None:
    """The imported observations left out because raw records give their place (None while the sample shows)."""
    return _source(store_version()).superseded


def latest_date():
    """The last day the data covers."""
    obs, _ = observations()
    return data_date(obs)


def achievement_grid(category: str | None, grain: str, codes: tuple[str, ...]):
    """The Perbandingan heatmap's inputs for a category, grain and kecamatan: (latest periods, achievement, values)."""
    return _achievement_grid(store_version(), category, grain, codes)


@st.cache_resource(show_spinner=False, max_entries=64)
def _achievement_grid(version: tuple, category: str | None, grain: str, codes: tuple[str, ...]):
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


def headline_cards(upto: str | None) -> tuple[tuple[str, dict | None], ...]:
    """The city's card of every headline indicator, at the latest period ending no later than `upto`."""
    return _headline_cards(store_version(), upto)


@st.cache_resource(show_spinner=False, max_entries=64)
def _headline_cards(version: tuple, upto: str | None) -> tuple[tuple[str, dict | None], ...]:
    from kpi.metrics.analysis import card

    catalogue, register = core()
    return tuple(
        (ind.id, card(table("kota", ind.frequency), ind.id, register.kota.kode, upto=upto))
        for ind in catalogue.headline
    )


def trend_series(level: str, grain: str, indicator_id: str, codes: tuple[str, ...]):
    """Tren's lines: every period of the indicator for these wilayah and the city, gaps kept as NaN rows."""
    return _trend_series(store_version(), level, grain, indicator_id, codes)


@st.cache_resource(show_spinner=False, max_entries=128)
def _trend_series(version: tuple, level: str, grain: str, indicator_id: str, codes: tuple[str, ...]):
    from kpi.metrics import series

    catalogue, _ = core()
    return series.series(table(level, grain), table("kota", grain), catalogue.get(indicator_id), list(codes))


def trend_yoy(level: str, grain: str, indicator_id: str, codes: tuple[str, ...], period: str):
    """Tren's year-on-year table for these wilayah and the city at a period."""
    return _trend_yoy(store_version(), level, grain, indicator_id, codes, period)


@st.cache_resource(show_spinner=False, max_entries=128)
def _trend_yoy(version: tuple, level: str, grain: str, indicator_id: str, codes: tuple[str, ...], period: str):
    from kpi.metrics import series

    return series.yoy_table(table(level, grain), table("kota", grain), indicator_id, list(codes), period)

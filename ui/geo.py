"""Cached boundaries and their web-ready GeoJSON: prepared once per process, never on a rerun."""

from __future__ import annotations

import streamlit as st

from charts.maps import feature_collection
from kpi.geo import Boundaries, load_boundaries


@st.cache_resource(show_spinner=False)
def boundaries() -> Boundaries:
    """Installed official boundaries, or the approximate fallback."""
    return load_boundaries()


def _level(level: str, parents: tuple[str, ...] = (), codes: tuple[str, ...] = ()):
    gdf = boundaries().level(level)
    gdf = gdf[gdf["kode_induk"].isin(parents)] if parents else gdf
    return gdf[gdf["kode"].isin(codes)] if codes else gdf


@st.cache_resource(show_spinner=False)
def geojson(level: str, parents: tuple[str, ...] = (), codes: tuple[str, ...] = ()) -> dict:
    """GeoJSON of one level (only the children of `parents`, or only `codes`, when given): kode and nama."""
    return feature_collection(_level(level, parents, codes))


def label_points(level: str, parents: tuple[str, ...] = (), codes: tuple[str, ...] = ()):
    """Names and label points of one level, for map labels."""
    return _level(level, parents, codes)[["kode", "nama", "label_lat", "label_lon"]]

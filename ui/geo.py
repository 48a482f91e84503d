"""Cached boundaries and their web-ready GeoJSON: prepared once per process, never on a rerun."""
from __future__ import annotations

import streamlit as st

from kpi.geo import Boundaries, load_boundaries
from kpi.maps import feature_collection


@st.cache_resource(show_spinner=False)
def boundaries() -> Boundaries:
    """Installed official boundaries, or the approximate fallback."""
    return load_boundaries()


@st.cache_resource(show_spinner=False)
def geojson(level: str, parent: str | None = None) -> dict:
    """GeoJSON of one level (optionally only the children of `parent`), with kode and nama properties."""
    gdf = boundaries().level(level)
    if parent is not None:
        gdf = gdf[gdf["kode_induk"] == parent]
    return feature_collection(gdf)


def label_points(level: str, parent: str | None = None):
    """Names and label points of one level, for map labels."""
    gdf = boundaries().level(level)
    if parent is not None:
        gdf = gdf[gdf["kode_induk"] == parent]
    return gdf[["kode", "nama", "label_lat", "label_lon"]]

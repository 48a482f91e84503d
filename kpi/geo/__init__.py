"""Boundaries of Kota Tangerang Selatan: read an official file (read), match it to the register (match), refuse
overlaps and gaps above a tolerance (coverage), repair and simplify it as one coverage and keep it in the local store
(store), or build approximate cells (fallback).

The public API is kpi.geo.boundaries, re-exported here; `python -m kpi.geo install FILE | status` is its command."""

from kpi.geo.boundaries import InstallReport, fallback_boundaries, install, load_boundaries, main, store_dir
from kpi.geo.match import Match, match_features
from kpi.geo.store import COLUMNS, LEVELS, Boundaries, payload_bytes, to_geojson

__all__ = [
    "COLUMNS",
    "LEVELS",
    "Boundaries",
    "InstallReport",
    "Match",
    "fallback_boundaries",
    "install",
    "load_boundaries",
    "main",
    "match_features",
    "payload_bytes",
    "store_dir",
    "to_geojson",
]

"""Boundaries of Kota Tangerang Selatan: read an official file (read), match it to the register (match), repair and
simplify it as one coverage and keep it in the local store (store), or build approximate cells (fallback).

The public API is kpi.geo.boundaries, re-exported here; `python -m kpi.geo install FILE | status` is its command."""

from kpi.geo.boundaries import (
    COLUMNS,
    LEVELS,
    Boundaries,
    InstallReport,
    Match,
    fallback_boundaries,
    install,
    load_boundaries,
    main,
    match_features,
    payload_bytes,
    store_dir,
    to_geojson,
)

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

"""Figures built once per distinct input: a rerun with the same filters redraws a stored figure.

Building a plotly figure through its object model costs 50–700 ms; serialising a stored one costs a few. The
inputs are small (a snapshot of rows, codes, labels), so hashing them is cheap. Builders stay pure functions in
kpi/; pages call `cache.build(kpi_function, *args)` instead of `kpi_function(*args)`.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable

import streamlit as st


@st.cache_resource(max_entries=512, show_spinner=False)
def _build(module: str, name: str, args: tuple, kwargs: tuple):
    """The builder's result for these arguments (shared, read-only)."""
    return getattr(importlib.import_module(module), name)(*args, **dict(kwargs))


def build(builder: Callable, *args, **kwargs):
    """Call a module-level builder, or return its stored result for the same arguments."""
    return _build(builder.__module__, builder.__qualname__, args, tuple(sorted(kwargs.items())))

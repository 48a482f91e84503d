"""Figures built once per distinct input: a rerun with the same filters redraws a stored figure.

Building a plotly figure through its object model costs 50–700 ms; serialising a stored one costs a few. The key is a
digest of the pickled inputs (small: a snapshot of rows, codes, labels); inputs that cannot be pickled are simply
built every time. Builders stay pure functions in kpi/ and charts/; pages call `cache.build(function, *args)`. New data
means new inputs and so new keys; old figures age out of the bounded cache, nothing is cleared by hand.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable

import streamlit as st


@st.cache_resource(max_entries=512, show_spinner=False)
def _build(key: str, _builder: Callable, _args: tuple, _kwargs: dict):
    """The builder's result for the inputs digested in `key` (shared, read-only)."""
    return _builder(*_args, **_kwargs)


def build(builder: Callable, *args, **kwargs):
    """Call a module-level builder, or return its stored result for equal arguments."""
    try:
        payload = pickle.dumps((builder.__module__, builder.__qualname__, args, sorted(kwargs.items())), protocol=5)
    except (pickle.PicklingError, TypeError, AttributeError):
        return builder(*args, **kwargs)
    return _build(hashlib.sha256(payload).hexdigest(), builder, args, kwargs)

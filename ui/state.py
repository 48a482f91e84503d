"""Filters that live in the URL (?ind=ikm&tingkat=kelurahan&lang=en) as raw codes, so a copied link reproduces the
view in any language, and that survive page changes within a session.

Streamlit's own `bind="query-params"` writes the *formatted* option into the URL, which would change with the
language; here the URL always holds the option itself. Priority: the widget's current value (the user's latest
choice) > the URL > the value kept from another page > the default.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

_WIDGET = "_w_{}"
_KEPT = "_keep_{}"
_SET = "_set_{}"


def on_page(name: str) -> None:
    """Declare the page being drawn (ui.frame.page does it), so its widgets never take another page's state."""
    st.session_state["_page"] = name


def _widget_key(key: str) -> str:
    """The widget's session key: one per page (a page switch must read the URL or the kept value, not the last
    page's widget) and per language (Streamlit keeps a selectbox's value as its label, which the language changes).
    The language switch itself has fixed labels and is shared."""
    if key == "lang":
        return _WIDGET.format(key)
    language = st.session_state.get(_WIDGET.format("lang")) or st.query_params.get("lang") or "id"
    return _WIDGET.format(f"{key}__{st.session_state.get('_page', '')}__{language}")


def set_next(key: str, value) -> None:
    """Make a filter take `value` on the next run (e.g. a click on the map); call st.rerun() after."""
    st.session_state[_SET.format(key)] = value


def current(key: str, options: Sequence[str], default: str) -> str:
    """The value of a URL-backed filter before its widget is drawn."""
    for candidate in (
        st.session_state.get(_SET.format(key)),
        st.session_state.get(_widget_key(key)),
        st.query_params.get(key),
        st.session_state.get(_KEPT.format(key)),
    ):
        if candidate in options:
            return candidate
    return default


def _elsewhere(key: str, options: Sequence[str]) -> bool:
    """True when the URL or another page holds a value this page does not offer (e.g. the kelurahan level on a
    page that shows kecamatan only): that choice is left alone for the pages that offer it."""
    held = [st.query_params.get(key), st.session_state.get(_KEPT.format(key))]
    return any(v is not None and v not in options for v in held)


def _remember(key: str, value: str, default: str) -> None:
    """Write the value to the URL (omitted when it is the default) and keep it for other pages."""
    st.session_state[_KEPT.format(key)] = value
    if value == default:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != value:
        st.query_params[key] = value


def choice(
    widget: Callable,
    label: str,
    key: str,
    options: Sequence[str],
    default: str,
    format_func: Callable[[str], str] = str,
    **kwargs,
) -> str:
    """Draw a single-choice widget (st.selectbox, st.sidebar.segmented_control, …) backed by ?key=value."""
    options = list(options)
    default = default if default in options else options[0]
    value = current(key, options, default)
    st.session_state.pop(_SET.format(key), None)
    st.session_state[_widget_key(key)] = value
    picked = widget(label, options, format_func=format_func, key=_widget_key(key), **kwargs)
    picked = picked if picked in options else value
    if picked == value == default and _elsewhere(key, options):
        held = st.query_params.get(key)
        if held is not None:  # links to other pages drop the URL: keep the choice for them
            st.session_state[_KEPT.format(key)] = held
    else:
        _remember(key, picked, default)
    return picked


def current_many(key: str, options: Sequence[str]) -> list[str]:
    """The values of a URL-backed multi-choice filter (comma-separated in the URL) before its widget is drawn."""
    for candidate in (
        st.session_state.get(_SET.format(key)),
        st.session_state.get(_widget_key(key)),
        _split(st.query_params.get(key)),
        st.session_state.get(_KEPT.format(key)),
    ):
        if candidate is not None:
            kept = [v for v in candidate if v in options]
            if kept or candidate == []:
                return kept
    return []


def _split(text: str | None) -> list[str] | None:
    return None if text is None else [v for v in text.split(",") if v]


def many(
    widget: Callable, label: str, key: str, options: Sequence[str], format_func: Callable[[str], str] = str, **kwargs
) -> list[str]:
    """Draw a multi-choice widget (st.multiselect) backed by ?key=a,b; an empty choice means 'all'."""
    options = list(options)
    value = current_many(key, options)
    st.session_state.pop(_SET.format(key), None)
    st.session_state[_widget_key(key)] = value
    picked = [
        v for v in widget(label, options, format_func=format_func, key=_widget_key(key), **kwargs) if v in options
    ]
    st.session_state[_KEPT.format(key)] = picked
    if not picked:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != ",".join(picked):
        st.query_params[key] = ",".join(picked)
    return picked

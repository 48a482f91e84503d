"""A plotly chart on an analysis page, with its "PNG untuk slide" download below it.

The PNG (briefing.chart_png) is drawn only when the button is clicked, on Streamlit's download thread: everything it needs
(the figure, the footer's texts, the language) is captured here, and a failure there gives an image that says what
went wrong instead of a broken download, and a line in the server log. Pages call `charts.show(...)` where they
would call `st.plotly_chart`, so every chart gets the same export.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from briefing import chart_png
from briefing.deck import make_footer, scope_text
from ui import data
from ui.i18n import lang, t

logger = logging.getLogger(__name__)
CONFIG = {"displaylogo": False}


@st.cache_resource(show_spinner=False)
def can_render() -> bool:
    """Whether this server can draw PNGs, slides and packs (looked up once per process)."""
    return chart_png.renderer_available()


def scope(f, level: str | None = None) -> str:
    """The filters' wilayah in words, for the footer: 'Semua kecamatan', 'Kecamatan: Setu', 'Kelurahan: …'; `level`
    for a chart drawn at another level than the filters' (the kecamatan-only views of Perbandingan)."""
    return scope_text(level or f.level, f.kecamatan, f.kelurahan, data.core()[1], lang())


def show(
    fig: go.Figure,
    key: str,
    period: str,
    where: str,
    *,
    title: str | None = None,
    export: go.Figure | Callable[[], go.Figure] | None = None,
    config: dict | None = None,
    **kwargs,
):
    """st.plotly_chart plus the slide PNG of `export` (default: the figure itself; a function is called only when the
    PNG is made, e.g. a map with its names drawn); returns the chart's event."""
    event = st.plotly_chart(fig, key=key, config={**CONFIG, **(config or {})}, **kwargs)
    png_button(export if export is not None else fig, key, period, where, title=title)
    return event


def png_button(
    fig: go.Figure | Callable[[], go.Figure],
    key: str,
    period: str,
    where: str,
    *,
    title: str | None = None,
    help_key: str = "png_help",
) -> None:
    """The download button of a chart's 1920×1080 PNG with the footer: period, `where`, data date, sample label."""
    footer = make_footer(period, where, data.latest_date(), lang(), data.is_sample())
    failed, ready = t("png_failed"), can_render()
    st.download_button(
        t("png_slide"),
        lambda: slide_png(fig, footer, title, failed),
        file_name(key, period),
        "image/png",
        key=f"{key}_png",
        on_click="ignore",
        icon=":material/image:",
        type="tertiary",
        disabled=not ready,
        help=t(help_key) if ready else t("png_no_browser"),
    )


def slide_png(fig: go.Figure | Callable[[], go.Figure], footer, title: str | None, failed: str) -> bytes:
    """The PNG bytes, made on the download thread (no st.* here); on failure an image saying `failed` (with the kind
    of problem), and the traceback in the server log: never a broken download."""
    try:
        return chart_png.chart_png(fig() if callable(fig) else fig, footer, title)
    except Exception as problem:
        logger.exception("drawing the slide PNG of %r (%s) failed", title, footer.left)
        return chart_png.message_png(failed.format(problem=type(problem).__name__), footer)


def file_name(key: str, period: str) -> str:
    """'tangsel_peta-ringkas-okt-2026.png': the chart's key and its period, safe on every file system."""
    slug = re.sub(r"[^a-z0-9]+", "-", f"{key} {period}".lower()).strip("-")
    return f"tangsel_{slug}.png"

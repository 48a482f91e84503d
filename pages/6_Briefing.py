"""Briefing: presenter mode. The monthly deck (briefing.deck) as a 16:9 slideshow, one slide at a time, for the period
and kecamatan of the URL (?periode=2026-10&kecamatan=36.74.01&slide=3&lang=en), with the pack's footer, previous/next
(also the arrow keys), and downloads of the slide (PNG) and the whole pack (PPTX, PDF), each built on click."""

import logging
import tempfile
from pathlib import Path

import streamlit as st

from briefing.deck import BriefingError, build_deck, latest_with_data, parse_period, write_pack
from briefing.render import chart_renderer, message_file, png_bytes, slide_image
from kpi.core import periods
from ui import charts, data, state
from ui.frame import page, status_line
from ui.i18n import lang, t

logger = logging.getLogger(__name__)
CHART_CONFIG = {"displayModeBar": False, "displaylogo": False, "scrollZoom": False}


@st.cache_resource(max_entries=32, show_spinner=False)
def _built(version: tuple, period: str, kecamatan: tuple[str, ...], language: str, synthetic: bool):
    """The deck, once per store version (the data on display), period, kecamatan and language."""
    obs, _ = data.observations()
    return build_deck(obs, period, kecamatan, language, synthetic)


def _deck(period: str | None, kecamatan: tuple[str, ...]):
    """The deck and its period: the URL's, else the latest with headline data (with a warning when the URL's is
    unknown or has none); without any headline data, a notice and nothing else."""
    latest = latest_with_data(data.table, *data.core())
    args = (kecamatan, lang(), data.is_sample())
    try:
        chosen = parse_period(period or latest or "")
        return _built(data.store_version(), chosen, *args), chosen
    except BriefingError as problem:
        if latest is None:
            st.info(t("briefing_no_headline_data"), icon=":material/info:")
            st.stop()
        if period:
            st.warning(t("briefing_period_fallback").format(problem=problem, shown=periods.display(latest, lang())))
        return _built(data.store_version(), latest, *args), latest


def _kecamatan(register) -> tuple[str, ...]:
    """The URL's (or the filters') kecamatan; unknown codes are named in a warning and left out."""
    known = [u.kode for u in register.level("kecamatan")]
    unknown = [v for v in (st.query_params.get("kecamatan") or "").split(",") if v and v not in known]
    if unknown:
        names = ", ".join(f"{register.name(k)} ({k})" for k in known)
        st.warning(t("briefing_unknown_kecamatan").format(codes=", ".join(unknown), names=names))
    return tuple(state.current_many("kecamatan", known))


def _slide_number(total: int) -> int:
    """?slide=N (1-based), kept within the deck."""
    try:
        number = int(st.query_params.get("slide", "1"))
    except ValueError:
        number = 1
    return min(max(number, 1), total)


def _go(number: int) -> None:
    st.query_params["slide"] = str(number)


def _file(deck, suffix: str, index: int, failed: str) -> bytes:
    """The slide (.png) or the pack (.pptx, .pdf), made on the download thread (no st.* here); on failure the same
    kind of file saying `failed`, and the traceback in the server log: never a broken download."""
    try:
        if suffix == ".png":
            with chart_renderer() as render:
                return png_bytes(slide_image(deck, index, render(deck.slides[index])))
        with tempfile.TemporaryDirectory() as folder:
            return write_pack(deck, Path(folder) / f"briefing{suffix}").read_bytes()
    except Exception as problem:
        logger.exception("briefing %s download of %r failed", suffix, deck.title)
        return message_file(failed.format(problem=type(problem).__name__), suffix, deck.footer)


page("briefing_title", presenter=True)
deck, period = _deck(st.query_params.get("periode"), _kecamatan(data.core()[1]))
total = len(deck.slides)
number = _slide_number(total)
st.query_params["slide"] = str(number)
slide = deck.slides[number - 1]

with st.container(key="brf_head"):
    st.header(slide.title, anchor=False)
    st.markdown(slide.subtitle)
with st.container(key="brf_body", horizontal=True, gap="medium"):
    if slide.figure is not None:
        st.plotly_chart(
            slide.figure,
            width="content",
            theme=None,
            config=CHART_CONFIG,
            key="briefing_chart_split" if slide.blocks else "briefing_chart_full",
        )
    if slide.blocks:
        with st.container(key="brf_text"):
            for block in slide.blocks:
                if block.heading:
                    st.markdown(f"**{block.heading}**")
                for line in block.lines:
                    st.markdown(line)
with st.container(key="brf_foot", horizontal=True, vertical_alignment="center", gap="large"):
    st.markdown(f"{deck.footer.period} · {deck.footer.filters}")
    status_line(presenter=True)
with st.container(key="brf_nav", horizontal=True, vertical_alignment="center"):
    st.button(
        t("briefing_prev"),
        icon=":material/arrow_back:",
        key="briefing_prev",
        shortcut="Left",
        disabled=number == 1,
        on_click=_go,
        args=(number - 1,),
    )
    st.markdown(t("briefing_counter").format(n=number, total=total))
    st.button(
        t("briefing_next"),
        icon=":material/arrow_forward:",
        key="briefing_next",
        shortcut="Right",
        disabled=number == total,
        on_click=_go,
        args=(number + 1,),
    )
    st.space("stretch")
    stem, failed, ready = f"briefing_{period}", t("briefing_failed"), charts.can_render()
    off = {"disabled": not ready, "help": None if ready else t("briefing_no_browser"), "on_click": "ignore"}
    st.download_button(
        t("briefing_png"),
        lambda: _file(deck, ".png", number - 1, failed),
        f"{stem}_slide{number}.png",
        "image/png",
        key="briefing_png",
        icon=":material/image:",
        **off,
    )
    st.download_button(
        t("briefing_pptx"),
        lambda: _file(deck, ".pptx", 0, failed),
        f"{stem}.pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        key="briefing_pptx",
        icon=":material/slideshow:",
        **off,
    )
    st.download_button(
        t("briefing_pdf"),
        lambda: _file(deck, ".pdf", 0, failed),
        f"{stem}.pdf",
        "application/pdf",
        key="briefing_pdf",
        icon=":material/picture_as_pdf:",
        **off,
    )
    st.page_link("app.py", label=t("briefing_exit"), icon=":material/close:")

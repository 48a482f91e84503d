"""The shared frame of every page: page config, translated navigation, language switch, sample badge, data date."""

from __future__ import annotations

import streamlit as st

from kpi import settings
from kpi.core import periods
from kpi.report.imports import issues_table
from ui import data, state
from ui.i18n import LANGS, lang, t

# (script, title key, icon): the pages-directory files, drawn as translated links in the sidebar.
PAGES = (
    ("app.py", "ringkasan", ":material/dashboard:"),
    ("pages/1_Peta.py", "peta", ":material/map:"),
    ("pages/2_Tren.py", "tren", ":material/show_chart:"),
    ("pages/3_Perbandingan.py", "perbandingan", ":material/leaderboard:"),
    ("pages/4_Data.py", "data", ":material/table:"),
    ("pages/5_Impor.py", "impor", ":material/upload_file:"),
    ("pages/6_Briefing.py", "briefing", ":material/slideshow:"),
)
BRIEFING = "pages/6_Briefing.py"
_CSS = """
<style>
  .block-container {padding-top: 2.2rem; padding-bottom: 1rem;}
  [data-testid="stSidebarHeader"] {height: 1rem; min-height: 1rem;}
</style>
"""
# Presenter mode: no Streamlit chrome; the slide is laid out in 1920×1080 slide pixels, as the packs are, and zoomed
# to the window (2/3 at 1280×720, so 36-px body text reads 24 px). Streamlit sizes a plotly chart to the height it
# measures, zoom included, which would shrink the chart (and squeeze its labels): the chart's wrapper is given no
# height of its own, and the figure's width (1776 or 880 slide px, briefing.slides) divided by the zoom, so the
# figure keeps its own size (the body box has the height; a negative margin takes the extra width back). Sizes follow briefing.slides.SIZE.
_PRESENTER_CSS = """
<style>
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"] {display: none !important;}
  [data-testid="stMainBlockContainer"] {padding: 20px 72px 0 72px !important; max-width: none !important; zoom: 1;}
  @media (max-width: 1919px), (max-height: 1059px) {[data-testid="stMainBlockContainer"] {zoom: 0.8;}}
  @media (max-width: 1535px), (max-height: 847px) {[data-testid="stMainBlockContainer"] {zoom: 0.6667;}}
  @media (max-width: 1279px), (max-height: 705px) {[data-testid="stMainBlockContainer"] {zoom: 0.5;}}
  [class*="st-key-briefing_chart"] [data-testid="stPlotlyChart"] {height: 0 !important; overflow: visible !important;}
  .st-key-briefing_chart_full {width: 1776px !important; min-width: 1776px; max-width: none !important; margin-right: 0px;} .st-key-briefing_chart_split {width: 880px !important; min-width: 880px; flex: none !important; margin-right: 0px;}
  @media (max-width: 1919px), (max-height: 1059px) {.st-key-briefing_chart_full {width: 2220px !important; min-width: 2220px; max-width: none !important; margin-right: -444px;} .st-key-briefing_chart_split {width: 1100px !important; min-width: 1100px; flex: none !important; margin-right: -220px;}}
  @media (max-width: 1535px), (max-height: 847px) {.st-key-briefing_chart_full {width: 2664px !important; min-width: 2664px; max-width: none !important; margin-right: -888px;} .st-key-briefing_chart_split {width: 1320px !important; min-width: 1320px; flex: none !important; margin-right: -440px;}}
  @media (max-width: 1279px), (max-height: 705px) {.st-key-briefing_chart_full {width: 3552px !important; min-width: 3552px; max-width: none !important; margin-right: -1776px;} .st-key-briefing_chart_split {width: 1760px !important; min-width: 1760px; flex: none !important; margin-right: -880px;}}
  .st-key-brf_body > div {flex: none !important;}
  .st-key-brf_text {width: 848px !important;}
  [data-testid="stMain"] {background: #ffffff; color: #111827;}
  .st-key-brf_head {gap: 4px;}
  .st-key-brf_head h2 {font-size: 56px; line-height: 1.2; font-weight: 700; color: #111827; padding: 0;}
  .st-key-brf_head p {font-size: 32px; line-height: 1.3; color: #374151;}
  .st-key-brf_body {height: 740px !important; min-height: 740px; overflow: hidden; flex-wrap: nowrap !important;}
  .st-key-brf_text p {font-size: 36px; line-height: 1.3; color: #111827;}
  .st-key-brf_text strong {font-size: 40px;}
  .st-key-brf_foot {background: #e5e7eb; padding: 10px 16px; border-radius: 6px; row-gap: 4px;}
  .st-key-brf_foot p, .st-key-brf_foot span {font-size: 28px !important; color: #111827 !important;}
  .st-key-brf_foot span {line-height: 1.3;}
  .st-key-brf_nav p, .st-key-brf_nav span, .st-key-brf_nav button, .st-key-brf_nav a {font-size: 26px;}
</style>
"""


def _navigation() -> None:
    """Links to every page, labelled in the current language; the URL's filters travel with them."""
    for script, key, icon in PAGES:
        if (settings.ROOT / script).exists():
            st.sidebar.page_link(script, label=t(key), icon=icon)
    st.sidebar.divider()


def _language_switch() -> None:
    """Bahasa Indonesia / English, kept in the URL (?lang=en) and across pages."""
    state.choice(st.sidebar.segmented_control, t("language"), "lang", list(LANGS), "id", LANGS.get, required=True)


def _show_load_problems(issues, stop: bool = True) -> None:
    """Why the data cannot be shown: the problems, one row per cause (the first 200 causes)."""
    st.error(t("load_failed"))
    st.dataframe(issues_table(issues, lang()).head(200), hide_index=True)
    if stop:
        st.stop()


def page(title_key: str, require_data: bool = True, presenter: bool = False) -> None:
    """Set up a page: config, navigation, language, the load check, and the sample badge with the data date.

    A page that must work when the data cannot be loaded (Impor Data, where a bad batch is rolled back) passes
    require_data=False: the problems are shown and the page goes on. `presenter` (the Briefing page) hides the
    sidebar and Streamlit's chrome and draws no title or status line: the page puts `status_line()` in its footer.
    Any page opened with ?mode=briefing becomes the Briefing page, with the URL's filters.
    """
    if not presenter and st.query_params.get("mode") == "briefing":
        st.switch_page(BRIEFING, query_params={k: v for k, v in st.query_params.items() if k != "mode"})
    state.on_page(title_key)
    st.set_page_config(
        page_title=t(title_key),
        page_icon="📊",
        layout="wide",
        initial_sidebar_state="collapsed" if presenter else "auto",
    )
    st.markdown(_CSS + (_PRESENTER_CSS if presenter else ""), unsafe_allow_html=True)
    if presenter:
        if lang() != "id":
            st.query_params["lang"] = lang()  # the link reproduces the language without the switch
    else:
        _navigation()
        _language_switch()
    data.refresh()
    obs, issues = data.observations()
    if obs is None and require_data:
        _show_load_problems(issues)
    if presenter:
        return
    st.title(t(title_key))
    if obs is None:
        _show_load_problems(issues, stop=False)
        return
    status_line()


def status_line(presenter: bool = False) -> None:
    """The sample badge (while the data are synthetic) and the data date: a quiet caption on the pages, full-contrast
    text in presenter mode (read from the back of a room)."""
    end = data.latest_date()
    with st.container(horizontal=True, vertical_alignment="center"):
        if data.is_sample():
            st.badge(t("sample_badge"), icon=":material/science:", color="orange", help=t("sample_note"))
        (st.markdown if presenter else st.caption)(
            f"{t('data_until')}: {end.day} {periods.display(f'{end.year}-{end.month:02d}', lang())}"
        )

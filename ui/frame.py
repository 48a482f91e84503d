"""The shared frame of every page: page config, translated navigation, language switch, sample badge, data date."""
from __future__ import annotations

import streamlit as st

from pathlib import Path

from kpi import periods
from ui import data, state
from ui.i18n import LANGS, lang, t

ROOT = Path(__file__).resolve().parents[1]
# (script, title key, icon): the pages-directory files, drawn as translated links in the sidebar.
PAGES = (
    ("app.py", "ringkasan", ":material/dashboard:"),
    ("pages/1_Peta.py", "peta", ":material/map:"),
    ("pages/2_Tren.py", "tren", ":material/show_chart:"),
    ("pages/3_Perbandingan.py", "perbandingan", ":material/leaderboard:"),
    ("pages/4_Data.py", "data", ":material/table:"),
    ("pages/5_Impor.py", "impor", ":material/upload_file:"),
)
_CSS = """
<style>
  .block-container {padding-top: 2.2rem; padding-bottom: 1rem;}
  [data-testid="stSidebarHeader"] {height: 1rem; min-height: 1rem;}
</style>
"""


def _navigation() -> None:
    """Links to every page, labelled in the current language; the URL's filters travel with them."""
    for script, key, icon in PAGES:
        if (ROOT / script).exists():
            st.sidebar.page_link(script, label=t(key), icon=icon)
    st.sidebar.divider()


def _language_switch() -> None:
    """Bahasa Indonesia / English, kept in the URL (?lang=en) and across pages."""
    state.choice(st.sidebar.segmented_control, t("language"), "lang", list(LANGS), "id", LANGS.get, required=True)


def _show_load_problems(issues, stop: bool = True) -> None:
    st.error(t("load_failed"))
    st.dataframe([{"baris": i.row, "kolom": i.column, "kode": i.code, "pesan": i.message} for i in issues[:200]])
    if stop:
        st.stop()


def page(title_key: str, require_data: bool = True) -> None:
    """Set up a page: config, navigation, language, the load check, and the sample badge with the data date.

    A page that must work when the data cannot be loaded (Impor Data, where a bad batch is rolled back) passes
    require_data=False: the problems are shown and the page goes on.
    """
    state.on_page(title_key)
    st.set_page_config(page_title=t(title_key), page_icon="📊", layout="wide")
    st.markdown(_CSS, unsafe_allow_html=True)
    _navigation()
    _language_switch()
    data.refresh()
    obs, issues = data.observations()
    if obs is None and require_data:
        _show_load_problems(issues)
    st.title(t(title_key))
    if obs is None:
        _show_load_problems(issues, stop=False)
        return
    end = data.latest_date()
    with st.container(horizontal=True, vertical_alignment="center"):
        if data.is_sample():
            st.badge(t("sample_badge"), icon=":material/science:", color="orange", help=t("sample_note"))
        st.caption(f"{t('data_until')}: {end.day} {periods.display(f'{end.year}-{end.month:02d}', lang())}")

"""The shared frame of every page: page config, language switch, sample badge and data date."""
from __future__ import annotations

import streamlit as st

from kpi import periods
from ui import data
from ui.i18n import LANGS, lang, t


def _language_switch() -> None:
    choice = st.sidebar.radio(t("language"), list(LANGS), format_func=LANGS.get, index=list(LANGS).index(lang()),
                              horizontal=True, key="lang_switch")
    if choice != lang():
        st.query_params["lang"] = choice
        st.rerun()


def _show_load_problems(issues) -> None:
    st.error(t("load_failed"))
    st.dataframe([{"baris": i.row, "kolom": i.column, "kode": i.code, "pesan": i.message} for i in issues[:200]])
    st.stop()


def page(title_key: str) -> None:
    """Set up a page: config, sidebar language switch, the load check, and the sample badge with the data date."""
    st.set_page_config(page_title=t(title_key), page_icon="📊", layout="wide")
    _language_switch()
    obs, issues = data.observations()
    if obs is None:
        _show_load_problems(issues)
    st.title(t(title_key))
    end = data.latest_date()
    month = periods.display(f"{end.year}-{end.month:02d}", lang())
    cols = st.columns([1, 3])
    if data.is_sample():
        cols[0].badge(t("sample_badge"), icon=":material/science:", color="orange", help=t("sample_note"))
    cols[1].caption(f"{t('data_until')}: {end.day} {month}")

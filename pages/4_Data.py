"""Data: the filtered table in the reader's number format, CSV and XLSX downloads that carry their filters, and the
indicator dictionary."""

import streamlit as st

from kpi.report import export, labels
from ui import cache, data, filters, state
from ui import format as fmt
from ui.frame import page
from ui.i18n import labeller, lang, t

page("data_title")
catalogue, register = data.core()
f = filters.sidebar()
if f.period is None:
    st.info(t("no_values"))
    st.stop()

code, sample, until = lang(), data.is_sample(), data.latest_date()
ind = f.indicator
tab_table, tab_dictionary = st.tabs([t("data_tab_table"), t("data_tab_dictionary")])

with tab_table:
    with st.container(horizontal=True, vertical_alignment="bottom"):
        scope = state.choice(
            st.segmented_control,
            t("data_lingkup"),
            "data_lingkup",
            ["periode", "semua"],
            "periode",
            labeller(lambda v, lg: t(f"data_lingkup_{v}", lg)),
            required=True,
        )
        everything = scope == "semua"
        rows = export.select_rows(
            data.table(f.level, f.grain), ind.id, None if everything else f.period, register, f.kecamatan, f.kelurahan
        )

        # Files are built when a button is clicked (on Streamlit's download thread: no st.* calls, all inputs captured
        # here), so the generation time written into them is the moment of the download.
        def _meta():
            return export.filters_meta(f, catalogue, register, code, sample, until, all_periods=everything)

        def _csv() -> bytes:
            return export.to_csv_bytes(rows, _meta(), catalogue, code)

        def _xlsx() -> bytes:
            return export.to_xlsx_bytes(rows, _meta(), catalogue, code)

        st.space("stretch")
        st.download_button(
            t("data_download_csv"),
            _csv,
            export.file_name(f, register, rows, "csv"),
            "text/csv",
            key="data_csv",
            on_click="ignore",
            icon=":material/download:",
            help=t("data_csv_help"),
            disabled=rows.empty,
        )
        st.download_button(
            t("data_download_xlsx"),
            _xlsx,
            export.file_name(f, register, rows, "xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="data_xlsx",
            on_click="ignore",
            icon=":material/table_view:",
            help=t("data_xlsx_help"),
            disabled=rows.empty,
        )
    if rows.empty:
        st.info(t("data_no_rows"))
    else:
        span = t("data_lingkup_semua") if everything else labels.period_label(rows, f.period, code)
        st.caption(
            t("data_rows").format(n=fmt.number(len(rows), 0, code), indicator=ind.text("label", code), periods=span)
        )
        shown = cache.build(export.display_table, rows, catalogue, code)
        config = {
            shown.columns[0]: st.column_config.TextColumn(pinned=True),  # the wilayah stays in view
            **{name: st.column_config.TextColumn(alignment="right") for name in export.numeric_columns(code)},
        }
        st.dataframe(shown, hide_index=True, width="stretch", column_config=config)
    if sample:
        st.caption(":material/science: " + t("data_sample_note"))
    with st.expander(t("data_definition").format(name=ind.text("label", code)), icon=":material/menu_book:"):
        pairs = export.definition(ind, catalogue, code)
        st.table({t("data_field"): [p[0] for p in pairs], t("data_text"): [p[1] for p in pairs]}, hide_index=True)

with tab_dictionary:
    st.caption(t("data_dictionary_intro"))
    entries = export.dictionary(catalogue, catalogue.band_sets, code)
    st.dataframe(
        entries,
        hide_index=True,
        width="stretch",
        column_config={name: st.column_config.TextColumn(pinned=True) for name in entries.columns[:2]},
    )

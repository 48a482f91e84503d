"""Impor Data: a dry run with the column mapping, the sheets of a workbook read and skipped, every problem (one table
row per cause) and the KPIs a file would change, an all-or-nothing save, the batch history with rollback and the
audit log, and the record formats with their templates."""

import hashlib

import streamlit as st

from kpi import settings
from kpi.inputs import records
from kpi.report import imports as report
from kpi.store.batches import KINDS, Store, StoreLocked
from kpi.store.problems import StoreProblem
from ui import data, mapping, state
from ui.frame import page
from ui.i18n import labeller, lang, t

page("impor_title", require_data=False)
catalogue, register = data.core()
code = lang()
store = Store()


def _kind_label(kind: str, lg: str) -> str:
    return t(f"impor_kind_{kind}", lg)


def read(reader):
    """A table from the store, or None and the store's own message: while another process holds it, or when the
    store cannot be used (damaged, not a folder …)."""
    try:
        return reader()
    except StoreLocked as exc:
        st.warning(str(exc), icon=":material/lock:")
    except StoreProblem as exc:
        st.error(str(exc), icon=":material/error:")
    return None


def source_note(batches) -> None:
    """Which data the dashboard shows now."""
    active = 0 if batches is None else int((batches["status"] == "aktif").sum())
    if not active:
        st.info(t("impor_source_sample"), icon=":material/science:")
    elif data.is_sample():
        st.info(t("impor_source_store_sample").format(n=active), icon=":material/science:")
    else:
        st.info(t("impor_source_store").format(n=active), icon=":material/database:")
    hidden = data.superseded()
    shown = None if hidden is None else report.superseded_kpis(hidden, catalogue)
    if shown is not None and len(shown):  # observations the records win over (kpi.store.kpis), never hidden unsaid
        with st.expander(t("imports.superseded_standing").format(n=len(shown)), icon=":material/layers:"):
            st.dataframe(report.superseded_table(hidden, catalogue, register, code), hide_index=True, width="stretch")


def last_outcome() -> None:
    """The result of the save or rollback that triggered this rerun."""
    outcome = st.session_state.pop("impor_outcome", None)
    if outcome is not None:
        (st.success if outcome.ok else st.error)(outcome.message)


def dry_run(content: bytes, name: str, kind: str):
    """The dry run of this file against the store as it is now, with the mapping the user applied (kept for the
    session while nothing changes)."""
    sha = hashlib.sha256(content).hexdigest()
    chosen = mapping.confirmed(sha, kind)
    key = (sha, name, kind, data.store_version(), None if chosen is None else tuple(chosen.names().items()))
    cached = st.session_state.get("impor_plan")
    if cached is None or cached[0] != key:
        with st.spinner(t("impor_checking")):
            cached = (key, store.plan(content, kind, name, mapping=chosen))
        st.session_state["impor_plan"] = cached
    return cached[1]


def show_problems(plan) -> None:
    """The problems, one table row per cause, and the download of every row's problem."""
    st.error(t("impor_problems").format(n=len(plan.issues)), icon=":material/error:")
    table = report.issues_table(plan.issues, code)
    if len(table) < len(plan.issues):
        st.caption(t("impor_problems_grouped").format(causes=len(table), n=len(plan.issues)))
    st.dataframe(table, hide_index=True, width="stretch")
    mapping.suggestions(plan)
    st.download_button(
        t("impor_problems_download"),
        report.issues_csv(plan.issues),
        f"masalah_{plan.file_name}.csv",
        "text/csv",
        key="impor_issues_csv",
        on_click="ignore",
        icon=":material/download:",
    )


def show_sheets(plan) -> None:
    """The sheets of a workbook of several: which were read, with their rows, and which were skipped or refused, and
    why."""
    if len(plan.sheets) < 2:
        return
    st.caption(report.sheets_summary(plan.sheets, code))
    st.dataframe(report.sheets_table(plan.sheets, code), hide_index=True, width="stretch")


def show_plan(plan, kind: str) -> None:
    """The dry run: the sheets read, then problems, or the overlap choice, the KPI preview and the save button."""
    st.caption(t("impor_checked").format(file=plan.file_name, rows=plan.rows, sha=plan.sha256[:12]))
    mapping.editor(plan)
    show_sheets(plan)
    if not plan.ok:
        show_problems(plan)
        return
    if plan.already:
        st.info(
            t("impor_already").format(
                batch=plan.already["batch_id"], file=plan.already["berkas"], when=plan.already["diimpor_pada"]
            ),
            icon=":material/check_circle:",
        )
        return
    st.success(t("impor_ok").format(rows=plan.rows), icon=":material/task_alt:")
    if plan.synthetic:
        st.caption(":material/science: " + t("impor_synthetic"))
    choice = "replace"
    if not plan.overlap.empty:
        st.warning(t("impor_overlap").format(n=len(plan.overlap)), icon=":material/content_copy:")
        st.dataframe(plan.overlap.head(200), hide_index=True, width="stretch")
        choice = st.radio(
            t("impor_overlap_choice"),
            ["replace", "skip"],
            key="impor_on_overlap",
            horizontal=True,
            format_func=labeller(lambda v, lg: t(f"impor_overlap_{v}", lg)),
        )
    show_superseded(plan)
    st.subheader(t("impor_preview"))
    if plan.preview.empty:
        st.caption(t("impor_preview_none"))
    else:
        st.caption(t("impor_preview_count").format(n=len(plan.preview)))
        st.dataframe(report.preview_table(plan.preview, catalogue, register, code), hide_index=True, width="stretch")
    if st.button(t("impor_commit"), type="primary", icon=":material/save:", key="impor_commit"):
        st.session_state["impor_outcome"] = store.commit(plan, on_overlap=choice)
        st.session_state.pop("impor_plan", None)
        st.session_state["impor_round"] = st.session_state.get("impor_round", 0) + 1  # an empty uploader again
        st.rerun()


def show_superseded(plan) -> None:
    """The imported observations this import leaves out because records give their place (records win)."""
    hidden = report.superseded_kpis(plan.superseded, catalogue)
    if len(hidden):
        st.warning(t("imports.superseded_note").format(n=len(hidden)), icon=":material/layers:")
        st.dataframe(
            report.superseded_table(plan.superseded, catalogue, register, code), hide_index=True, width="stretch"
        )


def upload_tab() -> None:
    kind = state.choice(
        st.segmented_control, t("impor_kind"), "jenis", list(KINDS), "permohonan", labeller(_kind_label), required=True
    )
    upload = st.file_uploader(
        t("impor_file"),
        type=["csv", "txt", "tsv", "xlsx", "xlsm", "parquet"],
        key=f"impor_file_{kind}_{st.session_state.get('impor_round', 0)}",
        help=t("impor_file_help"),
    )
    st.caption(t("impor_cli").format(kind=kind))
    if upload is None:
        st.caption(t("impor_waiting"))
        return
    show_plan(dry_run(upload.getvalue(), upload.name, kind), kind)


def history_tab(batches) -> None:
    if batches is None:
        return
    if batches.empty:
        st.caption(t("impor_history_empty"))
    else:
        st.dataframe(report.batches_table(batches, code), hide_index=True, width="stretch")
        active = batches.loc[batches["status"] == "aktif", "batch_id"].tolist()
        if active:
            with st.container(horizontal=True, vertical_alignment="bottom"):
                batch = st.selectbox(t("impor_rollback_pick"), active, index=len(active) - 1, key="impor_rollback_id")
                sure = st.checkbox(t("impor_rollback_confirm"), key="impor_rollback_sure")
                if st.button(t("impor_rollback"), icon=":material/undo:", disabled=not sure, key="impor_rollback"):
                    st.session_state["impor_outcome"] = store.rollback(int(batch))
                    st.session_state.pop("impor_plan", None)
                    st.rerun()
    st.subheader(t("impor_audit"))
    audit = read(store.audit)
    if audit is None or audit.empty:
        st.caption(t("impor_history_empty"))
    else:
        st.dataframe(audit, hide_index=True, width="stretch")


def formats_tab() -> None:
    st.caption(t("impor_formats_intro"))
    for kind in records.KINDS:
        with st.expander(_kind_label(kind, code), icon=":material/description:"):
            st.dataframe(records.describe(kind, code), hide_index=True, width="stretch")
            with st.container(horizontal=True):
                for ext, mime in (
                    ("csv", "text/csv"),
                    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                ):
                    path = settings.TEMPLATE_DIR / f"{kind}.{ext}"
                    st.download_button(
                        t(f"impor_template_{ext}"),
                        path.read_bytes(),
                        path.name,
                        mime,
                        key=f"impor_template_{kind}_{ext}",
                        on_click="ignore",
                        icon=":material/download:",
                    )


last_outcome()
batches = read(store.batches)  # read once per run: the note and the history share it
source_note(batches)
upload, history, formats = st.tabs([t("impor_tab_upload"), t("impor_tab_history"), t("impor_tab_formats")])
with upload:
    upload_tab()
with history:
    history_tab(batches)
with formats:
    formats_tab()

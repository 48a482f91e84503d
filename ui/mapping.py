"""The mapping step on the Impor Data page: the column mapping a file was read with, one choice per template
column, applied on request (the file is checked again with the confirmed mapping), and saved as a named profile.

A mapping applied here is a confirmed one: every row is used as shown, a close spelling included."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kpi.core.issues import causes
from kpi.inputs.kinds import KINDS
from kpi.inputs.mapping import Proposal
from kpi.inputs.profiles import ProfileError, save_profile
from ui import data
from ui.i18n import lang, t

NONE = "—"
KEY = "impor_mapping"


def confirmed(sha: str, kind: str) -> Proposal | None:
    """The mapping the user applied to this file and kind in this session, if any."""
    held = st.session_state.get(KEY)
    return held[1] if held is not None and held[0] == (sha, kind) else None


def editor(plan) -> None:
    """The mapping of a dry run of raw records, with a choice per template column, 'apply' and 'save as profile'."""
    proposal: Proposal | None = plan.mapping
    if proposal is None:
        return
    gaps = any(i.code.startswith("kolom_") for i in plan.issues)
    with st.expander(t("impor_mapping_title"), expanded=gaps or proposal.needs_confirmation(), icon=":material/link:"):
        st.caption(t("impor_mapping_help"))
        st.dataframe(proposal.table(lang()), hide_index=True, width="stretch")
        options = [NONE, *proposal.header]
        spec = KINDS[proposal.kind]
        picked: dict[str, str | None] = {}
        columns = st.columns(3)
        for n, choice in enumerate(proposal.choices):
            required = spec.column(choice.target).required
            label = choice.target + (" *" if required else "")
            current = choice.source if choice.source in proposal.header else NONE
            with columns[n % 3]:
                value = st.selectbox(
                    label,
                    options,
                    index=options.index(current),
                    key=f"impor_map_{plan.sha256[:12]}_{choice.target}",
                )
            picked[choice.target] = None if value == NONE else value
        st.caption(t("impor_mapping_required"))
        if st.button(t("impor_mapping_apply"), icon=":material/published_with_changes:", key="impor_mapping_apply"):
            st.session_state[KEY] = ((plan.sha256, proposal.kind), _applied(proposal, picked))
            st.rerun()
        _save_form(proposal, gaps)


def _applied(proposal: Proposal, picked: dict[str, str | None]) -> Proposal:
    """The proposal with the user's choices: a changed row, or a close spelling left as proposed (now confirmed), is
    the user's; other rows keep their basis (same name, known spelling, profile)."""
    out = proposal
    for choice in proposal.choices:
        source = picked.get(choice.target, choice.source)
        if source != choice.source or choice.basis == "mirip":
            out = out.with_choice(choice.target, source)
    return out


def _save_form(proposal: Proposal, gaps: bool) -> None:
    """Save the mapping as a named profile (only a complete one)."""
    if gaps:
        st.caption(t("impor_mapping_save_incomplete"))
        return
    with st.container(horizontal=True, vertical_alignment="bottom"):
        name = st.text_input(t("impor_mapping_save_name"), key="impor_mapping_name", max_chars=80)
        if st.button(t("impor_mapping_save"), icon=":material/bookmark_add:", key="impor_mapping_save"):
            if not name.strip():
                st.warning(t("impor_mapping_save_noname"))
                return
            try:
                path = save_profile(proposal.to_profile(name))
            except ProfileError as exc:
                st.warning(str(exc))
                return
            st.success(t("impor_mapping_saved").format(name=name.strip(), file=path.name))


def suggestions(plan) -> None:
    """The values the dry run suggests a replacement for (plausible typos), and a button to accept them all: the file
    is checked again with those cells replaced, through the mapping (never by editing the file)."""
    proposal: Proposal | None = plan.mapping
    if proposal is None or proposal.needs_confirmation():  # the columns first: accepting must not confirm them
        return
    found = [c for c in causes(plan.issues) if c.suggestion and c.value and proposal.target_of(c.column or "")]
    if not found:
        return
    st.caption(t("impor_suggestions"))
    heads = ("column", "value", "rows", "replacement")
    register = data.core()[1]
    rows = [(c.column, c.value, len(c.rows), _named(str(c.suggestion), register)) for c in found]
    st.dataframe(
        pd.DataFrame(rows, columns=[t(f"impor_suggestion.{h}") for h in heads]), hide_index=True, width="stretch"
    )
    if st.button(t("impor_suggestions_accept").format(n=len(found)), icon=":material/done_all:", key="impor_suggest"):
        accepted = proposal
        for c in found:
            accepted = accepted.with_values(str(proposal.target_of(str(c.column))), {str(c.value): str(c.suggestion)})
        st.session_state[KEY] = ((plan.sha256, proposal.kind), accepted)
        st.rerun()


def _named(code: str, register) -> str:
    """A suggested code with the wilayah's name, so the reader sees what is proposed: '36.74.03.1004 (Kelurahan
    Pondok Jaya)'."""
    return f"{code} ({register.display_name(code)})" if code in register else code

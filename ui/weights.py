"""The "Weights and consensus" section (Strategy and COMEX review pages): the members' own goal
weights (a Weights workbook uploaded, or each person's own entered here and kept with their
name), then on demand how far each goal's weight can move before the portfolio changes, each
member's portfolio, the core index, and "use the consensus weights" (a new workspace version).

The sensitivity re-solves the portfolio many times (seconds on the sample): it is computed
when asked and kept in the session for what it was computed on."""

from __future__ import annotations

import hashlib
import json
import logging

import pandas as pd
import streamlit as st

from cxprior import charts
from cxprior.analysis import ScenarioRun
from cxprior.domain import CxpriorError, MemberWeights, Scenario, Workspace, member_weights, with_goal_weights
from cxprior.portfolio import (
    SensitivityResult,
    core_sentences,
    member_sentences,
    members_frame,
    range_sentences,
    ranges_frame,
    weight_sensitivity,
)
from cxprior.workbook import read_member_weights
from ui import access, state, store
from ui.runs import starting_scenario
from ui.text import lang, md, t

LOG = logging.getLogger("cxprior.app")
SAMPLES = 40  # weightings drawn within the members' ranges: enough for a core index to 1/40


def weights_section(run: ScenarioRun | None = None, *, section: str = "strategy") -> None:
    """The section for the session's workspace and scenario (Strategy page), or for `run`
    (the COMEX page, where the workspace is not changed: no "use the consensus weights")."""
    st.subheader(t("ui.wsens.title"))
    st.caption(t("ui.wsens.intro"))
    workspace = run.workspace if run is not None else state.workspace()
    scenario = run.scenario if run is not None else starting_scenario()
    if not workspace.goals:
        return
    if run is None:
        _upload(workspace, section)
        _own_weights(workspace, section)
    else:  # the COMEX page stays read-only: members give their weights on the Strategy page
        st.caption(t("ui.wsens.enter_on_strategy"))
    raw = _members_raw(workspace)
    if not raw:
        st.info(t("ui.wsens.no_members"), icon=":material/info:")
        return
    try:
        members = member_weights(raw, [g.goal_id for g in workspace.goals], lang())
    except CxpriorError as error:
        st.error(md(error.message))
        return
    st.caption(md(t("ui.wsens.members", names=", ".join(members.members))))
    basis = _basis(workspace, scenario, members)
    result = state.sensitivity(section, basis)
    if result is None:
        if not st.button(t("ui.wsens.compute"), key=f"wsens_compute_{section}", type="primary"):
            return
        try:
            with st.spinner(t("ui.wsens.computing"), show_time=True):
                result = weight_sensitivity(
                    workspace, scenario, members=members, samples=SAMPLES, lang=lang()
                )
        except CxpriorError as error:
            st.error(md(error.message))
            return
        state.set_sensitivity(section, basis, result)
    _show(result, workspace, section, editable=run is None)


def _workspace_name() -> str:
    ref = state.workspace_ref()
    return ref.name if ref is not None else store.WORKSPACE_NAME


def _upload(workspace: Workspace, section: str) -> None:
    upload = st.file_uploader(t("ui.wsens.upload"), type=["xlsx"], key=f"{state.WEIGHTS_UPLOAD}_{section}")
    read = state.members_read()
    if upload is not None and (read is None or read[0] != upload.file_id):
        try:
            found = read_member_weights(upload.getvalue(), workspace, lang=lang())
        except CxpriorError as error:
            st.error(md(error.message))
            return
        state.set_members_read((upload.file_id, upload.name, dict(found.weights)))
        read = state.members_read()
    if read is not None:
        st.caption(md(t("ui.wsens.uploaded", count=len(read[2]), file=read[1])))


def _own_weights(workspace: Workspace, section: str) -> None:
    """A number per goal for the person here, kept with their name (in the store when there is one)."""
    author = access.current_author()
    if author is None:
        return
    db = store.store()
    kept = _saved(db).get(author.name) or state.own_weights().get(author.name) or {}
    with st.expander(t("ui.wsens.own")), st.form(f"wsens_own_form_{section}", border=False):
        st.caption(md(t("ui.wsens.own_help", name=author.name)))
        columns = st.columns(min(5, len(workspace.goals)))
        entered = {
            g.goal_id: columns[n % len(columns)].number_input(
                md(g.name),
                min_value=0.01,
                value=float(kept.get(g.goal_id, g.weight)),
                step=1.0,
                format="%g",
                key=f"wsens_own_{section}_{g.goal_id}",
                help=md(g.goal_id),
            )
            for n, g in enumerate(workspace.goals)
        }
        if not st.form_submit_button(t("ui.wsens.own_save"), key=f"wsens_own_save_{section}"):
            return
    try:
        if db is None:
            state.set_own_weights(author.name, entered)
            state.notify(t("ui.wsens.own_no_store"))
        else:
            db.save_member_weights(_workspace_name(), author, entered)
            state.notify(t("ui.wsens.own_saved"))
    except CxpriorError as error:
        st.error(md(store.error_text(error)))
        return
    st.rerun()


def _saved(db: object) -> dict[str, dict[str, float]]:
    if db is None:
        return {}
    try:
        return db.member_weights_of(_workspace_name())  # type: ignore[attr-defined]
    except CxpriorError as error:
        store.store_failed(error)
        return {}


def _members_raw(workspace: Workspace) -> dict[str, dict[str, float]]:
    """The uploaded members, then those who entered their own (theirs replace an upload's row
    of the same name); only weightings of exactly this workspace's goals count."""
    goals = {g.goal_id for g in workspace.goals}
    read = state.members_read()
    raw = dict(read[2]) if read is not None else {}
    raw.update(_saved(store.store()))
    raw.update(state.own_weights())
    return {m: w for m, w in raw.items() if set(w) == goals}


def _basis(workspace: Workspace, scenario: Scenario, members: MemberWeights) -> str:
    text = json.dumps([state.key_of(workspace), repr(scenario), members.weights], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _show(result: SensitivityResult, workspace: Workspace, section: str, *, editable: bool) -> None:
    language = lang()
    if result.status == "infeasible":
        for sentence in result.explanation:
            st.warning(md(sentence))
        return
    st.markdown(f"**{t('ui.wsens.ranges')}**")
    st.altair_chart(charts.weight_ranges_chart(ranges_frame(result), language), width="stretch")
    for goal_range in result.ranges.values():
        st.markdown(md(" ".join(range_sentences(goal_range, language))))
    for sentence in member_sentences(result, language):
        st.markdown("- " + md(sentence))
    st.markdown(f"**{t('ui.wsens.matrix')}**")
    _matrix(result, workspace)
    st.markdown(f"**{t('ui.wsens.core')}**")
    for sentence in core_sentences(result, language):
        st.markdown(md(sentence))
    if editable and result.consensus is not None:
        _consensus_button(result, workspace, section)


def _matrix(result: SensitivityResult, workspace: Workspace) -> None:
    frame = members_frame(result, workspace)
    frame["category"] = [t(f"ui.wsens.category.{c}") if c else "" for c in frame["category"]]
    checks = {m: st.column_config.CheckboxColumn(m) for m in result.members}
    config = {
        "initiative_id": st.column_config.TextColumn(t("ui.col.initiative_id")),
        "name": st.column_config.TextColumn(t("ui.col.name")),
        "agreed": st.column_config.CheckboxColumn(t("ui.wsens.col.agreed")),
        **checks,
        "core_index": st.column_config.ProgressColumn(
            t("ui.wsens.col.core_index"), min_value=0.0, max_value=1.0, format="percent"
        ),
        "sampled_index": st.column_config.ProgressColumn(
            t("ui.wsens.col.sampled_index"), min_value=0.0, max_value=1.0, format="percent"
        ),
        "category": st.column_config.TextColumn(t("ui.wsens.col.category")),
    }
    if frame["sampled_index"].isna().all():
        frame = frame.drop(columns="sampled_index")
        del config["sampled_index"]
    st.dataframe(pd.DataFrame(frame), column_config=config, hide_index=True, width="stretch")


def _consensus_button(result: SensitivityResult, workspace: Workspace, section: str) -> None:
    consensus = result.consensus
    assert consensus is not None
    locked = not access.can("edit")  # and store.set_workspace checks again
    if not st.button(t("ui.wsens.use_consensus"), key=f"wsens_consensus_{section}", disabled=locked):
        return
    # goal weights are entered in points: the consensus shares as points out of 100
    weights = {g: round(100.0 * w, 2) for g, w in consensus.weights.items()}
    note = t("ui.wsens.consensus_note", count=consensus.members)
    try:
        new = with_goal_weights(workspace, weights, lang())
    except CxpriorError as error:
        st.error(md(error.message))
        return
    if store.set_workspace(new, "ui.app.origin_edit", note=note):
        LOG.info("consensus weights of %d members applied: %s", consensus.members, weights)
        state.notify(t("ui.wsens.consensus_used", count=consensus.members))
        st.rerun()

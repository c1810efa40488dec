"""The "Weights and consensus" section (Strategy and COMEX review pages): the members' own goal
weights (a Weights workbook uploaded, or each person's own entered here, directly or pairwise,
and kept with their name), then on demand how far each goal's weight can move before the
portfolio changes, each member's portfolio, the core index, and "use the consensus weights"
(a new workspace version).

The sensitivity re-solves the portfolio many times (seconds on the sample): it is computed
when asked and kept in the session for what it was computed on."""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

from cxprior import charts
from cxprior.analysis import ScenarioRun
from cxprior.domain import CxpriorError, Workspace, consistency_message, member_weights, with_goal_weights
from cxprior.i18n import format_percent, tr
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
from ui.pack_sections import SAMPLES, basis_of, members_raw, saved_weights, workspace_name
from ui.pairwise import pairwise_sliders
from ui.runs import starting_scenario
from ui.text import lang, md, t

LOG = logging.getLogger("cxprior.app")


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
    raw = members_raw(workspace)
    if not raw:
        key = "ui.wsens.no_members" if run is None else "ui.wsens.no_members_review"
        st.info(t(key), icon=":material/info:")
        return
    try:
        members = member_weights(raw, [g.goal_id for g in workspace.goals], lang())
    except CxpriorError as error:
        st.error(md(error.message))
        return
    st.caption(md(t("ui.wsens.members", names=", ".join(members.members))))
    basis = basis_of(workspace, scenario, members)
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
    """The person here gives their weights, a number per goal or judged pair by pair (with the
    consistency ratio of their judgments); kept with their name (in the store when there is one)."""
    author = access.current_author()
    if author is None:
        return
    db = store.store()
    kept = saved_weights(db).get(author.name) or state.own_weights().get(author.name) or {}
    start = {g.goal_id: float(kept.get(g.goal_id, g.weight)) for g in workspace.goals}
    language = lang()
    with st.expander(t("ui.wsens.own")):
        st.caption(md(t("ui.wsens.own_help", name=author.name)))
        how = st.radio(
            t("ui.wsens.own_how"),
            ["direct", "pairwise"] if len(workspace.goals) > 1 else ["direct"],
            # format functions may run outside the script (tests): no session lookups in them
            format_func=lambda way: tr(f"ui.wsens.own_how.{way}", language),
            horizontal=True,
            key=f"wsens_own_how_{section}",
        )
        entered = (_own_pairwise if how == "pairwise" else _own_direct)(workspace, start, section)
    if entered is None:
        return
    try:
        if db is None:
            state.set_own_weights(author.name, entered)
            state.notify(t("ui.wsens.own_no_store"))
        else:
            db.save_member_weights(workspace_name(), author, entered)
            state.notify(t("ui.wsens.own_saved"))
    except CxpriorError as error:
        st.error(md(store.error_text(error)))
        return
    st.rerun()


def _own_direct(workspace: Workspace, start: dict[str, float], section: str) -> dict[str, float] | None:
    """A number per goal; the weights when saved, else None."""
    with st.form(f"wsens_own_form_{section}", border=False):
        columns = st.columns(min(5, len(workspace.goals)))
        entered = {
            g.goal_id: columns[n % len(columns)].number_input(
                md(g.name),
                min_value=0.01,
                value=start[g.goal_id],
                step=1.0,
                format="%g",
                key=f"wsens_own_{section}_{g.goal_id}",
                help=md(g.goal_id),
            )
            for n, g in enumerate(workspace.goals)
        }
        saved = st.form_submit_button(t("ui.wsens.own_save"), key=f"wsens_own_save_{section}")
    return entered if saved else None


def _own_pairwise(workspace: Workspace, start: dict[str, float], section: str) -> dict[str, float] | None:
    """Each pair of goals judged; the weights they imply (in points out of 100, like the goal
    weights) and their consistency; the weights when saved, else None."""
    st.caption(t("ui.wsens.own_pairwise_help"))
    result = pairwise_sliders(workspace.goals, start, f"wsens_own_pair_{section}")
    if result is None:
        return None
    names = {g.goal_id: g.name for g in workspace.goals}
    message = md(consistency_message(result, names, lang()))
    (st.success if result.is_consistent else st.warning)(message)
    points = {g: round(100.0 * w, 2) for g, w in result.weights.items()}
    shares = ", ".join(f"{md(names[g])} {format_percent(w, lang())}" for g, w in result.weights.items())
    st.caption(md(t("ui.wsens.own_pairwise_weights", weights=shares)))
    if not st.button(t("ui.wsens.own_save"), key=f"wsens_own_pair_save_{section}"):
        return None
    return points


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

"""The COMEX page's widgets: which scenario to look at, the assumptions it was run under, what
it funds by goal, what it buys on each KPI, the decision (approve, or send back with a
comment), and the decision log."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxprior.analysis import ScenarioRun, format_level, funded_by_goal, kpi_projection
from cxprior.charts import kpi_progress_chart
from cxprior.domain import Scores
from cxprior.i18n import format_money, tr
from cxprior.report import assumption_sentences
from cxprior.store import ScenarioSummary, format_when
from ui import access, scenarios, state, store
from ui.tables import goal_names, initiative_labels, show_table
from ui.text import lang, md, t


def review_picker() -> tuple[ScenarioSummary | None, ScenarioRun | None]:
    """The scenario COMEX looks at: chosen among the submitted ones (first) and the decided
    ones; the one handed over last in this session by default. Without a database, the run
    handed over in this session."""
    db = store.store()
    if db is None:
        return None, state.review_run()
    found = scenarios.reviewable(db)
    if not found:
        return None, None
    summaries = {s.scenario_id: s for s in found}
    labels = {i: scenarios.option_label(s) for i, s in summaries.items()}
    ids = list(summaries)
    wanted = state.review_id()
    chosen = st.selectbox(
        t("ui.review.choose"),
        ids,
        index=ids.index(wanted) if wanted in ids else 0,
        format_func=labels.get,
        key=state.REVIEW_CHOICE,
        on_change=state.keep_review_choice,
    )
    summary = summaries[chosen]
    return summary, scenarios.stored_run(summary)


def assumptions_section(run: ScenarioRun) -> None:
    """The scenario's assumptions, as the COMEX pack words them: budgets, caps, minimum shares,
    and the initiatives imposed or excluded with the reasons given."""
    st.subheader(t("ui.review.assumptions"))
    lines = assumption_sentences(run.workspace, run.scenario, lang())
    st.markdown("\n".join(f"- {md(line)}" for line in lines))


def funded_section(run: ScenarioRun, scores: Scores) -> None:
    """What the portfolio funds, goal by goal: the count and cost, then the initiatives."""
    ws, language = run.workspace, lang()
    names = goal_names(ws)
    labels = initiative_labels(ws.periods, "value")
    money = ["cost", *(f"cost_{p}" for p in ws.periods)]
    for goal_id, group in funded_by_goal(ws, run.result, scores).groupby("main_goal", sort=False):
        line = t("ui.review.goal_line", count=len(group), cost=format_money(group["cost"].sum(), language))
        st.markdown(f"**{md(names.get(goal_id, goal_id))}** · {md(line)}")
        rows = min(len(group), 12)  # longer lists scroll
        show_table(group, labels, money=money, decimals={"value": 1}, height=35 * (rows + 1) + 3)


def projected_kpis_section(run: ScenarioRun) -> None:
    """Each KPI's level today, projected with the portfolio (and its range), and its target."""
    ws, language = run.workspace, lang()
    names = goal_names(ws)
    projection = kpi_projection(ws, run.result.selected)
    shown = projection.copy()
    for column in ("baseline", "projected", "target"):
        shown[column] = [
            format_level(v, u, language) for v, u in zip(shown[column], shown["unit"], strict=True)
        ]
    shown["projected_range"] = [
        f"{format_level(lo, u, language)} – {format_level(hi, u, language)}" if abs(hi - lo) > 1e-9 else "—"
        for lo, hi, u in zip(shown["projected_low"], shown["projected_high"], shown["unit"], strict=True)
    ]
    shown["linked_goals"] = [
        ", ".join(names.get(g, g) for g in goals) or names[""] for goals in shown["goal_ids"]
    ]
    labels = {"kpi_id": t("ui.col.kpi"), "name": t("ui.col.name")}
    levels = ("baseline", "projected", "projected_range", "target", "progress")
    labels |= {k: t(f"ui.col.{k}") for k in levels}
    labels |= {"linked_goals": t("ui.col.linked_goals")}
    show_table(shown, labels, percent=["progress"])
    st.altair_chart(kpi_progress_chart(projection, language), width="stretch")


def decision_section(summary: ScenarioSummary) -> None:
    """Approve or send back a submitted scenario (a comment is required to send it back),
    then the decision log: every status it went through, who, when, why."""
    st.subheader(t("ui.decision.title"))
    when = format_when(summary.updated_at, lang())
    status = scenarios.status_label(summary.status)
    st.markdown(md(t("ui.decision.status", status=status, who=summary.updated_by.name, when=when)))
    if summary.status is scenarios.Status.SUBMITTED:
        access.read_only_note("decide")
        locked = not access.can("decide")  # and each step checks again
        comment = st.text_area(
            t("ui.decision.comment"), key=state.REVIEW_COMMENT, max_chars=2000, disabled=locked
        )
        left, right = st.columns(2)
        for action, where, style in (("approve", left, "primary"), ("send_back", right, "secondary")):
            clicked = where.button(
                t(f"ui.decision.{action}"), key=f"review_{action}", type=style, disabled=locked
            )
            if clicked and scenarios.step(action, summary.scenario_id, summary.version, comment) is not None:
                state.clear_review_comment()
                state.notify(t(f"ui.decision.{action}_done", name=summary.name))
                st.rerun()
    decision_log(summary.scenario_id)


def decision_log(scenario_id: int) -> None:
    db = store.store()
    if db is None:
        return
    language = lang()
    rows = [
        (
            format_when(d.decided_at, language),
            d.author.name,
            tr(f"store.status.{d.to_status.value}", language),
            d.comment,
        )
        for d in reversed(db.decision_log(scenario_id))
    ]
    st.markdown(f"**{md(t('ui.decision.log'))}**")
    frame = pd.DataFrame(rows, columns=["when", "who", "status", "comment"])
    labels = {k: t(f"ui.decision.col_{k}") for k in ("when", "who", "status", "comment")}
    show_table(frame, labels, wide=["comment"])

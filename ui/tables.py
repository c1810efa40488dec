"""Tables as the user reads them: translated headers, numbers formatted for the session's
language, the validation report, and the usual column labels."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd
import streamlit as st

from cxprior.domain import Problem, Workspace
from cxprior.i18n import format_money, format_number, format_percent
from ui.text import lang, md, t

LONG_TEXT = 70  # characters: about what a "large" grid column shows before it cuts


def show_table(
    frame: pd.DataFrame,
    labels: dict[str, str],
    *,
    money: Iterable[str] = (),
    percent: Iterable[str] = (),
    decimals: dict[str, int] | None = None,
    wide: Iterable[str] = (),
    height: int | str = "auto",
) -> None:
    """Show the `labels` columns of `frame` under translated headers, numbers formatted for
    the session's language (1 234 567 € in French whatever the browser's locale)."""
    language = lang()
    shown = frame[list(labels)].copy()
    for column in money:
        shown[column] = [format_money(v, language) for v in shown[column]]
    for column in percent:
        shown[column] = [format_percent(v, language) for v in shown[column]]
    for column, places in (decimals or {}).items():
        shown[column] = [format_number(v, language, places) for v in shown[column]]
    # long sentences (reasons, messages) get room; the rest keeps Streamlit's widths
    config = {labels[c]: st.column_config.TextColumn(labels[c], width="large") for c in wide}
    st.dataframe(
        shown.rename(columns=labels), hide_index=True, width="stretch", height=height, column_config=config
    )


def show_problems(problems: Sequence[Problem], in_full: bool = False) -> None:
    """The validation report: one row per problem, located as Excel users locate things;
    `in_full` (not inside an expander) adds the long messages, whole, in a panel."""
    frame = pd.DataFrame(
        [(p.sheet, "" if p.row is None else str(p.row), p.column, p.message) for p in problems],
        columns=["sheet", "row", "column", "message"],
    )
    show_table(frame, {k: t(f"ui.col.{k}") for k in ("sheet", "row", "column", "message")}, wide=["message"])
    if in_full:
        show_in_full([(_place(p), p.message) for p in problems])


def show_in_full(texts: Sequence[tuple[str, str]], limit: int = LONG_TEXT) -> None:
    """A grid cuts long sentences: those longer than `limit` are also listed whole, each after
    what it is about, in a panel under the grid."""
    long = [(about, text) for about, text in texts if len(text) > limit]
    if not long:
        return
    with st.expander(t("ui.table.in_full", count=len(long))):
        st.markdown("\n".join(f"- **{md(about)}** — {md(text)}" for about, text in long))


def _place(problem: Problem) -> str:
    parts = [problem.sheet or "–"]
    if problem.row is not None:
        parts.append(t("ui.table.row", row=problem.row))
    if problem.column:
        parts.append(problem.column)
    return ", ".join(parts)


def period_label(period: str) -> str:
    return t("ui.col.cost_period", period=period)


def initiative_labels(periods: Sequence[str] = (), *extra: str) -> dict[str, str]:
    """Translated headers of the usual initiative columns, period costs included."""
    labels = {k: t(f"ui.col.{k}") for k in ("initiative_id", "name", "journey_phase")}
    labels |= {f"cost_{p}": period_label(p) for p in periods}
    labels["cost"] = t("ui.col.cost")
    labels |= {k: t(f"ui.col.{k}") for k in extra}
    return labels


def goal_names(workspace: Workspace) -> dict[str, str]:
    """Goal id → name, with "" (no goal) named too."""
    names = {g.goal_id: g.name for g in workspace.goals}
    names[""] = t("ui.no_goal")
    return names

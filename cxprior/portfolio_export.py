"""The portfolio workbook (`optimize --out PORTFOLIO.xlsx`, and the app's download).

Four sheets: the scenario and the result's headline figures; the selected initiatives
(cost per period, value, goals served); the excluded ones with their reasons; the focus
indicators with the spend per journey phase and what more budget or a forced item is
worth. Every cell goes through `xlsx_style.write_table`, so user text (names, reasons)
is written as text, never as a formula.
"""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook

from cxprior.domain import TOTAL_PERIOD, Scenario, Workspace
from cxprior.i18n import format_number, format_percent, tr
from cxprior.results import PortfolioResult
from cxprior.value import Scores, score
from cxprior.xlsx_style import write_table


def _h(key: str, lang: str, **params: object) -> str:
    return tr(f"opt.export.{key}", lang, **params)


def _goals_served(scores: Scores, workspace: Workspace, iid: str, lang: str) -> str:
    parts = []
    for goal in workspace.goals:
        value = scores.by_goal.get(iid, {}).get(goal.goal_id, 0.0)
        if value > 0:
            parts.append(f"{goal.goal_id} {goal.name} ({format_number(value, lang, 1)})")
    return "; ".join(parts)


def scenario_frame(
    workspace: Workspace, scenario: Scenario, result: PortfolioResult, lang: str
) -> pd.DataFrame:
    """Two columns: what, value — the scenario asked and the headline of the answer."""
    rows: list[tuple[str, object]] = [
        (_h("scenario_name", lang), scenario.name),
        (_h("status", lang), tr(f"opt.status.{result.status}", lang)),
        (_h("objective", lang), result.objective),
        (_h("gap", lang), result.gap),
        (_h("solver", lang), result.solver),
        (_h("solve_seconds", lang), result.solve_seconds),
        (_h("count", lang), len(result.selected)),
        (_h("total_cost", lang), result.total_cost),
    ]
    for period, cost in result.cost_by_period.items():
        rows.append((_h("cost_in", lang, period=period), cost))
    for goal_id, value in result.value_by_goal.items():
        goal = workspace.goal_by_id.get(goal_id)
        rows.append((_h("value_for", lang, goal=f"{goal_id} {goal.name}" if goal else goal_id), value))
    if scenario.budget_total is not None:
        rows.append((_h("budget", lang, period=TOTAL_PERIOD), scenario.budget_total))
    for period, amount in scenario.budget_by_period.items():
        rows.append((_h("budget", lang, period=period), amount))
    if scenario.max_initiatives is not None:
        rows.append((_h("max_initiatives", lang), scenario.max_initiatives))
    if scenario.max_phases is not None:
        rows.append((_h("max_phases", lang), scenario.max_phases))
    for goal_id, share in scenario.min_goal_share.items():
        rows.append((_h("min_goal_share", lang, goal=goal_id), format_percent(share, lang, 0)))
    for competency, share in scenario.min_competency_share.items():
        rows.append(
            (
                _h("min_competency_share", lang, competency=tr(f"opt.competency.{competency}", lang)),
                format_percent(share, lang, 0),
            )
        )
    for iid in scenario.force_in:
        rows.append((_h("forced_in", lang, item=iid), scenario.force_reasons.get(iid, "")))
    for iid in scenario.force_out:
        rows.append((_h("forced_out", lang, item=iid), scenario.force_reasons.get(iid, "")))
    if scenario.time_limit is not None:
        rows.append((_h("time_limit", lang), scenario.time_limit))
    rows.append((_h("requested_gap", lang), scenario.mip_gap))
    for sentence in result.explanation:
        rows.append((_h("explanation", lang), sentence))
    return pd.DataFrame(rows, columns=[_h("what", lang), _h("value", lang)])


def selected_frame(workspace: Workspace, result: PortfolioResult, scores: Scores, lang: str) -> pd.DataFrame:
    by_id = workspace.initiative_by_id
    forced = set(result.scenario.force_in) if result.scenario else set()
    rows = []
    for iid in result.selected:
        i = by_id[iid]
        row: dict[str, object] = {
            _h("id", lang): iid,
            _h("name", lang): i.name,
            _h("team", lang): i.team,
            _h("phase", lang): i.journey_phase,
        }
        for period in workspace.periods:
            row[_h("cost_in", lang, period=period)] = i.period_costs.get(period, 0.0)
        row[_h("cost", lang)] = i.cost
        row[_h("value", lang)] = scores.value.get(iid, 0.0)
        row[_h("goals_served", lang)] = _goals_served(scores, workspace, iid, lang)
        row[_h("why_in", lang)] = (
            _h("mandatory", lang)
            if i.mandatory
            else _h("forced", lang)
            if iid in forced
            else _h("chosen", lang)
        )
        rows.append(row)
    columns = [_h(k, lang) for k in ("id", "name", "team", "phase")]
    columns += [_h("cost_in", lang, period=p) for p in workspace.periods]
    columns += [_h(k, lang) for k in ("cost", "value", "goals_served", "why_in")]
    return pd.DataFrame(rows, columns=columns)


def excluded_frame(workspace: Workspace, result: PortfolioResult, scores: Scores, lang: str) -> pd.DataFrame:
    reasons = {e.initiative_id: e for e in result.exclusions}
    chosen = set(result.selected)
    rows = []
    for i in sorted(workspace.initiatives, key=lambda i: i.initiative_id):
        if i.initiative_id in chosen:
            continue
        reason = reasons.get(i.initiative_id)
        rows.append(
            {
                _h("id", lang): i.initiative_id,
                _h("name", lang): i.name,
                _h("phase", lang): i.journey_phase,
                _h("cost", lang): i.cost,
                _h("value", lang): scores.value.get(i.initiative_id, 0.0),
                _h("reason", lang): tr(f"opt.code.{reason.code}", lang) if reason else "",
                _h("why_out", lang): reason.message if reason else "",
                _h("cost_cut_needed", lang): reason.cost_cut_needed if reason else None,
                _h("value_gain_needed", lang): reason.value_gain_needed if reason else None,
                _h("related", lang): ", ".join(reason.other_ids) if reason else "",
            }
        )
    columns = [
        _h(k, lang)
        for k in (
            "id",
            "name",
            "phase",
            "cost",
            "value",
            "reason",
            "why_out",
            "cost_cut_needed",
            "value_gain_needed",
            "related",
        )
    ]
    return pd.DataFrame(rows, columns=columns)


def focus_frame(workspace: Workspace, result: PortfolioResult, lang: str) -> pd.DataFrame:
    rows: list[tuple[str, object]] = []
    focus = result.focus
    if focus is not None:
        rows += [
            (_h("count", lang), focus.count),
            (_h("phases_touched", lang), focus.phases_touched),
            (_h("top_phase", lang), focus.top_phase),
            (_h("top_phase_share", lang), format_percent(focus.top_phase_spend_share, lang, 1)),
            (_h("concentration", lang), round(focus.concentration_index, 4)),
        ]
    spend: dict[str, float] = {}
    by_id = workspace.initiative_by_id
    for iid in result.selected:
        phase = by_id[iid].journey_phase or _h("no_phase", lang)
        spend[phase] = spend.get(phase, 0.0) + by_id[iid].cost
    for phase, amount in spend.items():
        rows.append((_h("spend_in", lang, phase=phase), amount))
    for period, per_euro in result.marginal_value_per_euro.items():
        rows.append((_h("marginal", lang, budget=period), round(per_euro * 100_000, 3)))
    for iid, lost in result.forced_in_cost.items():
        rows.append((_h("forced_cost", lang, item=iid), round(lost, 3)))
    return pd.DataFrame(rows, columns=[_h("indicator", lang), _h("value", lang)])


def portfolio_workbook(
    workspace: Workspace,
    scenario: Scenario,
    result: PortfolioResult,
    *,
    lang: str = "en",
    scores: Scores | None = None,
) -> bytes:
    """The portfolio as an .xlsx file (bytes)."""
    scores = scores or score(workspace, lang)
    book = Workbook()
    sheet = book.active
    sheet.title = _h("sheet.scenario", lang)
    write_table(sheet, scenario_frame(workspace, scenario, result, lang), lang=lang)
    money = [_h("cost", lang), *(_h("cost_in", lang, period=p) for p in workspace.periods)]
    write_table(
        book.create_sheet(_h("sheet.selected", lang)),
        selected_frame(workspace, result, scores, lang),
        money_columns=money,
        lang=lang,
    )
    write_table(
        book.create_sheet(_h("sheet.excluded", lang)),
        excluded_frame(workspace, result, scores, lang),
        money_columns=[_h("cost", lang), _h("cost_cut_needed", lang)],
        lang=lang,
    )
    write_table(book.create_sheet(_h("sheet.focus", lang)), focus_frame(workspace, result, lang), lang=lang)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

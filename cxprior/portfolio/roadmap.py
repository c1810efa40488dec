"""The roadmap of a solved portfolio: when each initiative starts, who delivers it, and why.

Every figure the Roadmap view and the COMEX pack show is computed here once, from the
`PortfolioResult` (its `start`, `finish`, `cost_by_period` and `effort_by_team`) and the
workspace:
- `roadmap_frame`: one row per funded initiative with its earliest start, latest start,
  start, finish, whether it moved and, when it did, why (`moved_reasons`: what starting at
  its earliest start would break, given the rest of the portfolio);
- `capacity_frame`: each team's capacity, use and free capacity per period;
- `spend_frame`: spend per period against the budget;
- `capacity_values`: the value of more capacity per team and period, by re-solving with one
  step more (10 % of the capacity, at least one unit), as value points per unit;
- `shifting_gain`: the same scenario solved with fixed starts, and what shifting adds.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from cxprior.domain import TOTAL_PERIOD, PortfolioResult, Scenario, Scores, Workspace, earliest_index, score
from cxprior.i18n import format_number, format_percent, tr
from cxprior.portfolio.highs import to_arrays
from cxprior.portfolio.model import PortfolioModel, build_model, make_instance
from cxprior.portfolio.optimizer import optimize
from cxprior.portfolio.solve import RowCheck

CAPACITY_STEP = 0.10


def _shift_of(model: PortfolioModel, result: PortfolioResult) -> tuple[np.ndarray, np.ndarray]:
    """The result's portfolio as columns: x and each item's shift."""
    inst = model.instance
    x = np.zeros(inst.n)
    shift = np.zeros(inst.n, dtype=int)
    for iid in result.selected:
        k = inst.index[iid]
        x[k] = 1.0
        if iid in result.start:
            shift[k] = inst.periods.index(result.start[iid]) - int(inst.earliest[k])
    return x, shift


def moved_reasons(workspace: Workspace, result: PortfolioResult, lang: str = "en") -> dict[str, str]:
    """For each funded initiative that starts later than its earliest start, why: the first rule
    that starting at its earliest start (the rest of the portfolio as it is) would break."""
    if not result.is_solved or result.scenario is None or not result.start:
        return {}
    model = build_model(make_instance(workspace), result.scenario)
    if not model.flexible:
        return {}
    inst = model.instance
    x, shift = _shift_of(model, result)
    arrays = to_arrays(model)
    check = RowCheck(arrays, model.full_solution(x, shift))
    rows = list(model.rows.values())
    reasons: dict[str, str] = {}
    for k in np.flatnonzero((x > 0.5) & (shift > 0)):
        iid = inst.ids[k]
        mine = model.start_item == k
        now = int(model.start_cols[mine & (model.start_shift == shift[k])][0])
        first = int(model.start_cols[mine & (model.start_shift == 0)][0])
        after = check.change(np.array([now, first]), np.array([-1.0, 1.0]))
        broken = np.flatnonzero((after > check.upper_ok) | (after < check.lower_ok))
        start, earliest = result.start[iid], inst.periods[int(inst.earliest[k])]
        reasons[iid] = _moved_sentence(model, [rows[r] for r in broken], start, earliest, shift, lang)
    return reasons


def _moved_sentence(model: PortfolioModel, broken: list, start: str, earliest: str, shift, lang: str) -> str:
    inst = model.instance
    for kind in ("starts_after", "capacity", "budget", "budget_sum"):
        for row in broken:
            if row.kind != kind:
                continue
            if kind == "starts_after":
                _, other, _ = row.key
                a = inst.index[other]
                finish = inst.periods[int(inst.end[a] + shift[a])]
                return tr(
                    "opt.road.moved.after", lang, start=start, earliest=earliest, other=other, finish=finish
                )
            if kind == "capacity":
                team, period = row.key
                return tr(
                    "opt.road.moved.capacity", lang, start=start, earliest=earliest, team=team, period=period
                )
            period = row.key if kind == "budget" else TOTAL_PERIOD
            budget = (
                tr("opt.total_budget", lang)
                if period == TOTAL_PERIOD or kind == "budget_sum"
                else tr("opt.period_budget", lang, period=period)
            )
            return tr("opt.road.moved.budget", lang, start=start, earliest=earliest, budget=budget)
    return tr("opt.road.moved.other", lang, start=start, earliest=earliest)


def roadmap_frame(workspace: Workspace, result: PortfolioResult, lang: str = "en") -> pd.DataFrame:
    """One row per funded initiative, by start then id: initiative_id, name, journey_phase,
    team, teams (of its efforts), earliest_start, latest_start, start, finish, moved, why."""
    columns = [
        "initiative_id",
        "name",
        "journey_phase",
        "team",
        "teams",
        "earliest_start",
        "latest_start",
        "start",
        "finish",
        "moved",
        "why",
    ]
    if not result.is_solved or not result.start:
        return pd.DataFrame(columns=columns)
    why = moved_reasons(workspace, result, lang)
    by_id = workspace.initiative_by_id
    efforts = workspace.efforts_by_initiative
    periods = workspace.periods
    rows = []
    for iid in result.selected:
        initiative = by_id[iid]
        earliest = periods[earliest_index(initiative, periods)]
        teams = ", ".join(dict.fromkeys(e.team for e in efforts.get(iid, ()) if e.effort > 0))
        rows.append(
            {
                "initiative_id": iid,
                "name": initiative.name,
                "journey_phase": initiative.journey_phase,
                "team": initiative.team,
                "teams": teams,
                "earliest_start": earliest,
                "latest_start": initiative.latest_start or earliest,
                "start": result.start[iid],
                "finish": result.finish[iid],
                "moved": result.start[iid] != earliest,
                "why": why.get(iid, ""),
            }
        )
    order = {p: t for t, p in enumerate(periods)}
    frame = pd.DataFrame(rows, columns=columns)
    frame["_at"] = frame["start"].map(order)
    return (
        frame.sort_values(["_at", "initiative_id"], kind="stable").drop(columns="_at").reset_index(drop=True)
    )


def capacity_frame(workspace: Workspace, result: PortfolioResult) -> pd.DataFrame:
    """team, period, capacity (with the scenario's overrides), used, free, share_used."""
    capacity = {(c.team, c.period): float(c.capacity) for c in workspace.capacities}
    if result.scenario is not None:
        for team, by_period in result.scenario.capacity_overrides.items():
            capacity.update({(team, p): float(v) for p, v in by_period.items()})
    rows = []
    for (team, period), amount in capacity.items():
        used = float(result.effort_by_team.get(team, {}).get(period, 0.0))
        rows.append(
            {
                "team": team,
                "period": period,
                "capacity": amount,
                "used": used,
                "free": amount - used,
                "share_used": used / amount if amount > 0 else (0.0 if used == 0 else np.inf),
            }
        )
    return pd.DataFrame(rows, columns=["team", "period", "capacity", "used", "free", "share_used"])


def spend_frame(workspace: Workspace, result: PortfolioResult) -> pd.DataFrame:
    """period, spend (after shifting), budget (NaN when the period has no budget)."""
    budgets = result.scenario.budget_by_period if result.scenario is not None else {}
    rows = [
        {"period": p, "spend": float(result.cost_by_period.get(p, 0.0)), "budget": budgets.get(p, np.nan)}
        for p in workspace.periods
    ]
    return pd.DataFrame(rows, columns=["period", "spend", "budget"])


def capacity_values(
    workspace: Workspace,
    scenario: Scenario,
    *,
    result: PortfolioResult | None = None,
    step_share: float = CAPACITY_STEP,
    lang: str = "en",
    scores: Scores | None = None,
) -> pd.DataFrame:
    """The value of more capacity, per team and period: re-solved with `step_share` more of that
    capacity (at least 1 unit), the others as they are.

    Columns: team, period, capacity, used, step, value_gain (value points the step buys) and
    value_per_unit (value_gain / step). Exact re-solves of the whole scenario (one per pair):
    on thousands of initiatives give the scenario a time limit.
    """
    scores = scores or score(workspace, lang)
    base = result or optimize(workspace, scenario, lang=lang, explain=False, scores=scores)
    columns = ["team", "period", "capacity", "used", "step", "value_gain", "value_per_unit"]
    if not base.is_solved:
        return pd.DataFrame(columns=columns)
    rows = []
    for _, row in capacity_frame(workspace, replace(base, scenario=scenario)).iterrows():
        team, period, amount = row["team"], row["period"], float(row["capacity"])
        step = max(1.0, step_share * amount)
        overrides = {t: dict(v) for t, v in scenario.capacity_overrides.items()}
        overrides.setdefault(team, {})[period] = amount + step
        more = optimize(
            workspace, replace(scenario, capacity_overrides=overrides), explain=False, scores=scores
        )
        gain = max(0.0, (more.objective or 0.0) - (base.objective or 0.0)) if more.is_solved else 0.0
        rows.append(
            {
                "team": team,
                "period": period,
                "capacity": amount,
                "used": float(row["used"]),
                "step": step,
                "value_gain": gain,
                "value_per_unit": gain / step,
            }
        )
    return pd.DataFrame(rows, columns=columns)


@dataclass(frozen=True)
class ShiftingGain:
    """The scenario solved with shifting and with every start fixed, at the same budgets."""

    shifted: PortfolioResult
    fixed: PortfolioResult

    @property
    def gain(self) -> float | None:
        if self.shifted.objective is None or self.fixed.objective is None:
            return None
        return self.shifted.objective - self.fixed.objective

    @property
    def share(self) -> float | None:
        gain = self.gain
        if gain is None or self.fixed.objective is None or abs(self.fixed.objective) < 1e-12:
            return None
        return gain / abs(self.fixed.objective)

    def message(self, lang: str = "en") -> str:
        gain, share = self.gain, self.share
        return tr(
            "opt.road.shift_gain",
            lang,
            gain=format_number(gain, lang, 1) if gain is not None else "–",
            share=format_percent(share, lang, 1) if share is not None else "–",
            shifted=format_number(self.shifted.objective, lang, 1),
            fixed=format_number(self.fixed.objective, lang, 1),
        )


def shifting_gain(
    workspace: Workspace,
    scenario: Scenario,
    *,
    shifted: PortfolioResult | None = None,
    lang: str = "en",
    scores: Scores | None = None,
) -> ShiftingGain:
    """What letting initiatives start later buys over fixed starts, at the same budgets."""
    scores = scores or score(workspace, lang)
    if shifted is None:
        shifted = optimize(
            workspace, replace(scenario, allow_shift=True), lang=lang, explain=False, scores=scores
        )
    fixed = optimize(workspace, replace(scenario, allow_shift=False), lang=lang, explain=False, scores=scores)
    return ShiftingGain(shifted, fixed)

"""Build the bundled follow-up of the Hélios Énergie plan from the current sample workspace.

    .venv/bin/python scripts/build_followup_sample.py

writes sample_data/suivi_fr.xlsx: the follow-up of the portfolio of the sample's default
scenario (sample_data/cx_workspace_fr.xlsx, its Budget sheet), told in the middle of 2027.
2026 is done and measured, 2027 is half way. The story, recomputed from whatever the sample's
plan is today (so that a change of the sample keeps it true):

- what was planned to finish in 2026 is delivered, except one initiative that is late
  (still in progress);
- two initiatives planned to finish in 2027 were delivered early;
- the SaaS chatbot was dropped after a year of spend (its vendor did not deliver);
- the simplified bill is over budget: 2026 cost a quarter more than planned;
- everything else is in progress: 2026 spent as planned (give or take a few percent), half
  of 2027's budget spent so far;
- at the end of 2026 the NPS is behind plan (an energy-price rise hit every supplier), the
  complaints are ahead of it (the complaints unit started early), the other KPIs are on plan.

The .xlsx is committed; tests check it still equals what this script writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cxprior.analysis import planned_levels
from cxprior.domain import (
    FollowUp,
    Measurement,
    Progress,
    Status,
    Workspace,
    default_scenario,
    finish_period,
    planned_costs,
)
from cxprior.portfolio import optimize
from cxprior.workbook import read_workbook, write_followup

WORKSPACE_PATH = ROOT / "sample_data" / "cx_workspace_fr.xlsx"
FOLLOWUP_PATH = ROOT / "sample_data" / "suivi_fr.xlsx"
DONE, HALF_WAY = "2026", "2027"

# the first of each list that is in the plan plays the part
DROPPED = ("HEL-16", "HEL-46", "HEL-38")  # the SaaS chatbot first
OVER_BUDGET = ("HEL-08", "HEL-39", "HEL-21")  # the simplified bill first
LATE = ("HEL-30", "HEL-29")  # the personalised hold music first
DELIVERED_EARLY = ("HEL-37", "HEL-12", "HEL-29")
# spend against plan, per initiative, for a believable spread (the others: exactly as planned)
SPREAD = {"HEL-01": 1.04, "HEL-04": 0.97, "HEL-07": 1.02, "HEL-21": 0.95, "HEL-24": 1.03, "HEL-41": 0.98}
# measured at the end of 2026 = planned + this offset, in the KPI's unit; the others are on plan
# within measurement noise (less than 1 % of the way from baseline to target)
OFFSETS = {
    "NPS": -1.5,  # behind plan
    "RECLA": -0.8,  # fewer complaints: ahead of plan
    "CSAT": 0.1,
    "CES": 0.0,
    "CHURN": -0.02,
    "FCR": 0.1,
    "DELAI": -0.03,
    "VERT": 0.1,
    "ENPS": 0.2,
    "ATTRITION": -0.1,
    "EMOTIONS": 0.01,
}


def _thousands(amount: float) -> float:
    return float(round(amount / 1000.0) * 1000.0)


def sample_followup(workspace: Workspace) -> tuple[tuple[str, ...], FollowUp]:
    """The plan (selected ids) and its follow-up, as the module doc tells it."""
    plan = optimize(workspace, default_scenario(workspace), explain=False)
    selected = plan.selected
    finish = {iid: finish_period(workspace, plan, iid) for iid in selected}

    def first_in_plan(candidates: tuple[str, ...], when: tuple[str, ...] = ()) -> str | None:
        return next((i for i in candidates if i in selected and (not when or finish[i] in when)), None)

    dropped = first_in_plan(DROPPED)
    over = first_in_plan(OVER_BUDGET)
    late = first_in_plan(LATE, (DONE,))
    early = {i for i in DELIVERED_EARLY if i in selected and finish[i] == HALF_WAY}
    rows = []
    for iid in selected:
        initiative = workspace.initiative_by_id[iid]
        planned = planned_costs(workspace, plan, iid)  # the plan's profile, moved to its start
        factor = SPREAD.get(iid, 1.0)
        spent = {DONE: _thousands(planned.get(DONE, 0.0) * factor)}
        half = _thousands(planned.get(HALF_WAY, 0.0) * 0.5 * factor)
        if iid == dropped:
            status = Status.DROPPED
            spent = {DONE: _thousands(planned.get(DONE, 0.0) * 0.9)}
        elif iid == over:
            status = Status.IN_PROGRESS if finish[iid] != DONE else Status.DELIVERED
            spent[DONE] = _thousands(planned.get(DONE, 0.0) * 1.25)
            # enough 2027 spend for the total to pass the planned cost by 15 %
            spent[HALF_WAY] = _thousands(
                max(planned.get(HALF_WAY, 0.0) * 0.5, initiative.cost * 1.15 - spent[DONE])
            )
        elif iid == late:
            status = Status.IN_PROGRESS
            spent[DONE] = _thousands(planned.get(DONE, 0.0) * 0.8)
            spent[HALF_WAY] = _thousands(planned.get(DONE, 0.0) * 0.15)
        elif finish[iid] == DONE or iid in early:
            status = Status.DELIVERED
            spent[HALF_WAY] = _thousands(planned.get(HALF_WAY, 0.0) * factor)
        else:
            status = (
                Status.IN_PROGRESS
                if any(planned.get(p, 0.0) > 0 for p in (DONE, HALF_WAY))
                else Status.PLANNED
            )
            spent[HALF_WAY] = half
        spent = {p: v for p, v in spent.items() if v > 0}
        start = next((p for p in workspace.periods if spent.get(p, 0.0) > 0), None)
        rows.append(Progress(iid, status, spent, start))
    levels = planned_levels(workspace, plan)
    measurements = tuple(
        Measurement(kpi_id, DONE, round(levels[kpi_id][DONE] + offset, 2))
        for kpi_id, offset in OFFSETS.items()
    )
    return selected, FollowUp(tuple(rows), measurements)


def main() -> int:
    workspace = read_workbook(WORKSPACE_PATH, lang="fr").workspace
    selected, followup = sample_followup(workspace)
    FOLLOWUP_PATH.write_bytes(write_followup(workspace, plan=selected, followup=followup, lang="fr"))
    counts = {s: len(followup.with_status(s)) for s in Status}
    print(
        f"{FOLLOWUP_PATH.relative_to(ROOT)}: {len(selected)} initiatives of the plan "
        f"({', '.join(f'{n} {s.value}' for s, n in counts.items())}), "
        f"{len(followup.measurements)} measurements"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

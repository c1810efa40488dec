"""A v1 workbook (no latest_start, no starts_after, no Capacity or Effort sheet) reads,
builds and optimizes exactly as before the roadmap (DESIGN.md, "Contract v2").

The references below were recorded from the code before the roadmap was added (the commit
833e62e tree, with the sample as it was then, now sample_data/cx_workspace_fr_v1.xlsx):
- the portfolio: `python -m cxprior optimize sample_data/cx_workspace_fr.xlsx --json -`;
- tests/data/v1_models.npz: `to_arrays(build_model(make_instance(ws, score(ws)), scenario))`
  for the three cases of `CASES` (arrays, row names, column names, row kinds), saved with
  `numpy.savez_compressed` before model.py changed.
They are regression references by design: the point is that nothing moved.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from cxprior.domain import default_scenario, score, synthetic_scenario, synthetic_workspace
from cxprior.portfolio import build_model, make_instance, optimize
from cxprior.portfolio.highs import to_arrays
from cxprior.workbook import read_workbook

ROOT = Path(__file__).resolve().parents[1]
V1_SAMPLE = ROOT / "sample_data" / "cx_workspace_fr_v1.xlsx"
V1_MODELS = Path(__file__).resolve().parent / "data" / "v1_models.npz"

# the v1 optimum of the sample at its own budgets, recorded before the roadmap (see above)
V1_SELECTED = (
    "HEL-01",
    "HEL-04",
    "HEL-06",
    "HEL-07",
    "HEL-08",
    "HEL-12",
    "HEL-13",
    "HEL-14",
    "HEL-16",
    "HEL-20",
    "HEL-21",
    "HEL-24",
    "HEL-29",
    "HEL-30",
    "HEL-37",
    "HEL-38",
    "HEL-39",
    "HEL-40",
    "HEL-41",
    "HEL-43",
    "HEL-45",
    "HEL-46",
    "HEL-48",
)
V1_OBJECTIVE = 165.88580239613327
V1_COST_BY_PERIOD = {"2026": 1695000.0, "2027": 1373000.0, "2028": 828000.0}


@pytest.fixture(scope="module")
def v1():
    return read_workbook(V1_SAMPLE, lang="fr").workspace


def cases(ws):
    base = default_scenario(ws)
    full = replace(
        base,
        max_initiatives=15,
        max_phases=4,
        min_goal_share={"OBJ-ENG": 0.1, "OBJ-CONF": 0.05},
        min_competency_share={"culture_management": 0.1},
        force_in=("HEL-05",),
        force_out=("HEL-03",),
    )
    synthetic = synthetic_workspace(200, seed=3)
    return {
        "sample_default": (ws, base),
        "sample_full": (ws, full),
        "synthetic_200": (synthetic, synthetic_scenario(synthetic)),
    }


def test_a_v1_workbook_has_no_roadmap(v1):
    assert v1.capacities == () and v1.efforts == ()
    assert all(i.latest_start is None and i.starts_after == () for i in v1.initiatives)


@pytest.mark.parametrize("solver", ["highs", "cbc"])
def test_the_v1_sample_gives_the_portfolio_it_gave_before_the_roadmap(v1, solver):
    result = optimize(v1, replace(default_scenario(v1), solver=solver))
    assert result.status == "optimal"
    assert result.selected == V1_SELECTED
    assert result.objective == pytest.approx(V1_OBJECTIVE, rel=1e-12)
    assert result.cost_by_period == V1_COST_BY_PERIOD
    # fixed starts, reported: each at its earliest start, and no team
    assert set(result.start) == set(V1_SELECTED) and result.effort_by_team == {}
    assert result.start["HEL-48"] == "2027"  # its first cost is in 2027 (0, 80, 80 k€)


def test_without_a_start_window_no_shift_changes_nothing(v1):
    shifted = optimize(v1, default_scenario(v1), explain=False)
    fixed = optimize(v1, replace(default_scenario(v1), allow_shift=False), explain=False)
    assert (shifted.selected, shifted.objective) == (fixed.selected, fixed.objective)


@pytest.mark.parametrize("case", ["sample_default", "sample_full", "synthetic_200"])
def test_a_v1_workspace_builds_exactly_the_v1_model(v1, case):
    ws, scenario = cases(v1)[case]
    model = build_model(make_instance(ws, score(ws)), scenario)
    arrays = to_arrays(model)
    reference = np.load(V1_MODELS)
    for name in ("cost", "col_lower", "col_upper", "row_lower", "row_upper", "start", "index", "value"):
        assert np.array_equal(getattr(arrays, name), reference[f"{case}.{name}"]), name
    assert list(arrays.row_names) == reference[f"{case}.row_names"].tolist()
    assert [v.name for v in model.columns] == reference[f"{case}.col_names"].tolist()
    assert [r.kind for r in model.rows.values()] == reference[f"{case}.row_kinds"].tolist()
    assert not model.flexible  # no start variable: fixed starts cost nothing

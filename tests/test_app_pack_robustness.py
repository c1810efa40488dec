"""The downloaded COMEX pack carries the robustness analysis once one has run on the portfolio."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from test_report_uncertainty import points_ws

from cxprior.domain import Scenario
from cxprior.portfolio import monte_carlo, optimize
from ui import pack


def test_the_app_pack_adds_the_robustness_sheet_only_when_an_analysis_is_given():
    ws = points_ws(("A", 60.0, 30.0, 1.0), ("B", 50.0, 20.0, 1.0), ("C", 40.0, 15.0, 1.0))
    scenario = Scenario("Budget 100", budget_total=100.0)
    result = optimize(ws, scenario)
    analysis = monte_carlo(ws, scenario, draws=20, seed=1)

    plain = pack.pack_bytes("xlsx", ws, result, key="budget-100")
    robust = pack.pack_bytes("xlsx", ws, result, key="budget-100", uncertainty=analysis)

    assert "Robustness" not in load_workbook(io.BytesIO(plain)).sheetnames
    assert "Robustness" in load_workbook(io.BytesIO(robust)).sheetnames

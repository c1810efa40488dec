"""Overview page: the workspace at a glance, its warnings, and user text shown literally."""

from __future__ import annotations

from dataclasses import replace

from app_helpers import (
    failures,
    open_page,
    shown,
    start,
    upload,
)

from cxprior.workbook import write_workspace


def test_the_overview_shows_counts_money_and_warnings():
    at = start()
    metrics = {m.label: (m.value, m.delta) for m in at.metric}
    assert metrics["Strategic goals"][0] == "5"
    assert metrics["KPIs linked to a goal"] == ("11", "of 12")
    assert metrics["Total asked"] == ("€8,675,000", "2.2× the budget")
    # the sample's coût_2026 column adds up to 3 707 000 (summed with openpyxl, outside cxprior)
    assert metrics["Cost 2026"] == ("€3,707,000", "budget €1,700,000")
    warnings = shown(at.warning)
    assert warnings[0].startswith(
        "KPI NEWSLETTER (Taux d'ouverture de la newsletter) is linked to no strategic goal"
    )
    assert any(w.startswith("Fragmentation sign: 24 of 48 initiatives") for w in warnings)
    assert len(at.get("vega_lite_chart")) == 3


def test_hostile_names_are_shown_literally_never_as_markup(two_goal_workspace):
    hostile = "**bold** [link](javascript:alert(1)) <img src=x onerror=alert(1)> $x^2$"
    kpis = tuple(replace(k, name=hostile) if k.kpi_id == "ORPHAN" else k for k in two_goal_workspace.kpis)
    at = open_page(start(), "backlog")
    upload(at, "hostile.xlsx", write_workspace(replace(two_goal_workspace, kpis=kpis)))
    open_page(at, "overview")
    raw = at.warning[0].value
    assert "\\*\\*bold\\*\\*" in raw
    assert "\\[link\\]\\(javascript\\:alert\\(1\\)\\)" in raw
    assert "\\<img src\\=x onerror\\=alert\\(1\\)\\>" in raw
    assert hostile in shown(at.warning)[0]
    assert failures(at) == []


def test_value_points_are_given_their_true_scale_once():
    at = start()
    # sample goal shares 35/25/15/15/10 %, links' strengths per goal 3.9, 2.2, 1.3, 1.8, 2.6:
    # 100 × (0.35 × 3.9 + 0.25 × 2.2 + 0.15 × 1.3 + 0.15 × 1.8 + 0.10 × 2.6) = 100 × 2.64 = 264
    scale = [c for c in shown(at.caption) if "How to read value points" in c]
    assert len(scale) == 1
    assert "here every KPI at its target would be worth 264 points" in scale[0]
    assert "100 points = every KPI" not in scale[0]

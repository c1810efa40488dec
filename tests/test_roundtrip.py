"""Write → read → equal: what the writer exports, the reader gives back unchanged."""

from __future__ import annotations

from io import BytesIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from cxprior.domain import (
    Budget,
    Competency,
    Direction,
    Goal,
    Impact,
    Initiative,
    Kpi,
    KpiGoalLink,
    TeamBacklog,
    Workspace,
)
from cxprior.workbook import (
    contract,
    localise_frame,
    read_workbook,
    safe_cell_value,
    sheet_name,
    validate_initiatives_frame,
    workspace_to_frames,
    write_backlog,
    write_template,
    write_workspace,
)

# The reader trims surrounding blanks of text cells, so a leading tab cannot come back
# through it; that the writer keeps "\tx" literal in the cell is tested in test_workbook_write.
HOSTILE = ['=HYPERLINK("http://evil.example","clic")', "+33 1 23", "-x", "@SUM(A1)", "-1+2", "=1/0"]


@pytest.fixture
def full_workspace() -> Workspace:
    """A workspace using every field of the contract, with accents, emoji and hostile text."""
    return Workspace(
        goals=(
            Goal("G1", "Fidéliser les clients 💙", 3.0, "Réduire l'attrition de 20 %"),
            Goal("G2", '=HYPERLINK("http://evil.example","clic")', 1.5),
        ),
        kpis=(
            Kpi("NPS", "Net promoter score", Direction.INCREASE, -5.0, 30.0, "pts"),
            Kpi("CHURN", "Taux d'attrition", Direction.DECREASE, 12.5, 8.0, "%"),
            Kpi("ENPS", "eNPS des conseillers", Direction.INCREASE, 0.0, 20.0, "pts", side="employee"),
            Kpi("ORPHAN", "Ouvertures de la newsletter", Direction.INCREASE, 20.0, 30.0, "‰"),
        ),
        links=(
            KpiGoalLink("NPS", "G1", 1.0),
            KpiGoalLink("CHURN", "G1", 0.5),
            KpiGoalLink("ENPS", "G2", 0.25),
        ),
        initiatives=(
            Initiative(
                "I-001",
                "Rappel client sous 2 h — « express »",
                3000.0,
                {"2026": 1000.0, "2027": 1500.5, "2028": 499.5},
                team="Service client",
                owner="Éloïse Ña",
                journey_phase="Obtenir de l'aide",
                confidence=0.75,
                mandatory=True,
                competency=Competency.DESIGN_IMPROVEMENT,
                description="Ligne 1\nLigne 2 🚀",
            ),
            Initiative(
                "I-002",
                "+33 1 23",
                120.0,
                {"2026": 0.0, "2027": 120.0, "2028": 0.0},
                team="-x",
                owner="@SUM(A1)",
                journey_phase="Souscrire > Emménager",
                depends_on=("I-001", "I-003"),
                exclusive_group="CHAT",
                competency=Competency.CUSTOMER_UNDERSTANDING,
            ),
            Initiative(
                "I-003",
                "=1+1",
                0.0,
                {"2026": 0.0, "2027": 0.0, "2028": 0.0},
                confidence=0.0,
                exclusive_group="CHAT",
                competency=Competency.CULTURE_MANAGEMENT,
            ),
            Initiative(
                "I-004",
                "Stratégie",
                10.0,
                {"2026": 10.0, "2027": 0.0, "2028": 0.0},
                competency=Competency.STRATEGY_ENGAGEMENT,
            ),
        ),
        impacts=(
            Impact("I-001", "NPS", 5.0, 2.5, 7.5),
            Impact("I-001", "CHURN", -0.5),
            Impact("I-002", "ENPS", 2.0, None, 3.0),
            Impact("I-003", "ORPHAN", 1.25, 1.0, None),
        ),
        budgets=(Budget("2026", 500.0), Budget("2027", 1000.0), Budget("total", 1800.0)),
        periods=("2026", "2027", "2028"),
    )


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_workspace_with_every_field_round_trips_exactly(full_workspace, lang):
    result = read_workbook(write_workspace(full_workspace, lang))
    assert result.kind == "workspace"
    assert result.workspace == full_workspace
    assert result.notes == ()


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_round_trips_literally_in_every_text_column(full_workspace, text):
    item = Initiative("I-X", text, 1.0, {"2026": 1.0, "2027": 0.0, "2028": 0.0}, team=text, owner=text)
    ws = Workspace(
        goals=full_workspace.goals,
        kpis=full_workspace.kpis,
        links=full_workspace.links,
        initiatives=(item,),
        periods=full_workspace.periods,
    )
    read = read_workbook(write_workspace(ws)).workspace.initiative_by_id["I-X"]
    assert (read.name, read.team, read.owner) == (text, text, text)


def test_a_workspace_with_single_costs_and_no_periods_round_trips():
    ws = Workspace(
        goals=(Goal("G1", "Grow", 1.0),),
        kpis=(Kpi("NPS", "NPS", Direction.INCREASE, 0.0, 10.0),),
        links=(KpiGoalLink("NPS", "G1"),),
        initiatives=(Initiative("A", "Alpha", 1234.5), Initiative("B", "Beta", 0.0, depends_on=("A",))),
        impacts=(Impact("A", "NPS", 1.0),),
        budgets=(Budget("total", 1000.0),),
    )
    assert read_workbook(write_workspace(ws)).workspace == ws


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_team_backlog_round_trips_as_a_backlog(full_workspace, lang):
    team = TeamBacklog(
        initiatives=full_workspace.initiatives[:2],
        impacts=tuple(i for i in full_workspace.impacts if i.initiative_id in ("I-001", "I-002")),
        periods=full_workspace.periods,
    )
    result = read_workbook(write_backlog(team, lang))
    assert result.kind == "backlog"
    assert result.backlog == team


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_template_filled_in_by_hand_reads_back_without_a_remark(full_workspace, lang):
    """The template's sheets, headers and period columns are the ones the reader wants,
    and its instructions sheet is ignored quietly."""
    book = load_workbook(BytesIO(write_template(lang)))
    for spec in contract.SHEETS:
        frame = localise_frame(spec, workspace_to_frames(full_workspace)[spec.key], lang)
        sheet = book[sheet_name(spec, lang)]
        for row in frame.itertuples(index=False):
            sheet.append([safe_cell_value(v) for v in row])
    buffer = BytesIO()
    book.save(buffer)
    result = read_workbook(buffer.getvalue())
    assert result.workspace == full_workspace
    assert result.notes == ()


# Text the user may type: anything printable, accents, emoji, formula triggers; not the
# characters XML cannot carry (documented normalisation) and not surrounding blanks on ids.
USER_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x85\u2028\u2029")
    | st.sampled_from(["=", "+", "-", "@", "\t", "\n", "é", "€", "🚀"]),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() == s and s.strip() != "")


@settings(max_examples=25, deadline=None)
@given(name=USER_TEXT, description=USER_TEXT)
def test_any_user_text_round_trips_exactly(name, description):
    ws = Workspace(
        goals=(Goal("G1", name, 1.0, description),),
        kpis=(Kpi("K", name, Direction.DECREASE, 1.0, 0.0, description),),
        links=(KpiGoalLink("K", "G1"),),
        initiatives=(Initiative("I", name, 1.0, owner=description, description=description),),
        impacts=(Impact("I", "K", -0.5),),
    )
    assert read_workbook(write_workspace(ws)).workspace == ws


def test_the_initiatives_frame_the_app_edits_validates_back_to_the_same_workspace(full_workspace):
    frame = workspace_to_frames(full_workspace)["Initiatives"]
    assert validate_initiatives_frame(frame, full_workspace) == full_workspace

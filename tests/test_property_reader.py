"""Property: whatever workbook arrives, the reader answers with a workspace that keeps every
rule of the contract, or with the package's own error and a message for each problem —
never another exception.

Workbooks are drawn by hypothesis at three levels: random cells under the template's
sheets and headers (mostly near-valid, so that deep rules run), random damage to the bytes
of a valid file, and random edits of the app's Initiatives table.
"""

from __future__ import annotations

import math
import os
import random
import string

import pandas as pd
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from workbooks import good_sheets, parts_of, xlsx, zip_of

from cxprior.domain import Problem, TeamBacklog, WorkbookError, Workspace
from cxprior.workbook import (
    contract,
    find_cycles,
    forbidden_in_id,
    neutralise,
    read_workbook,
    validate_initiatives_frame,
    workspace_to_frames,
)

# CXPRIOR_PROPERTY_EXAMPLES=2000 searches harder (minutes); the suite's default stays fast
EXAMPLES = int(os.environ.get("CXPRIOR_PROPERTY_EXAMPLES", "80"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# text Excel can hold (openpyxl refuses the control characters XML cannot carry), with the
# characters that break naive readers: separators, quotes, formula starts, accents, emoji,
# right-to-left, zero-width and Office's own _xHHHH_ escape
_ALPHABET = st.sampled_from(
    [
        *string.ascii_letters[:8],
        *"0123456789 ,;-=+@'\"<&%",
        *("é", "ü", "€", "\u202f", "\u00a0", "🚀", "ب", "\u202e", "\u200b", "\n", "\t", "_x0007_"),
    ]
)
TEXT = st.lists(_ALPHABET, min_size=0, max_size=8).map("".join)
IDS = st.sampled_from(["I-1", "I-2", "I-3", "I-4", "G1", "G2", "NPS", "CHURN", "CES", "2026", "total", ""])
NUMBERS = st.one_of(
    st.integers(-1000, 1000),
    st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False),
    st.sampled_from([0, 1, 0.5, -0.5, 1e300, -1e-300, 2**53 + 1]),
)
WORDS = st.sampled_from(
    [
        *("yes", "no", "oui", "non", "increase", "decrease", "hausse", "baisse", "1 200,50", "12 %"),
        *("customer_understanding", "design_improvement", "employee", "I-1; I-2", "I-1,I-1", "=1+1"),
        *("#N/A", "abc"),
    ]
)
CELLS = st.one_of(st.none(), IDS, NUMBERS, WORDS, TEXT, st.booleans())


def _headers(spec: contract.SheetSpec) -> list[str]:
    names = [name for column in spec.columns for name in column.names]
    if spec is contract.INITIATIVES:
        names += ["cost_2026", "cost_2027", "coût_2026", "impact:NPS", "impact:CES", "impact:NOPE"]
    return names


@st.composite
def sheets_near_the_template(draw) -> dict[str, list[list[object]]]:
    """The valid workspace with random cells, headers and sheets changed."""
    sheets = good_sheets()
    for _ in range(draw(st.integers(0, 6))):
        name = draw(st.sampled_from(sorted(sheets)))
        rows = sheets[name]
        r = draw(st.integers(0, len(rows)))
        c = draw(st.integers(0, len(rows[0]) - 1))
        if r == len(rows):
            rows.append([draw(CELLS) for _ in rows[0]])
        elif r == 0:
            spec = next(s for s in contract.SHEETS if s.key == name)
            rows[0][c] = draw(st.one_of(st.sampled_from(_headers(spec)), TEXT))
        else:
            rows[r][c] = draw(CELLS)
    if draw(st.booleans()):
        dropped = draw(st.sampled_from(sorted(sheets)))
        del sheets[dropped]
    if draw(st.integers(0, 4)) == 0:
        sheets[draw(st.sampled_from(["Objectifs", "Indicateurs", "Notes", "KPIs ", "impacts"]))] = [
            [draw(CELLS) for _ in range(3)] for _ in range(draw(st.integers(0, 3)))
        ]
    return sheets


def _check_problems(error: WorkbookError) -> None:
    assert error.message
    assert error.problems, "a refusal names at least one problem"
    for problem in error.problems:
        assert isinstance(problem, Problem)
        assert problem.message.strip()
        assert "{" not in problem.message or "}" not in problem.message, problem.message  # unfilled
        assert problem.row is None or problem.row >= 1


def _check_workspace(ws: Workspace) -> None:
    """Every rule of the contract holds in what the reader hands over."""
    for kind, ids in (
        ("goal", [g.goal_id for g in ws.goals]),
        ("kpi", [k.kpi_id for k in ws.kpis]),
        ("initiative", [i.initiative_id for i in ws.initiatives]),
    ):
        assert len(ids) == len(set(ids)), f"duplicate {kind} ids"
        assert all(i and i == i.strip() and forbidden_in_id(i) is None for i in ids), ids
    assert all(g.weight > 0 and math.isfinite(g.weight) for g in ws.goals)
    for kpi in ws.kpis:
        assert kpi.target != kpi.baseline
        assert (kpi.target > kpi.baseline) == (kpi.direction == "increase")
    for link in ws.links:
        assert link.kpi_id in ws.kpi_by_id and link.goal_id in ws.goal_by_id
        assert 0 < link.strength <= 1
    _check_initiatives(ws.initiatives, set(ws.initiative_by_id), ws.periods)
    for impact in ws.impacts:
        assert impact.initiative_id in ws.initiative_by_id and impact.kpi_id in ws.kpi_by_id
        assert math.isfinite(impact.impact)
    pairs = [(i.initiative_id, i.kpi_id) for i in ws.impacts]
    assert len(pairs) == len(set(pairs))
    for budget in ws.budgets:
        assert budget.amount >= 0 and (budget.period == "total" or budget.period in ws.periods)
    # shown text holds no character that reorders or hides it: each was made its visible token
    shown = [t for g in ws.goals for t in (g.name, g.description)]
    shown += [t for k in ws.kpis for t in (k.name, k.unit)]
    shown += [t for i in ws.initiatives for t in (i.name, i.team, i.owner, i.journey_phase, i.description)]
    assert [t for t in shown if t and neutralise(t) != t] == []


def _check_initiatives(initiatives, known: set[str], periods: tuple[str, ...]) -> None:
    graph = {}
    for item in initiatives:
        assert item.cost >= 0 and math.isfinite(item.cost)
        assert 0 <= item.confidence <= 1
        assert set(item.period_costs) <= set(periods)
        if periods:
            assert math.isclose(item.cost, sum(item.period_costs.values()), rel_tol=1e-9, abs_tol=1e-9)
        assert item.initiative_id not in item.depends_on
        assert all(dep in known for dep in item.depends_on), (item.depends_on, known)
        graph[item.initiative_id] = item.depends_on
    assert find_cycles(graph) == []


@SETTINGS
@given(sheets_near_the_template(), st.sampled_from(["en", "fr"]))
def test_a_random_workbook_gives_a_valid_workspace_or_located_problems(sheets, lang):
    try:
        result = read_workbook(xlsx(sheets), lang=lang)
    except WorkbookError as error:
        event("refused")
        _check_problems(error)
        return
    event(f"valid {result.kind}")
    if result.kind == "workspace":
        _check_workspace(result.workspace)
    else:
        assert isinstance(result.backlog, TeamBacklog)
        _check_initiatives(
            result.backlog.initiatives,
            {i.initiative_id for i in result.backlog.initiatives} | {"I-1", "I-2", "I-3", "I-4"},
            result.backlog.periods,
        )


_GOOD = xlsx(good_sheets())


@SETTINGS
@given(st.data())
def test_damaged_bytes_are_refused_with_a_message_never_an_unexpected_exception(data):
    book = bytearray(_GOOD)
    how = data.draw(st.sampled_from(["flip", "cut", "splice"]))
    if how == "flip":
        for _ in range(data.draw(st.integers(1, 20))):
            at = data.draw(st.integers(0, len(book) - 1))
            book[at] = data.draw(st.integers(0, 255))
    elif how == "cut":
        book = book[: data.draw(st.integers(0, len(book)))]
    else:
        at = data.draw(st.integers(0, len(book)))
        book[at:at] = data.draw(st.binary(min_size=1, max_size=64))
    try:
        read_workbook(bytes(book))
    except WorkbookError as error:
        _check_problems(error)


@SETTINGS
@given(st.data())
def test_random_xml_in_a_part_is_refused_with_a_message(data):
    parts = parts_of(_GOOD)
    name = data.draw(st.sampled_from(sorted(parts)))
    xml = parts[name].decode()
    rng = random.Random(data.draw(st.integers(0, 2**32)))
    for _ in range(data.draw(st.integers(1, 5))):
        at = rng.randrange(len(xml) + 1)
        xml = (
            xml[:at]
            + data.draw(st.sampled_from(["<", ">", "&", '"', "</row>", "<c>", "&#0;", "\x00", "é"]))
            + xml[at:]
        )
    parts[name] = xml.encode("utf-8", "surrogatepass")
    try:
        read_workbook(zip_of(parts))
    except WorkbookError as error:
        _check_problems(error)


_FRAME = workspace_to_frames(read_workbook(_GOOD).workspace)["Initiatives"]
_WORKSPACE = read_workbook(_GOOD).workspace


@SETTINGS
@given(st.data())
def test_a_random_edit_of_the_initiatives_table_gives_a_valid_workspace_or_problems(data):
    frame = _FRAME.copy()
    for _ in range(data.draw(st.integers(1, 6))):
        column = data.draw(st.sampled_from(list(frame.columns)))
        row = data.draw(st.integers(0, len(frame)))
        value = data.draw(CELLS)
        if row == len(frame):
            frame.loc[len(frame)] = [None] * frame.shape[1]
        frame[column] = frame[column].astype(object)
        frame.iat[row, frame.columns.get_loc(column)] = value
    if data.draw(st.booleans()):
        frame = frame.drop(index=data.draw(st.sampled_from(list(frame.index))))
    try:
        ws = validate_initiatives_frame(
            pd.DataFrame(frame), _WORKSPACE, data.draw(st.sampled_from(["en", "fr"]))
        )
    except WorkbookError as error:
        event("refused")
        _check_problems(error)
        return
    event("valid")
    _check_workspace(ws)

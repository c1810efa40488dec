"""Sheet rules and cross-sheet rules (DESIGN.md, "Workbook contract (v1)"), in plain Python.

Each `read_<sheet>` function takes a `Table` (headers matched, cells converted, see
cxprior.workbook.tables), runs its per-column rules, then the rules that need other cells or
other sheets: references, target against baseline, cost sums, dependency cycles, duplicate
impacts across the long and wide forms. `build` applies them to a whole workbook.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cxprior.domain import (
    TOTAL_PERIOD,
    Budget,
    Competency,
    Direction,
    Goal,
    Impact,
    Initiative,
    Kpi,
    KpiGoalLink,
    Problem,
    TeamBacklog,
    Workspace,
    competency_of,
    side_of,
)
from cxprior.i18n import tr
from cxprior.workbook import contract
from cxprior.workbook.roadmap import check_start_windows, read_roadmap
from cxprior.workbook.tables import RawSheet, Table, build_table, check_columns, show, suggest

# --- sheets ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Refs:
    """What other sheets tell about ids; None means "cannot be checked here"."""

    goal_ids: frozenset[str] | None = None
    kpi_ids: frozenset[str] | None = None
    initiative_ids: frozenset[str] = frozenset()  # ids `depends_on` may name besides the sheet's own
    check_dependencies: bool = True  # False for a team backlog: it may depend on workspace ids


def _unknown(table: Table, row: int, key: str, message_key: str, value: str, known: Iterable[str]) -> None:
    hint = suggest(value, known)
    suffix = tr("wb.did_you_mean", table.lang, value=hint) if hint else ""
    table.add(row, key, message_key, value=value, hint=suffix)


def _nan_to_none(value: float) -> float | None:
    return None if value is None or value != value else float(value)


def read_goals(table: Table) -> list[Goal]:
    check_columns(table)
    return [
        Goal(goal_id, name, weight, description or "")
        for _, goal_id, name, weight, description in table.records("goal_id", "name", "weight", "description")
    ]


def read_kpis(table: Table) -> list[Kpi]:
    check_columns(table)
    kpis = []
    for row, kpi_id, name, unit, word, baseline, target, side in table.records(
        "kpi_id", "name", "unit", "direction", "baseline", "target", "side"
    ):
        direction = contract.DIRECTION_WORDS.get(word or "")
        if direction and table.ok(row, "baseline", "target") and baseline == baseline and target == target:
            if target == baseline:
                table.add(row, "target", "wb.target_equals_baseline", value=show(target))
            elif (target > baseline) != (direction == "increase"):
                key = "wb.target_below_baseline" if direction == "increase" else "wb.target_above_baseline"
                table.add(row, "target", key, target=show(target), baseline=show(baseline), direction=word)
        if direction:
            side = side_of(side)
            kpis.append(Kpi(kpi_id, name, Direction(direction), baseline, target, unit or "", side))
    return kpis


def read_links(table: Table, refs: Refs) -> list[KpiGoalLink]:
    check_columns(table)
    links = []
    seen: dict[tuple[str, str], int] = {}
    for row, kpi_id, goal_id, strength in table.records("kpi_id", "goal_id", "strength"):
        if kpi_id is not None and refs.kpi_ids is not None and kpi_id not in refs.kpi_ids:
            _unknown(table, row, "kpi_id", "wb.unknown_kpi", kpi_id, refs.kpi_ids)
        if goal_id is not None and refs.goal_ids is not None and goal_id not in refs.goal_ids:
            _unknown(table, row, "goal_id", "wb.unknown_goal", goal_id, refs.goal_ids)
        if kpi_id is not None and goal_id is not None:
            if (kpi_id, goal_id) in seen:
                table.add(
                    row, "goal_id", "wb.duplicate_link", kpi=kpi_id, goal=goal_id, first=seen[kpi_id, goal_id]
                )
            seen.setdefault((kpi_id, goal_id), row)
        links.append(KpiGoalLink(kpi_id, goal_id, 1.0 if strength != strength else strength))
    return links


@dataclass(slots=True)
class Located:
    """An impact with where it was written, to report duplicates across both forms."""

    impact: Impact
    sheet: str
    row: int
    column: str


def read_initiatives(
    table: Table, refs: Refs, max_impacts: int = 200_000
) -> tuple[list[Initiative], list[Located]]:
    """Initiatives and their wide-form impacts (`impact:<kpi_id>` columns, at most `max_impacts`)."""
    check_columns(table)
    lang = table.lang
    periods = table.periods
    has_cost = "cost" in table.present
    for kpi_id in table.wide_kpis:
        if refs.kpi_ids is not None and kpi_id not in refs.kpi_ids:
            hint = suggest(kpi_id, refs.kpi_ids)
            table.problems.append(
                Problem(
                    table.sheet,
                    None,
                    table.column_name(f"impact:{kpi_id}"),
                    tr(
                        "wb.wide_unknown_kpi",
                        lang,
                        value=kpi_id,
                        hint=tr("wb.did_you_mean", lang, value=hint) if hint else "",
                    ),
                )
            )
    own_ids = {i for i in table.values("initiative_id") if i is not None}
    known_ids = own_ids | refs.initiative_ids
    period_values = [table.values(f"cost:{p}") for p in periods]
    wide_columns = [f"impact:{k}" for k in table.wide_kpis]
    wide_values = [(k, table.values(column)) for k, column in zip(table.wide_kpis, wide_columns, strict=True)]
    if sum(int(table.filled(column).sum()) for column in wide_columns) > max_impacts:
        # each impact becomes an object: refuse before building hundreds of thousands of them
        table.problems.append(
            Problem(table.sheet, None, "", tr("wb.too_many_impacts", lang, limit=f"{max_impacts:,}"))
        )
        wide_values = []
    initiatives: list[Initiative] = []
    impacts: list[Located] = []
    graph: dict[str, tuple[str, ...]] = {}
    rows_of: dict[str, int] = {}
    fields = ("initiative_id", "name", "team", "owner", "journey_phase", "cost", "confidence", "mandatory")
    more = ("depends_on", "exclusive_group", "competency", "description", "latest_start", "starts_after")
    for n, (
        row,
        iid,
        name,
        team,
        owner,
        phase,
        cost,
        confidence,
        mandatory,
        deps,
        group,
        comp,
        text,
        latest,
        after,
    ) in enumerate(table.records(*fields, *more)):
        by_period = {p: values[n] for p, values in zip(periods, period_values, strict=True)}
        cost = _cost(table, row, cost, by_period, has_cost)
        if deps and table.ok(row, "depends_on"):  # an id already refused is not looked up
            for dep in deps:
                if dep == iid:
                    table.add(row, "depends_on", "wb.self_dependency", value=dep)
                elif refs.check_dependencies and dep not in known_ids:
                    _unknown(table, row, "depends_on", "wb.unknown_dependency", dep, known_ids)
            if iid is not None:
                graph[iid] = tuple(d for d in deps if d in own_ids and d != iid)
        if iid is not None:
            rows_of.setdefault(iid, row)
            if contract.ID_SEPARATORS.search(iid):
                table.add(row, "initiative_id", "wb.id_separator", value=iid)
        for kpi_id, values in wide_values:
            value = values[n]
            if value == value and iid is not None:
                header = table.column_name(f"impact:{kpi_id}")
                impacts.append(Located(Impact(iid, kpi_id, value), table.sheet, row, header))
        initiatives.append(
            Initiative(
                initiative_id=iid,
                name=name,
                cost=cost,
                period_costs={p: 0.0 if v != v else v for p, v in by_period.items()},
                team=team or "",
                owner=owner or "",
                journey_phase=phase or "",
                confidence=1.0 if confidence != confidence else confidence,
                mandatory=mandatory in contract.YES_WORDS,
                depends_on=deps or (),
                exclusive_group=group or "",
                competency=Competency(c) if (c := competency_of(comp)) else None,
                description=text or "",
                latest_start=latest,
                starts_after=after or (),
            )
        )
    for cycle in find_cycles(graph, order=rows_of):
        table.add(rows_of[cycle[0]], "depends_on", "wb.cycle", cycle=" → ".join(cycle))
    table.row_of = rows_of
    check_start_windows(table, initiatives, known_ids, refs.check_dependencies)
    after = {
        iid: tuple(a for a in i.starts_after if a in own_ids and a != iid)
        for i in initiatives
        if (iid := i.initiative_id) is not None and i.starts_after and table.ok(rows_of[iid], "starts_after")
    }
    for cycle in find_cycles(after, order=rows_of):
        table.add(rows_of[cycle[0]], "starts_after", "wb.road.starts_after_cycle", cycle=" → ".join(cycle))
    return initiatives, impacts


def _cost(table: Table, row: int, cost: float, by_period: dict[str, float], has_cost: bool) -> float:
    if not by_period:
        if cost != cost and has_cost and table.ok(row, "cost"):
            table.add(row, "cost", "wb.cost_missing")
        return cost
    if not table.ok(row, *(f"cost:{p}" for p in by_period)):
        return cost
    given = [v for v in by_period.values() if v == v]
    total = math.fsum(given)
    if cost != cost:
        if not given and table.ok(row, "cost"):
            table.add(row, "cost", "wb.cost_missing")
        return total
    if (
        table.sums_checked
        and table.ok(row, "cost")
        and not math.isclose(cost, total, rel_tol=1e-9, abs_tol=0.005)
    ):
        table.add(
            row,
            "cost",
            "wb.cost_mismatch",
            cost=show(cost),
            total=show(total),
            columns=", ".join(table.column_name(f"cost:{p}") for p in by_period),
        )
    return cost


def find_cycles(graph: dict[str, tuple[str, ...]], order: dict[str, int] | None = None) -> list[list[str]]:
    """One cycle per group of initiatives that depend on each other, as ids in order.

    Each cycle starts at the group's first initiative (by `order`, e.g. its row) and ends
    where it began: ["I-3", "I-7", "I-3"] means I-3 depends on I-7, which depends on I-3.
    """
    rank = order or {node: n for n, node in enumerate(graph)}
    cycles = []
    for component in _strongly_connected(graph):
        if len(component) < 2:
            continue
        members = set(component)
        start = min(component, key=lambda node: rank.get(node, 0))
        cycles.append(_cycle_through(start, graph, members))
    cycles.sort(key=lambda cycle: rank.get(cycle[0], 0))
    return cycles


def _strongly_connected(graph: dict[str, tuple[str, ...]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative so that 20,000 initiatives do not hit the recursion limit."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            advanced = False
            for succ in successors:
                if succ not in index:
                    index[succ] = low[succ] = counter
                    counter += 1
                    stack.append(succ)
                    on_stack.add(succ)
                    work.append((succ, iter(graph.get(succ, ()))))
                    advanced = True
                    break
                if succ in on_stack:
                    low[node] = min(low[node], index[succ])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
    return components


def _cycle_through(start: str, graph: dict[str, tuple[str, ...]], members: set[str]) -> list[str]:
    """Shortest path from `start` back to itself inside one strongly connected group."""
    parent: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for succ in graph.get(node, ()):
                if succ not in members:
                    continue
                if succ == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(parent[path[-1]])
                    return [*reversed(path), start]
                if succ not in parent:
                    parent[succ] = node
                    following.append(succ)
        frontier = following
    return [start, start]  # unreachable for a real cycle


def read_impacts(table: Table, refs: Refs, initiative_ids: frozenset[str] | None) -> list[Located]:
    check_columns(table)
    impacts = []
    for row, iid, kpi_id, impact, low, high in table.records(
        "initiative_id", "kpi_id", "impact", "impact_low", "impact_high"
    ):
        if iid is not None and initiative_ids is not None and iid not in initiative_ids:
            _unknown(table, row, "initiative_id", "wb.unknown_initiative", iid, initiative_ids)
        if kpi_id is not None and refs.kpi_ids is not None and kpi_id not in refs.kpi_ids:
            _unknown(table, row, "kpi_id", "wb.unknown_kpi", kpi_id, refs.kpi_ids)
        if impact == impact and table.ok(row, "impact"):
            if low == low and low > impact and table.ok(row, "impact_low"):
                table.add(row, "impact_low", "wb.low_above_impact", low=show(low), impact=show(impact))
            if high == high and high < impact and table.ok(row, "impact_high"):
                table.add(row, "impact_high", "wb.high_below_impact", high=show(high), impact=show(impact))
        if iid is not None and kpi_id is not None:
            located = Located(
                Impact(iid, kpi_id, impact, _nan_to_none(low), _nan_to_none(high)),
                table.sheet,
                row,
                table.column_name("impact"),
            )
            impacts.append(located)
    return impacts


def check_duplicate_impacts(located: list[Located], lang: str) -> list[Problem]:
    """The same initiative × KPI given twice (long form, wide form, or one of each)."""
    first: dict[tuple[str, str], Located] = {}
    problems = []
    for item in located:
        key = (item.impact.initiative_id, item.impact.kpi_id)
        if key in first:
            other = first[key]
            problems.append(
                Problem(
                    item.sheet,
                    item.row,
                    item.column,
                    tr(
                        "wb.duplicate_impact",
                        lang,
                        initiative=key[0],
                        kpi=key[1],
                        sheet=other.sheet,
                        row=other.row,
                        column=other.column,
                    ),
                )
            )
        else:
            first[key] = item
    return problems


def read_budgets(table: Table, periods: tuple[str, ...]) -> list[Budget]:
    total_words = {"total"}
    table.columns["period"] = [
        TOTAL_PERIOD if p is not None and p.casefold() in total_words else p for p in table.values("period")
    ]
    check_columns(table)
    budgets = []
    choices = ", ".join([TOTAL_PERIOD, *periods])
    for row, period, amount in table.records("period", "budget"):
        if (
            period is not None
            and period != TOTAL_PERIOD
            and period not in periods
            and table.ok(row, "period")
        ):
            table.add(row, "period", "wb.budget_period_unknown", value=period, choices=choices)
        budgets.append(Budget(period, amount))
    return budgets


# --- whole workbooks -----------------------------------------------------------------------


def _ids(table: Table | None, key: str) -> frozenset[str] | None:
    """The ids a sheet defines, or None when the sheet or its id column is missing."""
    if table is None or key not in table.present:
        return None
    return frozenset(v for v in table.values(key) if v is not None)


def problem_order(raws: list[RawSheet]) -> Callable[[Problem], tuple]:
    """Sheets in the workbook's order, then rows, then columns left to right."""
    sheets = {raw.name: n for n, raw in enumerate(raws)}
    columns = {(raw.name, header): position for raw in raws for position, header in raw.headers.items()}

    def key(problem: Problem) -> tuple:
        return (
            sheets.get(problem.sheet, -1),
            -1 if problem.row is None else problem.row,
            columns.get((problem.sheet, problem.column), 0),
        )

    return key


@dataclass(frozen=True)
class Outcome:
    workspace: Workspace | None
    backlog: TeamBacklog | None
    problems: tuple[Problem, ...]
    notes: tuple[Problem, ...]


def build(
    raws: dict[str, RawSheet], kind: str, lang: str, sheet_problems: list[Problem], max_impacts: int = 200_000
) -> Outcome:
    """Apply every rule to the matched sheets (keys: contract sheet keys) of one workbook."""
    tables = {
        key: build_table(spec, raws[key], lang) for spec in contract.SHEETS if (key := spec.key) in raws
    }
    problems = list(sheet_problems)
    goals = read_goals(tables["Goals"]) if "Goals" in tables else []
    kpis = read_kpis(tables["KPIs"]) if "KPIs" in tables else []
    refs = Refs(
        goal_ids=_ids(tables.get("Goals"), "goal_id"),
        kpi_ids=_ids(tables.get("KPIs"), "kpi_id") if kind == "workspace" else None,
        check_dependencies=kind == "workspace",
    )
    links = read_links(tables["KPI_Goals"], refs) if "KPI_Goals" in tables else []
    initiatives: list[Initiative] = []
    located: list[Located] = []
    periods: tuple[str, ...] = ()
    if "Initiatives" in tables:
        initiatives, located = read_initiatives(tables["Initiatives"], refs, max_impacts)
        periods = tables["Initiatives"].periods
    if "Impacts" in tables:
        ids = _ids(tables.get("Initiatives"), "initiative_id")
        located += read_impacts(tables["Impacts"], refs, ids)
    problems += check_duplicate_impacts(located, lang)
    budgets = read_budgets(tables["Budget"], periods) if "Budget" in tables and kind == "workspace" else []
    roadmap = read_roadmap(tables, initiatives, periods, lang) if kind == "workspace" else None
    if roadmap is not None:
        problems += roadmap.problems
    if kind == "workspace":
        for key, message in (
            ("Goals", "wb.no_goals"),
            ("KPIs", "wb.no_kpis"),
            ("Initiatives", "wb.no_initiatives"),
        ):
            if key in tables and not tables[key].size:
                problems.append(Problem(tables[key].sheet, None, "", tr(message, lang)))
    elif "Initiatives" in tables and not initiatives:
        problems.append(Problem(tables["Initiatives"].sheet, None, "", tr("wb.no_initiatives", lang)))
    notes: list[Problem] = []
    for table in tables.values():
        problems += table.problems
        notes += table.notes
    problems.sort(key=problem_order([raws[key] for key in tables]))
    if problems:
        return Outcome(None, None, tuple(problems), tuple(notes))
    impacts = tuple(item.impact for item in located)
    if kind == "backlog":
        return Outcome(None, TeamBacklog(tuple(initiatives), impacts, periods), (), tuple(notes))
    workspace = Workspace(
        tuple(goals),
        tuple(kpis),
        tuple(links),
        tuple(initiatives),
        impacts,
        tuple(budgets),
        periods,
        capacities=roadmap.capacities if roadmap else (),
        efforts=roadmap.efforts if roadmap else (),
    )
    return Outcome(workspace, None, (), tuple(notes))

"""Roadmap rules (DESIGN.md, "Contract v2 › When and by whom"): start windows, Capacity, Effort.

`check_start_windows` checks the two Initiatives columns on their own row: `latest_start`
must be a cost period, not before the earliest start, and not so late that the costs would
pass the last period; `starts_after` must name other initiatives, not one of the same
exclusive group (the cycles are found with the dependency cycles, in `rules`).

`read_roadmap` reads the Capacity and Effort sheets and checks what needs them together
with the Initiatives sheet: every effort's initiative, period and (team, period) capacity,
also after the latest shift its initiative allows; an effort before its initiative's
earliest start; a latest start that would push efforts past the last period; a
`starts_after` that no start window allows. Every problem is located on its sheet, row
and column, in the user's language (see cxprior.i18n.roadmap).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cxprior.domain import Capacity, Effort, Initiative, Problem, earliest_index, profile_end_index, window
from cxprior.i18n import tr
from cxprior.workbook import contract
from cxprior.workbook.tables import Table, check_columns, display_name, suggest


@dataclass(frozen=True)
class RoadmapSheets:
    """The Capacity and Effort sheets read, and the problems that belong to no table."""

    capacities: tuple[Capacity, ...]
    efforts: tuple[Effort, ...]
    problems: tuple[Problem, ...]


def _hint(value: str, known: Iterable[str], lang: str) -> str:
    match = suggest(value, known)
    return tr("wb.did_you_mean", lang, value=match) if match else ""


def _none_or(periods: tuple[str, ...], lang: str) -> str:
    return ", ".join(periods) or tr("wb.none", lang)


def _costs_ok(table: Table, row: int) -> bool:
    return table.ok(row, "cost", *(f"cost:{p}" for p in table.periods))


# --- the Initiatives sheet alone --------------------------------------------------------------


def check_start_windows(
    table: Table, initiatives: list[Initiative], known_ids: set[str], check_refs: bool
) -> None:
    """`latest_start` and `starts_after` of each row (see module doc)."""
    lang = table.lang
    periods = table.periods
    by_id = {i.initiative_id: i for i in initiatives if i.initiative_id is not None}
    for row, initiative in zip(table.rows, initiatives, strict=True):
        latest = initiative.latest_start
        if latest is not None and table.ok(row, "latest_start") and _costs_ok(table, row):
            _check_latest_start(table, row, initiative, latest, periods)
        if initiative.starts_after and table.ok(row, "starts_after"):
            for other in initiative.starts_after:
                if other == initiative.initiative_id:
                    table.add(row, "starts_after", "wb.road.starts_after_self", value=other)
                elif check_refs and other not in known_ids:
                    hint = _hint(other, known_ids, lang)
                    table.add(row, "starts_after", "wb.road.starts_after_unknown", value=other, hint=hint)
                elif (
                    other in by_id
                    and initiative.exclusive_group
                    and by_id[other].exclusive_group == initiative.exclusive_group
                ):
                    table.add(
                        row,
                        "starts_after",
                        "wb.road.starts_after_exclusive",
                        other=other,
                        group=initiative.exclusive_group,
                    )


def _check_latest_start(
    table: Table, row: int, initiative: Initiative, latest: str, periods: tuple[str, ...]
) -> None:
    if latest not in periods:
        if periods:
            table.add(
                row,
                "latest_start",
                "wb.road.latest_start_not_period",
                value=latest,
                periods=", ".join(periods),
            )
        else:
            table.add(row, "latest_start", "wb.road.latest_start_no_periods", value=latest)
        return
    earliest = earliest_index(initiative, periods)
    at = periods.index(latest)
    if at < earliest:
        table.add(
            row,
            "latest_start",
            "wb.road.latest_start_before_earliest",
            value=latest,
            earliest=periods[earliest],
        )
        return
    end = profile_end_index(initiative, periods)
    if end + (at - earliest) > len(periods) - 1:
        length = end - earliest + 1
        table.add(
            row,
            "latest_start",
            "wb.road.latest_start_past_horizon",
            value=latest,
            last=periods[-1],
            length=length,
            earliest=periods[earliest],
            latest=periods[len(periods) - length],
        )


# --- Capacity and Effort, with the Initiatives sheet -------------------------------------------


def read_roadmap(
    tables: dict[str, Table], initiatives: list[Initiative], periods: tuple[str, ...], lang: str
) -> RoadmapSheets:
    """The Capacity and Effort sheets of a workspace, with their cross-sheet rules."""
    capacity_table = tables.get(contract.CAPACITY.key)
    effort_table = tables.get(contract.EFFORT.key)
    problems: list[Problem] = []
    capacities = _read_capacity(capacity_table, periods) if capacity_table is not None else []
    pairs = {(c.team, c.period) for c in capacities if c.team is not None and c.period is not None}
    if effort_table is None:
        return RoadmapSheets(tuple(capacities), (), ())
    initiatives_table = tables.get(contract.INITIATIVES.key)
    by_id = {i.initiative_id: i for i in initiatives if i.initiative_id is not None}
    if capacity_table is None and effort_table.size:
        problems.append(Problem(effort_table.sheet, None, "", tr("wb.road.effort_no_capacity_sheet", lang)))
    # a Capacity sheet with problems would raise false alarms on the efforts: those come first
    capacity_ok = capacity_table is not None and not capacity_table.problems
    located = _read_efforts(effort_table, by_id, periods, pairs, check_pairs=capacity_ok)
    if initiatives_table is not None and capacity_ok and not effort_table.problems:
        _check_shifted_efforts(initiatives_table, effort_table, located, by_id, periods, pairs)
    if initiatives_table is not None:
        _check_starts_after_windows(initiatives_table, initiatives, located, periods)
    return RoadmapSheets(tuple(capacities), tuple(effort for _, effort in located), tuple(problems))


def _read_capacity(table: Table, periods: tuple[str, ...]) -> list[Capacity]:
    check_columns(table)
    lang = table.lang
    first: dict[tuple[str, str], int] = {}
    capacities = []
    for row, team, period, capacity in table.records("team", "period", "capacity"):
        if period is not None and period not in periods and table.ok(row, "period"):
            table.add(row, "period", "wb.road.period_unknown", value=period, periods=_none_or(periods, lang))
        if team is not None and period is not None:
            if (team, period) in first:
                table.add(
                    row,
                    "period",
                    "wb.road.capacity_twice",
                    team=team,
                    period=period,
                    first=first[team, period],
                )
            first.setdefault((team, period), row)
        capacities.append(Capacity(team, period, capacity))
    return capacities


def _read_efforts(
    table: Table,
    by_id: dict[str, Initiative],
    periods: tuple[str, ...],
    pairs: set[tuple[str, str]],
    *,
    check_pairs: bool,
) -> list[tuple[int, Effort]]:
    check_columns(table)
    lang = table.lang
    teams = {team for team, _ in pairs}
    first: dict[tuple[str, str, str], int] = {}
    located = []
    for row, iid, team, period, effort in table.records("initiative_id", "team", "period", "effort"):
        if iid is not None and iid not in by_id and table.ok(row, "initiative_id"):
            table.add(row, "initiative_id", "wb.unknown_initiative", value=iid, hint=_hint(iid, by_id, lang))
        if period is not None and period not in periods and table.ok(row, "period"):
            table.add(row, "period", "wb.road.period_unknown", value=period, periods=_none_or(periods, lang))
        elif (
            check_pairs
            and team is not None
            and period is not None
            and (team, period) not in pairs
            and table.ok(row, "team", "period")
        ):
            column = "team" if team not in teams else "period"
            table.add(
                row,
                column,
                "wb.road.effort_no_capacity",
                team=team,
                period=period,
                hint=_hint(team, teams, lang) if team not in teams else "",
            )
        if iid is not None and team is not None and period is not None:
            key = (iid, team, period)
            if key in first:
                table.add(
                    row,
                    "period",
                    "wb.road.effort_twice",
                    initiative=iid,
                    team=team,
                    period=period,
                    first=first[key],
                )
            first.setdefault(key, row)
        located.append((row, Effort(iid, team, period, effort)))
    return located


def _check_shifted_efforts(
    initiatives_table: Table,
    effort_table: Table,
    located: list[tuple[int, Effort]],
    by_id: dict[str, Initiative],
    periods: tuple[str, ...],
    pairs: set[tuple[str, str]],
) -> None:
    """Efforts before the earliest start; latest starts that push efforts past the horizon
    or into a (team, period) without capacity."""
    efforts_of: dict[str, list[tuple[int, Effort]]] = {}
    for row, effort in located:
        efforts_of.setdefault(effort.initiative_id, []).append((row, effort))
    for iid, rows in efforts_of.items():
        initiative = by_id.get(iid)
        home = initiatives_table.row_of.get(iid)
        if initiative is None or home is None or not _costs_ok(initiatives_table, home):
            continue
        earliest = earliest_index(initiative, periods)
        for row, effort in rows:
            if effort.effort > 0 and periods.index(effort.period) < earliest:
                effort_table.add(
                    row,
                    "period",
                    "wb.road.effort_before_start",
                    period=effort.period,
                    initiative=iid,
                    earliest=periods[earliest],
                )
        latest = initiative.latest_start
        if latest is None or latest not in periods or not initiatives_table.ok(home, "latest_start"):
            continue
        shift = periods.index(latest) - earliest
        if shift <= 0:
            continue
        end = profile_end_index(initiative, periods, (e for _, e in rows))
        if end + shift > len(periods) - 1:
            length = end - earliest + 1
            initiatives_table.add(
                home,
                "latest_start",
                "wb.road.latest_start_past_horizon_effort",
                value=latest,
                last=periods[-1],
                length=length,
                earliest=periods[earliest],
                latest=periods[len(periods) - length],
            )
            continue
        for row, effort in rows:
            if effort.effort <= 0:
                continue
            at = periods.index(effort.period)
            for later in periods[at + 1 : at + shift + 1]:
                if (effort.team, later) not in pairs:
                    effort_table.add(
                        row,
                        "period",
                        "wb.road.effort_no_capacity_shifted",
                        initiative=iid,
                        latest=latest,
                        period=later,
                        team=effort.team,
                    )
                    break


def _check_starts_after_windows(
    table: Table, initiatives: list[Initiative], located: list[tuple[int, Effort]], periods: tuple[str, ...]
) -> None:
    """B starts after A: B's latest start must come after A's earliest finish."""
    if not periods:
        return
    efforts: dict[str, list[Effort]] = {}
    for _, effort in located:
        efforts.setdefault(effort.initiative_id, []).append(effort)
    by_id = {i.initiative_id: i for i in initiatives if i.initiative_id is not None}
    column = display_name(contract.INITIATIVES.column("latest_start"), table.lang)
    for row, initiative in zip(table.rows, initiatives, strict=True):
        if not initiative.starts_after or not table.ok(row, "starts_after", "latest_start"):
            continue
        mine = window(initiative, periods, efforts.get(initiative.initiative_id, ()))
        for other in initiative.starts_after:
            before = by_id.get(other)
            if before is None or other == initiative.initiative_id:
                continue
            finish = window(before, periods, efforts.get(other, ())).end
            if finish >= mine.latest:
                table.add(
                    row,
                    "starts_after",
                    "wb.road.starts_after_never",
                    other=other,
                    finish=periods[finish],
                    latest=periods[mine.latest],
                    column=column,
                )

"""Merging a team backlog into the workspace: preview first, then apply.

Rules (what a team may do with its backlog):
- A backlog id absent from the workspace is **added** (after the workspace's initiatives,
  in the backlog's order).
- A backlog id present in the workspace replaces that initiative as a whole: every field
  of the backlog row is taken, blanks included, and the initiative's impacts are replaced
  by the backlog's impacts for it. It is **changed** when any field or impact differs
  (the preview lists each field, old → new), **unchanged** otherwise. Workspace
  initiatives the backlog does not mention stay as they are; nothing is ever deleted.
- **Conflicts** (per id; the merge is refused while any remains):
  - the id exists under another team: the workspace initiative has a team and the
    backlog gives a different one, or none (teams compare ignoring case and surrounding
    spaces) — a team only updates its own initiatives;
  - the id differs from an existing id only by case ("i-12" vs "I-12"), almost always a typo.
- **Problems** are the reader's checks of the backlog against the workspace
  (`check_backlog_against`): unknown KPI, unknown prerequisite, cost periods that do not
  fit the workspace's budget periods, a dependency cycle the merge would close. They are
  reported once, by that one rule code, located by sheet and column; they block the merge
  like conflicts do.
When applied, period costs are completed with 0 for workspace periods the backlog
leaves out, so every initiative has a cost for every period.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from enum import Enum

import pandas as pd

from cxprior.domain import Impact, Initiative, Problem, TeamBacklog, WorkbookError, Workspace
from cxprior.i18n import format_money, format_number, normalise_language, tr
from cxprior.workbook import contract
from cxprior.workbook.reader import BacklogRows, check_backlog_against
from cxprior.workbook.writer import column_name

COMPARED_FIELDS = tuple(f.name for f in dataclasses.fields(Initiative) if f.name != "initiative_id")


@dataclass(frozen=True)
class FieldChange:
    """One field of an existing initiative that the backlog changes, shown as text."""

    field: str  # Initiative field name, or "impacts"
    old: str
    new: str


@dataclass(frozen=True)
class InitiativeChange:
    initiative_id: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class MergeConflict:
    initiative_id: str
    message: str


@dataclass(frozen=True)
class MergePreview:
    """What merging a backlog would do; apply it only when `can_apply`."""

    added: tuple[str, ...]
    changed: tuple[InitiativeChange, ...]
    unchanged: tuple[str, ...]
    conflicts: tuple[MergeConflict, ...]
    problems: tuple[Problem, ...]
    lang: str = "en"
    added_initiatives: tuple[Initiative, ...] = ()  # the added ids' initiatives, in `added` order

    @property
    def can_apply(self) -> bool:
        return not self.conflicts and not self.problems

    @property
    def changed_ids(self) -> tuple[str, ...]:
        return tuple(c.initiative_id for c in self.changed)

    def blocking_problems(self) -> tuple[Problem, ...]:
        """Problems and conflicts together, as the Problems a WorkbookError carries."""
        sheet = contract.INITIATIVES.key
        column = contract.INITIATIVES.column("initiative_id").key
        return self.problems + tuple(Problem(sheet, None, column, c.message) for c in self.conflicts)


def preview_merge(
    workspace: Workspace, backlog: TeamBacklog, lang: str = "en", rows: BacklogRows | None = None
) -> MergePreview:
    """Classify every backlog initiative as added, changed, unchanged or conflicting; `rows`
    (`ReadResult.rows`) puts each problem on its row of the backlog's workbook."""
    lang = normalise_language(lang)
    existing = workspace.initiative_by_id
    by_folded_id = {iid.casefold(): iid for iid in existing}
    backlog_impacts = _impacts_by_initiative(backlog.impacts)

    added: list[str] = []
    added_items: list[Initiative] = []
    changed: list[InitiativeChange] = []
    unchanged: list[str] = []
    conflicts: dict[str, str] = {}
    for item in backlog.initiatives:
        iid = item.initiative_id
        conflict = _conflict(item, existing.get(iid), by_folded_id.get(iid.casefold()), lang)
        if conflict:
            conflicts[iid] = conflict
        elif iid not in existing:
            added.append(iid)
            added_items.append(item)
        else:
            merged = _fit_periods(item, workspace.periods)
            changes = _field_changes(existing[iid], merged, lang)
            old_impacts = workspace.impacts_by_initiative.get(iid, ())
            new_impacts = backlog_impacts.get(iid, ())
            if _impact_key(old_impacts) != _impact_key(new_impacts):
                changes.append(
                    FieldChange("impacts", _impacts_text(old_impacts, lang), _impacts_text(new_impacts, lang))
                )
            if changes:
                changed.append(InitiativeChange(iid, tuple(changes)))
            else:
                unchanged.append(iid)

    return MergePreview(
        added=tuple(added),
        changed=tuple(changed),
        unchanged=tuple(unchanged),
        conflicts=tuple(MergeConflict(iid, message) for iid, message in conflicts.items()),
        problems=tuple(check_backlog_against(workspace, backlog, lang, rows)),
        lang=lang,
        added_initiatives=tuple(added_items),
    )


def apply_merge(workspace: Workspace, backlog: TeamBacklog, preview: MergePreview) -> Workspace:
    """The workspace with the backlog merged in (a new object; the inputs are untouched).

    Raises WorkbookError while the preview has problems or conflicts, or when the
    preview no longer matches the workspace and backlog (preview again).
    """
    if not preview.can_apply:
        problems = preview.blocking_problems()
        raise WorkbookError(problems, tr("merge.refused", preview.lang, count=len(problems)))
    if preview_merge(workspace, backlog, preview.lang) != preview:
        message = tr("merge.stale_preview", preview.lang)
        raise WorkbookError([Problem("", None, "", message)], message)
    return _merge(workspace, backlog, set(preview.added) | set(preview.changed_ids))


def preview_frame(preview: MergePreview) -> pd.DataFrame:
    """The preview as one table (a row per changed field, per added/unchanged id, per
    conflict), with translated headers and statuses, for display. An added initiative's row
    gives its name, cost and journey phase under "After"."""
    lang = preview.lang
    rows: list[tuple[str, str, str, str, str, str]] = []
    # a new initiative is named by what a reader recognises it by: its name, cost and phase
    new_fields = ", ".join(field_label(f, lang) for f in ("name", "cost", "journey_phase"))
    for item in preview.added_initiatives:
        what = " · ".join((item.name, format_money(item.cost, lang), item.journey_phase or "–"))
        rows.append((tr("merge.status.added", lang), item.initiative_id, new_fields, "", what, ""))
    for change in preview.changed:
        for fc in change.changes:
            rows.append(
                (
                    tr("merge.status.changed", lang),
                    change.initiative_id,
                    field_label(fc.field, lang),
                    fc.old,
                    fc.new,
                    "",
                )
            )
    for conflict in preview.conflicts:
        rows.append((tr("merge.status.conflict", lang), conflict.initiative_id, "", "", "", conflict.message))
    for iid in preview.unchanged:
        rows.append((tr("merge.status.unchanged", lang), iid, "", "", "", ""))
    keys = ("status", "initiative_id", "field", "old", "new", "message")
    return pd.DataFrame(rows, columns=[tr(f"merge.column.{k}", lang) for k in keys])


def field_label(field: str, lang: str = "en") -> str:
    """How a changed field is named to the user: its column name in `lang`."""
    if field in ("impacts", "period_costs"):
        return tr(f"merge.field.{field}", lang)
    column = next((c for c in contract.INITIATIVES.columns if c.key == field), None)
    return column_name(column, lang) if column else field


# --- rules ------------------------------------------------------------------------------


def _same_team(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def _conflict(
    item: Initiative, current: Initiative | None, folded_match: str | None, lang: str
) -> str | None:
    iid = item.initiative_id
    if current is None and folded_match is not None:
        return tr("merge.case_clash", lang, initiative_id=iid, existing_id=folded_match)
    if current is not None and current.team.strip() and not _same_team(current.team, item.team):
        if not item.team.strip():
            return tr("merge.team_missing", lang, initiative_id=iid, team=current.team)
        return tr("merge.team_conflict", lang, initiative_id=iid, team=current.team, backlog_team=item.team)
    return None


def _fit_periods(item: Initiative, periods: tuple[str, ...]) -> Initiative:
    """Period costs listed for exactly the workspace's periods (0 where not given)."""
    fitted = {p: float(item.period_costs.get(p, 0.0)) for p in periods}
    if fitted == item.period_costs:
        return item
    return dataclasses.replace(item, period_costs=fitted)


def _merge(workspace: Workspace, backlog: TeamBacklog, take: set[str]) -> Workspace:
    incoming = {
        i.initiative_id: _fit_periods(i, workspace.periods)
        for i in backlog.initiatives
        if i.initiative_id in take
    }
    existing_ids = set(workspace.initiative_by_id)
    initiatives = tuple(incoming.get(i.initiative_id, i) for i in workspace.initiatives) + tuple(
        item for iid, item in incoming.items() if iid not in existing_ids
    )
    impacts = tuple(imp for imp in workspace.impacts if imp.initiative_id not in incoming) + tuple(
        imp for imp in backlog.impacts if imp.initiative_id in incoming
    )
    return dataclasses.replace(workspace, initiatives=initiatives, impacts=impacts)


# --- how changes are shown --------------------------------------------------------------


def _field_changes(old: Initiative, new: Initiative, lang: str) -> list[FieldChange]:
    changes = []
    for name in COMPARED_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            changes.append(FieldChange(name, _text(before, lang), _text(after, lang)))
    return changes


def _number(value: float, lang: str) -> str:
    if float(value).is_integer():
        return format_number(value, lang, 0)
    text = format_number(value, lang, 4)
    decimal = "," if lang == "fr" else "."
    return text.rstrip("0").rstrip(decimal)


def _text(value: object, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return tr("merge.yes" if value else "merge.no", lang)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, int | float):
        return "" if math.isnan(value) else _number(float(value), lang)
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_text(v, lang)}" for k, v in value.items())
    return str(value)


def _impacts_by_initiative(impacts: tuple[Impact, ...]) -> dict[str, tuple[Impact, ...]]:
    grouped: dict[str, list[Impact]] = {}
    for imp in impacts:
        grouped.setdefault(imp.initiative_id, []).append(imp)
    return {k: tuple(v) for k, v in grouped.items()}


def _impact_key(impacts: tuple[Impact, ...]) -> list[tuple]:
    # None sorts before any number without comparing None with a float
    def bound(x: float | None) -> tuple[bool, float]:
        return (x is not None, 0.0 if x is None else x)

    return sorted((i.kpi_id, i.impact, bound(i.impact_low), bound(i.impact_high)) for i in impacts)


def _impacts_text(impacts: tuple[Impact, ...], lang: str) -> str:
    parts = []
    for imp in sorted(impacts, key=lambda i: i.kpi_id):
        sign = "+" if imp.impact > 0 else ""
        text = f"{imp.kpi_id} {sign}{_number(imp.impact, lang)}"
        if imp.impact_low is not None or imp.impact_high is not None:
            low = "" if imp.impact_low is None else _number(imp.impact_low, lang)
            high = "" if imp.impact_high is None else _number(imp.impact_high, lang)
            text += f" [{low}; {high}]"
        parts.append(text)
    return "; ".join(parts)

"""When an initiative may start and when it finishes (DESIGN.md, "Contract v2 › When and by whom").

Positions are indexes into the workspace's cost periods, in the workbook's order.
- The **earliest start** is the first period in which the initiative costs something (the
  first period when it costs nothing).
- Its **profile** is what it spends and asks of each team, period by period, when it starts at
  its earliest start. The profile's **end** is the last period holding a cost or an effort
  (the earliest start when it holds neither).
- Starting `k` periods later shifts the whole profile `k` periods later. The largest shift
  is that of `latest_start` (none without one: the start is fixed, as in v1), and a shift
  may never push spend past the last period (the reader refuses such a `latest_start`).
- Its **finish** is the end of its shifted profile.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from cxprior.domain.workspace import Effort, Initiative, Workspace


@dataclass(frozen=True)
class Window:
    """Where an initiative's start may lie, as positions in the cost periods."""

    earliest: int
    latest: int  # == earliest for a fixed start
    end: int  # end of the profile when it starts at `earliest`

    @property
    def max_shift(self) -> int:
        return self.latest - self.earliest

    @property
    def length(self) -> int:
        """How many periods the profile spans, from its start to its end."""
        return self.end - self.earliest + 1


def earliest_index(initiative: Initiative, periods: tuple[str, ...]) -> int:
    """Position of the first period with a cost (0 when it costs nothing, or no periods)."""
    return next((k for k, p in enumerate(periods) if initiative.period_costs.get(p, 0.0) > 0), 0)


def profile_end_index(
    initiative: Initiative, periods: tuple[str, ...], efforts: Iterable[Effort] = ()
) -> int:
    """Position of the last period holding a cost or an effort (the earliest start if none)."""
    position = {p: k for k, p in enumerate(periods)}
    used = [position[p] for p, c in initiative.period_costs.items() if c > 0 and p in position]
    used += [position[e.period] for e in efforts if e.effort > 0 and e.period in position]
    return max(used, default=earliest_index(initiative, periods))


def latest_index(initiative: Initiative, periods: tuple[str, ...]) -> int | None:
    """Position of `latest_start`, or None when it names no cost period (or is not given)."""
    if initiative.latest_start is None:
        return None
    try:
        return periods.index(initiative.latest_start)
    except ValueError:
        return None


def window(initiative: Initiative, periods: tuple[str, ...], efforts: Iterable[Effort] = ()) -> Window:
    """The start window of one initiative of a valid workspace (its start is fixed without a
    `latest_start` or with one that is not later than its earliest start)."""
    earliest = earliest_index(initiative, periods)
    latest = latest_index(initiative, periods)
    end = profile_end_index(initiative, periods, efforts)
    return Window(earliest, max(earliest, latest if latest is not None else earliest), end)


def shift_profile(profile: Mapping[str, float], periods: tuple[str, ...], shift: int) -> dict[str, float]:
    """A per-period profile (costs, or one team's efforts) started `shift` periods later: every
    period of `periods`, with 0 where nothing falls (what would pass the last period is lost,
    which a valid window never asks)."""
    values = [float(profile.get(p, 0.0)) for p in periods]
    moved = [0.0] * shift + values[: len(periods) - shift] if shift > 0 else values
    return dict(zip(periods, moved, strict=True))


def starts_in(initiative: Initiative, periods: tuple[str, ...], shift: int = 0) -> str | None:
    """The period it starts in after `shift` periods (None without periods)."""
    return periods[earliest_index(initiative, periods) + shift] if periods else None


def costs_as_started(initiative: Initiative, periods: tuple[str, ...], start: str | None) -> dict[str, float]:
    """Its cost per period when it starts in `start` (a `PortfolioResult.start` value; its
    earliest start when None): what a funded line spends each year in a shifted plan."""
    if start is None or not periods:
        return {p: float(initiative.period_costs.get(p, 0.0)) for p in periods}
    return shift_profile(
        initiative.period_costs, periods, periods.index(start) - earliest_index(initiative, periods)
    )


def has_flexible_starts(workspace: Workspace) -> bool:
    """Some initiative may start later than its earliest start (its latest start, and a cost
    profile that can move, allow it): what the roadmap's "later starts" switch is about."""
    efforts = workspace.efforts_by_initiative
    return any(
        window(i, workspace.periods, efforts.get(i.initiative_id, ())).max_shift > 0
        for i in workspace.initiatives
    )

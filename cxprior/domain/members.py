"""COMEX members' own goal weights, their ranges, and the consensus weighting.

Each member weighs every goal (weights > 0, normalised per member like the workspace's goal
weights). The consensus is the AHP aggregation of individual judgements (Aczél–Saaty): the
element-wise geometric mean of the members' pairwise comparison matrices, whose principal
eigenvector gives the weights and whose consistency ratio says whether the aggregated
judgements hold together (`cxprior.domain.weights.pairwise_weights`).

A member who gives direct weights gives a perfectly consistent matrix (a_ij = w_i / w_j),
and the geometric mean of consistent matrices is consistent: the consensus of direct weights
is the normalised geometric mean of the members' weights, with a consistency ratio of 0.
The ratio says something when members give pairwise judgements (`consensus_from_judgements`),
which may contradict each other.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from cxprior.domain.errors import ScenarioError
from cxprior.domain.weights import PairwiseResult, pairwise_weights
from cxprior.i18n import tr


@dataclass(frozen=True)
class MemberWeights:
    """Normalised goal weights per member: `weights[member][goal_id]`, each member's sum is 1.

    Members keep the order in which they were given; every member weighs every goal of
    `goal_ids` (the workspace's goals, in its order).
    """

    goal_ids: tuple[str, ...]
    weights: dict[str, dict[str, float]]

    @property
    def members(self) -> tuple[str, ...]:
        return tuple(self.weights)

    def __len__(self) -> int:
        return len(self.weights)

    def ranges(self) -> dict[str, tuple[float, float]]:
        """Per goal, the lowest and highest normalised weight a member gives it."""
        return {
            g: (min(w[g] for w in self.weights.values()), max(w[g] for w in self.weights.values()))
            for g in self.goal_ids
        }


def normalised(weights: dict[str, float]) -> dict[str, float]:
    total = math.fsum(weights.values())
    return {g: w / total for g, w in weights.items()}


def member_weights(
    raw: dict[str, dict[str, float]], goal_ids: tuple[str, ...] | list[str], lang: str = "en"
) -> MemberWeights:
    """Validate and normalise weights given per member (e.g. entered in the app).

    Raises ScenarioError naming the member and goals: an unknown goal, a goal the member did
    not weigh (every member weighs every goal: one that matters little gets a small weight),
    a weight that is not a positive number. The Weights sheet's reader locates the same
    problems by row and column.
    """
    goals = tuple(goal_ids)
    known = set(goals)
    problems: list[str] = []
    clean: dict[str, dict[str, float]] = {}
    for member, given in raw.items():
        name = str(member).strip()
        unknown = sorted(set(given) - known)
        if unknown:
            problems.append(tr("weights.member.unknown_goal", lang, member=name, ids=", ".join(unknown)))
        missing = [g for g in goals if g not in given]
        if missing:
            problems.append(tr("weights.member.missing_goals", lang, member=name, ids=", ".join(missing)))
        bad = [g for g in goals if g in given and not _positive(given[g])]
        if bad:
            problems.append(tr("weights.member.not_positive", lang, member=name, ids=", ".join(bad)))
        if not name:
            problems.append(tr("weights.member.no_name", lang))
        if not (unknown or missing or bad or not name):
            clean[name] = normalised({g: float(given[g]) for g in goals})
    if not raw:
        problems.append(tr("weights.member.none", lang))
    if problems:
        raise ScenarioError(" ".join(problems))
    return MemberWeights(goals, clean)


def _positive(value: object) -> bool:
    return (
        isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value) and value > 0
    )


@dataclass(frozen=True)
class Consensus:
    """The consensus weighting of the members and how consistent their aggregated judgements are.

    `pairwise` is the eigenvector result of the aggregated matrix: pass it to
    `consistency_message` for the sentence the pairwise page shows.
    """

    pairwise: PairwiseResult
    members: int

    @property
    def weights(self) -> dict[str, float]:
        return self.pairwise.weights

    @property
    def consistency_ratio(self) -> float:
        return self.pairwise.consistency_ratio

    @property
    def is_consistent(self) -> bool:
        return self.pairwise.is_consistent

    def to_json(self) -> dict[str, object]:
        return {
            "weights": dict(self.weights),
            "consistency_ratio": self.consistency_ratio,
            "members": self.members,
        }


def consensus_from_judgements(
    goal_ids: tuple[str, ...] | list[str], judgements: dict[str, dict[tuple[str, str], float]]
) -> Consensus:
    """AHP aggregation of individual judgements: per pair, the geometric mean of the ratios
    the members gave (a pair a member did not judge is left out of that pair's mean; a pair
    nobody judged counts as equal importance), then the eigenvector weights and consistency.

    `judgements[member][(a, b)]` = how many times goal a outweighs goal b for that member.
    """
    ids = list(goal_ids)
    logs: dict[tuple[str, str], list[float]] = {}
    for given in judgements.values():
        for (a, b), ratio in given.items():
            if a == b or a not in ids or b not in ids:
                continue
            if not ratio > 0:
                raise ValueError(f"a comparison ratio must be positive, got {ratio} for {a} vs {b}")
            # one orientation per pair, in the goals' order
            key, value = (
                ((a, b), math.log(ratio)) if ids.index(a) < ids.index(b) else ((b, a), -math.log(ratio))
            )
            logs.setdefault(key, []).append(value)
    aggregated = {pair: math.exp(math.fsum(values) / len(values)) for pair, values in logs.items()}
    return Consensus(pairwise_weights(ids, aggregated), len(judgements))


def judgements_from_weights(weights: dict[str, float]) -> dict[tuple[str, str], float]:
    """The pairwise judgements direct weights imply: a outweighs b by w_a / w_b."""
    ids = list(weights)
    return {(a, b): weights[a] / weights[b] for i, a in enumerate(ids) for b in ids[i + 1 :]}


def consensus_weights(members: MemberWeights) -> Consensus:
    """The consensus of members' direct weights (see the module doc: its ratio is 0)."""
    return consensus_from_judgements(
        members.goal_ids, {m: judgements_from_weights(w) for m, w in members.weights.items()}
    )

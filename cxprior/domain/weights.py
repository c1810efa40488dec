"""Goal weights from pairwise comparisons (Saaty's AHP) and their consistency ratio.

The user says, for each pair of goals, which matters more and how much (1 = equal,
9 = overwhelmingly more). The weights are the principal eigenvector of the reciprocal
comparison matrix; the consistency ratio CR = CI / RI, with CI = (λmax − n) / (n − 1) and
Saaty's random index RI, says whether the judgments contradict each other: CR > 0.10 is
the usual threshold for "revisit your judgments".
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

import numpy as np

from cxprior.domain.errors import ScenarioError
from cxprior.domain.workspace import Workspace
from cxprior.i18n import format_number, tr

CONSISTENCY_THRESHOLD = 0.10
# Saaty's random consistency index for n = 1 … 15 (average CI of random reciprocal matrices)
RANDOM_INDEX = (0.0, 0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59)
# The Saaty scale as one signed number per pair: 1 = equal, k > 1 = the first goal is k times
# as important, −k = the second goal is k times as important.
SCALE = (-9, -8, -7, -6, -5, -4, -3, -2, 1, 2, 3, 4, 5, 6, 7, 8, 9)


@dataclass(frozen=True)
class PairwiseResult:
    weights: dict[str, float]  # sum to 1
    lambda_max: float
    consistency_index: float
    consistency_ratio: float
    # the judgment that disagrees most with the weights, as (first, second); None when n < 3
    worst_pair: tuple[str, str] | None

    @property
    def is_consistent(self) -> bool:
        return self.consistency_ratio <= CONSISTENCY_THRESHOLD


def ratio_from_scale(step: int) -> float:
    """How many times more important the first goal is, from a signed Saaty step."""
    if step not in SCALE:
        raise ValueError(f"not a Saaty step: {step}")
    return float(step) if step >= 1 else 1.0 / -step


def pairs(goal_ids: list[str] | tuple[str, ...]) -> list[tuple[str, str]]:
    """Every pair to judge, each once, in the goals' order."""
    return list(itertools.combinations(goal_ids, 2))


def pairwise_weights(
    goal_ids: list[str] | tuple[str, ...], judgments: dict[tuple[str, str], float]
) -> PairwiseResult:
    """Weights and consistency from `judgments[(a, b)]` = how many times a outweighs b.

    A pair may be given either way round; a missing pair counts as equal importance.
    """
    ids = list(goal_ids)
    n = len(ids)
    if n == 0:
        return PairwiseResult({}, 0.0, 0.0, 0.0, None)
    index = {g: k for k, g in enumerate(ids)}
    matrix = np.ones((n, n))
    for (a, b), ratio in judgments.items():
        if a not in index or b not in index or a == b:
            continue
        if ratio <= 0:
            raise ValueError(f"a comparison ratio must be positive, got {ratio} for {a} vs {b}")
        matrix[index[a], index[b]] = ratio
        matrix[index[b], index[a]] = 1.0 / ratio
    eigenvalues, eigenvectors = np.linalg.eig(matrix)
    principal = int(np.argmax(eigenvalues.real))
    lambda_max = float(eigenvalues[principal].real)
    vector = np.abs(eigenvectors[:, principal].real)
    vector = vector / vector.sum()
    ci = max(0.0, (lambda_max - n) / (n - 1)) if n > 1 else 0.0
    ri = RANDOM_INDEX[n] if n < len(RANDOM_INDEX) else RANDOM_INDEX[-1]
    cr = ci / ri if ri > 0 else 0.0
    worst = None
    if n >= 3:
        # deviation of each judgment from the ratio the weights imply, in either direction
        deviation = matrix * vector[np.newaxis, :] / vector[:, np.newaxis]
        deviation = np.maximum(deviation, 1.0 / deviation)
        i, j = np.unravel_index(int(np.argmax(np.triu(deviation, 1))), deviation.shape)
        worst = (ids[int(i)], ids[int(j)])
    return PairwiseResult({g: float(vector[k]) for g, k in index.items()}, lambda_max, ci, cr, worst)


def consistency_message(result: PairwiseResult, names: dict[str, str], lang: str = "en") -> str:
    """One sentence: consistent, or inconsistent with the judgment to revisit first."""
    ratio = format_number(result.consistency_ratio, lang, 2)
    threshold = format_number(CONSISTENCY_THRESHOLD, lang, 2)
    if result.is_consistent or result.worst_pair is None:
        return tr("ui.pairwise.consistent", lang, ratio=ratio, threshold=threshold)
    first, second = result.worst_pair
    return tr(
        "ui.pairwise.inconsistent",
        lang,
        ratio=ratio,
        threshold=threshold,
        first=names.get(first, first),
        second=names.get(second, second),
    )


def with_goal_weights(workspace: Workspace, weights: dict[str, float], lang: str = "en") -> Workspace:
    """A new workspace whose goals carry `weights` (goals not named keep theirs)."""
    unknown = sorted(set(weights) - set(workspace.goal_by_id))
    if unknown:
        raise ScenarioError(tr("ui.weights.unknown_goal", lang, ids=", ".join(unknown)))
    bad = sorted(g for g, w in weights.items() if not w > 0)
    if bad:
        raise ScenarioError(tr("ui.weights.not_positive", lang, ids=", ".join(bad)))
    goals = tuple(replace(g, weight=float(weights.get(g.goal_id, g.weight))) for g in workspace.goals)
    return replace(workspace, goals=goals)

"""CX maturity self-diagnostic: where the company stands on the staircase, what to build first.

The questionnaire has five statements per competency (CX_PRIMER.md, "Maturity": understanding
the customer; strategy and engagement; culture and management; design and continuous
improvement). Each statement is scored 1 (not at all true of us) to 5 (fully, systematically).

Mapping to the six-step staircase (a model attributed to Bruce Temkin):
- a competency's score is the mean of its five answers, in [1, 5];
- the range [1, 5] is cut into six equal bands of width 2/3, step `s` covering
  [1 + (s − 1)·2/3, 1 + s·2/3), the top band including 5:
  [1, 1⅔) → step 1, [1⅔, 2⅓) → 2, [2⅓, 3) → 3, [3, 3⅔) → 4, [3⅔, 4⅓) → 5, [4⅓, 5] → 6
  (computed exactly with fractions, so answers that are all 3s are step 4 and a mean of
  1.8 is step 2);
- the overall score is the mean of the four competency scores (each competency counts the
  same), mapped to a step the same way.
French companies were said to be on step 2, "exploration" (`FRENCH_BENCHMARK_STEP`).

The weakest competency is the one with the lowest score; ties go to the one earlier in the
questionnaire's order, which follows the primer (understanding the customer comes first because
the others build on it). The recommendation is a minimum share of the portfolio's budget on
initiatives whose `competency` is the weakest one (`DEFAULT_SHARE`, 20 %), a setting for
`Scenario.min_competency_share`; when every competency is on the top step, none is recommended.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from cxprior.domain import Competency, CxpriorError, Scenario, Workspace, competency_of
from cxprior.i18n import format_percent, tr

COMPETENCIES: tuple[Competency, ...] = tuple(Competency)
STATEMENTS_PER_COMPETENCY = 5
MIN_SCORE, MAX_SCORE = 1, 5
STEP_COUNT = 6
FRENCH_BENCHMARK_STEP = 2
DEFAULT_SHARE = 0.2

# i18n keys of the statements, in questionnaire order
QUESTIONNAIRE: dict[Competency, tuple[str, ...]] = {
    c: tuple(f"depth.q.{c.value}.{n}" for n in range(1, STATEMENTS_PER_COMPETENCY + 1)) for c in COMPETENCIES
}


class MaturityError(CxpriorError):
    """The answers cannot be assessed; `problems` lists every one, each a full sentence."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__(" ".join(self.problems))


@dataclass(frozen=True)
class MaturityAnswers:
    """The 1–5 score given to each statement, per competency, in questionnaire order."""

    scores: dict[Competency, tuple[int, ...]]

    def to_dict(self) -> dict[str, list[int]]:
        """Plain JSON-ready form; `parse_answers` reads it back."""
        return {c.value: list(s) for c, s in self.scores.items()}


@dataclass(frozen=True)
class Recommendation:
    """A scenario setting that makes the portfolio build the weakest competency.

    `competency` is None when nothing needs imposing (every competency on the top step).
    """

    competency: Competency | None
    min_share: float
    step: int

    @property
    def setting(self) -> dict[str, float]:
        """The `Scenario.min_competency_share` entry this recommends."""
        return {} if self.competency is None else {self.competency.value: self.min_share}


@dataclass(frozen=True)
class MaturityAssessment:
    answers: MaturityAnswers
    score: dict[Competency, float]
    step: dict[Competency, int]
    overall_score: float
    overall_step: int
    weakest: Competency
    recommendation: Recommendation


def competency_label(competency: Competency | str, lang: str = "en") -> str:
    return tr(f"depth.competency.{Competency(competency).value}", lang)


def statements(competency: Competency | str, lang: str = "en") -> tuple[str, ...]:
    """The statements of one competency, as the user reads them."""
    return tuple(tr(key, lang) for key in QUESTIONNAIRE[Competency(competency)])


def step_name(step: int, lang: str = "en") -> str:
    return tr(f"depth.step.{step}.name", lang)


def step_description(step: int, lang: str = "en") -> str:
    return tr(f"depth.step.{step}.description", lang)


def score_label(score: int, lang: str = "en") -> str:
    """What a 1–5 answer means ("1 — not at all true of us" …)."""
    return tr(f"depth.scale.{score}", lang)


def _competency_from(name: object) -> Competency | None:
    if isinstance(name, Competency):
        return name
    canonical = competency_of(str(name))
    return Competency(canonical) if canonical else None


def _score_problem(value: object) -> bool:
    # bool is an int subclass; True is not an answer
    if isinstance(value, bool):
        return True
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return not isinstance(value, int) or not MIN_SCORE <= value <= MAX_SCORE


def _problems(scores: Mapping[Competency, Sequence[object]], lang: str) -> list[str]:
    problems: list[str] = []
    for competency in COMPETENCIES:
        label = competency_label(competency, lang)
        given = scores.get(competency)
        if given is None:
            problems.append(
                tr("depth.err.missing_competency", lang, competency=label, count=STATEMENTS_PER_COMPETENCY)
            )
            continue
        if len(given) != STATEMENTS_PER_COMPETENCY:
            problems.append(
                tr(
                    "depth.err.wrong_count",
                    lang,
                    competency=label,
                    given=len(given),
                    count=STATEMENTS_PER_COMPETENCY,
                )
            )
        for number, value in enumerate(given, start=1):
            if _score_problem(value):
                problems.append(tr("depth.err.bad_score", lang, competency=label, number=number, value=value))
    return problems


def parse_answers(data: Mapping[object, Iterable[object]], *, lang: str = "en") -> MaturityAnswers:
    """Answers from a mapping competency → scores; competency names may be French labels.

    Raises MaturityError naming every unknown competency, missing or extra answer and score
    outside 1–5.
    """
    problems: list[str] = []
    scores: dict[Competency, list[object]] = {}
    for name, values in data.items():
        competency = _competency_from(name)
        if competency is None:
            expected = ", ".join(c.value for c in COMPETENCIES)
            problems.append(tr("depth.err.unknown_competency", lang, name=name, expected=expected))
            continue
        scores[competency] = list(values)
    problems.extend(_problems(scores, lang))
    if problems:
        raise MaturityError(problems)
    return MaturityAnswers({c: tuple(int(v) for v in scores[c]) for c in COMPETENCIES})


def _step_of(score: Fraction) -> int:
    # bands of width (MAX − MIN) / STEP_COUNT, computed exactly so boundaries never wobble
    band = (score - MIN_SCORE) * STEP_COUNT / (MAX_SCORE - MIN_SCORE)
    return min(STEP_COUNT, 1 + int(band))


def step_for_score(score: float) -> int:
    """The staircase step of a score in [1, 5] (see the module docstring for the bands)."""
    return _step_of(Fraction(score).limit_denominator(10_000))


def assess(answers: MaturityAnswers, *, share: float = DEFAULT_SHARE, lang: str = "en") -> MaturityAssessment:
    """Score, step per competency and overall, weakest competency and the recommendation."""
    problems = _problems(answers.scores, lang)
    if problems:
        raise MaturityError(problems)
    exact = {c: Fraction(sum(answers.scores[c]), len(answers.scores[c])) for c in COMPETENCIES}
    overall = sum(exact.values(), Fraction(0)) / len(COMPETENCIES)
    steps = {c: _step_of(s) for c, s in exact.items()}
    # min() keeps the first of equals, so ties go to the earlier competency in the questionnaire
    weakest = min(COMPETENCIES, key=lambda c: exact[c])
    if steps[weakest] == STEP_COUNT:
        recommendation = Recommendation(None, 0.0, STEP_COUNT)
    else:
        recommendation = Recommendation(weakest, share, steps[weakest])
    return MaturityAssessment(
        answers=answers,
        score={c: float(s) for c, s in exact.items()},
        step=steps,
        overall_score=float(overall),
        overall_step=_step_of(overall),
        weakest=weakest,
        recommendation=recommendation,
    )


def overall_sentence(assessment: MaturityAssessment, lang: str = "en") -> str:
    step = assessment.overall_step
    key = "depth.maturity.overall_above" if step > FRENCH_BENCHMARK_STEP else "depth.maturity.overall"
    return tr(
        key,
        lang,
        step=step,
        name=step_name(step, lang),
        benchmark_step=FRENCH_BENCHMARK_STEP,
        benchmark_name=step_name(FRENCH_BENCHMARK_STEP, lang),
    )


def recommendation_sentence(assessment: MaturityAssessment, lang: str = "en") -> str:
    """The sentence that explains the recommended scenario setting."""
    rec = assessment.recommendation
    if rec.competency is None:
        return tr("depth.maturity.no_recommendation", lang)
    return tr(
        "depth.maturity.recommendation",
        lang,
        competency=competency_label(rec.competency, lang),
        step=rec.step,
        step_name=step_name(rec.step, lang),
        share=format_percent(rec.min_share, lang),
    )


def apply_recommendation(scenario: Scenario, assessment: MaturityAssessment) -> Scenario:
    """The scenario with the recommended minimum competency share added.

    A share the user already set higher for that competency is kept: applying a recommendation
    never loosens a constraint.
    """
    rec = assessment.recommendation
    if rec.competency is None:
        return scenario
    shares = dict(scenario.min_competency_share)
    key = rec.competency.value
    shares[key] = max(shares.get(key, 0.0), rec.min_share)
    return replace(scenario, min_competency_share=shares)


def competency_cost(workspace: Workspace, selected: Iterable[str] | None = None) -> dict[Competency, float]:
    """Cost of the initiatives (all, or the selected ones) that build each competency."""
    chosen = None if selected is None else set(selected)
    totals = dict.fromkeys(COMPETENCIES, 0.0)
    for initiative in workspace.initiatives:
        if initiative.competency is None:
            continue
        if chosen is None or initiative.initiative_id in chosen:
            totals[Competency(initiative.competency)] += initiative.cost
    return totals


def recommendation_warning(
    workspace: Workspace, assessment: MaturityAssessment, lang: str = "en"
) -> str | None:
    """A sentence when the workspace has no initiative building the recommended competency.

    Applying the recommendation would then leave only the empty portfolio (or none, with
    mandatory items), so the page says so before the user applies it.
    """
    rec = assessment.recommendation
    if rec.competency is None:
        return None
    if any(i.competency == rec.competency for i in workspace.initiatives):
        return None
    return tr("depth.maturity.no_initiative", lang, competency=competency_label(rec.competency, lang))

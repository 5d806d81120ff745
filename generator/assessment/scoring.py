"""Scores of an assessment: pure functions of the model and the answers.

The rules, the same in site_templates/theme/js/scoring.js for the assessment page;
the case table tests/assessment/cases/scoring.json holds both to them, case by case:

- a statement scores its level's `score` (1 to 3), or 0 for "not yet";
  "not applicable" and unanswered statements are left out;
- an attribute's or a result's score is the mean of its statements' scores,
  for today and for the target separately (as on the paper worksheet);
- the gap is target minus today; attributes are ranked by gap, largest first,
  ties in the model's order;
- recommended plays advance the statements rated lowest today that are below
  their target (or below the top of the scale when no target is set);
- a score is shown with one decimal, rounded half up (1.25 -> 1.3).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from generator.model import Model
from generator.schema.assessment import NOT_APPLICABLE, NOT_YET, Answer
from generator.schema.models import Play, Statement

__all__ = [
    "RECOMMENDED_PLAYS",
    "TIE_PRECISION",
    "GroupScore",
    "Recommendation",
    "Results",
    "StatementScore",
    "assess",
    "average",
    "choice_score",
    "format_score",
    "group_scores",
    "rank_gaps",
    "recommend",
    "round_half_up",
    "statement_scores",
]

RECOMMENDED_PLAYS = 5
"""How many plays a report recommends at most."""
TIE_PRECISION = 1_000_000
"""Gaps are compared in millionths of a point: equal to a millionth is a tie, despite
floating-point noise (12/7 - 5/7 and 1.5 - 0.5 tie)."""


def choice_score(model: Model, choice: str | None) -> int | None:
    """The points of one rating: None when it does not count (not applicable, no answer)."""
    if choice is None or choice == NOT_APPLICABLE:
        return None
    if choice == NOT_YET:
        return 0
    return model.level(choice).score


def average(scores: Iterable[int | None]) -> float | None:
    """The mean of the scores that count; None when none does."""
    counted = [score for score in scores if score is not None]
    return sum(counted) / len(counted) if counted else None


def round_half_up(value: float, digits: int = 1) -> float:
    """Rounded as people do (1.25 -> 1.3), and as `Math.round` does in the page's script."""
    factor: int = 10**digits
    return math.floor(value * factor + 0.5) / factor


def format_score(value: float | None, decimal_mark: str) -> str:
    """A score with one decimal and the language's decimal mark ("—" when there is none)."""
    if value is None:
        return "—"
    return f"{round_half_up(value):.1f}".replace(".", decimal_mark)


@dataclass(frozen=True)
class StatementScore:
    statement: Statement
    today: str | None
    """The rating chosen for today: a level id, "not-yet", "not-applicable" or None."""
    target: str | None
    today_score: int | None
    target_score: int | None


@dataclass(frozen=True)
class GroupScore:
    """The scores of an attribute, a result, or the whole assessment."""

    id: str
    today: float | None
    target: float | None
    rated_today: int
    """Statements whose today rating counts (answered, and not "not applicable")."""
    rated_target: int
    statements: int
    """Statements in the group."""

    @property
    def gap(self) -> float | None:
        if self.today is None or self.target is None:
            return None
        return self.target - self.today


@dataclass(frozen=True)
class Recommendation:
    play: Play
    statements: tuple[StatementScore, ...]
    """The statements this play advances among those to work on, lowest rated first."""


@dataclass(frozen=True)
class Results:
    statements: tuple[StatementScore, ...]
    attributes: tuple[GroupScore, ...]
    results: tuple[GroupScore, ...]
    overall: GroupScore
    gaps: tuple[GroupScore, ...]
    """Attributes whose target is above today, largest gap first."""
    recommendations: tuple[Recommendation, ...]
    top: int
    """The highest score a statement can have (the last level's)."""


def statement_scores(model: Model, answers: Mapping[str, Answer]) -> tuple[StatementScore, ...]:
    """Every statement of the model in order, with its answer's ratings and points."""
    scores = []
    for statement in model.statements:
        answer = answers.get(statement.id)
        today = answer.today if answer else None
        target = answer.target if answer else None
        scores.append(
            StatementScore(
                statement, today, target, choice_score(model, today), choice_score(model, target)
            )
        )
    return tuple(scores)


def _group(identifier: str, members: Sequence[StatementScore]) -> GroupScore:
    return GroupScore(
        id=identifier,
        today=average(member.today_score for member in members),
        target=average(member.target_score for member in members),
        rated_today=sum(1 for member in members if member.today_score is not None),
        rated_target=sum(1 for member in members if member.target_score is not None),
        statements=len(members),
    )


def group_scores(
    model: Model, scores: Sequence[StatementScore]
) -> tuple[tuple[GroupScore, ...], tuple[GroupScore, ...], GroupScore]:
    """The scores per attribute and per result (in the model's order), and overall."""
    by_attribute = tuple(
        _group(attribute.id, [s for s in scores if model.attribute_of(s.statement) is attribute])
        for attribute in model.attributes
    )
    by_result = tuple(
        _group(result.id, [s for s in scores if result.id in s.statement.results])
        for result in model.results
    )
    return by_attribute, by_result, _group("overall", scores)


def _ranking_key(value: float) -> int:
    """A gap in whole millionths (`TIE_PRECISION`): equal keys are a tie."""
    return math.floor(value * TIE_PRECISION + 0.5)


def rank_gaps(groups: Sequence[GroupScore]) -> tuple[GroupScore, ...]:
    """The groups with a target above today, largest gap first; ties keep the given order."""
    with_gap = [(index, group) for index, group in enumerate(groups) if group.gap is not None]
    positive = [(index, group) for index, group in with_gap if _ranking_key(group.gap or 0) > 0]
    positive.sort(key=lambda item: (-_ranking_key(item[1].gap or 0), item[0]))
    return tuple(group for _, group in positive)


def _goal(score: StatementScore, top: int) -> int:
    return score.target_score if score.target_score is not None else top


def _to_work_on(scores: Sequence[StatementScore], top: int) -> list[StatementScore]:
    """Statements rated today below their target (or below the top when no target is set)."""
    return [
        score
        for score in scores
        if score.today_score is not None and score.today_score < _goal(score, top)
    ]


def recommend(
    model: Model, scores: Sequence[StatementScore], limit: int = RECOMMENDED_PLAYS
) -> tuple[Recommendation, ...]:
    """The plays that advance the statements rated lowest, most useful first.

    A play ranks by the lowest today score among the statements it advances, then by
    how many of its statements share that score, then by the sum of their gaps, then
    by its place in the playbook.
    """
    top = model.top_score
    candidates = _to_work_on(scores, top)
    order = {score.statement.id: index for index, score in enumerate(scores)}
    ranked: list[tuple[tuple[int, int, int, int], Recommendation]] = []
    for index, play in enumerate(model.plays):
        advanced = [score for score in candidates if score.statement.id in play.statements]
        if not advanced:
            continue
        lowest = min(score.today_score or 0 for score in advanced)
        at_lowest = sum(1 for score in advanced if score.today_score == lowest)
        total_gap = sum(_goal(score, top) - (score.today_score or 0) for score in advanced)
        advanced.sort(key=lambda score: (score.today_score or 0, order[score.statement.id]))
        key = (lowest, -at_lowest, -total_gap, index)
        ranked.append((key, Recommendation(play, tuple(advanced))))
    ranked.sort(key=lambda item: item[0])
    return tuple(recommendation for _, recommendation in ranked[:limit])


def assess(model: Model, answers: Mapping[str, Answer], plays: int = RECOMMENDED_PLAYS) -> Results:
    """Everything a report shows, from the answers by statement id; at most `plays` plays."""
    scores = statement_scores(model, answers)
    attributes, results, overall = group_scores(model, scores)
    return Results(
        statements=scores,
        attributes=attributes,
        results=results,
        overall=overall,
        gaps=rank_gaps(attributes),
        recommendations=recommend(model, scores, plays),
        top=model.top_score,
    )

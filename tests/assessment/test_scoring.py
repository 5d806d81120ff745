"""Scoring with the real model: its worked example, its five plays, its words for numbers.

The rules themselves, case by case, are the table tests/assessment/cases/scoring.json
(test_scoring_cases.py runs it here and, through Node, against the page's script).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.assessment.reading import read_assessment
from generator.assessment.scoring import assess, recommend, statement_scores
from generator.model import Model
from generator.render.report_view import number
from generator.schema.assessment import Answer


@pytest.mark.parametrize(
    ("value", "english", "french"),
    [
        (1.25, "1.3", "1,3"),
        (None, "—", "—"),
    ],
)
def test_scores_are_shown_in_each_language_s_notation(
    model: Model, value: float | None, english: str, french: str
) -> None:
    assert number(model, value, "en") == english
    assert number(model, value, "fr") == french


def test_at_most_five_plays_are_recommended_with_their_statements_lowest_first(
    model: Model,
) -> None:
    rated = {statement.id: Answer(today="some") for statement in model.statements}
    rated["consistent-reliable"] = Answer(today="not-yet")

    advice = recommend(model, statement_scores(model, rated))

    assert len(advice) == 5
    first = advice[0]
    assert "consistent-reliable" in first.play.statements
    assert first.statements[0].statement.id == "consistent-reliable"
    order = [s.id for s in model.statements]
    rest = [score.statement.id for score in first.statements[1:]]
    assert rest == sorted(rest, key=order.index)


def test_the_worked_example_scores_as_its_report_says(model: Model, example_file: Path) -> None:
    example = read_assessment(example_file, model)

    results = assess(model, example.answers)

    assert number(model, results.overall.today, "en") == "0.7"
    assert number(model, results.overall.target, "en") == "1.6"
    assert (results.overall.rated_today, results.overall.statements) == (45, 46)
    assert [gap.id for gap in results.gaps[:3]] == ["consistent", "integrity", "simple"]
    assert [advice.play.id for advice in results.recommendations] == [
        "reach-everyone-stop-fraud",
        "feedback-you-said-we-did",
        "bundle-around-life-events",
        "resolve-at-first-contact",
        "govern-joint-initiatives",
    ]

"""Scores, gap ranking and recommended plays: the rules of scoring.py, case by case."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.assessment.format import Answer
from generator.assessment.reading import read_assessment
from generator.assessment.scoring import (
    GroupScore,
    assess,
    choice_score,
    rank_gaps,
    recommend,
    round_half_up,
    statement_scores,
)
from generator.assessment.view import number
from generator.model import Model


def answers(**rated: tuple[str | None, str | None]) -> dict[str, Answer]:
    """Answers by statement id (underscores for dashes): (today, target)."""
    return {
        statement.replace("_", "-"): Answer(today=today, target=target)
        for statement, (today, target) in rated.items()
    }


def group(groups: tuple[GroupScore, ...], identifier: str) -> GroupScore:
    return next(found for found in groups if found.id == identifier)


def test_a_rating_scores_its_level_not_yet_zero_and_not_applicable_nothing(
    model: Model,
) -> None:
    assert [choice_score(model, level.id) for level in model.levels] == [1, 2, 3]
    assert choice_score(model, "not-yet") == 0
    assert choice_score(model, "not-applicable") is None
    assert choice_score(model, None) is None


def test_an_attribute_scores_the_mean_of_its_rated_statements(model: Model) -> None:
    results = assess(
        model,
        answers(
            simple_plain_language=("some", "impressed"),
            simple_easy_to_use=("satisfied", None),
            simple_proactive_use=("not-yet", None),
            simple_pre_populated=("not-applicable", "not-applicable"),
        ),
    )

    simple = group(results.attributes, "simple")
    assert (simple.today, simple.target, simple.gap) == (1.0, 3.0, 2.0)
    assert (simple.rated_today, simple.rated_target, simple.statements) == (3, 1, 6)
    accessible = group(results.attributes, "accessible")
    assert (accessible.today, accessible.target, accessible.gap) == (None, None, None)
    assert (accessible.rated_today, accessible.statements) == (0, 10)


def test_a_result_scores_the_mean_of_the_statements_that_contribute_to_it(
    model: Model,
) -> None:
    results = assess(
        model,
        answers(
            simple_plain_language=("some", None),  # simple-across-governments
            simple_easy_to_use=("satisfied", None),  # simple-across-…, resolved-first-contact
            simple_proactive_use=("not-yet", None),  # needs-anticipated, simple-across-…
            simple_pre_populated=("not-applicable", None),  # simple-across-governments
        ),
    )

    assert group(results.results, "simple-across-governments").today == 1.0
    assert group(results.results, "resolved-first-contact").today == 2.0
    assert group(results.results, "needs-anticipated").today == 0.0
    assert group(results.results, "seamless-access").today is None
    assert group(results.results, "simple-across-governments").rated_today == 3


def test_the_overall_score_is_the_mean_of_every_rated_statement(model: Model) -> None:
    results = assess(
        model,
        answers(
            accessible_one_location=("impressed", "impressed"),
            simple_plain_language=("not-yet", "some"),
            secure_single_login=("some", None),
        ),
    )

    assert results.overall.today == pytest.approx(4 / 3)
    assert results.overall.target == 2.0
    assert (results.overall.rated_today, results.overall.statements) == (3, 46)
    assert number(model, results.overall.today, "en") == "1.3"


def test_every_statement_is_scored_in_the_model_order_answered_or_not(model: Model) -> None:
    scores = statement_scores(model, answers(simple_personalized=("some", "impressed")))

    assert [score.statement.id for score in scores] == [s.id for s in model.statements]
    rated = [score for score in scores if score.today is not None]
    assert [(s.statement.id, s.today_score, s.target_score) for s in rated] == [
        ("simple-personalized", 1, 3)
    ]


@pytest.mark.parametrize(
    ("value", "english", "french"),
    [
        (1.25, "1.3", "1,3"),
        (0.25, "0.3", "0,3"),
        (0.05, "0.1", "0,1"),
        (2 / 3, "0.7", "0,7"),
        (1 / 3, "0.3", "0,3"),
        (3.0, "3.0", "3,0"),
        (-0.5, "-0.5", "-0,5"),
        (None, "—", "—"),
    ],
)
def test_scores_are_shown_rounded_half_up_in_each_language_s_notation(
    model: Model, value: float | None, english: str, french: str
) -> None:
    assert number(model, value, "en") == english
    assert number(model, value, "fr") == french


def test_rounding_half_up_matches_the_page_s_math_floor() -> None:
    assert round_half_up(1.25) == 1.3
    assert round_half_up(1.349) == 1.3
    assert round_half_up(2.35) == 2.4


def gap(identifier: str, today: float | None, target: float | None) -> GroupScore:
    return GroupScore(identifier, today, target, 1, 1, 1)


def test_gaps_rank_largest_first_and_leave_out_none_zero_and_negative() -> None:
    groups = (
        gap("a", 1.0, 2.0),
        gap("b", 0.0, 2.0),
        gap("c", 2.0, 2.0),
        gap("d", 2.5, 2.0),
        gap("e", None, 3.0),
        gap("f", 1.5, 2.0),
    )

    assert [group.id for group in rank_gaps(groups)] == ["b", "a", "f"]


def test_equal_gaps_keep_the_model_order_despite_floating_point_noise() -> None:
    groups = (
        gap("first", 0.7, 1.6),  # 0.9000000000000001
        gap("second", 0.1, 1.0),  # 0.9
        gap("third", 5 / 7, 12 / 7),  # 0.9999999999999999
        gap("fourth", 0.5, 1.5),  # 1.0
    )

    assert [group.id for group in rank_gaps(groups)] == ["third", "fourth", "first", "second"]


def recommended(model: Model, rated: dict[str, Answer]) -> list[str]:
    return [advice.play.id for advice in recommend(model, statement_scores(model, rated))]


def test_plays_advance_the_statements_rated_lowest_and_skip_those_at_target(
    model: Model,
) -> None:
    rated = answers(
        simple_plain_language=("not-yet", "satisfied"),  # write-plainly-look-alike only
        accessible_universal_design=("some", "impressed"),  # build-in-accessibility only
        consistent_reliable=("satisfied", "satisfied"),  # at target: nothing to advance
    )

    assert recommended(model, rated) == ["write-plainly-look-alike", "build-in-accessibility"]


def test_without_a_target_a_statement_is_worked_on_until_the_top_of_the_scale(
    model: Model,
) -> None:
    rated = answers(
        simple_plain_language=("satisfied", None),
        accessible_universal_design=("impressed", None),
        integrity_reducing_fraud=("not-applicable", None),
    )

    assert recommended(model, rated) == ["write-plainly-look-alike"]


def test_plays_with_more_statements_at_the_lowest_rating_come_first_then_playbook_order(
    model: Model,
) -> None:
    rated = answers(
        # Both in protect-privacy-one-login; one also in govern-joint-initiatives and
        # retire-without-stranding, the other also in tell-us-once.
        secure_information_protected=("not-yet", None),
        secure_consent_to_share=("not-yet", None),
    )

    assert recommended(model, rated) == [
        "protect-privacy-one-login",
        "govern-joint-initiatives",
        "tell-us-once",
        "retire-without-stranding",
    ]


def test_a_larger_total_gap_comes_before_the_playbook_order(model: Model) -> None:
    rated = answers(
        simple_plain_language=("not-yet", "some"),  # write-plainly-look-alike (play 5): gap 1
        integrity_reducing_fraud=("not-yet", "impressed"),  # reach-everyone (play 12): gap 3
    )

    assert recommended(model, rated) == ["reach-everyone-stop-fraud", "write-plainly-look-alike"]


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


def test_nothing_rated_gives_no_scores_gaps_or_plays(model: Model) -> None:
    results = assess(model, {})

    assert results.overall.today is None
    assert results.gaps == ()
    assert results.recommendations == ()


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

"""The case table tests/assessment/cases/scoring.json, run against generator/assessment/.

Node runs the same table against the page's script (cases/scoring.test.js; the last
test here runs it), so both implementations follow one specification.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.assessment.action_plan import actions_against, largest_gaps, plan_csv
from generator.assessment.comparison import compare
from generator.assessment.reading import read_assessment
from generator.assessment.scoring import (
    GroupScore,
    assess,
    format_score,
    rank_gaps,
    statement_scores,
)
from generator.assessment.tally import read_workshop_file
from generator.assessment.versions import ids_hash, map_answers, version_of
from generator.assessment.workshop import merge
from generator.errors import ContentError, Problem
from generator.i18n import Message
from generator.load import load
from generator.model import Model
from generator.render.chart import Box, ChartLayout, bar_chart, wrap
from generator.schema.assessment import (
    FORMAT,
    FORMAT_VERSION,
    TALLY_FORMAT,
    Action,
    Answer,
    AssessmentFile,
    TallyFile,
)
from generator.schema.changelog import Changelog
from generator.schema.models import Statement

CASES_DIR = Path(__file__).resolve().parent / "cases"
TABLE: dict[str, Any] = json.loads((CASES_DIR / "scoring.json").read_text(encoding="utf-8"))
MINIMAL_TREE = Path(__file__).resolve().parents[1] / "fixtures" / "minimal"
REPO_ROOT = Path(__file__).resolve().parents[2]
TOLERANCE = 1e-6

Case = dict[str, Any]
"""A case's input, or what it expects."""

GROUP_FIELDS = ("today", "target", "gap", "rated_today", "rated_target", "statements")


@pytest.fixture(scope="module")
def table_model() -> Model:
    """The table's small model, made of the minimal fixture's objects renamed."""
    spec = TABLE["model"]
    base = load(MINIMAL_TREE)
    level, statement, attribute = base.levels[0], base.statements[0], base.attributes[0]
    result, play = base.results[0], base.plays[0]
    model = dataclasses.replace(
        base,
        levels=tuple(
            level.model_copy(update={"id": found["id"], "score": found["score"]})
            for found in spec["levels"]
        ),
        attributes=tuple(
            attribute.model_copy(
                update={
                    "id": found["id"],
                    "code": found["code"],
                    "statements": tuple(
                        _coded(
                            statement.model_copy(
                                update={"id": s["id"], "results": tuple(s["results"])}
                            ),
                            f"{found['code']}-{position}",
                        )
                        for position, s in enumerate(found["statements"], start=1)
                    ),
                }
            )
            for found in spec["attributes"]
        ),
        results=tuple(result.model_copy(update={"id": found}) for found in spec["results"]),
        plays=tuple(
            play.model_copy(update={"id": found["id"], "statements": tuple(found["statements"])})
            for found in spec["plays"]
        ),
    )
    assert ids_hash(statement.id for statement in model.statements) == spec["model_version"]
    assert [stage.id for stage in model.stages] == spec["stages"]
    changelog = table_changelog()
    info = model.info.model_copy(update={"version": changelog.current.version})
    return dataclasses.replace(model, info=info, changelog=changelog)


def table_changelog() -> Changelog:
    """The table's versions, with the words a changelog file also has."""
    words = {"en": "-", "fr": "-"}
    versions = [{**version, "summary": words} for version in TABLE["model"]["changelog"]]
    return Changelog.model_validate({"intro": words, "versions": versions})


def _coded(statement: Statement, code: str) -> Statement:
    """A copied statement with its code, as its attribute gives it when the content is read."""
    statement._code = code
    return statement


def same(found: Any, expected: Any) -> bool:
    """Equal, numbers to within a millionth (lists and mappings item by item)."""
    if isinstance(expected, float | int) and not isinstance(expected, bool):
        return isinstance(found, float | int) and abs(found - expected) < TOLERANCE
    if isinstance(expected, list):
        return (
            isinstance(found, list | tuple)
            and len(found) == len(expected)
            and all(same(f, e) for f, e in zip(found, expected, strict=True))
        )
    if isinstance(expected, dict):
        return (
            isinstance(found, dict)
            and found.keys() == expected.keys()
            and all(same(found[key], value) for key, value in expected.items())
        )
    return bool(found == expected)


def check(found: dict[str, Any], expected: dict[str, Any]) -> None:
    for key, value in expected.items():
        assert key in found, f"expected {key}: {value!r}; found {found!r}"
        assert same(found[key], value), f"{key}: expected {value!r}, found {found[key]!r}"


def groups(found: tuple[GroupScore, ...], expected: dict[str, dict[str, Any]]) -> Case:
    """The named groups' scores, with only the fields the case names (unknown ones fail)."""
    by_id = {group.id: group for group in found}
    shown = {}
    for identifier, fields in expected.items():
        assert set(fields) <= set(GROUP_FIELDS), f"unknown group fields: {set(fields)}"
        group = by_id[identifier]
        shown[identifier] = {field: getattr(group, field) for field in fields}
    return shown


def answers_of(given: Case) -> dict[str, Answer]:
    return {key: Answer.model_validate(value) for key, value in given.items()}


def run_assess(model: Model, given: Case, expected: Case) -> Case:
    results = assess(model, answers_of(given["answers"]), TABLE["model"]["recommended_plays"])
    return {
        "points": {
            score.statement.id: {"today": score.today_score, "target": score.target_score}
            for score in results.statements
            if score.statement.id in expected.get("points", {})
        },
        "attributes": groups(results.attributes, expected.get("attributes", {})),
        "results": groups(results.results, expected.get("results", {})),
        "overall": groups((results.overall,), {"overall": expected.get("overall", {})})["overall"],
        "gaps": [group.id for group in results.gaps],
        "plays": [
            {"play": advice.play.id, "statements": [s.statement.id for s in advice.statements]}
            for advice in results.recommendations
        ],
    }


def run_rank_gaps(model: Model, given: Case, expected: Case) -> Case:
    ranked = rank_gaps(
        tuple(GroupScore(g["id"], g["today"], g["target"], 0, 0, 0) for g in given["groups"])
    )
    return {"order": [group.id for group in ranked]}


def run_format_score(model: Model, given: Case, expected: Case) -> Case:
    return {"shown": format_score(given["value"], given["decimal_mark"])}


def run_wrap(model: Model, given: Case, expected: Case) -> Case:
    return {"lines": list(wrap(given["text"], given["width"]))}


def run_chart(model: Model, given: Case, expected: Case) -> Case:
    rows = [(row["label"], (row["today"], ""), (row["target"], "")) for row in given["rows"]]
    chart = bar_chart("chart", "", "", rows, given["top"], ("", ""), ChartLayout(**given["layout"]))
    return {
        "height": chart.height,
        "plot_top": chart.plot_top,
        "grid_bottom": chart.grid_bottom,
        "tick_y": chart.tick_y,
        "ticks": [[x, label] for x, label in chart.ticks],
        "legend": [
            {
                "series": entry.series,
                "box": _box(entry.box),
                "text_x": entry.text_x,
                "text_y": entry.text_y,
            }
            for entry in chart.legend
        ],
        "rows": [
            {
                "lines": [[y, text] for y, text in row.lines],
                "bars": [
                    {
                        "series": bar.series,
                        "y": bar.y,
                        "width": bar.width,
                        "box": _box(bar.box),
                        "text_x": bar.text_x,
                        "text_y": bar.text_y,
                    }
                    for bar in row.bars
                ],
            }
            for row in chart.rows
        ],
    }


def _box(box: Box) -> list[float]:
    return [box.x, box.y, box.width, box.height]


def run_version_of(model: Model, given: Case, expected: Case) -> Case:
    found = [version_of(model.changelog, value) for value in given["found"]]
    return {"versions": [version.version if version else None for version in found]}


def shown_answers(answers: dict[str, Answer]) -> Case:
    """Answers as the table writes them: the parts given, nothing empty."""
    return {
        key: {part: value for part, value in answer.model_dump().items() if value not in (None, "")}
        for key, answer in answers.items()
    }


def run_map_answers(model: Model, given: Case, expected: Case) -> Case:
    mapped = map_answers(model.changelog, given["from_version"], answers_of(given["answers"]))
    return {"answers": shown_answers(mapped.answers), "unmapped": list(mapped.unmapped)}


def run_compare(model: Model, given: Case, expected: Case) -> Case:
    return compare(model, answers_of(given["baseline"]), answers_of(given["follow_up"])).as_json()


def run_plan_gaps(model: Model, given: Case, expected: Case) -> Case:
    scores = statement_scores(model, answers_of(given["answers"]))
    return {"gaps": [score.statement.id for score in largest_gaps(scores, given["limit"])]}


def run_plan_csv(model: Model, given: Case, expected: Case) -> Case:
    plan = [Action.model_validate(action) for action in given["plan"]]
    return {"csv": plan_csv(model, plan, given["language"], None, given["headings"])}


def run_plan_progress(model: Model, given: Case, expected: Case) -> Case:
    comparison = compare(model, answers_of(given["baseline"]), answers_of(given["follow_up"]))
    follow_up = AssessmentFile.model_validate(
        {"format": FORMAT, "format_version": FORMAT_VERSION, "plan": given["plan"]}
    )
    return {"actions": [found.as_json() for found in actions_against(comparison, follow_up)]}


MERGE_FIELDS = ("today", "target", "spread", "distinct", "mixed_not_applicable")


def _entry(given: Case) -> AssessmentFile | TallyFile:
    """A checked file of the case: a participant's assessment or a tally."""
    fields = {key: value for key, value in given.items() if key != "kind"}
    if given["kind"] == "tally":
        return TallyFile.model_validate({"format": TALLY_FORMAT, "format_version": 2, **fields})
    return AssessmentFile.model_validate(
        {"format": FORMAT, "format_version": FORMAT_VERSION, **fields}
    )


def run_merge(model: Model, given: Case, expected: Case) -> Case:
    merged = merge(model, [_entry(entry) for entry in given["entries"]]).as_json()
    shown = {}
    for identifier, fields in expected.get("statements", {}).items():
        assert set(fields) <= set(MERGE_FIELDS), f"unknown statement fields: {set(fields)}"
        found = merged["statements"][identifier]
        shown[identifier] = {field: found[field] for field in fields}
    return {**merged, "statements": shown}


_REASONS = {
    "json_syntax": "not-json",
    "not_utf8": "not-json",
    "assessment_not_assessment": "not-assessment",
    "assessment_format_version": "format-version",
    "assessment_model_version": "model-version",
    "assessment_unknown_statement": "unknown-statements",
    "assessment_unknown_rating": "bad-ratings",
    "workshop_not_workshop_file": "not-assessment",
    "tally_format_version": "format-version",
    "assessment_counts_total": "bad-counts",
    "tally_same_statement": "same-statement",
    "tally_too_many": "too-many-hands",
}
"""Python's message for each refusal reason of the table; any other is about the layout."""


def _refusal(problem: Problem) -> tuple[str, str]:
    """The table's reason for one problem, and its statement id or field."""
    message = problem.message
    values = dict(message.args)
    reason = _REASONS.get(message.code, "invalid")
    if reason == "unknown-statements":
        return reason, str(values["id"])
    if reason in ("bad-ratings", "bad-counts", "too-many-hands"):
        return reason, str(values["where"]).split(".")[1]
    if reason == "same-statement":
        return reason, str(values["key"])
    if reason != "invalid":
        return reason, ""
    if message.code in ("unknown_field", "missing_field"):
        inside = values["inside"]
        where = dict(inside.args)["where"] + "." if isinstance(inside, Message) else ""
        return reason, f"{where}{values['field']}"
    return reason, str(values["where"])


def run_check_file(model: Model, given: Case, expected: Case, folder: Path) -> Case:
    path = folder / "assessment.json"
    text = given["text"] if "text" in given else json.dumps(given["file"], indent=2)
    path.write_text(text, encoding="utf-8")
    read = read_workshop_file if given.get("workshop") else read_assessment
    try:
        checked = read(path, model)
    except ContentError as error:
        found = [_refusal(problem) for problem in error.problems]
        reasons = {reason for reason, _ in found}
        assert len(reasons) == 1, f"one fault, several reasons: {found}"
        details = list(dict.fromkeys(detail for _, detail in found))
        refused: dict[str, Any] = {"refused": reasons.pop()}
        if "ids" in expected:
            refused["ids"] = details
        if "where" in expected:
            refused["where"] = details[0] if len(details) == 1 else details
        return refused
    if isinstance(checked, TallyFile):
        statements = {key: hands.model_dump() for key, hands in checked.statements.items()}
        return {
            "accepted": {"tally": {"participants": checked.participants, "statements": statements}}
        }
    accepted: Case = {"answers": shown_answers(checked.answers)}
    for field in ("participant", "consensus"):
        value = getattr(checked, field)
        if field in expected.get("accepted", {}) and value is not None:
            accepted[field] = value.model_dump(exclude_none=True)
    if "unmapped" in expected.get("accepted", {}):
        accepted["unmapped"] = list(checked.unmapped)
    if "stage" in expected.get("accepted", {}):
        accepted["stage"] = checked.stage
    if "plan" in expected.get("accepted", {}):
        accepted["plan"] = [
            action.model_dump(mode="json", exclude_none=True) for action in checked.plan
        ]
    return {"accepted": accepted}


RUNNERS: dict[str, Callable[[Model, Case, Case], Case]] = {
    "assess": run_assess,
    "rank_gaps": run_rank_gaps,
    "format_score": run_format_score,
    "wrap": run_wrap,
    "chart": run_chart,
    "compare": run_compare,
    "version_of": run_version_of,
    "map_answers": run_map_answers,
    "merge": run_merge,
    "plan_gaps": run_plan_gaps,
    "plan_csv": run_plan_csv,
    "plan_progress": run_plan_progress,
}


def test_every_operation_of_the_table_has_a_runner_and_a_case() -> None:
    assert set(TABLE["operations"]) == {*RUNNERS, "check_file"}
    assert {case["operation"] for case in TABLE["cases"]} == set(TABLE["operations"])
    names = [case["name"] for case in TABLE["cases"]]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("case", TABLE["cases"], ids=[case["name"] for case in TABLE["cases"]])
def test_case(case: dict[str, Any], table_model: Model, tmp_path: Path) -> None:
    assert set(case) == {"name", "operation", "input", "expected"}
    expected = case["expected"]
    if case["operation"] == "check_file":
        found = run_check_file(table_model, case["input"], expected, tmp_path)
    else:
        found = RUNNERS[case["operation"]](table_model, case["input"], expected)
    check(found, expected)


def test_the_page_s_script_passes_the_same_cases() -> None:
    """Node's own test runner (no dependency) runs the table against the page's modules."""
    node = shutil.which("node")
    assert node, "Node.js is missing (Debian: apt-get install nodejs)"
    outcome = subprocess.run(
        [node, "--test", "--test-reporter=dot", str(CASES_DIR / "scoring.test.js")],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO_ROOT,
        timeout=120,
    )
    assert outcome.returncode == 0, outcome.stdout + outcome.stderr

"""Reading an assessment file, with every problem tied to a line and told in plain words.

The same machinery as the content (line-keeping YAML reader, pydantic, problem
messages in every language), so a bad file gets `path:line: what — fix` whatever
wrote it: the assessment page, a script, or a person after a paper workshop.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from generator.assessment.format import rating_choices as _rating_choices
from generator.assessment.format import suggest
from generator.assessment.plan_check import carry_plan, check_plan
from generator.assessment.versions import map_answers, version_of
from generator.errors import ContentError, Problem, ProblemCollector
from generator.i18n import Message, Quoted
from generator.model import Model
from generator.schema.assessment import (
    FORMAT,
    FORMAT_VERSION,
    READ_VERSIONS,
    UNANSWERED,
    Answer,
    AssessmentFile,
)
from generator.schema.changelog import ModelVersion
from generator.schema.loader import MAX_DEPTH, SourceDocument, parse_yaml, read_text
from generator.schema.messages import describe_location, to_problem, worth_reporting

__all__ = ["check_assessment", "check_count_keys", "read_assessment", "read_document", "suggest"]


def read_assessment(path: Path, model: Model, shown_as: str | None = None) -> AssessmentFile:
    """The checked assessment in `path` (JSON or YAML); `ContentError` lists what is wrong."""
    document = read_document(path, shown_as or str(path))
    return check_assessment(document, model)


def read_document(path: Path, shown_as: str) -> SourceDocument:
    """An assessment file's data and lines, not yet checked; `ContentError` if unreadable."""
    text = read_text(path, shown_as)
    if isinstance(text, Problem):
        raise ContentError([text])
    is_json = path.suffix.lower() == ".json"
    data = _json_data(text, shown_as) if is_json else None
    outcome = parse_yaml(text, shown_as)
    if isinstance(outcome, SourceDocument):
        return outcome
    if not is_json or outcome.message.code != "yaml_syntax":
        raise ContentError([outcome])
    # Valid JSON that the YAML reader refuses (tabs, say): the data without line numbers.
    return SourceDocument(shown_as, data, {})


class _DuplicateJsonKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateJsonKey(key)
        result[key] = value
    return result


def _json_data(text: str, shown_as: str) -> Any:
    """The JSON's data; `ContentError` for bad syntax, duplicate keys or too deep nesting."""
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as error:
        message = Message.of("json_syntax", detail=error.msg)
        raise ContentError([Problem(shown_as, error.lineno, message)]) from None
    except _DuplicateJsonKey as duplicate:
        lines = _key_lines(text, duplicate.key)
        message = Message.of("duplicate_key", key=duplicate.key, first_line=lines[0])
        raise ContentError([Problem(shown_as, lines[-1], message)]) from None
    except RecursionError:
        message = Message.of("yaml_too_deep", limit=MAX_DEPTH)
        raise ContentError([Problem(shown_as, 1, message)]) from None
    except ValueError:  # an integer of more than 4,300 digits
        message = Message.of("yaml_bad_value", value=Quoted(text[:40]))
        raise ContentError([Problem(shown_as, 1, message)]) from None
    if _depth(data) > MAX_DEPTH:
        message = Message.of("yaml_too_deep", limit=MAX_DEPTH)
        raise ContentError([Problem(shown_as, 1, message)])
    return data


def _key_lines(text: str, key: str) -> list[int]:
    """The lines where `key` stands as a key (first and last), or [1] if it cannot be seen."""
    pattern = re.compile(re.escape(json.dumps(key)) + r"\s*:")
    lines = [text.count("\n", 0, found.start()) + 1 for found in pattern.finditer(text)]
    return lines or [1]


def _depth(data: Any) -> int:
    """How deeply lists and objects nest, counted without recursion."""
    deepest, waiting = 0, [(data, 0)]
    while waiting:
        value, depth = waiting.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, depth + 1)
            children = value.values() if isinstance(value, dict) else value
            waiting.extend((child, depth + 1) for child in children)
    return deepest


def check_assessment(document: SourceDocument, model: Model) -> AssessmentFile:
    """Check a read file against the format, then against the model's statements and levels.

    Every problem is reported at once: the layout's (from pydantic) and the model's
    (unknown statements, ratings off the scale), the latter read from the raw data so
    that a wrong field elsewhere does not hide them.
    """
    data = document.data
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        line = document.line_of(("format",)) if isinstance(data, dict) else 1
        message = Message.of("assessment_not_assessment", format=FORMAT)
        raise ContentError([Problem(document.path, line, message)])
    if "format_version" in data and data["format_version"] not in READ_VERSIONS:
        # Nothing else is checked: another layout would only give misleading problems.
        found = data["format_version"]
        message = Message.of("assessment_format_version", found=found, supported=FORMAT_VERSION)
        raise ContentError([Problem(document.path, document.line_of(("format_version",)), message)])
    problems = ProblemCollector()
    version = _version(data, document, model, problems)
    assessment: AssessmentFile | None = None
    try:
        assessment = AssessmentFile.model_validate(data)
    except ValidationError as error:
        problems.extend(
            _layout_problem(detail, document)
            for detail in error.errors(include_url=False)
            if worth_reporting(detail)
        )
    if data.get("format_version") == 1:
        _check_version_1(data, document, problems)
    statement_ids = _statement_ids(model, version, data)
    _check_against_model(data, document, model, statement_ids, problems)
    check_plan(data, document, model, statement_ids, problems)
    problems.raise_if_any()
    assert assessment is not None  # no problem means pydantic accepted the file
    if version is None or version is model.changelog.current:
        return assessment
    mapped = map_answers(model.changelog, version.version, assessment.answers)
    plan = carry_plan(model.changelog, version.version, assessment.plan)
    return assessment.carried(version.version, model.version, mapped.answers, mapped.unmapped, plan)


def _version(
    data: dict[str, Any], document: SourceDocument, model: Model, problems: ProblemCollector
) -> ModelVersion | None:
    """The model version the file's answers are for: the current one unless it names another
    the changelog records; None, and a problem, when it names one the changelog does not."""
    found = data.get("model_version")
    if not isinstance(found, str):
        return model.changelog.current  # none (written by hand), or one pydantic reports
    recorded = version_of(model.changelog, found)
    if recorded is None:
        problems.add(
            document.path,
            document.line_of(("model_version",)),
            "assessment_model_version",
            found=found,
            current=model.version,
        )
    return recorded


def _layout_problem(detail: ErrorDetails, document: SourceDocument) -> Problem:
    """pydantic's error in plain words; an answer's unknown field lists the answer's fields."""
    location = tuple(detail["loc"])
    if detail["type"] == "extra_forbidden" and len(location) == 3 and location[0] == "answers":
        message = Message.of(
            "unknown_field",
            field=location[-1],
            inside=Message.of("inside", where=describe_location(location[:-1])),
            known=", ".join(Answer.model_fields),
        )
        return Problem(document.path, document.line_of(location), message)
    return to_problem(detail, document, AssessmentFile)


def _check_version_1(
    data: dict[str, Any], document: SourceDocument, problems: ProblemCollector
) -> None:
    """A version 1 file has none of version 2's fields: who answered, consensus, distributions."""
    found: list[tuple[str | int, ...]] = [
        (key,) for key in ("participant", "consensus", "stage", "plan") if key in data
    ]
    answers = data.get("answers")
    if isinstance(answers, dict):
        found += [
            ("answers", statement_id, "distribution")
            for statement_id, answer in answers.items()
            if isinstance(answer, dict) and "distribution" in answer
        ]
    for location in found:
        problems.add(
            document.path,
            document.line_of(location),
            "assessment_needs_version_2",
            where=".".join(str(part) for part in location),
        )


def _check_against_model(
    data: dict[str, Any],
    document: SourceDocument,
    model: Model,
    statement_ids: list[str],
    problems: ProblemCollector,
) -> None:
    """Statements and ratings checked against the model: `statement_ids` are those of the
    file's version (`_statement_ids`)."""
    answers = data.get("answers")
    if not isinstance(answers, dict):
        return  # pydantic reports it
    known = set(statement_ids)
    choices = _rating_choices(model)
    for statement_id, answer in answers.items():
        if statement_id not in known:
            problems.add(
                document.path,
                document.line_of(("answers", statement_id)),
                "assessment_unknown_statement",
                id=statement_id,
                suggestion=suggest(str(statement_id), statement_ids),
            )
        if not isinstance(answer, dict):
            continue
        for part in ("today", "target"):
            value = answer.get(part)
            if value is None or isinstance(value, dict | list):
                continue  # no rating, or one pydantic reports
            shown = str(value).lower() if isinstance(value, bool) else str(value)
            if shown not in choices:
                location = ("answers", statement_id, part)
                problems.add(
                    document.path,
                    document.line_of(location),
                    "assessment_unknown_rating",
                    where=describe_location(location),
                    value=shown,
                    choices=", ".join(choices),
                )
        distribution = answer.get("distribution")
        if isinstance(distribution, dict):
            where = ("answers", statement_id, "distribution")
            _check_counts(distribution, where, data.get("consensus"), document, problems, choices)


def _statement_ids(model: Model, version: ModelVersion | None, data: dict[str, Any]) -> list[str]:
    """The statement ids the file may name: those of its version of the model (when that
    version is unknown, whatever it names, since which statements it means is unknown too)."""
    if version is model.changelog.current:
        return [statement.id for statement in model.statements]
    if version is not None:
        return list(version.statements)
    answers, plan = data.get("answers"), data.get("plan")
    named = list(answers) if isinstance(answers, dict) else []
    for action in plan if isinstance(plan, list) else []:
        statements = action.get("statements") if isinstance(action, dict) else None
        if isinstance(statements, list):
            named += [s for s in statements if isinstance(s, str)]
    return named


def _check_counts(
    distribution: dict[str, Any],
    where: tuple[str, ...],
    consensus: Any,
    document: SourceDocument,
    problems: ProblemCollector,
    choices: tuple[str, ...],
) -> None:
    """A distribution counts every rating, and as many participants as the consensus names."""
    keys = (*choices, UNANSWERED)
    participants = consensus.get("participants") if isinstance(consensus, dict) else None
    for part in ("today", "target"):
        counts = distribution.get(part)
        if not isinstance(counts, dict):
            continue  # pydantic reports it
        location = (*where, part)
        check_count_keys(counts, location, keys, document, problems)
        missing = [key for key in keys if key not in counts]
        if missing:
            problems.add(
                document.path,
                document.line_of(location),
                "assessment_counts_keys",
                where=describe_location(location),
                missing=", ".join(missing),
                choices=", ".join(keys),
            )
        numbers = [n for n in counts.values() if isinstance(n, int) and not isinstance(n, bool)]
        countable = not missing and len(numbers) == len(counts) and min(numbers, default=0) >= 0
        if isinstance(participants, int) and countable and sum(numbers) != participants:
            problems.add(
                document.path,
                document.line_of(location),
                "assessment_counts_total",
                where=describe_location(location),
                total=sum(numbers),
                participants=participants,
            )


def check_count_keys(
    counts: dict[Any, Any],
    location: tuple[str, ...],
    allowed: tuple[str, ...],
    document: SourceDocument,
    problems: ProblemCollector,
) -> None:
    """Each rating counted (a distribution's, a tally's hands) is one of `allowed`."""
    for key in counts:
        if key not in allowed:
            problems.add(
                document.path,
                document.line_of((*location, key)),
                "assessment_unknown_rating",
                where=describe_location(location),
                value=str(key),
                choices=", ".join(allowed),
            )

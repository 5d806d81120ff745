"""Reading an assessment file, with every problem tied to a line and told in plain words.

The same machinery as the content (line-keeping YAML reader, pydantic, problem
messages in every language), so a bad file gets `path:line: what — fix` whatever
wrote it: the assessment page, a script, or a person after a paper workshop.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

from pydantic import ValidationError

from generator.assessment.format import FORMAT, FORMAT_VERSION, AssessmentFile, model_version
from generator.assessment.format import rating_choices as _rating_choices
from generator.errors import ContentError, Problem, ProblemCollector
from generator.i18n import Message
from generator.model import Model
from generator.schema.loader import SourceDocument, read_yaml
from generator.schema.messages import describe_location, to_problem, worth_reporting

__all__ = ["check_assessment", "read_assessment"]


def read_assessment(path: Path, model: Model, shown_as: str | None = None) -> AssessmentFile:
    """The checked assessment in `path` (JSON or YAML); `ContentError` lists what is wrong."""
    document = _document(path, shown_as or str(path))
    return check_assessment(document, model)


def _document(path: Path, shown_as: str) -> SourceDocument:
    if path.suffix.lower() == ".json":
        problem = _json_problem(path, shown_as)
        if problem is not None:
            raise ContentError([problem])
    outcome = read_yaml(path, shown_as)
    if isinstance(outcome, Problem):
        if path.suffix.lower() != ".json":
            raise ContentError([outcome])
        # Valid JSON that the YAML reader refuses (tabs, say): the data without line numbers.
        return SourceDocument(shown_as, json.loads(path.read_text(encoding="utf-8")), {})
    return outcome


def _json_problem(path: Path, shown_as: str) -> Problem | None:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return Problem(shown_as, raw[: error.start].count(b"\n") + 1, Message.of("not_utf8"))
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        return Problem(shown_as, error.lineno, Message.of("json_syntax", detail=error.msg))
    return None


def check_assessment(document: SourceDocument, model: Model) -> AssessmentFile:
    """Check a read file against the format, then against the model's statements and levels."""
    data = document.data
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        line = document.line_of(("format",)) if isinstance(data, dict) else 1
        message = Message.of("assessment_not_assessment", format=FORMAT)
        raise ContentError([Problem(document.path, line, message)])
    if "format_version" in data and data["format_version"] != FORMAT_VERSION:
        # Nothing else is checked: another layout would only give misleading problems.
        found = data["format_version"]
        message = Message.of(
            "assessment_format_version", found=found, supported=FORMAT_VERSION
        )
        raise ContentError(
            [Problem(document.path, document.line_of(("format_version",)), message)]
        )
    try:
        assessment = AssessmentFile.model_validate(data)
    except ValidationError as error:
        raise ContentError(
            to_problem(detail, document, AssessmentFile)
            for detail in error.errors(include_url=False)
            if worth_reporting(detail)
        ) from None
    problems = ProblemCollector()
    _check_against_model(assessment, document, model, problems)
    problems.raise_if_any()
    return assessment


def _check_against_model(
    assessment: AssessmentFile,
    document: SourceDocument,
    model: Model,
    problems: ProblemCollector,
) -> None:
    current = model_version(model)
    if assessment.model_version is not None and assessment.model_version != current:
        problems.add(
            document.path,
            document.line_of(("model_version",)),
            "assessment_model_version",
            found=assessment.model_version,
            current=current,
        )
    statement_ids = [statement.id for statement in model.statements]
    known = set(statement_ids)
    choices = _rating_choices(model)
    for statement_id, answer in assessment.answers.items():
        if statement_id not in known:
            problems.add(
                document.path,
                document.line_of(("answers", statement_id)),
                "assessment_unknown_statement",
                id=statement_id,
                suggestion=_suggest(statement_id, statement_ids),
            )
        for part in ("today", "target"):
            value = getattr(answer, part)
            if value is not None and value not in choices:
                location = ("answers", statement_id, part)
                problems.add(
                    document.path,
                    document.line_of(location),
                    "assessment_unknown_rating",
                    where=describe_location(location),
                    value=value,
                    choices=", ".join(choices),
                )


def _suggest(unknown: str, known: list[str]) -> Message:
    close = difflib.get_close_matches(unknown, known, n=1, cutoff=0.6)
    if close:
        return Message.of("did_you_mean", id=close[0])
    return Message.of("assessment_statement_ids")

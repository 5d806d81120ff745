"""Reading a tally: the hands a facilitator counted per statement, written as YAML or JSON.

A tally names statements by code (ACC-1, as the tally sheet prints them) or by id,
and gives per rating the hands raised; ratings left out count 0 and participants
who raised no hand count as unanswered. Checked like an assessment file: every
problem with its line, nothing kept from a refused file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from generator.assessment.format import rating_choices
from generator.assessment.reading import (
    check_assessment,
    check_count_keys,
    read_document,
    suggest,
)
from generator.errors import ContentError, Problem, ProblemCollector
from generator.i18n import Message
from generator.model import Model
from generator.schema.assessment import (
    FORMAT,
    FORMAT_VERSION,
    TALLY_FORMAT,
    AssessmentFile,
    TallyFile,
)
from generator.schema.loader import SourceDocument
from generator.schema.messages import describe_location, to_problem, worth_reporting

__all__ = ["check_tally", "read_workshop_file"]


def read_workshop_file(
    path: Path, model: Model, shown_as: str | None = None
) -> AssessmentFile | TallyFile:
    """A participant's assessment, a consensus or a tally (by its `format`), checked."""
    document = read_document(path, shown_as or str(path))
    data = document.data
    kind = data.get("format") if isinstance(data, dict) else None
    if kind == TALLY_FORMAT:
        return check_tally(document, model)
    if kind != FORMAT:
        line = document.line_of(("format",)) if isinstance(data, dict) else 1
        message = Message.of("workshop_not_workshop_file", format=FORMAT, tally=TALLY_FORMAT)
        raise ContentError([Problem(document.path, line, message)])
    return check_assessment(document, model)


def check_tally(document: SourceDocument, model: Model) -> TallyFile:
    """The tally, its statements named by id; `ContentError` lists every problem."""
    data = document.data
    assert isinstance(data, dict) and data.get("format") == TALLY_FORMAT
    found = data.get("format_version")
    if "format_version" in data and found != FORMAT_VERSION:
        message = Message.of("tally_format_version", found=found, supported=FORMAT_VERSION)
        raise ContentError([Problem(document.path, document.line_of(("format_version",)), message)])
    problems = ProblemCollector()
    tally: TallyFile | None = None
    try:
        tally = TallyFile.model_validate(data)
    except ValidationError as error:
        problems.extend(
            to_problem(detail, document, TallyFile)
            for detail in error.errors(include_url=False)
            if worth_reporting(detail)
        )
    by_id = _statement_ids(data, document, model, problems)
    problems.raise_if_any()
    assert tally is not None  # no problem means pydantic accepted the file
    return tally.model_copy(
        update={"statements": {by_id[key]: counts for key, counts in tally.statements.items()}}
    )


def _statement_ids(
    data: dict[str, Any], document: SourceDocument, model: Model, problems: ProblemCollector
) -> dict[str, str]:
    """Each statement key's id; unknown keys, ratings, repeats and too many hands reported."""
    statements = data.get("statements")
    if not isinstance(statements, dict):
        return {}
    participants = data.get("participants")
    choices = rating_choices(model)
    ids = [statement.id for statement in model.statements]
    names = [statement.code for statement in model.statements] + ids
    known_ids = set(ids)
    by_id: dict[str, str] = {}
    first: dict[str, str] = {}
    for key, counts in statements.items():
        name = str(key)
        statement = model.statement_by_code(name) or (
            model.statement(name) if name in known_ids else None
        )
        if statement is None:
            otherwise = Message.of("tally_statement_codes", example=model.statements[0].code)
            problems.add(
                document.path,
                document.line_of(("statements", key)),
                "assessment_unknown_statement",
                id=name,
                suggestion=suggest(name, names, otherwise),
            )
            continue
        if statement.id in first:
            problems.add(
                document.path,
                document.line_of(("statements", key)),
                "tally_same_statement",
                key=name,
                id=statement.id,
                first=first[statement.id],
                first_line=document.line_of(("statements", first[statement.id])),
            )
            continue
        first[statement.id] = name
        by_id[name] = statement.id
        if isinstance(counts, dict):
            _check_hands(counts, ("statements", key), participants, choices, document, problems)
    return by_id


def _check_hands(
    counts: dict[str, Any],
    where: tuple[str, ...],
    participants: Any,
    choices: tuple[str, ...],
    document: SourceDocument,
    problems: ProblemCollector,
) -> None:
    """Ratings on the scale, and no more hands than participants, for today and the target."""
    for part in ("today", "target"):
        hands = counts.get(part)
        if not isinstance(hands, dict):
            continue  # none given, or pydantic reports it
        location = (*where, part)
        check_count_keys(hands, location, choices, document, problems)
        numbers = [n for n in hands.values() if isinstance(n, int) and not isinstance(n, bool)]
        total = sum(n for n in numbers if n > 0)
        if isinstance(participants, int) and participants >= 1 and total > participants:
            problems.add(
                document.path,
                document.line_of(location),
                "tally_too_many",
                where=describe_location(location),
                total=total,
                participants=participants,
            )

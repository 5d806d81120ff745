"""An assessment file's stage and action plan, checked against the model.

The plan's shape is `schema.assessment.Action`; here, what only the model knows: the
stage is one of the life cycle's, each action names statements of the file's version of
the model and a play of the playbook, and no two actions share an id. Every problem is
told with its line and a fix, read from the raw data so that a wrong field elsewhere
does not hide them. js/file-check.js checks the same (the case table's check_file cases).
"""

from __future__ import annotations

from typing import Any

from generator.assessment.format import suggest
from generator.assessment.versions import map_answers
from generator.errors import ProblemCollector
from generator.i18n import Message
from generator.model import Model
from generator.schema.assessment import Action
from generator.schema.changelog import Changelog
from generator.schema.loader import SourceDocument
from generator.schema.messages import describe_location

__all__ = ["carry_plan", "check_plan"]


def check_plan(
    data: dict[str, Any],
    document: SourceDocument,
    model: Model,
    statement_ids: list[str],
    problems: ProblemCollector,
) -> None:
    """The stage and each action's id, statements and play; pydantic reports the rest."""
    _check_stage(data.get("stage"), document, model, problems)
    plan = data.get("plan")
    if not isinstance(plan, list):
        return
    first_lines: dict[str, int] = {}
    ids = {action.get("id") for action in plan if isinstance(action, dict)}
    for index, action in enumerate(plan):
        if not isinstance(action, dict):
            continue
        identifier = action.get("id")
        if isinstance(identifier, str):
            line = document.line_of(("plan", index, "id"))
            if identifier in first_lines:
                problems.add(
                    document.path,
                    line,
                    "plan_duplicate_action",
                    where=describe_location(("plan", index, "id")),
                    id=identifier,
                    first_line=first_lines[identifier],
                    free=_free_id(ids),
                )
            else:
                first_lines[identifier] = line
        _check_statements(action.get("statements"), index, document, statement_ids, problems)
        _check_play(action.get("play"), index, document, model, problems)


def _check_stage(
    stage: Any, document: SourceDocument, model: Model, problems: ProblemCollector
) -> None:
    if not isinstance(stage, str):
        return  # none, or one pydantic reports
    stages = [known.id for known in model.stages]
    if stage not in stages:
        problems.add(
            document.path,
            document.line_of(("stage",)),
            "assessment_unknown_stage",
            where="stage",
            value=stage,
            suggestion=suggest(stage, stages, Message.of("use_one_of", ids=", ".join(stages))),
        )


def _check_statements(
    statements: Any,
    index: int,
    document: SourceDocument,
    statement_ids: list[str],
    problems: ProblemCollector,
) -> None:
    if not isinstance(statements, list):
        return
    known = set(statement_ids)
    for position, statement in enumerate(statements):
        if isinstance(statement, str) and statement not in known:
            location = ("plan", index, "statements", position)
            problems.add(
                document.path,
                document.line_of(location),
                "plan_unknown_statement",
                where=describe_location(location),
                id=statement,
                suggestion=suggest(statement, statement_ids, Message.of("plan_statement_ids")),
            )


def _check_play(
    play: Any, index: int, document: SourceDocument, model: Model, problems: ProblemCollector
) -> None:
    if not isinstance(play, str):
        return
    plays = [known.id for known in model.plays]
    if play not in plays:
        location = ("plan", index, "play")
        problems.add(
            document.path,
            document.line_of(location),
            "plan_unknown_play",
            where=describe_location(location),
            id=play,
            suggestion=suggest(play, plays, Message.of("plan_play_ids")),
        )


def _free_id(taken: set[Any]) -> str:
    """The first of a1, a2, … that no action uses: what the page would give a new action."""
    number = 1
    while f"a{number}" in taken:
        number += 1
    return f"a{number}"


def carry_plan(
    changelog: Changelog, from_version: str, plan: tuple[Action, ...]
) -> tuple[Action, ...]:
    """The plan of a file made against `from_version`, each action's statements carried to the
    current version as answers are (renamed, split, merged); a removed statement is left out."""
    carried = []
    for action in plan:
        mapped = map_answers(changelog, from_version, dict.fromkeys(action.statements, True))
        carried.append(action.model_copy(update={"statements": tuple(mapped.answers)}))
    return tuple(carried)

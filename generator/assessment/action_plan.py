"""The action plan: what to suggest, the plan as CSV for a tracker, and done actions against
what moved. Pure functions of the model and the assessment files.

The rules, the same in site_templates/theme/js/plan.js for the assessment page; the case
table tests/assessment/cases/scoring.json holds both to them (`plan_gaps`, `plan_csv`,
`plan_progress`):

- the largest gaps are the statements whose today and target both count and whose target
  is above today, largest gap first, ties in the model's order;
- the plan's CSV has a header row and one row per action, in the plan's order: title,
  description, owner, due date (YYYY-MM-DD) and labels (`horizon:now`, `status:done`, the
  codes of the statements it should move, `play:<id>`, separated by spaces). Texts are in
  the CSV's language (a text in several languages falls back to its first). Every cell is
  quoted; a cell starting with =, +, -, @, a tab or a carriage return gets a leading
  apostrophe, so that a spreadsheet shows it as text instead of running it as a formula.
  UTF-8 with a byte order mark, lines ended by CRLF, as spreadsheets expect;
- each done action is set against the statements it should move, in its own order: moved
  up, unchanged or down (the comparison's change), or not rated (no change: either
  assessment does not count it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from generator.assessment.comparison import Comparison
from generator.assessment.format import note_in
from generator.assessment.scoring import (
    Recommendation,
    StatementScore,
    recommend,
    statement_scores,
)
from generator.model import Model
from generator.schema.assessment import Action, AssessmentFile
from generator.schema.models import ChecklistItem, Stage

__all__ = [
    "CSV_COLUMNS",
    "SUGGESTED_GAPS",
    "ActionProgress",
    "Suggestions",
    "actions_against",
    "csv_cell",
    "largest_gaps",
    "plan_csv",
    "suggest",
]

SUGGESTED_GAPS = 5
"""How many of the largest gaps the plan suggests working on."""
CSV_COLUMNS = ("title", "description", "owner", "due", "labels")
"""The CSV's columns, in order; their headings are words of the page (`plan.csv_<column>`)."""
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Moved = Literal["up", "unchanged", "down", "not-rated"]


def largest_gaps(
    scores: Sequence[StatementScore], limit: int | None = SUGGESTED_GAPS
) -> tuple[StatementScore, ...]:
    """The statements rated both today and as a target, target above today, largest first."""
    found = [
        (score.target_score - score.today_score, index, score)
        for index, score in enumerate(scores)
        if score.today_score is not None
        and score.target_score is not None
        and score.target_score > score.today_score
    ]
    found.sort(key=lambda item: (-item[0], item[1]))
    return tuple(score for _, _, score in found[:limit])


@dataclass(frozen=True)
class Suggestions:
    """What the plan starts from: the largest gaps, the plays for them, the stage's checklist."""

    gaps: tuple[StatementScore, ...]
    plays: tuple[Recommendation, ...]
    stage: Stage | None
    checklist: tuple[ChecklistItem, ...]


def suggest(model: Model, assessment: AssessmentFile) -> Suggestions:
    """The suggestions for `assessment`'s plan: the plays are the report's recommended ones."""
    scores = statement_scores(model, assessment.answers)
    stage = model.stage(assessment.stage) if assessment.stage else None
    checklist = model.checklist_items(stage)[1] if stage else ()
    return Suggestions(largest_gaps(scores), recommend(model, scores), stage, checklist)


def csv_cell(value: str) -> str:
    """One quoted cell; one a spreadsheet would run as a formula is turned into text."""
    if value.startswith(_FORMULA_STARTS):
        value = "'" + value
    return '"' + value.replace('"', '""') + '"'


def _labels(model: Model, action: Action) -> str:
    codes = [
        model.statement(statement).code
        for statement in action.statements
        if statement in {s.id for s in model.statements}
    ]
    play = [f"play:{action.play}"] if action.play else []
    return " ".join([f"horizon:{action.horizon}", f"status:{action.status}", *codes, *play])


def plan_csv(
    model: Model,
    plan: Sequence[Action],
    language: str,
    written_in: str | None,
    headings: Sequence[str],
) -> str:
    """The plan as CSV for a tracker, its texts in `language` (the file's own texts are in
    `written_in`), under `headings` (one per column of CSV_COLUMNS)."""

    def text(note: str | dict[str, str] | None) -> str:
        return note_in(note, language, written_in)[0]

    rows = [list(headings)]
    for action in plan:
        due = action.due.isoformat() if action.due else ""
        rows.append(
            [
                text(action.title),
                text(action.description),
                text(action.owner),
                due,
                _labels(model, action),
            ]
        )
    lines = [",".join(csv_cell(cell) for cell in row) for row in rows]
    return "\ufeff" + "".join(line + "\r\n" for line in lines)


@dataclass(frozen=True)
class ActionProgress:
    """A done action, and how each statement it should move moved."""

    action: Action
    statements: tuple[tuple[str, Moved], ...]
    """(statement id, moved), in the action's order."""

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.action.id,
            "title": self.action.title,
            "statements": [{"id": s, "moved": moved} for s, moved in self.statements],
        }


def _moved(change: int | None) -> Moved:
    if change is None:
        return "not-rated"
    return "up" if change > 0 else "down" if change < 0 else "unchanged"


def actions_against(
    comparison: Comparison, follow_up: AssessmentFile
) -> tuple[ActionProgress, ...]:
    """Each done action of the follow-up's plan against the statements it should move."""
    changes = {change.id: change.change for change in comparison.statements}
    return tuple(
        ActionProgress(
            action,
            tuple((statement, _moved(changes.get(statement))) for statement in action.statements),
        )
        for action in follow_up.plan
        if action.status == "done"
    )

"""What a report shows of an assessment's action plan, in one language.

The single report (site_templates/pages/_report.html) shows the stage and the actions; the
comparison report (_comparison.html) each done action of the follow-up against the statements
it should move (`assessment.action_plan.actions_against`). Texts from the file are plain text: the
templates escape them, as they do notes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.assessment.action_plan import actions_against
from generator.assessment.comparison import Comparison
from generator.assessment.format import note_in
from generator.model import Model
from generator.schema.assessment import Action, AssessmentFile
from generator.schema.models import Play, Statement

if TYPE_CHECKING:  # report_view shows the plan with this module's view
    from generator.render.report_view import Words

__all__ = ["ActionRow", "PlanView", "ProgressRow", "plan_view", "progress_view"]


@dataclass(frozen=True)
class ActionRow:
    id: str
    title: str
    title_locale: str | None
    """The title's own locale when it is not the report's, for `lang`."""
    description: str
    owner: str
    due: str | None
    horizon: str
    status: str
    statements: tuple[Statement, ...]
    play: Play | None


@dataclass(frozen=True)
class PlanView:
    stage: str | None
    """The lifecycle stage's name, when the file gives one."""
    actions: tuple[ActionRow, ...]


@dataclass(frozen=True)
class MovedStatement:
    statement: Statement
    moved: str
    """up, unchanged, down or not-rated."""
    words: str


@dataclass(frozen=True)
class ProgressRow:
    action: ActionRow
    statements: tuple[MovedStatement, ...]


def _action_row(model: Model, words: Words, action: Action, written_in: str | None) -> ActionRow:
    def text(note: str | dict[str, str] | None) -> tuple[str, str | None]:
        found, language = note_in(note, words.language, written_in)
        return found.strip(), language

    title, title_language = text(action.title)
    return ActionRow(
        id=action.id,
        title=title,
        title_locale=words.locale(title_language),
        description=text(action.description)[0],
        owner=text(action.owner)[0],
        due=action.due.isoformat() if action.due else None,
        horizon=words(f"plan.horizon_{action.horizon}"),
        status=words(f"plan.status_{action.status.replace('-', '_')}"),
        statements=tuple(model.statement(identifier) for identifier in action.statements),
        play=model.play(action.play) if action.play else None,
    )


def plan_view(model: Model, assessment: AssessmentFile, words: Words) -> PlanView | None:
    """The stage and the actions of `assessment`; None when it has neither."""
    if assessment.stage is None and not assessment.plan:
        return None
    stage = words.text(model.stage(assessment.stage).name) if assessment.stage else None
    actions = tuple(
        _action_row(model, words, action, assessment.language) for action in assessment.plan
    )
    return PlanView(stage, actions)


def progress_view(
    model: Model, comparison: Comparison, follow_up: AssessmentFile, words: Words
) -> tuple[ProgressRow, ...]:
    """Each done action of the follow-up against how its statements moved."""
    return tuple(
        ProgressRow(
            _action_row(model, words, progress.action, follow_up.language),
            tuple(
                MovedStatement(
                    model.statement(identifier),
                    moved,
                    words(f"plan.moved_{moved.replace('-', '_')}"),
                )
                for identifier, moved in progress.statements
            ),
        )
        for progress in actions_against(comparison, follow_up)
    )

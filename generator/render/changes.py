"""What the "What changed" page shows: each version of the model and what became of its ids.

The changelog (content/changelog.yml) names statement ids; the page shows the current
statements' texts, linked to their attribute page, and the ids of those no longer in the
model. The template (site_templates/pages/changes.html) only loops over this.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.model import Model
from generator.schema.changelog import IdChange, ModelVersion
from generator.schema.models import Attribute, Statement
from generator.schema.text import LocalizedText

__all__ = ["ChangeRow", "StatementRef", "VersionView", "changes_view"]


@dataclass(frozen=True)
class StatementRef:
    id: str
    statement: Statement | None
    """The statement in the current model; None when it is no longer there."""
    attribute: Attribute | None


@dataclass(frozen=True)
class ChangeRow:
    kind: str
    """renamed, split, merged, removed or added."""
    before: tuple[StatementRef, ...]
    after: tuple[StatementRef, ...]
    note: LocalizedText | None


@dataclass(frozen=True)
class VersionView:
    version: ModelVersion
    current: bool
    changes: tuple[ChangeRow, ...]
    statements: int
    date: str | None
    """The date as ISO 8601 (2026-11-26), the same in every language."""


def _refs(model: Model, ids: Iterable[str]) -> tuple[StatementRef, ...]:
    known = {statement.id: statement for statement in model.statements}
    refs = []
    for identifier in ids:
        statement = known.get(identifier)
        attribute = model.attribute_of(statement) if statement else None
        refs.append(StatementRef(identifier, statement, attribute))
    return tuple(refs)


def _row(model: Model, change: IdChange) -> ChangeRow:
    return ChangeRow(
        change.change, _refs(model, change.from_), _refs(model, change.to), change.note
    )


def changes_view(model: Model) -> tuple[VersionView, ...]:
    """Every version, newest first, the current one marked."""
    return tuple(
        VersionView(
            version=version,
            current=index == 0,
            changes=tuple(_row(model, change) for change in version.changes),
            statements=len(version.statements),
            date=version.date.isoformat() if version.date else None,
        )
        for index, version in enumerate(model.changelog.versions)
    )

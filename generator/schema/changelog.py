"""The model's versions (content/changelog.yml): what changed in each, and its statement ids.

An assessment records the version of the model it answers. The changelog says, per
version, which statement ids it had and what became of the previous version's ids
(renamed, split, merged, removed, or new ones added), so an older assessment is read by
mapping its answers (`assessment.versions`) instead of losing them. `check_changelog`
holds the editors to it: a statement id that disappears from the model without an entry
is refused.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema

from generator.errors import ProblemCollector
from generator.schema.loader import SourceDocument
from generator.schema.models import Id, Strict, Version
from generator.schema.text import LocalizedText

__all__ = [
    "CHANGE_KINDS",
    "Changelog",
    "IdChange",
    "ModelVersion",
    "check_changelog",
]


def _listed(value: Any) -> Any:
    """One id written alone stands for a list of one."""
    return (value,) if isinstance(value, str) else value


_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
StatementIds = Annotated[
    tuple[Id, ...],
    BeforeValidator(_listed),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": _ID_PATTERN},
                {"type": "array", "items": {"type": "string", "pattern": _ID_PATTERN}},
            ]
        }
    ),
]

CHANGE_KINDS: dict[str, tuple[tuple[int, int | None], tuple[int, int | None]]] = {
    "renamed": ((1, 1), (1, 1)),
    "split": ((1, 1), (2, None)),
    "merged": ((2, None), (1, 1)),
    "removed": ((1, None), (0, 0)),
    "added": ((0, 0), (1, None)),
}
"""How many ids each kind of change takes `from` the previous version and gives `to` this
one (at least, at most; None: no limit)."""


class IdChange(Strict):
    """What became of some statement ids between the previous version and this one."""

    change: Literal["renamed", "split", "merged", "removed", "added"] = Field(
        description="renamed (one id for another), split (one into several), merged (several "
        "into one), removed (the statements are gone) or added (new statements)."
    )
    from_: StatementIds = Field(
        (),
        alias="from",
        description="The previous version's statement ids (one id or a list); none for added.",
    )
    to: StatementIds = Field(
        (), description="This version's statement ids (one id or a list); none for removed."
    )
    note: LocalizedText | None = Field(
        None, description="Why, in a sentence, shown on the “What changed” page."
    )


class ModelVersion(Strict):
    version: Version = Field(description='The version, as in content/model.yml ("2026.1").')
    date: datetime.date | None = Field(None, description="When it was published.")
    summary: LocalizedText = Field(description="What changed, in plain words.")
    changes: tuple[IdChange, ...] = Field(
        (),
        description="What became of the previous version's statement ids; every id that "
        "is not in this version must be named here.",
    )
    statements: tuple[Id, ...] = Field(
        description="Every statement id of this version, in any order: an assessment made "
        "against it is read through them."
    )


class Changelog(Strict):
    intro: LocalizedText = Field(description="The “What changed” page's introduction.")
    versions: Annotated[tuple[ModelVersion, ...], Field(min_length=1)] = Field(
        description="Every version of the model, newest first; the newest is content/model.yml's."
    )

    @property
    def current(self) -> ModelVersion:
        return self.versions[0]

    def find(self, version: str) -> ModelVersion | None:
        return next((found for found in self.versions if found.version == version), None)


def check_changelog(
    changelog: Changelog,
    document: SourceDocument,
    model_version: tuple[str, SourceDocument],
    statement_ids: Sequence[str],
    problems: ProblemCollector,
) -> None:
    """The changelog against itself and against the model's version and statement ids.

    `model_version` is content/model.yml's version and document; `statement_ids` the
    statements of content/attributes/ (none when those files failed, and then the
    statements are not compared).
    """

    def add(location: tuple[str | int, ...], code: str, **values: object) -> None:
        problems.add(document.path, document.line_of(location), code, **values)

    version, model_document = model_version
    seen: dict[str, int] = {}
    for index, entry in enumerate(changelog.versions):
        if entry.version in seen:
            first = document.line_of(("versions", seen[entry.version], "version"))
            add(
                ("versions", index, "version"),
                "changelog_duplicate_version",
                version=entry.version,
                first=f"{document.path}:{first}",
            )
        seen.setdefault(entry.version, index)
        older = changelog.versions[index + 1] if index + 1 < len(changelog.versions) else None
        _check_version(entry, index, older, add)
    if changelog.current.version != version:
        problems.add(
            model_document.path,
            model_document.line_of(("version",)),
            "changelog_version_missing",
            version=version,
            newest=changelog.current.version,
            changelog=document.path,
        )
        return
    if statement_ids:
        _check_current(changelog.current, statement_ids, add)


def _check_version(entry: ModelVersion, index: int, older: ModelVersion | None, add: Any) -> None:
    """Each change's shape, and every id of the version before, and every new one, accounted
    for: so a version's ids follow from the next one's and its changes (the page relies on it)."""
    ids = set(entry.statements)
    previous = set(older.statements) if older else set()
    named: set[str] = set()
    for number, change in enumerate(entry.changes):
        where = ("versions", index, "changes", number)
        (least_from, most_from), (least_to, most_to) = CHANGE_KINDS[change.change]
        if not (least_from <= len(change.from_) <= (most_from or len(change.from_))) or not (
            least_to <= len(change.to) <= (most_to or len(change.to))
        ):
            add((*where, "change"), f"changelog_shape_{change.change}")
            continue
        for old in change.from_:
            named.add(old)
            if older is not None and old not in previous:
                add((*where, "from"), "changelog_unknown_old", id=old, version=older.version)
        for new in change.to:
            if new not in ids:
                add((*where, "to"), "changelog_unknown_new", id=new, version=entry.version)
    if older is None:
        return
    given = {new for change in entry.changes for new in change.to}
    for position, new in enumerate(entry.statements):
        if new not in previous and new not in given:
            add(
                ("versions", index, "statements", position),
                "changelog_unexplained_new",
                id=new,
                version=entry.version,
                older=older.version,
            )
    for gone in sorted(previous - ids - named):
        add(
            ("versions", index, "statements"),
            "changelog_unexplained",
            id=gone,
            version=entry.version,
            older=older.version,
        )


def _check_current(current: ModelVersion, statement_ids: Sequence[str], add: Any) -> None:
    """The newest version's ids are exactly the model's statements."""
    recorded, actual = set(current.statements), set(statement_ids)
    where = ("versions", 0, "statements")
    for position, gone in enumerate(current.statements):
        if gone not in actual:
            add((*where, position), "changelog_statement_gone", id=gone, version=current.version)
    for new in [identifier for identifier in statement_ids if identifier not in recorded]:
        add(where, "changelog_statement_unrecorded", id=new, version=current.version)

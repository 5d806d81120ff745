"""An assessment made against an older version of the model, read against the current one.

The changelog (content/changelog.yml, `schema.changelog`) records each version's statement
ids and what became of the previous version's. `map_answers` carries answers through each
version after the file's, up to the current one — the same rules as `mapAnswers` in
site_templates/theme/js/versions.js, held to the case table tests/assessment/cases/
scoring.json:

- a statement not named by a change keeps its answer under its id;
- a renamed statement's answer moves to its new id; a split statement's answer goes to
  each of its parts;
- merged statements give their answer to the new one when every answered one among them
  has the same answer (or only one is answered); when they differ, none is carried over;
- a removed statement's answer is not carried over.

What is not carried over is listed (`unmapped`, by the ids the file uses, sorted), for the
report and the page to name: nothing is dropped silently.

A format 2 file names its version ("2026.1"); a format 1 file a short hash of the
statement ids of its version (`ids_hash`), matched against each recorded version's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from generator.schema.changelog import Changelog, ModelVersion

__all__ = ["Mapped", "changelog_json", "ids_hash", "map_answers", "version_of"]

AnswerT = TypeVar("AnswerT")


def ids_hash(statement_ids: Iterable[str]) -> str:
    """The short hash of a version's statement ids that format 1 files record as model_version."""
    ids = "\n".join(sorted(statement_ids))
    return hashlib.sha256(ids.encode("utf-8")).hexdigest()[:12]


def version_of(changelog: Changelog, found: str) -> ModelVersion | None:
    """The recorded version a file's `model_version` names (a version, or a format 1 hash)."""
    named = changelog.find(found)
    if named is not None:
        return named
    return next((v for v in changelog.versions if ids_hash(v.statements) == found), None)


@dataclass(frozen=True)
class Mapped(Generic[AnswerT]):
    answers: dict[str, AnswerT]
    """The answers by statement id of the current version."""
    unmapped: tuple[str, ...]
    """The file's statement ids whose answers could not be carried over, sorted."""


def map_answers(
    changelog: Changelog, from_version: str, answers: Mapping[str, AnswerT]
) -> Mapped[AnswerT]:
    """`answers` made against `from_version` (a recorded version), carried to the newest."""
    order = [version.version for version in changelog.versions]
    newer = reversed(changelog.versions[: order.index(from_version)])
    current: _Carried[AnswerT] = {
        identifier: (answer, (identifier,)) for identifier, answer in answers.items()
    }
    unmapped: list[str] = []
    for version in newer:
        current = _step(version, current, unmapped)
    return Mapped(
        answers={identifier: answer for identifier, (answer, _) in current.items()},
        unmapped=tuple(sorted(unmapped)),
    )


_Carried = dict[str, tuple[AnswerT, tuple[str, ...]]]
"""Answers by statement id, each with the file's ids it comes from."""


def _step(
    version: ModelVersion, before: _Carried[AnswerT], unmapped: list[str]
) -> _Carried[AnswerT]:
    """The answers of the version before `version`, carried into it."""
    waiting = dict(before)
    after: _Carried[AnswerT] = {}
    for change in version.changes:
        found = [waiting.pop(old) for old in change.from_ if old in waiting]
        if not found:
            continue
        origins = tuple(origin for _, from_file in found for origin in from_file)
        agreed = all(answer == found[0][0] for answer, _ in found)
        if change.change == "removed" or not agreed:
            unmapped.extend(origins)
            continue
        for new in change.to:
            after[new] = (found[0][0], origins)
    for identifier, carried in waiting.items():
        if identifier in after:  # a change's new id that the version before also had
            unmapped.extend(carried[1])
        else:
            after[identifier] = carried
    return after


def changelog_json(changelog: Changelog) -> dict[str, Any]:
    """What the assessment page needs of the changelog to read older files (`file-check.js`,
    `versions.js`): each version's name, hash and changes. Not its statement ids, which
    follow from the current ones and the changes (`schema.changelog` makes sure of it), so
    the page's first load does not grow with every version."""
    return {
        "versions": [
            {
                "version": version.version,
                "ids_hash": ids_hash(version.statements),
                "changes": [
                    {"change": change.change, "from": list(change.from_), "to": list(change.to)}
                    for change in version.changes
                ],
            }
            for version in changelog.versions
        ]
    }

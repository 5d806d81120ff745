"""Checks that need more than one file: unique ids, references that resolve, coverage."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

from generator.errors import ProblemCollector
from generator.i18n import Kind, Message
from generator.schema.changelog import check_changelog
from generator.schema.loader import Location, SourceDocument
from generator.schema.reading import ATTRIBUTES_DIR, PLAY_FILE, PLAYS_DIR, ContentSources, Parsed


def _suggest(unknown: str, known: Iterable[str]) -> Message:
    known = list(known)
    close = difflib.get_close_matches(unknown, known, n=1, cutoff=0.6)
    if close:
        return Message.of("did_you_mean", id=close[0])
    if len(known) <= 8:
        return Message.of("use_one_of", ids=", ".join(known))
    return Message.of("check_spelling")


class _Checker:
    def __init__(self, sources: ContentSources, problems: ProblemCollector) -> None:
        self.sources = sources
        self.problems = problems
        self.first_seen: dict[tuple[str, str, str], tuple[str, int]] = {}

    def add(
        self, document: SourceDocument, location: Location, code: str, /, **args: object
    ) -> None:
        self.problems.add(document.path, document.line_of(location), code, **args)

    def unique(
        self,
        kind: str,
        identifier: str,
        document: SourceDocument,
        location: Location,
        scope: str = "",
    ) -> None:
        """Ids are unique per kind, or per kind within a scope (an action within its play)."""
        key = (kind, scope, identifier)
        line = document.line_of(location)
        if key in self.first_seen:
            path, first_line = self.first_seen[key]
            self.problems.add(
                document.path,
                line,
                "duplicate_id",
                kind=Kind(kind),
                id=identifier,
                first=f"{path}:{first_line}",
            )
        else:
            self.first_seen[key] = (document.path, line)

    def known(
        self,
        kind: str,
        identifier: str,
        known: Collection[str],
        document: SourceDocument,
        location: Location,
    ) -> bool:
        # Looked up where it stands (a dict of 1,000 statements is not copied per reference).
        if identifier in known:
            return True
        if not known:
            # The file defining these ids failed and was reported; every reference to it
            # would otherwise be reported again as unknown.
            return False
        self.add(
            document,
            location,
            "unknown_reference",
            kind=Kind(kind),
            id=identifier,
            suggestion=_suggest(identifier, known),
        )
        return False


def check_references(sources: ContentSources, problems: ProblemCollector) -> None:
    """Add every cross-file problem of a tree whose files each parsed."""
    check = _Checker(sources, problems)
    level_ids = _level_ids(sources, check)
    result_ids = _ids_of(sources.results, "results", "result", check)
    stage_ids = _ids_of(sources.lifecycle, "stages", "stage", check)
    channel_ids = _ids_of(sources.lifecycle, "channels", "channel", check)
    statement_attribute = _check_attributes(sources, check, level_ids, result_ids)
    attribute_ids = [parsed.value.id for parsed in sources.attributes]
    if not _all_parsed(sources, ATTRIBUTES_DIR, "*.yml", sources.attributes):
        # An attribute file failed its own checks: its ids are unknown, not absent, so
        # references to them cannot be judged until it is fixed.
        statement_attribute, attribute_ids = {}, []
    _check_plays(sources, check, statement_attribute, attribute_ids, stage_ids, channel_ids)
    _check_stage_checklists(sources, check, stage_ids)
    _check_languages(sources, check)
    if sources.changelog is not None and sources.model is not None:
        # Unknown statements (an attribute file failed) are not compared, only the changelog.
        check_changelog(
            sources.changelog.value,
            sources.changelog.document,
            (sources.model.value.version, sources.model.document),
            list(statement_attribute),
            problems,
        )


def _all_parsed(
    sources: ContentSources, folder: str, pattern: str, parsed: Iterable[Parsed[Any]]
) -> bool:
    """Whether every file in `folder` passed its own checks."""
    passed = {item.document.path for item in parsed}
    return all(f"{folder}/{path.name}" in passed for path in (sources.root / folder).glob(pattern))


def _ids_of(parsed: object, field: str, kind: str, check: _Checker) -> list[str]:
    if parsed is None:
        return []
    document: SourceDocument = parsed.document  # type: ignore[attr-defined]
    items = getattr(parsed.value, field)  # type: ignore[attr-defined]
    for index, item in enumerate(items):
        check.unique(kind, item.id, document, (field, index, "id"))
    return [item.id for item in items]


def _level_ids(sources: ContentSources, check: _Checker) -> list[str]:
    ids = _ids_of(sources.continuum, "levels", "level", check)
    if sources.continuum is not None:
        scores = [level.score for level in sources.continuum.value.levels]
        if scores != sorted(set(scores)):
            check.add(sources.continuum.document, ("levels",), "scores_not_rising")
    return ids


def _check_attributes(
    sources: ContentSources, check: _Checker, level_ids: list[str], result_ids: list[str]
) -> dict[str, str]:
    statement_attribute: dict[str, str] = {}
    listed = list(sources.model.value.attributes) if sources.model else []
    codes: dict[str, str] = {}
    for parsed in sources.attributes:
        attribute, document = parsed.value, parsed.document
        check.unique("attribute", attribute.id, document, ("id",))
        if attribute.code in codes:
            check.add(
                document,
                ("code",),
                "duplicate_attribute_code",
                code=attribute.code,
                first=codes[attribute.code],
            )
        else:
            codes[attribute.code] = f"{document.path}:{document.line_of(('code',))}"
        if Path(document.path).stem != attribute.id:
            check.add(document, ("id",), "attribute_file_mismatch", id=attribute.id)
        if sources.model and attribute.id not in listed:
            check.add(document, ("id",), "attribute_not_listed", id=attribute.id)
        for index, statement in enumerate(attribute.statements):
            check.unique("statement", statement.id, document, ("statements", index, "id"))
            statement_attribute[statement.id] = attribute.id
            check.known(
                "level",
                statement.level,
                level_ids,
                document,
                ("statements", index, "level"),
            )
            for position, result in enumerate(statement.results):
                check.known(
                    "result",
                    result,
                    result_ids,
                    document,
                    ("statements", index, "results", position),
                )
    if sources.model:
        # A file that failed its own checks is still there: it was reported for what it lacks.
        present = {parsed.value.id for parsed in sources.attributes}
        present |= {path.stem for path in (sources.root / ATTRIBUTES_DIR).glob("*.yml")}
        for index, identifier in enumerate(listed):
            if identifier not in present:
                check.add(
                    sources.model.document,
                    ("attributes", index),
                    "attribute_without_file",
                    id=identifier,
                )
    return statement_attribute


def _check_plays(
    sources: ContentSources,
    check: _Checker,
    statement_attribute: dict[str, str],
    attribute_ids: list[str],
    stage_ids: list[str],
    channel_ids: list[str],
) -> None:
    covered_statements: set[str] = set()
    covered_stages: set[str] = set()
    for parsed in sources.plays:
        play, document = parsed.value, parsed.document
        check.unique("play", play.id, document, ("id",))
        match = PLAY_FILE.match(Path(document.path).name)
        if match and match["id"] != play.id:
            check.add(document, ("id",), "play_file_mismatch", id=play.id, order=match["order"])
        for index, action in enumerate(play.actions):
            check.unique("action", action.id, document, ("actions", index, "id"), play.id)
            for position, stage in enumerate(action.stages or ()):
                if stage not in play.stages:
                    check.add(
                        document,
                        ("actions", index, "stages", position),
                        "action_stage_outside_play",
                        stage=stage,
                        allowed=", ".join(play.stages),
                    )
        for index, attribute in enumerate(play.attributes):
            check.known("attribute", attribute, attribute_ids, document, ("attributes", index))
        for index, statement in enumerate(play.statements):
            covered_statements.add(statement)
            if check.known(
                "statement", statement, statement_attribute, document, ("statements", index)
            ):
                owner = statement_attribute[statement]
                if owner not in play.attributes:
                    check.add(
                        document,
                        ("statements", index),
                        "statement_attribute_not_listed",
                        statement=statement,
                        owner=owner,
                    )
        for index, stage in enumerate(play.stages):
            if check.known("stage", stage, stage_ids, document, ("stages", index)):
                covered_stages.add(stage)
        for index, channel in enumerate(play.channels):
            check.known("channel", channel, channel_ids, document, ("channels", index))
    # A play that failed its own checks may cover what would otherwise look uncovered.
    plays_parsed = _all_parsed(sources, PLAYS_DIR, "*.y*ml", sources.plays)
    if plays_parsed and (sources.plays or (sources.root / "playbook").is_dir()):
        _check_coverage(sources, check, covered_statements, covered_stages)


def _check_coverage(
    sources: ContentSources, check: _Checker, statements: set[str], stages: set[str]
) -> None:
    for parsed in sources.attributes:
        for index, statement in enumerate(parsed.value.statements):
            if statement.id not in statements:
                check.add(
                    parsed.document,
                    ("statements", index, "id"),
                    "uncovered_statement",
                    id=statement.id,
                )
    if sources.lifecycle:
        for index, stage in enumerate(sources.lifecycle.value.stages):
            if stage.id not in stages:
                check.add(
                    sources.lifecycle.document,
                    ("stages", index, "id"),
                    "uncovered_stage",
                    id=stage.id,
                )


def _check_stage_checklists(sources: ContentSources, check: _Checker, stage_ids: list[str]) -> None:
    if sources.stages is None:
        return
    document = sources.stages.document
    for index, checklist in enumerate(sources.stages.value.stages):
        check.unique("checklist", checklist.stage, document, ("stages", index, "stage"))
        check.known("stage", checklist.stage, stage_ids, document, ("stages", index, "stage"))
        for position, item in enumerate(checklist.items):
            check.unique(
                "item",
                item.id,
                document,
                ("stages", index, "items", position, "id"),
                checklist.stage,
            )


def _check_languages(sources: ContentSources, check: _Checker) -> None:
    if sources.languages is None:
        return
    config, document = sources.languages.value, sources.languages.document
    codes = [language.code for language in config.languages]
    for index, code in enumerate(codes):
        check.unique("language", code, document, ("languages", index, "code"))
    if check.known("language", config.default, codes, document, ("default",)):
        default = next(language for language in config.languages if language.code == config.default)
        if not default.complete:
            check.add(document, ("default",), "default_language_incomplete")

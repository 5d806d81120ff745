"""The validated content as one immutable object, with the look-ups every stage needs.

Nothing downstream reads YAML: renderers, exporters and the PDF printer take a
`Model`. Cross-references are indexed once here so no renderer loops over
everything to find what links to what.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol, TypeVar

from generator.schema.assessment import AssessmentFile
from generator.schema.changelog import Changelog
from generator.schema.models import (
    Attribute,
    Channel,
    ChecklistItem,
    GlossaryFile,
    Language,
    Level,
    ModelFile,
    PagesFile,
    Play,
    PlayAction,
    Result,
    Stage,
    StageChecklist,
    Statement,
)
from generator.schema.origins import Origin, Origins
from generator.schema.text import LocalizedText
from generator.translations.status import TranslationStatus

__all__ = ["Model"]


@dataclass(frozen=True)
class Model:
    languages: tuple[Language, ...]
    default_language: str
    info: ModelFile
    continuum_intro: LocalizedText
    levels: tuple[Level, ...]
    results_intro: LocalizedText
    results: tuple[Result, ...]
    lifecycle_intro: LocalizedText
    stages: tuple[Stage, ...]
    channels: tuple[Channel, ...]
    attributes: tuple[Attribute, ...]
    pages: PagesFile
    plays: tuple[Play, ...]
    stage_checklists: tuple[StageChecklist, ...]
    strings: dict[str, LocalizedText]
    """The theme's own words, by dotted key (site_templates/strings.yml)."""
    fingerprint: str
    """A hash of every source file: equal fingerprints mean equal content."""
    changelog: Changelog
    """The model's versions, newest (this one) first, with their statement ids."""
    translation_status: TranslationStatus = field(default_factory=TranslationStatus, compare=False)
    """Texts missing in a language being added, and translations gone stale (for editors)."""
    origins: Origins = field(default_factory=Origins, compare=False, repr=False)
    """Where each object was loaded from (file, key, line): see `origin_of`."""
    example: AssessmentFile | None = None
    """The worked example the site shows as a report (`assessment.example.with_example`)."""
    workshop_example: tuple[AssessmentFile, ...] = ()
    """The worked example workshop the site shows as a team report: the participants' files,
    then their consensus (`assessment.example.with_example`)."""
    follow_up_example: AssessmentFile | None = None
    """The worked example follow-up the site compares with `example`, its baseline
    (`assessment.example.with_example`)."""
    glossary: GlossaryFile | None = None
    """The preferred terms (content/glossary.yml); a content tree may have none."""

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

    @property
    def version(self) -> str:
        """The human version of the model (content/model.yml), which assessments record."""
        return self.info.version

    @property
    def top_score(self) -> int:
        """The points of the highest level: what a statement, and an average, score at most."""
        return max(level.score for level in self.levels)

    def language(self, code: str) -> Language:
        return next(language for language in self.languages if language.code == code)

    @cached_property
    def statements(self) -> tuple[Statement, ...]:
        return tuple(
            statement for attribute in self.attributes for statement in attribute.statements
        )

    @cached_property
    def _statement_owner(self) -> dict[str, Attribute]:
        return {s.id: attribute for attribute in self.attributes for s in attribute.statements}

    @cached_property
    def _index(self) -> _Index:
        return _Index(
            levels=_by_id(self.levels),
            results=_by_id(self.results),
            stages=_by_id(self.stages),
            channels=_by_id(self.channels),
            attributes=_by_id(self.attributes),
            statements=_by_id(self.statements),
            plays=_by_id(self.plays),
            codes={statement.code: statement for statement in self.statements},
        )

    def level(self, identifier: str) -> Level:
        return self._index.levels[identifier]

    def stage(self, identifier: str) -> Stage:
        return self._index.stages[identifier]

    def channel(self, identifier: str) -> Channel:
        return self._index.channels[identifier]

    def result(self, identifier: str) -> Result:
        return self._index.results[identifier]

    def attribute(self, identifier: str) -> Attribute:
        return self._index.attributes[identifier]

    def statement(self, identifier: str) -> Statement:
        return self._index.statements[identifier]

    def play(self, identifier: str) -> Play:
        return self._index.plays[identifier]

    def statement_by_code(self, code: str) -> Statement | None:
        """The statement with this code (ACC-1), as worksheets and tally sheets print it."""
        return self._index.codes.get(code)

    def origin_of(self, item: object) -> Origin | None:
        """The file, key and line `item` was loaded from; None for what no file holds."""
        return self.origins.of(item)

    def attribute_of(self, statement: Statement) -> Attribute:
        return self._statement_owner[statement.id]

    def statements_at(self, attribute: Attribute, level: Level) -> tuple[Statement, ...]:
        return tuple(s for s in attribute.statements if s.level == level.id)

    def statements_for_result(self, result: Result) -> tuple[Statement, ...]:
        return tuple(s for s in self.statements if result.id in s.results)

    @cached_property
    def _plays_naming(self) -> _PlaysNaming:
        statements: defaultdict[str, list[Play]] = defaultdict(list)
        attributes: defaultdict[str, list[Play]] = defaultdict(list)
        stages: defaultdict[str, list[Play]] = defaultdict(list)
        for play in self.plays:
            for statement in play.statements:
                statements[statement].append(play)
            for attribute in play.attributes:
                attributes[attribute].append(play)
            for stage in play.stages:
                stages[stage].append(play)
        return _PlaysNaming(_frozen(statements), _frozen(attributes), _frozen(stages))

    def plays_for(self, item: Statement | Attribute | Stage) -> tuple[Play, ...]:
        """The plays that advance a statement or attribute, or that apply at a stage."""
        naming = self._plays_naming
        if isinstance(item, Statement):
            return naming.statement.get(item.id, ())
        if isinstance(item, Attribute):
            return naming.attribute.get(item.id, ())
        return naming.stage.get(item.id, ())

    def actions_at(self, play: Play, stage: Stage) -> tuple[PlayAction, ...]:
        return tuple(a for a in play.actions if stage.id in (a.stages or play.stages))

    def checklist_items(
        self, stage: Stage
    ) -> tuple[LocalizedText | None, tuple[ChecklistItem, ...]]:
        """The stage's own introduction and items, kept apart from those of the plays."""
        for checklist in self.stage_checklists:
            if checklist.stage == stage.id:
                return checklist.intro, checklist.items
        return None, ()


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


_Item = TypeVar("_Item", bound=_Identified)


def _by_id(items: Iterable[_Item]) -> dict[str, _Item]:
    return {item.id: item for item in items}


@dataclass(frozen=True)
class _Index:
    """Every kind of item by its id: each look-up is typed, one dict per kind."""

    levels: dict[str, Level]
    results: dict[str, Result]
    stages: dict[str, Stage]
    channels: dict[str, Channel]
    attributes: dict[str, Attribute]
    statements: dict[str, Statement]
    plays: dict[str, Play]
    codes: dict[str, Statement]
    """Statements by code (ACC-1)."""


@dataclass(frozen=True)
class _PlaysNaming:
    """The plays that name a statement, an attribute or a stage, by its id, in playbook order."""

    statement: dict[str, tuple[Play, ...]]
    attribute: dict[str, tuple[Play, ...]]
    stage: dict[str, tuple[Play, ...]]


def _frozen(lists: dict[str, list[Play]]) -> dict[str, tuple[Play, ...]]:
    return {key: tuple(plays) for key, plays in lists.items()}

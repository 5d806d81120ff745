"""The validated content as one immutable object, with the look-ups every stage needs.

Nothing downstream reads YAML: renderers, exporters and the PDF printer take a
`Model`. Cross-references are indexed once here so no renderer loops over
everything to find what links to what.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from generator.schema.models import (
    Attribute,
    Channel,
    ChecklistItem,
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
    translation_status: TranslationStatus = field(default_factory=TranslationStatus, compare=False)
    """Texts missing in a language being added, and translations gone stale (for editors)."""
    origins: Origins = field(default_factory=Origins, compare=False, repr=False)
    """Where each object was loaded from (file, key, line): see `origin_of`."""

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

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
    def _by_id(self) -> dict[str, object]:
        index: dict[str, object] = {}
        for group in (self.levels, self.results, self.stages, self.channels, self.attributes):
            index.update({f"{type(item).__name__}:{item.id}": item for item in group})
        index.update({f"Statement:{s.id}": s for s in self.statements})
        index.update({f"Play:{p.id}": p for p in self.plays})
        return index

    def level(self, identifier: str) -> Level:
        return self._by_id[f"Level:{identifier}"]  # type: ignore[return-value]

    def stage(self, identifier: str) -> Stage:
        return self._by_id[f"Stage:{identifier}"]  # type: ignore[return-value]

    def channel(self, identifier: str) -> Channel:
        return self._by_id[f"Channel:{identifier}"]  # type: ignore[return-value]

    def result(self, identifier: str) -> Result:
        return self._by_id[f"Result:{identifier}"]  # type: ignore[return-value]

    def attribute(self, identifier: str) -> Attribute:
        return self._by_id[f"Attribute:{identifier}"]  # type: ignore[return-value]

    def statement(self, identifier: str) -> Statement:
        return self._by_id[f"Statement:{identifier}"]  # type: ignore[return-value]

    def play(self, identifier: str) -> Play:
        return self._by_id[f"Play:{identifier}"]  # type: ignore[return-value]

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
    def _plays_by_reference(self) -> dict[str, tuple[Play, ...]]:
        index: defaultdict[str, list[Play]] = defaultdict(list)
        for play in self.plays:
            for statement in play.statements:
                index[f"Statement:{statement}"].append(play)
            for attribute in play.attributes:
                index[f"Attribute:{attribute}"].append(play)
            for stage in play.stages:
                index[f"Stage:{stage}"].append(play)
        return {key: tuple(plays) for key, plays in index.items()}

    def plays_for(self, item: Statement | Attribute | Stage) -> tuple[Play, ...]:
        """The plays that advance a statement or attribute, or that apply at a stage."""
        return self._plays_by_reference.get(f"{type(item).__name__}:{item.id}", ())

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

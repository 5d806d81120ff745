"""Every translatable text of the content: where it stands and its wording in each language.

Texts are found by walking the validated models, so whatever the validator calls a
localized text is one here too, with no list of fields to keep in step.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import Any

from pydantic import BaseModel

from generator.schema.loader import SourceDocument
from generator.schema.origins import walk
from generator.schema.reading import ContentSources, Parsed
from generator.schema.text import LocalizedText, PartialLocalizedText


@dataclass(frozen=True, order=True)
class Text:
    """One localized text: its file, its key inside the file, its line and its wording."""

    file: str
    line: int
    key: str
    """`statements[accessible-one-location].text`, `home.how_to_use[2]`, `site.skip_link`."""
    field: str
    """The key's last part, the field an editor looks for: `text`, `how_to_use[2]`."""
    wording: tuple[tuple[str, str], ...]
    """(language code, text) for every language the text has."""
    partial: bool = False
    """True for labels that exist only in some languages (e.g. a seed's alternative name)."""

    def get(self, language: str) -> str | None:
        return dict(self.wording).get(language)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.wording)


def texts_in(value: BaseModel, document: SourceDocument) -> Iterator[Text]:
    """The texts of one validated file, in the order they stand in it."""
    for place, text in walk(value):
        if not isinstance(text, LocalizedText):
            continue
        yield Text(
            file=document.path,
            line=document.line_of(place.location),
            key=place.key,
            field=place.field,
            wording=tuple(sorted(text.root.items())),
            partial=isinstance(text, PartialLocalizedText),
        )


def parsed_files(sources: ContentSources) -> Iterator[Parsed[Any]]:
    """Every file read and validated, each with its document."""
    for part in fields(sources):
        value = getattr(sources, part.name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Parsed):
                yield item


def content_texts(sources: ContentSources) -> tuple[Text, ...]:
    """Every text of every file read, by file then in reading order."""
    found: list[Text] = []
    for parsed in sorted(parsed_files(sources), key=lambda parsed: parsed.document.path):
        found.extend(texts_in(parsed.value, parsed.document))
    return tuple(found)

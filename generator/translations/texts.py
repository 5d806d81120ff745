"""Every translatable text of the content: where it stands and its wording in each language.

Texts are found by walking the validated models, so whatever the validator calls a
localized text is one here too, with no list of fields to keep in step.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import Any

from pydantic import BaseModel, RootModel

from generator.schema.loader import Location, SourceDocument
from generator.schema.reading import ContentSources, Parsed
from generator.schema.text import LocalizedText, PartialLocalizedText

# A list item is named by its identifier when it has one, so a text keeps its key
# when items are reordered; otherwise by its position, counted from 1 as in validation.
_ITEM_NAMES = ("id", "stage")


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


def _item_name(item: Any, index: int) -> str:
    for attribute in _ITEM_NAMES:
        name = getattr(item, attribute, None)
        if isinstance(name, str):
            return f"[{name}]"
    return f"[{index + 1}]"


@dataclass(frozen=True)
class _Place:
    location: Location
    key: str
    field: str


def _walk(value: Any, place: _Place) -> Iterator[tuple[_Place, LocalizedText]]:
    if isinstance(value, LocalizedText):
        yield place, value
    elif isinstance(value, RootModel):
        yield from _walk(value.root, place)
    elif isinstance(value, BaseModel | dict):
        items = (
            value.items()
            if isinstance(value, dict)
            else ((name, getattr(value, name)) for name in type(value).model_fields)
        )
        for name, item in items:
            key = f"{place.key}.{name}" if place.key else str(name)
            yield from _walk(item, _Place((*place.location, name), key, str(name)))
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            name = _item_name(item, index)
            yield from _walk(
                item, _Place((*place.location, index), place.key + name, place.field + name)
            )


def texts_in(value: BaseModel, document: SourceDocument) -> Iterator[Text]:
    """The texts of one validated file, in the order they stand in it."""
    for place, text in _walk(value, _Place((), "", "")):
        yield Text(
            file=document.path,
            line=document.line_of(place.location),
            key=place.key,
            field=place.field,
            wording=tuple(sorted(text.root.items())),
            partial=isinstance(text, PartialLocalizedText),
        )


def _parsed_files(sources: ContentSources) -> Iterator[Parsed[Any]]:
    for part in fields(sources):
        value = getattr(sources, part.name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Parsed):
                yield item


def content_texts(sources: ContentSources) -> tuple[Text, ...]:
    """Every text of every file read, by file then in reading order."""
    found: list[Text] = []
    for parsed in sorted(_parsed_files(sources), key=lambda parsed: parsed.document.path):
        found.extend(texts_in(parsed.value, parsed.document))
    return tuple(found)

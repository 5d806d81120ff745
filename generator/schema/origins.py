"""Where each loaded object came from: its file, its key inside the file, its line.

Pages link to the files they are made from, and say when a text they show has a
stale translation: both ask the model where an object was loaded from. Keys name
places the way `translations.lock` does (`statements[one-location].text`), so a
text's key starts with the key of every object that holds it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, RootModel

from generator.schema.loader import Location, SourceDocument
from generator.schema.text import LocalizedText

__all__ = ["Origin", "Origins", "Place", "walk"]

# A list item is named by its identifier when it has one, so a text keeps its key
# when items are reordered; otherwise by its position, counted from 1 as in validation.
_ITEM_NAMES = ("id", "stage")


@dataclass(frozen=True)
class Place:
    """A value's position inside its file: where YAML put it, and its readable key."""

    location: Location
    key: str
    field: str
    """The key's last part, the field an editor looks for: `text`, `how_to_use[2]`."""


def _item_name(item: Any, index: int) -> str:
    for attribute in _ITEM_NAMES:
        name = getattr(item, attribute, None)
        if isinstance(name, str):
            return f"[{name}]"
    return f"[{index + 1}]"


def walk(value: Any, place: Place | None = None) -> Iterator[tuple[Place, Any]]:
    """Every model, mapping and localized text inside `value`, outermost first, with its place.

    A localized text is yielded but not entered: its languages are its wording, not places.
    """
    place = place or Place((), "", "")
    if isinstance(value, BaseModel | dict):
        yield place, value
    if isinstance(value, LocalizedText):
        return
    if isinstance(value, RootModel):
        yield from walk(value.root, place)
    elif isinstance(value, BaseModel | dict):
        items = (
            value.items()
            if isinstance(value, dict)
            else ((name, getattr(value, name)) for name in type(value).model_fields)
        )
        for name, item in items:
            key = f"{place.key}.{name}" if place.key else str(name)
            yield from walk(item, Place((*place.location, name), key, str(name)))
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            name = _item_name(item, index)
            yield from walk(
                item, Place((*place.location, index), place.key + name, place.field + name)
            )


@dataclass(frozen=True)
class Origin:
    """Where an object was loaded from."""

    file: str
    """The file, relative to the project root: `content/attributes/accessible.yml`."""
    key: str
    """Its key inside the file, `''` for the whole file."""
    line: int

    def holds(self, file: str, key: str) -> bool:
        """True when the text at `file` and `key` is this object or inside it."""
        if file != self.file:
            return False
        return not self.key or key == self.key or key.startswith((f"{self.key}.", f"{self.key}["))


class Origins:
    """The origin of every object of the validated files, looked up by the object itself.

    Objects are found by identity: two equal statements in two files are still two
    places. The index keeps a reference to each object, so none of them can be freed
    and its identity reused while the index lives.
    """

    def __init__(self, files: Iterable[tuple[BaseModel, SourceDocument]] = ()) -> None:
        self._files = tuple(files)
        self._index: dict[int, tuple[object, Origin]] = {}
        for value, document in self._files:
            for place, node in walk(value):
                origin = Origin(document.path, place.key, document.line_of(place.location))
                self._index.setdefault(id(node), (node, origin))

    def including(self, value: BaseModel, document: SourceDocument) -> Origins:
        """These origins and those of one more file, read apart from the content (the example)."""
        return Origins([*self._files, (value, document)])

    def of(self, item: object) -> Origin | None:
        """Where `item` was loaded from; None for an object no file holds (built by code)."""
        found = self._index.get(id(item))
        return found[1] if found is not None and found[0] is item else None

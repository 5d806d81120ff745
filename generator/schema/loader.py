"""Safe YAML reading that keeps the source line of every value.

PyYAML's own constructors lose positions and silently keep the last of two equal
keys; editors need both the line of a mistake and duplicate keys refused, so the
node tree is composed with the safe loader and turned into data here.

libyaml (PyYAML's C extension) composes the tree ten times faster than pure Python
and keeps the same positions; a file it cannot read is read again by the pure-Python
loader, whose messages name the offending character.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Problem
from generator.i18n import Message

Location = tuple[str | int, ...]

_FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STRING_TAG = "tag:yaml.org,2002:str"


@dataclass(frozen=True)
class SourceDocument:
    """The data of one YAML file, with the line where each value or key stands."""

    path: str
    data: Any
    lines: dict[Location, int] = field(repr=False)

    def line_of(self, location: Location) -> int:
        """The line of a value, or of its closest parent when it is absent."""
        for end in range(len(location), -1, -1):
            line = self.lines.get(tuple(location[:end]))
            if line is not None:
                return line
        return 1


class _DuplicateKey(Exception):
    def __init__(self, key: object, line: int, first_line: int) -> None:
        self.key, self.line, self.first_line = key, line, first_line


class _Composer:
    def __init__(self) -> None:
        self.constructor = yaml.SafeLoader("")
        self.lines: dict[Location, int] = {}

    def build(self, node: yaml.Node, location: Location) -> Any:
        self.lines.setdefault(location, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, location)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*location, index)) for index, item in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> Any:
        if node.tag == _STRING_TAG:
            return node.value  # what the safe constructor returns for a string, without its cost
        return self.constructor.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, location: Location) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_lines: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node)
            line = key_node.start_mark.line + 1
            if key in first_lines:
                raise _DuplicateKey(key, line, first_lines[key])
            first_lines[key] = line
            # The key's line, not the value's: a nested block starts on the next line,
            # and editors look for the key.
            self.lines[(*location, key)] = line
            result[key] = self.build(value_node, (*location, key))
        return result


def read_yaml(path: Path, shown_as: str) -> SourceDocument | Problem:
    """Read one file; a problem is returned, not raised, so all files get read."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return Problem(shown_as, line, Message.of("not_utf8"))
    try:
        node = _compose(text)
        composer = _Composer()
        data = composer.build(node, ()) if node is not None else None
    except _DuplicateKey as duplicate:
        return Problem(
            shown_as,
            duplicate.line,
            Message.of("duplicate_key", key=duplicate.key, first_line=duplicate.first_line),
        )
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        detail = (error.problem or error.context or "?").strip()
        return Problem(shown_as, line, Message.of("yaml_syntax", detail=detail))
    return SourceDocument(shown_as, data, composer.lines)


def _compose(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.MarkedYAMLError:
        if _FAST_LOADER is yaml.SafeLoader:
            raise
    return yaml.compose(text, Loader=yaml.SafeLoader)  # raises again, with clearer words

"""Safe YAML reading that keeps the source line of every value.

PyYAML's own constructors lose positions and silently keep the last of two equal
keys; editors need both the line of a mistake and duplicate keys refused, so the
node tree is composed with the safe loader and turned into data here.

libyaml (PyYAML's C extension) composes the tree ten times faster than pure Python
and keeps the same positions; a file it cannot read is read again by the pure-Python
loader, whose messages name the offending character.

Files are untrusted: a few hundred bytes of YAML can nest a hundred thousand levels
deep (which crashes the C composer) or expand aliases into billions of values. So a
file is refused, with its line, when it is larger than `MAX_FILE_BYTES`, nests deeper
than `MAX_DEPTH` (checked on the parser's event stream, before anything is composed),
or builds more than `MAX_VALUES` values (every use of an alias counted again).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Problem
from generator.i18n import Message, Quoted

Location = tuple[str | int, ...]

_FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STRING_TAG = "tag:yaml.org,2002:str"
_COLLECTION_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")

MAX_FILE_BYTES = 2_000_000
"""The largest file read: the biggest content file is about 40 KB."""
MAX_DEPTH = 40
"""How deeply blocks and lists may nest: content goes about 6 levels deep."""
MAX_VALUES = 50_000
"""How many values one file may hold, aliases expanded: the biggest has under 1,000."""


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


class _Refused(Exception):
    """The file cannot be turned into data: `message` says why, at `line`."""

    def __init__(self, line: int, message: Message) -> None:
        self.line, self.message = line, message


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


class _Composer:
    def __init__(self) -> None:
        self.constructor = yaml.SafeLoader("")
        self.lines: dict[Location, int] = {}
        self.values = 0
        self.open: set[int] = set()
        """The collections being built: one met again inside itself is a recursive alias."""

    def build(self, node: yaml.Node, location: Location) -> Any:
        self.lines.setdefault(location, _line(node))
        self.values += 1
        if self.values > MAX_VALUES:
            # A node reached through an alias has its anchor's line: the top-level entry
            # being built is where the editor finds the alias that expands too far.
            line = self.lines.get(location[:1], _line(node))
            raise _Refused(line, Message.of("yaml_too_many_values", limit=MAX_VALUES))
        if not isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            return self._scalar(node)
        if node.tag not in _COLLECTION_TAGS:
            raise _Refused(_line(node), Message.of("yaml_unknown_tag", tag=node.tag[:60]))
        if id(node) in self.open:
            raise _Refused(_line(node), Message.of("yaml_recursive_alias"))
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, location)
            return [self.build(item, (*location, index)) for index, item in enumerate(node.value)]
        finally:
            self.open.discard(id(node))

    def _scalar(self, node: yaml.Node) -> Any:
        if node.tag == _STRING_TAG:
            return node.value  # what the safe constructor returns for a string, without its cost
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError):
            # An impossible date (2024-13-45), an integer of thousands of digits.
            message = Message.of("yaml_bad_value", value=Quoted(node.value[:40]))
            raise _Refused(_line(node), message) from None

    def _mapping(self, node: yaml.MappingNode, location: Location) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_lines: dict[Any, int] = {}
        for key_node, value_node in node.value:
            line = _line(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(line, Message.of("yaml_key_not_text"))
            # Keys are names (fields, language codes, ids): always their text, so that
            # `no:` (Norwegian) or `2024:` stay what was written.
            key = key_node.value
            if key in first_lines:
                raise _Refused(
                    line,
                    Message.of("duplicate_key", key=key[:60], first_line=first_lines[key]),
                )
            first_lines[key] = line
            # The key's line, not the value's: a nested block starts on the next line,
            # and editors look for the key.
            self.lines[(*location, key)] = line
            result[key] = self.build(value_node, (*location, key))
        return result


def read_text(path: Path, shown_as: str) -> str | Problem:
    """A file's UTF-8 text (a leading byte-order mark dropped), or why it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Problem(
                shown_as, 1, Message.of("file_too_large", size=size, limit=MAX_FILE_BYTES)
            )
        raw = path.read_bytes()
    except OSError as error:
        return Problem(shown_as, 1, Message.of("file_unreadable", reason=error.strerror or ""))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return Problem(shown_as, line, Message.of("not_utf8"))
    nul = text.find("\0")
    if nul >= 0:
        return Problem(shown_as, text.count("\n", 0, nul) + 1, Message.of("nul_character"))
    return text


def read_yaml(path: Path, shown_as: str) -> SourceDocument | Problem:
    """Read one file; a problem is returned, not raised, so all files get read."""
    text = read_text(path, shown_as)
    if isinstance(text, Problem):
        return text
    return parse_yaml(text, shown_as)


def parse_yaml(text: str, shown_as: str) -> SourceDocument | Problem:
    """The data of one YAML (or JSON) text, with its lines; or the first problem met."""
    try:
        _check_depth(text)
        node = _compose(text)
        composer = _Composer()
        data = composer.build(node, ()) if node is not None else None
    except _Refused as refused:
        return Problem(shown_as, refused.line, refused.message)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        detail = (error.problem or error.context or "?").strip()
        return Problem(shown_as, line, Message.of("yaml_syntax", detail=detail))
    except yaml.YAMLError as error:  # the reader's: a character YAML does not allow
        position = getattr(error, "position", 0)
        line = text.count("\n", 0, position) + 1
        return Problem(shown_as, line, Message.of("yaml_syntax", detail=str(error)[:120]))
    return SourceDocument(shown_as, data, composer.lines)


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH from the event stream, which needs no recursion."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_FAST_LOADER):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    line = event.start_mark.line + 1 if event.start_mark else 1
                    raise _Refused(line, Message.of("yaml_too_deep", limit=MAX_DEPTH))
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError:
        # Composing stops at the same place, no deeper than checked so far, and says
        # what is wrong in clearer words.
        return


def _compose(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.MarkedYAMLError:
        if _FAST_LOADER is yaml.SafeLoader:
            raise
    return yaml.compose(text, Loader=yaml.SafeLoader)  # raises again, with clearer words

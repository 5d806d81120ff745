"""Every message the code can show exists in English and French, with the same blanks to fill."""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

import generator
from generator.schema import messages

PACKAGE = Path(generator.__file__).parent
CATALOGUE = PACKAGE / "locales" / "messages.yml"
LANGUAGES = {"en", "fr"}


def catalogue() -> dict[str, Any]:
    with CATALOGUE.open(encoding="utf-8") as stream:
        data: dict[str, Any] = yaml.safe_load(stream)
    return data


def _string_argument(call: ast.Call, position: int) -> str | None:
    if len(call.args) > position:
        argument = call.args[position]
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            return argument.value
    return None


def _calls() -> Iterator[tuple[str, ast.Call]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Call):
                function = node.func
                name = function.attr if isinstance(function, ast.Attribute) else None
                name = function.id if isinstance(function, ast.Name) else name
                if name is not None:
                    yield name, node


# Which argument of which call holds a catalogue key, by catalogue section.
# `problems.add(path, line, code)`, `check.add(document, location, code)`, `Message.of(code)`;
# `check.unique(kind, …)`, `check.known(kind, …)`, `_ids_of(parsed, field, kind, check)`;
# `say(key)` for the command line's own words.
KEY_ARGUMENTS: dict[str, dict[str, int]] = {
    "messages": {"add": 2, "of": 0},
    "kinds": {"unique": 0, "known": 0, "_ids_of": 2, "Kind": 0},
    "cli": {"say": 0},
}


def keys_used_in_code(section: str) -> set[str]:
    positions = KEY_ARGUMENTS[section]
    used = {
        key
        for name, call in _calls()
        if name in positions
        for key in [_string_argument(call, positions[name])]
        if key is not None
    }
    if section == "messages":
        # Codes picked from tables rather than written at the call.
        used |= set(messages._SIMPLE.values()) | set(messages._UNSAFE.values())
    return used


def test_the_code_uses_messages_from_every_part_of_the_catalogue() -> None:
    # Guards the source scan itself: finding nothing would make the tests below pass vacuously.
    assert {"missing_file", "duplicate_key", "unknown_reference", "expected_list"} <= (
        keys_used_in_code("messages")
    )
    assert {"attribute", "statement", "play"} <= keys_used_in_code("kinds")
    assert {"valid", "invalid", "unknown_language"} <= keys_used_in_code("cli")


@pytest.mark.parametrize("section", ["messages", "kinds", "cli"])
def test_every_key_used_in_the_code_is_in_the_catalogue(section: str) -> None:
    missing = keys_used_in_code(section) - set(catalogue()[section])

    assert not missing, f"add these to {section}: in generator/locales/messages.yml"


def _texts() -> Iterator[tuple[str, dict[str, Any]]]:
    data = catalogue()
    for section in ("cli", "kinds"):
        for key, texts in data[section].items():
            yield f"{section}.{key}", texts
    for code, entry in data["messages"].items():
        for part in ("what", "fix"):
            yield f"messages.{code}.{part}", entry.get(part) or {}


def _blanks(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize(
    ("key", "texts"), [pytest.param(*entry, id=entry[0]) for entry in _texts()]
)
def test_each_text_is_in_english_and_french_with_the_same_blanks(
    key: str, texts: dict[str, Any]
) -> None:
    # A stray ", " in an unquoted flow mapping cuts a text short and adds a bogus key.
    assert set(texts) == LANGUAGES, f"{key} has languages {sorted(texts)}"
    assert all(isinstance(text, str) for text in texts.values()), key
    assert _blanks(texts["en"]) == _blanks(texts["fr"]), key

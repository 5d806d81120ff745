"""The tool's own messages in every language, read from `locales/messages.yml`.

Messages are kept as a code and arguments until shown, so the same problem can
be printed in English or French without being found twice.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

from generator.typography import typeset

_CATALOGUE = Path(__file__).parent / "locales" / "messages.yml"
_FALLBACK = "en"
_language = _FALLBACK


@cache
def _catalogue() -> dict[str, Any]:
    # libyaml when present: every command reads the catalogue, ten times faster than pure Python.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with _CATALOGUE.open(encoding="utf-8") as stream:
        data: dict[str, Any] = yaml.load(stream, Loader=loader)
    return data


def set_language(code: str) -> None:
    """Choose the language of every message shown from now on."""
    global _language
    _language = code


def current_language() -> str:
    return _language


def language_from_environment(environ: dict[str, str] | None = None) -> str:
    """`fr` for a French locale (LANGUAGE, LC_ALL, LC_MESSAGES or LANG), else English."""
    environ = dict(os.environ) if environ is None else environ
    for variable in ("PLAYBOOK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        code = value.split(":")[0].split("_")[0].split(".")[0].lower()
        if code in ("en", "fr"):
            return code
    return _FALLBACK


# A command the reader types, left as written: `playbook translations --confirm "{file}"`.
_COMMAND = re.compile(r"""(\bplaybook(?: (?:--?[\w-]+|"[^"]*"|[\w{}./:-]+))+)""")


def _pick(texts: dict[str, str], language: str) -> str:
    """The text in `language` (English when it has none), typeset before it is filled in.

    Typeset first, so the values put into it (file names, keys, a reader's own words)
    are shown exactly as they are.
    """
    return typeset(texts.get(language) or texts[_FALLBACK], language, keep=_COMMAND)


class Quoted(str):
    """A value shown between the quotation marks of the reader's language."""

    def within(self, language: str) -> str:
        return f"«\u00a0{self}\u00a0»" if language == "fr" else f"“{self}”"


class Localized(str):
    """A value with its own wording per language (a glossary term), shown in the reader's.

    The string itself is an identifier, so messages holding it compare and sort.
    """

    wording: dict[str, str]

    def __new__(cls, identifier: str, wording: dict[str, str]) -> Localized:
        value = super().__new__(cls, identifier)
        value.wording = dict(wording)
        return value

    def within(self, language: str) -> str:
        return self.wording.get(language) or self.wording.get(_FALLBACK) or str(self)


_LONGEST = 300
"""Characters of a value shown in a message: a key or a value from a file may be huge."""


def _argument(value: Any) -> Any:
    """A value fit to keep in a message: hashable, and shortened when it is long text.

    Values come from untrusted files too (a list where a number belongs, a key of
    thousands of characters): a message shows them, it never fails on them.
    """
    if isinstance(value, Message | float) or (isinstance(value, int) and value.bit_length() < 64):
        return value
    text = value if isinstance(value, str) else "…" if isinstance(value, int) else str(value)
    if len(text) > _LONGEST:
        text = f"{text[:_LONGEST]}…"
    return Quoted(text) if isinstance(value, Quoted) else text


@dataclass(frozen=True, order=True)
class Message:
    """A message not yet put into words: a catalogue code and its arguments."""

    code: str
    args: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, code: str, /, **args: Any) -> Message:
        return cls(code, tuple(sorted((name, _argument(value)) for name, value in args.items())))

    def _arguments(self, language: str) -> dict[str, str]:
        return {
            name: value.what(language)
            if isinstance(value, Message)
            else value.within(language)
            if isinstance(value, Quoted | Localized)
            else str(value)
            for name, value in self.args
        }

    def what(self, language: str | None = None) -> str:
        """What is wrong, in `language` (the current language by default)."""
        return self._worded("what", language or _language)

    def fix(self, language: str | None = None) -> str:
        """How to fix it, in `language` (the current language by default)."""
        return self._worded("fix", language or _language)

    def _worded(self, part: Literal["what", "fix"], language: str) -> str:
        entry = _catalogue()["messages"][self.code]
        return _pick(entry[part], language).format(**self._arguments(language))


@dataclass(frozen=True, order=True)
class Kind(Message):
    """The name of a kind of thing (attribute, play …) in the reader's language."""

    def what(self, language: str | None = None) -> str:
        return _pick(_catalogue()["kinds"][self.code], language or _language)


def say(key: str, **args: Any) -> str:
    """A line of the command line's own text, in the current language."""
    return _pick(_catalogue()["cli"][key], _language).format(**args)


def codes() -> set[str]:
    return set(_catalogue()["messages"])

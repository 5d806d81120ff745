"""The terminology gate: every variant the glossary says to avoid, wherever an editor wrote it.

Reads the words readers and users see (content, playbook, interface strings, the tool's
messages) and reports each avoided variant at its line with the preferred term. The seed
statements are exempt: they are the source documents' wording, verbatim. Matching is on
whole words, whatever the case, the accents, the kind of apostrophe or of space, so
"Evenements  de vie" is found by the variant "événement(s) de vie".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from generator.errors import Problem, ProblemCollector
from generator.i18n import Localized, Message, Quoted
from generator.schema.loader import Location, SourceDocument, read_yaml
from generator.schema.models import GlossaryEntry
from generator.schema.reading import GLOSSARY, read_sources

__all__ = ["CHECKED_FILES", "check_glossary", "fold", "variant_pattern"]

CHECKED_FILES = (
    "content/*.yml",
    "content/*/*.yml",
    "playbook/*.yml",
    "playbook/plays/*.yml",
    "site_templates/strings.yml",
    "generator/locales/messages.yml",
)
"""Every file whose words reach a reader or a user of the tool, as globs from the root."""

SEED_WORDING = (
    ("content/attributes/*.yml", ("statements", "*", "text")),
    ("content/results.yml", ("results", "*", "text")),
    ("content/continuum.yml", ("levels", "*", "name")),
)
"""Texts quoted verbatim from the seeds (file glob, path to the localized text): exempt."""

_QUOTATION_MARKS = (("«", "»"), ("“", "”"))
_SPACES = "[\\s\u00a0\u202f]+"
_APOSTROPHES = "['\u2019]"
# A key whose value starts on the next line: `why: |`, `body: >-`.
_BLOCK_SCALAR = re.compile(r":\s*[|>][-+0-9]*\s*(#.*)?$")


def fold(text: str) -> str:
    """Lower case without accents, one character for one, so positions stay valid."""
    return "".join(unicodedata.normalize("NFD", char)[0].lower()[:1] for char in text)


def variant_pattern(variant: str) -> re.Pattern[str]:
    """The regular expression of a variant, to search `fold`ed text with.

    Letters in brackets are optional ("service(s) mixte(s)"); a space matches any run of
    spaces, no-break ones included, and either apostrophe matches both.
    """
    parts: list[str] = []
    for piece in re.split(r"(\([^()]*\))", fold(variant).strip()):
        optional = piece.startswith("(")
        words = (piece[1:-1] if optional else piece).split(" ")
        body = _SPACES.join(re.escape(word) for word in words)
        body = re.sub("['\u2019]", lambda _: _APOSTROPHES, body)
        parts.append(f"(?:{body})?" if optional else body)
    return re.compile(r"(?<!\w)" + "".join(parts) + r"(?!\w)")


@dataclass(frozen=True)
class _Rule:
    entry: GlossaryEntry
    language: str
    pattern: re.Pattern[str]

    def problem(self, path: str, line: int, found: str) -> Problem:
        return Problem(
            path,
            line,
            Message.of(
                "glossary_variant",
                found=Quoted(found),
                preferred=Quoted(self.entry.term.root[self.language]),
                entry=Localized(self.entry.id, self.entry.term.root),
            ),
        )


def _in_quotation(text: str, position: int) -> bool:
    before = text[:position]
    return any(before.count(start) > before.count(end) for start, end in _QUOTATION_MARKS)


def _texts(value: Any, location: Location) -> Iterator[tuple[Location, str]]:
    """Every string of a YAML document with its place."""
    if isinstance(value, str):
        yield location, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*location, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*location, index))


def _is_seed_wording(path: str, location: Location) -> bool:
    for files, steps in SEED_WORDING:
        if (
            fnmatch(path, files)
            and len(location) == len(steps) + 1
            and all(step in ("*", place) for step, place in zip(steps, location, strict=False))
        ):
            return True
    return False


def _line(
    document: SourceDocument, lines: list[str], location: Location, text: str, at: int
) -> int:
    """The source line of a character of a text: its key's line, plus the lines before it."""
    line = document.line_of(location)
    key_line = lines[line - 1] if 0 < line <= len(lines) else ""
    starts_below = 1 if _BLOCK_SCALAR.search(key_line) else 0
    return line + starts_below + text.count("\n", 0, at)


def _file_problems(
    document: SourceDocument, lines: list[str], rules: list[_Rule], languages: frozenset[str]
) -> Iterator[Problem]:
    for location, text in _texts(document.data, ()):
        if _is_seed_wording(document.path, location):
            continue
        # A text under a language key is checked against that language's variants only.
        language = next((str(step) for step in reversed(location) if step in languages), None)
        folded = fold(text)
        for rule in rules:
            if language is not None and rule.language != language:
                continue
            for match in rule.pattern.finditer(folded):
                if rule.entry.allowed_in_quotations and _in_quotation(text, match.start()):
                    continue
                line = _line(document, lines, location, text, match.start())
                yield rule.problem(document.path, line, text[match.start() : match.end()])


def _checked_files(root: Path) -> list[str]:
    found = {
        path.relative_to(root).as_posix()
        for pattern in CHECKED_FILES
        for path in root.glob(pattern)
        if path.is_file()
    }
    found.discard(GLOSSARY)
    return sorted(found)


def check_glossary(root: Path) -> list[Problem]:
    """Every avoided variant in the checked files under `root`, sorted by file and line.

    Without a glossary there is nothing to check; a glossary that does not validate is
    reported instead, as `playbook validate` would.
    """
    collector = ProblemCollector()
    sources = read_sources(root, collector)
    if sources.glossary is None:
        return sorted(p for p in collector.problems if p.path == GLOSSARY)
    codes = sources.languages.value.languages if sources.languages else ()
    languages = frozenset(language.code for language in codes)
    rules = [
        _Rule(entry, language, variant_pattern(variant))
        for entry in sources.glossary.value.terms
        for language, variants in sorted(entry.avoid.items())
        for variant in variants
    ]
    found: list[Problem] = []
    for relative in _checked_files(root):
        outcome = read_yaml(root / relative, relative)
        if isinstance(outcome, Problem):
            found.append(outcome)
            continue
        lines = (root / relative).read_text(encoding="utf-8").splitlines()
        found.extend(_file_problems(outcome, lines, rules, languages))
    return sorted(set(found))

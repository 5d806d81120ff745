"""User errors (bad content) are kept apart from bugs.

A `ContentError` carries every problem found, each tied to a file and line, so an
editor fixes them all in one pass; anything else that escapes is a bug and may
show a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.i18n import Message


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content: where it is, what is wrong, and how to fix it."""

    path: str
    line: int
    message: Message

    def render(self, language: str | None = None) -> str:
        return (
            f"{self.path}:{self.line}: {self.message.what(language)} — {self.message.fix(language)}"
        )

    def __str__(self) -> str:
        return self.render()


class ContentError(Exception):
    """The content cannot be published as it stands."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(problem) for problem in self.problems))

    def __str__(self) -> str:
        # Rendered when shown, so the reader's language applies.
        return "\n".join(str(problem) for problem in self.problems)


class ProblemCollector:
    """Gathers problems during a pass so all of them are reported together."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str | Path, line: int, code: str, /, **args: Any) -> None:
        self.problems.append(Problem(str(path), line, Message.of(code, **args)))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    def raise_if_any(self) -> None:
        if self.problems:
            raise ContentError(self.problems)


class UsageError(Exception):
    """The command was asked for something it cannot do (e.g. an unknown language)."""

"""What a long command is doing, shown to the person waiting for it.

On a terminal, one line rewritten in place ("PDFs printed: 12 of 52"); elsewhere (a
CI log, a file), one line per step, and for the PDFs a line every tenth or so of
them. The lines go to standard error, so the command's own output stays clean.
"""

from __future__ import annotations

import logging
import math
import os
import shutil
from collections.abc import Callable
from typing import TextIO

from generator.i18n import say
from generator.pipeline import BuildStep

__all__ = ["BuildProgress"]

_LINES_FOR_PDFS = 10
"""At most this many lines (and the last) for the PDFs, when not on a terminal."""


class BuildProgress:
    """A `Progress` for the pipeline, used as a context: the line is cleared on the way out.

    While it is open, MkDocs' messages clear the line before they show, so the two never
    mix. `quiet` shows nothing.
    """

    def __init__(self, stream: TextIO, quiet: bool = False) -> None:
        self.stream = stream
        self.quiet = quiet
        self.live = stream.isatty() and os.environ.get("TERM") != "dumb"
        """On a terminal: one line, rewritten."""
        self._shown = False
        self._last = ""
        self._logger = logging.getLogger("mkdocs")
        self._filter = _Before(self.finish)

    def __enter__(self) -> BuildProgress:
        for handler in self._logger.handlers:
            handler.addFilter(self._filter)
        return self

    def __exit__(self, *exception: object) -> None:
        for handler in self._logger.handlers:
            handler.removeFilter(self._filter)
        self.finish()

    def __call__(self, step: BuildStep) -> None:
        text = None if self.quiet else self._text(step)
        if text is None or text == self._last:
            return
        self._last = text
        if self.live:
            width = shutil.get_terminal_size().columns - 1
            self.stream.write(f"\r{text[:width]}\x1b[K")
            self._shown = True
        else:
            self.stream.write(f"{text}\n")
        self.stream.flush()

    def finish(self) -> None:
        """Clear the rewritten line, so what comes next starts on a clean line."""
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False

    def _text(self, step: BuildStep) -> str | None:
        """The words for a step, or None when there is nothing new to say here."""
        if step.stage == "pdfs" and step.total:
            if not self.live and not _milestone(step.done, step.total):
                return None
            return say("progress_pdfs_count", done=step.done, total=step.total)
        if step.stage == "pages" and step.item:
            return say(
                "progress_pages_language", language=step.item, done=step.done, total=step.total
            )
        return say(f"progress_{step.stage}")


class _Before(logging.Filter):
    """Calls `action` before a message is shown; filters nothing out."""

    def __init__(self, action: Callable[[], None]) -> None:
        super().__init__()
        self.action = action

    def filter(self, record: logging.LogRecord) -> bool:
        self.action()
        return True


def _milestone(done: int, total: int) -> bool:
    """The first, the last, and about one in ten PDFs in between."""
    return done in (0, total) or done % math.ceil(total / _LINES_FOR_PDFS) == 0

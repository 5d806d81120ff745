"""Helpers the print tests share: text as it reads on paper, and edits to a project copy."""

from __future__ import annotations

import re
import subprocess
from html import unescape
from pathlib import Path

from real_site import without_typography

from generator.model import Model
from generator.render.markdown_text import to_inline_html
from generator.schema.text import LocalizedText

DOCUMENTS = (
    "checklist-delivery",
    "checklist-design",
    "checklist-implementation",
    "checklist-phase-out",
    "model-worksheet",
    "playbook",
    "tally-sheet",
    "worksheet-accessible",
    "worksheet-consistent",
    "worksheet-efficient",
    "worksheet-integrity",
    "worksheet-responsive",
    "worksheet-secure",
    "worksheet-simple",
)
"""Every printed document of the real content: one checklist per stage, the whole-model
worksheet, the playbook, the tally sheet, one worksheet per attribute. Written out, not
computed."""

SIZES = ("letter", "a4")
"""Letter first, the Canadian default; then A4."""

EVERY_PDF = frozenset(
    f"{language}/downloads/{key}-{size}.pdf"
    for language in ("en", "fr")
    for key in DOCUMENTS
    for size in SIZES
)
"""Every PDF of the real content, by its path under `docs/` (`fr/downloads/playbook-a4.pdf`)."""


def normalized(text: str) -> str:
    """Whitespace (line breaks, non-breaking spaces) as single spaces, typography undone."""
    return without_typography(" ".join(text.split()))


def pdf_text(data: bytes) -> str:
    """The text of a PDF as a reader copies it, line breaks as spaces.

    Read by Poppler's pdftotext (Debian: poppler-utils), twenty times faster than pypdf,
    in the order the text was written (`-raw`), so a table's cells are not interleaved
    line by line. A line that ends on a word's own hyphen ("co-" then "design") is joined back.
    """
    command = ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"]
    pages = subprocess.run(command, input=data, capture_output=True, check=True).stdout
    text = pages.decode("utf-8")
    return normalized(re.sub(r"(?<=\w-)\n(?=\w)", "", text))


def printed_words(value: LocalizedText | str, language: str = "en") -> str:
    """A text as it reads on paper: Markdown rendered, markup dropped, spaces normalized."""
    text = value if isinstance(value, str) else value[language]
    return normalized(unescape(re.sub(r"<[^>]+>", "", str(to_inline_html(text)))))


def replace_once(path: Path, old: str, new: str) -> None:
    """Replace text that occurs exactly once in a file of a project copy."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path.name} should hold {old!r} once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def edit_statement(root: Path, model: Model, statement_id: str, language: str, new: str) -> None:
    """Replace one statement's text in one language in a copy's attribute file."""
    statement = model.statement(statement_id)
    attribute = model.attribute_of(statement)
    path = root / "content" / "attributes" / f"{attribute.id}.yml"
    replace_once(path, f'{language}: "{statement.text[language]}"', f'{language}: "{new}"')

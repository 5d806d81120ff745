"""Helpers the print tests share: text as it reads on paper, and edits to a project copy."""

from __future__ import annotations

import hashlib
import io
import re
from html import unescape
from pathlib import Path

from pypdf import PdfReader
from real_site import without_typography

from generator.model import Model
from generator.render.markdown_text import to_inline_html
from generator.schema.text import LocalizedText


def normalized(text: str) -> str:
    """Whitespace (line breaks, non-breaking spaces) as single spaces, typography undone."""
    return without_typography(" ".join(text.split()))


def pdf_text(data: bytes) -> str:
    """The text of a PDF as a reader copies it, line breaks as spaces.

    A line that ends on a word's own hyphen ("co-" then "design") is joined back.
    """
    pages = (page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return normalized(re.sub(r"(?<=\w-)\n(?=\w)", "", " ".join(pages)))


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


def fake_pdf(html: str, stylesheets: tuple[str, ...]) -> bytes:
    """Stands in for WeasyPrint where only which PDFs are printed matters; differs by HTML."""
    return b"%PDF-1.7 printed by the test " + hashlib.sha256(html.encode()).hexdigest().encode()

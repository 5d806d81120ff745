"""Content Markdown to HTML, with raw HTML escaped, no image, and only allowed links kept.

Validation already refuses raw HTML, images and links that are not allowed
(generator/schema/markdown.py); dropping them here as well means a gap in
validation can never become markup on the site or in a PDF.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import markdown
from markupsafe import Markup

from generator.schema.markdown import SafeMarkdown

# Anything Markdown could act on: its marks, characters HTML escapes, a line break,
# spaces at either end, or a line starting like a numbered list. Most texts are plain
# sentences with none of these, and are one paragraph of themselves.
_MARKDOWN_SYNTAX = re.compile(r"[\\`*_\[\]<>&#!|~=+\-]|^\s|\s$|^\d+[.)]|[\n\r\t]|  ")


@cache
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=[SafeMarkdown(), "sane_lists"], output_format="html")


@lru_cache(maxsize=4096)
def to_html(text: str) -> Markup:
    """Block Markdown (paragraphs, lists) as safe HTML; a text repeated on many pages once."""
    if text and not _MARKDOWN_SYNTAX.search(text):
        return Markup(f"<p>{text}</p>")
    converter = _converter()
    converter.reset()
    return Markup(converter.convert(text))


def to_inline_html(text: str) -> Markup:
    """Inline Markdown (emphasis, links) as safe HTML, without the wrapping paragraph."""
    html = str(to_html(text)).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)

"""Content Markdown to HTML, with raw HTML escaped and only safe links kept.

Validation already refuses raw HTML and script links; escaping here as well means
a gap in validation can never become markup on the site.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import markdown
from markupsafe import Markup

_SAFE_HREF = re.compile(r"^(https?://|mailto:|#|/|\.|[a-z0-9-]+/)", re.IGNORECASE)

# Anything Markdown could act on: its marks, characters HTML escapes, a line break,
# spaces at either end, or a line starting like a numbered list. Most texts are plain
# sentences with none of these, and are one paragraph of themselves.
_MARKDOWN_SYNTAX = re.compile(r"[\\`*_\[\]<>&#!|~=+\-]|^\s|\s$|^\d+[.)]|[\n\r\t]|  ")


class _EscapeRawHtml(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_DropUnsafeLinks(md), "drop_unsafe_links", 0)


class _DropUnsafeLinks(markdown.treeprocessors.Treeprocessor):
    def run(self, root: markdown.util.etree.Element) -> None:  # type: ignore[name-defined]
        for link in root.iter("a"):
            if not _SAFE_HREF.match(link.get("href", "")):
                link.attrib.pop("href", None)


@cache
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=[_EscapeRawHtml(), "sane_lists"], output_format="html")


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

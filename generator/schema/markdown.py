"""What content Markdown may link to and embed, decided once for validation and rendering.

The site promises no request to another host and the PDFs embed nothing from the
build machine, so content embeds no image at all, and links only to `https:` and
`mailto:` addresses and to pages of the site (`#anchor`, `page/`, `/page/`).
A protocol-relative `//host` is another host. The check runs on what Markdown
itself makes of the text, with HTML entities decoded as a browser would, so an
encoded form (`&#102;ile:`, `java&#09;script:`) is judged by what it means.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ElementTree
from functools import cache

import markdown
from markdown.treeprocessors import Treeprocessor

__all__ = ["SafeMarkdown", "allowed_href", "refusal"]

ALLOWED_SCHEMES = ("https", "mailto")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_IGNORED = re.compile(r"[\x00-\x20\x7f]")
"""What a browser drops from a URL (spaces, tabs, line breaks, control characters)."""


def allowed_href(href: str) -> bool:
    """True for an https: or mailto: address, an anchor, or a path on this site."""
    url = _IGNORED.sub("", html.unescape(href))
    scheme = _SCHEME.match(url)
    if scheme:
        return scheme.group(1).lower() in ALLOWED_SCHEMES
    # Browsers read a backslash as a slash: `/\host` and `\\host` are other hosts.
    return not url.startswith("//") and "\\" not in url


class _Police(Treeprocessor):
    """Drops images and links that are not allowed, noting each one in `refused`."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.refused: list[tuple[str, str]] = []

    def run(self, root: ElementTree.Element) -> None:
        for parent in list(root.iter()):
            for child in list(parent):
                if child.tag == "img":
                    self.refused.append(("image", child.get("src", "")))
                    _remove_keeping_tail(parent, child)
                elif child.tag == "a" and not allowed_href(child.get("href", "")):
                    self.refused.append(("link", child.get("href", "")))
                    child.attrib.pop("href", None)


def _remove_keeping_tail(parent: ElementTree.Element, child: ElementTree.Element) -> None:
    tail = child.tail or ""
    index = list(parent).index(child)
    if index:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(child)


class SafeMarkdown(markdown.Extension):
    """Raw HTML shown as text, images dropped, only allowed links kept."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_Police(md), "safe_markdown", 0)


@cache
def _checker() -> markdown.Markdown:
    return markdown.Markdown(extensions=[SafeMarkdown(), "sane_lists"], output_format="html")


def refusal(text: str) -> tuple[str, str] | None:
    """('image' or 'link', target) for the first thing `text` may not embed or link to."""
    if "[" not in text:
        return None  # no image or link without a bracket
    checker = _checker()
    police: _Police = checker.treeprocessors["safe_markdown"]  # type: ignore[assignment]
    checker.reset()
    police.refused.clear()
    checker.convert(text)
    return police.refused[0] if police.refused else None

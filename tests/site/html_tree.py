"""A built page as an ElementTree, from the standard library's HTML parser.

The site's HTML is valid (the Nu Html Checker gate checks it), so a plain tree
builder that knows the void elements is enough to walk sections, lists and labels.
"""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from xml.etree.ElementTree import Element, SubElement

from real_site import without_typography

VOID_ELEMENTS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("document")
        self._open = [self.root]

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        element = SubElement(self._open[-1], tag, {k: v or "" for k, v in attributes})
        if tag not in VOID_ELEMENTS:
            self._open.append(element)

    def handle_startendtag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        SubElement(self._open[-1], tag, {k: v or "" for k, v in attributes})

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._open) - 1, 0, -1):
            if self._open[depth].tag == tag:
                del self._open[depth:]
                return

    def handle_data(self, data: str) -> None:
        parent = self._open[-1]
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + data
        else:
            parent.text = (parent.text or "") + data


@cache
def page_tree(path: Path) -> Element:
    """The document element ('document', holding <html>) of a built page."""
    builder = _TreeBuilder()
    builder.feed(path.read_text(encoding="utf-8"))
    builder.close()
    return builder.root


def text_of(element: Element) -> str:
    """The element's words: spaces collapsed (non-breaking ones included), typography undone."""
    text = "".join(element.itertext()).replace("\xa0", " ").replace("\u202f", " ")
    return without_typography(re.sub(r"\s+", " ", text).strip())


def has_class(element: Element, name: str) -> bool:
    return name in element.get("class", "").split()


def with_class(root: Element, tag: str, name: str) -> list[Element]:
    """Every `tag` element under `root` carrying the class `name`."""
    return [element for element in root.iter(tag) if has_class(element, name)]


def one(found: list[Element], what: str) -> Element:
    """The single element of a search, or a failure naming what was looked for."""
    assert len(found) == 1, f"expected one {what}, found {len(found)}"
    return found[0]


def ancestors(root: Element, target: Element) -> list[Element]:
    """The elements enclosing `target`, nearest first (ElementTree keeps no parent links)."""
    parents = {child: parent for parent in root.iter() for child in parent}
    chain: list[Element] = []
    while target in parents:
        target = parents[target]
        chain.append(target)
    return chain

"""Every internal link and anchor of a built site leads somewhere.

A small checker of our own rather than LinkChecker: it reads the folder as the web
server will serve it (directory URLs end in `/` and mean `index.html`), never opens
a network connection, names the file and line of each broken link, and needs
nothing beyond the standard library.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.errors import Problem
from generator.i18n import Message

# Attributes that hold a URL the browser follows or fetches, by element.
_URL_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src",),
    "iframe": ("src",),
    "source": ("src",),
    "track": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "form": ("action",),
}

# The HTML standard scrolls to the top for these fragments even without such an id.
_TOP_OF_PAGE = ("", "top")


@dataclass(frozen=True)
class Link:
    line: int
    url: str


@dataclass
class Page:
    """What the checker needs from one HTML file: the ids it defines and the links it holds."""

    ids: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.ids.add(values["name"])
        line = self.getpos()[0]
        for attribute in _URL_ATTRIBUTES.get(tag, ()):
            if attribute in values:
                self.page.links.append(Link(line, values[attribute].strip()))


def read_page(path: Path) -> Page:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8", errors="replace"))
    reader.close()
    return reader.page


def is_internal(url: str) -> bool:
    """False for links to another site or another protocol (https:, mailto:, //host …)."""
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc


def resolve(site_dir: Path, page: str, url: str) -> tuple[str | None, str]:
    """The site file an internal link from `page` leads to (None if none) and its fragment."""
    parts = urlsplit(url)
    fragment = unquote(parts.fragment)
    path = unquote(parts.path)
    if not path:
        return page, fragment
    base = "" if path.startswith("/") else posixpath.dirname(page)
    target = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
    if target == ".." or target.startswith("../"):
        return None, fragment
    target = "" if target == "." else target
    candidate = site_dir / target
    if path.endswith("/") or candidate.is_dir():
        target = posixpath.join(target, "index.html")
    return (target if (site_dir / target).is_file() else None), fragment


def check_links(site_dir: Path) -> list[Problem]:
    """Every internal link, stylesheet, script and form target whose file or anchor is missing."""
    pages = {
        path.relative_to(site_dir).as_posix(): read_page(path)
        for path in sorted(site_dir.rglob("*.html"))
    }
    problems: list[Problem] = []
    for name, page in pages.items():
        for link in page.links:
            if not is_internal(link.url):
                continue
            target, fragment = resolve(site_dir, name, link.url)
            if target is None:
                message = Message.of("broken_link", target=link.url)
                problems.append(Problem(name, link.line, message))
            elif (
                target in pages
                and fragment not in _TOP_OF_PAGE
                and fragment not in pages[target].ids
            ):
                message = Message.of(
                    "missing_anchor", target=link.url, page=target, anchor=fragment
                )
                problems.append(Problem(name, link.line, message))
    return sorted(problems)

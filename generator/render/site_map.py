"""Every page of the site, its place in the hierarchy, and the URL between two pages.

Pages have the same id in every language (`model/accessible`), which is what lets
the language toggle land on the equivalent page.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from generator.assessment.example import ExampleReport
from generator.assessment.page import AssessmentPage
from generator.model import Model

HOME = "index"


@dataclass(frozen=True)
class SitePage:
    page_id: str
    template: str
    parent: str | None
    title: Any = field(compare=False)
    """A LocalizedText, or the key of a UI string."""
    context: dict[str, Any] = field(default_factory=dict, compare=False)
    in_main_menu: bool = False
    listed: bool = True
    """False for pages editors use but the public navigation leaves out."""


def page_directory(page_id: str) -> str:
    """The page's folder relative to its language root (directory URLs): '' for the home page."""
    if page_id == HOME:
        return ""
    if page_id.endswith("/index"):
        return page_id[: -len("index")]
    return page_id + "/"


@lru_cache(maxsize=65536)
def relative_url(from_page: str, to_page: str, anchor: str = "") -> str:
    """A link from one page to another of the same language, relative so the site can move.

    Remembered: every page links to the menu's pages, in every language.
    """
    start = page_directory(from_page) or "."
    target = page_directory(to_page) or "."
    path = posixpath.relpath(target, start)
    url = "./" if path == "." else path + "/"
    return url + (f"#{anchor}" if anchor else "")


def relative_file_url(from_page: str, file_path: str) -> str:
    """A link from a page to a file (a PDF) under the same language root."""
    return posixpath.relpath(file_path, page_directory(from_page) or ".")


def site_pages(model: Model) -> list[SitePage]:
    """Every page of one language, parents before children, in reading order."""
    pages = [
        SitePage(HOME, "home.html", None, "page.home"),
        SitePage("model/index", "model.html", HOME, "page.model", in_main_menu=True),
    ]
    pages += [
        SitePage(f"model/{a.id}", "attribute.html", "model/index", a.name, {"attribute": a})
        for a in model.attributes
    ]
    pages.append(
        SitePage("playbook/index", "playbook.html", HOME, "page.playbook", in_main_menu=True)
    )
    pages += [
        SitePage(f"playbook/{p.id}", "play.html", "playbook/index", p.title, {"play": p})
        for p in model.plays
    ]
    pages.append(
        SitePage("lifecycle/index", "lifecycle.html", HOME, "page.lifecycle", in_main_menu=True)
    )
    pages += [
        SitePage(f"lifecycle/{s.id}", "stage.html", "lifecycle/index", s.name, {"stage": s})
        for s in model.stages
    ]
    pages.append(
        SitePage("worksheets/index", "worksheets.html", HOME, "page.worksheets", in_main_menu=True)
    )
    pages += [
        SitePage(
            "assessment/index",
            "assessment.html",
            HOME,
            "page.assessment",
            {"form": AssessmentPage(model)},
            in_main_menu=True,
        ),
        SitePage(
            "assessment/example",
            "example-report.html",
            "assessment/index",
            "page.assessment_example",
            {"example": ExampleReport.of(model)},
        ),
    ]
    pages += [
        SitePage("about", "about.html", HOME, "page.about", in_main_menu=True),
        SitePage("search", "search.html", HOME, "page.search", listed=False),
        # For editors, reached from CONTRIBUTING.md: stale and missing translations.
        SitePage(
            "translation-status",
            "translation-status.html",
            HOME,
            "page.translation_status",
            listed=False,
        ),
    ]
    return pages

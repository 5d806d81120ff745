"""Every page of the site, its place in the hierarchy, and the URL between two pages.

Pages have the same id in every language (`model/accessible`), which is what lets
the language toggle land on the equivalent page.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, TypeVar
from unicodedata import normalize

from generator.model import Model
from generator.render.assessment_page import AssessmentPage
from generator.render.changes import changes_view
from generator.render.compare_page import ComparePage
from generator.render.comparison_view import ExampleComparison
from generator.render.print_markup import instruction_keys
from generator.render.report_view import ExampleReport
from generator.render.shared_page import SharedPage
from generator.render.team_report import ExampleWorkshop
from generator.render.workshop_page import WorkshopPage
from generator.schema.models import GlossaryEntry, Stage
from generator.schema.text import LocalizedText

HOME = "index"
GLOSSARY = "glossary"
CHANGES = "changes"


@dataclass(frozen=True)
class SitePage:
    page_id: str
    template: str
    parent: str | None
    title: LocalizedText | str = field(compare=False)
    """A content text, or the key of a word of the interface (site_templates/strings.yml)."""
    context: dict[str, Any] = field(default_factory=dict, compare=False)
    in_main_menu: bool = False
    listed: bool = True
    """False for pages editors use but the public navigation leaves out."""
    made_from: tuple[object, ...] = field(default=(), compare=False)
    """The model's objects whose texts make the page: the model knows each one's file.

    What the page is about, not the summaries it shows of other pages (a play's card
    on an attribute page belongs to the play's page)."""


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


def _words(model: Model, *groups: str) -> tuple[object, ...]:
    """The interface strings of some groups (`home` for `home.*`), for a page's `made_from`."""
    prefixes = tuple(f"{group}." for group in groups)
    return tuple(text for key, text in model.strings.items() if key.startswith(prefixes))


def _stage_checklist(model: Model, stage: Stage) -> tuple[object, ...]:
    """The stage's own checklist items and those the plays bring to it."""
    own = tuple(checklist for checklist in model.stage_checklists if checklist.stage == stage.id)
    from_plays = (
        action for play in model.plays_for(stage) for action in model.actions_at(play, stage)
    )
    return (*own, *from_plays)


def _present(item: object | None) -> tuple[object, ...]:
    return () if item is None else (item,)


def _alphabetical(terms: tuple[GlossaryEntry, ...], language: str) -> list[GlossaryEntry]:
    """Dictionary order: accented letters with their base letter (NFD puts accents last)."""
    return sorted(
        terms, key=lambda entry: normalize("NFD", entry.term.get(language) or "").casefold()
    )


def site_pages(model: Model) -> list[SitePage]:
    """Every page of one language, parents before children, in reading order."""
    example = ExampleReport.of(model)
    workshop = ExampleWorkshop.of(model)
    comparison = ExampleComparison.of(model)
    pages = [
        SitePage(
            HOME,
            "home.html",
            None,
            "page.home",
            made_from=(model.info, model.pages.home, *_words(model, "home")),
        ),
        SitePage(
            "model/index",
            "model.html",
            HOME,
            "page.model",
            in_main_menu=True,
            made_from=(
                model.info,
                model.continuum_intro,
                *model.levels,
                model.results_intro,
                *model.results,
                *_words(model, "model"),
            ),
        ),
    ]
    pages += [
        SitePage(
            f"model/{attribute.id}",
            "attribute.html",
            "model/index",
            attribute.name,
            {"attribute": attribute, "previous": previous, "next": following},
            made_from=(attribute, *_words(model, "attribute")),
        )
        for attribute, previous, following in _neighbours(model.attributes)
    ]
    pages.append(
        SitePage(
            "playbook/index",
            "playbook.html",
            HOME,
            "page.playbook",
            in_main_menu=True,
            made_from=_words(model, "playbook"),
        )
    )
    pages += [
        SitePage(
            f"playbook/{play.id}",
            "play.html",
            "playbook/index",
            play.title,
            {"play": play, "previous": previous, "next": following},
            made_from=(play, *_words(model, "play")),
        )
        for play, previous, following in _neighbours(model.plays)
    ]
    pages.append(
        SitePage(
            "lifecycle/index",
            "lifecycle.html",
            HOME,
            "page.lifecycle",
            in_main_menu=True,
            made_from=(
                model.lifecycle_intro,
                *model.stages,
                *model.channels,
                *_words(model, "lifecycle"),
            ),
        )
    )
    pages += [
        SitePage(
            f"lifecycle/{stage.id}",
            "stage.html",
            "lifecycle/index",
            stage.name,
            {"stage": stage, "previous": previous, "next": following},
            made_from=(stage, *_stage_checklist(model, stage), *_words(model, "stage")),
        )
        for stage, previous, following in _neighbours(model.stages)
    ]
    pages.append(
        SitePage(
            "worksheets/index",
            "worksheets.html",
            HOME,
            "page.worksheets",
            {"instructions": instruction_keys(model)},
            in_main_menu=True,
            made_from=_words(model, "worksheets"),
        )
    )
    pages += [
        SitePage(
            "assessment/index",
            "assessment.html",
            HOME,
            "page.assessment",
            {"form": AssessmentPage(model)},
            in_main_menu=True,
            made_from=_words(model, "assessment"),
        ),
        SitePage(
            "assessment/example",
            "example-report.html",
            "assessment/index",
            "page.assessment_example",
            {"example": example},
            made_from=(*_present(example.assessment), *_words(model, "report")),
        ),
        SitePage(
            "assessment/compare",
            "compare.html",
            "assessment/index",
            "page.assessment_compare",
            {"page_data": ComparePage(model)},
            made_from=_words(model, "compare", "comparison"),
        ),
        SitePage(
            "assessment/shared",
            "shared.html",
            "assessment/index",
            "page.assessment_shared",
            {"page_data": SharedPage(model)},
            made_from=_words(model, "share"),
        ),
        SitePage(
            "assessment/follow-up-example",
            "follow-up-example.html",
            "assessment/index",
            "followup.title",
            {"comparison": comparison},
            made_from=(
                *_present(comparison.baseline),
                *_present(comparison.follow_up),
                *_words(model, "comparison", "followup"),
            ),
        ),
        SitePage(
            "workshop/index",
            "workshop.html",
            HOME,
            "page.workshop",
            {"page_data": WorkshopPage(model)},
            made_from=_words(model, "workshop"),
        ),
        SitePage(
            "workshop/example",
            "workshop-example.html",
            "workshop/index",
            "page.workshop_example",
            {"workshop": workshop},
            made_from=(*model.workshop_example, *_words(model, "team")),
        ),
    ]
    pages += [
        SitePage(
            "about",
            "about.html",
            HOME,
            "page.about",
            in_main_menu=True,
            made_from=(model.info, model.pages.about, *_words(model, "about")),
        ),
    ]
    if model.glossary is not None:
        # Linked from every page's footer: a reference, not a place readers start from.
        terms = {code: _alphabetical(model.glossary.terms, code) for code in model.language_codes}
        pages.append(
            SitePage(
                GLOSSARY,
                "glossary.html",
                HOME,
                "page.glossary",
                {"terms": terms},
                made_from=(model.glossary, *_words(model, "glossary")),
            )
        )
    # Linked from the model page, beside the model's version.
    pages.append(
        SitePage(
            CHANGES,
            "changes.html",
            HOME,
            "page.changes",
            {"versions": changes_view(model)},
            made_from=(model.changelog, *_words(model, "changes")),
        )
    )
    pages += [
        SitePage(
            "search",
            "search.html",
            HOME,
            "page.search",
            listed=False,
            made_from=_words(model, "search"),
        ),
        # For editors, reached from CONTRIBUTING.md: stale and missing translations.
        SitePage(
            "translation-status",
            "translation-status.html",
            HOME,
            "page.translation_status",
            listed=False,
            made_from=_words(model, "status"),
        ),
    ]
    return pages


_Item = TypeVar("_Item")


def _neighbours(items: Sequence[_Item]) -> list[tuple[_Item, _Item | None, _Item | None]]:
    """Each item with the one before and the one after it (None at either end): the pager."""
    before: list[_Item | None] = [None, *items[:-1]]
    after: list[_Item | None] = [*items[1:], None]
    return list(zip(items, before, after, strict=True))

"""`render_pages(model, language)`: every page of one language as Markdown source text.

Each page is front matter (what the theme needs: title, language, breadcrumbs,
menu, the same page in other languages) and an HTML body from `site_templates/pages/`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.model import Model
from generator.render.page_sources import source_files, stale_notices
from generator.render.site_map import (
    GLOSSARY,
    HOME,
    SitePage,
    page_directory,
    relative_file_url,
    relative_url,
    site_pages,
)
from generator.render.templating import environment, plain_text
from generator.schema.text import LocalizedText
from generator.typography import typeset, typeset_html

TEMPLATES = Path(__file__).resolve().parents[2] / "site_templates"

# libyaml's safe dumper writes the same text as the pure-Python one, six times faster.
_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class Download:
    """A file offered for download from a page (a PDF), by its path under the language root."""

    path: str
    size: int
    label_key: str


def language_root(model: Model, language: str) -> str:
    """The folder of a language in the built site: '' for the default language."""
    return "" if language == model.default_language else f"{language}/"


def _up_to_site_root(model: Model, language: str, page_id: str) -> str:
    depth = page_directory(page_id).count("/") + (0 if language == model.default_language else 1)
    return "../" * depth


class _PageRenderer:
    def __init__(
        self, model: Model, language: str, templates: Path, downloads: Mapping[str, Download]
    ):
        self.model = model
        self.language = language
        self.env = environment(templates / "pages")
        self.pages = site_pages(model)
        self.by_id = {page.page_id: page for page in self.pages}
        self.downloads = downloads
        self.base = {"model": model, "lang": language, "default_language": model.default_language}

    def plain(self, value: LocalizedText | str) -> str:
        return plain_text(self.model, value, self.language)

    def title(self, page: SitePage) -> str:
        return self.plain(page.title)

    def breadcrumbs(self, page: SitePage) -> list[dict[str, str]]:
        trail: list[dict[str, str]] = []
        parent = page.parent
        while parent is not None:
            ancestor = self.by_id[parent]
            trail.insert(
                0, {"title": self.title(ancestor), "url": relative_url(page.page_id, parent)}
            )
            parent = ancestor.parent
        return trail

    def menu(self, page: SitePage) -> list[dict[str, Any]]:
        items = []
        for entry in self.pages:
            if not entry.in_main_menu:
                continue
            current = page.page_id == entry.page_id
            section = page.page_id.startswith(page_directory(entry.page_id)) and not current
            items.append(
                {
                    "title": self.title(entry),
                    "url": relative_url(page.page_id, entry.page_id),
                    "current": "page" if current else ("true" if section else ""),
                }
            )
        return items

    def alternates(self, page: SitePage) -> list[dict[str, str]]:
        up = _up_to_site_root(self.model, self.language, page.page_id)
        return [
            {
                "code": language.code,
                "locale": language.locale,
                "name": language.name,
                # The default language's home page points to itself: "" is not a valid href.
                "url": up + language_root(self.model, language.code) + page_directory(page.page_id)
                or "./",
            }
            for language in self.model.languages
        ]

    def render(self, page: SitePage) -> str:
        def url(to_page: str, anchor: str = "") -> str:
            if to_page not in self.by_id:
                raise KeyError(f"no page '{to_page}' in the site map")
            return relative_url(page.page_id, to_page, anchor)

        def download(key: str) -> dict[str, Any] | None:
            found = self.downloads.get(key)
            if found is None:
                return None
            return {
                "url": relative_file_url(page.page_id, found.path),
                "kilobytes": max(1, round(found.size / 1024)),
                "label_key": found.label_key,
            }

        alternates = self.alternates(page)
        notices = stale_notices(self.model, page, self.language)
        body = self.env.get_template(page.template).render(
            **self.base,
            **page.context,
            page=page,
            url=url,
            download=download,
            pages=self.pages,
            stale_notices=[notice.as_data(alternates) for notice in notices],
        )
        language = self.model.language(self.language)
        meta = {
            "title": self.title(page),
            "lang": language.code,
            "locale": language.locale,
            "page_id": page.page_id,
            "home_url": relative_url(page.page_id, HOME),
            "search_url": relative_url(page.page_id, "search"),
            "about_url": relative_url(page.page_id, "about"),
            "breadcrumbs": self.breadcrumbs(page),
            "menu": self.menu(page),
            "alternates": alternates,
            "source_files": source_files(self.model, page),
            "site_title": self.plain(self.model.info.short_title),
            "draft_label": self.plain("site.draft_label"),
            "draft_notice": self.plain(self.model.info.status.notice),
            "strings": {key: typeset(self.plain(key), self.language) for key in _THEME_STRINGS},
            "search_exclude": not page.listed,
        }
        if GLOSSARY in self.by_id:
            meta["glossary_url"] = relative_url(page.page_id, GLOSSARY)
            meta["glossary_title"] = self.title(self.by_id[GLOSSARY])
        body = typeset_html(body, self.language)
        front_matter = yaml.dump(
            meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=True, width=1000
        )
        return f"---\n{front_matter}---\n\n{body.strip()}\n"


_THEME_STRINGS = (
    "site.skip_link",
    "site.main_menu",
    "site.language_menu",
    "site.breadcrumb",
    "site.search_label",
    "site.search_button",
    "site.footer_heading",
    "site.footer_text",
    "site.footer_source",
    "page.about",
    "site.menu",
    "site.draft_short",
    "page_tools.heading",
    "page_tools.edit",
    "page_tools.report",
)


def render_pages(
    model: Model,
    language: str,
    templates: Path = TEMPLATES,
    downloads: Mapping[str, Download] | None = None,
) -> dict[str, str]:
    """Every page of one language, keyed by its path under that language's docs folder."""
    renderer = _PageRenderer(model, language, templates, downloads or {})
    return {f"{page.page_id}.md": renderer.render(page) for page in renderer.pages}


def render_site(
    model: Model,
    templates: Path = TEMPLATES,
    downloads: Mapping[str, Mapping[str, Download]] | None = None,
    on_language: Callable[[str], None] | None = None,
) -> dict[str, str]:
    """Every page of every language, keyed by path under `docs/` (`fr/model/index.md`).

    `on_language` is told each language once its pages are rendered.
    """
    pages: dict[str, str] = {}
    for language in model.language_codes:
        per_language = (downloads or {}).get(language, {})
        for path, text in render_pages(model, language, templates, per_language).items():
            pages[f"{language}/{path}"] = text
        if on_language:
            on_language(language)
    return pages

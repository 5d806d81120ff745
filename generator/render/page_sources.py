"""What a page is made from: its source files, and its texts whose translation went stale.

Both come from the model: a page names the objects it shows (`SitePage.made_from`),
the model knows the file and key each was loaded from, and the translation status
knows which texts changed in one language since both were last confirmed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator.model import Model
from generator.render.markdown_text import to_html
from generator.render.site_map import SitePage
from generator.schema.origins import Origin
from generator.typography import typeset

__all__ = ["StaleNotice", "page_origins", "source_files", "stale_notices"]

EXCERPT_WORDS = 12
"""A stale text is shown by its first words: enough to find it on the page."""


def page_origins(model: Model, page: SitePage) -> list[Origin]:
    """Where the page's objects (and its title, when it is an interface string) come from."""
    title = (model.strings.get(page.title),) if isinstance(page.title, str) else ()
    found = (model.origin_of(item) for item in (*page.made_from, *title))
    return [origin for origin in found if origin is not None]


def source_files(model: Model, page: SitePage) -> list[str]:
    """The files the page is made from, in the order the page names them, each once."""
    return list(dict.fromkeys(origin.file for origin in page_origins(model, page)))


@dataclass(frozen=True)
class StaleNotice:
    """Texts of a page whose translation may not match, for a reader of one language."""

    newer_here: bool
    """True when the reader's language has the newer text and the others may lag behind."""
    excerpts: tuple[str, ...]
    """The first words of each text, in the reader's language."""
    languages: tuple[str, ...]
    """The other languages: where the text changed, or where it has not been updated yet."""

    def as_data(self, alternates: Sequence[Mapping[str, str]]) -> dict[str, Any]:
        """For the page's front matter; `alternates` are the page in every language."""
        return {
            "newer_here": self.newer_here,
            "excerpts": list(self.excerpts),
            "links": [link for link in alternates if link["code"] in self.languages],
        }


def excerpt(text: str, words: int = EXCERPT_WORDS) -> str:
    """The text as a reader sees it (no Markdown signs), cut after a few words."""
    shown = Markup(to_html(text)).striptags().split()
    return " ".join(shown[:words]) + ("…" if len(shown) > words else "")


def stale_notices(model: Model, page: SitePage, language: str) -> list[StaleNotice]:
    """The page's stale texts for a reader of `language`, grouped by the languages involved.

    A text stale in this language changed elsewhere (the reader may see an old version);
    a text changed in this language is stale elsewhere (other readers may).
    """
    origins = page_origins(model, page)
    groups: dict[tuple[bool, tuple[str, ...]], list[str]] = {}
    for stale in model.translation_status.stale:
        if not any(origin.holds(stale.text.file, stale.text.key) for origin in origins):
            continue
        if stale.language == language:
            group = (False, stale.changed)
        elif language in stale.changed:
            group = (True, (stale.language,))
        else:
            continue
        wording = stale.text.get(language)
        shown = groups.setdefault(group, [])
        if wording is not None and typeset(excerpt(wording), language) not in shown:
            shown.append(typeset(excerpt(wording), language))
    return [
        StaleNotice(newer_here, tuple(excerpts), languages)
        for (newer_here, languages), excerpts in groups.items()
    ]

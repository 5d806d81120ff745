"""The 404 page's words in every language: one page serves every language's missing URLs."""

from __future__ import annotations

from generator.model import Model
from generator.render.localized import string_in
from generator.render.pages import language_root

__all__ = ["not_found_pages"]


def not_found_pages(model: Model) -> list[dict[str, str]]:
    """For each language, its locale, its root folder and the 404 page's words."""

    return [
        {
            "locale": language.locale,
            "root": language_root(model, language.code),
            "title": string_in(model, "notfound.title", language.code),
            "text": string_in(model, "notfound.text", language.code),
            "home": string_in(model, "notfound.home", language.code),
        }
        for language in model.languages
    ]

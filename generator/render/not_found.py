"""The 404 page's words in every language: one page serves every language's missing URLs."""

from __future__ import annotations

from generator.model import Model
from generator.render.pages import language_root

__all__ = ["not_found_pages"]


def not_found_pages(model: Model) -> list[dict[str, str]]:
    """For each language, its locale, its root folder and the 404 page's words."""

    def word(key: str, code: str) -> str:
        return model.strings[key].get(code) or model.strings[key][model.default_language]

    return [
        {
            "locale": language.locale,
            "root": language_root(model, language.code),
            "title": word("notfound.title", language.code),
            "text": word("notfound.text", language.code),
            "home": word("notfound.home", language.code),
        }
        for language in model.languages
    ]

"""This text in that language, else the default language's: the one fallback rule.

A language being added (`complete: false` in content/languages.yml) lacks some
texts; every renderer shows the default language's text there, and knows it did,
so a page can mark it "not yet translated" in the text's own language.
"""

from __future__ import annotations

from generator.model import Model
from generator.schema.text import LocalizedText

__all__ = ["string_in", "text_in"]


def text_in(value: LocalizedText, language: str, default: str) -> tuple[str, str | None]:
    """`value` in `language` and None; or, when it has none, its `default` text and `default`."""
    text = value.get(language)
    if text is not None:
        return text, None
    return value[default], default


def string_in(model: Model, key: str, language: str) -> str:
    """A word of the interface (site_templates/strings.yml) in `language`, else the default's."""
    if key not in model.strings:
        raise KeyError(f"site_templates/strings.yml has no key '{key}'")
    return text_in(model.strings[key], language, model.default_language)[0]

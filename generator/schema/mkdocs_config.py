"""mkdocs.yml's language list, checked against content/languages.yml.

MkDocs validates mkdocs-static-i18n's options before any plugin runs, so the list
cannot be left out of mkdocs.yml and filled in from our content: it is read back
here, as YAML with its lines, and every entry that differs from content/languages.yml
is reported at its own line. Adding a language stays a change to two configuration
files, and a build that finds them apart says where.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generator.errors import Problem
from generator.i18n import Message
from generator.schema.loader import Location, SourceDocument, read_yaml

__all__ = ["I18N_PLUGIN", "site_language_problems"]

I18N_PLUGIN = "i18n"
"""mkdocs-static-i18n's name in mkdocs.yml's `plugins:`."""


def site_language_problems(config_file: Path, codes: Sequence[str], shown_as: str) -> list[Problem]:
    """Where mkdocs.yml's i18n `languages:` differ from `codes`, in order; [] when they agree."""
    document = read_yaml(config_file, shown_as)
    if isinstance(document, Problem):
        return [document]
    where, entries = _i18n_languages(document)
    configured = [entry.get("locale") if isinstance(entry, dict) else None for entry in entries]
    if configured == list(codes):
        return []
    # The first entry that differs or is one too many; the list itself when it lacks some.
    differs = [
        n for n, (found, code) in enumerate(zip(configured, codes, strict=False)) if found != code
    ]
    index = differs[0] if differs else len(codes) if len(configured) > len(codes) else None
    location = (*where, index, "locale") if index is not None else where
    message = Message.of(
        "i18n_languages_mismatch",
        configured=", ".join(str(locale) for locale in configured) or "—",
        languages=", ".join(codes),
    )
    return [Problem(shown_as, document.line_of(location), message)]


def _i18n_languages(document: SourceDocument) -> tuple[Location, list[Any]]:
    """Where the i18n plugin's `languages:` list is, and its entries ([] when absent)."""
    plugins = document.data.get("plugins") if isinstance(document.data, dict) else None
    places: list[Location]
    if isinstance(plugins, dict):  # MkDocs takes `plugins:` as a mapping too
        plugins, places = [plugins], [("plugins",)]
    elif isinstance(plugins, list):
        places = [("plugins", index) for index in range(len(plugins))]
    else:
        plugins, places = [], []
    for plugin, place in zip(plugins, places, strict=True):
        if isinstance(plugin, dict) and I18N_PLUGIN in plugin:
            options = plugin[I18N_PLUGIN]
            languages = options.get("languages") if isinstance(options, dict) else None
            where: Location = (*place, I18N_PLUGIN, "languages")
            return where, languages if isinstance(languages, list) else []
    return ("plugins",), []

"""A copy of the real project with a third language, built once for the translation tests.

The copy records its translations as confirmed, changes one English text after that,
and adds Spanish by configuration only (content/languages.yml and mkdocs.yml), so the
build shows fallbacks, markers, missing texts and a stale translation.

A module of its own rather than conftest.py: tests import its names, and several test
folders have a conftest.py, so `from conftest import ...` would find whichever came first.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

# real_site.py is shared by the site, browser, quality and translation tests (one module).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))

from real_site import build_in_process, built_site, copy_project

from generator.load import load
from generator.model import Model
from generator.translations import confirmed, write_lock

THIRD = "es"
THIRD_LANGUAGE = "  - code: es\n    name: Español\n    locale: es\n    complete: false\n"
THIRD_IN_MKDOCS = "        - locale: es\n          name: Español\n          build: true\n"
EDIT_MARK = " (edited after the translations were confirmed)"


@dataclass(frozen=True)
class ThreeLanguageSite:
    root: Path
    site: Path
    model: Model
    edited_file: str
    edited_key: str


def add_language(root: Path) -> None:
    """What CONTRIBUTING.md asks of someone adding a language: two lines of configuration."""
    languages = root / "content" / "languages.yml"
    text = languages.read_text(encoding="utf-8")
    assert text.count("\ndefault:") == 1
    languages.write_text(text.replace("\ndefault:", f"\n{THIRD_LANGUAGE}default:"), "utf-8")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    last_locale = text.rindex("        - locale:")
    end = text.index("\n", text.index("build: true", last_locale)) + 1
    config.write_text(text[:end] + THIRD_IN_MKDOCS + text[end:], "utf-8")


def edit_english_after_the_lock(root: Path) -> tuple[str, str]:
    """Change the first result's English text; its French translation becomes stale."""
    result = load(root).results[0]
    path = root / "content" / "results.yml"
    text = path.read_text(encoding="utf-8")
    english = result.text["en"]
    assert text.count(english) == 1, "the first result's English text should stand once"
    path.write_text(text.replace(english, english + EDIT_MARK), encoding="utf-8")
    return "content/results.yml", f"results[{result.id}].text"


def build_three_languages(tmp_path_factory: pytest.TempPathFactory) -> ThreeLanguageSite:
    """Copy the project, confirm its translations, edit one English text, add Spanish, build."""
    base = tmp_path_factory.mktemp("third-language")
    root = copy_project(base / "project")
    write_lock(root, confirmed(load(root).translation_status))
    edited_file, edited_key = edit_english_after_the_lock(root)
    add_language(root)
    # A copy of the real site's cache: its English and French PDFs serve again; the Spanish
    # ones (and those the edit changes) are stand-ins, as nothing here reads a PDF.
    cache = base / "cache"
    shutil.copytree(built_site(tmp_path_factory).cache, cache)
    build_in_process(root, base / "site", cache)
    return ThreeLanguageSite(root, base / "site", load(root), edited_file, edited_key)

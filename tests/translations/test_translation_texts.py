"""Every localized text of a content tree is found, with its file, line and key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from real_site import REPO_ROOT

from generator.errors import ProblemCollector
from generator.load import load
from generator.schema.reading import read_sources
from generator.translations import Text, content_texts


def texts_of(root: Path) -> tuple[Text, ...]:
    problems = ProblemCollector()
    sources = read_sources(root, problems)
    assert not problems.problems
    return content_texts(sources)


def _localized_mappings(data: Any, languages: set[str]) -> int:
    """How many mappings in raw YAML look like a localized text (language codes as keys only)."""
    if isinstance(data, dict):
        if data and set(data) <= languages and all(isinstance(v, str) for v in data.values()):
            return 1
        return sum(_localized_mappings(value, languages) for value in data.values())
    if isinstance(data, list):
        return sum(_localized_mappings(item, languages) for item in data)
    return 0


def test_a_text_is_named_by_file_line_and_key_with_item_ids(content_tree: Path) -> None:
    found = {(text.file, text.key): text for text in texts_of(content_tree)}

    statement = found[("content/attributes/simple.yml", "statements[simple-plain-language].text")]
    assert statement.line == 12  # the line of `text:`, where an editor adds a language
    assert statement.field == "text"
    assert statement.get("en") == "My services are delivered in plain language."
    assert statement.get("fr") == "Mes services sont offerts en langage clair."
    assert found[("content/results.yml", "intro")].line == 1
    assert found[("content/results.yml", "results[seamless-access].text")].line == 10


def test_ui_strings_keep_their_dotted_key_whole(content_tree: Path) -> None:
    found = {(text.file, text.key): text for text in texts_of(content_tree)}

    skip_link = found[("site_templates/strings.yml", "site.skip_link")]
    assert skip_link.field == "site.skip_link"
    assert skip_link.line == 1


def test_every_localized_text_of_the_real_content_is_found() -> None:
    # Cross-check against a plain walk of the YAML: every mapping whose keys are all
    # language codes is one text, in whichever file and field it stands.
    model = load(REPO_ROOT)
    languages = set(model.language_codes)
    status = model.translation_status
    files = sorted({text.file for text in status.texts})
    expected = sum(
        _localized_mappings(
            yaml.safe_load((REPO_ROOT / file).read_text(encoding="utf-8")), languages
        )
        for file in files
    )

    assert len(status.texts) == expected
    assert {"content/model.yml", "content/pages.yml", "site_templates/strings.yml"} <= set(files)
    assert any(file.startswith("content/attributes/") for file in files)
    assert any(file.startswith("playbook/plays/") for file in files)
    assert len({(text.file, text.key) for text in status.texts}) == len(status.texts)


def test_labels_that_exist_in_some_languages_only_are_marked_partial() -> None:
    texts = load(REPO_ROOT).translation_status.texts
    partial = {text.key for text in texts if text.partial}

    assert partial == {"alt_name"}

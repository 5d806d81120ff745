"""Text that would become markup: languages.yml, the tool's own catalogue, interface strings."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hostile_run import Playbook
from real_site import copy_project

from generator.i18n import Message
from generator.schema.text import unsafe_reason

LANGUAGES = "content/languages.yml"
CATALOGUE = Path(__file__).resolve().parents[2] / "generator" / "locales" / "messages.yml"


@pytest.mark.parametrize(
    "locale",
    [
        'fr-CA"><script>alert(1)</script>',
        "fr-CA onmouseover=alert(1)",
        "fr_CA",
        "fr-",
        "français",
        "x" * 100,
    ],
)
def test_a_locale_that_is_not_a_language_tag_is_refused(
    locale: str, content_tree: Path, playbook: Playbook
) -> None:
    path = content_tree / LANGUAGES
    text = path.read_text(encoding="utf-8").replace("locale: fr-CA", f"locale: {locale!r}")
    path.write_text(text, encoding="utf-8")
    result = playbook("validate", "--root", content_tree)
    assert result.returncode == 1
    assert f"{LANGUAGES}:7: languages[2].locale: " in result.stderr
    assert "is not a language tag" in result.stderr


@pytest.mark.parametrize(
    "name",
    ["<script>alert(1)</script>", "[Français](javascript:alert(1))", "Fran\\nçais", "F" * 81, " "],
)
def test_a_language_name_that_is_not_plain_text_is_refused(
    name: str, content_tree: Path, playbook: Playbook
) -> None:
    path = content_tree / LANGUAGES
    text = path.read_text(encoding="utf-8").replace("name: Français", f'name: "{name}"')
    path.write_text(text, encoding="utf-8")
    result = playbook("validate", "--root", content_tree)
    assert result.returncode == 1
    assert f"{LANGUAGES}:6: languages[2].name: " in result.stderr
    assert "is not a short line of plain text" in result.stderr


def test_the_tools_own_messages_follow_the_content_rules() -> None:
    """messages.yml is text too: no raw HTML, script links or control characters."""
    catalogue = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    texts = [
        text
        for section in catalogue.values()
        for entry in section.values()
        for texts in (entry.values() if "what" in entry else [entry])
        for text in texts.values()
    ]
    assert len(texts) > 200
    # The one message about script links names them, in quotes: it is not a link.
    unsafe = [
        text
        for text in texts
        if (unsafe_reason(text) or {}).get("reason") not in (None, "script")
        or any(ord(character) < 32 for character in text if character != "\n")
    ]
    assert not unsafe


def test_a_message_shows_any_value_without_failing() -> None:
    """A list, a huge key: shown shortened, and the message stays hashable and sortable."""
    message = Message.of("assessment_format_version", found=[1], supported=1)
    assert "[1]" in message.what("en")
    assert len({message, Message.of("duplicate_key", key="k" * 10_000, first_line=1)}) == 2
    assert len(Message.of("duplicate_key", key="k" * 10_000, first_line=1).what("fr")) < 500


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("{target}", "{targt}", "has {targt}, which the site does not fill in for this text"),
        ("{target}", "{target.__class__}", "has “{target.__class__}”, which is not a slot"),
        ("{target}", "{0}", "has “{0}”, which is not a slot"),
        ("{target}", "{target!r:>999999}", "which is not a slot"),
        ("{target}", "target}", "has “}”, which is not a slot"),
    ],
)
def test_a_misspelt_or_unsafe_slot_in_an_interface_string_is_refused(
    old: str, new: str, says: str, tmp_path: Path, playbook: Playbook
) -> None:
    project = copy_project(tmp_path / "project")
    strings = project / "site_templates" / "strings.yml"
    lines = strings.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines) if line.startswith("report.gap_item:"))
    assert old in lines[number]
    lines[number] = lines[number].replace(old, new)
    strings.write_text("".join(lines), encoding="utf-8")
    result = playbook("validate", "--root", project)
    assert result.returncode == 1
    where = f"site_templates/strings.yml:{number + 1}: report.gap_item: the “en” text "
    assert where in result.stderr
    assert says in result.stderr


def test_a_slot_in_one_language_only_is_refused(tmp_path: Path, playbook: Playbook) -> None:
    """Strings the browser fills in are checked too: the same slots in every language."""
    project = copy_project(tmp_path / "project")
    strings = project / "site_templates" / "strings.yml"
    text = strings.read_text(encoding="utf-8")
    broken = text.replace("« {query} »", "« {requete} »", 1)
    assert broken != text
    strings.write_text(broken, encoding="utf-8")
    result = playbook("validate", "--root", project)
    assert result.returncode == 1
    assert "search.results_count: the languages do not have the same slots" in result.stderr

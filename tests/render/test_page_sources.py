"""What each page is made from: its files, from where the model's objects were loaded,
and its texts whose translation went stale since both languages were confirmed."""

from __future__ import annotations

from pathlib import Path

from real_site import REPO_ROOT

from generator.assessment.example import with_example
from generator.load import load
from generator.model import Model
from generator.render.page_sources import source_files, stale_notices
from generator.render.site_map import SitePage, site_pages
from generator.translations import confirmed, write_lock


def page(model: Model, page_id: str) -> SitePage:
    return next(page for page in site_pages(model) if page.page_id == page_id)


def test_the_model_knows_the_file_key_and_line_of_what_it_loaded(content_tree: Path) -> None:
    model = load(content_tree)

    attribute = model.origin_of(model.attribute("accessible"))
    stage = model.origin_of(model.stage("delivery"))
    statement = model.origin_of(model.statement("accessible-choice-of-channel"))
    word = model.origin_of(model.strings["page.home"])

    assert attribute is not None and stage is not None and statement is not None
    assert (attribute.file, attribute.key, attribute.line) == (
        "content/attributes/accessible.yml",
        "",
        1,
    )
    assert (stage.file, stage.key, stage.line) == ("content/lifecycle.yml", "stages[delivery]", 12)
    assert (statement.file, statement.key, statement.line) == (
        "content/attributes/accessible.yml",
        "statements[accessible-choice-of-channel]",
        17,
    )
    assert word is not None and word.file == "site_templates/strings.yml"
    assert model.origin_of(object()) is None


def test_each_page_names_the_files_it_is_made_from(content_tree: Path) -> None:
    # The minimal tree's interface strings are only the home page's title and the skip link.
    model = load(content_tree)

    assert source_files(model, page(model, "model/accessible")) == [
        "content/attributes/accessible.yml"
    ]
    assert source_files(model, page(model, "playbook/plain-language")) == [
        "playbook/plays/01-plain-language.yml"
    ]
    # A stage page lists its own checklist and the actions the plays bring to that stage.
    assert source_files(model, page(model, "lifecycle/design")) == [
        "content/lifecycle.yml",
        "playbook/stages.yml",
        "playbook/plays/01-plain-language.yml",
    ]
    assert source_files(model, page(model, "lifecycle/delivery")) == [
        "content/lifecycle.yml",
        "playbook/plays/01-plain-language.yml",
        "playbook/plays/02-one-place.yml",
    ]
    assert source_files(model, page(model, "index")) == [
        "content/model.yml",
        "content/pages.yml",
        "site_templates/strings.yml",
    ]


def _change(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_text_changed_in_english_after_confirmation_is_noticed_on_its_page(
    content_tree: Path,
) -> None:
    write_lock(content_tree, confirmed(load(content_tree).translation_status))
    _change(
        content_tree / "content/attributes/accessible.yml",
        "I can choose the channel that suits me.",
        "I can choose the channel that suits me best, whether online, in person or by phone.",
    )
    model = load(content_tree)
    attribute_page = page(model, "model/accessible")

    [english] = stale_notices(model, attribute_page, "en")
    [french] = stale_notices(model, attribute_page, "fr")

    # The English reader has the newer text; the French one may lag behind it.
    assert english.newer_here is True
    assert english.languages == ("fr",)
    assert english.excerpts == ("I can choose the channel that suits me best, whether online, in…",)
    assert french.newer_here is False
    assert french.languages == ("en",)
    assert french.excerpts == ("Je peux choisir le mode de prestation qui me convient.",)
    # Pages that do not show the text say nothing.
    for other in ("model/simple", "model/index", "index", "playbook/one-place"):
        assert stale_notices(model, page(model, other), "en") == []
        assert stale_notices(model, page(model, other), "fr") == []


def test_a_page_whose_translations_are_confirmed_has_no_notice(content_tree: Path) -> None:
    write_lock(content_tree, confirmed(load(content_tree).translation_status))
    model = load(content_tree)

    for each in site_pages(model):
        for language in model.language_codes:
            assert stale_notices(model, each, language) == []


def test_the_example_report_page_is_made_from_the_example_file() -> None:
    model = with_example(REPO_ROOT, load(REPO_ROOT))

    assert source_files(model, page(model, "assessment/example")) == [
        "content/examples/death-notification-assessment.yml",
        "site_templates/strings.yml",
    ]


def test_the_example_comparison_page_is_made_from_both_example_files() -> None:
    model = with_example(REPO_ROOT, load(REPO_ROOT))

    assert source_files(model, page(model, "assessment/follow-up-example")) == [
        "content/examples/death-notification-assessment.yml",
        "content/examples/death-notification-follow-up.yml",
        "site_templates/strings.yml",
    ]

"""`playbook translations`: what is missing (exit 1), what is stale (exit 0), `--confirm`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator import i18n
from generator.cli import main
from generator.commands.translations import report
from generator.load import load
from generator.translations import LOCK_FILE

STATEMENT = "content/attributes/simple.yml"
ENGLISH = "      en: My services are delivered in plain language.\n"
FRENCH = "      fr: Mes services sont offerts en langage clair.\n"


def run(root: Path, *arguments: str) -> int:
    return main(["translations", "--root", str(root), *arguments])


def test_a_complete_tree_without_a_lock_has_nothing_missing_or_stale(
    content_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = run(content_tree)

    out = capsys.readouterr().out
    assert status == 0
    assert "0 missing, 0 stale" in out
    assert "not yet recorded in translations.lock" in out


def test_confirm_records_every_text_then_nothing_waits(
    content_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(content_tree, "--confirm") == 0
    assert (content_tree / LOCK_FILE).is_file()
    assert "Recorded" in capsys.readouterr().out

    assert run(content_tree) == 0
    assert "0 missing, 0 stale, 0 not yet recorded" in capsys.readouterr().out


def test_an_english_edit_makes_the_french_stale_at_its_line_without_failing(
    content_tree: Path, edit: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    run(content_tree, "--confirm")
    capsys.readouterr()
    edit.replace(STATEMENT, ENGLISH, "      en: My services use plain language.\n")

    status = run(content_tree)

    out = capsys.readouterr().out
    assert status == 0
    assert (
        f"{STATEMENT}:12: statements[simple-plain-language].text: the “fr” text may be out of date"
        in out
    )
    assert "0 missing, 1 stale" in out


def test_confirming_the_stale_text_clears_it(
    content_tree: Path, edit: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    run(content_tree, "--confirm")
    edit.replace(STATEMENT, ENGLISH, "      en: My services use plain language.\n")

    assert run(content_tree, "--confirm", f"{STATEMENT}:statements[simple-plain-language]") == 0
    assert "Recorded 1 text(s)" in capsys.readouterr().out
    assert run(content_tree) == 0
    assert "0 missing, 0 stale, 0 not yet recorded" in capsys.readouterr().out


def test_a_place_that_names_no_text_is_refused(
    content_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = run(content_tree, "--confirm", "content/atributes/")

    assert status == 2
    assert "No text is in “content/atributes/”" in capsys.readouterr().err
    assert not (content_tree / LOCK_FILE).exists()


def test_a_removed_french_line_fails_and_names_the_file_and_line(
    content_tree: Path, edit: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    edit.replace(STATEMENT, FRENCH, "")

    status = run(content_tree)

    err = capsys.readouterr().err
    assert status == 1
    assert f"{STATEMENT}:12: statements[1].text: the “fr” text is missing" in err


def test_a_language_being_added_lists_what_it_lacks_and_fails(
    content_tree: Path, edit: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    edit.replace(
        "content/languages.yml",
        "default: en\n",
        "  - code: es\n    name: Español\n    locale: es\n    complete: false\ndefault: en\n",
    )

    status = run(content_tree)

    out = capsys.readouterr().out
    assert status == 1
    assert "Not yet translated into Español (es):" in out
    assert (
        f"  {STATEMENT}:12: statements[simple-plain-language].text: the “es” text is missing" in out
    )
    assert "site_templates/strings.yml:1: site.skip_link: the “es” text is missing" in out


def test_a_broken_lock_is_reported_and_fails_but_confirm_writes_it_again(
    content_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (content_tree / LOCK_FILE).write_text("<<<<<<< HEAD\n", encoding="utf-8")

    assert run(content_tree) == 1
    assert "translations.lock:1: translations.lock cannot be read" in capsys.readouterr().out
    assert run(content_tree, "--confirm") == 0
    assert run(content_tree) == 0


def test_the_report_speaks_french(content_tree: Path, edit: Any) -> None:
    run(content_tree, "--confirm")
    edit.replace(STATEMENT, ENGLISH, "      en: My services use plain language.\n")
    i18n.set_language("fr")

    lines = report(load(content_tree))

    assert "le texte «\u00a0fr\u00a0» n’est peut-être plus à jour" in "\n".join(lines)
    assert "0 manquant(s), 1 périmé(s)" in lines[-2]

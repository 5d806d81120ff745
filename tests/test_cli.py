"""The `playbook` command line: its commands, its exit statuses and its two languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import COMMANDS, main


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])

    out = capsys.readouterr().out
    assert exited.value.code == 0
    assert "Publish the client-centric services maturity model and its playbook." in out
    for command in COMMANDS:
        assert command in out
    assert "schema" in COMMANDS


def test_help_is_in_french_in_a_french_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLAYBOOK_LANG", "fr")

    with pytest.raises(SystemExit):
        main(["--help"])

    assert "Publier le modèle de maturité" in capsys.readouterr().out


def test_a_command_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([])

    assert exited.value.code == 2
    assert "COMMAND" in capsys.readouterr().err


def test_validate_summarises_valid_content(
    content_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["validate", "--root", str(content_tree)])

    out, err = capsys.readouterr()
    assert status == 0
    assert err == ""
    assert out == (
        "The content is valid: 2 attributes, 4 statements, 2 plays, in en, fr.\n"
        "Playbook coverage: 4 of 4 statements are advanced by at least one play, "
        "and 2 of 2 lifecycle stages have plays.\n"
    )


def test_validate_summarises_in_french(
    content_tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PLAYBOOK_LANG")
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")

    status = main(["validate", "--root", str(content_tree)])

    assert status == 0
    assert capsys.readouterr().out == (
        "Le contenu est valide\u00a0: 2 attributs, 4 énoncés, 2 fiches, en en, fr.\n"
        "Couverture du livre de jeu\u00a0: au moins une fiche fait progresser 4 énoncés sur 4, "
        "et au moins une fiche s’applique à 2 étapes du cycle de vie sur 2.\n"
    )


def test_validate_proves_the_real_playbook_covers_every_statement_and_stage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = main(["validate", "--root", str(Path(__file__).resolve().parents[1])])

    assert status == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Playbook coverage: 46 of 46 statements are advanced by at least one play, "
        "and 4 of 4 lifecycle stages have plays."
    )


def test_the_root_defaults_to_the_current_folder(
    content_tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(content_tree)

    assert main(["validate"]) == 0
    assert "2 attributes" in capsys.readouterr().out


def test_a_folder_without_content_reports_each_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["validate", "--root", str(tmp_path)])

    fix = " — create it (CONTRIBUTING.md shows its shape)"
    assert status == 1
    assert capsys.readouterr().err.splitlines() == [
        f"content/changelog.yml:1: this file is missing{fix}",
        f"content/continuum.yml:1: this file is missing{fix}",
        f"content/languages.yml:1: this file is missing{fix}",
        f"content/lifecycle.yml:1: this file is missing{fix}",
        f"content/model.yml:1: this file is missing{fix}",
        f"content/pages.yml:1: this file is missing{fix}",
        f"content/results.yml:1: this file is missing{fix}",
        f"site_templates/strings.yml:1: this file is missing{fix}",
        "8 problem(s) found. Nothing was built or changed.",
    ]

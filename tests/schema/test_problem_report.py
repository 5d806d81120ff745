"""How problems reach the editor: all together, without a traceback, in their language."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.errors import ContentError
from generator.load import load

SIMPLE = "content/attributes/simple.yml"
ACCESSIBLE = "content/attributes/accessible.yml"
LANGUAGE_VARIABLES = ("PLAYBOOK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def break_two_files(edit) -> None:
    """An empty text in simple.yml (line 19) and an unknown language in accessible.yml (line 5)."""
    edit.replace(SIMPLE, "en: My experience is personalized.", 'en: ""')
    edit.replace(
        ACCESSIBLE,
        "  fr: Convivialité et accessibilité\n",
        "  fr: Convivialité et accessibilité\n  es: Accesible\n",
    )


def remove_a_french_text(edit) -> None:
    edit.replace(SIMPLE, "      fr: Mes services sont offerts en langage clair.\n", "")


def playbook_script() -> Path:
    """The `playbook` console script installed beside this interpreter."""
    script = Path(sys.executable).parent / "playbook"
    if not script.is_file():
        pytest.skip(f"the playbook console script is not installed in {script.parent}")
    return script


def environment_with(**language: str) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k not in LANGUAGE_VARIABLES}
    return {**environ, **language}


def test_the_fixture_tree_is_valid(content_tree: Path) -> None:
    model = load(content_tree)

    assert [attribute.id for attribute in model.attributes] == ["accessible", "simple"]
    assert len(model.statements) == 4
    assert [play.id for play in model.plays] == ["plain-language", "one-place"]


def test_load_gathers_problems_from_every_file(content_tree: Path, edit) -> None:
    break_two_files(edit)

    with pytest.raises(ContentError) as raised:
        load(content_tree)

    assert [(p.path, p.line) for p in raised.value.problems] == [(ACCESSIBLE, 5), (SIMPLE, 19)]


def test_validate_prints_every_problem_then_the_count(
    content_tree: Path, edit, capsys: pytest.CaptureFixture[str]
) -> None:
    break_two_files(edit)

    status = main(["validate", "--root", str(content_tree)])

    lines = capsys.readouterr().err.splitlines()
    assert status == 1
    assert lines == [
        f"{ACCESSIBLE}:5: name: “es” is not a configured language — "
        "use one of en, fr, or add the language to content/languages.yml",
        f"{SIMPLE}:19: statements[2].text: the “en” text is empty — "
        "write the text (an optional field can be removed instead)",
        "2 problem(s) found. Nothing was built or changed.",
    ]


@pytest.mark.parametrize(
    "environment",
    [
        pytest.param({"LANG": "fr_CA.UTF-8"}, id="LANG=fr_CA.UTF-8"),
        pytest.param({"PLAYBOOK_LANG": "fr", "LANG": "en_CA.UTF-8"}, id="PLAYBOOK_LANG=fr"),
    ],
)
def test_validate_speaks_french_in_a_french_environment(
    environment: dict[str, str],
    content_tree: Path,
    edit,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    remove_a_french_text(edit)
    for variable in LANGUAGE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)

    status = main(["validate", "--root", str(content_tree)])

    assert status == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{SIMPLE}:12: statements[1].text\u00a0: le texte «\u00a0fr\u00a0» est absent — "
        "ajoutez une ligne «\u00a0fr:\u00a0» avec la traduction sous «\u00a0text\u00a0»",
        "1 problème(s) trouvé(s). Rien n’a été produit ni modifié.",
    ]


def test_the_playbook_command_reports_problems_without_a_traceback(
    content_tree: Path, edit
) -> None:
    break_two_files(edit)

    finished = subprocess.run(
        [playbook_script(), "validate", "--root", content_tree],
        capture_output=True,
        text=True,
        env=environment_with(LANG="C.UTF-8"),
        check=False,
    )

    assert finished.returncode == 1
    assert finished.stdout == ""
    assert "Traceback" not in finished.stderr
    assert f"{ACCESSIBLE}:5: name: “es” is not a configured language" in finished.stderr
    assert f"{SIMPLE}:19: statements[2].text: the “en” text is empty" in finished.stderr
    assert finished.stderr.endswith("2 problem(s) found. Nothing was built or changed.\n")


def test_the_playbook_command_follows_a_french_lang(content_tree: Path, edit) -> None:
    remove_a_french_text(edit)

    finished = subprocess.run(
        [playbook_script(), "validate", "--root", content_tree],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment_with(LANG="fr_CA.UTF-8"),
        check=False,
    )

    assert finished.returncode == 1
    assert "Traceback" not in finished.stderr
    expected = f"{SIMPLE}:12: statements[1].text\u00a0: le texte «\u00a0fr\u00a0» est absent"
    assert expected in finished.stderr


def test_the_playbook_command_accepts_the_fixture_tree(content_tree: Path) -> None:
    finished = subprocess.run(
        [playbook_script(), "validate", "--root", content_tree],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment_with(LANG="C.UTF-8"),
        check=False,
    )

    assert finished.returncode == 0, finished.stderr
    assert finished.stdout == (
        "The content is valid: 2 attributes, 4 statements, 2 plays, in en, fr.\n"
        "Playbook coverage: 4 of 4 statements are advanced by at least one play, "
        "and 2 of 2 lifecycle stages have plays.\n"
    )

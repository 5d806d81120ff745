"""content/examples/: the worked example is checked by `playbook validate`, like the content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.assessment.example import (
    EXAMPLE,
    FOLLOW_UP_EXAMPLE,
    WORKSHOP_EXAMPLE,
    with_example,
)
from generator.cli import main
from generator.model import Model


@pytest.fixture
def project(repo_root: Path, tmp_path: Path) -> Path:
    """A copy of the real content, playbook and templates."""
    root = tmp_path / "project"
    for part in ("content", "playbook", "site_templates"):
        shutil.copytree(repo_root / part, root / part)
    return root


def test_validate_checks_the_example_and_names_its_broken_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project / EXAMPLE
    text = path.read_text(encoding="utf-8")
    assert text.count("  simple-personalized:\n") == 1
    path.write_text(
        text.replace("  simple-personalized:\n", "  simple-personalised:\n"), encoding="utf-8"
    )
    line = text[: text.index("  simple-personalized:\n")].count("\n") + 1

    assert main(["validate", "--root", str(project)]) == 1

    assert capsys.readouterr().err.splitlines()[0] == (
        f"{EXAMPLE}:{line}: “simple-personalised” is not a statement of the model — "
        "did you mean “simple-personalized”?"
    )


def test_the_site_s_model_carries_the_example_and_its_bytes_in_its_fingerprint(
    model: Model, repo_root: Path, project: Path
) -> None:
    carried = with_example(repo_root, model)
    assert carried.example is not None
    assert carried.fingerprint != model.fingerprint

    path = project / EXAMPLE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("2026-09-30", "2026-10-01"), encoding="utf-8")
    assert with_example(project, model).fingerprint != carried.fingerprint


def test_without_an_example_the_model_is_unchanged(model: Model, project: Path) -> None:
    for name in (EXAMPLE, *WORKSHOP_EXAMPLE, FOLLOW_UP_EXAMPLE):
        (project / name).unlink()

    assert with_example(project, model) is model


def test_the_example_workshop_is_carried_participants_then_consensus(
    model: Model, repo_root: Path, project: Path
) -> None:
    carried = with_example(repo_root, model)
    labels = [f.participant.label if f.participant else None for f in carried.workshop_example]
    assert labels == [
        "Federal program lead",
        "Responsable provinciale, état civil",
        "Service desk supervisor",
        None,
    ]
    consensus = carried.workshop_example[-1].consensus
    assert consensus is not None and consensus.participants == 3

    path = project / WORKSHOP_EXAMPLE[1]
    path.write_text(
        path.read_text(encoding="utf-8").replace("  efficient-tell-us-once:", "  tell-us-once:"),
        encoding="utf-8",
    )
    assert main(["validate", "--root", str(project)]) == 1


def test_without_one_of_its_files_there_is_no_example_workshop(model: Model, project: Path) -> None:
    (project / WORKSHOP_EXAMPLE[-1]).unlink()

    carried = with_example(project, model)
    assert carried.workshop_example == ()
    assert carried.example is not None

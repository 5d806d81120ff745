"""The benchmark's synthetic content is real content: it passes every check `load` makes."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from generator.load import load

REPO_ROOT = Path(__file__).resolve().parents[2]


def _synthetic() -> ModuleType:
    """bench/ is a folder of scripts, not a package: load the generator by its path."""
    path = REPO_ROOT / "bench" / "synthetic.py"
    spec = importlib.util.spec_from_file_location("bench_synthetic", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_twice_the_content_validates_and_doubles_every_kind(tmp_path: Path) -> None:
    real = load(REPO_ROOT)

    counts = _synthetic().make_project(tmp_path / "x2", 2)
    doubled = load(tmp_path / "x2")

    assert len(doubled.attributes) == 2 * len(real.attributes) == counts["attributes"]
    assert len(doubled.statements) == 2 * len(real.statements) == counts["statements"]
    assert len(doubled.plays) == 2 * len(real.plays) == counts["plays"]
    copied = doubled.attribute(f"{real.attributes[0].id}-x2")
    assert [s.id for s in copied.statements] == [
        f"{s.id}-x2" for s in real.attributes[0].statements
    ]
    copied_play = doubled.play(f"{real.plays[0].id}-x2")
    assert all(doubled.attribute_of(doubled.statement(s)) for s in copied_play.statements)
    assert doubled.plays_for(copied) != ()


def test_scale_one_is_an_exact_copy_of_the_content(tmp_path: Path) -> None:
    _synthetic().make_project(tmp_path / "x1", 1)

    assert load(tmp_path / "x1").fingerprint == load(REPO_ROOT).fingerprint


def test_the_working_tree_is_left_alone(tmp_path: Path) -> None:
    before = load(REPO_ROOT).fingerprint

    _synthetic().make_project(tmp_path / "x3", 3)

    assert load(REPO_ROOT).fingerprint == before
    assert not any((tmp_path / "x3" / "docs").iterdir()), "docs/ starts empty, as in a clone"


def test_a_scale_below_one_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="scale"):
        _synthetic().make_project(tmp_path / "x0", 0)

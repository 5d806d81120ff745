"""Shared fixtures: a small content tree to break, and the tool's messages in English by default."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator import i18n

REPO_ROOT = Path(__file__).resolve().parents[1]
MINIMAL_TREE = Path(__file__).resolve().parent / "fixtures" / "minimal"

# Variables `generator.i18n.language_from_environment` reads, in its order.
LANGUAGE_VARIABLES = ("PLAYBOOK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in English, whatever the machine's locale; tests opt into French."""
    for variable in LANGUAGE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("PLAYBOOK_LANG", "en")
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def content_tree(tmp_path: Path) -> Path:
    """A private copy of tests/fixtures/minimal, valid until a test breaks it."""
    root = tmp_path / "project"
    shutil.copytree(MINIMAL_TREE, root)
    return root


@dataclass(frozen=True)
class ContentEditor:
    """Small, checked edits to a content tree, so each test states exactly what it breaks."""

    root: Path

    def replace(self, relative: str, old: str, new: str) -> None:
        """Replace `old`, which must occur exactly once, so a stale test fails loudly."""
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{relative} should contain {old!r} exactly once"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def encode_line(self, relative: str, line: str, encoding: str) -> None:
        """Save one line in another encoding, as an editor set to e.g. Latin-1 would."""
        path = self.root / relative
        data = path.read_bytes()
        assert data.count(line.encode("utf-8")) == 1, f"{relative} should contain {line!r} once"
        path.write_bytes(data.replace(line.encode("utf-8"), line.encode(encoding)))

    def delete(self, relative: str) -> None:
        (self.root / relative).unlink()

    def rename(self, relative: str, new_relative: str) -> None:
        (self.root / relative).rename(self.root / new_relative)


@pytest.fixture
def edit(content_tree: Path) -> ContentEditor:
    """Edits applied to the `content_tree` copy of the same test."""
    return ContentEditor(content_tree)

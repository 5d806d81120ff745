"""Shared fixtures: the real model, loaded once; a small content tree to break; the tool's
messages in English by default; and a guard that fails the session if a test wrote into the
working tree."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator import i18n
from generator.assessment.example import EXAMPLE
from generator.cache import CACHE_VARIABLE
from generator.load import load
from generator.model import Model

REPO_ROOT = Path(__file__).resolve().parents[1]
MINIMAL_TREE = Path(__file__).resolve().parent / "fixtures" / "minimal"

# Variables `generator.i18n.language_from_environment` reads, in its order.
LANGUAGE_VARIABLES = ("PLAYBOOK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

# What the tools around the tests write (Python's bytecode, the test runner's and
# linters' caches) and what scripts/test installs before pytest starts: not the tests' doing.
NOT_WATCHED = {
    ".git",
    ".venv",
    "node_modules",
    "__pycache__",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
}


def tree_state(root: Path) -> dict[str, tuple[int, int]]:
    """(modification time, size) of every file of the working tree the tests could touch."""
    state: dict[str, tuple[int, int]] = {}
    for folder, folders, files in os.walk(root):
        folders[:] = [
            name for name in folders if name not in NOT_WATCHED and not name.endswith(".egg-info")
        ]
        for name in files:
            path = Path(folder, name)
            status = path.lstat()
            state[path.relative_to(root).as_posix()] = (status.st_mtime_ns, status.st_size)
    return state


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="write the golden pages of tests/render/golden/ anew from this build",
    )


@pytest.fixture(scope="session", autouse=True)
def caches_outside_the_tree(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The build cache (compiled templates, PDFs) of whatever runs in the tests' process, or
    is started from it without a cache of its own, goes to a temporary folder, not `.cache/`."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_VARIABLE, str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="session", autouse=True)
def working_tree_untouched(request: pytest.FixtureRequest) -> Iterator[None]:
    """Tests write only into their temporary folders: `.cache/`, `docs/` and `site/` included.

    Fails the session, naming the files, if any file of the working tree appeared,
    changed or disappeared while the tests ran.
    """
    before = tree_state(REPO_ROOT)
    yield
    after = tree_state(REPO_ROOT)
    if request.config.getoption("update_golden"):
        golden = "tests/render/golden/"  # written on purpose, to be reviewed with git diff
        before = {path: state for path, state in before.items() if not path.startswith(golden)}
        after = {path: state for path, state in after.items() if not path.startswith(golden)}
    touched = sorted(
        [f"new: {path}" for path in after.keys() - before.keys()]
        + [f"removed: {path}" for path in before.keys() - after.keys()]
        + [
            f"changed: {path}"
            for path in after.keys() & before.keys()
            if after[path] != before[path]
        ]
    )
    assert not touched, (
        "tests wrote into the working tree (write into tmp_path instead; if you edited these"
        " files yourself during the run, run the tests again):\n  " + "\n  ".join(touched)
    )


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in English, whatever the machine's locale; tests opt into French."""
    for variable in LANGUAGE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("PLAYBOOK_LANG", "en")
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(scope="session")
def model() -> Model:
    """The real content, loaded once: assessments are scored and checked against it."""
    return load(REPO_ROOT)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def example_file() -> Path:
    """The worked example in content/examples/."""
    return REPO_ROOT / EXAMPLE


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

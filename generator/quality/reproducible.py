"""A reproducible build: the same content built twice gives the same files, byte for byte.

Each build runs `playbook build` in a fresh process, from its own copy of the project
in a different folder, with an empty cache: anything that reads the clock, draws a
random number, depends on the order of a set or on the folder it runs in shows up
as a difference. Both builds get the same SOURCE_DATE_EPOCH (the convention of
reproducible-builds.org, which MkDocs follows for the date in sitemap.xml), so two
builds either side of midnight still agree.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.cache import CACHE_VARIABLE
from generator.errors import Problem, UsageError
from generator.i18n import Message, say

# Top-level folders of a working tree that are not build inputs: tools, caches, outputs.
_NOT_INPUTS = {
    ".git",
    ".venv",
    "node_modules",
    "site",
    "docs",
    ".cache",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
}
# Build outputs (the staging folders `playbook build` leaves beside site/) and Python's leftovers.
_ANY_LEVEL = shutil.ignore_patterns("__pycache__", "*.egg-info", ".site-*")


def _ignore(root: Path) -> Callable[[str, list[str]], set[str]]:
    def ignored(folder: str, names: list[str]) -> set[str]:
        skipped = set(_ANY_LEVEL(folder, names))
        if Path(folder).resolve() == root.resolve():
            skipped |= _NOT_INPUTS & set(names)
        return skipped

    return ignored


def copy_inputs(root: Path, destination: Path) -> Path:
    """The project's build inputs, without outputs, caches or tools, and an empty docs/."""
    shutil.copytree(root, destination, ignore=_ignore(root))
    (destination / "docs").mkdir(exist_ok=True)
    return destination


def build_project(project: Path, workdir: Path, epoch: str) -> Path:
    """Build `project` cold, with its own cache in `workdir`; the built site's folder."""
    site_dir = workdir / "site"
    environment = {**os.environ, CACHE_VARIABLE: str(workdir / "cache"), "SOURCE_DATE_EPOCH": epoch}
    command = [sys.executable, "-m", "generator.cli", "build", "--root", str(project)]
    outcome = subprocess.run(
        [*command, "--site-dir", str(site_dir)],
        capture_output=True,
        text=True,
        check=False,
        env=environment,
    )
    if outcome.returncode != 0:
        output = (outcome.stdout + outcome.stderr).strip()
        raise UsageError(say("check_build_failed", root=project, output=output))
    return site_dir


def _files(site_dir: Path) -> Iterator[str]:
    for path in sorted(site_dir.rglob("*")):
        if path.is_file():
            yield path.relative_to(site_dir).as_posix()


def compare_sites(first: Path, second: Path) -> list[Problem]:
    """Each file made by only one of two builds, or different between them, in path order."""
    names = sorted(set(_files(first)) | set(_files(second)))
    problems = []
    for name in names:
        one, other = first / name, second / name
        if not (one.is_file() and other.is_file()):
            problems.append(Problem(name, 1, Message.of("build_only_once")))
            continue
        a, b = one.read_bytes(), other.read_bytes()
        if a == b:
            continue
        offset = next(
            (index for index, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
            min(len(a), len(b)),
        )
        line = a.count(b"\n", 0, offset) + 1
        problems.append(Problem(name, line, Message.of("build_differs", offset=offset)))
    return problems


def check_reproducible(root: Path) -> list[Problem]:
    """Build `root` twice, each time cold and from a copy in another folder; compare.

    The second copy is made from the first, not from `root`: an edit saved in the working
    tree while the first build runs must not pass for a difference between builds.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "1700000000")
    with tempfile.TemporaryDirectory(prefix="playbook-reproducible-") as temporary:
        first_dir, second_dir = Path(temporary) / "first", Path(temporary) / "second"
        project = copy_inputs(root, first_dir / "project")
        shutil.copytree(project, second_dir / "project")
        first = build_project(project, first_dir, epoch)
        second = build_project(second_dir / "project", second_dir, epoch)
        return compare_sites(first, second)

"""Where the build keeps what it can reuse, and the one way every entry is keyed.

Caches live in `.cache/` beside mkdocs.yml; `PLAYBOOK_CACHE_DIR` moves them (the
benchmark points it at an empty folder to measure a cold build). Every entry is
found by a `Key`: a hash of everything it is made from (texts, files, the versions
of the programs that make it), so a stale entry is never used, and deleting the
folder only makes the next build slower.

The caches, each paying for itself in `scripts/bench` (README, Performance):
`jinja/` (compiled templates), `pdf/` (printed PDFs, and `plan.json`, the keys the
last build used), `pagefind/` (search indexes), `offline/` (zips of the site for
the offline copy) and, in `docs/`, the `.rendered` stamp that lets a build skip
rendering pages it already rendered.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable
from functools import cache
from importlib.metadata import version
from pathlib import Path

__all__ = ["CACHE_VARIABLE", "Key", "cache_dir"]

CACHE_VARIABLE = "PLAYBOOK_CACHE_DIR"


def cache_dir(root: Path, kind: str) -> Path:
    """The folder for one kind of cached file (`pdf`, `jinja`, ...); not created here."""
    base = os.environ.get(CACHE_VARIABLE)
    return (Path(base) if base else root / ".cache") / kind


class Key:
    """A SHA-256 of what a cache entry is made from, built up part by part.

    Each part is hashed after its length, so two different lists of parts never
    give the same key; a file counts by its path under a folder and its bytes.
    """

    def __init__(self, kind: str) -> None:
        self._digest = hashlib.sha256()
        self.add(kind)

    def add(self, *parts: str | bytes) -> Key:
        for part in parts:
            data = part.encode("utf-8") if isinstance(part, str) else part
            self._digest.update(len(data).to_bytes(8, "big"))
            self._digest.update(data)
        return self

    def add_files(self, folder: Path, files: Iterable[Path]) -> Key:
        """Each file's path under `folder` and its bytes, in path order."""
        for path in sorted(files):
            self.add(path.relative_to(folder).as_posix(), path.read_bytes())
        return self

    def add_versions(self, *distributions: str) -> Key:
        """Python's version and each installed distribution's: an upgrade may change the output."""
        return self.add(sys.version, *(f"{name}=={_installed(name)}" for name in distributions))

    def hex(self) -> str:
        return self._digest.hexdigest()


@cache
def _installed(distribution: str) -> str:
    return version(distribution)

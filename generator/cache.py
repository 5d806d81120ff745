"""Where the build keeps what it can reuse: `.cache/` beside mkdocs.yml.

`PLAYBOOK_CACHE_DIR` moves it (the benchmark points it at an empty folder to
measure a cold build). Every entry is found by a hash of what it was made from,
so a stale one is never used, and deleting the folder only makes the next build slower.
"""

from __future__ import annotations

import os
from pathlib import Path

CACHE_VARIABLE = "PLAYBOOK_CACHE_DIR"


def cache_dir(root: Path, kind: str) -> Path:
    """The folder for one kind of cached file (`pdf`, `jinja`, ...); not created here."""
    base = os.environ.get(CACHE_VARIABLE)
    return (Path(base) if base else root / ".cache") / kind

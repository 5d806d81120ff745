"""Writes rendered files to disk, touching only those whose text changed.

`mkdocs serve` watches the docs folder: rewriting unchanged files would trigger a
rebuild after every rebuild.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    removed: tuple[str, ...]


def write_tree(
    root: Path, files: Mapping[str, str | bytes], keep: tuple[str, ...] = ()
) -> WriteReport:
    """Make `root` hold exactly `files` (dotfiles and `keep` aside), writing only changes."""
    written: list[str] = []
    for relative, content in sorted(files.items()):
        target = root / relative
        data = content.encode("utf-8") if isinstance(content, str) else content
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_bytes(data)
        temporary.replace(target)
        written.append(relative)
    removed: list[str] = []
    if root.is_dir():
        for path in sorted(root.rglob("*"), reverse=True):
            relative = path.relative_to(root).as_posix()
            if path.name.startswith(".") or any(path.match(pattern) for pattern in keep):
                continue
            if path.is_file() and relative not in files:
                path.unlink()
                removed.append(relative)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return WriteReport(tuple(written), tuple(removed))

"""PDFs kept by a hash of everything they are made from, under `.cache/pdf/`.

The key covers the exact HTML of the document (so the templates, the strings, the
part of the model it shows and its language), the style sheets (print.css, the page
size, the @font-face rules), the font files, and the renderer: the versions of
WeasyPrint, pydyf, tinycss2, Pango and HarfBuzz, and the options it is called with. A
change to one attribute changes the HTML of the documents that show it and of
no other, so only those are printed again. Entries no build has used for a
while are removed, so editing for weeks does not fill the disk.

Beside the PDFs, `plan.json` keeps the keys the last build used and a hash of
everything they were computed from: a build with the same hash finds its keys
there without rendering any document's HTML.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterable
from pathlib import Path

from generator.cache import Key

__all__ = ["PdfCache", "cache_key"]

UNUSED_FOR = 14 * 24 * 3600
"""Seconds after which an entry no build used is removed."""

PLAN = "plan.json"


def cache_key(html: str, stylesheets: Iterable[str], fonts: str, renderer: str) -> str:
    """The key of one PDF: everything WeasyPrint is given, and WeasyPrint itself."""
    return Key("pdf").add(renderer, fonts, *stylesheets, html).hex()


class PdfCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pdf"

    def get(self, key: str) -> bytes | None:
        """The PDF stored under `key`, marked as used; None if there is none."""
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        with contextlib.suppress(OSError):
            os.utime(path)
        return data

    def put(self, key: str, data: bytes) -> None:
        """Store a PDF; a read-only or full disk only makes the next build slower."""
        self._write(self._path(key), data)

    def plan(self, inputs: str) -> dict[str, str] | None:
        """The keys stored by `put_plan` with the same `inputs` hash; None if there are none."""
        found = self._read_plan()
        if found is None or found[0] != inputs:
            return None
        return found[1]

    def last_plan(self) -> dict[str, str]:
        """The keys the last complete build used, whatever it was made from."""
        found = self._read_plan()
        return found[1] if found else {}

    def _read_plan(self) -> tuple[str, dict[str, str]] | None:
        try:
            found = json.loads((self.folder / PLAN).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(found, dict) or not isinstance(found.get("keys"), dict):
            return None
        keys = {str(name): str(key) for name, key in found["keys"].items()}
        return str(found.get("inputs")), keys

    def put_plan(self, inputs: str, keys: dict[str, str]) -> None:
        """Keep the keys of every PDF a build used, by the hash of what they were computed from."""
        plan = {"inputs": inputs, "keys": keys}
        self._write(self.folder / PLAN, json.dumps(plan, sort_keys=True).encode())

    def _write(self, path: Path, data: bytes) -> None:
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
            temporary.replace(path)
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink()

    def prune(self, keep: Iterable[str], unused_for: float = UNUSED_FOR) -> int:
        """Remove entries not in `keep` that no build used for `unused_for` seconds."""
        kept = set(keep)
        limit = time.time() - unused_for
        removed = 0
        for path in self.folder.glob("*/*.pdf") if self.folder.is_dir() else ():
            with contextlib.suppress(OSError):
                if path.stem not in kept and path.stat().st_mtime < limit:
                    path.unlink()
                    removed += 1
        return removed

"""Pages rendered again only when something they are made from changed.

Rendering is a pure function of the model, the templates, the downloads offered
and the generator's own code (and the libraries it runs on). The build stamps
`docs/` with a hash of all of them and of what it wrote; when the next build
finds the same hash and `docs/` as it was left, the pages there are already
what rendering would give, and the build skips straight to MkDocs.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Mapping
from functools import cache
from importlib.metadata import version
from pathlib import Path

from generator.model import Model
from generator.render.pages import TEMPLATES, Download, render_site
from generator.render.write import WriteReport, write_tree

__all__ = ["STAMP", "render_into", "sources_digest"]

STAMP = ".rendered"
"""In `docs/`; a dotfile, so MkDocs and `write_tree` leave it alone."""

_GENERATOR = Path(__file__).resolve().parents[1]
_LIBRARIES = ("jinja2", "markupsafe", "markdown", "pyyaml", "pydantic", "pydantic-core")


@cache
def _versions() -> str:
    """Python's and the rendering libraries' versions: an upgrade may change the pages."""
    return "\0".join([sys.version, *(version(library) for library in _LIBRARIES)])


def render_into(
    docs_dir: Path,
    model: Model,
    templates: Path = TEMPLATES,
    downloads: Mapping[str, Mapping[str, Download]] | None = None,
    files: Mapping[str, bytes] | None = None,
    on_language: Callable[[str], None] | None = None,
) -> WriteReport:
    """Make `docs_dir` hold every page of the site, rendering only if an input changed.

    `files` are written beside the pages (the PDFs), by path under `docs_dir`;
    `on_language` is told each language whose pages were rendered.
    """
    inputs = _inputs_digest(model, templates, downloads or {}, files or {})
    stamp = docs_dir / STAMP
    found = stamp.read_text(encoding="utf-8") if stamp.is_file() else ""
    if found.startswith(f"{inputs}\n") and found == _stamp(inputs, docs_dir):
        return WriteReport((), ())
    pages = render_site(model, templates, downloads, on_language)
    report = write_tree(docs_dir, {**pages, **(files or {})})
    stamp.write_text(_stamp(inputs, docs_dir), encoding="utf-8")
    return report


def _inputs_digest(
    model: Model,
    templates: Path,
    downloads: Mapping[str, Mapping[str, Download]],
    files: Mapping[str, bytes],
) -> str:
    digest = hashlib.sha256(sources_digest(model, templates).encode())
    for name, data in sorted(files.items()):
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    offered = sorted((language, sorted(files.items())) for language, files in downloads.items())
    digest.update(repr(offered).encode())
    return digest.hexdigest()


def sources_digest(model: Model, templates: Path) -> str:
    """A hash of what a template renders from: the content, every file under `templates`,
    the generator's code and the libraries' versions. Equal hashes, equal output."""
    digest = hashlib.sha256(model.fingerprint.encode())
    digest.update(_versions().encode())
    for folder, patterns in ((templates, ("*",)), (_GENERATOR, ("*.py", "*.yml"))):
        for pattern in patterns:
            for path in sorted(folder.rglob(pattern)):
                if path.is_file() and "__pycache__" not in path.parts:
                    digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
                    digest.update(path.read_bytes())
    return digest.hexdigest()


def _stamp(inputs: str, docs_dir: Path) -> str:
    """The inputs' hash and a hash of every file `write_tree` looks after in `docs_dir`."""
    digest = hashlib.sha256()
    for path in sorted(docs_dir.rglob("*")):
        relative = path.relative_to(docs_dir)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes())
    return f"{inputs}\n{digest.hexdigest()}\n"

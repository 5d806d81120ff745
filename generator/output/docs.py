"""Pages rendered again only when something they are made from changed.

Rendering is a pure function of the model, the templates, the downloads offered
and the generator's own code (and the libraries it runs on). The build stamps
`docs/` with a hash of all of them and of what it wrote; when the next build
finds the same hash and `docs/` as it was left, the pages there are already
what rendering would give, and the build skips straight to MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from generator.cache import Key
from generator.model import Model
from generator.output.write import WriteReport, write_tree
from generator.render.pages import TEMPLATES, Download, render_site
from generator.render.sources import rendering_key

__all__ = ["STAMP", "render_into"]

STAMP = ".rendered"
"""In `docs/`; a dotfile, so MkDocs and `write_tree` leave it alone."""


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
    key = rendering_key(model, templates)
    for name, data in sorted(files.items()):
        key.add(name, data)
    offered = sorted((language, sorted(files.items())) for language, files in downloads.items())
    return key.add(repr(offered)).hex()


def _stamp(inputs: str, docs_dir: Path) -> str:
    """The inputs' hash and a hash of every file `write_tree` looks after in `docs_dir`."""
    looked_after = [
        path
        for path in docs_dir.rglob("*")
        if path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(docs_dir).parts)
    ]
    return f"{inputs}\n{Key('docs').add_files(docs_dir, looked_after).hex()}\n"

"""Folders the build writes: where a site may go, and working folders no crash leaves behind.

A site folder is replaced as a whole, so a wrong `--site-dir` (the project, `content/`,
a home folder) would delete what it points at: only an empty or missing folder, or
one a previous build made (it holds `MARKER`), is replaced.

Working folders (the staging site, the PDF printers' temporary files and sockets,
the search index being copied) are locked while in use: a build that is killed leaves them
unlocked, and the next build removes them.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from generator.errors import UsageError
from generator.i18n import say

__all__ = [
    "MARKER",
    "check_site_dir",
    "hold",
    "mark_site",
    "new_folder",
    "sweep",
    "working_folder",
]

MARKER = ".playbook-site"
"""The file that makes a folder a site of ours, which a later build may replace."""
_MARKER_TEXT = "A site built by `playbook build`: the next build replaces this folder.\n"
SOURCES = ("content", "playbook", "site_templates", "docs", "generator", "schema", ".git")
"""The project's own folders: never a site folder, nor inside one, nor holding one."""
_EARLIER_BUILD = ("404.html", "sitemap.xml", "css/site.css")
"""What every build made before sites were marked has: such a folder is ours too."""


def check_site_dir(root: Path, site_dir: Path, docs_dir: Path | None = None) -> None:
    """Raise UsageError unless building into `site_dir` can only replace an earlier site."""
    root, site = root.resolve(), site_dir.resolve()
    protected = [root / name for name in SOURCES]
    if docs_dir is not None:
        protected.append(docs_dir.resolve())
    if root.is_relative_to(site):
        raise UsageError(say("site_dir_holds_project", site_dir=site))
    for folder in protected:
        if site.is_relative_to(folder) or folder.is_relative_to(site):
            raise UsageError(say("site_dir_project_folder", site_dir=site, folder=folder.name))
    if site.exists() and not site.is_dir():
        raise UsageError(say("site_dir_not_folder", site_dir=site))
    if site.is_dir() and any(site.iterdir()) and not is_our_site(site):
        raise UsageError(say("site_dir_not_ours", site_dir=site, marker=MARKER))


def is_our_site(folder: Path) -> bool:
    return (folder / MARKER).is_file() or all((folder / name).is_file() for name in _EARLIER_BUILD)


def mark_site(site_dir: Path) -> None:
    (site_dir / MARKER).write_text(_MARKER_TEXT, encoding="utf-8")


def sweep(parent: Path, pattern: str) -> None:
    """Remove the folders matching `pattern` that no running build holds."""
    if not parent.is_dir():
        return
    for folder in parent.glob(pattern):
        if folder.is_symlink() or not folder.is_dir():
            continue
        with contextlib.suppress(OSError):
            descriptor = hold(folder)
            if descriptor is not None:
                shutil.rmtree(folder, ignore_errors=True)
                os.close(descriptor)


def hold(folder: Path) -> int | None:
    """Lock `folder` for this process: an open descriptor to close when done, or None if
    another process holds it. The lock goes with the process, however it ends."""
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        return None
    return descriptor


def new_folder(parent: Path, prefix: str) -> tuple[Path, int]:
    """A new folder in `parent`, held (see `hold`), after removing leftovers of the same kind.

    Its mode is the one a folder made by `mkdir` gets (0755 under the usual umask),
    not mkdtemp's 0700: a staging site becomes the site a web server reads.
    """
    parent.mkdir(parents=True, exist_ok=True)
    sweep(parent, f"{prefix}*")
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    descriptor = hold(folder)
    assert descriptor is not None  # nobody else knows the folder yet
    folder.chmod(0o777 & ~_umask())
    return folder, descriptor


@contextlib.contextmanager
def working_folder(parent: Path, prefix: str) -> Iterator[Path]:
    """A new folder in `parent` (see `new_folder`), removed unless the caller moved it."""
    folder, descriptor = new_folder(parent, prefix)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        os.close(descriptor)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask

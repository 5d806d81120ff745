"""The Pagefind search index, made again only when the site's pages changed.

Pagefind splits its index by each page's `<html lang>`, so results stay in one
language. It reads nothing but the built HTML, its own options and its config
file, so the same pages give the same index: a build where no page changed
copies the last index from the cache instead of running Pagefind again.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator.cache import Key
from generator.folders import working_folder

__all__ = ["build_search_index"]

OPTIONS = ("--silent",)
KEPT = 3
"""Indexes kept in the cache: enough to go back and forth between two versions."""

_CONFIG_FILES = ("pagefind.json", "pagefind.toml", "pagefind.yml", "pagefind.yaml")


def build_search_index(site_dir: Path, cache: Path | None = None) -> None:
    """Index `site_dir` into `site_dir/pagefind/`, reusing an index kept in `cache`."""
    binary = _pagefind_binary()
    command = [str(binary)] if binary else [sys.executable, "-m", "pagefind"]
    key = _inputs_digest(site_dir, binary) if cache is not None and binary else None
    target = site_dir / "pagefind"
    # Never written in place: the files may be links to the cache (see `_link_or_copy`).
    shutil.rmtree(target, ignore_errors=True)
    if cache is not None and key is not None and (cache / key).is_dir():
        shutil.copytree(cache / key, target, copy_function=_link_or_copy)
        os.utime(cache / key)  # the most recently used are kept
        return
    outcome = subprocess.run(
        [*command, "--site", str(site_dir), *OPTIONS], capture_output=True, text=True, check=False
    )
    if outcome.returncode != 0:
        raise PluginError(f"the search index could not be built: {outcome.stderr.strip()}")
    _sort_languages(target / "pagefind-entry.json")
    if cache is not None and key is not None:
        _keep(target, cache, key)


def _sort_languages(entry: Path) -> None:
    """Pagefind lists the languages of its entry file in a random order: sort them.

    Otherwise two builds of the same pages differ by this one file.
    """
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data["languages"].items()))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    entry.write_text(text, encoding="utf-8")


def _pagefind_binary() -> Path | None:
    """Pagefind's own binary: `python -m pagefind` starts a Python only to find it."""
    try:
        from pagefind_bin_extended import get_executable  # type: ignore[import-untyped]
    except ImportError:
        return None
    found: Path = get_executable()
    return found


def _inputs_digest(site_dir: Path, binary: Path) -> str:
    """A hash of everything Pagefind reads: the pages, the binary, its options and config."""
    status = binary.stat()
    key = Key("pagefind").add(str(binary), str(status.st_size), str(status.st_mtime_ns), *OPTIONS)
    settings = sorted(f"{name}={value}" for name, value in os.environ.items())
    key.add(*(setting for setting in settings if setting.startswith("PAGEFIND_")))
    here = Path.cwd()
    key.add_files(here, [here / name for name in _CONFIG_FILES if (here / name).is_file()])
    index = site_dir / "pagefind"
    pages = [page for page in site_dir.rglob("*.html") if not page.is_relative_to(index)]
    return key.add_files(site_dir, pages).hex()


def _link_or_copy(source: str, destination: str) -> None:
    """A hard link, ten times faster than a copy; the cache's files are never changed."""
    try:
        os.link(source, destination)
    except OSError:  # another file system
        shutil.copyfile(source, destination)


def _keep(index: Path, cache: Path, key: str) -> None:
    """Copy a new index into the cache, and forget all but the most recently used."""
    try:
        with working_folder(cache, ".new-") as staging:
            shutil.copytree(index, staging, dirs_exist_ok=True, copy_function=shutil.copyfile)
            with contextlib.suppress(OSError):  # another build kept the same index first
                staging.rename(cache / key)
        entries = [entry for entry in cache.iterdir() if not entry.name.startswith(".")]
        entries.sort(key=lambda entry: entry.stat().st_mtime, reverse=True)
        for old in entries[KEPT:]:
            shutil.rmtree(old, ignore_errors=True)
    except OSError:
        return  # a cache that cannot be written only makes the next build slower

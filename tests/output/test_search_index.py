"""The Pagefind index is made once per version of the pages, then copied from the cache."""

from __future__ import annotations

import filecmp
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.output.search_index import KEPT, build_search_index

PAGE = """<!doctype html>
<html lang="{lang}"><head><title>{title}</title></head>
<body><main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>
"""


def _site(root: Path, text: str = "Clients come first.") -> Path:
    site = root / "site"
    for folder, lang, title in (("", "en-CA", "Home"), ("fr/", "fr-CA", "Accueil")):
        page = site / folder / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(PAGE.format(lang=lang, title=title, text=text), encoding="utf-8")
    return site


def _index_files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in (site / "pagefind").rglob("*"))


def _refuse_to_run(*args: Any, **kwargs: Any) -> None:
    raise AssertionError("Pagefind ran although the pages did not change")


def test_the_index_has_one_part_per_language(tmp_path: Path) -> None:
    site = _site(tmp_path)

    build_search_index(site, tmp_path / "cache")

    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sorted(entry["languages"]) == ["en-ca", "fr-ca"]


def test_the_same_pages_reuse_the_kept_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _site(tmp_path / "first")
    build_search_index(first, tmp_path / "cache")
    second = _site(tmp_path / "second")

    monkeypatch.setattr(subprocess, "run", _refuse_to_run)
    build_search_index(second, tmp_path / "cache")

    assert _index_files(second) == _index_files(first)
    compared = filecmp.dircmp(first / "pagefind", second / "pagefind")
    assert not compared.diff_files and not compared.left_only and not compared.right_only


def test_a_changed_page_is_indexed_again(tmp_path: Path) -> None:
    build_search_index(_site(tmp_path / "before"), tmp_path / "cache")
    after = _site(tmp_path / "after", text="Tell us once.")

    build_search_index(after, tmp_path / "cache")

    assert len(list((tmp_path / "cache").iterdir())) == 2
    fragments = b"".join(p.read_bytes() for p in (after / "pagefind" / "fragment").iterdir())
    assert fragments, "the new pages are indexed"


def test_only_the_most_recent_indexes_are_kept(tmp_path: Path) -> None:
    for number in range(KEPT + 2):
        build_search_index(
            _site(tmp_path / str(number), text=f"Text {number}."), tmp_path / "cache"
        )

    assert len(list((tmp_path / "cache").iterdir())) == KEPT


def test_the_kept_index_is_not_changed_through_the_site(tmp_path: Path) -> None:
    """A reused index is linked, not copied: the build removes it before writing anew."""
    site = _site(tmp_path)
    build_search_index(site, tmp_path / "cache")
    build_search_index(site, tmp_path / "cache")  # from the cache
    kept = next((tmp_path / "cache").iterdir())
    before = {p.name: p.read_bytes() for p in kept.rglob("*") if p.is_file()}

    new_page = PAGE.format(lang="en-CA", title="New", text="New.")
    (site / "index.html").write_text(new_page, encoding="utf-8")
    build_search_index(site, tmp_path / "cache")

    assert {p.name: p.read_bytes() for p in kept.rglob("*") if p.is_file()} == before


def test_without_a_cache_pagefind_runs_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = _site(tmp_path)
    runs: list[list[str]] = []
    run = subprocess.run

    def counted(command: list[str], **options: Any) -> Any:
        runs.append(command)
        return run(command, **options)

    monkeypatch.setattr(subprocess, "run", counted)
    build_search_index(site, None)
    first = _index_files(site)
    build_search_index(site, None)

    assert len(runs) == 2, "the same pages, indexed again: nothing kept them"
    assert all(command[-1] == "--silent" for command in runs)
    assert _index_files(site) == first
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"], "nothing kept aside"

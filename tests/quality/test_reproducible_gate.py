"""The reproducibility gate: two builds compared file by file, byte for byte."""

from __future__ import annotations

from pathlib import Path

from generator.quality import compare_sites
from generator.quality.reproducible import copy_inputs


def make(site: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return site


def test_identical_builds_have_no_difference(tmp_path: Path) -> None:
    files = {"index.html": b"<p>same</p>\n", "downloads/a.pdf": b"%PDF-1.7"}

    assert compare_sites(make(tmp_path / "a", files), make(tmp_path / "b", files)) == []


def test_differences_name_each_file_in_order_with_the_line_of_the_first_change(
    tmp_path: Path,
) -> None:
    first = make(
        tmp_path / "a",
        {"index.html": b"<p>same</p>\n<p>built 10:01</p>\n", "z.css": b"a", "only-a.js": b""},
    )
    second = make(
        tmp_path / "b",
        {"index.html": b"<p>same</p>\n<p>built 10:02</p>\n", "z.css": b"a", "fr/x.html": b""},
    )

    problems = compare_sites(first, second)

    assert [(problem.path, problem.line) for problem in problems] == [
        ("fr/x.html", 1),
        ("index.html", 2),
        ("only-a.js", 1),
    ]
    # Offsets count from 0: "<p>same</p>\n" is 12 bytes, "<p>built 10:0" 13 more.
    assert "differs between two builds of the same content (first difference at byte 25)" in str(
        problems[1]
    )
    assert "made by one build of the same content and not by the other" in str(problems[0])


def test_a_longer_file_differs_where_the_shorter_one_ends(tmp_path: Path) -> None:
    first = make(tmp_path / "a", {"a.txt": b"abc"})
    second = make(tmp_path / "b", {"a.txt": b"abc\nmore"})

    assert "at byte 3" in str(compare_sites(first, second)[0])


def test_the_copy_keeps_inputs_and_leaves_outputs_caches_and_tools_behind(tmp_path: Path) -> None:
    root = make(
        tmp_path / "project",
        {
            "mkdocs.yml": b"",
            "content/model.yml": b"",
            "site_templates/pages/home.html": b"",
            "docs/en/index.md": b"",
            "site/index.html": b"",
            ".site-old/index.html": b"",
            ".cache/pdf/x.pdf": b"",
            ".git/HEAD": b"",
            "node_modules/x/y.js": b"",
            "generator/__pycache__/x.pyc": b"",
            "content/docs/kept.yml": b"",
        },
    )

    copy = copy_inputs(root, tmp_path / "copy")

    kept = sorted(path.relative_to(copy).as_posix() for path in copy.rglob("*") if path.is_file())
    assert kept == [
        "content/docs/kept.yml",
        "content/model.yml",
        "mkdocs.yml",
        "site_templates/pages/home.html",
    ]
    assert (copy / "docs").is_dir()

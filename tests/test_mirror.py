"""tests/ mirrors generator/: the tests of `generator/<folder>/<name>.py` are in `tests/<folder>/`.

A test module named after a generator module (`test_<name>.py`) sits in that module's
mirror folder (`tests/` itself for a module at the top of `generator/`); every package of
`generator/` has its folder of tests, and every folder of test modules is a package's
mirror or one of the suites that cut across the layers, named in CROSS_CUTTING.
"""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]

CROSS_CUTTING = {
    "site": "the real site, built once: its files, pages, links, weight, typography, serving",
    "browser": "the built site in Chromium: navigation, the assessment page, print, offline",
    "hostile": "hostile input through the whole tool: YAML, Markdown, text, folders, themes",
    "bench": "scripts/bench, whose code is bench/ at the repository's root",
}
"""Folders of tests/ that mirror no package of generator/, and what they test.

tests/quality/ mirrors generator/quality/, whose gates it also runs on built sites."""


def _under(path: Path, root: Path) -> str:
    """A folder as a path under `root`: "" for `root` itself."""
    relative = path.relative_to(root).as_posix()
    return "" if relative == "." else relative


def _mirror(package: str) -> str:
    return f"tests/{package}/" if package else "tests/"


def _packages(generator: Path) -> set[str]:
    return {_under(init.parent, generator) for init in generator.rglob("__init__.py")}


def _test_modules(tests: Path) -> list[tuple[Path, str]]:
    """Every test module outside the cross-cutting suites, with its folder under tests/."""
    return [
        (test, _under(test.parent, tests))
        for test in sorted(tests.rglob("test_*.py"))
        if test.relative_to(tests).parts[0] not in CROSS_CUTTING
    ]


def layout_problems(root: Path) -> list[str]:
    """What breaks the mirror in the project at `root`, one line each."""
    generator, tests = root / "generator", root / "tests"
    homes: dict[str, set[str]] = {}  # module name -> the packages holding one of that name
    for source in generator.rglob("*.py"):
        if source.name != "__init__.py":
            homes.setdefault(source.stem, set()).add(_under(source.parent, generator))
    packages = _packages(generator)
    found = [
        f"{test.relative_to(root)}: belongs in {' or '.join(sorted(map(_mirror, places)))}"
        for test, folder in _test_modules(tests)
        if (places := homes.get(test.stem.removeprefix("test_"), set())) and folder not in places
    ]
    found += [
        f"generator/{package}/: has no folder of tests ({_mirror(package)})"
        for package in sorted(packages)
        if not (tests / package).is_dir()
    ]
    found += [
        f"{_mirror(folder)}: mirrors no package of generator/ and is no cross-cutting suite"
        for folder in sorted({folder for _, folder in _test_modules(tests)} - packages)
    ]
    return found


def test_tests_mirror_generator() -> None:
    assert layout_problems(REPO_ROOT) == []
    assert all((REPO_ROOT / "tests" / name).is_dir() for name in CROSS_CUTTING)


def test_a_misplaced_test_a_package_without_tests_and_a_stray_folder_are_found(
    tmp_path: Path,
) -> None:
    for name in (
        "generator/__init__.py",
        "generator/pipeline.py",
        "generator/output/__init__.py",
        "generator/output/offline.py",
        "generator/print/__init__.py",
        "tests/test_pipeline.py",
        "tests/test_offline.py",
        "tests/output/test_writing.py",
        "tests/workshop/test_merge.py",
        "tests/site/test_built_site.py",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")

    assert layout_problems(tmp_path) == [
        "tests/test_offline.py: belongs in tests/output/",
        "generator/print/: has no folder of tests (tests/print/)",
        "tests/workshop/: mirrors no package of generator/ and is no cross-cutting suite",
    ]

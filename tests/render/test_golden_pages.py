"""The small fixture's site, page by page, against the pages kept in tests/render/golden/.

`playbook build` runs in this process on tests/fixtures/minimal with the real templates,
strings, theme and mkdocs.yml, in both languages; PDFs are stand-ins (their bytes do not
matter here, only that the pages link them), so the build takes a couple of seconds and a
change to what any page shows fails here with the lines that changed.

After a change you mean, write the new pages and review them like code:

    pytest tests/render/test_golden_pages.py --update-golden
    git diff tests/render/golden/
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from real_site import build_in_process

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURE = REPO_ROOT / "tests" / "fixtures" / "minimal"
GOLDEN = Path(__file__).resolve().parent / "golden"
SHOWN_LINES = 40
SHOWN_WIDTH = 240
"""Lines of difference shown per page, and characters per line (the assessment page holds
long JSON): enough to see what changed, short enough to read."""


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture's content with the real site's templates, built once for this module."""
    base = tmp_path_factory.mktemp("golden")
    root = base / "project"
    for part in ("content", "playbook"):
        shutil.copytree(FIXTURE / part, root / part)
    shutil.copytree(REPO_ROOT / "site_templates", root / "site_templates")
    shutil.copy2(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "docs").mkdir()
    build_in_process(root, base / "site", base / "cache")
    return base / "site"


def pages(folder: Path) -> dict[str, str]:
    """Every HTML page under `folder` by its path, the search index's own files left out."""
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*.html"))
        if not path.relative_to(folder).as_posix().startswith("pagefind/")
    }


def test_every_page_of_the_fixture_is_its_golden_page(
    fixture_site: Path, request: pytest.FixtureRequest
) -> None:
    built = pages(fixture_site)
    if request.config.getoption("update_golden"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for path, text in built.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8")
        pytest.skip(f"wrote {len(built)} golden pages: review them with git diff {GOLDEN}")
    golden = pages(GOLDEN)

    assert sorted(built) == sorted(golden), "pages built and golden pages differ"
    changed = [path for path in golden if built[path] != golden[path]]
    shown = []
    for path in changed:
        lines = difflib.unified_diff(
            golden[path].splitlines(),
            built[path].splitlines(),
            f"golden/{path}",
            f"built/{path}",
            lineterm="",
        )
        shown += [line[:SHOWN_WIDTH] for line in list(lines)[:SHOWN_LINES]]
    assert not changed, (
        f"{len(changed)} page(s) differ from their golden version (if you meant it:"
        " pytest tests/render/test_golden_pages.py --update-golden):\n" + "\n".join(shown)
    )

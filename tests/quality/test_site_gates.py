"""The quality gates on the real site: what `scripts/test` (and so CI) holds every change to.

The strict build itself is `tests/site/` (`playbook build` and `mkdocs build --strict`
without a warning); these tests take its site and check it the way `playbook check` does.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from linked_site import linked_site
from real_site import REPO_ROOT, BuiltSite, built_site

from generator.quality import VNU_JAR, check_links, check_reproducible, validate_html

pytestmark = pytest.mark.gates


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_site(tmp_path_factory)


def test_every_page_is_valid_html_for_the_nu_checker(real: BuiltSite) -> None:
    problems = validate_html(real.site, REPO_ROOT / VNU_JAR)

    assert not problems, "\n".join(str(problem) for problem in problems)


def test_every_internal_link_and_anchor_leads_somewhere(real: BuiltSite) -> None:
    problems = check_links(real.site)

    assert not problems, "\n".join(str(problem) for problem in problems)


def test_two_cold_builds_in_different_folders_are_byte_identical() -> None:
    problems = check_reproducible(REPO_ROOT)

    assert not problems, "\n".join(str(problem) for problem in problems)


def test_pages_with_edit_report_and_stale_links_are_valid_html(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    linked = linked_site(tmp_path_factory)
    shown = tmp_path / "site"
    for code in linked.model.language_codes:
        for page_id in ("index", "model/accessible", "lifecycle/design"):
            path = linked.page_path(code, page_id)
            (shown / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(linked.site / path, shown / path)

    problems = validate_html(shown, REPO_ROOT / VNU_JAR)

    assert not problems, "\n".join(str(problem) for problem in problems)

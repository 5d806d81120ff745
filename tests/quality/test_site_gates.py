"""The quality gates on the real site: what `scripts/test` (and so CI) holds every change to.

The strict build itself is `tests/site/` (`playbook build` and `mkdocs build --strict`
without a warning); these tests take its site and check it the way `playbook check` does.
Each gate runs once per session: the site tests rely on these for valid HTML, links and
anchors, and reproducibility.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from linked_site import linked_site
from real_site import EPOCH, REPO_ROOT, BuiltSite, built_site

from generator.quality import VNU_JAR, check_links, compare_sites, validate_html
from generator.quality.reproducible import build_project, copy_inputs

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


def test_two_cold_builds_in_different_folders_are_byte_identical(
    real: BuiltSite, tmp_path: Path
) -> None:
    """The gate's own steps (`playbook check` runs them through `check_reproducible`), with
    the session's build as the first build: it too was cold, in its own folder, at EPOCH."""
    project = copy_inputs(real.root, tmp_path / "project")
    second = build_project(project, tmp_path, EPOCH)

    problems = compare_sites(real.site, second)

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

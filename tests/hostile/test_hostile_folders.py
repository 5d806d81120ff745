"""Where a site may be built, and links that lead out of the project.

A site folder is replaced as a whole: `--site-dir .` must not replace the project,
nor `--site-dir content` the content. A link in the project to a file outside it
must not be read, published or echoed.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hostile_run import Playbook, run_playbook
from real_site import command, copy_project, environment

from generator.folders import MARKER

SECRET = "TOP-SECRET-VALUE-8d1f"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the real project; these tests refuse before building, so they share it."""
    return copy_project(tmp_path_factory.mktemp("site-dir") / "project")


def _tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".cache" not in path.parts
    }


@pytest.mark.parametrize(
    ("site_dir", "says"),
    [
        (".", "holds the project itself"),
        ("..", "holds the project itself"),
        ("content", "the project’s “content” folder"),
        ("content/attributes", "the project’s “content” folder"),
        ("playbook", "the project’s “playbook” folder"),
        ("site_templates", "the project’s “site_templates” folder"),
        ("docs", "the project’s “docs” folder"),
        ("mkdocs.yml", "is a file, not a folder"),
        ("notes", "was not made by this tool"),
    ],
)
def test_build_refuses_a_site_folder_that_would_replace_something_else(
    site_dir: str, says: str, project: Path
) -> None:
    (project / "notes").mkdir(exist_ok=True)
    (project / "notes" / "mine.txt").write_text("my notes\n", encoding="utf-8")
    before = _tree(project.parent)
    result = run_playbook("build", "--site-dir", site_dir, cwd=project)
    assert result.returncode == 2
    assert says in result.stderr
    assert _tree(project.parent) == before


@pytest.mark.parametrize(
    ("site_dir", "says"),
    [
        (".", "'docs_dir' should not be within the 'site_dir'"),  # MkDocs' own check
        ("content", "the project’s “content” folder"),
        ("playbook", "the project’s “playbook” folder"),
        ("../elsewhere", "was not made by this tool"),
    ],
)
def test_plain_mkdocs_build_refuses_them_too(site_dir: str, says: str, project: Path) -> None:
    (project.parent / "elsewhere").mkdir(exist_ok=True)
    (project.parent / "elsewhere" / "mine.txt").write_text("mine\n", encoding="utf-8")
    before = _tree(project.parent)
    result = subprocess.run(
        [*command("mkdocs"), "build", "-d", site_dir],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env=environment(),
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert says in result.stderr
    assert _tree(project.parent) == before


def test_a_marked_or_empty_folder_is_accepted(project: Path, tmp_path: Path) -> None:
    """Checked without building: the guard alone, as `playbook build` calls it."""
    from generator.folders import check_site_dir

    (tmp_path / "empty").mkdir()
    check_site_dir(project, tmp_path / "empty")
    check_site_dir(project, tmp_path / "new")
    (tmp_path / "ours").mkdir()
    (tmp_path / "ours" / "index.html").write_text("old site", encoding="utf-8")
    (tmp_path / "ours" / MARKER).write_text("", encoding="utf-8")
    check_site_dir(project, tmp_path / "ours")


@pytest.mark.parametrize(
    ("link", "target_text"),
    [
        ("content/model.yml", "root:x:0:0:root:/root:/bin/bash\n"),
        ("playbook/plays/03-outside.yml", f"id: outside\ntitle: {SECRET}\n"),
        ("site_templates/theme/js/environment.js", f"{SECRET}=1\n"),
        ("site_templates/pages/outside.html", f"<p>{SECRET}</p>\n"),
        ("content/examples/death-notification-assessment.yml", f"format: {SECRET}\n"),
    ],
)
def test_a_link_out_of_the_project_is_refused_unread(
    link: str, target_text: str, content_tree: Path, tmp_path: Path, playbook: Playbook
) -> None:
    outside = tmp_path / "outside" / Path(link).name
    outside.parent.mkdir()
    outside.write_text(target_text, encoding="utf-8")
    path = content_tree / link
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    path.symlink_to(outside)
    result = playbook("validate", "--root", content_tree)
    assert result.returncode == 1
    assert f"{link}:1: this is a link to “{outside}”, outside the project" in result.stderr
    assert SECRET not in result.stderr and "root:x" not in result.stderr


def test_a_linked_folder_out_of_the_project_is_refused(
    content_tree: Path, tmp_path: Path, playbook: Playbook
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (content_tree / "site_templates" / "theme").mkdir(parents=True)
    (content_tree / "site_templates" / "theme" / "leak").symlink_to(outside)
    result = playbook("validate", "--root", content_tree)
    assert result.returncode == 1
    assert "site_templates/theme/leak:1: this is a link to" in result.stderr


def test_a_link_inside_the_project_is_fine(content_tree: Path, playbook: Playbook) -> None:
    (content_tree / "content" / "shared").mkdir()
    (content_tree / "content" / "shared" / "model.yml").write_bytes(
        (content_tree / "content" / "model.yml").read_bytes()
    )
    (content_tree / "content" / "model.yml").unlink()
    (content_tree / "content" / "model.yml").symlink_to(content_tree / "content/shared/model.yml")
    assert playbook("validate", "--root", content_tree).returncode == 0


EXAMPLE = Path(__file__).resolve().parents[2] / "content/examples/death-notification-assessment.yml"


@pytest.mark.parametrize(
    ("out", "says"),
    [
        ("missing/report.html", "does not exist: create it first"),
        ("folder.html", "is a folder: give a file name"),
        ("/proc/report.html", "the report cannot be written to /proc/report.html"),
    ],
)
def test_report_into_a_place_it_cannot_write_says_so(
    out: str, says: str, project: Path, tmp_path: Path
) -> None:
    (tmp_path / "folder.html").mkdir()
    result = run_playbook("report", EXAMPLE, "--out", out, "--root", project, cwd=tmp_path)
    assert result.returncode == 2
    assert says in result.stderr
    assert result.stderr.count("\n") == 1


def test_build_into_a_folder_it_cannot_write_says_so_and_leaves_nothing(project: Path) -> None:
    result = run_playbook("build", "--site-dir", "/proc/site", cwd=project)
    assert result.returncode == 2
    assert "The site cannot be written to /proc/site" in result.stderr
    assert not list(project.parent.glob(".site-*")) and not list(project.glob(".site-*"))

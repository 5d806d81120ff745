"""Pages are rendered again only when something they are made from changed."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.load import load
from generator.model import Model
from generator.output import docs as incremental
from generator.output.docs import STAMP, render_into
from generator.render.pages import Download, render_site

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def model() -> Model:
    return load(REPO_ROOT)


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    """A private copy of the site's templates, to change."""
    copy = tmp_path / "site_templates"
    shutil.copytree(REPO_ROOT / "site_templates", copy)
    return copy


def _refuse_to_render(*args: Any, **kwargs: Any) -> None:
    raise AssertionError("rendered although nothing changed")


def _docs(docs: Path) -> dict[str, bytes]:
    return {
        path.relative_to(docs).as_posix(): path.read_bytes()
        for path in docs.rglob("*")
        if path.is_file() and path.name != STAMP
    }


def test_the_first_build_writes_every_page_and_a_stamp(
    tmp_path: Path, model: Model, templates: Path
) -> None:
    report = render_into(tmp_path / "docs", model, templates)

    assert sorted(report.written) == sorted(render_site(model, templates))
    assert (tmp_path / "docs" / STAMP).is_file()


def test_nothing_changed_nothing_is_rendered(
    tmp_path: Path, model: Model, templates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    render_into(tmp_path / "docs", model, templates)
    before = _docs(tmp_path / "docs")

    monkeypatch.setattr(incremental, "render_site", _refuse_to_render)
    report = render_into(tmp_path / "docs", model, templates)

    assert report.written == report.removed == ()
    assert _docs(tmp_path / "docs") == before


def test_a_changed_template_renders_again(tmp_path: Path, model: Model, templates: Path) -> None:
    render_into(tmp_path / "docs", model, templates)
    home = templates / "pages" / "home.html"
    home.write_text(home.read_text(encoding="utf-8") + "\n<p>New line</p>\n", encoding="utf-8")

    report = render_into(tmp_path / "docs", model, templates)

    assert "en/index.md" in report.written
    assert "New line" in (tmp_path / "docs" / "en" / "index.md").read_text(encoding="utf-8")


def test_a_changed_or_deleted_page_in_docs_is_restored(
    tmp_path: Path, model: Model, templates: Path
) -> None:
    docs = tmp_path / "docs"
    render_into(docs, model, templates)
    expected = _docs(docs)
    (docs / "en" / "index.md").write_text("edited by hand", encoding="utf-8")
    (docs / "fr" / "about.md").unlink()
    (docs / "en" / "stray.md").write_text("not a page", encoding="utf-8")

    render_into(docs, model, templates)

    assert _docs(docs) == expected


def test_other_downloads_render_again(
    tmp_path: Path, model: Model, templates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    render_into(tmp_path / "docs", model, templates)
    offered = {"en": {"worksheet": Download("worksheets/a.pdf", 2048, "ui.download")}}
    calls: list[object] = []

    def counted(*args: Any) -> dict[str, str]:
        calls.append(args)
        return render_site(*args)

    monkeypatch.setattr(incremental, "render_site", counted)
    render_into(tmp_path / "docs", model, templates, offered)

    assert len(calls) == 1

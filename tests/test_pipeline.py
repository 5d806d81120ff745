"""`build_docs`: the build's steps in order, told to a progress callback; mkdocs.yml checked;
`playbook build` reads the content once."""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from real_site import REPO_ROOT, build_in_process, copy_project

import generator.load
from generator.cache import CACHE_VARIABLE
from generator.errors import ContentError
from generator.pipeline import BuildStep, build_docs
from generator.print import build as print_build
from generator.print import pdf as pdf_module

# The real content prints 14 documents, in 2 languages and 2 page sizes.
EVERY_PDF = 56


def _fake_pdf(html: str, stylesheets: tuple[str, ...]) -> bytes:
    """Stands in for WeasyPrint: which PDFs are printed is what matters here."""
    return b"%PDF-1.7 test " + hashlib.sha256(html.encode()).hexdigest().encode()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path / "cache"))
    monkeypatch.setattr(pdf_module, "print_pdf", _fake_pdf)
    monkeypatch.setattr(print_build, "_available_cpus", lambda: 1)  # printed in this process
    return copy_project(tmp_path / "project")


def test_each_step_is_told_in_order_and_a_second_build_does_nothing_again(project: Path) -> None:
    steps: list[BuildStep] = []

    first = build_docs(project, project / "docs", progress=steps.append)

    assert [step.stage for step in steps[:4]] == ["validate", "example", "languages", "pdfs"]
    printing = [step for step in steps if step.stage == "pdfs"]
    assert [(step.done, step.total) for step in printing] == [
        (0, 0),
        *((done, EVERY_PDF) for done in range(EVERY_PDF + 1)),
    ]
    assert [(s.stage, s.done, s.total, s.item) for s in steps[-3:]] == [
        ("pages", 0, 2, ""),
        ("pages", 1, 2, "en"),
        ("pages", 2, 2, "fr"),
    ]
    assert len(first.pdfs.printed) == EVERY_PDF
    assert (project / "docs" / "fr" / "model" / "index.md").is_file()
    assert "fr/downloads/playbook-a4.pdf" in first.pages.written

    steps.clear()
    second = build_docs(project, project / "docs", progress=steps.append)

    assert [(s.stage, s.done, s.total) for s in steps] == [
        ("validate", 0, 0),
        ("example", 0, 0),
        ("languages", 0, 0),
        ("pdfs", 0, 0),
        ("pages", 0, 2),
    ]
    assert second.pdfs.printed == () and second.pages.written == ()


def test_mkdocs_languages_that_differ_from_the_content_s_are_shown_at_their_line(
    project: Path,
) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("- locale: fr\n") == 1
    config.write_text(text.replace("- locale: fr\n", "- locale: es\n"), encoding="utf-8")
    line = text[: text.index("- locale: fr\n")].count("\n") + 1
    steps: list[BuildStep] = []

    with pytest.raises(ContentError) as raised:
        build_docs(project, project / "docs", progress=steps.append)

    assert [str(problem) for problem in raised.value.problems] == [
        f"mkdocs.yml:{line}: the i18n plugin’s languages (en, es) are not those of "
        "content/languages.yml (en, fr) — list the same languages, in the same order, as "
        "“- locale: …” entries under the i18n plugin’s “languages:”"
    ]
    assert steps[-1].stage == "languages"
    assert not any((project / "docs").iterdir()), "nothing written"


def test_playbook_build_reads_the_content_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pipeline loads the model and hands it on: MkDocs' plugin, run by the build, does
    not load it again. Every name `load` is bound to in generator's modules counts (a module
    imported later takes the counting one from generator.load)."""
    real = generator.load.load
    loaded: list[Path] = []

    def counted(root: Path, *args: Any, **kwargs: Any) -> Any:
        loaded.append(root)
        return real(root, *args, **kwargs)

    for name, module in list(sys.modules.items()):
        if name.split(".")[0] == "generator" and getattr(module, "load", None) is real:
            monkeypatch.setattr(module, "load", counted)
    root = tmp_path / "project"
    for part in ("content", "playbook"):
        shutil.copytree(REPO_ROOT / "tests" / "fixtures" / "minimal" / part, root / part)
    shutil.copytree(REPO_ROOT / "site_templates", root / "site_templates")
    shutil.copy2(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "docs").mkdir()

    build_in_process(root, tmp_path / "site", tmp_path / "cache")

    assert loaded == [root]
    assert (tmp_path / "site" / "fr" / "index.html").is_file()

"""The real content's PDFs, a warm PDF cache, and copies of the project to edit.

Everything starts from one snapshot of the project taken at the start of the session,
so edits others make to the working tree meanwhile change nothing here. The PDFs are
those the session's build of the real site printed (real_site.py): `printed` takes
them from that build's cache, so a session prints each PDF once, and never into the
working tree's `.cache/`. Tests that count what is printed get their own cache holding
exactly the session's PDFs, so they start warm and share nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from real_site import built_site, copy_project

from generator.load import load
from generator.model import Model
from generator.print import PrintReport, print_documents
from generator.print.cache import PdfCache


@pytest.fixture(scope="session")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's content, playbook, templates and mkdocs.yml as the session started."""
    return copy_project(tmp_path_factory.mktemp("snapshot") / "project")


@pytest.fixture(scope="session")
def templates(snapshot: Path) -> Path:
    return snapshot / "site_templates"


@pytest.fixture(scope="session")
def model(snapshot: Path) -> Model:
    return load(snapshot)


@pytest.fixture(scope="session")
def printed(model: Model, templates: Path, tmp_path_factory: pytest.TempPathFactory) -> PrintReport:
    """Every PDF of the real content, in every language and page size: read from the
    cache the session's build of the real site filled (the same content), not printed again."""
    return print_documents(model, templates, built_site(tmp_path_factory).cache / "pdf")


@pytest.fixture
def warm_cache(printed: PrintReport, tmp_path: Path) -> Path:
    """A PDF cache of its own, holding every PDF of the real content."""
    folder = tmp_path / "pdf-cache"
    cache = PdfCache(folder)
    for file in printed.pdfs:
        cache.put(file.key, file.data)
    return folder


@pytest.fixture
def project(snapshot: Path, tmp_path: Path) -> Path:
    """A private copy of the project, to edit."""
    return Path(shutil.copytree(snapshot, tmp_path / "project"))

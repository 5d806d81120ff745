"""The real content printed once per session, a warm PDF cache, and copies of the project to edit.

Everything starts from one snapshot of the project taken at the start of the session,
so edits others make to the working tree meanwhile change nothing here. Printing goes
through the project's PDF cache (`.cache/pdf/`, or PLAYBOOK_CACHE_DIR): the first
session prints every PDF, later ones find them there. Tests that count what is printed
get their own cache holding exactly the session's PDFs, so they start warm and share nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from real_site import REPO_ROOT, copy_project

from generator.cache import cache_dir
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
def printed(model: Model, templates: Path) -> PrintReport:
    """Every PDF of the real content, in every language and page size."""
    return print_documents(model, templates, cache_dir(REPO_ROOT, "pdf"))


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

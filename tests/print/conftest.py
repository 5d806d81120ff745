"""The real content printed once per session, a warm copy of the PDF cache, a project copy.

Printing goes through the project's PDF cache (`.cache/pdf/`, or PLAYBOOK_CACHE_DIR):
the first session prints every PDF, later ones find them there. Tests that count
what is printed work on a copy of that cache, so they start warm and change nothing in it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from print_helpers import REPO_ROOT, TEMPLATES, copy_project

from generator.cache import cache_dir
from generator.load import load
from generator.model import Model
from generator.print import PrintReport, print_documents


@pytest.fixture(scope="session")
def model() -> Model:
    return load(REPO_ROOT)


@pytest.fixture(scope="session")
def printed(model: Model) -> PrintReport:
    """Every PDF of the real content, in every language and page size."""
    return print_documents(model, TEMPLATES, cache_dir(REPO_ROOT, "pdf"))


@pytest.fixture
def warm_cache(printed: PrintReport, tmp_path: Path) -> Path:
    """A copy of the PDF cache, holding every PDF of the real content."""
    copy = tmp_path / "pdf-cache"
    shutil.copytree(cache_dir(REPO_ROOT, "pdf"), copy)
    return copy


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the project, to edit."""
    return copy_project(tmp_path / "project")

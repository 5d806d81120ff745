"""The real model, loaded once: assessments are scored and checked against it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.assessment.example import EXAMPLE
from generator.load import load
from generator.model import Model

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def model() -> Model:
    return load(REPO_ROOT)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def example_file() -> Path:
    """The worked example in content/examples/."""
    return REPO_ROOT / EXAMPLE

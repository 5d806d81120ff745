"""The translation tests share one build of the real project with a third language."""

from __future__ import annotations

import pytest
from third_language_site import ThreeLanguageSite, build_three_languages


@pytest.fixture(scope="session")
def three_languages(tmp_path_factory: pytest.TempPathFactory) -> ThreeLanguageSite:
    return build_three_languages(tmp_path_factory)

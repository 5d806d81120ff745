"""The real site, built once per session from a copy of the project (see real_site.py)."""

from __future__ import annotations

import pytest
from real_site import BuiltSite, built_site


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_site(tmp_path_factory)

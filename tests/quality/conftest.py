"""The translation tests build copies of the real project with tests/site/real_site.py's helpers."""

from __future__ import annotations

import sys
from pathlib import Path

# real_site.py is shared by the site, browser, quality and translation tests (one module).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))

"""Chromium (the Debian package) driven by Playwright, on the site tests/site builds.

The site is served by a small threaded HTTP server on 127.0.0.1, as a static host would.
"""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import linked_site
import pytest
import real_site  # the same module the site tests use: one build for both
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


BuiltSite = real_site.BuiltSite
REPO_ROOT: Path = real_site.REPO_ROOT
AXE = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return real_site.built_site(tmp_path_factory)


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the base class's own attribute
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".wasm": "application/wasm",
    }

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _served(directory: Path) -> Iterator[str]:
    """A folder served at http://127.0.0.1:<port> (no trailing slash) until the generator ends."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def site_url(site: Any) -> Iterator[str]:
    """The built site served at http://127.0.0.1:<port> (no trailing slash)."""
    yield from _served(site.site)


@pytest.fixture(scope="session")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The site built with its repository named and one stale translation (linked_site.py)."""
    return linked_site.linked_site(tmp_path_factory)


@pytest.fixture(scope="session")
def linked_url(linked: Any) -> Iterator[str]:
    yield from _served(linked.site)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM} (Debian: apt-get install chromium)")
    launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
    yield launched
    launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(
            f"axe-core is missing ({AXE}). Run `npm ci` in {REPO_ROOT} to install the test tools."
        )
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project folder of tests/fixtures/minimal with the real templates, built into its
    `site/`: a small model whose changelog renamed one statement and removed another."""
    base = tmp_path_factory.mktemp("fixture-site")
    root = base / "project"
    for part in ("content", "playbook"):
        shutil.copytree(REPO_ROOT / "tests" / "fixtures" / "minimal" / part, root / part)
    shutil.copytree(REPO_ROOT / "site_templates", root / "site_templates")
    shutil.copy2(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "docs").mkdir()
    real_site.build_in_process(root, root / "site", base / "cache")
    return root


@pytest.fixture(scope="session")
def fixture_url(fixture_site: Path) -> Iterator[str]:
    yield from _served(fixture_site / "site")

"""`mkdocs serve` on a copy of the project: it serves, rebuilds when content or a template
changes, and then rests.

"Rests" is read from the server itself, not from a pause: MkDocs logs the paths it
watches, "Detected file changes" when it starts a rebuild and "Reloading browsers" when
that rebuild is done. Once every rebuild is done, the server starts another only if a
file under a watched path changed; so when the only files changed there are the test's
edit (and the file background printing touches when done) and the number of rebuilds is
exactly one per edit plus one per round of background printing, nothing is left to
start another.
"""

from __future__ import annotations

import io
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from real_site import BuiltSite, command, copy_project, environment

REBUILD_STARTED = "Detected file changes"
REBUILD_DONE = "Reloading browsers"
PRINTING_QUEUED = re.compile(r"Printing \d+ PDF\(s\) in the background")
WATCHING = re.compile(r"Watching paths for changes: (.*)$", re.MULTILINE)
# Upper bounds, not timings: after an edit the PDFs that show it are printed again in
# the background, which takes far longer on a machine busy with other builds.
START_WAIT = 120.0
CHANGE_WAIT = 120.0


@dataclass(frozen=True)
class Server:
    root: Path
    url: str
    log: Path
    cache: Path
    """The build cache (PLAYBOOK_CACHE_DIR) the server was started with."""

    def get(self, path: str) -> str | None:
        """The page's text, or None while the server cannot answer yet."""
        data = self.get_bytes(path)
        return None if data is None else data.decode("utf-8")

    def get_bytes(self, path: str) -> bytes | None:
        try:
            with urllib.request.urlopen(self.url + path, timeout=5) as response:
                data: bytes = response.read()
                return data
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def pdf_text(self, path: str) -> str:
        data = self.get_bytes(path)
        if data is None:
            return ""
        return " ".join(
            " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages
        )

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def rebuilds(self) -> tuple[int, int]:
        """Rebuilds started and rebuilds done, as the server logged them."""
        output = self.output()
        return output.count(REBUILD_STARTED), output.count(REBUILD_DONE)

    def watched_files(self) -> dict[Path, int]:
        """Every file under the paths the server said it watches, with its modification time."""
        found = WATCHING.search(self.output())
        assert found, "the server did not say which paths it watches:\n" + self.output()
        files: dict[Path, int] = {}
        for name in re.findall(r"'([^']+)'", found[1]):
            path = self.root / name  # relative to the server's folder, or absolute
            for file in [path] if path.is_file() else path.rglob("*"):
                if file.is_file():
                    files[file] = file.stat().st_mtime_ns
        return files


def wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    """Poll until the condition holds or the time is up (a bound, not a timing assertion)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return condition()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def server(site: BuiltSite, tmp_path: Path) -> Iterator[Server]:
    root = copy_project(tmp_path / "project")
    address = f"127.0.0.1:{free_port()}"
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(
            [*command("mkdocs"), "serve", "-f", str(root / "mkdocs.yml"), "-a", address],
            stdout=output,
            stderr=subprocess.STDOUT,
            env=environment(PLAYBOOK_CACHE_DIR=str(site.cache)),  # start warm
            cwd=root,
        )
    running = Server(root, f"http://{address}/", log, site.cache)
    try:
        yield running
    finally:
        process.send_signal(signal.SIGINT)  # MkDocs then removes its temporary site folder
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_serve_shows_an_edited_statement_and_then_rests(server: Server) -> None:
    assert wait_for(lambda: server.get("") is not None, START_WAIT), server.log.read_text()
    home = server.get("")
    assert home is not None and 'lang="en-CA"' in home

    relative = "content/attributes/simple.yml"
    old = "My services are delivered in easy to understand, plain language."
    new = "My services speak to me in plain words I understand the first time."
    attribute_page = "model/simple/"
    assert old in (server.get(attribute_page) or "")
    watched = server.watched_files()
    source = server.root / relative
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == 1
    source.write_text(text.replace(old, new), encoding="utf-8")

    assert wait_for(lambda: new in (server.get(attribute_page) or ""), CHANGE_WAIT), (
        server.log.read_text()
    )
    assert old not in (server.get(attribute_page) or "")
    # The page showed the edit before its worksheet was printed again; the worksheet
    # follows once the background printing is done, with one more rebuild.
    worksheet = "downloads/worksheet-simple-letter.pdf"
    assert wait_for(
        lambda: "plain words I understand" in server.pdf_text(worksheet), CHANGE_WAIT
    ), server.log.read_text()

    # The edit's rebuild, then the one background printing asks for when done, and no other.
    assert_rests(server, watched, edited=[source, server.cache / "serve" / "pdfs-printed"])
    assert len(PRINTING_QUEUED.findall(server.output())) == 1, server.output()
    assert server.rebuilds() == (2, 2), server.output()


@pytest.mark.parametrize(
    ("relative", "anchor", "marker"),
    [
        pytest.param(
            "site_templates/pages/attribute.html",
            '<div class="page page-attribute">',
            '<p class="note" id="serve-test">Edited page template</p>',
            id="page template",
        ),
        pytest.param(
            "site_templates/theme/main.html",
            '<footer class="site-footer">',
            '<p class="note" id="serve-test">Edited theme template</p>',
            id="theme template",
        ),
    ],
)
def test_serve_shows_an_edited_template_and_then_rests(
    server: Server, relative: str, anchor: str, marker: str
) -> None:
    assert wait_for(lambda: server.get("") is not None, START_WAIT), server.log.read_text()
    page = "fr/model/simple/"
    assert marker not in (server.get(page) or "")
    watched = server.watched_files()
    source = server.root / relative
    text = source.read_text(encoding="utf-8")
    assert text.count(anchor) == 1
    source.write_text(text.replace(anchor, anchor + "\n" + marker), encoding="utf-8")

    assert wait_for(lambda: marker in (server.get(page) or ""), CHANGE_WAIT), server.log.read_text()
    assert_rests(server, watched, edited=[source])
    assert not PRINTING_QUEUED.search(server.output()), "a page template is not printed"
    assert server.rebuilds() == (1, 1), server.output()


def assert_rests(server: Server, watched: dict[Path, int], edited: list[Path]) -> None:
    """Every rebuild done, and no watched file changed but the `edited` ones: see above."""
    assert wait_for(lambda: len(set(server.rebuilds())) == 1, CHANGE_WAIT), server.output()
    now = server.watched_files()
    changed = {path for path in watched.keys() | now.keys() if watched.get(path) != now.get(path)}
    assert changed == set(edited), "a rebuild changed what the server watches:\n" + "\n".join(
        sorted(str(path) for path in changed - set(edited))
    )

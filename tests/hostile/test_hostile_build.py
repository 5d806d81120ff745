"""A build stopped while it prints, then a build that finishes: what each leaves behind.

One copy of the real project with an empty cache, so that the builds really print
PDFs: SIGTERM during printing, then SIGKILL during printing, then a complete build
(which must clean what the killed one left), then a second complete build into the
same folder. The system's temporary folder (TMPDIR) is a private one, so anything
left there is seen. An interface string tries to break out of its attribute.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from real_site import command, copy_project, environment

from generator.folders import MARKER

BREAKOUT = 'X" onfocus="alert(1)" tabindex="0" autofocus x="'
PATIENCE = 300
"""Seconds a build may take to reach the printing, or to finish, on a busy machine."""


def _children() -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            found.setdefault(int(fields[1]), []).append(int(entry.name))
    return found


def _descendants(pid: int) -> set[int]:
    tree, found, waiting = _children(), set(), [pid]
    while waiting:
        for child in tree.get(waiting.pop(), []):
            found.add(child)
            waiting.append(child)
    return found


def _running(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
        except OSError:
            continue
        if state not in ("Z", "X"):
            alive.add(pid)
    return alive


def _wait_until(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.2)
    return False


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            self.values.setdefault(name, []).append(value or "")


def _attribute_values(html: str) -> dict[str, list[str]]:
    """Each attribute name found in `html`, with the values it has there."""
    parser = _Attributes()
    parser.feed(html)
    return parser.values


def _attribute_names(html: str) -> set[str]:
    return set(_attribute_values(html))


class Builds:
    def __init__(self, tmp: Path) -> None:
        self.project = copy_project(tmp / "project")
        strings = self.project / "site_templates" / "strings.yml"
        text = strings.read_text(encoding="utf-8")
        hostile = text.replace("fr: Choix de la langue}", f"fr: '{BREAKOUT}'}}")
        assert hostile != text
        strings.write_text(hostile, encoding="utf-8")
        self.site = tmp / "site"
        self.cache = tmp / "cache"
        self.system_tmp = tmp / "system-tmp"
        self.system_tmp.mkdir()

    def start(self) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [*command("playbook"), "build", "--root", self.project, "--site-dir", self.site],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=environment(PLAYBOOK_CACHE_DIR=str(self.cache), TMPDIR=str(self.system_tmp)),
        )

    def printing(self) -> bool:
        return any((self.cache / "tmp").glob(".printing-*/weasyprint-*"))

    def stop_while_printing(self, signal_number: int) -> tuple[subprocess.Popen[str], str]:
        build = self.start()
        assert _wait_until(lambda: self.printing() or build.poll() is not None, PATIENCE)
        assert build.poll() is None, "the build ended before printing"
        workers = _descendants(build.pid)
        assert workers, "no printing process was seen"
        build.send_signal(signal_number)
        _, stderr = build.communicate(timeout=PATIENCE)
        assert _wait_until(lambda: not _running(workers), 30), "workers outlived the build"
        return build, stderr

    def leftovers(self) -> list[str]:
        parent = self.site.parent
        return sorted(
            path.name
            for path in [*parent.glob(".site-*"), *(self.cache / "tmp").glob("*")]
            if path.exists()
        ) + sorted(path.name for path in self.system_tmp.iterdir())


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Builds]:
    yield Builds(tmp_path_factory.mktemp("killed-build"))


@pytest.mark.slow
def test_sigterm_while_printing_stops_at_once_and_cleans_up(builds: Builds) -> None:
    build, stderr = builds.stop_while_printing(signal.SIGTERM)
    assert build.returncode == 130
    assert "Traceback" not in stderr
    assert stderr.count("Interrupted: the command stopped before it finished") == 1
    assert builds.leftovers() == []
    assert not builds.site.exists()


@pytest.mark.slow
def test_sigkill_while_printing_takes_the_workers_along(builds: Builds) -> None:
    build, _ = builds.stop_while_printing(signal.SIGKILL)
    assert build.returncode == -signal.SIGKILL
    assert not builds.site.exists()


@pytest.mark.slow
def test_the_next_build_cleans_up_and_publishes_a_normal_site(builds: Builds) -> None:
    build = builds.start()
    _, stderr = build.communicate(timeout=PATIENCE)
    assert build.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert builds.leftovers() == [], "a killed build's leftovers, or temporary files, remain"

    site = builds.site
    assert (site / MARKER).is_file()
    modes = {
        path.relative_to(site).as_posix(): stat.S_IMODE(path.stat().st_mode)
        for path in [site, *site.rglob("*")]
    }
    umask = os.umask(0o022)
    os.umask(umask)
    wrong = {
        name: oct(mode)
        for name, mode in modes.items()
        if mode != (0o777 if (site / name).is_dir() else 0o666) & ~umask
    }
    assert not wrong, "the site's folders and files need the usual permissions"

    # The whole hostile string stays inside its attribute: the French typography may turn
    # its quotation marks into guillemets, but no attribute of its own comes out of it.
    french = _attribute_values((site / "fr" / "index.html").read_text(encoding="utf-8"))
    assert any(
        "onfocus=" in value and "alert(1)" in value and "autofocus" in value
        for value in french.get("aria-label", [])
    )
    handlers = [
        (page.relative_to(site).as_posix(), name)
        for page in site.rglob("*.html")
        for name in _attribute_names(page.read_text(encoding="utf-8"))
        if name.startswith("on")
    ]
    assert not handlers, "an event-handler attribute was published"


@pytest.mark.slow
def test_a_build_replaces_its_own_earlier_site(builds: Builds) -> None:
    (builds.site / "stale.html").write_text("from an earlier build", encoding="utf-8")
    build = builds.start()
    _, stderr = build.communicate(timeout=PATIENCE)
    assert build.returncode == 0, stderr
    assert not (builds.site / "stale.html").exists()
    assert builds.leftovers() == []


def test_ctrl_c_prints_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator import cli
    from generator.commands import validate

    def interrupted(arguments: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(validate, "run", interrupted)
    assert cli.main(["validate"]) == 130
    assert capsys.readouterr().err == (
        "Interrupted: the command stopped before it finished "
        "(a site being built is only swapped in once complete).\n"
    )

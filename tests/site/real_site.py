"""A private copy of the real project, built with the real command line.

The site tests and the browser tests share one build per test session:
`built_site(tmp_path_factory)` builds the first time it is called and returns
the same `BuiltSite` afterwards, whichever conftest asks for it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.cache import CACHE_VARIABLE
from generator.cli import main
from generator.load import load
from generator.model import Model
from generator.print import build as print_build
from generator.print import pdf as pdf_module
from generator.render.site_map import page_directory, site_pages

REPO_ROOT = Path(__file__).resolve().parents[2]
PROJECT_PARTS = ("content", "playbook", "site_templates")
PROJECT_FILES = ("mkdocs.yml", "translations.lock")
EPOCH = "1700000000"
"""SOURCE_DATE_EPOCH of the session's build, as the reproducibility gate sets it for both builds."""


def command(name: str) -> list[str]:
    """A console script of the virtual environment running the tests."""
    script = Path(sys.executable).parent / name
    if script.exists():
        return [str(script)]
    module = {"playbook": "generator.cli", "mkdocs": "mkdocs"}[name]
    return [sys.executable, "-m", module]


def environment(**extra: str) -> dict[str, str]:
    """The tool's messages in English, whatever the machine's locale, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if k not in ("PLAYBOOK_CACHE_DIR",)}
    env.update(PLAYBOOK_LANG="en", **extra)
    return env


# Typography is applied to the output (generator/typography.py); tests that look for a
# source's words in a page or a PDF compare them whatever their marks: curly or straight
# quotes, a dash closed up or spaced, a space before ; ! ? or none.
_MARKS = str.maketrans({"’": "'", "\u2018": "'", "“": '"', "”": '"'})
_SPACED = re.compile(r"\s*(—)\s*|\s+(?=[;!?])")


def without_typography(text: str) -> str:
    """`text` with quotation marks made straight and no space around dashes or before ; ! ?."""
    return _SPACED.sub(lambda match: match[1] or "", text.translate(_MARKS))


def copy_project(destination: Path) -> Path:
    """The real content, playbook, templates, mkdocs.yml and translations.lock, with an
    empty docs/ folder."""
    destination.mkdir(parents=True)
    for part in PROJECT_PARTS:
        shutil.copytree(REPO_ROOT / part, destination / part)
    for name in PROJECT_FILES:
        shutil.copy2(REPO_ROOT / name, destination / name)
    (destination / "docs").mkdir()
    return destination


def build(
    root: Path, site_dir: Path, cache: Path | None = None, epoch: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`playbook build`, as a user runs it; `cache` moves the build cache (an empty one: cold)."""
    extra = {"PLAYBOOK_CACHE_DIR": str(cache)} if cache else {}
    if epoch:
        extra["SOURCE_DATE_EPOCH"] = epoch
    return subprocess.run(
        [*command("playbook"), "build", "--root", str(root), "--site-dir", str(site_dir)],
        capture_output=True,
        text=True,
        check=False,
        env=environment(**extra),
        timeout=300,
    )


def stand_in_pdf(html: str, stylesheets: tuple[str, ...]) -> bytes:
    """Stands in for WeasyPrint where what matters is which PDFs are printed and from what:
    the document's HTML follows a PDF header, so a test can read what it was made from."""
    return b"%PDF-1.7 printed by the test\n" + html.encode()


def print_stand_ins(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every PDF printed from here on is a `stand_in_pdf`, printed in this process (where
    the patch holds)."""
    monkeypatch.setattr(pdf_module, "print_pdf", stand_in_pdf)
    monkeypatch.setattr(print_build, "_available_cpus", lambda: 1)


def build_in_process(root: Path, site_dir: Path, cache: Path) -> None:
    """`playbook build` in the tests' process, any PDF it has to print a stand-in: the pages
    exactly as the command builds them, without the minute WeasyPrint would take."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_VARIABLE, str(cache))
        print_stand_ins(patch)
        status = main(["build", "--root", str(root), "--site-dir", str(site_dir)])
    if status != 0:
        pytest.fail(f"playbook build --root {root} failed (its messages are above)")


def site_files(site_dir: Path) -> dict[str, bytes]:
    """Every file of a built site by its path relative to the site, with its bytes."""
    return {
        path.relative_to(site_dir).as_posix(): path.read_bytes()
        for path in sorted(site_dir.rglob("*"))
        if path.is_file()
    }


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    """The project copy the site was built from."""
    site: Path
    model: Model

    @property
    def cache(self) -> Path:
        """The build cache the session's build filled, cold at its start: other builds and
        the print tests reuse it to start warm, so the session prints each PDF once."""
        return self.root / ".cache"

    def language_root(self, code: str) -> str:
        """'' for the default language, 'fr/' for French."""
        return "" if code == self.model.default_language else f"{code}/"

    def page_path(self, code: str, page_id: str) -> str:
        """The built file of a page, relative to the site: 'fr/model/simple/index.html'."""
        return f"{self.language_root(code)}{page_directory(page_id)}index.html"

    def page_url(self, code: str, page_id: str) -> str:
        """The page's address from the site root: '/fr/model/simple/'."""
        return f"/{self.language_root(code)}{page_directory(page_id)}"

    def page_ids(self) -> list[str]:
        return [page.page_id for page in site_pages(self.model)]

    def html_pages(self) -> list[tuple[str, str]]:
        """(language code, page id) for every page of every language."""
        return [
            (code, page_id) for code in self.model.language_codes for page_id in self.page_ids()
        ]


_built: dict[str, BuiltSite] = {}


def built_site(factory: pytest.TempPathFactory) -> BuiltSite:
    """The real project, copied and built once per session, cold (an empty `.cache/` in the
    copy), so the reproducibility gate can compare it with a second cold build; fails the
    test if the build fails."""
    if "site" not in _built:
        base = factory.mktemp("real-site")
        root = copy_project(base / "project")
        outcome = build(root, base / "site", epoch=EPOCH)
        if outcome.returncode != 0:
            pytest.fail(f"playbook build failed:\n{outcome.stdout}\n{outcome.stderr}")
        _built["site"] = BuiltSite(root, base / "site", load(root))
    return _built["site"]

"""The real project built as the Pages workflow builds it: with its repository named
(`--repo-url`, `--edit-uri`), and one English text changed after the translations
were last confirmed, so its page has a stale translation.

Shared by the site tests and the browser tests: built once per session, from the
warm cache of the session's plain build.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from real_site import REPO_ROOT, BuiltSite, built_site, command, copy_project, environment

from generator.load import load

REPOSITORY = "https://github.com/example-org/client-centric-playbook"
PUBLISHED_AT = "https://example-org.github.io/client-centric-playbook/"
CHANGED_FILE = "content/attributes/accessible.yml"
BEFORE = "I can choose the channel that suits me the best (e.g. online, in-person, over the phone)."
AFTER = "I can choose the channel that suits me best: online, in person or over the phone."

_built: dict[str, BuiltSite] = {}


def linked_site(factory: pytest.TempPathFactory) -> BuiltSite:
    if "site" in _built:
        return _built["site"]
    plain = built_site(factory)
    base = factory.mktemp("linked-site")
    root = copy_project(base / "project")
    shutil.copy2(REPO_ROOT / "translations.lock", root / "translations.lock")
    path = root / CHANGED_FILE
    text = path.read_text(encoding="utf-8")
    assert BEFORE in text, f"{CHANGED_FILE} no longer has the statement this build changes"
    path.write_text(text.replace(BEFORE, AFTER), encoding="utf-8")
    cache = base / "cache"
    shutil.copytree(plain.cache, cache)  # warm: only the PDFs that show the change print again
    outcome = subprocess.run(
        [
            *command("playbook"),
            "build",
            "--root",
            str(root),
            "--site-dir",
            str(base / "site"),
            "--site-url",
            PUBLISHED_AT,
            "--repo-url",
            REPOSITORY,
            "--edit-uri",
            "edit/main/docs/",
        ],
        capture_output=True,
        text=True,
        check=False,
        env=environment(PLAYBOOK_CACHE_DIR=str(cache)),
        timeout=300,
    )
    if outcome.returncode != 0:
        pytest.fail(f"playbook build failed:\n{outcome.stdout}\n{outcome.stderr}")
    _built["site"] = BuiltSite(root, base / "site", load(root))
    return _built["site"]

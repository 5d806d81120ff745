"""HTML validity: the Nu Html Checker (vnu, the W3C's checker) over every page of a built site.

No message is filtered out: each error vnu reports is a page a browser has to guess at.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.errors import Problem, UsageError
from generator.i18n import Message, say

VNU_JAR = Path("node_modules/vnu-jar/build/dist/vnu.jar")
"""Pinned in package-lock.json; `npm ci` puts it here."""


def _shown_path(url: str, site_dir: Path) -> str:
    path = Path(unquote(urlsplit(url).path))
    try:
        return path.resolve().relative_to(site_dir.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def validate_html(site_dir: Path, jar: Path) -> list[Problem]:
    """Every error vnu finds in the site's HTML files, at the page's path and line."""
    if not jar.is_file():
        raise UsageError(say("check_no_vnu", detail=f"{jar} is missing"))
    command = [
        "java",
        "-jar",
        str(jar),
        "--errors-only",
        "--format",
        "json",
        "--stdout",
        "--skip-non-html",
        str(site_dir),
    ]
    try:
        outcome = subprocess.run(command, capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise UsageError(say("check_no_vnu", detail=str(error))) from None
    try:
        report = json.loads(outcome.stdout)
    except json.JSONDecodeError:
        detail = (outcome.stderr or outcome.stdout).strip()[-500:]
        raise UsageError(say("check_no_vnu", detail=detail)) from None
    problems = []
    for message in report.get("messages", []):
        if message.get("type") not in ("error", "non-document-error"):
            continue
        path = _shown_path(message.get("url", ""), site_dir)
        line = int(message.get("lastLine") or message.get("firstLine") or 1)
        problems.append(Problem(path, line, Message.of("html_invalid", detail=message["message"])))
    return sorted(problems)

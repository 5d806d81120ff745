"""The HTML gate: the Nu Html Checker's errors, each at the page and line it was found."""

from __future__ import annotations

from pathlib import Path

import pytest
from real_site import REPO_ROOT

from generator.errors import UsageError
from generator.quality import VNU_JAR, validate_html

PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A page</title></head>
<body>
{body}
</body>
</html>
"""


def write(site: Path, name: str, body: str) -> None:
    path = site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(body=body), encoding="utf-8")


def test_valid_pages_pass_and_invalid_ones_are_named_with_their_lines(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write(site, "index.html", '<main id="main"><h1>Home</h1><p>Text.</p></main>')
    write(site, "fr/about/index.html", '<h1 id="x">À propos</h1>\n<p id="x">Double</p>')
    write(site, "model/index.html", "<h1>Model</h1>\n<span><div>Block in inline</div></span>")
    (site / "notes.txt").write_text("<p>not HTML, skipped", encoding="utf-8")

    problems = validate_html(site, REPO_ROOT / VNU_JAR)

    shown = [f"{problem.path}:{problem.line}" for problem in problems]
    assert shown == ["fr/about/index.html:6", "model/index.html:6"]
    assert "Duplicate ID “x”" in str(problems[0])
    assert "Element “div” not allowed as child of element “span”" in str(problems[1])
    assert "correct the template that writes this element" in str(problems[1])


def test_a_missing_checker_says_how_to_install_it(tmp_path: Path) -> None:
    write(tmp_path, "index.html", "<h1>Home</h1>")

    with pytest.raises(UsageError, match="npm ci"):
        validate_html(tmp_path, tmp_path / VNU_JAR)

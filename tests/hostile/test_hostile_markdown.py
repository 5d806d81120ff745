"""Markdown that embeds an image or links where content may not: refused, and never rendered.

Content may link to https: and mailto: addresses and to pages of the site, and
embeds no image (the site makes no request to another host; the PDFs embed
nothing from the build machine). Encoded and disguised forms count as what they mean.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_run import Playbook

from generator.render.markdown_text import to_html

PLAY = "playbook/plays/01-plain-language.yml"
ORIGINAL = "  en: Use words clients know."

IMAGES = [
    "![x](&#102;ile:///home/user/secret.png)",
    "![](https://tracker.example/pixel.gif)",
    "![logo][ref]\n\n[ref]: https://tracker.example/a.png",
    "![x](/downloads/a.png)",
    "[![x](https://tracker.example/a.png)](https://example.org)",
]
LINKS = [
    "[x](//host.example/)",
    "[x](/\\host.example/)",
    "[x](\\\\host.example/)",
    "[x](http://example.org/)",
    "[x](file:///etc/passwd)",
    "[x](&#102;ile:///etc/passwd)",
    "[x](java&#09;script:alert(1))",
    "[x](&#x6A;avascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "[x][far]\n\n[far]: //host.example/",
    "[x]( //host.example/)",
    "[x](ftp://example.org/)",
]
FINE = [
    "[the guide](https://example.org/guide)",
    "[write to us](mailto:team@example.org)",
    "[the model](../model/)",
    "[the model](/model/)",
    "[below](#actions)",
]


def _summary(content_tree: Path, text: str) -> None:
    path = content_tree / PLAY
    original = path.read_text(encoding="utf-8")
    quoted = '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    path.write_text(original.replace(ORIGINAL, f"  en: {quoted}"), encoding="utf-8")


@pytest.mark.parametrize("text", IMAGES)
def test_an_image_is_refused(text: str, content_tree: Path, playbook: Playbook) -> None:
    _summary(content_tree, text)
    result = playbook("validate", "--root", content_tree)
    assert result.returncode == 1
    assert f"{PLAY}:6: summary: the “en” text embeds an image" in result.stderr


@pytest.mark.parametrize("text", LINKS)
def test_a_link_to_another_host_or_scheme_is_refused(
    text: str, content_tree: Path, playbook: Playbook
) -> None:
    _summary(content_tree, text)
    result = playbook("validate", "--root", content_tree)
    assert result.returncode == 1
    assert f"{PLAY}:6: summary: the “en” text " in result.stderr
    assert "links to" in result.stderr or "script link" in result.stderr


@pytest.mark.parametrize("text", FINE)
def test_allowed_links_pass(text: str, content_tree: Path, playbook: Playbook) -> None:
    _summary(content_tree, text)
    assert playbook("validate", "--root", content_tree).returncode == 0


@pytest.mark.parametrize("text", IMAGES)
def test_rendering_drops_images_even_if_validation_missed_them(text: str) -> None:
    assert "<img" not in str(to_html(text))


@pytest.mark.parametrize("text", LINKS)
def test_rendering_drops_such_links_even_if_validation_missed_them(text: str) -> None:
    assert "href" not in str(to_html(text))


@pytest.mark.parametrize("text", FINE)
def test_rendering_keeps_allowed_links(text: str) -> None:
    assert 'href="' in str(to_html(text))

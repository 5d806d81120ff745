"""Shortcuts taken for speed in rendering give exactly what the slow paths give, on the
real content: a text with no Markdown in it skips the Markdown parser, and front matter is
written by libyaml's dumper."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import markdown
import yaml

from generator.load import load
from generator.render.markdown_text import to_html
from generator.render.pages import render_site
from generator.schema.markdown import SafeMarkdown
from generator.schema.text import LocalizedText

REPO_ROOT = Path(__file__).resolve().parents[2]


def _texts(value: object, seen: set[int]) -> Iterator[str]:
    """Every text of the model, in every language, as templates hand it to Markdown."""
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, LocalizedText):
        yield from value.root.values()
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item, seen)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item, seen)
    elif hasattr(value, "__dict__") and not isinstance(value, type):
        for item in vars(value).values():
            yield from _texts(item, seen)


# One line each, every mark that changes Markdown's output, so a shortcut taken too often fails.
_ONE_MARK_EACH = (
    "an *emphasised* word",
    "a __strong__ word",
    "a `code` word",
    "a [link](https://example.com)",
    "x < y & z > w",
    "# Heading",
    "- item",
    "+ item",
    "1. item",
    "1) item",
    "> quote",
    "***",
    "---",
    "line  ",
    " lead",
    "tab\there",
    "back\\slash \\*",
    "line\nbreak",
    "![image](a.png)",
)


def test_plain_texts_skip_markdown_with_the_same_html() -> None:
    full = markdown.Markdown(extensions=[SafeMarkdown(), "sane_lists"], output_format="html")
    texts = set(_texts(load(REPO_ROOT), set()))
    texts |= {"Tom's co-op: 100% (approx.)?", "«\u00a0oui\u00a0»", "2026 was", "a.b", ""}
    texts |= set(_ONE_MARK_EACH)

    for text in sorted(texts):
        full.reset()
        assert to_html(text) == full.convert(text), text


def test_front_matter_is_written_as_the_pure_python_dumper_would() -> None:
    pages = render_site(load(REPO_ROOT))

    for path, text in pages.items():
        front_matter = text.split("---\n")[1]
        meta = yaml.load(front_matter, Loader=yaml.SafeLoader)
        slow = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000)
        assert front_matter == slow, path

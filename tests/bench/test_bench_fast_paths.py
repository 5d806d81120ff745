"""The shortcuts taken for speed give exactly what the slow paths give, on the real content.

- YAML is composed by libyaml, and read again by pure Python only when it fails;
- front matter is written by libyaml's dumper;
- a text with no Markdown in it skips the Markdown parser.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import markdown
import pytest
import yaml

from generator.load import load
from generator.render.markdown_text import to_html
from generator.render.pages import render_site
from generator.schema.loader import SourceDocument, read_yaml
from generator.schema.markdown import SafeMarkdown
from generator.schema.text import LocalizedText

REPO_ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(
    [
        *(REPO_ROOT / "content").rglob("*.yml"),
        *(REPO_ROOT / "playbook").rglob("*.yml"),
        REPO_ROOT / "site_templates" / "strings.yml",
    ]
)


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


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.name)
def test_yaml_reads_the_same_as_the_pure_python_safe_loader(path: Path) -> None:
    document = read_yaml(path, path.name)

    assert isinstance(document, SourceDocument)
    assert document.data == yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)


def test_a_yaml_mistake_is_worded_by_the_pure_python_reader(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("title: @draft\n", encoding="utf-8")

    problem = read_yaml(broken, "broken.yml")

    assert "'@'" in str(problem), "libyaml's wording leaves out the offending character"


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

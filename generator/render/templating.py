"""The Jinja2 environment for page templates: compiled once, strict, autoescaped.

Templates receive the model and a language; every word comes from the content or
from `site_templates/strings.yml`, so templates hold markup only. Typography is not
applied here but on the finished HTML (`generator.typography.typeset_html`), where
text and markup can be told apart.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from generator.cache import Key, cache_dir
from generator.model import Model
from generator.render.localized import string_in, text_in
from generator.render.markdown_text import to_html, to_inline_html
from generator.schema.placeholders import fill
from generator.schema.text import LocalizedText
from generator.typography import typeset


def _text_in(
    context: jinja2.runtime.Context, value: LocalizedText | None
) -> tuple[str, str | None]:
    """The text in the page's language; or the default language's and its code when missing."""
    if value is None:
        return "", None
    language: str = context["lang"]
    return text_in(value, language, context["default_language"])


def _marked(
    context: jinja2.runtime.Context, html: Markup, fallback: str | None, block: bool = False
) -> Markup:
    if fallback is None:
        return html
    model = context["model"]
    marker = model.strings["site.untranslated"]
    marker_language = context["lang"] if marker.get(context["lang"]) else fallback
    return Markup(_FALLBACK_BLOCK if block else _FALLBACK_INLINE).format(
        text_locale=model.language(fallback).locale,
        text=html,
        marker_locale=model.language(marker_language).locale,
        marker=_strings_in(context, "site.untranslated"),
    )


# A fallback text keeps its own language for screen readers, and says it is untranslated
# (the marker too is in the default language until the language has its own words).
# Block Markdown (paragraphs, lists) needs block elements around it to stay valid HTML.
_FALLBACK_INLINE = (
    '<span lang="{text_locale}" class="untranslated">{text}</span> '
    '<span lang="{marker_locale}" class="untranslated-marker">({marker})</span>'
)
_FALLBACK_BLOCK = (
    '<div lang="{text_locale}" class="untranslated">{text}</div>'
    '<p lang="{marker_locale}" class="untranslated-marker">({marker})</p>'
)


def _strings_in(context: jinja2.runtime.Context, key: str) -> str:
    return string_in(context["model"], key, context["lang"])


@jinja2.pass_context
def translate(context: jinja2.runtime.Context, value: LocalizedText | None) -> Markup:
    """A plain content text, escaped, in the page's language."""
    text, fallback = _text_in(context, value)
    return _marked(context, escape(text), fallback)


def plain_text(model: Model, value: LocalizedText | str, language: str) -> str:
    """A text for attributes and titles: no markup, falls back silently.

    A `str` is the key of a word of the interface (site_templates/strings.yml).
    """
    if isinstance(value, str):
        return string_in(model, value, language)
    text, fallback = text_in(value, language, model.default_language)
    return typeset(text, language) if fallback is None else text


@jinja2.pass_context
def plain(context: jinja2.runtime.Context, value: LocalizedText | str) -> str:
    """`plain_text` in the page's language."""
    return plain_text(context["model"], value, context["lang"])


@jinja2.pass_context
def markdown_block(context: jinja2.runtime.Context, value: LocalizedText | None) -> Markup:
    text, fallback = _text_in(context, value)
    return _marked(context, to_html(text), fallback, block=True)


@jinja2.pass_context
def markdown_inline(context: jinja2.runtime.Context, value: LocalizedText | None) -> Markup:
    text, fallback = _text_in(context, value)
    return _marked(context, to_inline_html(text), fallback)


@jinja2.pass_context
def ui_string(context: jinja2.runtime.Context, key: str, **values: Any) -> str:
    """A UI string from strings.yml, with {placeholders} filled when values are given."""
    text = _strings_in(context, key)
    return fill(text, values) if values else text


def heading_tags(level: int) -> tuple[str, str]:
    """The tags of headings at `level` and of the headings under them: ('h2', 'h3')."""
    return f"h{level}", f"h{level + 1}"


def _bytecode_cache(templates: Path) -> jinja2.BytecodeCache | None:
    """Templates compiled once and kept across builds, in the project's cache.

    Jinja keys compiled templates by their source only, not by the options set in
    this file: the folder's name changes with this file and with Jinja's version.
    """
    key = Key("jinja").add(Path(__file__).read_bytes()).add_versions("jinja2")
    folder = cache_dir(templates.resolve().parent.parent, "jinja") / key.hex()[:16]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a read-only checkout builds all the same, compiling every time
    return jinja2.FileSystemBytecodeCache(str(folder))


@cache
def environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        bytecode_cache=_bytecode_cache(templates),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(t=translate, plain=plain, md=markdown_block, md_inline=markdown_inline)
    env.globals.update(s=ui_string, heading_tags=heading_tags)
    return env

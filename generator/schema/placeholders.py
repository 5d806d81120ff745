"""The {placeholders} of interface strings: checked against what the code fills in.

A string of site_templates/strings.yml may hold `{name}` slots that a template, the
report code or the browser fills in. A typo (`{targt}`) would fail the build or
show a blank; a format expression (`{count.__class__}`) would reach into Python
objects. So a slot is a plain lowercase name, the same in every language, and one
that every place showing the string gives a value for. What each string receives
is read from the sources themselves: `s('key', name=…)` in the templates,
`word(model, 'key', language, name=…)` in Python, `say("key", { name: … })` and
`["key", { name: … }]` in the theme's scripts. A string filled in nowhere (the
browser fills some from data attributes) only needs the same slots in every language.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path

import jinja2
from jinja2 import nodes

__all__ = ["fill", "received", "slot_problem", "slots"]

_SLOT = re.compile(r"\{([^{}]*)\}")
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
_GENERATOR = Path(__file__).resolve().parents[1]
_JS_CALL = re.compile(r"""["']([a-z0-9_.]+)["']\s*,\s*\{([^{}]*)\}""")
_JS_NAME = re.compile(r"(?:^|,)\s*([A-Za-z_$][\w$]*)\s*(?=[:,]|$)")


def slots(text: str) -> set[str]:
    return {match.group(1) for match in _SLOT.finditer(text)}


def slot_problem(text: str) -> str | None:
    """The first slot that is not a plain name, or a lone brace; None if all are fine."""
    for slot in slots(text):
        if not _NAME.match(slot):
            return "{" + slot + "}"
    rest = _SLOT.sub("", text)
    if "{" in rest or "}" in rest:
        return "{" if "{" in rest else "}"
    return None


def fill(text: str, values: Mapping[str, object]) -> str:
    """`text` with each `{name}` replaced by its value; a slot without one stays as it is."""
    return _SLOT.sub(
        lambda match: str(values[match.group(1)]) if match.group(1) in values else match.group(0),
        text,
    )


def received(templates: Path) -> dict[str, frozenset[str]]:
    """For each string filled in somewhere, the names every place gives it (intersection)."""
    given: dict[str, frozenset[str]] = {}
    for key, names in [*_from_templates(templates), *_from_python(), *_from_scripts(templates)]:
        given[key] = given[key] & names if key in given else names
    return given


def _from_templates(templates: Path) -> list[tuple[str, frozenset[str]]]:
    found: list[tuple[str, frozenset[str]]] = []
    for path in sorted(templates.rglob("*.html")):
        found.extend(_template_calls(path.read_text(encoding="utf-8")))
    return found


@cache
def _template_calls(source: str) -> list[tuple[str, frozenset[str]]]:
    try:
        tree = jinja2.Environment().parse(source)
    except jinja2.TemplateSyntaxError:
        return []  # the build reports it, with its line
    found = []
    for call in tree.find_all(nodes.Call):
        named = isinstance(call.node, nodes.Name) and call.node.name == "s"
        if named and call.args and isinstance(call.args[0], nodes.Const) and call.kwargs:
            names = frozenset(keyword.key for keyword in call.kwargs)
            found.append((str(call.args[0].value), names))
    return found


@cache
def _from_python() -> list[tuple[str, frozenset[str]]]:
    """Calls of `word(model, "key", …)` and `words("key", …)` (generator/assessment/view.py)."""
    found: list[tuple[str, frozenset[str]]] = []
    for path in sorted(_GENERATOR.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if "word(" not in source and "words(" not in source:
            continue
        for call in ast.walk(ast.parse(source)):
            if not isinstance(call, ast.Call) or not call.keywords:
                continue
            if not (isinstance(call.func, ast.Name) and call.func.id in ("word", "words")):
                continue
            if any(keyword.arg is None for keyword in call.keywords):
                continue  # **values: not known here
            keys = [
                arg.value
                for arg in call.args
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and "." in arg.value
            ]
            names = frozenset(str(keyword.arg) for keyword in call.keywords)
            found.extend((key, names) for key in keys)
    return found


def _from_scripts(templates: Path) -> list[tuple[str, frozenset[str]]]:
    """Strings the scripts fill in, each allowed every name the scripts fill in anywhere.

    Scripts pass values along and add to them (`{ ...values, file: name }`), so a
    call site does not show all a string receives; a misspelt name is still caught.
    """
    keys: list[str] = []
    names: set[str] = set()
    for path in sorted(templates.rglob("*.js")):
        for match in _JS_CALL.finditer(path.read_text(encoding="utf-8")):
            keys.append(match.group(1))
            names.update(_JS_NAME.findall(match.group(2)))
    return [(key, frozenset(names)) for key in keys]

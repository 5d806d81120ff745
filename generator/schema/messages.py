"""Pydantic's validation errors rewritten as plain-language problems with a line and a fix."""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from generator.errors import Problem
from generator.i18n import Message, Quoted
from generator.schema.loader import Location, SourceDocument


def describe_location(location: Location) -> str:
    """`statements[3].text` rather than pydantic's tuple (items counted from 1)."""
    words = ""
    for part in location:
        words += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if words else str(part))
    return words or "/"


def _model_at(model: type[BaseModel], location: Location) -> type[BaseModel] | None:
    """The model class that holds the value at `location`, to list its known fields."""
    current: Any = model
    for part in location:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(str(part))
        if field is None:
            return None
        current = _innermost_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _innermost_model(annotation: Any) -> Any:
    for candidate in typing.get_args(annotation) or (annotation,):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
        origin = typing.get_origin(candidate)
        if origin in (tuple, list, typing.Union, types.UnionType, typing.Annotated):
            inner = _innermost_model(candidate)
            if inner is not None:
                return inner
    return None


def _shown(value: Any) -> str | Quoted:
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list | tuple):
        return "[…]"
    return "null" if value is None else repr(value) if not isinstance(value, str) else Quoted(value)


_SIMPLE = {
    "string_pattern_mismatch": "invalid_id",
    "string_type": "expected_text",
    "int_type": "expected_number",
    "int_parsing": "expected_number",
    "int_from_float": "expected_number",
    "bool_type": "expected_boolean",
    "bool_parsing": "expected_boolean",
    "tuple_type": "expected_list",
    "list_type": "expected_list",
    "model_type": "expected_block",
    "model_attributes_type": "expected_block",
    "dict_type": "expected_block",
}

_DATE_ERRORS = (
    "date_type",
    "date_parsing",
    "date_from_datetime_parsing",
    "date_from_datetime_inexact",
)

_UNSAFE = {
    "raw_html": "unsafe_html",
    "script": "unsafe_script",
    "link": "unsafe_link",
    "image": "unsafe_image",
}


def worth_reporting(error: ErrorDetails) -> bool:
    """False for a list called too short only because its items failed (they are reported)."""
    if error["type"] != "too_short":
        return True
    given = error.get("input")
    minimum = (error.get("ctx") or {}).get("min_length", 0)
    return not (isinstance(given, list | tuple) and len(given) >= minimum)


def to_problem(error: ErrorDetails, document: SourceDocument, model: type[BaseModel]) -> Problem:
    """One pydantic error as a problem an editor can act on."""
    location: Location = tuple(part for part in error["loc"] if part != "root")
    context: dict[str, Any] = dict(error.get("ctx") or {})
    kind = error["type"]
    where = describe_location(location)
    line_at = location
    inside = (
        Message.of("inside", where=describe_location(location[:-1])) if len(location) > 1 else ""
    )

    if kind == "missing":
        line_at = location[:-1]
        message = Message.of("missing_field", field=location[-1], inside=inside)
    elif kind == "extra_forbidden":
        holder = _model_at(model, location[:-1])
        known = ", ".join(holder.model_fields) if holder else "—"
        message = Message.of("unknown_field", field=location[-1], inside=inside, known=known)
    elif kind == "missing_translation":
        message = Message.of(
            "missing_translation",
            where=where,
            code=context["code"],
            field=location[-1] if location else "",
        )
    elif kind == "unknown_language":
        line_at = (*location, context["code"])
        message = Message.of(
            "unknown_language", where=where, code=context["code"], allowed=context["allowed"]
        )
    elif kind == "empty_text":
        line_at = (*location, context["code"])
        message = Message.of("empty_text", where=where, code=context["code"])
    elif kind == "unsafe_text":
        line_at = (*location, context["code"])
        message = Message.of(
            _UNSAFE[context["reason"]],
            where=where,
            code=context["code"],
            target=context.get("target", ""),
        )
    elif kind in ("text_not_string", "control_character"):
        line_at = (*location, context["code"])
        message = Message.of(
            kind, where=where, code=context["code"], value=context.get("value", "")
        )
    elif kind in ("invalid_locale", "unsafe_label"):
        message = Message.of(kind, where=where, value=_shown(error["input"]))
    elif kind == "not_localized":
        message = Message.of("not_localized", where=where)
    elif kind in _SIMPLE:
        message = Message.of(_SIMPLE[kind], where=where, value=_shown(error["input"]))
    elif kind == "literal_error":
        choices = ", ".join(re.findall(r"'([^']*)'", str(context.get("expected", ""))))
        shown = _shown(error["input"])
        message = Message.of("not_one_of", where=where, value=shown, choices=choices)
    elif kind in _DATE_ERRORS:
        message = Message.of("expected_date", where=where, value=_shown(error["input"]))
    elif kind == "blank_text":
        message = Message.of("blank_text", where=where)
    elif kind == "title_too_long":
        message = Message.of("title_too_long", where=where, limit=context.get("max_length", 0))
    elif kind == "string_too_long":
        message = Message.of("too_long", where=where, limit=context.get("max_length", 0))
    elif kind == "too_short":
        message = Message.of("too_short", where=where, minimum=context.get("min_length", 1))
    elif kind in ("greater_than_equal", "less_than_equal"):
        bound = f"≥ {context['ge']}" if "ge" in context else f"≤ {context.get('le')}"
        message = Message.of("out_of_range", where=where, value=_shown(error["input"]), bound=bound)
    else:
        message = Message.of("invalid_value", where=where, detail=error["msg"])
    return Problem(document.path, document.line_of(line_at), message)

"""Localized text: one value per language, checked for completeness and safety.

Content is semi-trusted (it arrives through pull requests), so raw HTML and
script-bearing links are refused here, before anything is rendered.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
    RootModel,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from generator.schema.markdown import refusal

LANGUAGE_CODE = r"^[a-z]{2,3}$"
LOCALE = r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,6}$"
"""A BCP 47 language tag as `<html lang>` and `hreflang` take it: 'fr-CA', 'sr-Latn-RS'."""
_LOCALE = re.compile(LOCALE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

_RAW_HTML = re.compile(r"<\s*[A-Za-z/!?]")
_SCRIPT_SCHEME = re.compile(r"(?i)\b(?:javascript|vbscript)\s*:")


def unsafe_reason(text: str) -> dict[str, str] | None:
    """Why this text may not be published as it is (`reason`, maybe `target`), or None."""
    if _RAW_HTML.search(text):
        return {"reason": "raw_html"}
    if _SCRIPT_SCHEME.search(text):
        return {"reason": "script"}
    refused = refusal(text)
    if refused:
        return {"reason": refused[0], "target": refused[1][:60]}
    return None


def _check_locale(value: Any) -> Any:
    if not isinstance(value, str) or not _LOCALE.match(value):
        raise PydanticCustomError("invalid_locale", "not a BCP 47 language tag")
    return value


def _check_label(value: Any) -> Any:
    """A short label shown as it is (a language's name): one line of plain text."""
    if not isinstance(value, str):
        return value  # pydantic's own check reports the type
    too_long = len(value) > 80
    if (
        too_long
        or not value.strip()
        or "\n" in value
        or _CONTROL.search(value)
        or unsafe_reason(value)
    ):
        raise PydanticCustomError("unsafe_label", "not a one-line plain text")
    return value


Locale = Annotated[
    str, BeforeValidator(_check_locale), WithJsonSchema({"type": "string", "pattern": LOCALE})
]
Label = Annotated[str, AfterValidator(_check_label)]


def _languages(info: ValidationInfo) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The languages every text needs, and the ones it may have (from the content's config)."""
    context = info.context or {}
    required = tuple(context.get("required_languages", ("en", "fr")))
    allowed = tuple(context.get("languages", required))
    return required, allowed


def _scalar_shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, dict | list | tuple):
        return "{…}" if isinstance(value, dict) else "[…]"
    return str(value)[:40]


def _check_values(values: dict[str, str], info: ValidationInfo) -> dict[str, str]:
    _, allowed = _languages(info)
    for code, text in values.items():
        if code not in allowed:
            raise PydanticCustomError(
                "unknown_language",
                "'{code}' is not a configured language",
                {"code": code, "allowed": ", ".join(allowed)},
            )
        if not text.strip():
            raise PydanticCustomError("empty_text", "the {code} text is empty", {"code": code})
        reason = unsafe_reason(text)
        if reason:
            raise PydanticCustomError(
                "unsafe_text", "the {code} text is refused ({reason})", {"code": code, **reason}
            )
    return values


class LocalizedText(RootModel[dict[str, str]]):
    """A text in every required language (others optional, shown with a fallback marker)."""

    model_config = {"frozen": True}

    @field_validator("root", mode="before")
    @classmethod
    def _must_be_mapping(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            raise PydanticCustomError("not_localized", "expected one text per language")
        for code, text in value.items():
            if not isinstance(text, str):
                # YAML 1.1 reads `no`, `on`, `2024-01-01` or `010` as a boolean, a date or a
                # number: publishing its conversion ("False", "8") would change the words.
                raise PydanticCustomError(
                    "text_not_string",
                    "the {code} text is not text",
                    {"code": str(code), "value": _scalar_shown(text)},
                )
            if _CONTROL.search(text):
                raise PydanticCustomError(
                    "control_character", "the {code} text has a control character", {"code": code}
                )
        return value

    @model_validator(mode="after")
    def _complete_and_safe(self, info: ValidationInfo) -> LocalizedText:
        _check_values(self.root, info)
        required, _ = _languages(info)
        for code in required:
            if code not in self.root:
                raise PydanticCustomError(
                    "missing_translation", "the {code} text is missing", {"code": code}
                )
        return self

    def get(self, language: str) -> str | None:
        return self.root.get(language)

    def __getitem__(self, language: str) -> str:
        return self.root[language]

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.root.items())))


class PartialLocalizedText(LocalizedText):
    """Labels that exist only in some languages (e.g. a seed's alternative name)."""

    @model_validator(mode="after")
    def _complete_and_safe(self, info: ValidationInfo) -> PartialLocalizedText:
        _check_values(self.root, info)
        return self

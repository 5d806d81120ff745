"""Localized text: one value per language, checked for completeness and safety.

Content is semi-trusted (it arrives through pull requests), so raw HTML and
script-bearing links are refused here, before anything is rendered.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import RootModel, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

LANGUAGE_CODE = r"^[a-z]{2,3}$"

_RAW_HTML = re.compile(r"<\s*[A-Za-z/!?]")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$", re.MULTILINE)
_SCRIPT_SCHEME = re.compile(r"(?i)\b(?:javascript|vbscript)\s*:")
_ALLOWED_SCHEMES = ("http://", "https://", "mailto:")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def unsafe_reason(text: str) -> dict[str, str] | None:
    """Why this text may not be published as it is (`reason`, maybe `target`), or None."""
    if _RAW_HTML.search(text):
        return {"reason": "raw_html"}
    if _SCRIPT_SCHEME.search(text):
        return {"reason": "script"}
    for match in _LINK_TARGET.finditer(text):
        target = match.group(1) or match.group(2) or ""
        if _SCHEME.match(target) and not target.lower().startswith(_ALLOWED_SCHEMES):
            return {"reason": "link", "target": target[:60]}
    return None


def _languages(info: ValidationInfo) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The languages every text needs, and the ones it may have (from the content's config)."""
    context = info.context or {}
    required = tuple(context.get("required_languages", ("en", "fr")))
    allowed = tuple(context.get("languages", required))
    return required, allowed


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
        return {
            key: (str(text) if isinstance(text, int | float) else text)
            for key, text in value.items()
        }

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

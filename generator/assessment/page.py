"""The assessment page's data: what its script needs, as JSON in the page.

The script scores in the browser with the same rules as `scoring.py`, so it gets
the model's structure (statements, their attribute and results, level scores,
the plays that advance each statement) and every word it shows, in the page's
language, from site_templates/strings.yml.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator.assessment.format import (
    FORMAT,
    FORMAT_VERSION,
    NOT_APPLICABLE,
    NOT_YET,
    model_version,
)
from generator.assessment.scoring import RECOMMENDED_PLAYS
from generator.assessment.view import GAPS_SHOWN, word
from generator.model import Model
from generator.render.templating import typeset
from generator.schema.text import LocalizedText

__all__ = ["SCRIPT_STRINGS", "STORAGE_KEY", "AssessmentPage"]

STORAGE_KEY = "client-centric-assessment"
"""The browser storage key: the same in every language, so answers follow a language switch."""

SCRIPT_STRINGS = ("assessment.", "report.")
"""Prefixes of the strings.yml keys the script may show."""

# Characters that would end a <script> element or start markup, escaped as JSON allows.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


@dataclass(frozen=True)
class AssessmentPage:
    model: Model
    not_yet: str = NOT_YET
    not_applicable: str = NOT_APPLICABLE

    def data(self, language: str, url: Callable[[str], str]) -> Markup:
        """The page's JSON block, safe inside `<script type="application/json">`."""
        payload = self._payload(language, url)
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        return Markup(text.translate(_SCRIPT_SAFE))

    def _payload(self, language: str, url: Callable[[str], str]) -> dict[str, Any]:
        model = self.model

        def text(value: LocalizedText) -> str:
            found = value.get(language)
            return typeset(found, language) if found else value[model.default_language]

        return {
            "storageKey": STORAGE_KEY,
            "format": FORMAT,
            "formatVersion": FORMAT_VERSION,
            "modelVersion": model_version(model),
            "language": language,
            "recommendedPlays": RECOMMENDED_PLAYS,
            "gapsShown": GAPS_SHOWN,
            "choices": [
                {"id": NOT_YET, "score": 0, "label": word(model, "assessment.not_yet", language)},
                *(
                    {"id": level.id, "score": level.score, "label": text(level.short_name)}
                    for level in model.levels
                ),
                {
                    "id": NOT_APPLICABLE,
                    "score": None,
                    "label": word(model, "assessment.not_applicable", language),
                },
            ],
            "levels": [
                {"score": level.score, "label": text(level.short_name)} for level in model.levels
            ],
            "attributes": [{"id": a.id, "name": text(a.name)} for a in model.attributes],
            "results": [{"id": r.id, "name": text(r.text)} for r in model.results],
            "statements": [
                {
                    "id": s.id,
                    "attribute": model.attribute_of(s).id,
                    "results": list(s.results),
                    "text": text(s.text),
                }
                for s in model.statements
            ],
            "plays": [
                {
                    "id": play.id,
                    "title": text(play.title),
                    "summary": text(play.summary),
                    "url": url(f"playbook/{play.id}"),
                    "statements": list(play.statements),
                }
                for play in model.plays
            ],
            "strings": {
                key: word(model, key, language)
                for key in sorted(model.strings)
                if key.startswith(SCRIPT_STRINGS)
            },
        }

"""The shared page's data: what its script needs to show an assessment, or a comparison,
shared by link.

A link made on the assessment page (theme/js/share.js) holds the assessment itself, in its
fragment: the part after "#", which a browser never sends to a server. The shared page
(site_templates/pages/shared.html, theme/js/shared-page.js) reads it back, checks it as an
imported file is checked (theme/js/file-check.js, through versions.js for an older version
of the model) and draws the read-only results view (theme/js/results-view.js), or for a
baseline and its follow-up the comparison page's (theme/js/compare-view.js). It has no
form: everything it needs comes from here, the assessment page's data (file check, scores,
chart), the comparison view's (with the attributes and statements the form would otherwise
give), and its words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator.model import Model
from generator.render.assessment_page import (
    SCRIPT_STRINGS as ASSESSMENT_STRINGS,
)
from generator.render.assessment_page import (
    AssessmentPage,
    script_json,
)
from generator.render.compare_page import view_data
from generator.render.report_view import word

__all__ = ["SCRIPT_STRINGS", "SharedPage"]

_CSV_ONLY = ("report.notes_column", "report.statement_column")
"""Words of the assessment page's CSV export, which this page does not offer."""

SCRIPT_STRINGS = (
    *(key for key in ASSESSMENT_STRINGS if key.startswith("report.") and key not in _CSV_ONLY),
    "assessment.error_unavailable",
    "assessment.results_empty",
    "share.error_broken",
    "share.error_empty",
    "share.error_model_version",
    "share.error_too_long",
    "share.made",
    "share.made_undated",
    "share.notes_heading",
    "share.unmapped",
)
"""The strings.yml keys the script and the results view show (the comparison view's are
compare_page.VIEW_STRINGS)."""

_LEFT_OUT = ("storageKey", "shared", "strings")
"""The assessment page's data the shared page has no use for: it stores nothing."""


@dataclass(frozen=True)
class SharedPage:
    model: Model

    def data(self, language: str, url: Callable[[str], str]) -> Markup:
        """The page's JSON block, safe inside `<script type="application/json">`."""
        return Markup(script_json(self.payload(language, url)))

    def payload(self, language: str, url: Callable[[str], str]) -> dict[str, Any]:
        model = self.model
        assessment = AssessmentPage(model).payload(language, url)
        view = view_data(model, language, assessment)
        return {
            **{key: value for key, value in assessment.items() if key not in _LEFT_OUT},
            # The attributes and statements a form would give, and the comparison's words.
            **{key: value for key, value in view.items() if key != "strings"},
            "strings": {
                **view["strings"],
                **{key: word(model, key, language) for key in SCRIPT_STRINGS},
            },
        }

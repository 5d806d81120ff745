"""The comparison page's data: what its script needs to compare two assessments and draw them.

The page (site_templates/pages/compare.html, theme/js/compare-page.js) takes two assessments,
saved in this browser (theme/js/library.js) or imported files checked by theme/js/file-check.js
and carried over from an older model version by theme/js/versions.js, compares them with
theme/js/compare.js (the `playbook report --baseline` comparison, held to the same case table)
and draws the view with theme/js/compare-view.js, as site_templates/pages/_comparison.html
shows a comparison report. `view_data` is what `renderComparison` needs, for any page that
draws a comparison; the page adds to it what reading files and the browser's storage need.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from markupsafe import Markup

from generator.model import Model
from generator.render.assessment_page import (
    SCRIPT_STRINGS,
    STORAGE_KEY,
    AssessmentPage,
    script_json,
    script_text,
)
from generator.render.chart import LAYOUT
from generator.render.report_view import word
from generator.render.workshop_page import CHECK_FIELDS

__all__ = ["PAGE_STRINGS", "VIEW_STRINGS", "ComparePage", "view_data"]

VIEW_STRINGS = (
    "comparison.attribute_caption",
    "comparison.baseline",
    "comparison.baseline_carried",
    "comparison.baseline_date",
    "comparison.baseline_unmapped",
    "comparison.change",
    "comparison.chart_attributes",
    "comparison.chart_results",
    "comparison.chart_row",
    "comparison.declined",
    "comparison.declined_help",
    "comparison.follow_up",
    "comparison.follow_up_carried",
    "comparison.follow_up_date",
    "comparison.follow_up_unmapped",
    "comparison.gaps_closed",
    "comparison.gaps_closed_help",
    "comparison.gaps_opened",
    "comparison.gaps_opened_help",
    "comparison.improved",
    "comparison.improved_help",
    "comparison.moved_heading",
    "comparison.no",
    "comparison.no_statement",
    "comparison.result_caption",
    "comparison.score_after",
    "comparison.score_before",
    "comparison.statement_change",
    "comparison.statements_heading",
    "comparison.target_column",
    "comparison.target_met_column",
    "comparison.targets_met",
    "comparison.targets_met_help",
    "comparison.title",
    "comparison.title_unnamed",
    "comparison.yes",
    "plan.col_moved",
    "plan.col_statements",
    "plan.col_what",
    "plan.moved_down",
    "plan.moved_not_rated",
    "plan.moved_unchanged",
    "plan.moved_up",
    "plan.progress_caption",
    "plan.progress_heading",
    "plan.progress_lead",
    "plan.progress_no_statements",
    "plan.progress_none",
    "report.attribute_column",
    "report.by_attribute_heading",
    "report.by_result_heading",
    "report.decimal_mark",
    "report.model_version",
    "report.no_answer",
    "report.not_rated",
    "report.overall",
    "report.result_column",
    "report.scale",
    "report.service",
    "report.statement_column",
)
"""The strings.yml keys `renderComparison` shows (it names each one as `say("key")`)."""

PAGE_STRINGS = (
    *(key for key in SCRIPT_STRINGS if key.startswith("assessment.error_")),
    "compare.chosen_file",
    "compare.chosen_file_unmapped",
    "compare.chosen_saved",
    "compare.compared",
    "compare.error_both",
    "compare.error_saved",
    "compare.nothing_chosen",
    "share.copied",
    "share.copy_refused",
    "share.too_long_comparison",
)
"""The strings.yml keys the page's own script shows: the assessment page's messages about a
file it refuses, and its own."""


def view_data(model: Model, language: str, assessment: Mapping[str, Any]) -> dict[str, Any]:
    """What `renderComparison` (theme/js/compare-view.js) needs, in `language`: the model as
    compare.js reads it (choices with their points, attributes, results, statements), the
    chart's measures and the words. `assessment` is the assessment page's data in `language`
    (AssessmentPage.payload), whose choices and results it shares."""

    def text(value: Any) -> str:
        return script_text(model, value, language)

    return {
        "language": language,
        "locales": {entry.code: entry.locale for entry in model.languages},
        "modelVersion": model.version,
        "top": model.top_score,
        "chart": asdict(LAYOUT),
        "choices": assessment["choices"],
        "attributes": [{"id": a.id, "name": text(a.name)} for a in model.attributes],
        "results": assessment["results"],
        "statements": [
            {
                "id": statement.id,
                "code": statement.code,
                "attribute": model.attribute_of(statement).id,
                "results": list(statement.results),
                "text": text(statement.text),
            }
            for statement in model.statements
        ],
        "strings": {key: word(model, key, language) for key in VIEW_STRINGS},
    }


@dataclass(frozen=True)
class ComparePage:
    model: Model

    def data(self, language: str, url: Callable[[str], str]) -> Markup:
        """The page's JSON block, safe inside `<script type="application/json">`."""
        return Markup(script_json(self.payload(language, url)))

    def payload(self, language: str, url: Callable[[str], str]) -> dict[str, Any]:
        """The view's data, and what reading files (the file check's fields, the changelog)
        and the assessments saved in this browser (the storage key) need."""
        model = self.model
        assessment = AssessmentPage(model).payload(language, url)
        view = view_data(model, language, assessment)
        return {
            **{key: assessment[key] for key in CHECK_FIELDS},
            **view,
            "storageKey": STORAGE_KEY,
            # Where a share link opens (a "url", for the offline copy to rewrite).
            "shared": {"url": url("assessment/shared")},
            "plays": [{"id": play.id} for play in model.plays],  # a plan's, for the file check
            "strings": {
                **view["strings"],
                **{key: word(model, key, language) for key in PAGE_STRINGS},
            },
        }

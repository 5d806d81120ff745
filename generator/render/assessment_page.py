"""The assessment page's data: what its script needs, as JSON in the page.

The script scores in the browser with the same rules as `scoring.py` (both are held
to the case table tests/assessment/cases/scoring.json). It gets here every number
and name it works with: the file's fields, the level scores and the top of the scale,
the results, the plays that advance each statement, how many plays and gaps to show,
how finely gaps are compared, the chart's measures and colours, and the words it
shows, in the page's language, from site_templates/strings.yml. The rest it reads from
the form itself: each statement's fieldset names its id, its attribute and its results,
and its legend its text.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from markupsafe import Markup

from generator.assessment.scoring import RECOMMENDED_PLAYS, TIE_PRECISION
from generator.assessment.versions import changelog_json
from generator.model import Model
from generator.render.chart import LAYOUT
from generator.render.localized import text_in
from generator.render.markdown_text import to_inline_html
from generator.render.report_view import GAPS_SHOWN, word
from generator.schema.assessment import (
    FORMAT,
    FORMAT_VERSION,
    NOT_APPLICABLE,
    NOT_YET,
    READ_VERSIONS,
    TALLY_FORMAT,
    Answer,
    AssessmentFile,
)
from generator.schema.jsonschema import schema_file
from generator.schema.text import LANGUAGE_CODE, LocalizedText
from generator.typography import typeset

__all__ = [
    "LIBRARY_STRINGS",
    "LIBRARY_WORDS",
    "PLAN_STRINGS",
    "SCHEMA_FILE",
    "SCRIPT_STRINGS",
    "STORAGE_KEY",
    "AssessmentPage",
    "published_files",
    "script_json",
    "script_text",
    "workshop_file_data",
]

SCHEMA_FILE = "assessment.schema.json"
"""The assessment file's JSON Schema, published beside the assessment page in each language."""

STORAGE_KEY = "client-centric-assessment"
"""The browser storage key: the same in every language, so answers follow a language switch."""

SCRIPT_STRINGS = (
    "assessment.cleared",
    "assessment.confirm_clear",
    "assessment.confirm_import",
    "assessment.csv_id",
    "assessment.csv_target_points",
    "assessment.csv_today_points",
    "assessment.error_bad_counts",
    "assessment.error_bad_ratings",
    "assessment.error_format_version",
    "assessment.error_invalid",
    "assessment.error_model_version",
    "assessment.error_not_assessment",
    "assessment.error_not_json",
    "assessment.error_unavailable",
    "assessment.error_unknown_statements",
    "assessment.file_name",
    "assessment.imported",
    "assessment.imported_unmapped",
    "assessment.results_announce",
    "assessment.results_empty",
    "assessment.storage_dropped",
    "assessment.storage_unmapped",
    "assessment.storage_unavailable",
    "report.advances",
    "report.attribute_caption",
    "report.attribute_column",
    "report.by_attribute_heading",
    "report.by_result_heading",
    "report.chart_attributes",
    "report.chart_results",
    "report.chart_row",
    "report.decimal_mark",
    "report.gap_column",
    "report.gap_item",
    "report.gaps_heading",
    "report.no_answer",
    "report.no_gaps",
    "report.no_plays",
    "report.not_rated",
    "report.notes_column",
    "report.overall",
    "report.plays_heading",
    "report.plays_lead",
    "report.rated_column",
    "report.rated_target",
    "report.rated_today",
    "report.rated_value",
    "report.result_caption",
    "report.result_column",
    "report.scale",
    "report.score_target",
    "report.score_today",
    "report.service",
    "report.statement_column",
    "report.statement_rating",
    "report.target_column",
    "report.today_column",
    "share.copied",
    "share.copy_refused",
    "share.notes_left_out",
    "share.nothing",
    "share.too_long",
)
"""The strings.yml keys the script shows (it names each one as `say("key")`)."""

LIBRARY_WORDS = "library-words.js"
"""The words of the list of assessments kept in the browser (js/library-view.js), a module
published beside the assessment page in each language: the page loads it with the list, after
its first load, so they do not weigh on it."""

LIBRARY_STRINGS = (
    "library.actions_column",
    "library.changed_column",
    "library.confirm_delete",
    "library.confirm_rebuild",
    "library.corrupt_index",
    "library.corrupt_item",
    "library.created",
    "library.date_column",
    "library.delete",
    "library.deleted",
    "library.download_all",
    "library.download_raw",
    "library.edit",
    "library.editing",
    "library.export",
    "library.export_current",
    "library.follow_up",
    "library.follow_up_name",
    "library.followed_up",
    "library.full",
    "library.heading",
    "library.lead",
    "library.name_column",
    "library.new",
    "library.not_saved",
    "library.rebuild",
    "library.rebuilt",
    "library.rename",
    "library.rename_prompt",
    "library.renamed",
    "library.selected",
    "library.unavailable",
    "library.untitled",
)
"""The strings.yml keys js/library-view.js shows, in LIBRARY_WORDS."""

_TAG = re.compile(r"<[^>]*>")
"""A tag of the inline HTML our Markdown renderer makes (content has no raw HTML)."""

# Characters that would end a <script> element or start markup, escaped as JSON allows.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_json(payload: Any) -> str:
    """`payload` as JSON safe inside `<script type="application/json">`."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return text.translate(_SCRIPT_SAFE)


def script_text(model: Model, value: LocalizedText, language: str) -> str:
    """Plain text (no Markdown marks) in `language`: a script shows it as text, never as markup."""
    found, fallback = text_in(value, language, model.default_language)
    shown = html.unescape(_TAG.sub("", to_inline_html(found)))
    # Typeset as text, after the Markdown is gone: a link's address stays as written.
    return typeset(shown, language) if fallback is None else shown


@dataclass(frozen=True)
class AssessmentPage:
    model: Model
    not_yet: str = NOT_YET
    not_applicable: str = NOT_APPLICABLE
    format_version: int = FORMAT_VERSION
    schema_file: str = SCHEMA_FILE

    def data(self, language: str, url: Callable[[str], str]) -> Markup:
        """The page's JSON block, safe inside `<script type="application/json">`."""
        return Markup(script_json(self.payload(language, url)))

    def plan_data(self, language: str) -> Markup:
        """The plan editor's JSON block (js/plan-editor.js), in the form: the page's first
        load does not carry it. Its words, each statement's code, each stage's checklist."""
        model = self.model
        checklists = {
            stage.id: [
                script_text(model, item.text, language) for item in model.checklist_items(stage)[1]
            ]
            for stage in model.stages
        }
        return Markup(
            script_json(
                {
                    "language": language,
                    "codes": {statement.id: statement.code for statement in model.statements},
                    "checklists": checklists,
                    "strings": {key: word(model, key, language) for key in PLAN_STRINGS},
                }
            )
        )

    def payload(self, language: str, url: Callable[[str], str]) -> dict[str, Any]:
        """What the script needs, in `language`; `url` links a page id from this page."""
        model = self.model

        def text(value: LocalizedText) -> str:
            return script_text(model, value, language)

        return {
            "storageKey": STORAGE_KEY,
            # From the page's script's folder (js/), as an import() from it names the module.
            "libraryWords": f"../{_folder(model, language)}assessment/{LIBRARY_WORDS}",
            "format": FORMAT,
            "formatVersion": FORMAT_VERSION,
            "readVersions": list(READ_VERSIONS),
            "modelVersion": model.version,
            "changelog": changelog_json(model.changelog),
            "fields": list(AssessmentFile.model_fields),
            "answerFields": list(Answer.model_fields),
            "languagePattern": LANGUAGE_CODE,
            "language": language,
            "top": model.top_score,
            "recommendedPlays": RECOMMENDED_PLAYS,
            "tiePrecision": TIE_PRECISION,
            "gapsShown": GAPS_SHOWN,
            "chart": asdict(LAYOUT),
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
            "results": [{"id": r.id, "name": text(r.text)} for r in model.results],
            "stages": [stage.id for stage in model.stages],
            "plays": [
                {
                    "id": play.id,
                    "title": text(play.title),
                    "url": url(f"playbook/{play.id}"),
                    "statements": list(play.statements),
                }
                for play in model.plays
            ],
            # Where a share link opens (a "url", for the offline copy to rewrite).
            "shared": {"url": url("assessment/shared")},
            "strings": {key: word(model, key, language) for key in SCRIPT_STRINGS},
        }


PLAN_STRINGS = (
    "plan.actions_caption",
    "plan.add_for",
    "plan.add_short",
    "plan.cancel",
    "plan.checklist_heading",
    "plan.checklist_none",
    "plan.col_change",
    "plan.col_due",
    "plan.col_horizon",
    "plan.col_owner",
    "plan.col_play",
    "plan.col_statements",
    "plan.col_status",
    "plan.col_what",
    "plan.confirm_remove",
    "plan.csv_description",
    "plan.csv_due",
    "plan.csv_file_name",
    "plan.csv_labels",
    "plan.csv_owner",
    "plan.csv_title",
    "plan.description_label",
    "plan.due_label",
    "plan.edit",
    "plan.edit_heading",
    "plan.edit_short",
    "plan.export_csv",
    "plan.gap_item",
    "plan.gaps_heading",
    "plan.gaps_none",
    "plan.horizon_label",
    "plan.horizon_later",
    "plan.horizon_next",
    "plan.horizon_now",
    "plan.new_heading",
    "plan.none",
    "plan.owner_label",
    "plan.play_label",
    "plan.play_none",
    "plan.plays_heading",
    "plan.plays_none",
    "plan.remove",
    "plan.remove_short",
    "plan.removed",
    "plan.save",
    "plan.saved",
    "plan.status_done",
    "plan.status_dropped",
    "plan.status_in_progress",
    "plan.status_label",
    "plan.status_planned",
    "plan.statements_legend",
    "plan.suggestions_heading",
    "plan.title_label",
    "plan.title_missing",
)
"""The strings.yml keys the plan editor shows (js/plan-editor.js names each as `say("key")`)."""


def workshop_file_data(model: Model) -> dict[str, Any]:
    """What js/file-check.js needs beyond the assessment page's data to read a workshop's
    files (checkWorkshopFile): the tally's format and every statement with its code."""
    return {
        "tallyFormat": TALLY_FORMAT,
        "statements": [
            {
                "id": statement.id,
                "code": statement.code,
                "attribute": model.attribute_of(statement).id,
            }
            for statement in model.statements
        ],
    }


def published_files(model: Model) -> dict[str, bytes]:
    """The files the site publishes beside the assessment page, by path under docs/: the
    assessment file's JSON Schema and the list's words (LIBRARY_WORDS) in each language."""
    schema = schema_file("assessment", model.languages).encode("utf-8")
    files = {f"{code}/assessment/{SCHEMA_FILE}": schema for code in model.language_codes}
    for code in model.language_codes:
        files[f"{code}/assessment/{LIBRARY_WORDS}"] = library_words(model, code).encode("utf-8")
    return files


def _folder(model: Model, language: str) -> str:
    """The language's folder in the built site (as pages.language_root, which imports this)."""
    return "" if language == model.default_language else f"{language}/"


def library_words(model: Model, language: str) -> str:
    """The module of the list's words in `language`: `export default {"key": "text", …};`."""
    words = {key: word(model, key, language) for key in LIBRARY_STRINGS}
    heading = "// The words of js/library-view.js (site_templates/strings.yml).\n"
    return f"{heading}export default {script_json(words)};\n"

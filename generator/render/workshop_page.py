"""The workshop page's data: what its script needs to read participants' files and merge them.

The page (site_templates/pages/workshop.html, theme/js/workshop-page.js) reads the files a
facilitator adds with the same file check as the assessment page (theme/js/file-check.js),
YAML with theme/js/yaml-subset.js, and merges them with theme/js/workshop.js, the
`playbook report` merge of generator/assessment/workshop.py held to the same case table.
Everything it counts on comes from here: the file's fields, the scale, the statements with
their codes, the reading limits and the words, in the page's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator.model import Model
from generator.render.assessment_page import (
    AssessmentPage,
    script_json,
    script_text,
    workshop_file_data,
)
from generator.render.report_view import word
from generator.schema.assessment import NOT_APPLICABLE, NOT_YET
from generator.schema.loader import MAX_DEPTH, MAX_FILE_BYTES, MAX_VALUES

__all__ = ["CHECK_FIELDS", "SCRIPT_STRINGS", "STORAGE_KEY", "WorkshopPage"]

STORAGE_KEY = "client-centric-workshop"
"""The browser storage key of the workshop (files added and consensus), in every language."""

CHECK_FIELDS = (
    "format",
    "formatVersion",
    "readVersions",
    "modelVersion",
    "changelog",
    "fields",
    "answerFields",
    "languagePattern",
    "language",
    "top",
    "choices",
    "stages",
)
"""What the file check and the merge read from the assessment page's data, shared as is."""

SCRIPT_STRINGS = (
    "team.participant_n",
    "team.tally_item",
    "assessment.error_bad_counts",
    "assessment.error_bad_ratings",
    "assessment.error_format_version",
    "assessment.error_invalid",
    "assessment.error_model_version",
    "assessment.error_not_assessment",
    "assessment.error_same_statement",
    "assessment.error_too_many_hands",
    "assessment.error_unknown_statements",
    "workshop.added",
    "followup.workshop_unmapped",
    "workshop.caption",
    "workshop.cleared",
    "workshop.confirm_clear",
    "workshop.error_not_readable",
    "workshop.error_too_large",
    "workshop.error_unavailable",
    "workshop.error_yaml_duplicate",
    "workshop.error_yaml_too_deep",
    "workshop.error_yaml_too_many",
    "workshop.error_yaml_syntax",
    "workshop.error_yaml_unsupported",
    "workshop.file_name",
    "workshop.position",
    "workshop.removed",
    "workshop.remove_label",
    "workshop.saved",
    "workshop.spread",
    "workshop.storage_unavailable",
    "workshop.summary",
)
"""The strings.yml keys the script shows (it names each one as `say("key")`)."""


@dataclass(frozen=True)
class WorkshopPage:
    model: Model
    not_yet: str = NOT_YET
    not_applicable: str = NOT_APPLICABLE

    def data(self, language: str, url: Callable[[str], str]) -> Markup:
        """The page's JSON block, safe inside `<script type="application/json">`."""
        return Markup(script_json(self.payload(language, url)))

    def payload(self, language: str, url: Callable[[str], str]) -> dict[str, Any]:
        model = self.model
        assessment = AssessmentPage(model).payload(language, url)
        files = workshop_file_data(model)
        return {
            **{key: assessment[key] for key in CHECK_FIELDS},
            **files,
            "storageKey": STORAGE_KEY,
            "unanswered": word(model, "workshop.unanswered", language),
            "maxBytes": MAX_FILE_BYTES,
            "plays": [{"id": play.id} for play in model.plays],  # a plan's, for the file check
            "yaml": {"depth": MAX_DEPTH, "values": MAX_VALUES},
            "statements": [
                {
                    **entry,
                    "attributeName": script_text(model, attribute.name, language),
                    "text": script_text(model, statement.text, language),
                }
                for entry, statement in zip(files["statements"], model.statements, strict=True)
                for attribute in (model.attribute_of(statement),)
            ],
            "strings": {key: word(model, key, language) for key in SCRIPT_STRINGS},
        }

"""The assessment page's data and script agree with the Python side they mirror."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.assessment import chart
from generator.assessment.format import Answer, AssessmentFile, model_version
from generator.assessment.page import SCRIPT_STRINGS, AssessmentPage, published_files
from generator.model import Model
from generator.render.pages import render_pages

SCRIPT = Path(__file__).resolve().parents[2] / "site_templates" / "theme" / "js" / "assessment.js"


@pytest.fixture(scope="module")
def script() -> str:
    return SCRIPT.read_text(encoding="utf-8")


def payload(model: Model, language: str) -> dict[str, object]:
    page = AssessmentPage(model)
    return dict(page.payload(language, lambda page_id: f"../{page_id}/"))


def test_the_script_shows_exactly_the_strings_the_page_gives_it(script: str) -> None:
    named = set(re.findall(r'"((?:assessment|report)\.[a-z_]+)"', script))
    # The score tables name their column and caption after their kind.
    assert '"report." + kind + "_column"' in script
    assert '"report." + kind + "_caption"' in script
    built = {
        f"report.{kind}_{part}"
        for kind in ("attribute", "result")
        for part in ("column", "caption")
    }

    assert named | built == set(SCRIPT_STRINGS)


def test_every_string_the_script_shows_exists_in_both_languages(model: Model) -> None:
    for key in SCRIPT_STRINGS:
        text = model.strings[key]
        assert text.get("en") and text.get("fr"), key


def test_both_languages_share_one_storage_key_and_model_version(model: Model) -> None:
    english, french = payload(model, "en"), payload(model, "fr")

    assert english["storageKey"] == french["storageKey"] == "client-centric-assessment"
    assert english["modelVersion"] == french["modelVersion"] == model_version(model)
    assert english["strings"] != french["strings"]


def test_the_page_data_is_safe_inside_a_script_element(model: Model) -> None:
    text = str(AssessmentPage(model).data("fr", lambda page_id: f"../{page_id}/"))

    assert "<" not in text and ">" not in text and "&" not in text.replace("\\u0026", "")
    assert json.loads(text)["language"] == "fr"


def test_the_script_reads_the_file_fields_the_format_defines(script: str) -> None:
    def listed(name: str) -> list[str]:
        found = re.search(rf"const {name} = \[([^\]]*)\]", script)
        assert found, name
        return re.findall(r'"([a-z_]+)"', found.group(1))

    assert listed("FIELDS") == list(AssessmentFile.model_fields)
    assert listed("ANSWER_FIELDS") == list(Answer.model_fields)


def test_the_script_lays_out_its_chart_as_the_report_does(script: str) -> None:
    assert f"wrap(names[index], {chart.WRAP})" in script
    assert f"WIDTH = {chart.WIDTH}, LEFT = {chart.LEFT}" in script
    assert f"PLOT = WIDTH - LEFT - {chart.VALUE_ROOM}, BAR = {chart.BAR_HEIGHT}" in script
    assert f"LINE = {chart.LINE_HEIGHT}" in script


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_form_has_every_choice_for_today_and_target_and_notes(
    model: Model, language: str
) -> None:
    page = render_pages(model, language)["assessment/index.md"]
    choices = ["not-yet", *(level.id for level in model.levels), "not-applicable"]

    for statement in model.statements:
        for part in ("today", "target"):
            found = re.findall(rf'name="{part}:{statement.id}" value="([^"]+)"', page)
            assert found == choices, (statement.id, part)
        assert f'<textarea id="notes-{statement.id}" name="notes:{statement.id}"' in page
    assert 'id="assessment-data"' in page


def test_the_published_schema_is_the_committed_one(model: Model, repo_root: Path) -> None:
    committed = (repo_root / "schema" / "assessment.schema.json").read_bytes()

    assert published_files(model) == {
        "en/assessment/assessment.schema.json": committed,
        "fr/assessment/assessment.schema.json": committed,
    }

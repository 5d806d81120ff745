"""The comparison page's data: the strings its scripts show, in both languages, and the
model, chart measures and changelog they read, the same as the assessment page's."""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from pathlib import Path

import pytest

from generator.load import load
from generator.model import Model
from generator.render.assessment_page import AssessmentPage
from generator.render.chart import LAYOUT
from generator.render.compare_page import PAGE_STRINGS, VIEW_STRINGS, ComparePage
from generator.render.comparison_view import LISTS

REPO_ROOT = Path(__file__).resolve().parents[2]
JS = REPO_ROOT / "site_templates" / "theme" / "js"
CASES = REPO_ROOT / "tests" / "assessment" / "cases" / "scoring.json"


@pytest.fixture(scope="module")
def model() -> Model:
    return load(REPO_ROOT)


def named(script: str) -> set[str]:
    text = (JS / script).read_text(encoding="utf-8")
    return set(
        re.findall(r'"((?:assessment|compare|comparison|plan|report|share)\.[a-z_]*[a-z])"', text)
    )


def test_the_scripts_show_exactly_the_strings_the_page_gives_them() -> None:
    view = (JS / "compare-view.js").read_text(encoding="utf-8")
    page = (JS / "compare-page.js").read_text(encoding="utf-8")
    # Keys made from a side or a list's name, and from the reason the file check gives.
    assert "`comparison.${which}_carried`" in view and "`comparison.${which}_date`" in view
    assert '"comparison." + key' in view and "`comparison.${key}_help`" in view
    assert '"plan.moved_" + item.moved.replace(/-/g, "_")' in view
    assert '"assessment.error_" + outcome.refused.replace(/-/g, "_")' in page
    sides = {
        f"comparison.{side}_{what}"
        for side in ("baseline", "follow_up")
        for what in ("carried", "unmapped", "date")
    }
    lists = {f"comparison.{key}{help}" for key in LISTS for help in ("", "_help")}
    # How a done action's statement moved: plan.js's actionsAgainst says it.
    moved = {f"plan.moved_{how}" for how in ("up", "unchanged", "down", "not_rated")}
    table = json.loads(CASES.read_text(encoding="utf-8"))
    reasons = {case["expected"].get("refused") for case in table["cases"]} - {None}
    refusals = {"assessment.error_" + reason.replace("-", "_") for reason in reasons}

    assert named("compare-view.js") | sides | lists | moved == set(VIEW_STRINGS)
    assert named("compare-page.js") | refusals >= set(PAGE_STRINGS) - set(VIEW_STRINGS)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_string_exists_in_both_languages_and_the_page_has_them(
    model: Model, language: str
) -> None:
    strings = ComparePage(model).payload(language, lambda page_id: page_id)["strings"]
    for key in (*VIEW_STRINGS, *PAGE_STRINGS):
        text = model.strings[key]
        assert text.get("en") and text.get("fr"), key
        assert key in strings, key


def test_the_model_measures_and_changelog_are_the_assessment_page_s(model: Model) -> None:
    page = ComparePage(model).payload("fr", lambda page_id: page_id)
    assessment = AssessmentPage(model).payload("fr", lambda page_id: page_id)

    assert page["chart"] == asdict(LAYOUT)
    for key in ("changelog", "choices", "results", "modelVersion", "top", "fields"):
        assert page[key] == assessment[key], key
    assert [s["id"] for s in page["statements"]] == [s.id for s in model.statements]
    assert [a["id"] for a in page["attributes"]] == [a.id for a in model.attributes]
    first = model.statements[0]
    assert page["statements"][0]["attribute"] == model.attribute_of(first).id
    assert page["statements"][0]["results"] == list(first.results)

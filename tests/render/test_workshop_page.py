"""The workshop page's data: every word its script shows, in both languages, and what the
file check and the merge read (the statements in the model's order, with their codes).

What the page does with them is tests/browser/test_workshop.py's; the rules of the check and
the merge are the case table's (tests/assessment/cases/scoring.json)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.load import load
from generator.model import Model
from generator.render.workshop_page import SCRIPT_STRINGS, STORAGE_KEY, WorkshopPage

REPO_ROOT = Path(__file__).resolve().parents[2]
JS = REPO_ROOT / "site_templates" / "theme" / "js"
CASES = REPO_ROOT / "tests" / "assessment" / "cases" / "scoring.json"


@pytest.fixture(scope="module")
def model() -> Model:
    return load(REPO_ROOT)


def payload(model: Model, language: str) -> dict[str, object]:
    return dict(WorkshopPage(model).payload(language, lambda page_id: f"../{page_id}/"))


def test_the_script_shows_exactly_the_strings_the_page_gives_it() -> None:
    script = (JS / "workshop-page.js").read_text(encoding="utf-8")
    named = set(re.findall(r'"((?:assessment|workshop|team|followup)\.[a-z_]*[a-z])"', script))
    # A refused file is told after the reason the file check or the YAML reader gives.
    assert '"assessment.error_" + outcome.refused.replace(/-/g, "_")' in script
    assert '"workshop.error_yaml_" + read.refused.replace(/-/g, "_")' in script
    table = json.loads(CASES.read_text(encoding="utf-8"))
    reasons = {case["expected"].get("refused") for case in table["cases"]} - {None, "not-json"}
    built = {"assessment.error_" + reason.replace("-", "_") for reason in reasons}
    yaml_reader = (JS / "yaml-subset.js").read_text(encoding="utf-8")
    refusals = re.search(r"refused being one of\s*// (.*?)\.\n", yaml_reader, re.DOTALL)
    assert refusals is not None
    for reason in re.findall(r'"([a-z-]+)"', refusals.group(1)):
        built.add("workshop.error_yaml_" + reason.replace("-", "_"))

    assert named | built == set(SCRIPT_STRINGS)


def test_every_string_the_script_shows_exists_in_both_languages(model: Model) -> None:
    for key in (*SCRIPT_STRINGS, "workshop.unanswered"):
        text = model.strings[key]
        assert text.get("en") and text.get("fr"), key


def test_the_statements_come_in_the_model_s_order_with_their_codes(model: Model) -> None:
    english, french = payload(model, "en"), payload(model, "fr")
    statements = english["statements"]
    assert isinstance(statements, list)
    assert [entry["id"] for entry in statements] == [s.id for s in model.statements]
    assert [entry["code"] for entry in statements] == [s.code for s in model.statements]
    first = model.statements[0]
    assert statements[0]["text"] == " ".join(first.text["en"].split())
    assert english["storageKey"] == french["storageKey"] == STORAGE_KEY
    assert english["modelVersion"] == french["modelVersion"]

"""The assessment page's data: everything its script needs, from Python, in each language.

The script's logic is held to the case table in tests/assessment/cases/ (Node runs it
against site_templates/theme/js/scoring.js and file-check.js, pytest against generator/assessment/).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.assessment.format import model_version
from generator.model import Model
from generator.render.assessment_page import (
    LIBRARY_STRINGS,
    SCRIPT_STRINGS,
    AssessmentPage,
    published_files,
    workshop_file_data,
)
from generator.render.pages import render_pages

SCRIPTS = Path(__file__).resolve().parents[2] / "site_templates" / "theme" / "js"
SCRIPT_FILES = ("assessment.js", "results-view.js")
"""The page's script and the results view it loads (they share the page's strings)."""
CASES = Path(__file__).resolve().parents[1] / "assessment" / "cases"


@pytest.fixture(scope="module")
def script() -> str:
    return "\n".join((SCRIPTS / name).read_text(encoding="utf-8") for name in SCRIPT_FILES)


def payload(model: Model, language: str) -> dict[str, object]:
    page = AssessmentPage(model)
    return dict(page.payload(language, lambda page_id: f"../{page_id}/"))


def test_the_script_shows_exactly_the_strings_the_page_gives_it(script: str) -> None:
    named = set(re.findall(r'"((?:assessment|report|share)\.[a-z_]*[a-z])"', script))
    # The score tables name their column and caption after their kind.
    assert '"report." + kind + "_column"' in script
    assert '"report." + kind + "_caption"' in script
    built = {
        f"report.{kind}_{part}"
        for kind in ("attribute", "result")
        for part in ("column", "caption")
    }
    # A refused file is told after the reason file-check.js gives, one of the case table's.
    assert '"assessment.error_" + refused.replace(/-/g, "_")' in script
    table = json.loads((CASES / "scoring.json").read_text(encoding="utf-8"))
    # Tallies are read on the workshop page only (cases with "workshop": true).
    reasons = {
        case["expected"].get("refused")
        for case in table["cases"]
        if not case["input"].get("workshop")
    } - {None}
    built |= {"assessment.error_" + reason.replace("-", "_") for reason in reasons}

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


def test_the_page_gives_the_script_the_format_the_scale_and_the_chart_s_measures(
    model: Model,
) -> None:
    """What the case table's Node runner (scoring.test.js) gives the page's modules as its data."""
    data = payload(model, "fr")

    assert data["format"] == "client-centric-assessment"
    assert data["formatVersion"] == 2
    assert data["readVersions"] == [1, 2]
    assert data["fields"] == [
        "format",
        "format_version",
        "model_version",
        "service",
        "date",
        "language",
        "participant",
        "consensus",
        "answers",
        "stage",
        "plan",
    ]
    assert data["stages"] == ["design", "implementation", "delivery", "phase-out"]
    assert data["answerFields"] == ["today", "target", "notes", "distribution"]
    assert data["languagePattern"] == "^[a-z]{2,3}$"
    assert [(c["id"], c["score"]) for c in data["choices"]] == [  # type: ignore[index]
        ("not-yet", 0),
        ("some", 1),
        ("satisfied", 2),
        ("impressed", 3),
        ("not-applicable", None),
    ]
    assert (data["top"], data["recommendedPlays"], data["gapsShown"]) == (3, 5, 3)
    assert data["tiePrecision"] == 1_000_000  # gaps equal to a millionth tie
    chart = data["chart"]
    assert isinstance(chart, dict)
    assert (chart["width"], chart["left"], chart["value_room"], chart["wrap"]) == (680, 8, 48, 74)
    assert (chart["bar_colour"], chart["paper_colour"], chart["ink"]) == (
        "#26374a",
        "#ffffff",
        "#1b1b1b",
    )


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

    published = published_files(model)
    assert published["en/assessment/assessment.schema.json"] == committed
    assert published["fr/assessment/assessment.schema.json"] == committed


def test_the_list_of_kept_assessments_gets_its_words_as_a_module_beside_each_page(
    model: Model,
) -> None:
    """js/library-view.js shows exactly these words, loaded after the page's first load."""
    view = (SCRIPTS / "library-view.js").read_text(encoding="utf-8")
    named = set(re.findall(r'"(library\.[a-z_]*[a-z])"', view))
    assert named == set(LIBRARY_STRINGS)
    published = published_files(model)
    assert sorted(published) == [
        "en/assessment/assessment.schema.json",
        "en/assessment/library-words.js",
        "fr/assessment/assessment.schema.json",
        "fr/assessment/library-words.js",
    ]
    french = published["fr/assessment/library-words.js"].decode("utf-8")
    prefix = "export default "
    body = french.split("\n", 1)[1]
    assert body.startswith(prefix) and body.endswith(";\n")
    words = json.loads(body[len(prefix) : -2])
    assert words["library.new"] == "Nouvelle évaluation"
    assert set(words) == set(LIBRARY_STRINGS)
    assert "<" not in body and ">" not in body
    # The page imports the module from its script's folder (js/), in its own language.
    assert payload(model, "fr")["libraryWords"] == "../fr/assessment/library-words.js"
    assert payload(model, "en")["libraryWords"] == "../assessment/library-words.js"


def test_a_workshop_page_gets_the_tally_s_format_and_every_statement_s_code(model: Model) -> None:
    data = workshop_file_data(model)

    assert data["tallyFormat"] == "client-centric-tally"
    statements = data["statements"]
    assert len(statements) == 46
    assert statements[0] == {
        "id": "accessible-one-location",
        "code": "ACC-1",
        "attribute": "accessible",
    }
    assert statements[-1] == {"id": "simple-personalized", "code": "SIM-6", "attribute": "simple"}

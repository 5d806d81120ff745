"""The shared page's data: everything its script needs without a form, in each language."""

from __future__ import annotations

import re
from pathlib import Path

from generator.model import Model
from generator.render.assessment_page import AssessmentPage
from generator.render.shared_page import SCRIPT_STRINGS, SharedPage

SCRIPTS = Path(__file__).resolve().parents[2] / "site_templates" / "theme" / "js"


def url(page_id: str) -> str:
    return f"../../{page_id}/"


def test_the_script_shows_exactly_the_strings_the_page_gives_it() -> None:
    script = "\n".join(
        (SCRIPTS / name).read_text(encoding="utf-8")
        for name in ("shared-page.js", "results-view.js")
    )
    named = set(re.findall(r'"((?:assessment|report|share)\.[a-z_]*[a-z])"', script))
    # The score tables name their column and caption after their kind; a refused link is
    # told after the reason share.js gives ("empty", "too-long", "broken").
    assert '"share.error_" + decoded.refused.replace(/-/g, "_")' in script
    built = {
        f"report.{kind}_{part}"
        for kind in ("attribute", "result")
        for part in ("column", "caption")
    }
    built |= {"share.error_empty", "share.error_too_long", "share.error_broken"}

    assert named | built == set(SCRIPT_STRINGS)


def test_the_page_has_the_statements_and_attributes_a_form_would_give(model: Model) -> None:
    data = SharedPage(model).payload("fr", url)

    assert [s["id"] for s in data["statements"]] == [s.id for s in model.statements]
    first = model.statements[0]
    assert data["statements"][0]["attribute"] == model.attribute_of(first).id
    assert data["statements"][0]["results"] == list(first.results)
    assert [a["id"] for a in data["attributes"]] == [a.id for a in model.attributes]
    assert all(s["text"] and "<" not in s["text"] for s in data["statements"])


def test_it_reads_as_the_assessment_page_does_and_stores_nothing(model: Model) -> None:
    shared = SharedPage(model).payload("en", url)
    assessment = AssessmentPage(model).payload("en", url)

    for key in (
        "format",
        "formatVersion",
        "modelVersion",
        "changelog",
        "choices",
        "plays",
        "chart",
    ):
        assert shared[key] == assessment[key], key
    assert "storageKey" not in shared
    for key in SCRIPT_STRINGS:
        assert model.strings[key]["en"] and model.strings[key]["fr"], key

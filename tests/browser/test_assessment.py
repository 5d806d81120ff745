"""The self-assessment in Chromium: answers kept across reloads and languages, export and import,
results as the site's example report shows them, clearing, and no accessibility problem on the way.

The rules behind the results (scores, gaps, plays, the chart's layout, which files are refused)
are the case table's, tests/assessment/cases/scoring.json, run against the page's script by Node
and against generator/assessment/ by pytest; here the page shows them."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from generator.assessment.example import EXAMPLE
from generator.assessment.format import model_version
from generator.assessment.reading import read_assessment
from generator.render.report_view import word

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return results.violations.map(
    (v) => `${v.id} — ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}"""

# What a report or the results view shows, read the same way from both.
SHOWN = """() => ({
  scores: Array.from(document.querySelectorAll("table[data-scores] td[data-score]")).map((cell) =>
    [cell.closest("table").dataset.scores, cell.closest("tr").dataset.id, cell.dataset.score,
     cell.textContent.trim()].join(" | ")),
  gaps: Array.from(document.querySelectorAll(".gap-list > li > strong")).map(
    (n) => n.textContent.trim()),
  plays: Array.from(document.querySelectorAll(".recommended-plays > li > .play-name")).map(
    (n) => n.textContent.trim()),
  charts: Array.from(document.querySelectorAll(".bar-chart")).map((chart) =>
    [chart.getAttribute("viewBox"), chart.getAttribute("fill"), ...Array.from(chart.children,
      (shape) => [shape.tagName, ...Array.from(shape.attributes, (a) => a.name + "=" + a.value)
        .filter((a) => !a.startsWith("id=")).sort(), shape.textContent.trim()].join(" "))]),
})"""

# Part of the form, as a team might fill it in during its first session.
FILLED = {
    "accessible-one-location": ("not-yet", "satisfied"),
    "accessible-choice-of-channel": ("satisfied", "impressed"),
    "consistent-information": ("some", "satisfied"),
    "efficient-tell-us-once": ("some", "impressed"),
    "secure-single-login": ("not-applicable", None),
    "simple-plain-language": ("some", None),
}


def assessment_url(site: Any, site_url: str, code: str) -> str:
    return site_url + site.page_url(code, "assessment/index")


def rate(page: Page, statement: str, part: str, choice: str) -> None:
    page.locator(f'input[name="{part}:{statement}"][value="{choice}"]').check()


def checked(page: Page, statement: str, part: str) -> str | None:
    found = page.locator(f'input[name="{part}:{statement}"]:checked')
    return found.get_attribute("value") if found.count() else None


def fill_part_of_the_form(page: Page) -> None:
    page.locator("#assessment-service").fill("Death notification — Region 3")
    for statement, (today, target) in FILLED.items():
        rate(page, statement, "today", today)
        if target:
            rate(page, statement, "target", target)
    page.locator("#notes-consistent-information").fill("Two letters still use other words.")


def restored(page: Page) -> None:
    """Wait until the page's script has read its stored answers back into the form.

    It reads them with its file check (js/file-check.js), which it imports only then, so
    they may come after the page's load event; it shows its tools once they are in."""
    expect(page.locator("#assessment-tools")).to_be_visible()


def assert_kept(page: Page) -> None:
    restored(page)
    for statement, (today, target) in FILLED.items():
        assert checked(page, statement, "today") == today, statement
        assert checked(page, statement, "target") == target, statement
    expect(page.locator("#assessment-service")).to_have_value("Death notification — Region 3")
    expect(page.locator("#notes-consistent-information")).to_have_value(
        "Two letters still use other words."
    )


def show_results(page: Page) -> dict[str, list[str]]:
    page.locator('button[data-action="results"]').click()
    expect(page.locator("#assessment-results")).to_be_visible()
    shown: dict[str, list[str]] = page.evaluate(SHOWN)
    return shown


def _same_numbers(shapes: list[str]) -> list[str]:
    """Numbers written alike: 80.0 as 80."""
    return [re.sub(r"=(\d+)\.0\b", r"=\1", shape) for shape in shapes]


def message(site: Any, key: str, code: str, **values: Any) -> str:
    """A string of strings.yml as the page shows it, spaces normalized."""
    return " ".join(word(site.model, key, code, **values).split())


def test_answers_survive_a_reload_and_a_language_switch_and_export_as_a_file_reports_read(
    site: Any, site_url: str, page: Page, tmp_path: Path
) -> None:
    page.goto(assessment_url(site, site_url, "en"))
    fill_part_of_the_form(page)

    page.reload()
    assert_kept(page)

    page.locator(".language-toggle a").click()
    page.wait_for_url(assessment_url(site, site_url, "fr"))
    assert_kept(page)
    rate(page, "simple-plain-language", "target", "impressed")  # one more, in French
    on_page = show_results(page)
    with page.expect_download() as download:
        page.locator('button[data-action="export-json"]').click()
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)

    assert exported.name.startswith("evaluation-") and exported.suffix == ".json"
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["model_version"] == model_version(site.model)
    assert data["answers"]["simple-plain-language"] == {"today": "some", "target": "impressed"}
    assert data["answers"]["consistent-information"]["notes"] == (
        "Two letters still use other words."
    )
    assert data["language"] == "en"  # the notes were written on the English page
    assert read_assessment(exported, site.model).answers.keys() == set(FILLED)  # `playbook report`
    assert "attribute | accessible | today | 1,0" in on_page["scores"]  # (0 + 2) / 2
    assert "attribute | overall | gap | 1,6" in on_page["scores"]  # 13 / 5 - 5 / 5
    assert on_page["plays"] != []


def test_the_page_scores_the_worked_example_as_the_site_s_example_report(
    site: Any, site_url: str, page: Page, tmp_path: Path
) -> None:
    example = yaml.safe_load((site.root / EXAMPLE).read_text(encoding="utf-8"))
    as_json = tmp_path / "death-notification.json"
    as_json.write_text(json.dumps(example, default=str, ensure_ascii=False), encoding="utf-8")

    page.goto(assessment_url(site, site_url, "fr"))
    page.locator("#assessment-import").set_input_files(str(as_json))
    expect(page.locator("#assessment-status")).to_have_text(
        message(site, "assessment.imported", "fr", count=46, file=as_json.name)
    )
    on_page = show_results(page)
    page.goto(site_url + site.page_url("fr", "assessment/example"))
    in_report: dict[str, list[str]] = page.evaluate(SHOWN)

    assert len(on_page["scores"]) == 3 * (len(site.model.attributes) + 1 + len(site.model.results))
    assert on_page["scores"] == in_report["scores"]
    assert on_page["gaps"] == in_report["gaps"]
    assert len(on_page["gaps"]) == 3
    assert on_page["plays"] == in_report["plays"]
    assert len(on_page["plays"]) == 5
    # Both charts drawn alike, shape by shape (Python writes 80.0 where the script writes 80).
    assert [_same_numbers(chart) for chart in on_page["charts"]] == [
        _same_numbers(chart) for chart in in_report["charts"]
    ]
    assert len(on_page["charts"]) == 2


def test_the_imported_bilingual_notes_show_in_the_page_s_language(
    site: Any, site_url: str, page: Page, tmp_path: Path
) -> None:
    example = yaml.safe_load((site.root / EXAMPLE).read_text(encoding="utf-8"))
    as_json = tmp_path / "example.json"
    as_json.write_text(json.dumps(example, default=str, ensure_ascii=False), encoding="utf-8")
    notes = example["answers"]["simple-personalized"]["notes"]

    page.goto(assessment_url(site, site_url, "en"))
    page.locator("#assessment-import").set_input_files(str(as_json))
    expect(page.locator("#notes-simple-personalized")).to_have_value(notes["en"])
    page.locator(".language-toggle a").click()
    expect(page.locator("#notes-simple-personalized")).to_have_value(notes["fr"])
    expect(page.locator("#assessment-service")).to_have_value(example["service"]["fr"])


@pytest.mark.parametrize("code", ["en", "fr"])
def test_import_refuses_what_is_not_an_assessment_of_this_model_and_says_why(
    code: str, site: Any, site_url: str, page: Page
) -> None:
    page.goto(assessment_url(site, site_url, code))
    rate(page, "simple-plain-language", "today", "some")
    picker = page.locator("#assessment-import")
    error = page.locator("#assessment-error")
    other_model = {
        "format": "client-centric-assessment",
        "format_version": 1,
        "model_version": "0123456789ab",
        "answers": {},
    }
    cases = [
        ("notes.json", b"Minutes of the workshop", "assessment.error_not_json", {}),
        ("budget.json", b'{"total": 12}', "assessment.error_not_assessment", {}),
        (
            "old.json",
            json.dumps(other_model).encode(),
            "assessment.error_model_version",
            {"found": "0123456789ab", "current": model_version(site.model)},
        ),
        (
            "future.json",
            b'{"format": "client-centric-assessment", "format_version": 3}',
            "assessment.error_format_version",
            {"found": 3, "supported": 2},
        ),
        (
            "typo.json",
            b'{"format": "client-centric-assessment", "format_version": 1,'
            b' "answers": {"simple-plain-langage": {"today": "some"}}}',
            "assessment.error_unknown_statements",
            {"ids": "simple-plain-langage"},
        ),
        (
            "scale.json",
            b'{"format": "client-centric-assessment", "format_version": 1,'
            b' "answers": {"simple-plain-language": {"today": "excellent"}}}',
            "assessment.error_bad_ratings",
            {"ids": "simple-plain-language"},
        ),
    ]
    for name, content, key, values in cases:
        picker.set_input_files({"name": name, "mimeType": "application/json", "buffer": content})
        expect(error).to_have_text(message(site, key, code, file=name, **values))
        assert checked(page, "simple-plain-language", "today") == "some", name  # nothing imported
    assert error.get_attribute("role") == "alert"


def test_when_a_module_cannot_load_the_page_says_so_and_keeps_the_answers(
    site: Any, site_url: str, page: Page
) -> None:
    """The network went away after the page loaded: its file check (js/file-check.js) and
    its chart (js/chart.js), imported only when a file or stored answers are read and when
    the results are shown, cannot come."""
    page.goto(assessment_url(site, site_url, "fr"))
    rate(page, "simple-plain-language", "today", "some")
    page.route("**/js/file-check.js", lambda route: route.abort("internetdisconnected"))
    page.route("**/js/chart.js", lambda route: route.abort("internetdisconnected"))

    page.locator('button[data-action="results"]').click()
    expect(page.locator("#assessment-error")).to_have_text(
        message(site, "assessment.error_unavailable", "fr")
    )
    expect(page.locator("#assessment-results")).to_be_hidden()

    page.locator("#assessment-import").set_input_files(
        {"name": "atelier.json", "mimeType": "application/json", "buffer": b"{}"}
    )
    expect(page.locator("#assessment-error")).to_have_text(
        message(site, "assessment.error_unavailable", "fr")
    )
    assert checked(page, "simple-plain-language", "today") == "some"

    page.reload()  # the stored answers cannot be checked: the page stays a plain form
    expect(page.locator("#assessment-error")).to_have_text(
        message(site, "assessment.error_unavailable", "fr")
    )
    expect(page.locator("#assessment-tools")).to_be_hidden()
    page.unroute("**/js/file-check.js")
    page.reload()
    restored(page)
    assert checked(page, "simple-plain-language", "today") == "some"


def test_clearing_asks_first_then_empties_the_form_for_good(
    site: Any, site_url: str, page: Page
) -> None:
    page.goto(assessment_url(site, site_url, "en"))
    fill_part_of_the_form(page)
    questions: list[str] = []

    def answer(dialog: Any) -> None:
        questions.append(dialog.message)
        (dialog.accept if len(questions) > 1 else dialog.dismiss)()

    page.on("dialog", answer)
    page.locator('button[data-action="clear"]').click()
    assert_kept(page)  # the first question was answered "Cancel"
    page.locator('button[data-action="clear"]').click()

    assert questions == [message(site, "assessment.confirm_clear", "en")] * 2
    expect(page.locator("#assessment-status")).to_have_text(
        message(site, "assessment.cleared", "en")
    )
    page.reload()
    restored(page)
    assert page.locator("#assessment-form input:checked").count() == 0
    expect(page.locator("#assessment-service")).to_have_value("")


def test_the_csv_export_has_a_row_per_statement_with_labels_and_points(
    site: Any, site_url: str, page: Page
) -> None:
    page.goto(assessment_url(site, site_url, "fr"))
    rate(page, "consistent-information", "today", "some")
    rate(page, "consistent-information", "target", "satisfied")
    page.locator("#notes-consistent-information").fill("=SOMME(A1:A9), « avec virgule »")
    with page.expect_download() as download:
        page.locator('button[data-action="export-csv"]').click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")

    rows = list(csv.reader(io.StringIO(text)))
    model = site.model
    assert len(rows) == 1 + len(model.statements)
    assert rows[0][0] == word(model, "assessment.csv_id", "fr")
    row = next(r for r in rows if r[0] == "consistent-information")
    level = {level.id: level for level in model.levels}
    assert row[3:7] == [
        level["some"].short_name["fr"],
        "1",
        level["satisfied"].short_name["fr"],
        "2",
    ]
    assert row[7] == "'=SOMME(A1:A9), « avec virgule »"  # never run as a formula
    assert next(r for r in rows if r[0] == "simple-personalized")[3:8] == ["", "", "", "", ""]


def test_the_form_works_from_the_keyboard(site: Any, site_url: str, page: Page) -> None:
    page.goto(assessment_url(site, site_url, "en"))
    restored(page)  # its tools show once the assessments kept in the browser are read
    first = site.model.statements[0].id
    page.locator("#participant-organisation").focus()  # the last field before the ratings
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    assert checked(page, first, "today") == site.model.levels[0].id
    page.locator('button[data-action="results"]').focus()
    page.keyboard.press("Enter")

    expect(page.locator("#results-heading")).to_be_focused()
    page.reload()
    restored(page)
    assert checked(page, first, "today") == site.model.levels[0].id


@pytest.mark.parametrize("code", ["en", "fr"])
def test_no_axe_violation_with_answers_and_results_and_the_chart_has_a_text_alternative(
    code: str, site: Any, site_url: str, page: Page, axe_source: str
) -> None:
    page.goto(assessment_url(site, site_url, code))
    fill_part_of_the_form(page)
    show_results(page)

    page.add_script_tag(content=axe_source)
    assert page.evaluate(RUN_AXE, AXE_TAGS) == []
    for chart in page.locator("#assessment-results svg").all():
        assert chart.get_attribute("role") == "img"
        title_id, desc_id = (chart.get_attribute("aria-labelledby") or "").split()
        title = page.locator(f"#{title_id}").text_content() or ""
        description = page.locator(f"#{desc_id}").text_content() or ""
        assert title.strip() and description.strip()
    attributes = page.locator("#results-chart-attributes-desc").text_content() or ""
    for attribute in site.model.attributes:
        assert " ".join(attribute.name[code].split()) in " ".join(attributes.split())


@pytest.mark.parametrize("code", ["en", "fr"])
def test_no_axe_violation_on_the_example_report(
    code: str, site: Any, site_url: str, page: Page, axe_source: str
) -> None:
    page.goto(site_url + site.page_url(code, "assessment/example"))
    expect(page.locator("svg.bar-chart")).to_have_count(2)

    page.add_script_tag(content=axe_source)
    assert page.evaluate(RUN_AXE, AXE_TAGS) == []


def test_without_javascript_the_page_is_a_complete_form(
    site: Any, site_url: str, browser: Browser
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(assessment_url(site, site_url, "en"))
        expect(page.locator("#assessment-tools")).to_be_hidden()
        choices = 2 + len(site.model.levels)
        radios = page.locator('#assessment-form input[type="radio"]')
        expect(radios).to_have_count(2 * choices * len(site.model.statements))
        expect(page.locator("#assessment-form textarea")).to_have_count(len(site.model.statements))
        expect(page.locator("noscript")).to_have_count(1)
    finally:
        context.close()

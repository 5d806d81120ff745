"""The action plan on the assessment page, in Chromium: suggestions, actions added, edited and
removed, kept across a reload, in the exported file that `playbook report` reads, and as CSV;
no accessibility problem with the editor open, in either language; the printed page shows it.

The plan's rules (its CSV, done actions against what moved) are the case table's, run by Node
against js/plan.js and by pytest against generator/assessment/action_plan.py."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from test_assessment import AXE_TAGS, RUN_AXE, assessment_url, rate, restored

from generator.assessment.reading import read_assessment
from generator.cli import main

pytestmark = pytest.mark.browser

HOSTILE_TITLE = '=HYPERLINK("http://example.com/x","<b>Click</b>")'


def open_plan(site: Any, site_url: str, page: Page, code: str) -> None:
    page.goto(assessment_url(site, site_url, code))
    restored(page)
    expect(page.locator('#plan-editor button[data-plan="add"]')).to_be_visible()


def save_action(page: Page, title: str, **fields: str) -> None:
    """Fill in the open editor and save: `fields` are the editor's select and text fields."""
    page.locator("#plan-title").fill(title)
    for name, value in fields.items():
        control = page.locator(f"#plan-{name}")
        if control.evaluate("(element) => element.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(value)
    page.locator('#plan-editor button[data-plan="save"]').click()
    expect(page.locator("#plan-title")).to_have_count(0)


def titles(page: Page) -> list[str]:
    return [
        " ".join((cell.text_content() or "").split())
        for cell in page.locator("#plan-actions tbody th > span:first-child").all()
    ]


def test_a_plan_made_on_the_page_is_kept_exported_and_reported(
    site: Any, site_url: str, page: Page, tmp_path: Path, repo_root: Path
) -> None:
    open_plan(site, site_url, page, "en")
    rate(page, "accessible-one-location", "today", "not-yet")
    rate(page, "accessible-one-location", "target", "satisfied")
    page.locator("#plan-stage").select_option("delivery")

    checklist = page.locator(".plan-checklist > li")
    expect(checklist).to_have_count(4)  # the delivery stage's own items in playbook/stages.yml
    expect(checklist.first).to_contain_text("Run a standing joint operations table")
    page.locator(".plan-gaps > li button").first.click()  # the largest gap: ACC-1
    expect(page.locator("#plan-statement-accessible-one-location")).to_be_checked()
    save_action(page, HOSTILE_TITLE, owner="@lead", due="2027-03-31", horizon="next", status="done")
    page.locator('#plan-editor button[data-plan="add"]').click()
    save_action(page, "Brief the front line", status="in-progress")
    page.locator('#plan-editor button[data-plan="add"]').click()
    save_action(page, "Drop me")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator('#plan-editor button[data-plan="remove"][data-id="a3"]').click()

    page.reload()
    restored(page)
    expect(page.locator("#plan-actions tbody tr")).to_have_count(2)
    assert titles(page) == [HOSTILE_TITLE, "Brief the front line"]  # text, never markup
    expect(page.locator("#plan-stage")).to_have_value("delivery")

    with page.expect_download() as download:
        page.locator('button[data-action="export-json"]').click()
    exported = tmp_path / "assessment.json"
    download.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["stage"] == "delivery"
    assert data["plan"] == [
        {
            "id": "a1",
            "title": HOSTILE_TITLE,
            "owner": "@lead",
            "statements": ["accessible-one-location"],
            "play": "resolve-at-first-contact",  # the one play that advances ACC-1
            "due": "2027-03-31",
            "horizon": "next",
            "status": "done",
        },
        {
            "id": "a2",
            "title": "Brief the front line",
            "statements": [],
            "horizon": "now",
            "status": "in-progress",
        },
    ]
    assert [action.id for action in read_assessment(exported, site.model).plan] == ["a1", "a2"]

    with page.expect_download() as download:
        page.locator('#plan-editor button[data-plan="csv"]').click()
    assert download.value.suggested_filename.startswith("action-plan-")
    sheet = tmp_path / "plan.csv"
    download.value.save_as(sheet)
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0] == ["Title", "Description", "Owner", "Due date", "Labels"]
    assert [row[:4] for row in rows[1:]] == [
        ["'" + HOSTILE_TITLE, "", "'@lead", "2027-03-31"],
        ["Brief the front line", "", "", ""],
    ]
    assert rows[2][4] == "horizon:now status:in-progress"

    report = tmp_path / "report.html"
    assert main(["report", str(exported), "--out", str(report), "--root", str(repo_root)]) == 0
    html = report.read_text(encoding="utf-8")
    assert '<tr data-action="a1">' in html and "&lt;b&gt;Click&lt;/b&gt;" in html


def test_an_action_is_edited_in_place(site: Any, site_url: str, page: Page) -> None:
    open_plan(site, site_url, page, "fr")
    page.locator('#plan-editor button[data-plan="add"]').click()
    save_action(page, "Former le personnel")
    page.locator('#plan-editor button[data-plan="edit"][data-id="a1"]').click()
    expect(page.locator("#plan-title")).to_have_value("Former le personnel")
    save_action(page, "Former tout le personnel", status="done")

    expect(page.locator('#plan-actions tr[data-action="a1"] td').nth(5)).to_have_text("Terminée")
    assert titles(page) == ["Former tout le personnel"]
    expect(page.locator("#plan-message")).to_contain_text("Former tout le personnel")


@pytest.mark.parametrize("code", ["en", "fr"])
def test_no_axe_violation_with_the_plan_editor_open(
    code: str, site: Any, site_url: str, page: Page, axe_source: str
) -> None:
    open_plan(site, site_url, page, code)
    rate(page, "accessible-one-location", "today", "some")
    rate(page, "accessible-one-location", "target", "impressed")
    page.locator("#plan-stage").select_option("design")
    page.locator('#plan-editor button[data-plan="add"]').click()
    save_action(page, "Map the journey", owner="Lead", due="2027-01-15")
    page.locator('#plan-editor button[data-plan="add"]').click()  # the editor stays open

    page.add_script_tag(content=axe_source)
    assert page.evaluate(RUN_AXE, AXE_TAGS) == []


def test_the_printed_page_shows_the_plan_without_its_tools(
    site: Any, site_url: str, page: Page
) -> None:
    open_plan(site, site_url, page, "en")
    page.locator('#plan-editor button[data-plan="add"]').click()
    save_action(page, "Publish the forms", owner="Lead")

    page.emulate_media(media="print")
    expect(page.locator("#plan-actions")).to_be_visible()
    expect(page.locator('#plan-editor button[data-plan="add"]')).to_be_hidden()
    expect(page.locator('#plan-actions button[data-plan="edit"]')).to_be_hidden()
    expect(page.locator(".plan-suggestions")).to_be_hidden()

"""An assessment made against an older version of the model, in Chromium, on the small fixture's
site (tests/fixtures/minimal): its changelog renamed accessible-single-location to
accessible-one-location and removed simple-forms-once between versions 1 and 2.

The assessment page and the workshop page carry the file's answers over to version 2 and name
the one they could not carry; `playbook report` names it too, from the same file."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from generator.cli import main
from generator.load import load
from generator.model import Model
from generator.render.report_view import word

pytestmark = pytest.mark.browser

OLD_FILE = {
    "format": "client-centric-assessment",
    "format_version": 2,
    "model_version": "1",
    "participant": {"label": "Province"},
    "answers": {
        "accessible-single-location": {"today": "some", "target": "satisfied"},
        "simple-forms-once": {"today": "not-yet", "target": "some"},
        "simple-plain-language": {"today": "satisfied"},
    },
}
CURRENT_FILE = {
    "format": "client-centric-assessment",
    "format_version": 2,
    "model_version": "2",
    "participant": {"label": "Municipality"},
    "answers": {"accessible-one-location": {"today": "satisfied"}},
}


@pytest.fixture(scope="module")
def model(fixture_site: Path) -> Model:
    return load(fixture_site)


def written(folder: Path, name: str, content: dict[str, Any]) -> Path:
    path = folder / name
    path.write_text(json.dumps(content, indent=2), encoding="utf-8")
    return path


def say(model: Model, key: str, code: str, **values: Any) -> str:
    return " ".join(word(model, key, code, **values).split())


def url(fixture_url: str, code: str, page: str) -> str:
    return f"{fixture_url}/{'' if code == 'en' else code + '/'}{page}/"


@pytest.mark.parametrize("code", ["en", "fr"])
def test_the_assessment_page_carries_an_older_file_over_and_names_the_removed_statement(
    code: str, fixture_site: Path, fixture_url: str, model: Model, page: Page, tmp_path: Path
) -> None:
    old = written(tmp_path, "version-1.json", OLD_FILE)

    page.goto(url(fixture_url, code, "assessment"))
    page.locator("#assessment-import").set_input_files(str(old))

    # Two answers carried over (one renamed, one unchanged); the removed one named.
    expect(page.locator("#assessment-status")).to_have_text(
        say(
            model,
            "assessment.imported_unmapped",
            code,
            count=2,
            file=old.name,
            version="1",
            ids="simple-forms-once",
        )
    )
    expect(
        page.locator('input[name="today:accessible-one-location"][value="some"]')
    ).to_be_checked()
    expect(
        page.locator('input[name="target:accessible-one-location"][value="satisfied"]')
    ).to_be_checked()
    expect(
        page.locator('input[name="today:simple-plain-language"][value="satisfied"]')
    ).to_be_checked()

    # The same file through `playbook report`, on the same project: the removed one named.
    out = tmp_path / "report.html"
    arguments = ["report", str(old), "--root", str(fixture_site), "--lang", code]
    assert main([*arguments, "--out", str(out), "--quiet"]) == 0
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", out.read_text("utf-8"))).split())
    lead = say(model, "report.unmapped", code)
    assert re.search(re.escape(lead) + r" ?simple-forms-once ", text), text


@pytest.mark.parametrize("code", ["en", "fr"])
def test_the_workshop_page_carries_an_older_file_over_and_names_the_removed_statement(
    code: str, fixture_url: str, model: Model, page: Page, tmp_path: Path
) -> None:
    old = written(tmp_path, "province.json", OLD_FILE)
    current = written(tmp_path, "municipality.json", CURRENT_FILE)

    page.goto(url(fixture_url, code, "workshop"))
    page.locator("#workshop-files").set_input_files([str(old), str(current)])

    unmapped = say(
        model,
        "followup.workshop_unmapped",
        code,
        file=old.name,
        version="1",
        ids="simple-forms-once",
    )
    added = say(model, "workshop.added", code, count=2)
    expect(page.locator("#workshop-status")).to_have_text(f"{added} {unmapped}")
    participants = page.locator("#workshop-participants > li")
    expect(participants.nth(0).locator("[data-slot=carried]")).to_have_text(unmapped)
    expect(participants.nth(1).locator("[data-slot=carried]")).to_be_hidden()
    # The renamed statement's answer counts under its new id: some (carried) and satisfied.
    counts = today_counts(page, "accessible-one-location")
    some, satisfied = (
        " ".join(str(model.level(i).short_name[code]).split()) for i in ("some", "satisfied")
    )
    assert (counts[some], counts[satisfied]) == (1, 1)

    page.reload()  # the files are kept, and checked and carried over again
    expect(participants.nth(0).locator("[data-slot=carried]")).to_have_text(unmapped)
    assert today_counts(page, "accessible-one-location")[some] == 1


def today_counts(page: Page, statement: str) -> dict[str, int]:
    """Today's column of a statement's distribution: {row label: count}."""
    found: dict[str, int] = page.locator(
        f'#workshop-list > li[data-statement="{statement}"] tbody tr'
    ).evaluate_all(
        """(rows) => Object.fromEntries(rows.map((row) => [
             row.querySelector("th").textContent.trim(),
             Number(row.querySelector('[data-part="today"] .count').textContent.trim())]))"""
    )
    return found

"""Several assessments kept in one browser (js/library.js, listed by js/library-view.js), in
Chromium: side by side across reloads and languages, a follow-up started from a baseline,
renamed, deleted after asking; the single assessment older pages kept, moved into the list;
storage full or unreadable said, with what it holds offered as a download, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from test_assessment import (
    AXE_TAGS,
    RUN_AXE,
    assessment_url,
    checked,
    message,
    rate,
    restored,
)

pytestmark = pytest.mark.browser

KEY = "client-centric-assessment"
INDEX = KEY + ":library"
STORED = "() => Object.fromEntries(Object.entries(localStorage))"
FULL = """Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};"""
MODEL_VERSION_FREE_FILE = {"format": "client-centric-assessment", "format_version": 2}


def listed(page: Page) -> list[str]:
    """The list's rows: name (with the "being edited" mark) and the date, as shown."""
    rows = page.locator("#library-list tbody tr")
    return [
        " ".join((rows.nth(i).locator("th").text_content() or "").split())
        for i in range(rows.count())
    ]


def row(page: Page, name: str) -> Any:
    return page.locator("#library-list tbody tr").filter(has=page.locator("th", has_text=name))


def act(page: Page, name: str, action: str) -> None:
    row(page, name).first.locator(f'button[data-do="{action}"]').click()


def stored(page: Page) -> dict[str, str]:
    found: dict[str, str] = page.evaluate(STORED)
    return found


def index(page: Page) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(stored(page)[INDEX])
    return found


def editing(site: Any, code: str) -> str:
    return message(site, "library.editing", code)


def start_two(page: Page) -> None:
    """A baseline, then a second assessment made with "New assessment"."""
    page.locator("#assessment-service").fill("Death notification")
    rate(page, "accessible-one-location", "today", "some")
    rate(page, "accessible-one-location", "target", "satisfied")
    page.locator("#notes-consistent-information").fill("Two letters still use other words.")
    page.locator('button[data-do="new"]').click()
    expect(page.locator("#assessment-service")).to_have_value("")
    page.locator("#assessment-service").fill("Passport renewal")
    rate(page, "accessible-one-location", "today", "impressed")


def test_two_assessments_are_kept_side_by_side_across_a_reload_and_a_language_switch(
    site: Any, site_url: str, page: Page
) -> None:
    page.goto(assessment_url(site, site_url, "en"))
    restored(page)
    start_two(page)

    page.reload()
    restored(page)
    assert listed(page) == ["Death notification", "Passport renewal " + editing(site, "en")]
    assert checked(page, "accessible-one-location", "today") == "impressed"
    act(page, "Death notification", "edit")
    expect(page.locator("#assessment-service")).to_have_value("Death notification")
    expect(page.locator("#assessment-status")).to_have_text(
        message(site, "library.selected", "en", name="Death notification")
    )
    assert checked(page, "accessible-one-location", "today") == "some"
    assert checked(page, "accessible-one-location", "target") == "satisfied"

    page.locator(".language-toggle a").click()
    page.wait_for_url(assessment_url(site, site_url, "fr"))
    restored(page)
    assert listed(page) == ["Death notification " + editing(site, "fr"), "Passport renewal"]
    expect(page.locator("#notes-consistent-information")).to_have_value(
        "Two letters still use other words."
    )
    act(page, "Passport renewal", "edit")
    expect(page.locator("#assessment-service")).to_have_value("Passport renewal")
    assert checked(page, "accessible-one-location", "today") == "impressed"
    assert checked(page, "accessible-one-location", "target") is None
    assert len(index(page)["items"]) == 2
    assert sorted(k for k in stored(page) if k.startswith(KEY + ":item:")) == sorted(
        f"{KEY}:item:{item['id']}" for item in index(page)["items"]
    )


def test_another_tab_s_changes_show_and_each_tab_keeps_the_assessment_it_edits(
    site: Any, site_url: str, page: Page
) -> None:
    page.goto(assessment_url(site, site_url, "en"))
    restored(page)
    start_two(page)
    other = page.context.new_page()
    other.goto(assessment_url(site, site_url, "fr"))
    restored(other)

    rate(other, "accessible-one-location", "target", "impressed")  # the same one, in French
    expect(
        page.locator('input[name="target:accessible-one-location"][value="impressed"]')
    ).to_be_checked()
    other.locator('button[data-do="new"]').click()
    other.locator("#assessment-service").fill("Benefits")
    expect(page.locator("#library-list tbody tr")).to_have_count(3)
    expect(page.locator("#assessment-service")).to_have_value("Passport renewal")
    other.close()


def test_a_follow_up_starts_from_a_copy_with_the_same_answers_and_today_s_date(
    site: Any, site_url: str, page: Page, tmp_path: Path
) -> None:
    page.goto(assessment_url(site, site_url, "fr"))
    restored(page)
    start_two(page)
    act(page, "Death notification", "follow-up")

    follow_up = "Death notification — suivi"
    expect(page.locator("#assessment-status")).to_have_text(
        message(site, "library.followed_up", "fr", name=follow_up)
    )
    expect(page.locator("#assessment-service")).to_be_focused()
    assert listed(page) == [
        "Death notification",
        "Passport renewal",
        follow_up + " " + editing(site, "fr"),
    ]
    expect(page.locator("#assessment-service")).to_have_value("Death notification")
    assert checked(page, "accessible-one-location", "today") == "some"
    assert checked(page, "accessible-one-location", "target") == "satisfied"
    today = page.evaluate(
        "() => { const d = new Date(), two = (n) => String(n).padStart(2, '0');"
        " return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`; }"
    )
    assert row(page, follow_up).locator("td").first.text_content() == today

    rate(page, "accessible-one-location", "today", "satisfied")  # a year later
    with page.expect_download() as download:
        act(page, "Death notification", "export")
    baseline = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert baseline["answers"]["accessible-one-location"] == {
        "today": "some",
        "target": "satisfied",
    }
    assert baseline["service"] == "Death notification"
    assert baseline["date"] == today
    with page.expect_download() as download:
        act(page, follow_up, "export")
    after = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert after["answers"]["accessible-one-location"] == {
        "today": "satisfied",
        "target": "satisfied",
    }
    # The follow-up's name is its own: the service it assesses stays the baseline's.
    assert after["service"] == "Death notification"


def test_rename_and_a_new_assessment_named_after_its_service(
    site: Any, site_url: str, page: Page
) -> None:
    page.goto(assessment_url(site, site_url, "en"))
    restored(page)
    start_two(page)
    answers = iter([None, "Passport renewal, baseline 2026"])

    def answer(dialog: Any) -> None:
        assert dialog.message == message(
            site, "library.rename_prompt", "en", name="Passport renewal"
        )
        given = next(answers)
        dialog.dismiss() if given is None else dialog.accept(given)

    page.on("dialog", answer)
    act(page, "Passport renewal", "rename")
    assert listed(page)[1] == "Passport renewal " + editing(site, "en")  # cancelled
    act(page, "Passport renewal", "rename")
    expect(page.locator("#assessment-status")).to_have_text(
        message(site, "library.renamed", "en", name="Passport renewal, baseline 2026")
    )
    assert listed(page)[1] == "Passport renewal, baseline 2026 " + editing(site, "en")
    # Renamed by hand, the name no longer follows the service.
    page.locator("#assessment-service").fill("Passport renewal (online)")
    page.reload()
    restored(page)
    assert listed(page)[1] == "Passport renewal, baseline 2026 " + editing(site, "en")
    expect(page.locator("#assessment-service")).to_have_value("Passport renewal (online)")


def test_delete_asks_first_then_forgets_only_that_one(site: Any, site_url: str, page: Page) -> None:
    page.goto(assessment_url(site, site_url, "en"))
    restored(page)
    start_two(page)
    ids = {item["name"]: item["id"] for item in index(page)["items"]}
    questions: list[str] = []

    def answer(dialog: Any) -> None:
        questions.append(dialog.message)
        (dialog.accept if len(questions) > 1 else dialog.dismiss)()

    page.on("dialog", answer)
    act(page, "Passport renewal", "delete")
    assert len(listed(page)) == 2  # "Cancel"
    act(page, "Passport renewal", "delete")

    assert questions == [message(site, "library.confirm_delete", "en", name="Passport renewal")] * 2
    expect(page.locator("#assessment-status")).to_have_text(
        message(site, "library.deleted", "en", name="Passport renewal")
    )
    expect(page.locator("#library-heading")).to_be_focused()
    assert listed(page) == ["Death notification " + editing(site, "en")]
    expect(page.locator("#assessment-service")).to_have_value("Death notification")
    assert f"{KEY}:item:{ids['Passport renewal']}" not in stored(page)
    assert f"{KEY}:item:{ids['Death notification']}" in stored(page)


def test_the_single_assessment_of_older_pages_becomes_the_first_of_the_list(
    site: Any, site_url: str, page: Page
) -> None:
    old = {
        **MODEL_VERSION_FREE_FILE,
        "service": {"en": "Death notification", "fr": "Avis de décès"},
        "answers": {"simple-plain-language": {"today": "some", "notes": "Kept since last year."}},
    }
    page.goto(assessment_url(site, site_url, "en"))
    page.evaluate(
        "(text) => localStorage.setItem('client-centric-assessment', text)", json.dumps(old)
    )
    page.reload()
    restored(page)

    assert listed(page) == ["Death notification " + editing(site, "en")]
    assert checked(page, "simple-plain-language", "today") == "some"
    expect(page.locator("#notes-simple-plain-language")).to_have_value("Kept since last year.")
    kept = stored(page)
    assert KEY not in kept  # removed once the list held it
    (item,) = index(page)["items"]
    assert json.loads(kept[f"{KEY}:item:{item['id']}"]) == old
    assert index(page)["current"] == item["id"]


def test_answers_typed_before_the_list_loads_are_kept_even_if_it_never_does(
    site: Any, site_url: str, page: Page
) -> None:
    """The list's modules load after the page: until they do, the answers are kept where older
    pages kept them, and move into the list on the next visit."""
    page.route("**/js/library.js", lambda route: route.abort("internetdisconnected"))
    page.goto(assessment_url(site, site_url, "en"))
    restored(page)
    expect(page.locator("#assessment-error")).to_have_text(
        message(site, "assessment.error_unavailable", "en")
    )
    page.locator("#assessment-service").fill("Death notification")
    rate(page, "simple-plain-language", "today", "some")
    assert json.loads(stored(page)[KEY])["answers"] == {"simple-plain-language": {"today": "some"}}

    page.unroute("**/js/library.js")
    page.reload()
    restored(page)
    assert listed(page) == ["Death notification " + editing(site, "en")]
    assert checked(page, "simple-plain-language", "today") == "some"
    assert KEY not in stored(page)


def test_when_storage_is_full_the_change_is_offered_as_a_file_and_nothing_kept_is_lost(
    site: Any, site_url: str, page: Page, tmp_path: Path
) -> None:
    page.goto(assessment_url(site, site_url, "fr"))
    restored(page)
    start_two(page)
    before = stored(page)
    full = page.context.new_page()
    full.add_init_script(FULL)
    full.goto(assessment_url(site, site_url, "fr"))
    restored(full)
    assert listed(full)[1] == "Passport renewal " + editing(site, "fr")

    rate(full, "simple-plain-language", "today", "satisfied")
    problem = full.locator("#assessment-library [role=alert]")
    expect(problem).to_contain_text(message(site, "library.full", "fr"))
    with full.expect_download() as download:
        problem.locator("button", has_text=message(site, "library.export_current", "fr")).click()
    offered = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert offered["answers"]["simple-plain-language"] == {"today": "satisfied"}
    assert offered["answers"]["accessible-one-location"] == {"today": "impressed"}
    full.locator('button[data-do="new"]').click()  # refused too, and said again
    expect(problem).to_contain_text(message(site, "library.full", "fr"))
    full.close()

    page.reload()
    restored(page)
    assert stored(page) == before  # what was kept is all there
    assert listed(page) == ["Death notification", "Passport renewal " + editing(site, "fr")]


def test_an_unreadable_list_is_offered_as_a_download_before_it_is_rebuilt(
    site: Any, site_url: str, page: Page
) -> None:
    page.goto(assessment_url(site, site_url, "en"))
    restored(page)
    start_two(page)
    items = {item["name"]: item["id"] for item in index(page)["items"]}
    page.evaluate('(key) => localStorage.setItem(key, \'{"version": 1, "items": [\')', INDEX)
    page.reload()
    restored(page)

    problem = page.locator("#assessment-library [role=alert]")
    expect(problem).to_contain_text(message(site, "library.corrupt_index", "en"))
    expect(page.locator("#library-list")).to_have_count(0)
    rebuild = problem.locator('button[data-offer="rebuild"]')
    expect(rebuild).to_have_count(0)  # not before what the browser holds was downloaded
    page.locator("#assessment-service").fill("Typed while the list is unreadable")
    assert stored(page)[INDEX] == '{"version": 1, "items": ['  # nothing written over it
    with page.expect_download() as download:
        problem.locator('button[data-offer="download-all"]').click()
    held = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert held[INDEX] == '{"version": 1, "items": ['
    for item_id in items.values():
        assert json.loads(held[f"{KEY}:item:{item_id}"])["format"] == "client-centric-assessment"

    questions: list[str] = []
    page.on("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    rebuild.click()
    assert questions == [message(site, "library.confirm_rebuild", "en")]
    expect(page.locator("#assessment-status")).to_have_text(
        message(site, "library.rebuilt", "en", count=2)
    )
    assert sorted(n.split(" (")[0] for n in listed(page)) == [
        "Death notification",
        "Passport renewal",
    ]
    assert {item["id"] for item in index(page)["items"]} == set(items.values())


def test_an_unreadable_assessment_is_kept_as_it_is_and_offered_as_text(
    site: Any, site_url: str, page: Page
) -> None:
    page.goto(assessment_url(site, site_url, "fr"))
    restored(page)
    start_two(page)
    items = {item["name"]: item["id"] for item in index(page)["items"]}
    garbage = '{"format": "client-centric-assessment", "answers": 12'
    broken = f"{KEY}:item:{items['Passport renewal']}"
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [broken, garbage])
    page.reload()
    restored(page)

    problem = page.locator("#assessment-library [role=alert]")
    expect(problem).to_contain_text(
        message(site, "library.corrupt_item", "fr", name="Passport renewal")
    )
    with page.expect_download() as download:
        problem.locator('button[data-offer="download-raw"]').click()
    assert Path(download.value.path()).read_text(encoding="utf-8") == garbage
    rate(page, "simple-plain-language", "today", "some")  # not saved over it
    assert stored(page)[broken] == garbage

    # A file that is JSON but not an assessment fails the file check the same way.
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [broken, '{"total": 12}'])
    act(page, "Death notification", "edit")
    expect(page.locator("#assessment-service")).to_have_value("Death notification")
    act(page, "Passport renewal", "follow-up")
    expect(problem).to_contain_text(
        message(site, "library.corrupt_item", "fr", name="Passport renewal")
    )
    assert len(listed(page)) == 2  # no copy of what cannot be read
    assert stored(page)[broken] == '{"total": 12}'


def test_the_list_works_from_the_keyboard(site: Any, site_url: str, page: Page) -> None:
    page.goto(assessment_url(site, site_url, "en"))
    restored(page)
    start_two(page)
    page.locator('button[data-do="new"]').focus()
    page.keyboard.press("Enter")
    expect(page.locator("#assessment-service")).to_be_focused()
    page.keyboard.type("Benefits — Region 1")
    act_button = row(page, "Death notification").locator('button[data-do="edit"]')
    act_button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#assessment-service")).to_be_focused()
    expect(page.locator("#assessment-service")).to_have_value("Death notification")
    names = [" ".join(n.split()) for n in listed(page)]
    assert names == [
        "Death notification " + editing(site, "en"),
        "Passport renewal",
        "Benefits — Region 1",
    ]


@pytest.mark.parametrize("code", ["en", "fr"])
def test_no_axe_violation_with_the_list_and_a_problem_shown(
    code: str, site: Any, site_url: str, page: Page, axe_source: str
) -> None:
    page.goto(assessment_url(site, site_url, code))
    restored(page)
    start_two(page)
    items = {item["name"]: item["id"] for item in index(page)["items"]}
    page.evaluate(
        "([key, text]) => localStorage.setItem(key, text)",
        [f"{KEY}:item:{items['Death notification']}", "not json"],
    )
    act(page, "Death notification", "export")
    expect(page.locator("#assessment-library [role=alert]")).to_be_visible()

    page.add_script_tag(content=axe_source)
    assert page.evaluate(RUN_AXE, AXE_TAGS) == []

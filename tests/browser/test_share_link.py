"""A read-only view of an assessment shared by link, in Chromium.

The assessment page writes the answers into the fragment of /assessment/shared/ (the part
after "#", never sent to a server): compact, compressed with the browser's own deflate-raw,
in base64url (site_templates/theme/js/share.js; its compact form is worked out by hand in
tests/assessment/share/share.test.js). Here: the link opened in a fresh browser shows the
same numbers and nothing to edit or store; a link made here by hand (Python's zlib) reads
the same; too long, the page offers the file; broken, tampered or oversized, a message.
"""

from __future__ import annotations

import base64
import json
import re
import zlib
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect
from test_assessment import (
    AXE_TAGS,
    FILLED,
    RUN_AXE,
    SHOWN,
    assessment_url,
    fill_part_of_the_form,
    message,
    rate,
    show_results,
)

from generator.assessment.example import EXAMPLE

pytestmark = pytest.mark.browser

MAX_FRAGMENT = 2000
"""share.js's longest fragment, in characters."""

# FILLED's ratings as share.js writes them: ALPHABET[today * 6 + target], with 0 for none,
# 1 not yet, 2 some, 3 satisfied, 4 impressed, 5 not applicable (A = 0, B = 1, …, a = 26).
FILLED_CHARACTERS = {
    "accessible-one-location": "J",  # not yet, satisfied: 1 * 6 + 3 = 9
    "accessible-choice-of-channel": "W",  # satisfied, impressed: 3 * 6 + 4 = 22
    "consistent-information": "P",  # some, satisfied: 2 * 6 + 3 = 15
    "efficient-tell-us-once": "Q",  # some, impressed: 2 * 6 + 4 = 16
    "secure-single-login": "e",  # not applicable, none: 5 * 6 + 0 = 30
    "simple-plain-language": "M",  # some, none: 2 * 6 + 0 = 12
}


def shared_url(site: Any, site_url: str, code: str, fragment: str) -> str:
    return site_url + site.page_url(code, "assessment/shared") + "#" + fragment


def by_hand(packed: list[Any]) -> str:
    """A fragment made without the page: the compact form, raw deflate (zlib), base64url."""
    text = json.dumps(packed, ensure_ascii=False, separators=(",", ":"))
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = deflate.compress(text.encode("utf-8")) + deflate.flush()
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def filled_fragment(site: Any, notes: dict[str, str] | None = None) -> str:
    ids = sorted(statement.id for statement in site.model.statements)
    ratings = "".join(FILLED_CHARACTERS.get(statement, "A") for statement in ids)
    assessment: list[Any] = [site.model.version, ratings, "2026-11-26", "en", "Death notification"]
    if notes:
        assessment.append({str(ids.index(statement)): note for statement, note in notes.items()})
    return by_hand([1, assessment])


def read_only_and_untouched(page: Page) -> None:
    """Nothing on the page can be edited, and it stored nothing."""
    fields = "#main input, #main textarea, #main select, #main button, #main [contenteditable]"
    expect(page.locator(fields)).to_have_count(0)
    assert page.evaluate("() => [localStorage.length, sessionStorage.length]") == [0, 0]


def share(page: Page) -> str:
    page.locator('button[data-action="share"]').click()
    expect(page.locator("#share-row")).to_be_visible()
    return page.locator("#share-link").input_value()


def test_a_share_link_opened_in_a_fresh_browser_shows_the_same_results_and_edits_nothing(
    site: Any, site_url: str, browser: Browser, tmp_path: Path
) -> None:
    example = yaml.safe_load((site.root / EXAMPLE).read_text(encoding="utf-8"))
    as_json = tmp_path / "death-notification.json"
    as_json.write_text(json.dumps(example, default=str, ensure_ascii=False), encoding="utf-8")
    sharing = browser.new_context()
    sharing.grant_permissions(["clipboard-read", "clipboard-write"])
    page = sharing.new_page()
    reading = browser.new_context()
    reader = reading.new_page()
    try:
        page.goto(assessment_url(site, site_url, "fr"))
        page.locator("#assessment-import").set_input_files(str(as_json))
        expect(page.locator("#assessment-status")).to_contain_text("46")
        on_page = show_results(page)
        link = share(page)
        # The example's 47 notes would make the link too long: they are left out, and said so.
        expect(page.locator("#assessment-status")).to_have_text(
            message(site, "share.copied", "fr") + " " + message(site, "share.notes_left_out", "fr")
        )
        assert page.evaluate("() => navigator.clipboard.readText()") == link
        address, fragment = link.split("#")
        assert address == site_url + site.page_url("fr", "assessment/shared")
        assert re.fullmatch(r"[A-Za-z0-9_-]+", fragment)
        assert len(fragment) <= MAX_FRAGMENT

        requested: list[str] = []
        reader.on("request", lambda request: requested.append(request.url))
        reader.goto(link)
        expect(reader.locator("#shared-results")).to_be_visible()
        in_link: dict[str, list[str]] = reader.evaluate(SHOWN)

        assert in_link == on_page
        assert len(in_link["scores"]) == 3 * (
            len(site.model.attributes) + 1 + len(site.model.results)
        )
        assert not any(fragment in url for url in requested)  # the fragment stayed here
        # Dated as an export is: the day the link was made.
        made = message(site, "share.made", "fr", date="{date}", version=site.model.version)
        expect(reader.locator(".share-made")).to_have_text(
            re.compile(re.escape(made).replace(re.escape("{date}"), r"\d{4}-\d{2}-\d{2}"))
        )
        expect(reader.locator(".share-notes")).to_have_count(0)
        read_only_and_untouched(reader)
    finally:
        sharing.close()
        reading.close()


def test_without_notes_the_worked_example_fits_in_under_300_characters(
    site: Any, site_url: str, page: Page, tmp_path: Path
) -> None:
    example = yaml.safe_load((site.root / EXAMPLE).read_text(encoding="utf-8"))
    for answer in example["answers"].values():
        answer.pop("notes", None)
    as_json = tmp_path / "sans-notes.json"
    as_json.write_text(json.dumps(example, default=str, ensure_ascii=False), encoding="utf-8")
    page.goto(assessment_url(site, site_url, "en"))
    page.locator("#assessment-import").set_input_files(str(as_json))
    expect(page.locator("#assessment-status")).to_contain_text("46")

    fragment = share(page).split("#")[1]

    # [1,["2026.1","<46 ratings>","<date>","en",{"en":"Death notification pilot","fr":"Projet
    # pilote sur les avis de décès"}]]: 4 + 9 + 49 + 13 + 5 + 76 + 2 = 158 characters, 160 bytes
    # (two é). Deflate stores it at worst, in 5 bytes more: 165 bytes, written in
    # ceil(165 * 4 / 3) = 220 characters of base64url.
    assert len(fragment) <= 220, len(fragment)


def test_a_link_made_by_hand_shows_what_the_page_shows_for_the_same_answers(
    site: Any, site_url: str, page: Page
) -> None:
    page.goto(assessment_url(site, site_url, "en"))
    fill_part_of_the_form(page)
    page.locator("#assessment-service").fill("Death notification")
    on_page = show_results(page)

    fragment = filled_fragment(
        site, {"consistent-information": "Two letters still use other words."}
    )
    page.goto(shared_url(site, site_url, "en", fragment))
    expect(page.locator("#shared-results")).to_be_visible()

    assert page.evaluate(SHOWN) == on_page
    expect(page.locator(".report-facts dd").first).to_have_text("Death notification")
    expect(page.locator(".share-notes dd")).to_have_text("Two letters still use other words.")


def test_too_long_to_share_the_page_says_so_and_offers_the_file(
    site: Any, site_url: str, page: Page
) -> None:
    page.goto(assessment_url(site, site_url, "en"))
    # Letters deflate cannot shorten much: 3,000 of them make a link far over 2,000 characters.
    seed, letters = 7, []
    for _ in range(3000):
        seed = seed * 48271 % 2147483647
        letters.append("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[seed % 62])
    page.locator("#assessment-service").fill("".join(letters))
    rate(page, "simple-plain-language", "today", "some")

    page.locator('button[data-action="share"]').click()

    told = re.escape(message(site, "share.too_long", "en", limit=MAX_FRAGMENT))
    expect(page.locator("#assessment-error")).to_have_text(
        re.compile(told.replace(re.escape("{length}"), r"[2-9]\d{3}"))
    )
    expect(page.locator("#share-row")).to_be_hidden()
    with page.expect_download() as download:
        page.locator("#share-offer button").click()
    assert download.value.suggested_filename.endswith(".json")


def test_nothing_rated_nothing_to_share(site: Any, site_url: str, page: Page) -> None:
    page.goto(assessment_url(site, site_url, "fr"))
    page.locator("#assessment-service").fill("Rien encore")

    page.locator('button[data-action="share"]').click()

    expect(page.locator("#assessment-status")).to_have_text(message(site, "share.nothing", "fr"))
    expect(page.locator("#share-row")).to_be_hidden()


def test_a_broken_tampered_or_oversized_link_gets_a_message_and_nothing_else(
    site: Any, site_url: str, page: Page
) -> None:
    good = filled_fragment(site)
    bomb = by_hand([1, [site.model.version, "A" * 46, "", "", " " * (1 << 20)]])
    assert len(bomb) < MAX_FRAGMENT  # small, but it inflates to a megabyte
    unknown = by_hand([1, ["1999.1", "AAA", "", "", ""]])
    cases = {
        "": ("share.error_empty", {}),
        good[:-8]: ("share.error_broken", {}),  # cut short
        good[:20] + ("B" if good[20] != "B" else "C") + good[21:]: ("share.error_broken", {}),
        by_hand([1, [site.model.version, "A" * 45, "", "", ""]]): ("share.error_broken", {}),
        by_hand([1, [site.model.version, "z" * 46, "", "", ""]]): ("share.error_broken", {}),
        bomb: ("share.error_broken", {}),
        "A" * (MAX_FRAGMENT + 1): ("share.error_too_long", {"limit": MAX_FRAGMENT}),
        unknown: (
            "share.error_model_version",
            {"found": "1999.1", "current": site.model.version},
        ),
    }
    for fragment, (key, values) in cases.items():
        page.goto(shared_url(site, site_url, "en", good))
        expect(page.locator("#shared-results")).to_be_visible()

        page.goto(shared_url(site, site_url, "en", fragment))

        expect(page.locator("#shared-error")).to_have_text(message(site, key, "en", **values))
        expect(page.locator("#shared-results")).to_be_hidden()
        expect(page.locator("#shared-body > *")).to_have_count(0)
    read_only_and_untouched(page)


@pytest.mark.parametrize("code", ["en", "fr"])
def test_no_axe_violation_on_the_shared_view(
    code: str, site: Any, site_url: str, page: Page, axe_source: str
) -> None:
    fragment = filled_fragment(
        site, {"consistent-information": "Two letters still use other words."}
    )
    page.goto(shared_url(site, site_url, code, fragment))
    expect(page.locator("#shared-results .bar-chart")).to_have_count(2)

    page.add_script_tag(content=axe_source)
    assert page.evaluate(RUN_AXE, AXE_TAGS) == []


@pytest.mark.parametrize("code", ["en", "fr"])
def test_no_axe_violation_on_the_assessment_page_with_its_link_shown(
    code: str, site: Any, site_url: str, page: Page, axe_source: str
) -> None:
    page.goto(assessment_url(site, site_url, code))
    rate(page, next(iter(FILLED)), "today", "some")
    share(page)

    page.add_script_tag(content=axe_source)
    assert page.evaluate(RUN_AXE, AXE_TAGS) == []


def comparison_fragment(site: Any) -> str:
    """A baseline and its follow-up made by hand: simple-plain-language rated some, target
    impressed (2 * 6 + 4 = 16: Q), then impressed, no target (4 * 6 + 0 = 24: Y)."""
    ids = sorted(statement.id for statement in site.model.statements)

    def ratings(character: str) -> str:
        return "".join(character if i == "simple-plain-language" else "A" for i in ids)

    return by_hand(
        [
            1,
            [site.model.version, ratings("Q"), "2025-11-26", "en", "Death notification"],
            [site.model.version, ratings("Y"), "2026-11-26", "en", "Death notification"],
        ]
    )


def test_a_shared_comparison_opened_in_a_fresh_browser_shows_the_same_comparison(
    site: Any, site_url: str, browser: Browser, tmp_path: Path
) -> None:
    for name, today, date in (
        ("baseline", "some", "2025-11-26"),
        ("follow-up", "impressed", "2026-11-26"),
    ):
        answers = {
            "simple-plain-language": {"today": today, "target": "impressed", "notes": "Noted."}
        }
        data = {"format": "client-centric-assessment", "format_version": 2, "date": date}
        data |= {"service": "Death notification", "answers": answers}
        (tmp_path / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")
    sharing = browser.new_context()
    sharing.grant_permissions(["clipboard-read", "clipboard-write"])
    page = sharing.new_page()
    reading = browser.new_context()
    reader = reading.new_page()
    try:
        page.goto(site_url + site.page_url("fr", "assessment/compare"))
        for name in ("baseline", "follow-up"):
            page.locator(f"#{name}-file").set_input_files(str(tmp_path / f"{name}.json"))
            expect(page.locator(f"#{name}-chosen")).to_contain_text(f"{name}.json")
        page.locator("#compare-form button[type=submit]").click()
        expect(page.locator("#compare-results")).to_be_visible()
        page.locator("#compare-share").click()
        expect(page.locator("#share-status")).to_have_text(message(site, "share.copied", "fr"))
        link = page.locator("#share-link").input_value()
        assert link.startswith(site_url + site.page_url("fr", "assessment/shared") + "#")

        reader.goto(link)
        expect(reader.locator("#shared-results")).to_be_visible()

        heading = page.locator("#compare-heading").text_content()
        expect(reader.locator("#shared-heading")).to_have_text(heading or "")
        assert (
            reader.locator("#shared-body").inner_text()
            == page.locator("#compare-body").inner_text()
        )
        expect(
            reader.locator('#shared-body tr[data-id="simple-plain-language"]')
        ).to_have_attribute("data-direction", "up")
        read_only_and_untouched(reader)
    finally:
        sharing.close()
        reading.close()


def test_a_comparison_link_made_by_hand_shows_what_moved(
    site: Any, site_url: str, page: Page
) -> None:
    page.goto(shared_url(site, site_url, "en", comparison_fragment(site)))

    expect(page.locator("#shared-results")).to_be_visible()
    expect(page.locator('[data-list="improved"] li')).to_have_count(1)
    expect(
        page.locator('[data-list="improved"] li[data-id="simple-plain-language"]')
    ).to_have_count(1)
    # Its target (impressed, 3 points) met by the follow-up's today (impressed).
    expect(page.locator('[data-list="targets_met"] li')).to_have_count(1)
    expect(page.locator("#shared-body time")).to_have_text(["2025-11-26", "2026-11-26"])
    read_only_and_untouched(page)


@pytest.mark.parametrize("code", ["en", "fr"])
def test_no_axe_violation_on_the_shared_comparison(
    code: str, site: Any, site_url: str, page: Page, axe_source: str
) -> None:
    page.goto(shared_url(site, site_url, code, comparison_fragment(site)))
    expect(page.locator("#shared-results .bar-chart")).to_have_count(2)

    page.add_script_tag(content=axe_source)
    assert page.evaluate(RUN_AXE, AXE_TAGS) == []

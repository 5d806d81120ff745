"""Printing a page from Chromium: the content only, and check boxes as empty squares."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

SHOWN = """(selector) => Array.from(document.querySelectorAll(selector)).map((element) => {
  const style = getComputedStyle(element);
  return style.display !== "none" && style.visibility !== "hidden"
    && element.getBoundingClientRect().height > 0;
})"""

BOXES = """() => Array.from(document.querySelectorAll(".checklist input")).map((box) => {
  const style = getComputedStyle(box);
  const label = box.closest("label");
  return {
    appearance: style.appearance,
    border: style.borderTopStyle + " " + style.borderTopWidth + " " + style.borderTopColor,
    width: box.getBoundingClientRect().width,
    words: label ? label.innerText.trim().length : 0,
  };
})"""


@pytest.mark.parametrize("code", ["en", "fr"])
def test_a_printed_stage_checklist_shows_content_and_empty_boxes(
    code: str, site: Any, site_url: str, page: Page
) -> None:
    stage = site.model.stages[-1]
    page.goto(site_url + site.page_url(code, f"lifecycle/{stage.id}"))
    page.emulate_media(media="print")

    for hidden in (".site-header", ".site-footer", ".breadcrumbs", ".pager", ".skip-link"):
        assert not any(page.evaluate(SHOWN, hidden)), f"{hidden} prints"
    assert all(page.evaluate(SHOWN, "main h1, .checklist label, .draft-banner"))

    boxes: list[dict[str, Any]] = page.evaluate(BOXES)
    expected = len(site.model.checklist_items(stage)[1]) + sum(
        len(site.model.actions_at(play, stage)) for play in site.model.plays_for(stage)
    )
    assert len(boxes) == expected
    for box in boxes:
        assert box["appearance"] == "none", box  # no platform widget: a plain square
        assert box["border"].startswith("solid"), box
        assert box["border"].endswith("rgb(0, 0, 0)"), box
        assert box["width"] > 0 and box["words"] > 0, box


def test_on_screen_the_check_boxes_are_the_browser_s_own_and_can_be_ticked(
    site: Any, site_url: str, page: Page
) -> None:
    stage = site.model.stages[0]
    page.goto(site_url + site.page_url("fr", f"lifecycle/{stage.id}"))
    first = page.locator(".checklist input[type=checkbox]").first
    label = page.locator(".checklist label").first
    assert not first.is_checked()
    label.click()  # clicking the words ticks the box: they are its label
    assert first.is_checked()
    page.keyboard.press("Space")
    assert not first.is_checked()

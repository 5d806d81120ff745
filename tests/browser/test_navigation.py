"""Using the site in Chromium: language toggle, keyboard, search, small screens."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

PHONE_WIDTH = 390
REFLOW_WIDTH = 320
"""WCAG 2.1 success criterion 1.4.10: no horizontal scrolling at 320 CSS pixels."""
RESULT_WAIT_MS = 15_000
MAX_TABS = 40

FOCUSED = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  return {
    tag: element.tagName.toLowerCase(),
    id: element.id,
    classes: element.className,
    inToggle: !!element.closest(".language-toggle"),
    text: (element.textContent || "").trim(),
    visible: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
      || style.boxShadow !== "none",
  };
}"""


def html_lang(page: Page) -> str | None:
    return page.locator("html").get_attribute("lang")


def test_the_language_toggle_goes_to_the_french_page_and_back(
    site: Any, site_url: str, page: Page
) -> None:
    page_id = f"model/{site.model.attributes[-1].id}"
    english, french = (site_url + site.page_url(code, page_id) for code in ("en", "fr"))
    page.goto(english)
    page.locator(".language-toggle a").click()
    page.wait_for_url(french)
    assert html_lang(page) == "fr-CA"
    expect(page.locator("h1")).to_have_text(site.model.attributes[-1].name["fr"])
    page.locator(".language-toggle a").click()
    page.wait_for_url(english)
    assert html_lang(page) == "en-CA"


def test_the_keyboard_reaches_skip_link_then_language_then_search_with_visible_focus(
    site_url: str, page: Page
) -> None:
    page.goto(site_url + "/")
    visited: list[dict[str, Any]] = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        visited.append(page.evaluate(FOCUSED))
        if visited[-1]["id"] == "site-search-input":
            break
    names = [f"{f['tag']}#{f['id']}.{f['classes']} {f['text']!r}" for f in visited]
    assert "skip-link" in visited[0]["classes"], names
    toggle = next((n for n, f in enumerate(visited) if f["inToggle"] and f["tag"] == "a"), None)
    assert toggle is not None, names
    assert visited[-1]["id"] == "site-search-input", names
    assert 0 < toggle < len(visited) - 1
    invisible = [name for name, f in zip(names, visited, strict=True) if not f["visible"]]
    assert not invisible, f"focus not visible on: {invisible}"


def test_the_skip_link_moves_focus_to_main(site_url: str, page: Page) -> None:
    page.goto(site_url + "/fr/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    assert page.evaluate("document.activeElement.tagName") == "MAIN"


def search_results(page: Page, url: str) -> list[str]:
    """The addresses of the results the search page lists (absolute)."""
    page.goto(url)
    expect(page.locator("#search-results li").first).to_be_visible(timeout=RESULT_WAIT_MS)
    hrefs: list[str] = page.eval_on_selector_all(
        "#search-results li > a", "links => links.map(link => link.href)"
    )
    return hrefs


def test_french_search_finds_a_statement_by_another_form_of_a_word(
    site: Any, site_url: str, page: Page
) -> None:
    # "Mes services sont simplifiés…": searched as "simplifiée", a form no page contains.
    statement = next(s for s in site.model.statements if s.id == "simple-common-look")
    assert "simplifiés" in statement.text["fr"]
    query = "simplifiée"
    french_pages = (site.site / "fr").rglob("*.html")
    assert not any(
        re.search(rf"\b{query}\b", path.read_text(encoding="utf-8")) for path in french_pages
    ), "the searched form must not be on any page, or the test proves no stemming"

    results = search_results(page, f"{site_url}/fr/search/?q={query}")
    attribute_page = site_url + site.page_url("fr", "model/simple")
    assert attribute_page in results, results
    outside = [url for url in results if not url.startswith(f"{site_url}/fr/")]
    assert not outside, outside


def test_english_search_stays_in_english(site: Any, site_url: str, page: Page) -> None:
    results = search_results(page, f"{site_url}/search/?q=plain+language")
    assert site_url + site.page_url("en", "model/simple") in results, results
    assert not [url for url in results if url.startswith(f"{site_url}/fr/")], results


@pytest.mark.parametrize("code", ["en", "fr"])
@pytest.mark.parametrize("page_id", ["index", "model/simple"])
def test_no_horizontal_scroll_on_a_phone(
    code: str, page_id: str, site: Any, site_url: str, browser: Browser
) -> None:
    context = browser.new_context(viewport={"width": PHONE_WIDTH, "height": 844})
    try:
        phone = context.new_page()
        phone.goto(site_url + site.page_url(code, page_id))
        width = phone.evaluate("document.scrollingElement.scrollWidth")
        assert width <= PHONE_WIDTH
    finally:
        context.close()


@pytest.mark.parametrize("code", ["en", "fr"])
def test_every_page_reflows_at_320_px(
    code: str, site: Any, site_url: str, browser: Browser
) -> None:
    context = browser.new_context(viewport={"width": REFLOW_WIDTH, "height": 800})
    try:
        phone = context.new_page()
        too_wide = []
        for page_id in site.page_ids():
            phone.goto(site_url + site.page_url(code, page_id))
            width = phone.evaluate("document.scrollingElement.scrollWidth")
            if width > REFLOW_WIDTH:
                too_wide.append(f"{site.page_url(code, page_id)}: {width} px")
        assert not too_wide
    finally:
        context.close()

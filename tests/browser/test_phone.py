"""On a phone (390 by 844 px): the page title on the first screen, the main menu behind a
button that keyboards and screen readers can work, and still open without JavaScript.
Wide screens keep the menu in view and no button."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from test_accessibility import AXE_TAGS, RUN_AXE, describe

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
TOP_THIRD = 300
MENU = {"en": ("Menu", "Main menu"), "fr": ("Menu", "Menu principal")}
FIRST_MENU_LINK = {"en": "The maturity model", "fr": "Le modèle de maturité"}

# Where the first line of the title ends: the bottom of the first box of its text.
FIRST_LINE_BOTTOM = """() => {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector("main h1"));
  return range.getClientRects()[0].bottom;
}"""


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("code", ["en", "fr"])
@pytest.mark.parametrize("page_id", ["index", "model/accessible", "assessment/index"])
def test_the_page_title_shows_in_the_top_third_of_a_phone_screen(
    code: str, page_id: str, site: Any, site_url: str, phone: Page
) -> None:
    phone.goto(site_url + site.page_url(code, page_id))

    bottom = phone.evaluate(FIRST_LINE_BOTTOM)

    assert bottom <= TOP_THIRD, f"{code} {page_id}: the title's first line ends at {bottom} px"


def tab_to(page: Page, selector: str, presses: int = 12) -> None:
    """Press Tab until the element has the focus, as a keyboard user would."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reached with {presses} presses of Tab")


@pytest.mark.parametrize("code", ["en", "fr"])
def test_the_menu_button_works_by_keyboard_and_tells_screen_readers_its_state(
    code: str, site: Any, site_url: str, phone: Page
) -> None:
    button_name, menu_name = MENU[code]
    phone.goto(site_url + site.page_url(code, "model/accessible"))
    button = phone.get_by_role("button", name=button_name, exact=True)
    menu = phone.get_by_role("navigation", name=menu_name)
    first_link = menu.get_by_role("link", name=FIRST_MENU_LINK[code])

    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_have_attribute("aria-controls", "main-menu")
    expect(menu).to_be_hidden()

    tab_to(phone, ".menu-toggle")
    phone.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(first_link).to_be_visible()
    phone.keyboard.press("Tab")
    expect(first_link).to_be_focused()

    phone.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(menu).to_be_hidden()
    phone.keyboard.press("Space")
    expect(button).to_have_attribute("aria-expanded", "true")


@pytest.mark.parametrize("code", ["en", "fr"])
def test_without_javascript_the_menu_stays_open_and_no_button_shows(
    code: str, site: Any, site_url: str, browser: Browser
) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + site.page_url(code, "index"))
        menu = page.get_by_role("navigation", name=MENU[code][1])
        expect(menu.get_by_role("link", name=FIRST_MENU_LINK[code])).to_be_visible()
        expect(page.locator(".menu-toggle")).to_be_hidden()
    finally:
        context.close()


def test_wide_screens_keep_the_menu_in_one_row_and_the_full_draft_notice(
    site: Any, site_url: str, page: Page
) -> None:
    page.goto(site_url + site.page_url("en", "model/accessible"))

    expect(page.locator(".menu-toggle")).to_be_hidden()
    links = page.get_by_role("navigation", name="Main menu").get_by_role("link")
    tops = {round(box["y"]) for box in (link.bounding_box() for link in links.all()) if box}
    assert len(links.all()) == 6 and len(tops) == 1
    expect(page.locator(".draft-banner")).to_contain_text(
        "The model is a draft under discussion by the joint councils"
    )
    expect(page.locator(".draft-short")).to_be_hidden()


@pytest.mark.parametrize("code", ["en", "fr"])
def test_no_axe_violation_on_a_phone_with_the_menu_closed_and_open(
    code: str, site: Any, site_url: str, phone: Page, axe_source: str
) -> None:
    url = site_url + site.page_url(code, "model/accessible")
    phone.goto(url)
    phone.add_script_tag(content=axe_source)
    closed = describe(url, phone.evaluate(RUN_AXE, AXE_TAGS))
    phone.get_by_role("button", name=MENU[code][0], exact=True).click()
    opened = describe(url + " (menu open)", phone.evaluate(RUN_AXE, AXE_TAGS))

    assert not closed + opened, "\n".join(closed + opened)

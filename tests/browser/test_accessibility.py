"""axe-core finds no WCAG 2.0/2.1 A or AA problem, nor best-practice one, on any page."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return results.violations.map((v) => ({
    id: v.id,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
}"""


def violations_on(page: Page, url: str, axe_source: str) -> list[dict[str, Any]]:
    response = page.goto(url)
    assert response is not None and response.ok, url
    page.add_script_tag(content=axe_source)
    found: list[dict[str, Any]] = page.evaluate(RUN_AXE, AXE_TAGS)
    return found


def describe(url: str, violations: list[dict[str, Any]]) -> list[str]:
    return [f"{url}: {v['id']} — {v['help']} — {', '.join(v['targets'])}" for v in violations]


@pytest.mark.parametrize("code", ["en", "fr"])
def test_no_axe_violations_on_any_page(
    code: str, site: Any, site_url: str, page: Page, axe_source: str
) -> None:
    assert code in site.model.language_codes
    urls = [site_url + site.page_url(code, page_id) for page_id in site.page_ids()]
    if code == site.model.default_language:
        urls.append(site_url + "/404.html")
    problems: list[str] = []
    for url in urls:
        problems += describe(url, violations_on(page, url, axe_source))
    print("\n".join(problems))
    assert not problems, f"{len(problems)} axe violation(s):\n" + "\n".join(problems)


@pytest.mark.parametrize(("code", "query"), [("en", "plain language"), ("fr", "renseignements")])
def test_no_axe_violations_on_search_results(
    code: str, query: str, site: Any, site_url: str, page: Page, axe_source: str
) -> None:
    url = f"{site_url}{site.page_url(code, 'search')}?q={query}"
    page.goto(url)
    expect(page.locator("#search-results li").first).to_be_visible(timeout=15_000)
    page.add_script_tag(content=axe_source)
    problems = describe(url, page.evaluate(RUN_AXE, AXE_TAGS))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("code", ["en", "fr"])
@pytest.mark.parametrize("page_id", ["index", "model/accessible"])
def test_no_axe_violation_where_edit_report_and_stale_links_show(
    code: str, page_id: str, linked: Any, linked_url: str, page: Page, axe_source: str
) -> None:
    url = linked_url + linked.page_url(code, page_id)
    page.goto(url)
    expect(page.locator(".page-tools")).to_be_visible()
    if page_id == "model/accessible":
        expect(page.locator(".stale-notice")).to_be_visible()
    page.add_script_tag(content=axe_source)

    problems = describe(url, page.evaluate(RUN_AXE, AXE_TAGS))

    assert not problems, "\n".join(problems)

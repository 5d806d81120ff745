"""The offline copy in Chromium: unzipped into a folder and opened from it (`file://`),
with every request to a network refused, as in a workshop room without one."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Request, Route, expect

from generator.render.report_view import word

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def unzipped(site: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("workshop-laptop")
    with zipfile.ZipFile(site.site / "downloads" / "site-offline.zip") as archive:
        archive.extractall(folder)
    return folder / "site-offline"


@pytest.fixture
def offline_page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A page with no network: anything but a file, what the page makes itself or the
    browser's own PDF viewer fails."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    refused: list[str] = []

    def no_network(route: Route, request: Request) -> None:
        if request.url.startswith(("file:", "data:", "blob:", "chrome-extension:")):
            route.continue_()
        else:
            refused.append(request.url)
            route.abort("internetdisconnected")

    context.route("**/*", no_network)
    opened = context.new_page()
    yield opened, refused
    context.close()


def open_file(page: Page, path: Path) -> None:
    page.goto(path.as_uri())


def test_the_menus_links_and_language_toggle_open_pages_from_the_folder(
    site: Any, unzipped: Path, offline_page: tuple[Page, list[str]]
) -> None:
    page, refused = offline_page
    attribute = site.model.attributes[0]
    open_file(page, unzipped / "index.html")
    expect(page.locator("h1")).to_be_visible()

    page.locator(".main-menu a").first.click()
    page.wait_for_url((unzipped / "model" / "index.html").as_uri())
    page.locator(f'main a[href="{attribute.id}/index.html"]').first.click()
    page.wait_for_url((unzipped / "model" / attribute.id / "index.html").as_uri())
    expect(page.locator("h1")).to_have_text(attribute.name["en"])

    page.locator(".language-toggle a").click()
    page.wait_for_url((unzipped / "fr" / "model" / attribute.id / "index.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "fr-CA"
    expect(page.locator("h1")).to_have_text(attribute.name["fr"])
    page.locator(".site-name").click()
    page.wait_for_url((unzipped / "fr" / "index.html").as_uri())
    assert refused == []


def test_a_pdf_link_opens_the_pdf(unzipped: Path, offline_page: tuple[Page, list[str]]) -> None:
    page, refused = offline_page
    open_file(page, unzipped / "fr" / "worksheets" / "index.html")
    link = page.locator("a[href$='.pdf']").first
    target = (unzipped / "fr" / "worksheets" / str(link.get_attribute("href"))).resolve()

    # Chromium ignores `download` on file:// links: it opens the PDF in its viewer.
    link.click()

    page.wait_for_url(target.as_uri())
    assert target.read_bytes().startswith(b"%PDF-")
    assert refused == []


def test_the_worksheets_page_of_the_copy_does_not_offer_the_copy(
    unzipped: Path, offline_page: tuple[Page, list[str]]
) -> None:
    page, _ = offline_page
    for folder in (unzipped, unzipped / "fr"):
        open_file(page, folder / "worksheets" / "index.html")
        expect(page.locator("a[href$='.pdf']").first).to_be_visible()
        expect(page.locator("a[href$='.zip'], #offline-copy")).to_have_count(0)


def test_assessment_answers_are_kept_across_a_reload(
    site: Any, unzipped: Path, offline_page: tuple[Page, list[str]]
) -> None:
    page, refused = offline_page
    statement = site.model.attributes[0].statements[0].id
    assessment = unzipped / "fr" / "assessment" / "index.html"
    open_file(page, assessment)
    today = page.locator(f'input[name="today:{statement}"][value="satisfied"]')
    today.check()
    page.locator("#assessment-service").fill("Avis de décès — atelier")

    page.reload()
    # A new visit, not the browser's own restoring of a reloaded form: the page's script
    # reads the answers back from the browser's storage.
    open_file(page, unzipped / "fr" / "index.html")
    open_file(page, assessment)

    expect(page.locator(f'input[name="today:{statement}"][value="satisfied"]')).to_be_checked()
    expect(page.locator("#assessment-service")).to_have_value("Avis de décès — atelier")
    assert refused == []


def test_a_file_is_imported_and_scored_from_the_folder(
    site: Any, unzipped: Path, offline_page: tuple[Page, list[str]], tmp_path: Path
) -> None:
    """The file check is a module the page imports only then (js/file-check.js)."""
    page, refused = offline_page
    statement = site.model.attributes[0].statements[0].id
    exported = {
        "format": "client-centric-assessment",
        "format_version": 1,
        "answers": {statement: {"today": "some", "target": "impressed"}},
    }
    as_json = tmp_path / "atelier.json"
    as_json.write_text(json.dumps(exported), encoding="utf-8")
    open_file(page, unzipped / "fr" / "assessment" / "index.html")

    page.locator("#assessment-import").set_input_files(str(as_json))

    expect(page.locator(f'input[name="target:{statement}"][value="impressed"]')).to_be_checked()
    status = " ".join(
        word(site.model, "assessment.imported", "fr", count=1, file=as_json.name).split()
    )
    expect(page.locator("#assessment-status")).to_have_text(status)
    page.locator('button[data-action="results"]').click()
    expect(page.locator("#assessment-results .bar-chart")).to_have_count(2)
    assert refused == []


@pytest.mark.parametrize("code", ["en", "fr"])
def test_search_says_it_does_not_work_offline_in_the_reader_s_language(
    code: str, site: Any, unzipped: Path, offline_page: tuple[Page, list[str]]
) -> None:
    page, refused = offline_page
    folder = unzipped / site.language_root(code)
    open_file(page, folder / "about" / "index.html")

    page.locator("#site-search-input").fill("client")
    page.locator("#site-search-input").press("Enter")

    page.wait_for_url(f"{(folder / 'search' / 'index.html').as_uri()}?q=client")
    expect(page.locator("#search-status")).to_have_text(site.model.strings["search.offline"][code])
    assert refused == []


def test_the_workshop_page_reads_json_and_yaml_files_from_the_folder(
    site: Any, unzipped: Path, offline_page: tuple[Page, list[str]], tmp_path: Path
) -> None:
    """Its file check, merge and YAML reader are modules it imports when the first file comes."""
    page, refused = offline_page
    first = site.model.statements[0]
    participant = tmp_path / "participant.json"
    participant.write_text(
        json.dumps(
            {
                "format": "client-centric-assessment",
                "format_version": 2,
                "answers": {first.id: {"today": "not-yet"}},
            }
        ),
        encoding="utf-8",
    )
    tally = tmp_path / "tally.yaml"
    tally.write_text(
        "format: client-centric-tally\nformat_version: 2\nparticipants: 2\n"
        f"statements:\n  {first.code}:\n    today: {{impressed: 2}}\n",
        encoding="utf-8",
    )
    open_file(page, unzipped / "fr" / "workshop" / "index.html")

    page.locator("#workshop-files").set_input_files([str(participant), str(tally)])

    expect(page.locator("#workshop-participants > li")).to_have_count(2)
    expect(page.locator("#workshop-list > li").first).to_have_attribute("data-statement", first.id)
    assert refused == []


def test_the_comparison_page_compares_two_files_from_the_folder(
    unzipped: Path, offline_page: tuple[Page, list[str]], tmp_path: Path
) -> None:
    """Its file check, comparison, charts and view are modules it imports with the first file;
    the view's module gets the others from the page (it cannot import them itself)."""
    page, refused = offline_page
    for name, today in (("baseline", "some"), ("follow-up", "impressed")):
        answers = {"simple-plain-language": {"today": today}}
        data = {"format": "client-centric-assessment", "format_version": 2, "answers": answers}
        (tmp_path / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")
    open_file(page, unzipped / "assessment" / "compare" / "index.html")

    for name in ("baseline", "follow-up"):
        page.locator(f"#{name}-file").set_input_files(str(tmp_path / f"{name}.json"))
        expect(page.locator(f"#{name}-chosen")).to_contain_text(f"{name}.json")
    page.locator("#compare-form button[type=submit]").click()

    expect(page.locator("#compare-body .bar-chart")).to_have_count(2)
    expect(page.locator('#compare-body tr[data-id="simple-plain-language"]')).to_have_attribute(
        "data-direction", "up"
    )
    assert refused == []


def test_a_share_link_made_in_the_folder_opens_there(
    site: Any, unzipped: Path, offline_page: tuple[Page, list[str]]
) -> None:
    """The page's share.js (made into a `data:` address) writes the link; the shared page's
    script reads it with share.js, file-check.js, versions.js, chart.js and results-view.js."""
    page, refused = offline_page
    statement = site.model.attributes[0].statements[0].id
    open_file(page, unzipped / "fr" / "assessment" / "index.html")
    page.locator(f'input[name="today:{statement}"][value="satisfied"]').check()

    page.locator('button[data-action="share"]').click()
    link = page.locator("#share-link")
    expect(link).to_have_value(
        re.compile(
            re.escape((unzipped / "fr" / "assessment" / "shared" / "index.html").as_uri()) + "#"
        )
    )
    page.goto(link.input_value())

    expect(page.locator("#shared-results .bar-chart")).to_have_count(2)
    expect(page.locator("#shared-results td[data-score='today']").first).not_to_have_text("—")
    assert refused == []

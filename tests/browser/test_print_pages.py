"""Pages printed from Chromium: no navigation or PDF links, addresses shown, statements whole."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

pytestmark = pytest.mark.browser

SHOWN = """(selector) => Array.from(document.querySelectorAll(selector)).map((element) => {
  const style = getComputedStyle(element);
  return style.display !== "none" && element.getBoundingClientRect().height > 0;
})"""

BREAKS = """(selector) => Array.from(document.querySelectorAll(selector))
  .map((element) => getComputedStyle(element).breakInside)"""

# A link to another site, added to the page: the content has none today, and the day it
# does, a reader of the paper copy needs the address.
EXTERNAL_LINK = """() => {
  const link = document.createElement("a");
  link.href = "https://www.canada.ca/en/services.html";
  link.textContent = "services";
  document.querySelector("main p").append(" ", link);
  return getComputedStyle(link, "::after").content;
}"""


def _pdf_text(data: bytes) -> str:
    """The printed words, with a word cut at its own hyphen at a line's end joined back."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(re.sub(r"(?<=\w-)\n(?=\w)", "", text).split())


@pytest.mark.parametrize("code", ["en", "fr"])
def test_a_printed_attribute_page_is_its_content_only_with_each_statement_kept_whole(
    code: str, site: Any, site_url: str, page: Page
) -> None:
    attribute = site.model.attributes[0]
    page.goto(site_url + site.page_url(code, f"model/{attribute.id}"))
    assert all(page.evaluate(SHOWN, ".download")), "the PDF links show on screen"
    page.emulate_media(media="print")

    for hidden in (".site-header", ".site-footer", ".breadcrumbs", ".pager", ".download"):
        assert not any(page.evaluate(SHOWN, hidden)), f"{hidden} prints"
    statements = page.evaluate(BREAKS, ".statement")
    assert len(statements) == len(attribute.statements)
    assert set(statements) == {"avoid"}
    assert "https://www.canada.ca/en/services.html" in page.evaluate(EXTERNAL_LINK)

    text = _pdf_text(page.pdf(format="Letter"))
    strings = site.model.strings
    for words in (attribute.name[code], *(s.text[code] for s in attribute.statements)):
        assert " ".join(words.split()) in text, words
    for key in ("site.skip_link", "site.search_button", "site.footer_heading", "download.a4"):
        assert strings[key][code] not in text, key

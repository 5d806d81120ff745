"""The built site reads typeset in both languages: every page's text and every PDF's.

Sources keep plain characters; what readers get has curly apostrophes in English and,
in French, no-break spaces where a line must not break (CONTRIBUTING.md, "Typography").
The text is read here with the standard library's HTML parser and pypdf, not with the
code that typesets it.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader
from real_site import BuiltSite

# A breaking space: what may not stand before « : » or « » », after « « », or in "33 Ko".
_BREAKING = "[ \t\r\n]"
FRENCH_FAULTS = {
    "a breaking space before a colon": re.compile(rf"\w{_BREAKING}+:"),
    "a breaking space before »": re.compile(rf"{_BREAKING}»"),
    "a breaking space after «": re.compile(rf"«{_BREAKING}"),
    "a breaking space between a number and its unit": re.compile(
        rf"\d{_BREAKING}+(?:Ko|h|%)(?!\w)"
    ),
}
_SKIPPED = {"script", "style", "code", "pre", "textarea", "template"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class _Texts(HTMLParser):
    """Each text of a page with the language of the element holding it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str]] = [("", "")]
        self.texts: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        language = dict(attrs).get("lang") or self.open[-1][1]
        self.open.append((tag, language))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        if not any(tag in _SKIPPED for tag, _ in self.open):
            self.texts.append((self.open[-1][1].split("-")[0], data))


def page_texts(path: Path) -> list[tuple[str, str]]:
    parser = _Texts()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.texts


def faults(text: str, language: str) -> list[str]:
    """What is wrong with a text's typography in its language, with the text around it."""
    found: list[str] = []
    if language == "en":
        found += [
            f"a straight quote: …{text[max(0, m.start() - 30) : m.end() + 30]}…"
            for m in re.finditer(r"['\"]", text)
        ]
    elif language == "fr":
        for fault, pattern in FRENCH_FAULTS.items():
            found += [
                f"{fault}: …{text[max(0, m.start() - 30) : m.end() + 30]}…"
                for m in pattern.finditer(text)
            ]
    return found


def test_no_page_has_a_straight_quote_in_english_or_a_breaking_space_in_french(
    site: BuiltSite,
) -> None:
    problems: list[str] = []
    pages = sorted(site.site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        for language, text in page_texts(path):
            problems += [
                f"{path.relative_to(site.site)} ({language}): {fault}"
                for fault in faults(text, language)
            ]

    assert not problems, "\n".join(problems[:40])


def test_the_pages_do_have_typeset_text_to_check(site: BuiltSite) -> None:
    play = site.site / "playbook" / "resolve-at-first-contact" / "index.html"
    english = " ".join(text for code, text in page_texts(play) if code == "en")
    model = site.site / "fr" / "model" / "index.html"
    french = " ".join(text for code, text in page_texts(model) if code == "fr")

    assert "’" in english and "'" not in english
    assert "\u00a0:" in french and "«\u00a0" in french


def pdf_text(path: Path) -> str:
    """The PDF's text, a line break where a line ends."""
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_pdf_has_a_straight_quote_in_english_or_a_breaking_space_in_french(
    site: BuiltSite, language: str
) -> None:
    root = site.site / site.language_root(language)
    pdfs = sorted(
        path
        for path in root.rglob("*.pdf")
        if language == "fr" or not path.relative_to(site.site).as_posix().startswith("fr/")
    )
    assert pdfs, f"no PDF in {root}"
    problems: list[str] = []
    for path in pdfs:
        text = pdf_text(path)
        if language == "fr":
            # pypdf reads a no-break space as a space (the font draws both with one glyph):
            # on paper, what shows is where a line broke, so only line breaks count here.
            text = re.sub(r"[ \t]", "\u00a0", text)
        problems += [f"{path.relative_to(site.site)}: {fault}" for fault in faults(text, language)]

    assert not problems, "\n".join(problems[:40])

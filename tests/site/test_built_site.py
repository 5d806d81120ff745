"""The real site, built end to end by `playbook build`: its files, languages, links, weight,
sitemap, and a failed build that keeps the previous site.

Valid HTML, every internal link and anchor, and a second cold build byte-identical are
the quality gates' (tests/quality/test_site_gates.py), run once on this same site."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import pytest
from linked_site import PUBLISHED_AT, linked_site
from real_site import (
    BuiltSite,
    build,
    command,
    copy_project,
    environment,
    site_files,
    without_typography,
)

LINK_ATTRIBUTES = {"href", "src", "action"}
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
PAGE_WEIGHT_LIMIT = 60 * 1024
"""Bytes of HTML, CSS and JavaScript a page needs, uncompressed, search index excluded."""


@dataclass
class Link:
    tag: str
    attribute: str
    value: str
    attrs: dict[str, str]
    in_language_toggle: bool


class ParsedPage(HTMLParser):
    """What the tests read from a built page: language, headings, ids, links and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_lang: str | None = None
        self.h1_count = 0
        self.ids: set[str] = set()
        self.duplicate_ids: list[str] = []
        self.links: list[Link] = []
        self.text_parts: list[str] = []
        self._navs: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        attrs = {name: value or "" for name, value in attributes}
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag == "h1":
            self.h1_count += 1
        if tag == "nav":
            self._navs.append(attrs.get("class", ""))
        if tag in ("script", "style"):
            self._skipping += 1
        if "id" in attrs:
            if attrs["id"] in self.ids:
                self.duplicate_ids.append(attrs["id"])
            self.ids.add(attrs["id"])
        in_toggle = any("language-toggle" in classes.split() for classes in self._navs)
        for name in LINK_ATTRIBUTES & attrs.keys():
            self.links.append(Link(tag, name, attrs[name], attrs, in_toggle))

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._navs:
            self._navs.pop()
        if tag in ("script", "style"):
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return normalized("".join(self.text_parts))

    def alternates(self) -> dict[str, str]:
        """hreflang -> href of every <link rel="alternate">."""
        return {
            link.attrs["hreflang"]: link.value
            for link in self.links
            if link.tag == "link" and link.attrs.get("rel") == "alternate"
        }

    def toggle_links(self) -> list[Link]:
        return [link for link in self.links if link.tag == "a" and link.in_language_toggle]


def normalized(text: str) -> str:
    """Spaces as a reader sees them (non-breaking and thin spaces count), typography undone."""
    spaced = re.sub(r"\s+", " ", text.replace("\xa0", " ").replace("\u202f", " ")).strip()
    return without_typography(spaced)


@cache
def parse(path: Path) -> ParsedPage:
    page = ParsedPage()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def url_of(relative_file: str) -> str:
    """The address a built file is served at, from the site root."""
    if relative_file == "index.html":
        return "/"
    if relative_file.endswith("/index.html"):
        return "/" + relative_file[: -len("index.html")]
    return "/" + relative_file


def resolve(site: Path, from_file: str, href: str) -> tuple[Path | None, str]:
    """The built file an internal link points to (None if it points nowhere) and its anchor."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("//"):
        return None, parts.fragment  # another host, or a protocol-relative URL: not internal
    base = url_of(from_file)
    path = parts.path or base
    if not path.startswith("/"):
        path = base.rsplit("/", 1)[0] + "/" + path
    segments: list[str] = []
    for segment in unquote(path).split("/"):
        if segment == "..":
            if not segments:
                return None, parts.fragment  # above the site root
            segments.pop()
        elif segment not in ("", "."):
            segments.append(segment)
    relative = "/".join(segments)
    if path.endswith("/") or not relative:
        relative = f"{relative}/index.html" if relative else "index.html"
    target = site / relative
    return (target if target.is_file() else None), parts.fragment


def built_html(site: BuiltSite) -> list[str]:
    """Every built HTML file, relative to the site, search index left out."""
    return sorted(
        path.relative_to(site.site).as_posix()
        for path in site.site.rglob("*.html")
        if not path.relative_to(site.site).as_posix().startswith("pagefind/")
    )


def words(site: BuiltSite, key: str, code: str) -> str:
    return normalized(site.model.strings[key][code])


# --- Pages and languages ----------------------------------------------------------------


# Written out, not computed: a page the site gains or loses shows here as a one-line change.
LANGUAGE_FILES = [
    "about/index.html",
    "assessment/assessment.schema.json",
    "assessment/compare/index.html",
    "assessment/example/index.html",
    "assessment/follow-up-example/index.html",
    "assessment/index.html",
    "assessment/library-words.js",
    "assessment/shared/index.html",
    "changes/index.html",
    "downloads/checklist-delivery-a4.pdf",
    "downloads/checklist-delivery-letter.pdf",
    "downloads/checklist-design-a4.pdf",
    "downloads/checklist-design-letter.pdf",
    "downloads/checklist-implementation-a4.pdf",
    "downloads/checklist-implementation-letter.pdf",
    "downloads/checklist-phase-out-a4.pdf",
    "downloads/checklist-phase-out-letter.pdf",
    "downloads/model-worksheet-a4.pdf",
    "downloads/model-worksheet-letter.pdf",
    "downloads/playbook-a4.pdf",
    "downloads/playbook-letter.pdf",
    "downloads/tally-sheet-a4.pdf",
    "downloads/tally-sheet-letter.pdf",
    "downloads/worksheet-accessible-a4.pdf",
    "downloads/worksheet-accessible-letter.pdf",
    "downloads/worksheet-consistent-a4.pdf",
    "downloads/worksheet-consistent-letter.pdf",
    "downloads/worksheet-efficient-a4.pdf",
    "downloads/worksheet-efficient-letter.pdf",
    "downloads/worksheet-integrity-a4.pdf",
    "downloads/worksheet-integrity-letter.pdf",
    "downloads/worksheet-responsive-a4.pdf",
    "downloads/worksheet-responsive-letter.pdf",
    "downloads/worksheet-secure-a4.pdf",
    "downloads/worksheet-secure-letter.pdf",
    "downloads/worksheet-simple-a4.pdf",
    "downloads/worksheet-simple-letter.pdf",
    "glossary/index.html",
    "index.html",
    "lifecycle/delivery/index.html",
    "lifecycle/design/index.html",
    "lifecycle/implementation/index.html",
    "lifecycle/index.html",
    "lifecycle/phase-out/index.html",
    "model/accessible/index.html",
    "model/consistent/index.html",
    "model/efficient/index.html",
    "model/index.html",
    "model/integrity/index.html",
    "model/responsive/index.html",
    "model/secure/index.html",
    "model/simple/index.html",
    "playbook/build-in-accessibility/index.html",
    "playbook/bundle-around-life-events/index.html",
    "playbook/co-design-and-test/index.html",
    "playbook/feedback-you-said-we-did/index.html",
    "playbook/govern-joint-initiatives/index.html",
    "playbook/index.html",
    "playbook/map-the-client-journey/index.html",
    "playbook/protect-privacy-one-login/index.html",
    "playbook/reach-everyone-stop-fraud/index.html",
    "playbook/resolve-at-first-contact/index.html",
    "playbook/retire-without-stranding/index.html",
    "playbook/serve-every-channel/index.html",
    "playbook/set-service-standards/index.html",
    "playbook/tell-us-once/index.html",
    "playbook/write-plainly-look-alike/index.html",
    "search/index.html",
    "translation-status/index.html",
    "worksheets/index.html",
    "workshop/example/index.html",
    "workshop/index.html",
]
"""Every file of one language's part of the site, from its root ('' in English, 'fr/')."""

SHARED_FILES = [
    ".playbook-site",
    "404.html",
    "css/assessment.css",
    "css/results.css",
    "css/site.css",
    "css/team-report.css",
    "css/workshop.css",
    "downloads/site-offline.zip",
    "js/assessment.js",
    "js/chart.js",
    "js/compare-page.js",
    "js/compare-view.js",
    "js/compare.js",
    "js/file-check.js",
    "js/library-view.js",
    "js/library.js",
    "js/plan-editor.js",
    "js/plan.js",
    "js/results-view.js",
    "js/scoring.js",
    "js/search.js",
    "js/share.js",
    "js/shared-page.js",
    "js/versions.js",
    "js/workshop-page.js",
    "js/workshop.js",
    "js/yaml-subset.js",
    "sitemap.xml",
    "sitemap.xml.gz",
]
"""Files at the site's root that serve every language (the search index apart): the
offline copy holds both languages."""

UNLISTED_PAGES = ["search/index.html", "translation-status/index.html"]
"""Pages the sitemap leaves out: the search page and the editors' translation status."""


def test_each_language_has_exactly_these_files(site: BuiltSite) -> None:
    built = [path for path in site_files(site.site) if not path.startswith("pagefind/")]
    french = [path.removeprefix("fr/") for path in built if path.startswith("fr/")]
    english = [path for path in built if not path.startswith("fr/")]

    assert french == LANGUAGE_FILES
    assert english == sorted(LANGUAGE_FILES + SHARED_FILES)
    assert (site.site / "pagefind" / "pagefind-entry.json").is_file()


def test_every_page_declares_its_language_and_has_one_h1_and_unique_ids(
    site: BuiltSite,
) -> None:
    for code, page_id in site.html_pages():
        page = parse(site.site / site.page_path(code, page_id))
        where = site.page_path(code, page_id)
        assert page.html_lang == site.model.language(code).locale, where
        assert page.h1_count == 1, where
        assert not page.duplicate_ids, where


def test_every_page_points_to_itself_in_every_language(site: BuiltSite) -> None:
    locales = {language.locale: language.code for language in site.model.languages}
    for code, page_id in site.html_pages():
        where = site.page_path(code, page_id)
        alternates = parse(site.site / where).alternates()
        expected = {
            locale
            for locale, other in locales.items()
            if (site.site / site.page_path(other, page_id)).is_file()
        }
        assert set(alternates) == expected, where
        for locale, href in alternates.items():
            target, _ = resolve(site.site, where, href)
            assert target == site.site / site.page_path(locales[locale], page_id), (where, href)


def test_the_language_toggle_lands_on_the_same_page_in_the_other_language(
    site: BuiltSite,
) -> None:
    for code, page_id in site.html_pages():
        where = site.page_path(code, page_id)
        toggles = parse(site.site / where).toggle_links()
        others = [c for c in site.model.language_codes if c != code]
        assert len(toggles) == len(others), where
        for link, other in zip(toggles, others, strict=True):
            target, _ = resolve(site.site, where, link.value)
            assert target == site.site / site.page_path(other, page_id), (where, link.value)
            assert link.attrs.get("lang") == site.model.language(other).locale, where


def test_the_not_found_page_speaks_every_language(site: BuiltSite) -> None:
    page = parse(site.site / "404.html")
    assert page.html_lang == site.model.language(site.model.default_language).locale
    for code in site.model.language_codes:
        for key in ("notfound.title", "notfound.text", "notfound.home"):
            assert words(site, key, code) in page.text, (code, key)
    homes = {
        resolve(site.site, "404.html", link.value)[0] for link in page.links if link.tag == "a"
    }
    assert homes == {
        site.site / site.page_path(code, "index") for code in site.model.language_codes
    }


def test_french_pages_have_the_french_statements_and_no_english_ones(site: BuiltSite) -> None:
    model = site.model
    french = {
        page_id: parse(site.site / site.page_path("fr", page_id)).text
        for page_id in site.page_ids()
    }
    english = {
        page_id: parse(site.site / site.page_path("en", page_id)).text
        for page_id in site.page_ids()
    }
    for statement in model.statements:
        attribute_page = f"model/{model.attribute_of(statement).id}"
        assert normalized(statement.text["fr"]) in french[attribute_page], statement.id
        assert normalized(statement.text["en"]) in english[attribute_page], statement.id
        leaks = [
            page_id for page_id, text in french.items() if normalized(statement.text["en"]) in text
        ]
        assert not leaks, f"English text of {statement.id} on French pages: {leaks}"


def test_every_page_carries_the_draft_notice(site: BuiltSite) -> None:
    for code, page_id in site.html_pages():
        notice = normalized(site.model.info.status.notice[code])
        label = words(site, "site.draft_label", code)
        text = parse(site.site / site.page_path(code, page_id)).text
        assert normalized(f"{label} — {notice}") in text, site.page_path(code, page_id)


def test_home_an_attribute_page_the_workshop_and_comparison_pages_weigh_at_most_60_kb(
    site: BuiltSite,
) -> None:
    """The workshop page's logic (file check, merge, YAML reader) loads with the first file,
    the comparison page's (file check, comparison, view) with the first assessment chosen."""
    attribute = f"model/{site.model.attributes[0].id}"
    pages = (
        "index",
        attribute,
        "workshop/example",
        "workshop/index",
        "assessment/compare",
        "assessment/follow-up-example",
        "assessment/shared",
    )
    for code in site.model.language_codes:
        for page_id in pages:
            relative = site.page_path(code, page_id)
            total = (site.site / relative).stat().st_size
            for link in parse(site.site / relative).links:
                needed = (link.tag == "link" and link.attrs.get("rel") == "stylesheet") or (
                    link.tag in ("script", "img") and link.attribute == "src"
                )
                if needed:
                    target, _ = resolve(site.site, relative, link.value)
                    assert target is not None, link.value
                    total += target.stat().st_size
            assert total <= PAGE_WEIGHT_LIMIT, f"{relative}: {total} bytes"


def test_without_a_site_url_the_sitemap_lists_nothing(site: BuiltSite) -> None:
    """Search engines need absolute addresses; mkdocs.yml has no site_url to make them."""
    root = ElementTree.parse(site.site / "sitemap.xml").getroot()
    assert root.tag == f"{{{SITEMAP}}}urlset"
    assert list(root) == []


def test_with_a_site_url_sitemap_and_404_page_use_its_addresses(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """`playbook build --site-url`: a site published under a sub-path keeps working links.

    Read from the build linked_site.py makes as the Pages workflow does, with a site URL."""
    site_dir = linked_site(tmp_path_factory).site
    base = PUBLISHED_AT
    prefix = urlsplit(base).path  # "/client-centric-playbook/"

    entries = ElementTree.parse(site_dir / "sitemap.xml").getroot().findall(f"{{{SITEMAP}}}url")
    listed = [entry.findtext(f"{{{SITEMAP}}}loc", "") for entry in entries]
    pages = [
        path.removesuffix("index.html")
        for path in LANGUAGE_FILES
        if path.endswith("index.html") and path not in UNLISTED_PAGES
    ]
    assert sorted(listed) == sorted(
        base + language + page for language in ("", "fr/") for page in pages
    )
    for entry in entries:
        alternates = entry.findall(f"{{{XHTML}}}link")
        assert len(alternates) == 2
        for alternate in alternates:
            href = alternate.get("href", "")
            assert href.startswith(base)
            assert (site_dir / href[len(base) :] / "index.html").is_file(), href

    not_found = parse(site_dir / "404.html")
    targets = {link.value for link in not_found.links if link.tag in ("a", "link")}
    assert targets == {f"{prefix}css/site.css", prefix, f"{prefix}fr/"}


# --- Builds -------------------------------------------------------------------------------


def test_a_failed_build_reports_the_line_and_keeps_the_previous_site(
    site: BuiltSite, tmp_path: Path
) -> None:
    root = copy_project(tmp_path / "project")
    site_dir = tmp_path / "site"
    shutil.copytree(site.site, site_dir)  # the site the same content built
    before = site_files(site_dir)

    relative = "content/attributes/simple.yml"
    lines = (root / relative).read_text(encoding="utf-8").splitlines(keepends=True)
    broken_line = next(n for n, line in enumerate(lines, 1) if line.startswith("id: "))
    lines[broken_line - 1] = lines[broken_line - 1].replace("id: ", "id: [", 1)
    (root / relative).write_text("".join(lines), encoding="utf-8")

    outcome = build(root, site_dir, cache=site.cache)
    assert outcome.returncode == 1
    reported = re.findall(rf"^{re.escape(relative)}:(\d+):", outcome.stderr, re.MULTILINE)
    # The parser notices an unclosed bracket where the next line starts.
    assert reported and int(reported[0]) in (broken_line, broken_line + 1), outcome.stderr
    assert site_files(site_dir) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"], "staging left over"


def test_mkdocs_builds_the_project_strictly_without_warnings(
    site: BuiltSite, tmp_path: Path
) -> None:
    outcome = subprocess.run(
        [
            *command("mkdocs"),
            "build",
            "--strict",
            "-f",
            str(site.root / "mkdocs.yml"),
            "-d",
            str(tmp_path / "site"),
        ],
        capture_output=True,
        text=True,
        check=False,
        env=environment(),
        timeout=300,
    )
    output = outcome.stdout + outcome.stderr
    assert outcome.returncode == 0, output
    assert "WARNING" not in output, output
    assert (tmp_path / "site" / "index.html").is_file()
    shutil.rmtree(tmp_path / "site")

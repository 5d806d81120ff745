"""A third language by configuration only: its pages, fallbacks, markers, toggle and status."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from real_site import command, environment
from third_language_site import EDIT_MARK, THIRD, ThreeLanguageSite

from generator.quality import VNU_JAR, check_links, validate_html
from generator.quality.links import read_page, resolve
from generator.render.site_map import page_directory, site_pages


class Frame(HTMLParser):
    """The page's language, its alternates, and the links of the language toggle."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.alternates: dict[str, str] = {}
        self.toggle: list[dict[str, str]] = []
        self._in_toggle = False

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        attrs = {name: value or "" for name, value in attributes}
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "link" and attrs.get("rel") == "alternate":
            self.alternates[attrs["hreflang"]] = attrs["href"]
        elif tag == "nav":
            self._in_toggle = "language-toggle" in attrs.get("class", "")
        elif tag == "a" and self._in_toggle:
            self.toggle.append(attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._in_toggle = False


def frame(path: Path) -> Frame:
    parser = Frame()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_file(site: ThreeLanguageSite, language: str, page_id: str) -> str:
    root = "" if language == site.model.default_language else f"{language}/"
    return f"{root}{page_directory(page_id)}index.html"


def test_the_language_is_configured_as_being_added(three_languages: ThreeLanguageSite) -> None:
    spanish = three_languages.model.language(THIRD)

    assert three_languages.model.language_codes == ("en", "fr", THIRD)
    assert spanish.complete is False


def test_every_page_exists_in_the_third_language_and_declares_it(
    three_languages: ThreeLanguageSite,
) -> None:
    for page in site_pages(three_languages.model):
        path = three_languages.site / page_file(three_languages, THIRD, page.page_id)
        assert path.is_file(), path
        assert frame(path).lang == "es", path


def test_fallback_texts_are_in_english_marked_not_yet_translated(
    three_languages: ThreeLanguageSite,
) -> None:
    model = three_languages.model
    attribute = model.attributes[0]
    statement = attribute.statements[0]
    html = (
        three_languages.site / page_file(three_languages, THIRD, f"model/{attribute.id}")
    ).read_text(encoding="utf-8")

    fallback = re.search(
        r'<span lang="en-CA" class="untranslated">([^<]*)</span> '
        r'<span lang="en-CA" class="untranslated-marker">\(not yet translated\)</span>',
        html,
    )
    assert fallback is not None
    assert statement.text["en"] in html
    # Block texts (Markdown paragraphs, as in a play's "why") are wrapped in a block, so the
    # HTML stays valid; attribute pages have none, play pages do.
    play = model.plays[0]
    play_html = (
        three_languages.site / page_file(three_languages, THIRD, f"playbook/{play.id}")
    ).read_text(encoding="utf-8")
    assert re.search(
        r'(?s)<div lang="en-CA" class="untranslated"><p>(?:(?!</div>).)+</p></div>'
        r'<p lang="en-CA" class="untranslated-marker">\(not yet translated\)</p>',
        play_html,
    )
    # The interface's own words fall back too.
    assert model.strings["site.skip_link"]["en"] in html


def test_complete_languages_show_no_marker(three_languages: ThreeLanguageSite) -> None:
    for language in ("en", "fr"):
        for page in site_pages(three_languages.model):
            html = (
                three_languages.site / page_file(three_languages, language, page.page_id)
            ).read_text(encoding="utf-8")
            assert 'class="untranslated-marker"' not in html, (language, page.page_id)


def test_the_toggle_offers_the_three_languages_on_the_same_page(
    three_languages: ThreeLanguageSite,
) -> None:
    model = three_languages.model
    locales = {language.code: language.locale for language in model.languages}
    for page_id in ("index", f"model/{model.attributes[0].id}", "about"):
        for language in model.language_codes:
            where = page_file(three_languages, language, page_id)
            shown = frame(three_languages.site / where)

            assert set(shown.alternates) == set(locales.values()), where
            others = [code for code in model.language_codes if code != language]
            assert [link["hreflang"] for link in shown.toggle] == [locales[c] for c in others]
            for link, other in zip(shown.toggle, others, strict=True):
                target, _ = resolve(three_languages.site, where, link["href"])
                assert target == page_file(three_languages, other, page_id), (where, link)


@pytest.fixture(scope="module")
def translations_report(
    three_languages: ThreeLanguageSite,
) -> subprocess.CompletedProcess[str]:
    """`playbook translations` on the three-language tree, run once for the tests below."""
    return subprocess.run(
        [*command("playbook"), "translations", "--root", str(three_languages.root)],
        capture_output=True,
        text=True,
        check=False,
        env=environment(),
        timeout=120,
    )


def test_the_translations_command_lists_what_the_third_language_lacks(
    three_languages: ThreeLanguageSite,
    translations_report: subprocess.CompletedProcess[str],
) -> None:
    outcome = translations_report

    status = three_languages.model.translation_status
    expected = sum(1 for text in status.texts if not text.partial)
    assert outcome.returncode == 1
    assert f"Not yet translated into Español (es): {expected} text(s)" in outcome.stdout
    statement = three_languages.model.attributes[0].statements[0]
    assert re.search(
        rf"content/attributes/{three_languages.model.attributes[0].id}\.yml:\d+: "
        rf"statements\[{statement.id}\]\.text: the “es” text is missing",
        outcome.stdout,
    )
    assert "site_templates/strings.yml:" in outcome.stdout


def test_the_translations_command_lists_the_stale_french_text(
    three_languages: ThreeLanguageSite,
    translations_report: subprocess.CompletedProcess[str],
) -> None:
    outcome = translations_report

    stale = f"{three_languages.edited_file}:"
    lines = [line for line in outcome.stdout.splitlines() if "may be out of date" in line]
    assert [line for line in lines if line.strip().startswith(stale)], outcome.stdout
    assert f"{three_languages.edited_key}: the “fr” text may be out of date" in outcome.stdout


@pytest.mark.parametrize("language", ["en", "fr", THIRD])
def test_the_status_page_lists_the_stale_and_the_missing_texts(
    three_languages: ThreeLanguageSite, language: str
) -> None:
    html = (
        three_languages.site / page_file(three_languages, language, "translation-status")
    ).read_text(encoding="utf-8")
    status = three_languages.model.translation_status
    stale = next(item for item in status.stale if item.text.key == three_languages.edited_key)

    assert f"<code>{stale.text.file}:{stale.text.line}</code>" in html
    assert f"<code>{stale.text.key}</code>" in html
    assert 'id="missing-es"' in html
    assert html.count("<tr>") >= len(status.missing) + len(status.stale)
    # The stale table lists places, not the new wording (the missing tables show the source
    # text on purpose, for translators: the edited text is also missing in Spanish).
    stale_table = html[html.index('id="stale"') : html.index('id="missing-')]
    assert EDIT_MARK.strip() not in stale_table
    assert three_languages.edited_file in stale_table


def test_the_status_page_is_left_out_of_menus_links_search_and_sitemap(
    three_languages: ThreeLanguageSite,
) -> None:
    site = three_languages.site
    status_pages = {
        page_file(three_languages, code, "translation-status")
        for code in three_languages.model.language_codes
    }
    for path in sorted(site.rglob("*.html")):
        name = path.relative_to(site).as_posix()
        for link in read_page(path).links:
            target, _ = resolve(site, name, link.url)
            if target in status_pages:
                # Only the page itself links to its other languages (toggle and alternates).
                assert name in status_pages, f"{name} links to the status page"
    for name in status_pages:
        html = (site / name).read_text(encoding="utf-8")
        assert "data-pagefind-body" not in html
        assert '<meta name="robots" content="noindex">' in html
    home = (site / page_file(three_languages, "en", "index")).read_text(encoding="utf-8")
    assert 'name="robots"' not in home
    assert "translation-status" not in (site / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.gates
def test_the_three_language_site_is_valid_html_with_working_links(
    three_languages: ThreeLanguageSite,
) -> None:
    from real_site import REPO_ROOT

    problems = validate_html(three_languages.site, REPO_ROOT / VNU_JAR)
    problems += check_links(three_languages.site)

    assert not problems, "\n".join(str(problem) for problem in problems)

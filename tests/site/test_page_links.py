"""Edit, report and stale-translation links, on a build that names its repository and
one that does not (the plain build: nothing shows)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit
from xml.etree.ElementTree import Element

import pytest
from html_tree import has_class, page_tree, text_of
from linked_site import PUBLISHED_AT, REPOSITORY, linked_site
from real_site import BuiltSite, without_typography

EDIT = f"{REPOSITORY}/edit/main/"


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return linked_site(tmp_path_factory)


def page(site: BuiltSite, code: str, page_id: str) -> Element:
    return page_tree(site.site / site.page_path(code, page_id))


def with_class(tree: Element, name: str) -> list[Element]:
    return [element for element in tree.iter() if has_class(element, name)]


def edit_links(tree: Element) -> list[str]:
    [tools] = with_class(tree, "page-tools")
    return [link.get("href", "") for link in tools.iter("a") if "/edit/" in link.get("href", "")]


def report_fields(tree: Element) -> tuple[str, dict[str, list[str]]]:
    [tools] = with_class(tree, "page-tools")
    [report] = [link for link in tools.iter("a") if "/issues/new?" in link.get("href", "")]
    address = urlsplit(report.get("href", ""))
    form = f"{address.scheme}://{address.netloc}{address.path}"
    return form, parse_qs(address.query, strict_parsing=True)


def test_without_repository_no_page_shows_edit_report_or_stale_links(site: BuiltSite) -> None:
    for code, page_id in site.html_pages():
        tree = page(site, code, page_id)
        assert with_class(tree, "page-tools") == [], (code, page_id)
        assert with_class(tree, "stale-notice") == [], (code, page_id)


@pytest.mark.parametrize("code", ["en", "fr"])
def test_every_page_links_to_edit_the_files_it_is_made_from(code: str, linked: BuiltSite) -> None:
    for page_id in linked.page_ids():
        links = edit_links(page(linked, code, page_id))
        assert links, (code, page_id)
        assert all(link.startswith(EDIT) and link.endswith(".yml") for link in links)
    assert edit_links(page(linked, code, "model/accessible")) == [
        f"{EDIT}content/attributes/accessible.yml",
        f"{EDIT}site_templates/strings.yml",
    ]
    assert edit_links(page(linked, code, "lifecycle/design"))[:2] == [
        f"{EDIT}content/lifecycle.yml",
        f"{EDIT}playbook/stages.yml",
    ]
    assert edit_links(page(linked, code, "index")) == [
        f"{EDIT}content/model.yml",
        f"{EDIT}content/pages.yml",
        f"{EDIT}site_templates/strings.yml",
    ]


REPORTS = {
    "en": (
        "Problem with the page “Accessible”",
        "Page: Accessible\n"
        f"Address: {PUBLISHED_AT}model/accessible/\n"
        "Language: English\n\n"
        "What is wrong, and what should it say instead?\n",
    ),
    "fr": (
        "Problème sur la page «\u00a0Convivialité et accessibilité\u00a0»",
        "Page\u00a0: Convivialité et accessibilité\n"
        f"Adresse\u00a0: {PUBLISHED_AT}fr/model/accessible/\n"
        "Langue\u00a0: Français\n\n"
        "Qu’est-ce qui ne va pas, et que faudrait-il écrire à la place?\n",
    ),
}


@pytest.mark.parametrize("code", ["en", "fr"])
def test_the_report_link_fills_in_a_new_issue_in_the_readers_language(
    code: str, linked: BuiltSite
) -> None:
    form, fields = report_fields(page(linked, code, "model/accessible"))

    title, body = REPORTS[code]
    assert form == f"{REPOSITORY}/issues/new"
    assert fields == {"title": [title], "body": [body]}


NOTICES = {
    "en": (
        "This part of the page was updated in English; its translation may not match it yet: "
        "I can choose the channel that suits me best: online, in person… "
        "Read this page in: Français",
        ("../../fr/model/accessible/", "fr-CA"),
    ),
    "fr": (
        "Cette partie de la page a été mise à jour dans une autre langue; le texte français "
        "n’y correspond peut-être pas encore : Je peux choisir le mode de prestation qui me "
        "convient le mieux… Lire cette page en : English",
        ("../../../model/accessible/", "en-CA"),
    ),
}


def test_the_page_with_a_stale_translation_says_so_in_both_languages(
    linked: BuiltSite,
) -> None:
    for code, (text, link) in NOTICES.items():
        [notice] = with_class(page(linked, code, "model/accessible"), "stale-notice")
        assert text_of(notice) == without_typography(text)
        [other_language] = notice.iter("a")
        assert (other_language.get("href"), other_language.get("lang")) == link

    # Every other page shows nothing.
    for code, page_id in linked.html_pages():
        if page_id != "model/accessible":
            assert with_class(page(linked, code, page_id), "stale-notice") == [], (code, page_id)

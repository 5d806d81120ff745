"""The example comparison page (/assessment/follow-up-example/): the death notification pilot's
follow-up against its baseline, in both languages, reached from the assessment page and from
the example report. The figures were worked out by hand from the two files (see
tests/assessment/test_follow_up_example.py for how)."""

from __future__ import annotations

from xml.etree.ElementTree import Element

import pytest
from html_tree import page_tree, text_of
from real_site import BuiltSite
from test_built_site import normalized, resolve

PAGE = "assessment/follow-up-example"

# Per language: the lists' headings with their counts, the overall scores (before, after and
# the change as shown: 32/45 = 0.71 -> 0.7, 57/45 = 1.27 -> 1.3), and one attribute's row
# (responsive: 5/7 = 0.71 -> 0.7, 9/7 = 1.29 -> 1.3, +0.6).
SHOWN = {
    "en": (
        [
            "Moved up (26)",
            "Moved down (2)",
            "Targets met (30)",
            "Gaps opened (3)",
            "Gaps closed (19)",
        ],
        ["0.7", "1.3", "+0.6"],
        ["0.7", "1.3", "+0.6"],
    ),
    "fr": (
        [
            "En hausse (26)",
            "En baisse (2)",
            "Cibles atteintes (30)",
            "Nouveaux écarts (3)",
            "Écarts comblés (19)",
        ],
        ["0,7", "1,3", "+0,6"],
        ["0,7", "1,3", "+0,6"],
    ),
}


def cells(root: Element, table: str, row: str) -> list[str]:
    """The numbers of one row of a score table (before, after, change)."""
    found = [
        tr
        for t in root.iter("table")
        if t.get("data-scores") == table
        for tr in t.iter("tr")
        if tr.get("data-id") == row
    ]
    assert len(found) == 1, (table, row)
    return [normalized(text_of(td)) for td in found[0].iter("td")]


@pytest.mark.parametrize("code", ["en", "fr"])
def test_the_example_comparison_shows_the_figures_worked_out_by_hand(
    site: BuiltSite, code: str
) -> None:
    headings, overall, responsive = SHOWN[code]
    root = page_tree(site.site / site.page_path(code, PAGE))

    shown = [normalized(text_of(h)) for h in root.iter("h3")]
    assert [h for h in shown if h in headings] == headings
    assert cells(root, "attribute", "overall") == overall
    assert cells(root, "attribute", "responsive") == responsive
    declined = [
        normalized(text_of(a))
        for ul in root.iter("ul")
        if ul.get("class") == "code-list"
        for a in ul.iter("a")
    ]
    # The lists in order: moved up, moved down (CON-1 and RES-4), targets met, gaps opened
    # (ACC-2, RES-4, SEC-5), gaps closed.
    assert declined[26:28] == ["CON-1", "RES-4"]
    assert declined[58:61] == ["ACC-2", "RES-4", "SEC-5"]
    assert len(declined) == 26 + 2 + 30 + 3 + 19


@pytest.mark.parametrize("code", ["en", "fr"])
def test_each_code_in_the_lists_leads_to_its_statement_s_row(site: BuiltSite, code: str) -> None:
    root = page_tree(site.site / site.page_path(code, PAGE))
    rows = {th.get("id"): normalized(text_of(th)) for th in root.iter("th") if th.get("id")}

    for ul in root.iter("ul"):
        if ul.get("class") != "code-list":
            continue
        for link in ul.iter("a"):
            target = (link.get("href") or "").removeprefix("#")
            assert rows[target].startswith(text_of(link) + " "), target


@pytest.mark.parametrize(
    ("code", "page_id"),
    [(c, p) for c in ("en", "fr") for p in ("assessment/index", "assessment/example")],
)
def test_the_assessment_page_and_the_example_report_link_the_example_comparison(
    site: BuiltSite, code: str, page_id: str
) -> None:
    where = site.page_path(code, page_id)
    root = page_tree(site.site / where)
    found = [
        resolve(site.site, where, link.get("href", ""))[0]
        for link in root.iter("a")
        if link.get("href")
    ]

    assert site.site / site.page_path(code, PAGE) in found

"""The link gate: every internal link and anchor of a built site resolves."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.quality import check_links
from generator.quality.links import is_internal, resolve


def write(site: Path, name: str, body: str) -> None:
    path = site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'<!doctype html>\n<html lang="en">\n<body>\n{body}\n</body>\n</html>\n', "utf-8"
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    write(site, "index.html", '<h1 id="top-heading">Home</h1>\n<a href="model/">Model</a>')
    write(site, "model/index.html", '<h2 id="levels">Levels</h2>\n<a name="old-anchor"></a>')
    write(site, "fr/model/index.html", '<a href="../../model/#levels">English</a>')
    (site / "css").mkdir()
    (site / "css" / "site.css").write_text("body {}", "utf-8")
    return site


def test_a_site_whose_links_all_resolve_passes(site: Path) -> None:
    write(
        site,
        "about/index.html",
        "\n".join(
            [
                '<link rel="stylesheet" href="../css/site.css">',
                '<link rel="stylesheet" href="/css/site.css">',
                '<a href="../">Home</a>',
                '<a href="../model">Model, no slash</a>',
                '<a href="../model/index.html#levels">Levels</a>',
                '<a href="../model/#old-anchor">Named anchor</a>',
                '<a href="../model/?q=x#levels">Query</a>',
                '<a href="#">Top</a> <a href="#top">Top</a> <a href="">Itself</a>',
                '<a href="https://www.canada.ca/missing/">Elsewhere</a>',
                '<a href="mailto:someone@example.gc.ca">Mail</a>',
                '<a href="//cdn.example/x.js">CDN</a>',
                '<form action="./" method="get"></form>',
            ]
        ),
    )

    assert check_links(site) == []


def test_a_dead_link_names_the_page_line_and_target(site: Path) -> None:
    write(site, "about/index.html", '<p>Intro</p>\n<a href="../no-such-page/">Gone</a>')

    problems = check_links(site)

    assert [str(problem) for problem in problems] == [
        "about/index.html:5: the link “../no-such-page/” leads to no page or file of the site"
        " — correct the link in the template or text that writes it, or restore the page it"
        " points to"
    ]


def test_a_missing_anchor_names_the_page_it_expected_it_on(site: Path) -> None:
    write(site, "about/index.html", '<a href="../model/#level">Typo</a>')

    problems = check_links(site)

    assert len(problems) == 1
    assert problems[0].path == "about/index.html"
    assert problems[0].line == 4
    assert "leads to model/index.html, which has no element with the id “level”" in str(problems[0])


def test_an_anchor_on_the_same_page_must_exist_too(site: Path) -> None:
    write(site, "about/index.html", '<h2 id="sources">Sources</h2>\n<a href="#source">x</a>')

    assert [problem.line for problem in check_links(site)] == [5]


def test_stylesheets_scripts_and_images_are_checked_too(site: Path) -> None:
    write(
        site,
        "about/index.html",
        '<link rel="stylesheet" href="../css/missing.css">\n'
        '<script src="../js/missing.js"></script>\n<img src="logo.png" alt="">',
    )

    assert [problem.line for problem in check_links(site)] == [4, 5, 6]


def test_a_link_above_the_site_root_is_broken(site: Path) -> None:
    write(site, "index.html", '<a href="../outside/">Out</a>')

    assert len(check_links(site)) == 1


@pytest.mark.parametrize(
    ("url", "internal"),
    [
        ("../model/", True),
        ("#levels", True),
        ("/css/site.css", True),
        ("https://example.gc.ca/", False),
        ("//example.gc.ca/", False),
        ("mailto:a@b.ca", False),
        ("tel:+18005551234", False),
    ],
)
def test_internal_means_same_site(url: str, internal: bool) -> None:
    assert is_internal(url) is internal


def test_resolve_reads_directory_urls_as_their_index_page(site: Path) -> None:
    assert resolve(site, "fr/model/index.html", "../../model/#levels") == (
        "model/index.html",
        "levels",
    )
    assert resolve(site, "model/index.html", "../") == ("index.html", "")
    assert resolve(site, "model/index.html", "#x") == ("model/index.html", "x")
    assert resolve(site, "model/index.html", "%2E%2E/css/site.css") == ("css/site.css", "")

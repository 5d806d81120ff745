"""The real site's offline copy: every page in both languages, every PDF, offered with its size."""

from __future__ import annotations

import re
import zipfile

from real_site import BuiltSite


def test_the_copy_holds_every_page_and_pdf_of_both_languages(site: BuiltSite) -> None:
    with zipfile.ZipFile(site.site / "downloads" / "site-offline.zip") as archive:
        names = archive.namelist()
    assert names == sorted(names)
    held = {name.removeprefix("site-offline/") for name in names}
    assert all(name.startswith("site-offline/") for name in names)

    pages = {site.page_path(code, page_id) for code, page_id in site.html_pages()}
    pdfs = {path.relative_to(site.site).as_posix() for path in site.site.rglob("*.pdf")}
    assert len(pdfs) == 56
    assert pages | pdfs <= held
    assert {"assessment/index.html", "fr/assessment/index.html"} <= held
    assert {"css/site.css", "js/assessment.js", "js/search.js"} <= held
    # What only works from a web server stays out.
    assert not {name for name in held if name.startswith("pagefind/")}
    assert not {"404.html", "sitemap.xml", "downloads/site-offline.zip"} & held


def test_the_worksheets_page_offers_it_with_its_size_in_each_language(site: BuiltSite) -> None:
    size = (site.site / "downloads" / "site-offline.zip").stat().st_size
    megabytes = f"{size / 1024 / 1024:.1f}"
    for code, shown in (
        ("en", f"ZIP, {megabytes} MB"),
        ("fr", f"ZIP, {megabytes.replace('.', ',')} Mo"),
    ):
        html = (site.site / site.page_path(code, "worksheets/index")).read_text(encoding="utf-8")
        link = re.search(
            r'<a href="([^"]+)" download>([^<]+)<span class="file-meta">\(<span[^>]*>([^<]*)<', html
        )
        assert link is not None, code
        href, label, meta = link.groups()
        assert href == (
            "../downloads/site-offline.zip" if code == "en" else "../../downloads/site-offline.zip"
        )
        assert label.strip() == site.model.strings["download.offline_copy"][code]
        assert meta == shown

"""The offline copy: links that open from a folder, and one reproducible zip of the site."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from generator.output.offline import offline_link, offline_page, publish_offline_copy


@pytest.mark.parametrize(
    ("link", "offline"),
    [
        ("../model/", "../model/index.html"),
        ("accessible/#level-some", "accessible/index.html#level-some"),
        ("./", "./index.html"),
        ("..", "../index.html"),
        ("../search/?q=client", "../search/index.html?q=client"),
        ("../downloads/playbook-letter.pdf", "../downloads/playbook-letter.pdf"),
        ("../css/site.css", "../css/site.css"),
        ("#main", "#main"),
        ("https://example.org/docs/", "https://example.org/docs/"),
        ("mailto:someone@example.org", "mailto:someone@example.org"),
        ("/fr/", "/fr/"),
    ],
)
def test_links_to_folders_name_their_index_file(link: str, offline: str) -> None:
    assert offline_link(link) == offline


PAGE = """<!doctype html>
<html lang="fr-CA">
<head><link rel="stylesheet" href="../css/site.css">
<script src="../js/search.js" data-site-root=".." defer></script></head>
<body>
<a class="site-name" href="../">Accueil</a>
<A HREF='../fr/model/' lang=fr>Français</A>
<form action="../search/" method="get"><input name="q" type="search"></form>
<p>Texte &amp; <em>accents</em> : « ici »<br/>&nbsp;</p>
<section data-online-only><h2>Hors ligne</h2><section><p><a href="../x/">x</a></p></section>
<p><a href="../downloads/site-offline.zip">zip</a></p></section>
<img src="offline.png" alt="" data-online-only>
<script type="application/json">
{"plays":[{"url":"../p/a/","t":"\\u003c"}],"q":"../b/"}
</script>
</body>
</html>
"""


def test_a_page_keeps_every_byte_but_its_folder_links_and_its_online_only_parts() -> None:
    assert offline_page(PAGE) == (
        """<!doctype html>
<html lang="fr-CA">
<head><link rel="stylesheet" href="../css/site.css">
<script src="../js/search.js" data-site-root=".." defer></script></head>
<body>
<a class="site-name" href="../index.html">Accueil</a>
<a href="../fr/model/index.html" lang="fr">Français</A>
<form action="../search/index.html" method="get"><input name="q" type="search"></form>
<p>Texte &amp; <em>accents</em> : « ici »<br/>&nbsp;</p>


<script type="application/json">
{"plays":[{"url":"../p/a/index.html","t":"\\u003c"}],"q":"../b/"}
</script>
</body>
</html>
"""
    )


def _site(root: Path) -> Path:
    files = {
        "index.html": '<html lang="en"><p><a href="model/">Model</a></p></html>\n',
        "fr/index.html": '<html lang="fr"><p><a href="../fr/model/">Modèle</a></p></html>\n',
        "model/index.html": "<html><p>Model</p></html>\n",
        "fr/model/index.html": "<html><p>Modèle</p></html>\n",
        "worksheets/index.html": (
            '<p data-online-only><a href="../downloads/site-offline.zip">Copy'
            ' (<span data-offline-size="ZIP, {size} MB" data-decimal-mark=".">'
            "</span>)</a></p>\n"
        ),
        "fr/worksheets/index.html": (
            '<p data-online-only><a href="../../downloads/site-offline.zip">Copie'
            ' (<span data-offline-size="ZIP, {size} Mo" data-decimal-mark=",">'
            "</span>)</a></p>\n"
        ),
        "downloads/playbook-letter.pdf": "%PDF-1.7 playbook",
        "css/site.css": "body { margin: 0 }\n",
        "404.html": '<a href="/">Home</a>\n',
        "sitemap.xml": "<urlset/>\n",
        "pagefind/pagefind.js": "export {}\n",
    }
    site = root / "site"
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    return site


def _entries(site: Path) -> dict[str, zipfile.ZipInfo]:
    data = (site / "downloads" / "site-offline.zip").read_bytes()
    return {info.filename: info for info in zipfile.ZipFile(io.BytesIO(data)).infolist()}


def test_the_zip_holds_the_pages_and_files_a_browser_opens_from_a_folder(tmp_path: Path) -> None:
    site = _site(tmp_path)

    size = publish_offline_copy(site)

    assert size == (site / "downloads" / "site-offline.zip").stat().st_size
    entries = _entries(site)
    assert list(entries) == [
        "site-offline/css/site.css",
        "site-offline/downloads/playbook-letter.pdf",
        "site-offline/fr/index.html",
        "site-offline/fr/model/index.html",
        "site-offline/fr/worksheets/index.html",
        "site-offline/index.html",
        "site-offline/model/index.html",
        "site-offline/worksheets/index.html",
    ]
    archive = zipfile.ZipFile(site / "downloads" / "site-offline.zip")
    assert archive.read("site-offline/fr/index.html").decode() == (
        '<html lang="fr"><p><a href="../fr/model/index.html">Modèle</a></p></html>\n'
    )
    assert archive.read("site-offline/worksheets/index.html") == b"\n"
    assert archive.read("site-offline/downloads/playbook-letter.pdf") == b"%PDF-1.7 playbook"
    assert {info.date_time for info in entries.values()} == {(1980, 1, 1, 0, 0, 0)}
    assert {info.external_attr >> 16 for info in entries.values()} == {0o100644}


def test_the_pages_that_offer_it_show_its_size_in_their_language(tmp_path: Path) -> None:
    site = _site(tmp_path)

    size = publish_offline_copy(site)

    megabytes = f"{size / 1024 / 1024:.1f}"
    english = (site / "worksheets" / "index.html").read_text(encoding="utf-8")
    french = (site / "fr" / "worksheets" / "index.html").read_text(encoding="utf-8")
    assert f'data-decimal-mark=".">ZIP, {megabytes} MB</span>)' in english
    assert f'data-decimal-mark=",">ZIP, {megabytes.replace(".", ",")} Mo</span>)' in french


def test_two_builds_make_the_same_zip_and_the_cache_gives_it_back(tmp_path: Path) -> None:
    first, second = _site(tmp_path / "a"), _site(tmp_path / "b")
    cache = tmp_path / "cache"

    publish_offline_copy(first, cache)
    publish_offline_copy(second)  # other folders, other file dates, no cache

    zipped = (first / "downloads" / "site-offline.zip").read_bytes()
    assert (second / "downloads" / "site-offline.zip").read_bytes() == zipped
    assert [path.read_bytes() for path in cache.iterdir()] == [zipped]


def test_a_changed_page_makes_a_new_zip(tmp_path: Path) -> None:
    site = _site(tmp_path)
    cache = tmp_path / "cache"
    publish_offline_copy(site, cache)
    before = (site / "downloads" / "site-offline.zip").read_bytes()

    (site / "model" / "index.html").write_text("<html><p>Changed</p></html>\n", encoding="utf-8")
    publish_offline_copy(site, cache)

    archive = zipfile.ZipFile(site / "downloads" / "site-offline.zip")
    assert archive.read("site-offline/model/index.html") == b"<html><p>Changed</p></html>\n"
    assert (site / "downloads" / "site-offline.zip").read_bytes() != before
    assert len(list(cache.glob("*.zip"))) == 2


def test_module_scripts_are_written_into_the_page_with_their_imports_mapped() -> None:
    # Chromium loads no module script from a file: the copy's pages carry their own.
    files = {
        "js/app.js": b'import { one } from "./lib.js";\ndocument.title = one;\n',
        "js/lib.js": b'export const one = "1";\n',
        "assessment/index.html": b"",
    }
    page = (
        '<head><link rel="modulepreload" href="../js/lib.js">\n'
        '<script type="module" src="../js/app.js"></script></head>'
    )

    lib = "data:text/javascript;base64,ZXhwb3J0IGNvbnN0IG9uZSA9ICIxIjsK"
    assert offline_page(page, "assessment/index.html", files) == (
        "<head>\n"
        f'<script type="importmap">{{"imports":{{"./lib.js":"{lib}"}}}}</script>\n'
        '<script type="module">\nimport { one } from "./lib.js";\ndocument.title = one;\n'
        "</script></head>"
    )

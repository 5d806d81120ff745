"""`playbook build` puts the PDFs in the site, links them from the pages, and reuses them."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from print_helpers import EVERY_PDF, SIZES, edit_statement, normalized
from real_site import built_site, print_stand_ins

from generator.cache import CACHE_VARIABLE
from generator.cli import main
from generator.model import Model
from generator.print import pdf as pdf_module

PLUGIN_LOG = "mkdocs.plugins.client-centric-playbook"


def _printed_counts(caplog: pytest.LogCaptureFixture) -> list[tuple[int, int]]:
    found = [
        re.search(r"Printed (\d+) PDF\(s\), (\d+) from cache", r.getMessage())
        for r in caplog.records
    ]
    return [(int(m[1]), int(m[2])) for m in found if m]


def test_a_second_build_with_no_change_prints_no_pdf(
    model: Model,
    project: Path,
    warm_cache: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(CACHE_VARIABLE, str(warm_cache.parent))
    warm_cache.rename(warm_cache.parent / "pdf")
    print_stand_ins(monkeypatch)
    statement = model.attributes[0].statements[0]
    edit_statement(project, model, statement.id, "fr", "Une phrase modifiée pour l’essai.")
    caplog.set_level(logging.INFO, logger=PLUGIN_LOG)
    every = len(EVERY_PDF)

    assert main(["build", "--root", str(project), "--site-dir", str(project / "site")]) == 0
    assert main(["build", "--root", str(project), "--site-dir", str(project / "site")]) == 0

    # The French worksheet of the edited attribute, the whole model, the tally sheet and the
    # playbook, in both sizes, the first time; nothing the second.
    first, second = _printed_counts(caplog)
    assert first == (8, every - 8)
    assert second == (0, every)
    site = project / "site"
    built = {path.relative_to(site).as_posix() for path in site.rglob("*.pdf")}
    assert built == {path.removeprefix("en/") for path in EVERY_PDF}


def _download_links(page: Path) -> list[tuple[str, str, str]]:
    """(href, link text, file size as written) of each PDF link in a built page."""
    html = normalized(page.read_text(encoding="utf-8"))
    return [
        (href, re.sub(r"<[^>]+>", "", text).strip(), meta)
        for href, text, meta in re.findall(
            r'<a href="([^"]+\.pdf)" download>(.*?)<span class="file-meta">\(([^)]*)\)</span></a>',
            html,
        )
    ]


def _expected_downloads(model: Model) -> dict[str, tuple[str, str]]:
    """Page folder -> (document key, label key of its link): the pages that offer one PDF."""
    expected = {
        f"model/{a.id}": (f"worksheet-{a.id}", "download.worksheet") for a in model.attributes
    }
    expected |= {
        f"lifecycle/{s.id}": (f"checklist-{s.id}", "download.checklist") for s in model.stages
    }
    expected["model"] = ("model-worksheet", "download.model_worksheet")
    expected["playbook"] = ("playbook", "download.playbook")
    return expected


def test_pages_link_to_both_page_sizes_with_their_sizes_in_each_language(
    model: Model, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Letter first (the Canadian default), then A4; each link says 'PDF' and its real size."""
    site = built_site(tmp_path_factory).site  # the session's `playbook build` of the same content

    for language in model.language_codes:
        root = site if language == model.default_language else site / language
        unit = {"en": "KB", "fr": "Ko"}[language]
        for folder, (key, label_key) in _expected_downloads(model).items():
            page = root / folder / "index.html"
            links = _download_links(page)
            assert [Path(href).name for href, _, _ in links] == [
                f"{key}-{size}.pdf" for size in SIZES
            ], page
            (letter, letter_text, letter_meta), (_, a4_text, a4_meta) = links
            assert letter_text == normalized(model.strings[label_key][language]), page
            assert a4_text.endswith(normalized(model.strings["download.a4"][language])), page
            for href, meta in ((letter, letter_meta), (links[1][0], a4_meta)):
                pdf = (page.parent / href).resolve()
                assert pdf.is_file() and pdf.is_relative_to(root.resolve()), (page, href)
                assert meta.startswith("PDF, ") and meta.endswith(
                    f" {max(1, round(pdf.stat().st_size / 1024))} {unit}"
                ), (page, meta)
        listing = _download_links(root / "worksheets" / "index.html")
        offered = {Path(href).name for href, _, _ in listing}
        assert offered == {Path(path).name for path in EVERY_PDF}, language


def test_without_weasyprint_s_libraries_the_build_says_what_to_install(
    project: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path / "empty-cache"))
    monkeypatch.setattr(pdf_module, "REQUIRED_LIBRARIES", ("pango-1.0", "not-installed-1.0"))

    assert main(["build", "--root", str(project), "--site-dir", str(project / "site")]) == 1

    # MkDocs shows a plugin's error through its log, then our command says the build failed.
    shown = caplog.text + capsys.readouterr().err
    assert "not-installed-1.0" in shown and "apt-get install libpango-1.0-0" in shown
    assert "Traceback" not in shown
    assert not (project / "site").exists()

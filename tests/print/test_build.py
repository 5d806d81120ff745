"""`playbook build` puts the PDFs in the site, links them from the pages, and reuses them."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from print_helpers import edit_statement, normalized

from generator.cache import CACHE_VARIABLE
from generator.cli import main
from generator.model import Model
from generator.print import PAGE_SIZES, documents, pdf_path

PLUGIN_LOG = "mkdocs.plugins.client-centric-playbook"


def _printed_counts(caplog: pytest.LogCaptureFixture) -> list[tuple[int, int]]:
    found = [re.search(r"Rendered (\d+) PDF\(s\), (\d+) from cache", r.getMessage()) for r in caplog.records]
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
    statement = model.attributes[0].statements[0]
    edit_statement(project, model, statement.id, "fr", "Une phrase modifiée pour l’essai.")
    caplog.set_level(logging.INFO, logger=PLUGIN_LOG)
    every = len(documents(model)) * len(model.language_codes) * len(PAGE_SIZES)

    assert main(["build", "--root", str(project), "--site-dir", str(project / "site")]) == 0
    assert main(["build", "--root", str(project), "--site-dir", str(project / "site")]) == 0

    # The French worksheet of the edited attribute, the whole model and the playbook, in
    # both sizes, the first time; nothing the second.
    first, second = _printed_counts(caplog)
    assert first == (6, every - 6)
    assert second == (0, every)
    site = project / "site"
    for document in documents(model):
        for size in PAGE_SIZES:
            assert (site / pdf_path(document, size)).is_file()
            assert (site / "fr" / pdf_path(document, size)).is_file()


def test_pages_link_to_both_page_sizes_with_their_sizes_in_each_language(
    model: Model, project: Path, warm_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_VARIABLE, str(warm_cache.parent))
    warm_cache.rename(warm_cache.parent / "pdf")

    assert main(["build", "--root", str(project), "--site-dir", str(project / "site")]) == 0

    site = project / "site"
    attribute = model.attributes[0]
    english = normalized((site / "model" / attribute.id / "index.html").read_text(encoding="utf-8"))
    french = normalized((site / "fr" / "model" / attribute.id / "index.html").read_text(encoding="utf-8"))
    for page, language, unit in ((english, "en", "KB"), (french, "fr", "Ko")):
        label = model.strings["download.worksheet"][language]
        for size in PAGE_SIZES:
            path = f"worksheet-{attribute.id}-{size}.pdf"
            assert f'href="../../downloads/{path}"' in page, (language, size)
        assert re.search(rf"{re.escape(label)} <span class=\"file-meta\">\(PDF, [^)]*\d+ {unit}\)", page), language
    for language_root in ("", "fr/"):
        listing = (site / language_root / "worksheets" / "index.html").read_text(encoding="utf-8")
        for document in documents(model):
            for size in PAGE_SIZES:
                assert f'href="../downloads/{document.key}-{size}.pdf"' in listing, (language_root, document.key)

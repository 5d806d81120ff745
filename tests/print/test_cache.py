"""PDFs are printed again only when what they are made from changed."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from print_helpers import TEMPLATES, edit_statement, pdf_text

from generator.load import load
from generator.model import Model
from generator.print import PAGE_SIZES, PrintReport, documents, print_documents
from generator.print import pdf as pdf_module
from generator.print.build import print_pdfs
from generator.print.cache import PdfCache
from generator.print.fonts import font_faces, fonts_css
from generator.print.markup import render_document


def _refuse(*args: object, **kwargs: object) -> bytes:
    raise AssertionError("printed a PDF although nothing changed")


def _text(data: bytes) -> str:
    return pdf_text(data)


def test_nothing_changed_no_pdf_is_printed(
    model: Model, printed: PrintReport, warm_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_module, "render_pdf", _refuse)

    again = print_documents(model, TEMPLATES, warm_cache)

    assert again.rendered == ()
    assert again.from_cache == len(printed.printed) == len(again.files)
    assert again.files == printed.files


def test_an_edited_statement_prints_again_only_the_documents_that_show_it(
    model: Model, printed: PrintReport, project: Path, warm_cache: Path
) -> None:
    statement = next(s for s in model.statements if model.plays_for(s))
    attribute = model.attribute_of(statement)
    edit_statement(project, model, statement.id, "en", "Clients see this sentence in print.")

    report = print_documents(load(project), project / "site_templates", warm_cache)

    showing = (f"worksheet-{attribute.id}", "model-worksheet", "playbook")
    expected = {f"en/downloads/{key}-{size}.pdf" for key in showing for size in PAGE_SIZES}
    assert set(report.rendered) == expected
    for path in expected:
        assert "Clients see this sentence in print." in _text(report.files[path]), path
    unchanged = set(printed.files) - expected
    assert {path: report.files[path] for path in unchanged} == {
        path: printed.files[path] for path in unchanged
    }


def test_printing_in_parallel_gives_the_bytes_printing_in_process_gives(model: Model) -> None:
    css = (TEMPLATES / "print" / "print.css").read_text(encoding="utf-8")
    sources = []
    for document in documents(model)[:2]:
        html = render_document(model, document, "fr", TEMPLATES)
        sheets = (fonts_css(font_faces()), css, pdf_module.page_css("A4", document.orientation))
        sources.append((html, sheets))

    assert print_pdfs(sources, workers=2) == print_pdfs(sources, workers=1)


def test_the_cache_forgets_only_entries_no_build_used_for_a_long_time(tmp_path: Path) -> None:
    cache = PdfCache(tmp_path)
    for key in ("aa-used-old", "ab-unused-old", "ac-unused-recent"):
        cache.put(key, b"%PDF-")
    long_ago = time.time() - 30 * 24 * 3600
    for key in ("aa-used-old", "ab-unused-old"):
        os.utime(tmp_path / key[:2] / f"{key}.pdf", (long_ago, long_ago))

    removed = cache.prune(keep=["aa-used-old"])

    assert removed == 1
    assert cache.get("aa-used-old") == b"%PDF-"
    assert cache.get("ab-unused-old") is None
    assert cache.get("ac-unused-recent") == b"%PDF-"

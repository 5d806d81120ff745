"""PDFs are printed again only when what they are made from changed."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from print_helpers import EVERY_PDF, edit_statement, replace_once
from real_site import stand_in_pdf

from generator.load import load
from generator.model import Model
from generator.print import PrintReport, print_documents
from generator.print import build as build_module
from generator.print import pdf as pdf_module
from generator.print.build import print_pdfs
from generator.print.cache import PdfCache
from generator.print.fonts import font_faces, fonts_css
from generator.render.documents import PAGE_SIZES, documents
from generator.render.print_markup import render_document


def _refuse(*args: object, **kwargs: object) -> bytes:
    raise AssertionError("printed a PDF although nothing changed")


def test_each_pdf_has_its_own_key(printed: PrintReport) -> None:
    """Language and page size are part of what a PDF is made from."""
    assert len({file.key for file in printed.pdfs}) == len(printed.pdfs)


def test_nothing_changed_no_pdf_is_printed(
    model: Model,
    templates: Path,
    printed: PrintReport,
    warm_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdf_module, "print_pdf", _refuse)

    again = print_documents(model, templates, warm_cache)

    assert again.printed == ()
    assert again.from_cache == len(printed.pdfs) == len(again.files)
    assert again.files == printed.files


def test_an_edited_statement_prints_again_only_the_documents_that_show_it(
    model: Model,
    printed: PrintReport,
    project: Path,
    warm_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    statement = next(s for s in model.statements if model.plays_for(s))
    attribute = model.attribute_of(statement)
    edit_statement(project, model, statement.id, "en", "Clients see this sentence in print.")
    monkeypatch.setattr(pdf_module, "print_pdf", stand_in_pdf)

    report = print_documents(load(project), project / "site_templates", warm_cache, workers=1)

    showing = (f"worksheet-{attribute.id}", "model-worksheet", "tally-sheet", "playbook")
    expected = {f"en/downloads/{key}-{size}.pdf" for key in showing for size in PAGE_SIZES}
    assert set(report.printed) == expected
    for path in expected:
        assert b"Clients see this sentence in print." in report.files[path], path
    unchanged = set(printed.files) - expected
    assert {path: report.files[path] for path in unchanged} == {
        path: printed.files[path] for path in unchanged
    }


def test_an_edited_attribute_prints_again_only_its_worksheets_and_the_whole_model(
    model: Model, project: Path, warm_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The attribute's summary appears in its worksheet and the whole model's, nowhere else."""
    monkeypatch.setattr(pdf_module, "print_pdf", stand_in_pdf)
    attribute = model.attributes[-1]
    old = attribute.summary["fr"]
    replace_once(
        project / "content" / "attributes" / f"{attribute.id}.yml",
        f'fr: "{old}"',
        'fr: "Un résumé modifié pour l’essai."',
    )

    report = print_documents(load(project), project / "site_templates", warm_cache, workers=1)

    assert set(report.printed) == {
        f"fr/downloads/{key}-{size}.pdf"
        for key in (f"worksheet-{attribute.id}", "model-worksheet")
        for size in PAGE_SIZES
    }


def _edit_print_css(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    css = project / "site_templates" / "print" / "print.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n.tag { font-size: 7.5pt; }\n", "utf-8")


def _new_renderer(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "renderer_version", lambda: "weasyprint==71.0")


def _new_fonts(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_module, "fonts_fingerprint", lambda faces: "other font files")


@pytest.mark.parametrize(
    "change", [_edit_print_css, _new_renderer, _new_fonts], ids=lambda change: change.__name__
)
def test_a_new_style_sheet_renderer_or_font_prints_everything_again(
    model: Model,
    project: Path,
    warm_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
    change: Callable[[Path, pytest.MonkeyPatch], None],
) -> None:
    monkeypatch.setattr(pdf_module, "print_pdf", stand_in_pdf)
    change(project, monkeypatch)

    report = print_documents(load(project), project / "site_templates", warm_cache, workers=1)

    assert set(report.printed) == EVERY_PDF


def test_a_template_string_edited_in_one_language_prints_again_only_what_shows_it(
    model: Model, project: Path, warm_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checklists' column heading, in English: the English checklists and nothing else."""
    monkeypatch.setattr(pdf_module, "print_pdf", stand_in_pdf)
    replace_once(
        project / "site_templates" / "strings.yml",
        "print.owner_column: {en: Who and by when,",
        "print.owner_column: {en: Who does it and by when,",
    )

    report = print_documents(load(project), project / "site_templates", warm_cache, workers=1)

    assert set(report.printed) == {
        f"en/downloads/checklist-{stage.id}-{size}.pdf"
        for stage in model.stages
        for size in PAGE_SIZES
    }


def test_printing_in_parallel_gives_the_bytes_printing_in_process_gives(
    model: Model, templates: Path
) -> None:
    css = (templates / "print" / "print.css").read_text(encoding="utf-8")
    sources = []
    for document in documents(model)[:2]:
        html = render_document(model, document, "fr", templates)
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

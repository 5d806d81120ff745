"""A build whose inputs did not change reads the PDFs' keys back instead of rendering HTML.

`plan.json` in the PDF cache keeps the keys the last build used and a hash of what
they were computed from; it must never stand in for a build whose inputs changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from print_helpers import edit_statement, replace_once
from real_site import stand_in_pdf

from generator.load import load
from generator.model import Model
from generator.print import PrintReport, print_documents
from generator.print import build as build_module
from generator.print import pdf as pdf_module
from generator.print.cache import PLAN, PdfCache
from generator.render.documents import PAGE_SIZES


def _refuse(*args: object, **kwargs: object) -> str:
    raise AssertionError("rendered a document although nothing it is made from changed")


def test_nothing_changed_no_document_is_rendered_and_every_pdf_is_the_same(
    model: Model,
    templates: Path,
    printed: PrintReport,
    warm_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = print_documents(model, templates, warm_cache)
    assert (warm_cache / PLAN).is_file()
    monkeypatch.setattr(build_module, "render_document", _refuse)
    monkeypatch.setattr(pdf_module, "print_pdf", _refuse)

    again = print_documents(model, templates, warm_cache)

    assert again == first
    assert again.printed == ()
    assert again.files == printed.files
    assert again.downloads == printed.downloads


def test_an_edit_after_a_plan_prints_again_what_shows_it(
    model: Model, project: Path, warm_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_module, "print_pdf", stand_in_pdf)
    templates = project / "site_templates"
    print_documents(load(project), templates, warm_cache, workers=1)
    statement = next(s for s in model.statements if model.plays_for(s))
    attribute = model.attribute_of(statement)
    edit_statement(project, model, statement.id, "fr", "Une phrase que l’on voit à l’impression.")

    report = print_documents(load(project), templates, warm_cache, workers=1)

    showing = (f"worksheet-{attribute.id}", "model-worksheet", "tally-sheet", "playbook")
    assert set(report.printed) == {
        f"fr/downloads/{key}-{size}.pdf" for key in showing for size in PAGE_SIZES
    }


def test_a_template_edit_after_a_plan_prints_again_what_uses_it(
    project: Path, warm_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_module, "print_pdf", stand_in_pdf)
    templates = project / "site_templates"
    model = load(project)
    print_documents(model, templates, warm_cache, workers=1)
    replace_once(
        templates / "print" / "checklist.html",
        "{{ stage.description|plain }}{% endblock %}",
        "{{ stage.description|plain }} {% endblock %}",
    )

    report = print_documents(model, templates, warm_cache, workers=1)

    assert set(report.printed) == {
        f"{language}/downloads/checklist-{stage.id}-{size}.pdf"
        for language in model.language_codes
        for stage in model.stages
        for size in PAGE_SIZES
    }


def test_a_pdf_gone_from_the_cache_is_printed_again_despite_the_plan(
    model: Model,
    templates: Path,
    printed: PrintReport,
    warm_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    print_documents(model, templates, warm_cache)
    gone = printed.pdfs[0]
    (warm_cache / gone.key[:2] / f"{gone.key}.pdf").unlink()
    monkeypatch.setattr(pdf_module, "print_pdf", stand_in_pdf)

    report = print_documents(model, templates, warm_cache, workers=1)

    assert report.printed == (gone.docs_path,)
    assert PdfCache(warm_cache).get(gone.key) is not None


def test_a_plan_from_other_inputs_or_unreadable_is_not_used(
    model: Model, templates: Path, warm_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = PdfCache(warm_cache)
    cache.put_plan("other inputs", {"en/playbook/letter": "not-a-key"})
    assert cache.plan("these inputs") is None
    (warm_cache / PLAN).write_text("{not json", encoding="utf-8")
    assert cache.plan("other inputs") is None
    monkeypatch.setattr(pdf_module, "print_pdf", _refuse)

    report = print_documents(model, templates, warm_cache)

    assert report.printed == ()

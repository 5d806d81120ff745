"""The live preview defers printing: an edit shows the last PDF until the new one is ready.

`print_documents(..., later=...)` hands the PDFs it would print to `later` when the
cache holds the document's last version, and shows that version meanwhile; once the
jobs are printed, the next call finds everything in the cache.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from print_helpers import edit_statement
from real_site import stand_in_pdf

from generator.load import load
from generator.model import Model
from generator.print import pdf as pdf_module
from generator.print import print_documents
from generator.print.build import PrintJob, print_jobs
from generator.print.cache import PLAN, PdfCache
from generator.render.documents import PAGE_SIZES


def test_an_edit_shows_the_last_pdfs_and_hands_the_new_ones_to_later(
    model: Model, project: Path, warm_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_module, "print_pdf", stand_in_pdf)
    templates = project / "site_templates"
    before = print_documents(load(project), templates, warm_cache, workers=1)
    plan_before = (warm_cache / PLAN).read_bytes()
    statement = next(s for s in model.statements if model.plays_for(s))
    attribute = model.attribute_of(statement)
    edit_statement(project, model, statement.id, "en", "A sentence the preview prints later.")
    deferred: list[PrintJob] = []

    report = print_documents(load(project), templates, warm_cache, workers=1, later=deferred.extend)

    showing = (f"worksheet-{attribute.id}", "model-worksheet", "tally-sheet", "playbook")
    expected = {f"en/downloads/{key}-{size}.pdf" for key in showing for size in PAGE_SIZES}
    assert report.printed == ()
    assert set(report.pending) == expected
    assert {
        f"{job.language}/downloads/{job.document.key}-{job.page_size}.pdf" for job in deferred
    } == expected
    assert report.files == before.files  # the last versions, until the new ones are printed
    assert (warm_cache / PLAN).read_bytes() == plan_before  # still the last complete build's

    print_jobs(deferred, PdfCache(warm_cache), workers=1)
    after = print_documents(load(project), templates, warm_cache, workers=1, later=deferred.extend)

    assert after.pending == () and after.printed == ()
    assert {path for path in expected if after.files[path] != before.files[path]} == expected


def test_a_document_with_no_last_version_is_printed_at_once(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_module, "print_pdf", stand_in_pdf)
    handed: list[PrintJob] = []

    report = print_documents(
        load(project),
        project / "site_templates",
        tmp_path / "empty",
        workers=1,
        later=handed.extend,
    )

    assert handed == []
    assert report.pending == ()
    assert len(report.printed) == len(report.files)

"""Which printable documents exist, and what each one is made from.

A document is one template filled with part of the model: a worksheet per
attribute, one for the whole model, a checklist per lifecycle stage and the
printable playbook. Each is printed in every language and in every page size.
What a document depends on is exactly the HTML its template renders, so the
PDF cache needs no list of dependencies to know what an edit touches.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from generator.model import Model
from generator.schema.text import LocalizedText

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "PAGE_SIZES",
    "Document",
    "documents",
    "download_key",
    "pdf_path",
]

PAGE_SIZES: Mapping[str, str] = {"letter": "letter", "a4": "A4"}
"""Our name for each page size, and its CSS `size` keyword. Letter first: the Canadian default."""

DEFAULT_PAGE_SIZE = "letter"


@dataclass(frozen=True)
class Document:
    """One printable document, the same in every language and page size."""

    key: str
    """Names the file and its download link: 'worksheet-accessible', 'checklist-design'."""
    template: str
    """In site_templates/print/."""
    orientation: Literal["portrait", "landscape"]
    title: LocalizedText | str
    """The document's subject: a content text, or the key of a UI string."""
    title_key: str
    """The UI string that makes the full title from `{name}`."""
    label_key: str
    """The UI string of its download link."""
    context: Mapping[str, Any] = field(default_factory=dict, compare=False)


def documents(model: Model) -> tuple[Document, ...]:
    """Every printable document, in the order the worksheets page lists them."""
    worksheets = tuple(
        Document(
            key=f"worksheet-{attribute.id}",
            template="worksheet.html",
            orientation="landscape",
            title=attribute.name,
            title_key="print.title_worksheet",
            label_key="download.worksheet",
            context={"attribute": attribute},
        )
        for attribute in model.attributes
    )
    whole_model = Document(
        key="model-worksheet",
        template="model_worksheet.html",
        orientation="landscape",
        title=model.info.short_title,
        title_key="print.title_model_worksheet",
        label_key="download.model_worksheet",
    )
    checklists = tuple(
        Document(
            key=f"checklist-{stage.id}",
            template="checklist.html",
            orientation="portrait",
            title=stage.name,
            title_key="print.title_checklist",
            label_key="download.checklist",
            context={"stage": stage},
        )
        for stage in model.stages
    )
    tally_sheet = Document(
        key="tally-sheet",
        template="tally_sheet.html",
        orientation="landscape",
        title=model.info.short_title,
        title_key="print.title_tally_sheet",
        label_key="download.tally_sheet",
    )
    playbook = Document(
        key="playbook",
        template="playbook.html",
        orientation="portrait",
        title="page.playbook",
        title_key="print.title_playbook",
        label_key="download.playbook",
    )
    return (*worksheets, whole_model, tally_sheet, *checklists, playbook)


def download_key(document: Document, page_size: str) -> str:
    """The key pages look a download up by: the document's key, '-a4' added for A4."""
    return document.key if page_size == DEFAULT_PAGE_SIZE else f"{document.key}-{page_size}"


def pdf_path(document: Document, page_size: str) -> str:
    """The file's path under its language's root in the site: 'downloads/playbook-a4.pdf'."""
    return f"downloads/{document.key}-{page_size}.pdf"

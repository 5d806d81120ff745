"""Printable worksheets, checklists and the playbook as PDF, in every language and page size.

`print_documents(model, templates, cache_folder)` renders each document's HTML
from site_templates/print/, prints the PDFs the cache does not already hold
(WeasyPrint, in parallel), and returns every PDF with the downloads pages link to.
"""

from __future__ import annotations

from generator.print.build import PrintedFile, PrintReport, print_documents
from generator.print.documents import PAGE_SIZES, Document, documents, download_key, pdf_path
from generator.print.pdf import PrinterMissing

__all__ = [
    "PAGE_SIZES",
    "Document",
    "PrintReport",
    "PrintedFile",
    "PrinterMissing",
    "documents",
    "download_key",
    "pdf_path",
    "print_documents",
]

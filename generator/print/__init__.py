"""Printable worksheets, checklists and the playbook as PDF, in every language and page size.

`print_documents(model, templates, cache_folder)` renders each document's HTML
(`render.print_markup`, the documents listed in `render.documents`), prints the PDFs
the cache does not already hold (WeasyPrint, in parallel), and returns every PDF with
the downloads pages link to.
"""

from __future__ import annotations

from generator.print.build import PdfFile, PrintReport, print_documents
from generator.print.pdf import PrinterMissing

__all__ = ["PdfFile", "PrintReport", "PrinterMissing", "print_documents"]

"""`print_report`: a standalone report printed as a tagged PDF (`playbook report`)."""

from __future__ import annotations

from pathlib import Path

from generator.cache import cache_dir
from generator.print.build import print_pdfs
from generator.print.fonts import font_faces, fonts_css
from generator.render.pages import TEMPLATES
from generator.render.report import REPORT_TEMPLATES

__all__ = ["print_report"]

PDF_CSS = "pdf.css"


def print_report(html: str, templates: Path = TEMPLATES) -> bytes:
    """The report's HTML printed as a tagged PDF (PDF/UA-1), with the worksheets' fonts."""
    page_css = (templates / REPORT_TEMPLATES / PDF_CSS).read_text(encoding="utf-8")
    # WeasyPrint's temporary files in the project's scratch folder, not the system's.
    scratch = cache_dir(templates.resolve().parent, "tmp")
    return print_pdfs([(html, (fonts_css(font_faces()), page_css))], 1, scratch=scratch)[0]

"""Each printable document as HTML, from the Jinja2 templates in site_templates/print/.

The same environment as the web pages (filters, strings, French typography), so a
worksheet says exactly what the site says. The HTML is all a PDF is made from,
besides the print style sheet and the fonts: the PDF cache hashes it.
"""

from __future__ import annotations

from pathlib import Path

from generator.model import Model
from generator.render.documents import Document
from generator.render.templating import environment

__all__ = ["PRINT_CSS", "print_templates", "render_document"]

PRINT_CSS = "print.css"
"""The print style sheet, beside the print templates."""


def print_templates(templates: Path) -> Path:
    """The folder of the print templates inside site_templates/."""
    return templates / "print"


def render_document(model: Model, document: Document, language: str, templates: Path) -> str:
    """The document's HTML in one language; the page size is set apart, in CSS."""
    env = environment(print_templates(templates))
    return env.get_template(document.template).render(
        **document.context,
        model=model,
        lang=language,
        default_language=model.default_language,
        locale=model.language(language).locale,
        document=document,
    )

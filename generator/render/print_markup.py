"""Each printable document as HTML, from the Jinja2 templates in site_templates/print/.

The same environment as the web pages (filters, strings, French typography), so a
worksheet says exactly what the site says. The HTML is all a PDF is made from,
besides the print style sheet and the fonts: the PDF cache hashes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.assessment.format import rating_choices
from generator.model import Model
from generator.render.documents import Document
from generator.render.templating import environment
from generator.schema.models import Attribute, Level, Statement
from generator.typography import typeset_html

__all__ = [
    "PRINT_CSS",
    "LevelGroup",
    "Worksheet",
    "instruction_keys",
    "print_templates",
    "render_document",
]

PRINT_CSS = "print.css"
"""The print style sheet, beside the print templates."""


def print_templates(templates: Path) -> Path:
    """The folder of the print templates inside site_templates/."""
    return templates / "print"


def render_document(model: Model, document: Document, language: str, templates: Path) -> str:
    """The document's HTML in one language; the page size is set apart, in CSS."""
    env = environment(print_templates(templates))
    html = env.get_template(document.template).render(
        **document.context,
        model=model,
        lang=language,
        default_language=model.default_language,
        locale=model.language(language).locale,
        document=document,
        worksheet=Worksheet(model),
    )
    return typeset_html(html, language)


def instruction_keys(model: Model, steps: str = "print.instruction") -> tuple[str, ...]:
    """The facilitator's steps (`print.instruction_N` in strings.yml, or another `steps`
    prefix), in the order of N."""
    pattern = re.compile(re.escape(steps) + r"_(\d+)")
    numbered = [(pattern.fullmatch(key), key) for key in model.strings]
    return tuple(key for found, key in sorted((int(m[1]), k) for m, k in numbered if m))


@dataclass(frozen=True)
class LevelGroup:
    """The statements of one attribute at one level, as a worksheet's table lists them."""

    number: int
    """The level's place on the continuum, from 1."""
    level: Level
    statements: tuple[Statement, ...]
    """Each shown with its code (ACC-1), the same on every worksheet, tally sheet and file."""


@dataclass(frozen=True)
class Worksheet:
    """What a worksheet counts and numbers, so that its templates only lay it out."""

    model: Model

    @property
    def instructions(self) -> tuple[str, ...]:
        return instruction_keys(self.model)

    @property
    def tally_instructions(self) -> tuple[str, ...]:
        """How to count hands with the tally sheet and write the tally down."""
        return instruction_keys(self.model, "print.tally_instruction")

    @property
    def choices(self) -> tuple[str, ...]:
        """The ratings a statement can be given: one column of boxes each."""
        return rating_choices(self.model)

    @property
    def columns(self) -> int:
        """The assessment table's columns: number, statement, rating, the boxes, notes."""
        return 3 + len(self.choices) + 1

    def groups(self, attribute: Attribute) -> tuple[LevelGroup, ...]:
        """The attribute's statements by level, levels without any left out."""
        groups: list[LevelGroup] = []
        for number, level in enumerate(self.model.levels, 1):
            statements = self.model.statements_at(attribute, level)
            if statements:
                groups.append(LevelGroup(number, level, statements))
        return tuple(groups)

"""`render_report_html`: an assessment as a standalone HTML page (`print.report` prints it).

Standalone means one file that makes no request: its style sheet is inline and
its charts are inline SVG. The body is the template the site's example report
uses (site_templates/pages/_report.html), so both show the same results.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

from generator.assessment.scoring import assess
from generator.assessment.workshop import Merged
from generator.model import Model
from generator.render.comparison_view import ComparisonView, comparison_view
from generator.render.pages import TEMPLATES
from generator.render.report_view import ReportView, report_view
from generator.render.team_report import TeamReportView, Workshop, team_report_view
from generator.render.templating import environment
from generator.schema.assessment import AssessmentFile
from generator.typography import typeset_html

__all__ = [
    "REPORT_FORMATS",
    "REPORT_TEMPLATES",
    "render_comparison_html",
    "render_report_html",
    "render_team_report_html",
    "report_format",
]

REPORT_TEMPLATE = "report.html"
TEAM_REPORT_TEMPLATE = "team-report.html"
COMPARISON_TEMPLATE = "comparison.html"
REPORT_TEMPLATES = "report"
"""The report's own templates and style sheets, in site_templates/."""
REPORT_FORMATS = {".html": "html", ".htm": "html", ".pdf": "pdf", ".json": "json", ".csv": "csv"}
"""An output file's suffix and the report it gets (csv: one assessment's action plan)."""


def report_format(path: Path) -> str | None:
    """'html', 'pdf', 'json' or 'csv' after the file's suffix; None for any other."""
    return REPORT_FORMATS.get(path.suffix.lower())


@cache
def _environment(templates: Path) -> jinja2.Environment:
    """The page templates' environment, reading site_templates/report/ first; the site's
    style sheets too, for what a report shares with a page (team-report.css)."""
    pages = environment(templates / "pages")
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(templates / REPORT_TEMPLATES),
            jinja2.FileSystemLoader(templates / "pages"),
            jinja2.FileSystemLoader(templates / "theme" / "css"),
        ]
    )
    return pages.overlay(loader=loader)


def render_report_html(
    model: Model, assessment: AssessmentFile, language: str, templates: Path = TEMPLATES
) -> str:
    """The report in `language`, as one HTML document."""
    view = report_view(
        model, assessment, assess(model, assessment.answers), language, model.version
    )
    return _render(REPORT_TEMPLATE, model, view, language, templates)


def render_team_report_html(
    model: Model, workshop: Workshop, merged: Merged, language: str, templates: Path = TEMPLATES
) -> str:
    """The team report of a workshop's merged files in `language`, as one HTML document."""
    view = team_report_view(model, workshop, merged, language)
    return _render(TEAM_REPORT_TEMPLATE, model, view, language, templates)


def render_comparison_html(
    model: Model,
    baseline: AssessmentFile,
    follow_up: AssessmentFile,
    language: str,
    templates: Path = TEMPLATES,
) -> str:
    """A follow-up against its baseline in `language`, as one HTML document."""
    view = comparison_view(model, baseline, follow_up, language)
    return _render(COMPARISON_TEMPLATE, model, view, language, templates)


def _render(
    template: str,
    model: Model,
    view: ReportView | TeamReportView | ComparisonView,
    language: str,
    templates: Path,
) -> str:
    html = (
        _environment(templates)
        .get_template(template)
        .render(
            model=model,
            lang=language,
            default_language=model.default_language,
            locale=model.language(language).locale,
            view=view,
        )
    )
    return typeset_html(html, language)

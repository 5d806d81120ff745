"""What a comparison report shows in one language: a follow-up assessment against its baseline.

The numbers are `assessment.comparison`'s; here they are formatted, charted and named.
The template (site_templates/pages/_comparison.html) only loops over this, so the site's
example comparison and `playbook report --baseline` show the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.assessment.comparison import Comparison, GroupChange, StatementChange, compare
from generator.assessment.format import note_in
from generator.assessment.scoring import round_half_up
from generator.model import Model
from generator.render.chart import Chart, bar_chart
from generator.render.plan_view import ProgressRow, progress_view
from generator.render.report_view import Words
from generator.schema.assessment import AssessmentFile
from generator.schema.models import Attribute, Statement
from generator.schema.text import LocalizedText

__all__ = ["ComparisonView", "ExampleComparison", "comparison_view"]

MINUS = "\u2212"
"""The minus sign (U+2212) of a change below zero, not a hyphen."""


@dataclass(frozen=True)
class StatementRow:
    statement: Statement
    attribute: Attribute
    before: str
    after: str
    change: str
    target: str
    """The baseline's target, in words."""
    target_met: str
    direction: str
    """up, down, same, or "" when either rating does not count."""


@dataclass(frozen=True)
class GroupRow:
    id: str
    name: LocalizedText
    before: str
    after: str
    change: str


@dataclass(frozen=True)
class StatementList:
    id: str
    """improved, declined, targets-met, gaps-opened or gaps-closed."""
    heading: str
    help: str
    rows: tuple[StatementRow, ...]


@dataclass(frozen=True)
class FileNote:
    """What a report says about one file carried from an older model version."""

    carried: str
    unmapped_lead: str
    unmapped: tuple[str, ...]


@dataclass(frozen=True)
class ComparisonView:
    language: str
    title: str
    service: str
    service_locale: str | None
    baseline_date: str | None
    follow_up_date: str | None
    model_version: str
    notes: tuple[FileNote, ...]
    overall: GroupRow
    lists: tuple[StatementList, ...]
    attributes: tuple[GroupRow, ...]
    results: tuple[GroupRow, ...]
    attribute_chart: Chart
    result_chart: Chart
    statements: tuple[tuple[Attribute, tuple[StatementRow, ...]], ...]
    """Every statement, by attribute in the model's order."""
    scale: str
    legend: tuple[str, str]
    """The words for the baseline and for the follow-up."""
    progress: tuple[ProgressRow, ...] = ()
    """Each done action of the follow-up's plan against how its statements moved."""
    has_plan: bool = False
    """Whether the follow-up has a plan: only then does the report show its progress."""


def _signed(value: float | None, magnitude: str) -> str:
    """A change with its sign (+1, 0, U+2212 0.3), from its value and its size as shown."""
    if value is None:
        return "—"
    rounded = round_half_up(value)
    return ("+" if rounded > 0 else MINUS if rounded < 0 else "") + magnitude


def _statement_row(words: Words, model: Model, change: StatementChange) -> StatementRow:
    difference, met = change.change, change.target_met
    direction = "" if difference is None else "up" if difference > 0 else "down"
    direction = "same" if difference == 0 else direction
    return StatementRow(
        statement=change.before.statement,
        attribute=model.attribute_of(change.before.statement),
        before=words.choice(change.before.today),
        after=words.choice(change.after.today),
        change=_signed(difference, str(abs(difference or 0))),
        target=words.choice(change.before.target),
        target_met="—" if met is None else words("comparison.yes" if met else "comparison.no"),
        direction=direction,
    )


def _group_row(words: Words, change: GroupChange, name: LocalizedText) -> GroupRow:
    before, after = change.before.today, change.after.today
    # The change of the numbers as shown, so that the table adds up for its reader.
    difference = (
        None if before is None or after is None else round_half_up(after) - round_half_up(before)
    )
    return GroupRow(
        change.id,
        name,
        words.number(before),
        words.number(after),
        _signed(difference, words.number(None if difference is None else abs(difference))),
    )


def _chart(
    words: Words,
    identifier: str,
    title_key: str,
    changes: Sequence[GroupChange],
    names: Sequence[LocalizedText],
    top: int,
) -> Chart:
    not_rated = words("report.not_rated")
    rows, described = [], []
    for change, name in zip(changes, names, strict=True):
        label = words.text(name)
        values = (change.before.today, change.after.today)
        before, after = (not_rated if v is None else words.number(v) for v in values)
        rows.append((label, (values[0], before), (values[1], after)))
        described.append(words("comparison.chart_row", name=label, before=before, after=after))
    legend = (words("comparison.baseline"), words("comparison.follow_up"))
    return bar_chart(identifier, words(title_key, top=top), " ".join(described), rows, top, legend)


def _file_note(words: Words, which: str, assessment: AssessmentFile, current: str) -> FileNote:
    version = assessment.carried_from or ""
    return FileNote(
        words(f"comparison.{which}_carried", version=version, current=current),
        words(f"comparison.{which}_unmapped"),
        assessment.unmapped,
    )


LISTS = ("improved", "declined", "targets_met", "gaps_opened", "gaps_closed")
"""The lists of statements a comparison names, in the order a report shows them."""


def comparison_view(
    model: Model, baseline: AssessmentFile, follow_up: AssessmentFile, language: str
) -> ComparisonView:
    """Everything the comparison template shows, in `language`."""
    words = Words(model, language)
    comparison: Comparison = compare(model, baseline.answers, follow_up.answers)
    service, service_language = note_in(
        follow_up.service or baseline.service, language, follow_up.language or baseline.language
    )
    service = service.strip()
    rows = {change.id: _statement_row(words, model, change) for change in comparison.statements}
    attribute_names = [attribute.name for attribute in model.attributes]
    result_names = [result.text for result in model.results]
    levels = ", ".join(f"{level.score} = {words.text(level.short_name)}" for level in model.levels)
    notes = tuple(
        _file_note(words, which, assessment, model.version)
        for which, assessment in (("baseline", baseline), ("follow_up", follow_up))
        if assessment.carried_from is not None
    )
    return ComparisonView(
        language=language,
        title=words("comparison.title", service=service)
        if service
        else words("comparison.title_unnamed"),
        service=service,
        service_locale=words.locale(service_language),
        baseline_date=baseline.date.isoformat() if baseline.date else None,
        follow_up_date=follow_up.date.isoformat() if follow_up.date else None,
        model_version=model.version,
        notes=notes,
        overall=_group_row(words, comparison.overall, model.info.short_title),
        lists=tuple(
            StatementList(
                key.replace("_", "-"),
                words(f"comparison.{key}"),
                words(f"comparison.{key}_help"),
                tuple(rows[identifier] for identifier in getattr(comparison, key)),
            )
            for key in LISTS
        ),
        attributes=tuple(
            _group_row(words, change, name)
            for change, name in zip(comparison.attributes, attribute_names, strict=True)
        ),
        results=tuple(
            _group_row(words, change, name)
            for change, name in zip(comparison.results, result_names, strict=True)
        ),
        attribute_chart=_chart(
            words,
            "chart-attributes",
            "comparison.chart_attributes",
            comparison.attributes,
            attribute_names,
            model.top_score,
        ),
        result_chart=_chart(
            words,
            "chart-results",
            "comparison.chart_results",
            comparison.results,
            result_names,
            model.top_score,
        ),
        statements=tuple(
            (attribute, tuple(rows[s.id] for s in attribute.statements))
            for attribute in model.attributes
        ),
        scale=words("report.scale", not_yet=words("assessment.not_yet"), levels=levels),
        legend=(words("comparison.baseline"), words("comparison.follow_up")),
        progress=progress_view(model, comparison, follow_up, words),
        has_plan=bool(follow_up.plan),
    )


@dataclass(frozen=True)
class ExampleComparison:
    """What the example comparison page shows: the worked example's follow-up against the
    worked example itself, its baseline; nothing when the build lacks either."""

    model: Model
    baseline: AssessmentFile | None
    follow_up: AssessmentFile | None

    @classmethod
    def of(cls, model: Model) -> ExampleComparison:
        return cls(model, model.example, model.follow_up_example)

    def view(self, language: str) -> ComparisonView | None:
        if self.baseline is None or self.follow_up is None:
            return None
        return comparison_view(self.model, self.baseline, self.follow_up, language)

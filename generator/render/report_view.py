"""What a report shows in one language: numbers formatted, charts laid out, labels chosen.

The report template (site_templates/pages/_report.html) only loops over this, so
the site's example page and `playbook report` show the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.assessment.format import note_in
from generator.assessment.scoring import GroupScore, Results, StatementScore, assess, format_score
from generator.model import Model
from generator.render.chart import Chart, bar_chart
from generator.render.localized import string_in, text_in
from generator.render.plan_view import PlanView, plan_view
from generator.schema.assessment import NOT_APPLICABLE, NOT_YET, AssessmentFile
from generator.schema.models import Attribute, Play, Statement
from generator.schema.placeholders import fill
from generator.schema.text import LocalizedText
from generator.typography import typeset

__all__ = ["GAPS_SHOWN", "ReportView", "ScoreRow", "Words", "number", "report_view", "word"]

GAPS_SHOWN = 3
"""How many of the largest gaps a report lists."""


def word(model: Model, key: str, language: str, **values: Any) -> str:
    """A string of site_templates/strings.yml in `language`, filled in and typeset."""
    text = string_in(model, key, language)
    return typeset(fill(text, values) if values else text, language)


def number(model: Model, value: float | None, language: str) -> str:
    """A score with one decimal, in the language's notation ("—" when there is none)."""
    return format_score(value, word(model, "report.decimal_mark", language))


@dataclass(frozen=True)
class ScoreRow:
    id: str
    name: LocalizedText
    today: str
    target: str
    gap: str
    rated_today: int
    statements: int


@dataclass(frozen=True)
class RatedStatement:
    statement: Statement
    today: str
    target: str
    notes: str
    notes_locale: str | None
    """The notes' own locale when it is not the report's, for `lang`."""


@dataclass(frozen=True)
class PlayAdvice:
    play: Play
    statements: tuple[RatedStatement, ...]


@dataclass(frozen=True)
class AttributeAnswers:
    attribute: Attribute
    answers: tuple[RatedStatement, ...]


@dataclass(frozen=True)
class ReportView:
    language: str
    title: str
    service: str
    service_locale: str | None
    date: str | None
    model_version: str
    carried_from: str | None
    """The older model version the answers were carried from; None if made against this one."""
    unmapped: tuple[str, ...]
    """The file's statement ids whose answers could not be carried over."""
    rated_today: int
    rated_target: int
    total: int
    overall: ScoreRow
    attributes: tuple[ScoreRow, ...]
    results: tuple[ScoreRow, ...]
    attribute_chart: Chart
    result_chart: Chart
    gaps: tuple[ScoreRow, ...]
    plays: tuple[PlayAdvice, ...]
    answers: tuple[AttributeAnswers, ...]
    scale: str
    """The scale in words: what 0, 1, 2 and 3 mean."""
    plan: PlanView | None = None
    """The lifecycle stage and the action plan, when the file has either."""


class Words:
    """The words of one language: strings, content texts, scores and ratings, typeset."""

    def __init__(self, model: Model, language: str) -> None:
        self.model = model
        self.language = language

    def __call__(self, key: str, **values: Any) -> str:
        return word(self.model, key, self.language, **values)

    def text(self, value: LocalizedText) -> str:
        text, fallback = text_in(value, self.language, self.model.default_language)
        return typeset(text, self.language) if fallback is None else text

    def number(self, value: float | None) -> str:
        return number(self.model, value, self.language)

    def choice(self, choice: str | None) -> str:
        if choice is None:
            return self("report.no_answer")
        if choice == NOT_YET:
            return self("assessment.not_yet")
        if choice == NOT_APPLICABLE:
            return self("assessment.not_applicable")
        return self.text(self.model.level(choice).short_name)

    def locale(self, code: str | None) -> str | None:
        if code is None:
            return None
        return self.model.language(code).locale if code in self.model.language_codes else code


def _row(words: Words, group: GroupScore, name: LocalizedText) -> ScoreRow:
    return ScoreRow(
        group.id,
        name,
        words.number(group.today),
        words.number(group.target),
        words.number(group.gap),
        group.rated_today,
        group.statements,
    )


def _chart(
    words: Words,
    identifier: str,
    title_key: str,
    groups: Sequence[GroupScore],
    names: Sequence[LocalizedText],
    top: int,
) -> Chart:
    not_rated = words("report.not_rated")
    rows = []
    described = []
    for group, name in zip(groups, names, strict=True):
        label = words.text(name)
        today = words.number(group.today) if group.today is not None else not_rated
        target = words.number(group.target) if group.target is not None else not_rated
        rows.append((label, (group.today, today), (group.target, target)))
        described.append(words("report.chart_row", name=label, today=today, target=target))
    return bar_chart(
        identifier,
        words(title_key, top=top),
        " ".join(described),
        rows,
        top,
        (words("report.today_column"), words("report.target_column")),
    )


def _rated(
    words: Words, score: StatementScore, assessment: AssessmentFile, with_notes: bool
) -> RatedStatement:
    answer = assessment.answers.get(score.statement.id)
    notes, notes_language = ("", None)
    if with_notes and answer is not None:
        notes, notes_language = note_in(answer.notes, words.language, assessment.language)
    return RatedStatement(
        score.statement,
        words.choice(score.today),
        words.choice(score.target),
        notes.strip(),
        words.locale(notes_language),
    )


def report_view(
    model: Model, assessment: AssessmentFile, results: Results, language: str, version: str
) -> ReportView:
    """Everything the report template shows, in `language`."""
    words = Words(model, language)
    service, service_language = note_in(assessment.service, language, assessment.language)
    service = service.strip()
    title = words("report.title", service=service) if service else words("report.title_unnamed")
    attribute_names = [attribute.name for attribute in model.attributes]
    result_names = [result.text for result in model.results]
    attribute_rows = tuple(
        _row(words, group, name)
        for group, name in zip(results.attributes, attribute_names, strict=True)
    )
    by_id = {row.id: row for row in attribute_rows}
    levels = ", ".join(f"{level.score} = {words.text(level.short_name)}" for level in model.levels)
    return ReportView(
        language=language,
        title=title,
        service=service,
        service_locale=words.locale(service_language),
        date=assessment.date.isoformat() if assessment.date else None,
        model_version=version,
        carried_from=assessment.carried_from,
        unmapped=assessment.unmapped,
        rated_today=results.overall.rated_today,
        rated_target=results.overall.rated_target,
        total=results.overall.statements,
        overall=_row(words, results.overall, model.info.short_title),
        attributes=attribute_rows,
        results=tuple(
            _row(words, group, name)
            for group, name in zip(results.results, result_names, strict=True)
        ),
        attribute_chart=_chart(
            words,
            "chart-attributes",
            "report.chart_attributes",
            results.attributes,
            attribute_names,
            results.top,
        ),
        result_chart=_chart(
            words,
            "chart-results",
            "report.chart_results",
            results.results,
            result_names,
            results.top,
        ),
        gaps=tuple(by_id[group.id] for group in results.gaps[:GAPS_SHOWN]),
        plays=tuple(
            PlayAdvice(
                advice.play,
                tuple(_rated(words, score, assessment, False) for score in advice.statements),
            )
            for advice in results.recommendations
        ),
        answers=tuple(
            AttributeAnswers(
                attribute,
                tuple(
                    _rated(words, score, assessment, True)
                    for score in results.statements
                    if model.attribute_of(score.statement) is attribute
                ),
            )
            for attribute in model.attributes
        ),
        scale=words("report.scale", not_yet=words("assessment.not_yet"), levels=levels),
        plan=plan_view(model, assessment, words),
    )


@dataclass(frozen=True)
class ExampleReport:
    """What the example report page shows; `assessment` is None when the build has none."""

    model: Model
    assessment: AssessmentFile | None

    @classmethod
    def of(cls, model: Model) -> ExampleReport:
        return cls(model, model.example)

    def view(self, language: str) -> ReportView | None:
        if self.assessment is None:
            return None
        results = assess(self.model, self.assessment.answers)
        return report_view(self.model, self.assessment, results, language, self.model.version)

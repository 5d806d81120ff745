"""What a team report shows in one language: each statement's ratings, disagreements first.

The team report template (site_templates/pages/_team_report.html) only loops over
this, so the site's example workshop page and `playbook report F1 F2 …` show the
same thing. The counts come from `assessment.workshop.merge`; a consensus, when one
of the files is one, is scored as any assessment and shown beside the counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.assessment.format import note_in
from generator.assessment.scoring import assess
from generator.assessment.workshop import Merged, StatementSpread, count_keys, merge
from generator.model import Model
from generator.render.report_view import ScoreRow, Words, report_view
from generator.schema.assessment import NOT_APPLICABLE, UNANSWERED, AssessmentFile, TallyFile
from generator.schema.models import Statement

__all__ = [
    "BAR_COLOURS",
    "ExampleWorkshop",
    "Source",
    "TeamReportView",
    "Workshop",
    "source_names",
    "team_report_view",
]

BAR_COLOURS = {
    "not-yet": "#eee",
    NOT_APPLICABLE: "#999",
    UNANSWERED: "#fff",
}
"""The fill of each rating's part of a distribution bar; the levels get `LEVEL_COLOURS`."""
LEVEL_COLOURS = ("#abd", "#58a", "#246", "#123")
"""Light to dark along the continuum (the last ones for longer scales)."""


@dataclass(frozen=True)
class Workshop:
    """The files of one workshop: participants' files and tallies, and the consensus if any."""

    entries: tuple[AssessmentFile | TallyFile, ...]
    consensus: AssessmentFile | None = None

    @property
    def files(self) -> tuple[AssessmentFile | TallyFile, ...]:
        return self.entries + ((self.consensus,) if self.consensus else ())


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    colour: str


@dataclass(frozen=True)
class CountRow:
    """Today's or the target's counts for one statement, in the columns' order."""

    label: str
    counts: tuple[int, ...]
    bar: str
    """The counts drawn as one bar: a CSS background, each rating's share in its colour
    (empty when nobody is counted). Decoration only: the counts are the text."""
    consensus: str | None
    """The rating the team agreed on, in words; None without a consensus."""


@dataclass(frozen=True)
class StatementRow:
    statement: Statement
    spread: int
    distinct: int
    mixed_not_applicable: bool
    today: CountRow
    target: CountRow
    rationale: str
    rationale_locale: str | None


@dataclass(frozen=True)
class TeamReportView:
    language: str
    title: str
    service: str
    service_locale: str | None
    date: str | None
    participants: int
    sources: tuple[Source, ...]
    """Who the counts come from: each participant's label, or "Participant 1, 2, …"."""
    disputed: int
    total: int
    columns: tuple[Column, ...]
    statements: tuple[StatementRow, ...]
    """Most disputed first, then the others in the model's order."""
    consensus_participants: int | None
    consensus_overall: ScoreRow | None
    consensus_attributes: tuple[ScoreRow, ...]
    scale: str


@dataclass(frozen=True)
class Source:
    """One file whose ratings are counted, as the report names it."""

    name: str
    locale: str | None
    """The name's own locale when the file is in another language than the report."""


def source_names(words: Words, entries: Sequence[AssessmentFile | TallyFile]) -> tuple[Source, ...]:
    """Each file as the report names it: its participant's label and organisation, else a
    number ("Participant 2", counted among unnamed files), or a tally's size."""
    names = []
    unnamed = 0
    for entry in entries:
        if isinstance(entry, TallyFile):
            names.append(Source(words("team.tally_item", count=entry.participants), None))
            continue
        who = entry.participant
        given = (who.label, who.organisation) if who else ()
        parts = [part.strip() for part in given if part and part.strip()]
        if parts:
            other = entry.language if entry.language != words.language else None
            names.append(Source(" — ".join(parts), words.locale(other)))
        else:
            unnamed += 1
            names.append(Source(words("team.participant_n", n=unnamed), None))
    return tuple(names)


def _columns(words: Words, model: Model) -> tuple[Column, ...]:
    colours = dict(BAR_COLOURS)
    for level, colour in zip(model.levels, LEVEL_COLOURS * len(model.levels), strict=False):
        colours[level.id] = colour
    return tuple(
        Column(
            key,
            words("report.no_answer") if key == UNANSWERED else words.choice(key),
            colours[key],
        )
        for key in count_keys(model)
    )


def _count_row(
    label: str, counts: dict[str, int], columns: Sequence[Column], consensus: str | None
) -> CountRow:
    return CountRow(
        label, tuple(counts[column.key] for column in columns), _bar(counts, columns), consensus
    )


def _bar(counts: dict[str, int], columns: Sequence[Column]) -> str:
    """`linear-gradient(…)` with a hard-edged band per rating counted, left to right."""
    total = sum(counts[column.key] for column in columns)
    if not total:
        return ""
    stops = []
    start = 0
    for column in columns:
        number = counts[column.key]
        if number:
            end = start + number
            stops.append(
                f"{column.colour} {_percent(start, total)},{column.colour} {_percent(end, total)}"
            )
            start = end
    return f"linear-gradient(90deg,{','.join(stops)})"


def _percent(part: int, total: int) -> str:
    """A whole percentage: the bar is a picture of the counts, which the text gives exactly."""
    return f"{round(100 * part / total)}%"


def _statement_row(
    words: Words,
    found: StatementSpread,
    statement: Statement,
    columns: Sequence[Column],
    consensus: AssessmentFile | None,
) -> StatementRow:
    answer = consensus.answers.get(statement.id) if consensus else None
    agreed = {
        part: (words.choice(getattr(answer, part) if answer else None) if consensus else None)
        for part in ("today", "target")
    }
    rationale, rationale_language = ("", None)
    if consensus and answer:
        rationale, rationale_language = note_in(answer.notes, words.language, consensus.language)
    return StatementRow(
        statement=statement,
        spread=found.spread,
        distinct=found.distinct,
        mixed_not_applicable=found.mixed_not_applicable,
        today=_count_row(words("report.today_column"), found.today, columns, agreed["today"]),
        target=_count_row(words("report.target_column"), found.target, columns, agreed["target"]),
        rationale=rationale.strip(),
        rationale_locale=words.locale(rationale_language),
    )


def _about(words: Words, files: Sequence[AssessmentFile | TallyFile]) -> tuple[str, str | None]:
    """The service's name (from the first file that gives one) and its locale."""
    for found in files:
        service, language = note_in(found.service, words.language, found.language)
        if service.strip():
            return service.strip(), words.locale(language)
    return "", None


def team_report_view(
    model: Model, workshop: Workshop, merged: Merged, language: str
) -> TeamReportView:
    """Everything the team report template shows, in `language`."""
    words = Words(model, language)
    service, service_locale = _about(words, workshop.files)
    title = words("team.title", service=service) if service else words("team.title_unnamed")
    dates = sorted(found.date for found in workshop.files if found.date is not None)
    columns = _columns(words, model)
    consensus = workshop.consensus
    disputed = set(merged.most_disputed)
    order = [*merged.most_disputed, *(s.id for s in merged.statements if s.id not in disputed)]
    scored = (
        report_view(model, consensus, assess(model, consensus.answers), language, "")
        if consensus
        else None
    )
    levels = ", ".join(f"{level.score} = {words.text(level.short_name)}" for level in model.levels)
    return TeamReportView(
        language=language,
        title=title,
        service=service,
        service_locale=service_locale,
        date=dates[-1].isoformat() if dates else None,
        participants=merged.participants,
        sources=source_names(words, workshop.entries),
        disputed=len(merged.most_disputed),
        total=len(merged.statements),
        columns=columns,
        statements=tuple(
            _statement_row(
                words, merged.statement(identifier), model.statement(identifier), columns, consensus
            )
            for identifier in order
        ),
        consensus_participants=consensus.consensus.participants
        if consensus and consensus.consensus
        else None,
        consensus_overall=scored.overall if scored else None,
        consensus_attributes=scored.attributes if scored else (),
        scale=words("team.scale", not_yet=words("assessment.not_yet"), levels=levels),
    )


@dataclass(frozen=True)
class ExampleWorkshop:
    """What the example workshop page shows; no workshop when the build has none."""

    model: Model
    workshop: Workshop | None

    @classmethod
    def of(cls, model: Model) -> ExampleWorkshop:
        files = model.workshop_example
        return cls(model, Workshop(files[:-1], files[-1]) if files else None)

    def view(self, language: str) -> TeamReportView | None:
        if self.workshop is None:
            return None
        merged = merge(self.model, self.workshop.entries)
        return team_report_view(self.model, self.workshop, merged, language)

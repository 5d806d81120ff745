"""Several participants' answers merged: the distribution per statement, disagreements first.

The rules, the same in site_templates/theme/js/workshop.js for the workshop page;
the case table tests/assessment/cases/scoring.json (operation `merge`) holds both
to them:

- each participant file counts one rating per statement for today and for the
  target, or "unanswered"; a tally adds its hands, and its participants who raised
  none for a statement count as unanswered;
- a statement's spread is the largest minus the smallest points among today's
  ratings (not applicable and unanswered left out), 0 when fewer than two rated;
- `distinct` is how many different answers today's ratings give (not applicable is
  one; unanswered is none);
- `mixed_not_applicable` flags a statement some called not applicable today while
  others rated it;
- the most disputed are the statements with a spread above 0: largest spread first,
  then most distinct answers, then the model's order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.assessment.format import rating_choices
from generator.assessment.scoring import choice_score
from generator.model import Model
from generator.schema.assessment import (
    FORMAT_VERSION,
    NOT_APPLICABLE,
    TALLY_FORMAT,
    UNANSWERED,
    AssessmentFile,
    TallyCounts,
    TallyFile,
)

__all__ = ["Merged", "StatementSpread", "consensus_as_tally", "count_keys", "merge"]

PARTS = ("today", "target")


@dataclass(frozen=True)
class StatementSpread:
    """How the participants rated one statement."""

    id: str
    today: dict[str, int]
    target: dict[str, int]
    spread: int
    distinct: int
    mixed_not_applicable: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "today": dict(self.today),
            "target": dict(self.target),
            "spread": self.spread,
            "distinct": self.distinct,
            "mixed_not_applicable": self.mixed_not_applicable,
        }


@dataclass(frozen=True)
class Merged:
    """Every statement's distribution, in the model's order, and the most disputed."""

    participants: int
    statements: tuple[StatementSpread, ...]
    most_disputed: tuple[str, ...]

    def statement(self, identifier: str) -> StatementSpread:
        return next(found for found in self.statements if found.id == identifier)

    def as_json(self) -> dict[str, Any]:
        """The team report's JSON (`playbook report F1 F2 … --out report.json`)."""
        return {
            "participants": self.participants,
            "statements": {found.id: found.as_json() for found in self.statements},
            "most_disputed": list(self.most_disputed),
        }


def count_keys(model: Model) -> tuple[str, ...]:
    """The keys of a distribution, in order: not-yet, the levels, not-applicable, unanswered."""
    return (*rating_choices(model), UNANSWERED)


def merge(model: Model, entries: Sequence[AssessmentFile | TallyFile]) -> Merged:
    """The participants' files and tallies (statements by id), merged statement by statement."""
    keys = count_keys(model)
    participants = sum(_participants(entry) for entry in entries)
    spreads = []
    for statement in model.statements:
        counts = {part: dict.fromkeys(keys, 0) for part in PARTS}
        for entry in entries:
            for part in PARTS:
                _add(counts[part], entry, statement.id, part)
        spreads.append(_spread(model, statement.id, counts["today"], counts["target"]))
    disputed = sorted(
        (found for found in spreads if found.spread > 0),
        key=lambda found: (-found.spread, -found.distinct),  # sorted() keeps the model's order
    )
    return Merged(participants, tuple(spreads), tuple(found.id for found in disputed))


def _participants(entry: AssessmentFile | TallyFile) -> int:
    return entry.participants if isinstance(entry, TallyFile) else 1


def _add(
    counts: dict[str, int], entry: AssessmentFile | TallyFile, statement: str, part: str
) -> None:
    """One file's ratings for a statement added to `counts`."""
    if isinstance(entry, TallyFile):
        hands = entry.statements.get(statement)
        given = getattr(hands, part) if hands is not None else {}
        for rating, number in given.items():
            counts[rating] += number
        counts[UNANSWERED] += entry.participants - sum(given.values())
        return
    answer = entry.answers.get(statement)
    rating = getattr(answer, part) if answer is not None else None
    counts[rating if rating is not None else UNANSWERED] += 1


def _spread(
    model: Model, statement: str, today: dict[str, int], target: dict[str, int]
) -> StatementSpread:
    given = [rating for rating, number in today.items() if number > 0 and rating != UNANSWERED]
    scores = [s for rating in given if (s := choice_score(model, rating)) is not None]
    rated = sum(today[rating] for rating in given if rating != NOT_APPLICABLE)
    spread = max(scores) - min(scores) if scores else 0
    return StatementSpread(
        id=statement,
        today=today,
        target=target,
        spread=spread,
        distinct=len(given),
        mixed_not_applicable=today[NOT_APPLICABLE] > 0 and rated > 0,
    )


def consensus_as_tally(consensus: AssessmentFile) -> TallyFile | None:
    """The distribution a consensus keeps, as the tally it amounts to; None when it has none.

    What a report counts when the consensus is the only file left of a workshop.
    """
    if consensus.consensus is None:
        return None
    statements = {
        identifier: TallyCounts(
            today=_hands(answer.distribution.today), target=_hands(answer.distribution.target)
        )
        for identifier, answer in consensus.answers.items()
        if answer.distribution is not None
    }
    if not statements:
        return None
    return TallyFile(
        format=TALLY_FORMAT,
        format_version=FORMAT_VERSION,
        service=consensus.service,
        date=consensus.date,
        language=consensus.language,
        participants=consensus.consensus.participants,
        statements=statements,
    )


def _hands(counts: dict[str, int]) -> dict[str, int]:
    """The hands of a distribution: its ratings without unanswered (a tally infers it)."""
    return {rating: number for rating, number in counts.items() if rating != UNANSWERED and number}

"""A follow-up assessment against its baseline: what moved, per statement and per group.

The rules, the same in site_templates/theme/js/compare.js for the assessment page;
the case table tests/assessment/cases/scoring.json holds both to them:

- `before` and `after` are a statement's points today in the baseline and in the
  follow-up (0 to the top of the scale), None when not applicable or unanswered;
- `change` is after minus before, None when either is None; a statement improved
  when its change is above 0, declined when below;
- `target_met` compares the follow-up's today with the baseline's target (reached or
  passed), None when either does not count;
- a statement has a gap when its today and its target both count and the target is
  above today, none when both count and it is not (otherwise it is not known); a gap
  opened when the follow-up has one the baseline did not have (none, or not known);
  a gap closed when the baseline had one and the follow-up is known to have none;
- per attribute, per result and overall, `before` and `after` are the scores today
  (`scoring.group_scores`) of the baseline and of the follow-up.

Every list is in the model's order. Both sets of answers are for the current model:
an older file's answers are mapped first (`versions`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.assessment.scoring import GroupScore, StatementScore, group_scores, statement_scores
from generator.model import Model
from generator.schema.assessment import Answer

__all__ = ["Comparison", "GroupChange", "StatementChange", "compare"]


@dataclass(frozen=True)
class StatementChange:
    before: StatementScore
    after: StatementScore
    gap_opened: bool
    gap_closed: bool

    @property
    def id(self) -> str:
        return self.before.statement.id

    @property
    def change(self) -> int | None:
        before, after = self.before.today_score, self.after.today_score
        return None if before is None or after is None else after - before

    @property
    def target_met(self) -> bool | None:
        target, after = self.before.target_score, self.after.today_score
        return None if target is None or after is None else after >= target


@dataclass(frozen=True)
class GroupChange:
    """An attribute's, a result's or the whole assessment's scores in both assessments."""

    before: GroupScore
    after: GroupScore

    @property
    def id(self) -> str:
        return self.before.id


@dataclass(frozen=True)
class Comparison:
    statements: tuple[StatementChange, ...]
    """Every statement of the model, in order."""
    attributes: tuple[GroupChange, ...]
    results: tuple[GroupChange, ...]
    overall: GroupChange

    def _where(self, test: Any) -> list[str]:
        return [change.id for change in self.statements if test(change)]

    @property
    def improved(self) -> list[str]:
        return self._where(lambda change: (change.change or 0) > 0)

    @property
    def declined(self) -> list[str]:
        return self._where(lambda change: (change.change or 0) < 0)

    @property
    def targets_met(self) -> list[str]:
        return self._where(lambda change: change.target_met is True)

    @property
    def gaps_opened(self) -> list[str]:
        return self._where(lambda change: change.gap_opened)

    @property
    def gaps_closed(self) -> list[str]:
        return self._where(lambda change: change.gap_closed)

    def as_json(self) -> dict[str, Any]:
        """The comparison as `playbook report --baseline --out F.json` writes it."""

        def groups(changes: Sequence[GroupChange]) -> dict[str, dict[str, float | None]]:
            return {change.id: _scores(change) for change in changes}

        return {
            "statements": {
                change.id: {
                    "before": change.before.today_score,
                    "after": change.after.today_score,
                    "change": change.change,
                    "target_met": change.target_met,
                }
                for change in self.statements
            },
            "improved": self.improved,
            "declined": self.declined,
            "targets_met": self.targets_met,
            "gaps_opened": self.gaps_opened,
            "gaps_closed": self.gaps_closed,
            "attributes": groups(self.attributes),
            "results": groups(self.results),
            "overall": _scores(self.overall),
        }


def _scores(change: GroupChange) -> dict[str, float | None]:
    return {"before": change.before.today, "after": change.after.today}


def _has_gap(score: StatementScore) -> bool | None:
    """Whether the target is above today; None when either does not count."""
    if score.today_score is None or score.target_score is None:
        return None
    return score.target_score > score.today_score


def compare(
    model: Model, baseline: Mapping[str, Answer], follow_up: Mapping[str, Answer]
) -> Comparison:
    """The follow-up's answers against the baseline's, both by statement id of `model`."""
    before, after = statement_scores(model, baseline), statement_scores(model, follow_up)
    statements = tuple(
        StatementChange(
            then,
            now,
            gap_opened=_has_gap(now) is True and _has_gap(then) is not True,
            gap_closed=_has_gap(then) is True and _has_gap(now) is False,
        )
        for then, now in zip(before, after, strict=True)
    )
    (attributes_before, results_before, overall_before) = group_scores(model, before)
    (attributes_after, results_after, overall_after) = group_scores(model, after)
    return Comparison(
        statements=statements,
        attributes=tuple(map(GroupChange, attributes_before, attributes_after)),
        results=tuple(map(GroupChange, results_before, results_after)),
        overall=GroupChange(overall_before, overall_after),
    )

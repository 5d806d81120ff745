"""The worked example follow-up (content/examples/death-notification-follow-up.yml) against its
baseline (death-notification-assessment.yml), through `playbook report --baseline`.

Every figure below was worked out by hand from the two files, statement by statement
(today and target, in points: not-yet 0, some 1, satisfied 2, impressed 3):

- baseline, today: accessible 7 points over 10 statements, consistent 5/7, efficient 6/6
  (efficient-timely-affordable is not applicable in both files), responsive 5/7, integrity
  2/4, secure 4/5, simple 3/6; overall 32 points over 45 statements;
- follow-up, today: accessible 14/10, consistent 8/7, efficient 9/6, responsive 9/7,
  integrity 4/4, secure 6/5, simple 7/6; overall 57/45;
- a target is met when the follow-up's today reaches the baseline's target; a gap is a
  target above today in the same file: it opened when the follow-up has one the baseline had
  not, closed when the baseline had one and the follow-up has none.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from generator.assessment.example import EXAMPLE, FOLLOW_UP_EXAMPLE
from generator.assessment.reading import read_assessment
from generator.cli import main
from generator.model import Model

IMPROVED = [
    "accessible-one-location",
    "accessible-on-request",
    "accessible-bundled-services",
    "accessible-before-i-ask",
    "accessible-switch-channels",
    "accessible-needs-met-first-contact",
    "accessible-universal-design",
    "consistent-meets-expectations",
    "consistent-information",
    "consistent-same-high-level",
    "consistent-tested-with-stakeholders",
    "efficient-know-what-to-expect",
    "efficient-recommend-services",
    "efficient-deliver-together",
    "responsive-feedback-sought",
    "responsive-feedback-used",
    "responsive-feedback-reported-back",
    "responsive-continuous-evaluation",
    "integrity-reducing-fraud",
    "integrity-no-one-missed",
    "secure-consent-to-share",
    "secure-seamless-online",
    "simple-plain-language",
    "simple-easy-to-use",
    "simple-pre-populated",
    "simple-common-look",
]
DECLINED = ["consistent-reliable", "responsive-test-before-launch"]
# Met: reached the baseline's target. secure-single-login's target was not-yet (0 points):
# not yet today is met; efficient-timely-affordable is not applicable (not known).
TARGETS_MET = [
    "accessible-one-location",
    "accessible-choice-of-channel",
    "accessible-on-request",
    "accessible-bundled-services",
    "accessible-before-i-ask",
    "accessible-switch-channels",
    "accessible-needs-met-first-contact",
    "accessible-universal-design",
    "consistent-meets-expectations",
    "consistent-information",
    "consistent-same-high-level",
    "consistent-tested-with-stakeholders",
    "efficient-information-reused",
    "efficient-know-what-to-expect",
    "efficient-recommend-services",
    "efficient-deliver-together",
    "responsive-feedback-sought",
    "responsive-feedback-used",
    "responsive-feedback-reported-back",
    "responsive-continuous-evaluation",
    "integrity-reducing-fraud",
    "integrity-no-one-missed",
    "secure-information-protected",
    "secure-consent-to-share",
    "secure-seamless-online",
    "secure-single-login",
    "simple-plain-language",
    "simple-easy-to-use",
    "simple-pre-populated",
    "simple-common-look",
]
# Satisfied and satisfied in the baseline, a higher target now; satisfied then some; not yet
# and not yet, then a target of some.
GAPS_OPENED = [
    "accessible-choice-of-channel",
    "responsive-test-before-launch",
    "secure-single-login",
]
GAPS_CLOSED = [
    "accessible-one-location",
    "accessible-on-request",
    "accessible-bundled-services",
    "accessible-switch-channels",
    "accessible-needs-met-first-contact",
    "consistent-meets-expectations",
    "consistent-information",
    "consistent-same-high-level",
    "consistent-tested-with-stakeholders",
    "efficient-know-what-to-expect",
    "efficient-deliver-together",
    "responsive-feedback-sought",
    "responsive-feedback-used",
    "responsive-feedback-reported-back",
    "integrity-reducing-fraud",
    "secure-consent-to-share",
    "secure-seamless-online",
    "simple-plain-language",
    "simple-easy-to-use",
]
ATTRIBUTES = {
    "accessible": (7 / 10, 14 / 10),
    "consistent": (5 / 7, 8 / 7),
    "efficient": (6 / 6, 9 / 6),
    "responsive": (5 / 7, 9 / 7),
    "integrity": (2 / 4, 4 / 4),
    "secure": (4 / 5, 6 / 5),
    "simple": (3 / 6, 7 / 6),
}


@pytest.fixture(scope="module")
def comparison(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    repo_root = Path(__file__).resolve().parents[2]
    out = tmp_path_factory.mktemp("follow-up") / "x.json"
    arguments = [str(repo_root / FOLLOW_UP_EXAMPLE), "--baseline", str(repo_root / EXAMPLE)]

    assert main(["report", *arguments, "--out", str(out), "--root", str(repo_root)]) == 0

    found: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return found


def test_the_example_follow_up_names_what_moved_as_worked_out_by_hand(
    comparison: dict[str, object],
) -> None:
    assert comparison["improved"] == IMPROVED
    assert comparison["declined"] == DECLINED
    assert comparison["targets_met"] == TARGETS_MET
    assert comparison["gaps_opened"] == GAPS_OPENED
    assert comparison["gaps_closed"] == GAPS_CLOSED
    assert (len(IMPROVED), len(DECLINED), len(TARGETS_MET)) == (26, 2, 30)
    assert (len(GAPS_OPENED), len(GAPS_CLOSED)) == (3, 19)
    assert comparison["unmapped"] == {"baseline": [], "follow_up": []}


def test_the_example_follow_up_s_statements_and_scores_as_worked_out_by_hand(
    comparison: dict[str, object],
) -> None:
    statements = comparison["statements"]
    assert isinstance(statements, dict)
    assert len(statements) == 46
    assert statements["responsive-feedback-reported-back"] == {
        "before": 0,
        "after": 2,
        "change": 2,
        "target_met": True,
    }
    assert statements["consistent-reliable"] == {
        "before": 1,
        "after": 0,
        "change": -1,
        "target_met": False,
    }
    assert statements["efficient-timely-affordable"] == {
        "before": None,
        "after": None,
        "change": None,
        "target_met": None,
    }
    assert comparison["overall"] == {
        "before": pytest.approx(32 / 45),
        "after": pytest.approx(57 / 45),
    }
    assert comparison["attributes"] == {
        name: {"before": pytest.approx(before), "after": pytest.approx(after)}
        for name, (before, after) in ATTRIBUTES.items()
    }


def test_the_example_follow_up_carries_its_stage_and_its_action_plan(model: Model) -> None:
    repo_root = Path(__file__).resolve().parents[2]
    follow_up = read_assessment(repo_root / FOLLOW_UP_EXAMPLE, model)

    assert follow_up.stage == "delivery"
    statuses = Counter(action.status for action in follow_up.plan)
    # Ten actions written after the baseline (seven done, two in progress, one dropped) and
    # five new ones for the next follow-up.
    assert statuses == {"done": 7, "in-progress": 2, "dropped": 1, "planned": 5}
    shared_platform = next(a for a in follow_up.plan if a.id == "shared-platform")
    assert (shared_platform.status, shared_platform.statements) == (
        "done",
        ("accessible-switch-channels", "consistent-reliable"),
    )

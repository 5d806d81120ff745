"""Format version 2 (participant, consensus, distributions) and tallies, good and bad."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.assessment.reading import read_assessment
from generator.assessment.tally import read_workshop_file
from generator.assessment.workshop import merge
from generator.errors import ContentError
from generator.model import Model
from generator.schema.assessment import AssessmentFile, TallyFile

REPO_ROOT = Path(__file__).resolve().parents[2]
TALLY_EXAMPLE = REPO_ROOT / "content/examples/tallies/death-notification-service-centre-tally.yml"
KEYS = "not-yet, some, satisfied, impressed, not-applicable, unanswered"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path, model: Model) -> list[str]:
    with pytest.raises(ContentError) as caught:
        read_workshop_file(path, model, path.name)
    return [str(problem) for problem in caught.value.problems]


CONSENSUS = """\
format: client-centric-assessment
format_version: 2
participant: {label: Facilitator, organisation: Province}
consensus: {participants: 3}
answers:
  simple-plain-language:
    today: some
    target: satisfied
    notes: Two of three letters are plain; the third is being rewritten.
    distribution:
      today: {not-yet: 1, some: 1, satisfied: 1, impressed: 0, not-applicable: 0, unanswered: 0}
      target: {not-yet: 0, some: 0, satisfied: 2, impressed: 0, not-applicable: 0, unanswered: 1}
"""


def test_a_consensus_keeps_who_saved_it_how_many_agreed_and_the_distribution(
    model: Model, tmp_path: Path
) -> None:
    consensus = read_assessment(write(tmp_path, "consensus.yml", CONSENSUS), model)

    assert consensus.format_version == 2
    assert consensus.participant is not None
    assert (consensus.participant.label, consensus.participant.organisation) == (
        "Facilitator",
        "Province",
    )
    assert consensus.consensus is not None and consensus.consensus.participants == 3
    distribution = consensus.answers["simple-plain-language"].distribution
    assert distribution is not None
    assert distribution.today["not-yet"] == 1
    assert distribution.target["unanswered"] == 1


def test_a_version_1_file_is_still_read_and_has_none_of_version_2_s_fields(
    model: Model, tmp_path: Path
) -> None:
    text = "format: client-centric-assessment\nformat_version: 1\nanswers:\n"
    text += "  simple-plain-language: {today: some}\n"

    found = read_assessment(write(tmp_path, "old.yml", text), model)

    assert (found.participant, found.consensus) == (None, None)
    assert found.answers["simple-plain-language"].today == "some"


def test_version_2_s_fields_in_a_version_1_file_are_named_with_their_line(
    model: Model, tmp_path: Path
) -> None:
    text = CONSENSUS.replace("format_version: 2", "format_version: 1")

    assert problems(write(tmp_path, "old.yml", text), model) == [
        f"old.yml:{line}: “{field}” is a field of format version 2, but this file says "
        "“format_version: 1” — write “format_version: 2”, or remove the field"
        for line, field in (
            (3, "participant"),
            (4, "consensus"),
            (10, "answers.simple-plain-language.distribution"),
        )
    ]


def test_a_distribution_counts_every_rating_and_as_many_people_as_the_consensus(
    model: Model, tmp_path: Path
) -> None:
    text = CONSENSUS.replace("impressed: 0, not-applicable: 0, unanswered: 0}", "impressed: 0}")
    text = text.replace("satisfied: 2, impressed: 0", "satisfied: 3, impressed: 0, great: 1")

    assert problems(write(tmp_path, "bad.yml", text), model) == [
        "bad.yml:11: answers.simple-plain-language.distribution.today does not count every "
        "rating: not-applicable, unanswered missing — give a number (0 if nobody) for each of: "
        f"{KEYS}",
        "bad.yml:12: answers.simple-plain-language.distribution.target counts 5 participants, "
        "but the consensus was agreed by 3 — correct the counts (unanswered included) so that "
        "they add up to consensus.participants, or correct that number",
        "bad.yml:12: answers.simple-plain-language.distribution.target: “great” is not a "
        f"rating — use one of: {KEYS}",
    ]


def test_counts_are_whole_numbers_from_zero(model: Model, tmp_path: Path) -> None:
    text = CONSENSUS.replace("not-yet: 1, some: 1", "not-yet: -1, some: 1.5")

    found = problems(write(tmp_path, "bad.yml", text), model)

    assert found == [
        "bad.yml:11: answers.simple-plain-language.distribution.today.some: expected a whole "
        "number, found 1.5 — write a number such as 2",
        "bad.yml:11: answers.simple-plain-language.distribution.today.not-yet: -1 is out of "
        "range — use a number ≥ 0",
    ]


TALLY = """\
format: client-centric-tally
format_version: 2
participants: 4
statements:
  SIM-1:
    today: {some: 2, satisfied: 1}
  simple-easy-to-use:
    target: {impressed: 4}
"""


def test_a_tally_names_statements_by_code_or_id_and_is_read_by_id(
    model: Model, tmp_path: Path
) -> None:
    tally = read_workshop_file(write(tmp_path, "tally.yml", TALLY), model)

    assert isinstance(tally, TallyFile)
    assert tally.participants == 4
    assert sorted(tally.statements) == ["simple-easy-to-use", "simple-plain-language"]
    assert tally.statements["simple-plain-language"].today == {"some": 2, "satisfied": 1}
    assert tally.statements["simple-plain-language"].target == {}


def test_a_tally_with_a_statement_twice_an_unknown_code_or_too_many_hands_is_refused(
    model: Model, tmp_path: Path
) -> None:
    text = TALLY.replace("simple-easy-to-use:", "simple-plain-language:")
    text = text.replace("{impressed: 4}", "{impressed: 5}")
    text += "  SIM-9:\n    today: {some: 1}\n  SMI-1:\n    today: {unanswered: 1}\n"

    assert problems(write(tmp_path, "tally.yml", text), model) == [
        "tally.yml:7: “simple-plain-language” is the statement “simple-plain-language”, already "
        "counted as “SIM-1” on line 5 — keep one entry per statement and add the hands together",
        "tally.yml:9: “SIM-9” is not a statement of the model — did you mean “SIM-6”?",
        "tally.yml:11: “SMI-1” is not a statement of the model — did you mean “SIM-1”?",
    ]
    text = TALLY.replace("{impressed: 4}", "{impressed: 3, satisfied: 2}")
    text = text.replace("{some: 2, satisfied: 1}", "{some: 2, unanswered: 2}")
    assert problems(write(tmp_path, "tally.yml", text), model) == [
        "tally.yml:6: statements.SIM-1.today: “unanswered” is not a rating — use one of: "
        "not-yet, some, satisfied, impressed, not-applicable",
        "tally.yml:8: statements.simple-easy-to-use.target counts 5 hands, but the tally has 4 "
        "participants — count again (one hand per participant and statement), or correct "
        "“participants”",
    ]


def test_a_statement_nothing_resembles_is_told_to_use_a_code_or_an_id(
    model: Model, tmp_path: Path
) -> None:
    text = TALLY.replace("SIM-1:", "Question 12:")

    assert problems(write(tmp_path, "tally.yml", text), model) == [
        "tally.yml:5: “Question 12” is not a statement of the model — use a statement code "
        "(e.g. ACC-1) from the tally sheet or worksheets, or a statement id from "
        "content/attributes/"
    ]


def test_a_file_that_is_neither_an_assessment_nor_a_tally_names_both_formats(
    model: Model, tmp_path: Path
) -> None:
    path = write(tmp_path, "notes.yml", "title: Minutes\nformat: meeting-notes\n")

    assert problems(path, model) == [
        "notes.yml:2: this file is neither an assessment nor a tally: it has no “format: "
        "client-centric-assessment” or “format: client-centric-tally” line — give files exported "
        "from the assessment or workshop page, or a tally written after counting hands (see "
        "schema/tally.schema.json)"
    ]
    other = write(tmp_path, "tally.yml", TALLY.replace("format_version: 2", "format_version: 1"))
    assert problems(other, model) == [
        "tally.yml:2: the tally format version 1 is not one this tool reads (it reads version "
        "2) — rewrite the tally to follow schema/tally.schema.json and set “format_version: 2”"
    ]


def test_the_example_tally_merges_to_the_counts_written_in_it(model: Model) -> None:
    tally = read_workshop_file(TALLY_EXAMPLE, model)
    assert isinstance(tally, TallyFile)

    merged = merge(model, [tally])

    assert merged.participants == 9
    one_place = merged.statement("accessible-one-location")
    assert one_place.today == {
        "not-yet": 0,
        "some": 6,
        "satisfied": 2,
        "impressed": 0,
        "not-applicable": 0,
        "unanswered": 1,
    }
    assert (one_place.spread, one_place.distinct) == (1, 2)
    tell_us_once = merged.statement("efficient-tell-us-once")
    assert (tell_us_once.spread, tell_us_once.mixed_not_applicable) == (2, True)
    # Spread 2: EFF-5 with 4 different answers (not applicable is one), then ACC-4, SEC-2 and
    # SIM-1 with 3 each, in the model's order; spread 1: ACC-1 and ACC-6, 2 answers each.
    assert merged.most_disputed == (
        "efficient-tell-us-once",
        "accessible-bundled-services",
        "secure-consent-to-share",
        "simple-plain-language",
        "accessible-one-location",
        "accessible-switch-channels",
    )
    assert merged.statement("consistent-reliable").today["unanswered"] == 9


def test_a_participant_s_file_and_a_consensus_are_assessments(model: Model, tmp_path: Path) -> None:
    found = read_workshop_file(write(tmp_path, "consensus.yml", CONSENSUS), model)

    assert isinstance(found, AssessmentFile)

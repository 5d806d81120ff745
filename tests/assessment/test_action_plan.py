"""The action plan: its suggestions and its CSV, opened as a spreadsheet would open it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from generator.assessment.action_plan import CSV_COLUMNS, plan_csv, suggest
from generator.assessment.reading import read_assessment
from generator.model import Model

HOSTILE_PLAN = (
    "format: client-centric-assessment\n"
    "format_version: 2\n"
    "language: en\n"
    "stage: delivery\n"
    "answers:\n"
    "  accessible-one-location: {today: some, target: impressed}\n"
    "  accessible-choice-of-channel: {today: not-yet, target: satisfied}\n"
    "  accessible-on-request: {today: satisfied, target: satisfied}\n"
    "plan:\n"
    "  - id: a1\n"
    '    title: \'=HYPERLINK("http://example.com/x","Click")\'\n'
    "    description: '+1+1'\n"
    "    owner: '@lead'\n"
    "    statements: [accessible-one-location, accessible-choice-of-channel]\n"
    "    play: map-the-client-journey\n"
    "    due: 2027-03-31\n"
    "    horizon: next\n"
    "    status: in-progress\n"
    "  - id: a2\n"
    "    title: '-2 forms'\n"
    "    description: \"\\t=cmd|' /C calc'!A0\"\n"
    '    owner: "\\r=1"\n'
    "  - id: a3\n"
    "    title: {en: 'Say \"hello\", twice', fr: 'Dire « bonjour »'}\n"
    '    description: "Line one\\nline two"\n'
    "    status: done\n"
)

HEADINGS = ["Title", "Description", "Owner", "Due date", "Labels"]


def hostile(model: Model, tmp_path: Path) -> str:
    path = tmp_path / "plan.yml"
    path.write_text(HOSTILE_PLAN, encoding="utf-8")
    assessment = read_assessment(path, model)
    return plan_csv(model, assessment.plan, "en", assessment.language, HEADINGS)


def test_the_csv_opens_with_one_row_per_action_and_no_formula(model: Model, tmp_path: Path) -> None:
    data = hostile(model, tmp_path).encode("utf-8")

    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte order mark
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows == [
        HEADINGS,
        [
            '\'=HYPERLINK("http://example.com/x","Click")',
            "'+1+1",
            "'@lead",
            "2027-03-31",
            "horizon:next status:in-progress ACC-1 ACC-2 play:map-the-client-journey",
        ],
        ["'-2 forms", "'\t=cmd|' /C calc'!A0", "'\r=1", "", "horizon:now status:planned"],
        ['Say "hello", twice', "Line one\nline two", "", "", "horizon:now status:done"],
    ]
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert len(CSV_COLUMNS) == len(HEADINGS)


def test_the_csv_s_lines_end_with_crlf(model: Model, tmp_path: Path) -> None:
    text = hostile(model, tmp_path)

    assert text.count("\r\n") == 4  # four lines; the newline inside a3's description…
    assert text.endswith("\r\n")
    assert "Line one\nline two" in text  # …which stays as written, inside its quotes


def test_the_csv_s_texts_are_in_its_language(model: Model, tmp_path: Path) -> None:
    path = tmp_path / "plan.yml"
    path.write_text(HOSTILE_PLAN, encoding="utf-8")
    assessment = read_assessment(path, model)

    text = plan_csv(model, assessment.plan, "fr", assessment.language, HEADINGS)

    assert '"Dire « bonjour »"' in text


def test_the_suggestions_are_the_largest_gaps_their_plays_and_the_stage_s_checklist(
    model: Model, tmp_path: Path
) -> None:
    path = tmp_path / "plan.yml"
    path.write_text(HOSTILE_PLAN, encoding="utf-8")

    found = suggest(model, read_assessment(path, model))

    # accessible-one-location: some (1) to impressed (3), a gap of 2; accessible-choice-of-
    # channel: not yet (0) to satisfied (2), 2 too, later in the model; on-request: no gap.
    assert [score.statement.id for score in found.gaps] == [
        "accessible-one-location",
        "accessible-choice-of-channel",
    ]
    assert found.stage is not None and found.stage.id == "delivery"
    assert [item.id for item in found.checklist] == [
        "run-a-joint-operations-table",
        "manage-changes-together",
        "keep-front-line-knowledge-current",
        "reassess-maturity-yearly",
    ]
    advanced = {s.statement.id for advice in found.plays for s in advice.statements}
    assert advanced == {"accessible-one-location", "accessible-choice-of-channel"}

"""An assessment file's stage and action plan: read with the file, every problem at its line."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from generator import i18n
from generator.assessment.reading import read_assessment
from generator.errors import ContentError
from generator.model import Model


def problems(path: Path, model: Model) -> list[str]:
    with pytest.raises(ContentError) as caught:
        read_assessment(path, model, path.name)
    return [str(problem) for problem in caught.value.problems]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_plan_written_by_hand_is_read_with_its_defaults(model: Model, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "plan.yml",
        "format: client-centric-assessment\n"
        "format_version: 2\n"
        "language: en\n"
        "stage: delivery\n"
        "plan:\n"
        "  - id: a1\n"
        "    title: '=SUM(A1:A9)'\n"
        "    statements: [accessible-one-location, simple-plain-language]\n"
        "    play: map-the-client-journey\n"
        "    owner: {en: Program lead, fr: Responsable du programme}\n"
        "    due: 2027-03-31\n"
        "    horizon: next\n"
        "    status: in-progress\n"
        "  - id: a2\n"
        "    title: Ask clients\n",
    )

    assessment = read_assessment(path, model)

    assert assessment.stage == "delivery"
    first, second = assessment.plan
    assert first.title == "=SUM(A1:A9)"  # text, kept as written: only the CSV neutralises it
    assert first.statements == ("accessible-one-location", "simple-plain-language")
    assert first.owner == {"en": "Program lead", "fr": "Responsable du programme"}
    assert (first.due, first.horizon, first.status) == (
        datetime.date(2027, 3, 31),
        "next",
        "in-progress",
    )
    assert (second.statements, second.play, second.horizon, second.status) == (
        (),
        None,
        "now",
        "planned",
    )


BAD_PLAN = (
    "format: client-centric-assessment\n"
    "format_version: 2\n"
    "stage: delivry\n"  # line 3: a typo in the stage
    "plan:\n"
    "  - id: a1\n"
    "    title: Publish the forms\n"
    "    statements: [accessible-one-locaton]\n"  # line 7: a typo in the statement
    "    play: map-the-client-journy\n"  # line 8: a typo in the play
    "    horizon: soon\n"  # line 9: not a horizon
    "  - id: a1\n"  # line 10: the same id again
    "    title: '   '\n"  # line 11: blank
    "    due: '2027-02-30'\n"  # line 12: no such day
    "  - id: a3\n"
    "    title: Walk-in clinic\n"
    "    statements: [walk-in-clinic]\n"  # line 15: nothing like it in the model
    "    play: drop-in\n"  # line 16: nothing like it in the playbook
    "    colour: red\n"  # line 17: not a field
)


def test_every_problem_of_a_plan_is_reported_at_its_line_with_a_fix(
    model: Model, tmp_path: Path
) -> None:
    path = write(tmp_path, "plan.yml", BAD_PLAN)

    assert problems(path, model) == [
        "plan.yml:3: stage: “delivry” is not a stage of the life cycle — did you mean “delivery”?",
        "plan.yml:7: plan[1].statements[1]: “accessible-one-locaton” is not a statement of the "
        "model — did you mean “accessible-one-location”?",
        "plan.yml:8: plan[1].play: “map-the-client-journy” is not a play of the playbook — did "
        "you mean “map-the-client-journey”?",
        "plan.yml:9: plan[1].horizon: “soon” is not one of the values this field takes — use "
        "one of: now, next, later",
        "plan.yml:10: plan[2].id: the action id “a1” is already used on line 5 — give each "
        "action an id of its own (e.g. a2)",
        "plan.yml:11: plan[2].title is empty — say in a few words what will be done",
        "plan.yml:12: plan[2].due: “2027-02-30” is not a date — write a date that exists, as "
        "YYYY-MM-DD (e.g. 2027-03-31)",
        "plan.yml:15: plan[3].statements[1]: “walk-in-clinic” is not a statement of the model "
        "— use a statement id from content/attributes/, or remove it from the action",
        "plan.yml:16: plan[3].play: “drop-in” is not a play of the playbook — use a play id "
        "from playbook/plays/, or remove “play”",
        "plan.yml:17: “colour” is not a known field in plan[3] — remove it or correct its "
        "spelling (known fields: id, title, description, statements, play, owner, due, "
        "horizon, status)",
    ]


def test_a_stage_far_from_any_is_answered_with_the_stages(model: Model, tmp_path: Path) -> None:
    path = write(
        tmp_path, "stage.yml", "format: client-centric-assessment\nformat_version: 2\nstage: x\n"
    )

    assert problems(path, model) == [
        "stage.yml:3: stage: “x” is not a stage of the life cycle — use one of: design, "
        "implementation, delivery, phase-out"
    ]


def test_a_version_1_file_has_no_plan(model: Model, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "old.yml",
        "format: client-centric-assessment\nformat_version: 1\nstage: design\nplan: []\n",
    )

    assert problems(path, model) == [
        "old.yml:3: “stage” is a field of format version 2, but this file says "
        "“format_version: 1” — write “format_version: 2”, or remove the field",
        "old.yml:4: “plan” is a field of format version 2, but this file says "
        "“format_version: 1” — write “format_version: 2”, or remove the field",
    ]


def test_a_title_of_201_characters_is_too_long(model: Model, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "long.yml",
        "format: client-centric-assessment\nformat_version: 2\nplan:\n"
        f"  - id: a1\n    title: {'x' * 201}\n",
    )

    assert problems(path, model) == [
        "long.yml:5: plan[1].title is longer than 200 characters — keep the title to a few "
        "words, and put the rest in “description”"
    ]


def test_plan_problems_are_told_in_french(model: Model, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "plan.yml",
        "format: client-centric-assessment\nformat_version: 2\nplan:\n"
        "  - id: a1\n    title: Formulaires\n  - id: a1\n    title: Lettres\n",
    )
    i18n.set_language("fr")

    assert problems(path, model) == [
        "plan.yml:6: plan[2].id\u00a0: l’identifiant d’action «\u00a0a1\u00a0» est déjà "
        "utilisé à la ligne 4 — donnez à chaque action son propre identifiant (p. ex. a2)"
    ]

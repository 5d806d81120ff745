"""Assessment files, good and bad: every problem at its line, in plain words, in both languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import i18n
from generator.assessment.format import model_version
from generator.assessment.reading import read_assessment
from generator.errors import ContentError
from generator.model import Model

CHOICES = "not-yet, some, satisfied, impressed, not-applicable"


def problems(path: Path, model: Model) -> list[str]:
    with pytest.raises(ContentError) as caught:
        read_assessment(path, model, path.name)
    return [str(problem) for problem in caught.value.problems]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_exported_by_the_page_is_read(model: Model, tmp_path: Path) -> None:
    exported = {
        "format": "client-centric-assessment",
        "format_version": 1,
        "model_version": model_version(model),
        "service": "Notification service",
        "date": "2026-11-02",
        "language": "fr",
        "answers": {
            "simple-plain-language": {"today": "some", "target": "satisfied", "notes": "Lettres"},
            "accessible-one-location": {"today": "not-applicable"},
        },
    }
    path = write(tmp_path, "export.json", json.dumps(exported, indent=2))

    assessment = read_assessment(path, model)

    assert assessment.service == "Notification service"
    assert assessment.language == "fr"
    assert assessment.date is not None and assessment.date.isoformat() == "2026-11-02"
    answer = assessment.answers["simple-plain-language"]
    assert (answer.today, answer.target, answer.notes) == ("some", "satisfied", "Lettres")


def test_the_worked_example_is_a_valid_assessment_with_notes_in_both_languages(
    model: Model, example_file: Path
) -> None:
    example = read_assessment(example_file, model)

    assert example.service == {
        "en": "Death notification pilot",
        "fr": "Projet pilote sur les avis de décès",
    }
    assert example.model_version is None  # written by hand: checked statement by statement
    assert sorted(example.answers) == sorted(s.id for s in model.statements)
    for statement_id, answer in example.answers.items():
        assert isinstance(answer.notes, dict), statement_id
        assert sorted(answer.notes) == ["en", "fr"], statement_id
        assert all(text.strip() for text in answer.notes.values()), statement_id


def test_a_file_that_is_not_an_assessment_is_refused_at_its_format_line(
    model: Model, tmp_path: Path
) -> None:
    path = write(tmp_path, "other.yml", "title: Minutes\nformat: meeting-notes\n")

    assert problems(path, model) == [
        "other.yml:2: this file is not an assessment: it has no “format: "
        "client-centric-assessment” line — give a file exported from the assessment page, "
        "or start from content/examples/death-notification-assessment.yml"
    ]


def test_a_list_is_not_an_assessment_either(model: Model, tmp_path: Path) -> None:
    path = write(tmp_path, "list.json", "[1, 2]")

    assert problems(path, model)[0].startswith("list.json:1: this file is not an assessment")


def test_another_format_version_stops_before_any_other_check(model: Model, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "future.json",
        '{\n  "format": "client-centric-assessment",\n  "format_version": 3,\n'
        '  "answers": {"no-such-statement": {"today": "great"}}\n}\n',
    )

    assert problems(path, model) == [
        "future.json:3: the assessment format version 3 is not one this tool reads (it reads "
        "versions up to 2) — export the file again from this site’s assessment page, or "
        "rewrite it to follow schema/assessment.schema.json and set “format_version: 2”"
    ]


def test_a_file_from_a_model_version_the_changelog_does_not_know_is_refused(
    model: Model, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "old.yml",
        "format: client-centric-assessment\nformat_version: 1\nmodel_version: 0123456789ab\n",
    )

    assert problems(path, model) == [
        "old.yml:3: this assessment was made against a version of the model this site does not "
        "know (model_version 0123456789ab; the model here is version 2026.1, and "
        "content/changelog.yml lists every version it can read) — check the version written in "
        "the file; if the file comes from another copy of this site, fill in the assessment "
        "again on this site’s assessment page and export it, or check each answer against the "
        "current statements, then write “model_version: 2026.1”"
    ]


def test_every_problem_of_a_hand_written_file_is_reported_at_once(
    model: Model, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "workshop.yml",
        "format: client-centric-assessment\n"
        "format_version: 1\n"
        "answers:\n"
        "  simple-plain-langage:\n"  # line 4: a typo in the id
        "    today: some\n"
        "  simple-easy-to-use:\n"
        "    today: great\n"  # line 7: not on the scale
        "    target: 3\n"  # line 8: a number, not a rating
        "    colour: red\n"  # line 9: not a field
        "  simple-common-look: hello\n"  # line 10: not a block
        "  walk-in-clinic:\n"  # line 11: nothing like it in the model
        "    today: some\n",
    )

    assert problems(path, model) == [
        "workshop.yml:4: “simple-plain-langage” is not a statement of the model — did you mean "
        "“simple-plain-language”?",
        f"workshop.yml:7: answers.simple-easy-to-use.today: “great” is not a rating — use one "
        f"of: {CHOICES}",
        f"workshop.yml:8: answers.simple-easy-to-use.target: “3” is not a rating — use one of: "
        f"{CHOICES}",
        "workshop.yml:9: “colour” is not a known field in answers.simple-easy-to-use — remove it "
        "or correct its spelling (known fields: today, target, notes, distribution)",
        "workshop.yml:10: answers.simple-common-look: expected a block of fields, found “hello” "
        "— indent the fields under this key",
        "workshop.yml:11: “walk-in-clinic” is not a statement of the model — use a statement id "
        "from content/attributes/, or remove this answer",
    ]


def test_a_broken_json_export_is_reported_at_its_line(model: Model, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "cut.json",
        '{\n  "format": "client-centric-assessment",\n  "format_version": 1\n  "answers": {}\n}\n',
    )

    assert problems(path, model) == [
        "cut.json:4: the JSON cannot be read: Expecting ',' delimiter — check the commas, quotes "
        "and brackets on this line and the one above, or export the file again from the "
        "assessment page"
    ]


def test_problems_are_told_in_french(model: Model, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "atelier.yml",
        "format: client-centric-assessment\nformat_version: 1\nanswers:\n"
        "  simple-plain-language:\n    today: excellent\n",
    )
    i18n.set_language("fr")

    assert problems(path, model) == [
        "atelier.yml:5: answers.simple-plain-language.today\u00a0: "
        "«\u00a0excellent\u00a0» n’est pas une "
        f"évaluation possible — utilisez l’une de celles-ci\u00a0: {CHOICES}"
    ]

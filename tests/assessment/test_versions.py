"""Assessments made against an older version of the model, read through the changelog.

The minimal fixture's changelog has two versions: from 1 to 2, accessible-single-location
was renamed accessible-one-location and simple-forms-once was removed.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from generator import i18n
from generator.assessment.reading import read_assessment
from generator.cli import main
from generator.errors import ContentError
from generator.load import load
from generator.model import Model

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURE = REPO_ROOT / "tests" / "fixtures" / "minimal"
VERSION_1_HASH = "6c68f0eb37f1"
"""sha256 of version 1's statement ids, sorted, one a line (worked out with sha256sum)."""

OLD_ANSWERS = """answers:
  accessible-single-location: {today: some, target: satisfied, notes: Guichet unique}
  simple-forms-once: {today: not-yet}
  simple-plain-language: {today: satisfied}
"""


@pytest.fixture(scope="module")
def fixture_model() -> Model:
    return load(FIXTURE)


def write(tmp_path: Path, model_version: str, answers: str = OLD_ANSWERS) -> Path:
    path = tmp_path / "old.yml"
    path.write_text(
        "format: client-centric-assessment\nformat_version: 1\n"
        f"model_version: {model_version!r}\n{answers}",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("version", ["1", VERSION_1_HASH], ids=["by version", "by hash"])
def test_an_older_file_is_carried_to_the_current_statements_and_the_removed_one_named(
    fixture_model: Model, tmp_path: Path, version: str
) -> None:
    assessment = read_assessment(write(tmp_path, version), fixture_model)

    assert sorted(assessment.answers) == ["accessible-one-location", "simple-plain-language"]
    renamed = assessment.answers["accessible-one-location"]
    assert (renamed.today, renamed.target, renamed.notes) == ("some", "satisfied", "Guichet unique")
    assert assessment.answers["simple-plain-language"].today == "satisfied"
    assert assessment.unmapped == ("simple-forms-once",)
    assert assessment.carried_from == "1"
    assert assessment.model_version == "2"


def test_a_file_of_the_current_version_is_read_as_it_is(
    fixture_model: Model, tmp_path: Path
) -> None:
    path = write(tmp_path, "2", "answers:\n  accessible-one-location: {today: some}\n")

    assessment = read_assessment(path, fixture_model)

    assert list(assessment.answers) == ["accessible-one-location"]
    assert (assessment.carried_from, assessment.unmapped) == (None, ())


def test_an_older_file_is_checked_against_its_own_version_s_statements(
    fixture_model: Model, tmp_path: Path
) -> None:
    path = write(tmp_path, "1", "answers:\n  accessible-one-location: {today: some}\n")

    with pytest.raises(ContentError) as caught:
        read_assessment(path, fixture_model, "old.yml")

    assert [str(problem) for problem in caught.value.problems] == [
        "old.yml:5: “accessible-one-location” is not a statement of the model — did you mean "
        "“accessible-single-location”?"
    ]


def test_a_version_the_changelog_does_not_know_is_refused_in_french(
    fixture_model: Model, tmp_path: Path
) -> None:
    i18n.set_language("fr")
    with pytest.raises(ContentError) as caught:
        read_assessment(write(tmp_path, "7"), fixture_model, "old.yml")

    assert [str(problem) for problem in caught.value.problems] == [
        "old.yml:3: cette évaluation a été faite selon une version du modèle que ce site ne "
        "connaît pas (model_version 7; le modèle ici est à la version 2, et "
        "content/changelog.yml énumère toutes les versions qu’il peut lire) — vérifiez la "
        "version indiquée dans le fichier; s’il provient d’une autre copie de ce site, "
        "remplissez de nouveau l’évaluation sur la page d’autoévaluation de ce site et "
        "exportez-la, ou vérifiez chaque réponse par rapport aux énoncés actuels, puis indiquez "
        "«\u00a0model_version: 2\u00a0»"
    ]


@pytest.mark.parametrize(
    ("language", "carried", "unmapped"),
    [
        (
            "en",
            "This assessment was made against version 1 of the model. Its answers were carried "
            "over to the statements of version 2",
            "These answers could not be carried over",
        ),
        (
            "fr",
            "Cette évaluation a été faite selon la version 1 du modèle. Ses réponses ont été "
            "reportées sur les énoncés de la version 2",
            "Ces réponses n’ont pas pu être reportées",
        ),
    ],
)
def test_the_report_of_an_older_file_names_the_answers_it_could_not_carry_over(
    tmp_path: Path, language: str, carried: str, unmapped: str
) -> None:
    root = tmp_path / "project"  # the fixture, with the real templates and words of the report
    shutil.copytree(FIXTURE, root)
    shutil.copytree(REPO_ROOT / "site_templates", root / "site_templates", dirs_exist_ok=True)
    out = tmp_path / "report.html"
    arguments = ["report", str(write(tmp_path, "1")), "--root", str(root), "--lang", language]

    status = main([*arguments, "--out", str(out), "--quiet"])

    assert status == 0
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", out.read_text("utf-8"))).split())
    text = text.replace("\u00a0", " ")
    assert carried in text
    assert re.search(re.escape(unmapped) + r"[^:]* ?: simple-forms-once ", text), text

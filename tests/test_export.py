"""`playbook export`: the whole model in one language, as JSON or CSV open data."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.errors import ContentError
from generator.export import CSV_COLUMNS
from generator.load import load

REPO_ROOT = Path(__file__).resolve().parents[1]
# Problems that only mean the plays are not all written yet.
COVERAGE_CODES = {"uncovered_statement", "uncovered_stage"}


@pytest.fixture(scope="module")
def real_root() -> Path:
    """The repository's own content, once it loads (plays may still be on their way)."""
    try:
        load(REPO_ROOT)
    except ContentError as error:
        others = [p for p in error.problems if p.message.code not in COVERAGE_CODES]
        assert not others, "\n".join(map(str, others))
        pytest.skip("some statements or stages have no play yet, so the content cannot load")
    return REPO_ROOT


def export(root: Path, capsys: pytest.CaptureFixture[str], *options: str) -> str:
    status = main(["export", "--root", str(root), *options])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert err == ""
    return out


def export_json(root: Path, capsys: pytest.CaptureFixture[str], language: str) -> Any:
    return json.loads(export(root, capsys, "--lang", language, "--format", "json"))


def export_csv(
    root: Path, capsys: pytest.CaptureFixture[str], language: str
) -> list[dict[str, str]]:
    text = export(root, capsys, "--lang", language, "--format", "csv")
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    return list(csv.DictReader(io.StringIO(text)))


# --- the real model -------------------------------------------------------------------------


def test_json_export_holds_the_whole_model(
    real_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = export_json(real_root, capsys, "en")

    assert data["language"] == "en"
    assert data["vision"] == "The citizen is at the centre of everything"
    assert [attribute["id"] for attribute in data["attributes"]] == [
        "accessible",
        "consistent",
        "efficient",
        "responsive",
        "integrity",
        "secure",
        "simple",
    ]
    assert all({"id", "name", "statements"} <= set(a) for a in data["attributes"])
    statements = [s for attribute in data["attributes"] for s in attribute["statements"]]
    assert len(statements) == 46
    assert all({"id", "text", "level"} <= set(statement) for statement in statements)
    assert {statement["level"] for statement in statements} == {"some", "satisfied", "impressed"}
    assert len(data["results"]) == 5
    assert [level["id"] for level in data["levels"]] == ["some", "satisfied", "impressed"]
    assert [stage["id"] for stage in data["stages"]] == [
        "design",
        "implementation",
        "delivery",
        "phase-out",
    ]


def test_french_json_export_is_in_french(
    real_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = export_json(real_root, capsys, "fr")

    assert data["language"] == "fr"
    assert data["vision"] == "Le citoyen est au cœur de tout ce que nous faisons."
    assert data["attributes"][0]["name"] == "Convivialité et accessibilité"
    assert data["stages"][0]["name"] == "Conception"
    first = data["attributes"][0]["statements"][0]
    assert first["text"].startswith("Les services que je reçois en personne")


def test_csv_export_has_a_header_and_one_row_per_statement(
    real_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = export_csv(real_root, capsys, "en")

    assert len(rows) == 46
    assert rows[0]["attribute_id"] == "accessible"
    assert rows[0]["statement_id"] == "accessible-one-location"
    assert rows[-1]["statement_id"] == "simple-personalized"


def test_french_csv_export_is_in_french(
    real_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = export_csv(real_root, capsys, "fr")

    assert len(rows) == 46
    assert rows[0]["attribute"] == "Convivialité et accessibilité"
    assert rows[0]["statement"].startswith("Les services que je reçois en personne")


# --- the fixture tree (always present, whatever the state of the real plays) ------------------


def test_fixture_export_as_json(content_tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = export_json(content_tree, capsys, "fr")

    assert [attribute["name"] for attribute in data["attributes"]] == [
        "Convivialité et accessibilité",
        "Simplicité",
    ]
    assert data["attributes"][1]["statements"][0] == {
        "id": "simple-plain-language",
        "text": "Mes services sont offerts en langage clair.",
        "level": "satisfied",
        "results": ["expectations-considered"],
    }
    assert [play["id"] for play in data["plays"]] == ["plain-language", "one-place"]


def test_fixture_export_as_csv(content_tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = export_csv(content_tree, capsys, "en")

    assert [row["statement_id"] for row in rows] == [
        "accessible-one-location",
        "accessible-choice-of-channel",
        "simple-plain-language",
        "simple-personalized",
    ]
    assert rows[1]["level"] == "I am satisfied"
    assert rows[1]["results"] == "expectations-considered seamless-access"


def test_export_defaults_to_english_json(
    content_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(export(content_tree, capsys))

    assert data["language"] == "en"


def test_an_unknown_language_is_refused_with_exit_status_2(
    content_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["export", "--root", str(content_tree), "--lang", "es"])

    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    assert err == "playbook: “es” is not one of the site’s languages (en, fr)\n"


def test_an_unknown_format_is_refused_by_the_command_line(
    content_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["export", "--root", str(content_tree), "--format", "xml"])

    assert exited.value.code == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err


def test_export_of_broken_content_reports_the_problems(
    content_tree: Path, edit, capsys: pytest.CaptureFixture[str]
) -> None:
    edit.delete("content/pages.yml")

    status = main(["export", "--root", str(content_tree)])

    out, err = capsys.readouterr()
    assert status == 1
    assert out == ""
    assert err.startswith("content/pages.yml:1: this file is missing")

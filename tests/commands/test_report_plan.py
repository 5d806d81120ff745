"""`playbook report` and the action plan: in the report (HTML, JSON), as CSV for a tracker, and
in the comparison, each done action against the statements it should move.

The fixtures (tests/fixtures/plan/) hold a follow-up whose plan has titles that try to be
formulas and markup; every expected value below is read off them by hand."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.quality import VNU_JAR, validate_html

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "plan"
BASELINE, FOLLOW_UP = FIXTURES / "baseline.yml", FIXTURES / "follow-up.yml"
HOSTILE = '=HYPERLINK("http://example.com/x","<script>alert(1)</script>")'


def report(repo_root: Path, *arguments: str | Path) -> int:
    return main(["report", *(str(argument) for argument in arguments), "--root", str(repo_root)])


def test_the_plan_as_csv_has_one_row_per_action_and_no_formula(
    repo_root: Path, tmp_path: Path
) -> None:
    out = tmp_path / "plan.csv"

    assert report(repo_root, FOLLOW_UP, "--out", out) == 0

    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.endswith(b"\r\n")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows == [
        ["Title", "Description", "Owner", "Due date", "Labels"],
        [
            "Publish every form on one page",
            "Ask the provinces for their forms first.",
            "Program lead",
            "2026-06-30",
            "horizon:now status:done ACC-1 ACC-2 CON-3 play:resolve-at-first-contact",
        ],
        ["Rewrite the letters", "", "", "", "horizon:next status:in-progress SIM-1"],
        ["'" + HOSTILE, "'@SUM(1+1)", "'-1", "", "horizon:now status:done SIM-1"],
        ["'+ Tell clients what changed", "", "", "", "horizon:later status:done"],
    ]
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]


def test_the_csv_follows_the_report_s_language(repo_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.csv"

    assert report(repo_root, FOLLOW_UP, "--lang", "fr", "--out", out) == 0

    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0] == ["Titre", "Description", "Responsable", "Échéance", "Étiquettes"]
    assert rows[1][2] == "Responsable du programme"


def test_a_csv_is_one_assessment_s_plan(
    repo_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.csv"

    assert report(repo_root, FOLLOW_UP, "--baseline", BASELINE, "--out", out) == 2
    assert "a .csv is one assessment’s action plan" in capsys.readouterr().err
    assert not out.exists()


def test_the_json_report_carries_the_stage_and_the_plan(repo_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"

    assert report(repo_root, FOLLOW_UP, "--out", out) == 0

    found = json.loads(out.read_text(encoding="utf-8"))
    assert found["stage"] == "delivery"
    assert [action["id"] for action in found["plan"]] == [
        "one-place",
        "letters",
        "hostile",
        "tell-clients",
    ]
    assert found["plan"][3] == {
        "id": "tell-clients",
        "title": "+ Tell clients what changed",
        "statements": [],
        "horizon": "later",
        "status": "done",
    }


def test_the_html_report_shows_the_plan_as_text(repo_root: Path, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for language in ("en", "fr"):
        out = folder / f"{language}.html"
        assert report(repo_root, FOLLOW_UP, "--lang", language, "--out", out) == 0

    english = (folder / "en.html").read_text(encoding="utf-8")
    assert "Stage of the life cycle the initiative is in: Delivery." in english
    assert english.count('<tr data-action="') == 4
    assert "<script>alert(1)</script>" not in english
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in english
    french = (folder / "fr.html").read_text(encoding="utf-8")
    assert "Responsable du programme" in french and "Exécution" in french
    assert [str(problem) for problem in validate_html(folder, repo_root / VNU_JAR)] == []


def test_the_comparison_sets_each_done_action_against_what_moved(
    repo_root: Path, tmp_path: Path
) -> None:
    out = tmp_path / "comparison.json"

    assert report(repo_root, FOLLOW_UP, "--baseline", BASELINE, "--out", out) == 0

    # one-place: ACC-1 not yet (0) to satisfied (2), up; ACC-2 satisfied both times; CON-3 some
    # (1) to not yet (0), down. hostile: SIM-1 not applicable in the follow-up, not rated.
    # letters is in progress: left out. tell-clients names no statement.
    assert json.loads(out.read_text(encoding="utf-8"))["plan_progress"] == [
        {
            "id": "one-place",
            "title": "Publish every form on one page",
            "statements": [
                {"id": "accessible-one-location", "moved": "up"},
                {"id": "accessible-choice-of-channel", "moved": "unchanged"},
                {"id": "consistent-information", "moved": "down"},
            ],
        },
        {
            "id": "hostile",
            "title": HOSTILE,
            "statements": [{"id": "simple-plain-language", "moved": "not-rated"}],
        },
        {"id": "tell-clients", "title": "+ Tell clients what changed", "statements": []},
    ]


def test_the_comparison_report_shows_the_done_actions(repo_root: Path, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    out = folder / "comparison.html"

    assert report(repo_root, FOLLOW_UP, "--baseline", BASELINE, "--out", out) == 0

    html = out.read_text(encoding="utf-8")
    assert "Done actions against what moved" in html
    assert html.count('data-moved="up"') == 1 and html.count('data-moved="down"') == 1
    assert html.count('data-moved="unchanged"') == 1 and html.count('data-moved="not-rated"') == 1
    assert 'data-action="letters"' not in html  # in progress, not done
    assert "<script>alert(1)</script>" not in html
    assert [str(problem) for problem in validate_html(folder, repo_root / VNU_JAR)] == []

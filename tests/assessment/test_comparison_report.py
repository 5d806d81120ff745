"""`playbook report FOLLOW-UP --baseline BASELINE` as JSON, HTML and PDF, worked out by hand."""

from __future__ import annotations

import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.cli import main
from generator.quality import VNU_JAR, validate_html

BASELINE = """format: client-centric-assessment
format_version: 1
service: Avis de décès <pilote>
date: "2026-01-15"
answers:
  simple-plain-language: {today: some, target: satisfied}
  simple-easy-to-use: {today: satisfied, target: satisfied}
  accessible-one-location: {today: not-yet, target: some}
  secure-single-login: {today: not-applicable}
"""
FOLLOW_UP = """format: client-centric-assessment
format_version: 1
service: Avis de décès <pilote>
date: "2027-01-15"
language: fr
answers:
  simple-plain-language: {today: satisfied, target: impressed}
  simple-easy-to-use: {today: some, target: satisfied}
  accessible-one-location: {today: some, target: some}
  secure-single-login: {today: some, target: satisfied}
"""
UNANSWERED = {"before": None, "after": None, "change": None, "target_met": None}


class Tables(HTMLParser):
    """The text of each cell of the tables with a data-scores or data-statements attribute, by
    (table, row id, column number)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: dict[tuple[str, str, int], str] = {}
        self.lang = ""
        self._table = self._row = ""
        self._column = -1
        self._in_cell = False

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        attrs = {name: value or "" for name, value in attributes}
        if tag == "html":
            self.lang = attrs["lang"]
        if tag == "table":
            self._table = attrs.get("data-scores") or attrs.get("data-statements", "")
        if tag == "tr":
            self._row, self._column = attrs.get("data-id", ""), -1
        if tag in ("th", "td") and self._table and self._row:
            self._column += 1
            self._in_cell = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td"):
            self._in_cell = False
        if tag == "table":
            self._table = ""

    def handle_data(self, data: str) -> None:
        if self._in_cell:
            key = (self._table, self._row, self._column)
            self.cells[key] = self.cells.get(key, "") + data


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    baseline, follow_up = tmp_path / "baseline.yml", tmp_path / "follow-up.yml"
    baseline.write_text(BASELINE, encoding="utf-8")
    follow_up.write_text(FOLLOW_UP, encoding="utf-8")
    return baseline, follow_up


def report(repo_root: Path, files: tuple[Path, Path], out: Path, *options: str) -> int:
    baseline, follow_up = files
    arguments = [str(follow_up), "--baseline", str(baseline), "--out", str(out), *options]
    return main(["report", *arguments, "--root", str(repo_root)])


def test_the_json_compares_each_statement_and_each_group(
    repo_root: Path, files: tuple[Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "comparison.json"

    assert report(repo_root, files, out) == 0

    found = json.loads(out.read_text(encoding="utf-8"))
    statements = found["statements"]
    assert statements["simple-plain-language"] == {
        "before": 1,
        "after": 2,
        "change": 1,
        "target_met": True,
    }
    assert statements["simple-easy-to-use"] == {
        "before": 2,
        "after": 1,
        "change": -1,
        "target_met": False,
    }
    assert statements["accessible-one-location"] == {
        "before": 0,
        "after": 1,
        "change": 1,
        "target_met": True,
    }
    assert statements["secure-single-login"] == {
        "before": None,
        "after": 1,
        "change": None,
        "target_met": None,
    }
    assert statements["simple-personalized"] == UNANSWERED
    assert len(statements) == 46
    assert found["improved"] == ["accessible-one-location", "simple-plain-language"]
    assert found["declined"] == ["simple-easy-to-use"]
    assert found["targets_met"] == ["accessible-one-location", "simple-plain-language"]
    assert found["gaps_opened"] == ["secure-single-login", "simple-easy-to-use"]
    assert found["gaps_closed"] == ["accessible-one-location"]
    assert found["attributes"]["simple"] == {"before": 1.5, "after": 1.5}
    assert found["attributes"]["accessible"] == {"before": 0.0, "after": 1.0}
    assert found["attributes"]["secure"] == {"before": None, "after": 1.0}
    assert found["attributes"]["efficient"] == {"before": None, "after": None}
    assert found["overall"] == {"before": 1.0, "after": 1.25}
    assert found["model_version"] == "2026.1"
    assert found["unmapped"] == {"baseline": [], "follow_up": []}


@pytest.mark.parametrize(
    ("language", "locale", "shown"),
    [
        ("en", "en-CA", {"accessible": ("0.0", "1.0", "+1.0"), "overall": ("1.0", "1.3", "+0.3")}),
        ("fr", "fr-CA", {"accessible": ("0,0", "1,0", "+1,0"), "overall": ("1,0", "1,3", "+0,3")}),
    ],
)
def test_the_html_report_shows_both_scores_and_the_change(
    repo_root: Path,
    files: tuple[Path, Path],
    tmp_path: Path,
    language: str,
    locale: str,
    shown: dict[str, tuple[str, str, str]],
) -> None:
    out = tmp_path / "comparison.html"

    assert report(repo_root, files, out, "--lang", language) == 0

    page = Tables()
    page.feed(out.read_text(encoding="utf-8"))
    assert page.lang == locale
    for row, (before, after, change) in shown.items():
        cells = [page.cells[("attribute", row, column)] for column in (1, 2, 3)]
        assert cells == [before, after, change], row
    assert [page.cells[("attribute", "secure", column)] for column in (1, 2, 3)] == [
        "—",
        "1.0" if language == "en" else "1,0",
        "—",
    ]
    assert page.cells[("simple", "simple-easy-to-use", 3)] == "\u22121"
    assert page.cells[("simple", "simple-plain-language", 3)] == "+1"
    html = out.read_text(encoding="utf-8")
    assert "&lt;pilote&gt;" in html and "<pilote>" not in html


def test_the_report_names_what_moved_in_french(
    repo_root: Path, files: tuple[Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "comparaison.html"

    assert report(repo_root, files, out) == 0  # the follow-up is in French

    text = " ".join(out.read_text(encoding="utf-8").split())
    assert "Avis de décès &lt;pilote&gt; : point de départ et suivi" in text.replace("\u00a0", " ")
    for heading in (
        "En hausse (2)",
        "En baisse (1)",
        "Cibles atteintes (2)",
        "Nouveaux écarts (2)",
        "Écarts comblés (1)",
    ):
        assert heading in text, heading


def test_the_comparison_prints_as_a_tagged_pdf(
    repo_root: Path, files: tuple[Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "comparison.pdf"

    assert report(repo_root, files, out, "--lang", "en", "--quiet") == 0

    reader = PdfReader(io.BytesIO(out.read_bytes()))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "baseline and follow-up" in text
    assert "Moved up (2)" in text
    assert "/StructTreeRoot" in reader.trailer["/Root"]


def test_several_follow_ups_and_a_missing_baseline_are_usage_errors(
    repo_root: Path, files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    baseline, follow_up = files
    out = tmp_path / "comparison.json"
    options = ["--out", str(out), "--root", str(repo_root)]

    twice = [str(follow_up), str(follow_up), "--baseline", str(baseline)]
    assert main(["report", *twice, *options]) == 2
    assert "--baseline compares one follow-up assessment" in capsys.readouterr().err
    missing = tmp_path / "missing.yml"
    assert main(["report", str(follow_up), "--baseline", str(missing), *options]) == 2
    assert f"{missing} cannot be read: no such file" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.gates
def test_the_comparison_report_is_valid_html(
    repo_root: Path, files: tuple[Path, Path], tmp_path: Path
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for language in ("en", "fr"):
        assert report(repo_root, files, folder / f"{language}.html", "--lang", language) == 0

    assert [str(problem) for problem in validate_html(folder, repo_root / VNU_JAR)] == []

"""`playbook report FILE --lang en|fr --out report.html|report.pdf`, end to end."""

from __future__ import annotations

import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.assessment.format import model_version
from generator.cli import main
from generator.model import Model
from generator.quality import VNU_JAR, validate_html


class ReportPage(HTMLParser):
    """The numbers of a report's score tables, its language, and every address it refers to."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.scores: dict[tuple[str, str, str], str] = {}
        self.addresses: list[str] = []
        self.text: list[str] = []
        self._table = ""
        self._row = ""
        self._cell = ""

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        attrs = {name: value or "" for name, value in attributes}
        if tag == "html":
            self.lang = attrs.get("lang", "")
        if tag == "table" and "data-scores" in attrs:
            self._table = attrs["data-scores"]
        if tag == "tr":
            self._row = attrs.get("data-id", "")
        if tag == "td" and "data-score" in attrs and self._table:
            self._cell = attrs["data-score"]
        self.addresses += [attrs[name] for name in ("href", "src") if name in attrs]

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._table = ""
        if tag == "td":
            self._cell = ""

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell:
            key = (self._table, self._row, self._cell)
            self.scores[key] = self.scores.get(key, "") + data


def parse(path: Path) -> ReportPage:
    page = ReportPage()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def report(repo_root: Path, *arguments: str) -> int:
    return main(["report", *arguments, "--root", str(repo_root)])


@pytest.fixture
def export(model: Model, tmp_path: Path) -> Path:
    """A file as the assessment page exports it, with notes written in French."""
    data = {
        "format": "client-centric-assessment",
        "format_version": 1,
        "model_version": model_version(model),
        "service": "Avis de décès <pilote>",
        "date": "2026-11-02",
        "language": "fr",
        "answers": {
            "simple-plain-language": {"today": "some", "target": "impressed", "notes": "Lettres"},
            "simple-easy-to-use": {"today": "satisfied", "target": "satisfied"},
            "accessible-one-location": {"today": "not-yet", "target": "some"},
            "secure-single-login": {"today": "not-applicable"},
        },
    }
    path = tmp_path / "evaluation-2026-11-02.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_an_export_becomes_a_standalone_html_report_in_english(
    model: Model,
    repo_root: Path,
    export: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "report.html"

    assert report(repo_root, str(export), "--lang", "en", "--out", str(out)) == 0

    assert capsys.readouterr().out == f"Report written to {out}.\n"
    page = parse(out)
    assert page.lang == "en-CA"
    assert page.scores[("attribute", "simple", "today")] == "1.5"
    assert page.scores[("attribute", "simple", "target")] == "2.5"
    assert page.scores[("attribute", "simple", "gap")] == "1.0"
    assert page.scores[("attribute", "accessible", "today")] == "0.0"
    assert page.scores[("attribute", "secure", "today")] == "—"
    assert page.scores[("attribute", "overall", "today")] == "1.0"
    assert page.scores[("result", "simple-across-governments", "today")] == "1.5"
    text = " ".join("".join(page.text).split())
    assert "Avis de décès <pilote>: client-centric maturity assessment" in text
    titles = {play.id: " ".join(play.title["en"].split()) for play in model.plays}
    # Lowest rated first: "not yet" in one location, then "some" for plain language.
    first = text.index(titles["resolve-at-first-contact"])
    assert first < text.index(titles["write-plainly-look-alike"])
    # Standalone: nothing to fetch, not even from the site.
    assert [a for a in page.addresses if not a.startswith("#")] == []
    html = out.read_text(encoding="utf-8")
    assert "&lt;pilote&gt;" in html and "<pilote>" not in html
    assert 'lang="fr-CA"' in html  # the notes and the service keep their own language


def test_each_answer_shows_its_statement_s_code(
    repo_root: Path, export: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.html"

    assert report(repo_root, str(export), "--lang", "en", "--out", str(out)) == 0

    text = " ".join("".join(parse(out).text).split())
    assert "SIM-1 My services are delivered in easy to understand, plain language." in text
    assert "ACC-1 My in-person services are conveniently located" in text


def test_the_same_report_in_french_uses_its_decimal_comma(
    repo_root: Path, export: Path, tmp_path: Path
) -> None:
    out = tmp_path / "rapport.html"

    assert report(repo_root, str(export), "--lang", "fr", "--out", str(out)) == 0

    page = parse(out)
    assert page.lang == "fr-CA"
    assert page.scores[("attribute", "simple", "today")] == "1,5"
    assert page.scores[("attribute", "overall", "target")] == "2,0"
    text = " ".join("".join(page.text).split())
    assert "évaluation de la maturité axée sur le client" in text


def test_without_options_the_report_is_in_the_file_s_language_beside_it(
    repo_root: Path, export: Path
) -> None:
    assert report(repo_root, str(export)) == 0

    written = export.with_suffix(".html")
    assert parse(written).lang == "fr-CA"


def test_the_worked_example_prints_as_a_tagged_pdf_and_says_where_it_is(
    repo_root: Path,
    example_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PLAYBOOK_LANG", "fr")
    out = tmp_path / "rapport.pdf"

    assert report(repo_root, str(example_file), "--lang", "fr", "--out", "rapport.pdf") == 0

    # Printing takes a while: it says so first, then where the file is, wherever it was run.
    said = capsys.readouterr()
    assert (said.err, said.out) == (
        "Impression du rapport en PDF…\n",
        f"Rapport écrit dans {out}.\n",
    )
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Projet pilote sur les avis de décès" in text
    assert "Note globale actuelle 0,7" in text
    assert "/StructTreeRoot" in reader.trailer["/Root"]


def test_a_bad_file_is_refused_with_its_line_and_nothing_written(
    repo_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "workshop.yml"
    source.write_text(
        "format: client-centric-assessment\nformat_version: 1\nanswers:\n"
        "  simple-plain-language:\n    today: excellent\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.html"

    assert report(repo_root, str(source), "--out", str(out)) == 1

    errors = capsys.readouterr().err
    assert re.search(rf"^{re.escape(str(source))}:5: .*“excellent” is not a rating", errors, re.M)
    assert not out.exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--out", "report.docx"],
            "report.docx: a report is written as .html, .pdf, .json or .csv",
        ),
        (["--lang", "de"], "de"),
    ],
)
def test_wrong_options_are_usage_errors(
    repo_root: Path,
    export: Path,
    arguments: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert report(repo_root, str(export), *arguments) == 2

    assert message in capsys.readouterr().err


def test_a_missing_file_is_a_usage_error(
    repo_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.json"

    assert report(repo_root, str(missing)) == 2

    assert f"{missing} cannot be read: no such file" in capsys.readouterr().err


@pytest.mark.gates
def test_the_html_report_is_valid_html(repo_root: Path, example_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for language in ("en", "fr"):
        out = folder / f"{language}.html"
        assert report(repo_root, str(example_file), "--lang", language, "--out", str(out)) == 0

    assert [str(problem) for problem in validate_html(folder, repo_root / VNU_JAR)] == []

"""`playbook report F1 F2 …`: a workshop's files as the team report, in JSON, HTML and PDF.

The worked example workshop (content/examples/death-notification-workshop-*.yml) was
written so that its counts can be worked out by hand: the three partners agree on every
statement but these (today's ratings; points: not yet 0, some 1, satisfied 2, impressed 3):

    SEC-2  federal impressed, provincial some, municipal not yet      spread 3, 3 answers
    ACC-4  federal satisfied, provincial some, municipal not yet      spread 2, 3 answers
    EFF-5  federal some, provincial satisfied, municipal not yet      spread 2, 3 answers
    INT-3  federal not yet, provincial some, municipal not applicable spread 1, 3 answers
    ACC-1  some, some, satisfied (municipal)                          spread 1, 2 answers
    ACC-2  satisfied, impressed (provincial), satisfied               spread 1, 2 answers
    CON-4  some, no answer (provincial), satisfied                    spread 1, 2 answers
    RES-4  satisfied, satisfied, some (municipal)                     spread 1, 2 answers
    SIM-1  satisfied (federal), some, some                            spread 1, 2 answers
    EFF-3  not applicable, not applicable, some (municipal)           spread 0, flagged

Most disputed: largest spread, then most answers, then the model's order (accessible,
consistent, efficient, responsive, integrity, secure, simple).
"""

from __future__ import annotations

import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.cli import main
from generator.quality import VNU_JAR, validate_html

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = REPO_ROOT / "content" / "examples"
PARTICIPANTS = [
    EXAMPLES / f"death-notification-workshop-{name}.yml"
    for name in ("federal", "provincial", "municipal")
]
CONSENSUS = EXAMPLES / "death-notification-workshop-consensus.yml"
TALLY = EXAMPLES / "tallies" / "death-notification-service-centre-tally.yml"

MOST_DISPUTED = [
    "secure-consent-to-share",
    "accessible-bundled-services",
    "efficient-tell-us-once",
    "integrity-no-one-missed",
    "accessible-one-location",
    "accessible-choice-of-channel",
    "consistent-changes-reflected",
    "responsive-test-before-launch",
    "simple-plain-language",
]


def counts(**given: int) -> dict[str, int]:
    keys = ("not-yet", "some", "satisfied", "impressed", "not-applicable", "unanswered")
    return {key: given.get(key.replace("-", "_"), 0) for key in keys}


def report(*arguments: str | Path) -> int:
    return main(["report", *map(str, arguments), "--root", str(REPO_ROOT)])


class TeamPage(HTMLParser):
    """The statements' codes in the order the report lists them, their flags and the scores."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.order: list[str] = []
        self.flagged: list[str] = []
        self.scores: dict[tuple[str, str], str] = {}
        self.text: list[str] = []
        self._row = ""
        self._cell = ""
        self._consensus = False
        self._distribution = False
        self._code = False

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        attrs = {name: value or "" for name, value in attributes}
        if tag == "html":
            self.lang = attrs.get("lang", "")
        if tag == "tbody" and self._distribution:
            self._code = True  # the statement's code is the first bold text of its group
        if tag == "table":
            self._distribution = "distribution-table" in attrs.get("class", "")
        if tag == "span" and attrs.get("class") == "flag":
            self.flagged.append(self.order[-1])
        if tag == "table":
            self._consensus = attrs.get("data-scores") == "consensus"
        if tag == "tr":
            self._row = attrs.get("data-id", "")
        if tag == "td" and self._consensus and "data-score" in attrs:
            self._cell = attrs["data-score"]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "table"):
            self._cell = ""

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._code and self.lasttag == "b":
            self.order.append(data)
            self._code = False
        if self._cell:
            self.scores[(self._row, self._cell)] = data.strip()


def parse(path: Path) -> TeamPage:
    page = TeamPage()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_the_example_workshop_s_json_has_the_counts_and_order_worked_out_by_hand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "team.json"

    assert report(*PARTICIPANTS, "--out", out) == 0

    assert capsys.readouterr().out == f"Report written to {out}.\n"
    found = json.loads(out.read_text(encoding="utf-8"))
    assert found["participants"] == 3
    assert found["most_disputed"] == MOST_DISPUTED
    statements = found["statements"]
    assert len(statements) == 46
    assert statements["secure-consent-to-share"] == {
        "today": counts(not_yet=1, some=1, impressed=1),
        "target": counts(satisfied=2, impressed=1),
        "spread": 3,
        "distinct": 3,
        "mixed_not_applicable": False,
    }
    assert statements["integrity-no-one-missed"]["today"] == counts(
        not_yet=1, some=1, not_applicable=1
    )
    assert statements["integrity-no-one-missed"]["mixed_not_applicable"] is True
    assert statements["consistent-changes-reflected"]["today"] == counts(
        some=1, satisfied=1, unanswered=1
    )
    assert statements["consistent-changes-reflected"]["target"] == counts(satisfied=2, unanswered=1)
    timely = statements["efficient-timely-affordable"]
    assert timely["today"] == counts(some=1, not_applicable=2)
    assert (timely["spread"], timely["distinct"], timely["mixed_not_applicable"]) == (0, 2, True)
    assert statements["secure-single-login"]["today"] == counts(not_yet=3)
    assert statements["secure-single-login"]["spread"] == 0


def test_the_team_report_lists_disputes_first_flags_mixed_answers_and_scores_the_consensus(
    tmp_path: Path,
) -> None:
    out = tmp_path / "team.html"

    assert report(*PARTICIPANTS, CONSENSUS, "--lang", "en", "--out", out) == 0

    page = parse(out)
    assert page.lang == "en-CA"
    codes = ["SEC-2", "ACC-4", "EFF-5", "INT-3", "ACC-1", "ACC-2", "CON-4", "RES-4", "SIM-1"]
    assert page.order[:9] == codes  # MOST_DISPUTED, by code
    assert page.order[9:12] == ["ACC-3", "ACC-5", "ACC-6"]  # then the others, in model order
    assert len(page.order) == 46
    assert page.flagged == ["INT-3", "EFF-3"]
    # The consensus, scored as one assessment (those of death-notification-assessment.yml):
    # accessible 7 points over 10 statements, consistent 5/7, efficient 6/6 (one not
    # applicable), responsive 5/7, integrity 2/4, secure 4/5, simple 3/6; overall 32/45.
    assert {
        row: page.scores[(row, "today")]
        for row in (
            "accessible",
            "consistent",
            "efficient",
            "responsive",
            "integrity",
            "secure",
            "simple",
            "overall",
        )
    } == {
        "accessible": "0.7",
        "consistent": "0.7",
        "efficient": "1.0",
        "responsive": "0.7",
        "integrity": "0.5",
        "secure": "0.8",
        "simple": "0.5",
        "overall": "0.7",
    }
    text = " ".join("".join(page.text).split())
    assert "Death notification pilot: team workshop report" in text
    assert "Federal program lead—Federal benefits program" in text  # English sets dashes closed
    assert "Consensus rationale: Consent works online but not by phone" in text
    html = out.read_text(encoding="utf-8")
    # The provincial participant's label keeps its own language.
    assert '<li lang="fr-CA">Responsable provinciale, état civil' in html


def test_in_french_the_report_uses_the_decimal_comma_and_french_words(tmp_path: Path) -> None:
    out = tmp_path / "equipe.html"

    assert report(*PARTICIPANTS, CONSENSUS, "--lang", "fr", "--out", out) == 0

    page = parse(out)
    assert page.lang == "fr-CA"
    assert page.scores[("efficient", "today")] == "1,0"
    assert page.scores[("overall", "today")] == "0,7"
    text = " ".join("".join(page.text).split())
    assert "Projet pilote sur les avis de décès : rapport de l’atelier d’équipe" in text
    assert "Certains l’ont jugé sans objet, d’autres l’ont évalué." in text


def test_a_consensus_alone_with_its_distribution_counts_as_the_workshop_did(
    tmp_path: Path,
) -> None:
    together, alone = tmp_path / "together.json", tmp_path / "alone.json"

    assert report(*PARTICIPANTS, CONSENSUS, "--out", together) == 0
    assert report(CONSENSUS, "--out", alone) == 0

    found = json.loads(alone.read_text(encoding="utf-8"))
    assert found == json.loads(together.read_text(encoding="utf-8"))
    assert found["most_disputed"] == MOST_DISPUTED


def test_a_tally_counts_beside_participants_files(tmp_path: Path) -> None:
    out = tmp_path / "team.json"

    assert report(*PARTICIPANTS, TALLY, "--out", out) == 0

    found = json.loads(out.read_text(encoding="utf-8"))
    assert found["participants"] == 12
    # ACC-1: the three partners (some, some, satisfied) and nine hands (6 some, 2 satisfied).
    assert found["statements"]["accessible-one-location"]["today"] == counts(
        some=8, satisfied=3, unanswered=1
    )
    # CON-1: the three partners rated it some; the room counted no hand for it.
    assert found["statements"]["consistent-reliable"]["today"] == counts(some=3, unanswered=9)


def test_unnamed_participants_are_numbered_and_the_report_goes_beside_the_first_file(
    tmp_path: Path,
) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.json").write_text(
            json.dumps(
                {
                    "format": "client-centric-assessment",
                    "format_version": 2,
                    "answers": {"simple-plain-language": {"today": "some"}},
                }
            ),
            encoding="utf-8",
        )

    assert report(tmp_path / "a.json", tmp_path / "b.json") == 0

    text = " ".join("".join(parse(tmp_path / "team-report.html").text).split())
    assert "Participant 1 Participant 2" in text
    assert "Team workshop report" in text


def test_two_consensus_files_are_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "again.yml"
    copy.write_bytes(CONSENSUS.read_bytes())
    out = tmp_path / "team.html"

    assert report(*PARTICIPANTS, CONSENSUS, copy, "--out", out) == 2

    assert f"{CONSENSUS} and {copy} are both a team’s consensus" in capsys.readouterr().err
    assert not out.exists()


def test_every_bad_file_is_named_with_its_line_and_nothing_is_merged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = tmp_path / "wrong.yml"
    wrong.write_text(
        "format: client-centric-assessment\nformat_version: 2\nanswers:\n"
        "  simple-plain-language: {today: excellent}\n",
        encoding="utf-8",
    )
    tally = tmp_path / "tally.yml"
    tally.write_text(
        "format: client-centric-tally\nformat_version: 2\nparticipants: 2\nstatements:\n"
        "  SIM-1:\n    today: {some: 3}\n",
        encoding="utf-8",
    )
    out = tmp_path / "team.json"

    assert report(PARTICIPANTS[0], wrong, tally, "--out", out) == 1

    errors = capsys.readouterr().err
    assert re.search(rf"^{re.escape(str(wrong))}:4: .*“excellent” is not a rating", errors, re.M)
    assert re.search(rf"^{re.escape(str(tally))}:6: .*counts 3 hands, but", errors, re.M)
    assert str(PARTICIPANTS[0]) not in errors
    assert not out.exists()


def test_the_team_report_prints_as_a_tagged_pdf(tmp_path: Path) -> None:
    out = tmp_path / "team.pdf"

    assert report(*PARTICIPANTS, CONSENSUS, "--lang", "fr", "--out", out, "--quiet") == 0

    reader = PdfReader(io.BytesIO(out.read_bytes()))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "rapport de l’atelier d’équipe" in text
    assert "SEC-2" in text and "Responsable provinciale" in text
    assert "/StructTreeRoot" in reader.trailer["/Root"]


@pytest.mark.gates
def test_the_team_report_is_valid_html(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for language in ("en", "fr"):
        out = folder / f"{language}.html"
        assert report(*PARTICIPANTS, CONSENSUS, TALLY, "--lang", language, "--out", out) == 0

    assert [str(problem) for problem in validate_html(folder, REPO_ROOT / VNU_JAR)] == []

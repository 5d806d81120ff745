"""Hostile files given to `playbook report` beside a participant's good file (a team report).

Each bad file is refused with its name and line, and nothing is merged or written: through
the real command line, memory capped. HTML in any text of a good file shows as text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile_run import run_playbook
from test_hostile_yaml import ALIAS_BOMB

from generator.cli import main

REPO_ROOT = Path(__file__).resolve().parents[2]
GOOD = REPO_ROOT / "content" / "examples" / "death-notification-workshop-federal.yml"
MARKUP = '<script>alert(1)</script><img src=x onerror="alert(2)">'

BAD_FILES = [
    (
        "not an assessment",
        "budget.json",
        '{\n  "total": 12,\n  "format": "budget"\n}\n',
        3,
        "neither an assessment nor a tally",
    ),
    (
        "another model's statements",
        "other-model.yml",
        "format: client-centric-assessment\nformat_version: 2\nanswers:\n"
        "  digital-by-default: {today: some}\n",
        4,
        "“digital-by-default” is not a statement of the model",
    ),
    (
        "a YAML bomb",
        "bomb.yml",
        ALIAS_BOMB.replace("a:", "format:", 1),
        5,
        "aliases (*name) are expanded",
    ),
    (
        "a tally of another model",
        "tally.yml",
        "format: client-centric-tally\nformat_version: 2\nparticipants: 3\nstatements:\n"
        "  Q12: {today: {some: 1}}\n",
        5,
        "“Q12” is not a statement of the model",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "line", "says"),
    [case[1:] for case in BAD_FILES],
    ids=[case[0] for case in BAD_FILES],
)
def test_a_bad_file_beside_a_good_one_is_named_and_nothing_is_merged(
    tmp_path: Path, name: str, text: str, line: int, says: str
) -> None:
    bad = tmp_path / name
    bad.write_text(text, encoding="utf-8")
    for suffix in (".json", ".html"):
        out = tmp_path / f"team{suffix}"
        result = run_playbook("report", GOOD, bad, "--out", out, "--root", REPO_ROOT)
        assert result.returncode == 1, result.stderr
        assert f"{bad}:{line}: " in result.stderr
        assert says in result.stderr
        assert str(GOOD) not in result.stderr
        assert not out.exists()


def test_a_20_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    filler = "x" * 1000
    notes = ",\n".join(f'"n{index}": "{filler}"' for index in range(20_000))
    big.write_text('{"format": "client-centric-assessment", ' + notes + "}", encoding="utf-8")
    assert big.stat().st_size > 20_000_000
    out = tmp_path / "team.json"

    result = run_playbook("report", GOOD, big, "--out", out, "--root", REPO_ROOT)

    assert result.returncode == 1
    assert f"{big}:1: " in result.stderr and "too large" in result.stderr
    assert not out.exists()


def test_html_in_every_text_field_shows_as_text(tmp_path: Path) -> None:
    participant = {
        "format": "client-centric-assessment",
        "format_version": 2,
        "service": MARKUP,
        "language": "en",
        "participant": {"label": MARKUP, "organisation": MARKUP},
        "answers": {"simple-plain-language": {"today": "some", "notes": MARKUP}},
    }
    consensus = {
        "format": "client-centric-assessment",
        "format_version": 2,
        "service": {"en": MARKUP, "fr": MARKUP},
        "participant": {"label": MARKUP},
        "consensus": {"participants": 2},
        "answers": {
            "simple-plain-language": {"today": "some", "notes": {"en": MARKUP, "fr": MARKUP}}
        },
    }
    tally = (
        "format: client-centric-tally\nformat_version: 2\n"
        f"service: {json.dumps(MARKUP)}\nparticipants: 1\nstatements: {{}}\n"
    )
    files = []
    for name, text in (
        ("participant.json", json.dumps(participant)),
        ("consensus.json", json.dumps(consensus)),
        ("tally.yml", tally),
    ):
        files.append(tmp_path / name)
        files[-1].write_text(text, encoding="utf-8")
    for language in ("en", "fr"):
        out = tmp_path / f"team-{language}.html"

        # In the tests' process: a report that renders writes its compiled templates to the
        # tests' cache, not to the project's .cache/.
        arguments = ["report", *map(str, files), "--lang", language, "--out", str(out)]
        assert main([*arguments, "--root", str(REPO_ROOT)]) == 0
        html = out.read_text(encoding="utf-8")
        assert "<script" not in html and "<img" not in html
        assert (
            html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 4
        )  # title, service, label, rationale

"""Hostile and broken YAML and JSON: each refused with its file and line, quickly, no traceback.

Content files through `playbook validate`, assessment files through `playbook report`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile_run import Playbook, run_playbook

REPO_ROOT = Path(__file__).resolve().parents[2]
PLAY = "playbook/plays/01-plain-language.yml"
MODEL = "content/model.yml"

ALIAS_BOMB = "\n".join(
    [
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        *(
            f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]"
            for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
        ),
    ]
)
"""The billion laughs: nine times nine times … 'lol', in about 500 bytes."""
DEEP_FLOW = "[" * 100_000
DEEP_BLOCK = "".join(f"{'  ' * level}k:\n" for level in range(200)) + "  " * 200 + "x: 1\n"


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    line: int
    says: str


CONTENT_CASES = [
    Case("alias bomb", ALIAS_BOMB, 5, "aliases (*name) are expanded"),
    Case("recursive alias", "title: &a [x, *a]\n", 1, "refers to the block that contains it"),
    Case("deep flow nesting", DEEP_FLOW, 1, "nested more than 40 levels"),
    Case("deep block nesting", DEEP_BLOCK, 41, "nested more than 40 levels"),
    Case("key that is a list", "title:\n  ? [en, fr]\n  : x\n", 2, "a key here is a list"),
    Case("impossible date", "title: 2024-13-45\n", 1, "“2024-13-45” cannot be read"),
    Case("huge integer", "title: " + "9" * 5000 + "\n", 1, "cannot be read"),
    Case("NUL byte", "title:\n  en: a\x00b\n", 2, "NUL character"),
    Case("python tag", "title: !!python/object/apply:os.system [id]\n", 1, "is not one this"),
    Case("python scalar tag", "title: !!python/name:os.system x\n", 1, "cannot be read"),
    Case("duplicate key", "title: a\ntitle: b\n", 2, "appears twice"),
    Case("control character", 'title: {en: "a\\u0007b", fr: b}\n', 1, "control character"),
]


@pytest.mark.parametrize("case", CONTENT_CASES, ids=lambda case: case.name)
def test_hostile_content_file_is_refused_with_its_line(
    case: Case, content_tree: Path, playbook: Playbook
) -> None:
    (content_tree / MODEL).write_text(case.text, encoding="utf-8")
    result = playbook("validate", "--root", content_tree)
    assert result.returncode == 1
    assert f"{MODEL}:{case.line}: " in result.stderr
    assert case.says in result.stderr


def test_a_file_too_large_is_refused_unread(content_tree: Path, playbook: Playbook) -> None:
    (content_tree / MODEL).write_text("# " + "x" * 3_000_000 + "\n", encoding="utf-8")
    result = playbook("validate", "--root", content_tree)
    assert result.returncode == 1
    assert f"{MODEL}:1: the file is too large" in result.stderr


@pytest.mark.parametrize(
    ("written", "shown"),
    [("no", "false"), ("yes", "true"), ("on", "true"), ("2024-01-01", "2024-01-01"), ("010", "8")],
)
def test_yaml_1_1_values_where_text_is_expected_are_refused(
    written: str, shown: str, content_tree: Path, playbook: Playbook
) -> None:
    path = content_tree / PLAY
    text = path.read_text(encoding="utf-8")
    old = "  fr: Employer des mots que la clientèle connaît."
    path.write_text(text.replace(old, f"  fr: {written}"), encoding="utf-8")
    result = playbook("validate", "--root", content_tree)
    assert result.returncode == 1
    assert f"{PLAY}:7: summary: the “fr” text was read as {shown}, not as text" in result.stderr


def test_a_language_code_that_yaml_1_1_reads_as_false_stays_a_name(
    content_tree: Path, playbook: Playbook
) -> None:
    """`no:` as a key is Norwegian, not False: keys are read as text."""
    path = content_tree / PLAY
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  fr: Employer", "  no: Employer", 1), encoding="utf-8")
    result = playbook("validate", "--root", content_tree)
    assert result.returncode == 1
    assert f"{PLAY}:7: summary: “no” is not a configured language" in result.stderr


def test_an_id_too_long_for_a_file_name_is_refused(content_tree: Path, playbook: Playbook) -> None:
    path = content_tree / PLAY
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("id: test-the-words", "id: " + "a" * 300), encoding="utf-8")
    result = playbook("validate", "--root", content_tree)
    assert result.returncode == 1
    assert f"{PLAY}:12: actions[1].id is longer than 64 characters" in result.stderr


ASSESSMENT = "format: client-centric-assessment\nformat_version: 1\nanswers: {}\n"

ASSESSMENT_CASES = [
    Case("alias bomb", ALIAS_BOMB.replace("a:", "format:", 1), 5, "aliases (*name) are expanded"),
    Case("deep YAML", DEEP_FLOW, 1, "nested more than 40 levels"),
    Case("format_version a list", ASSESSMENT.replace("version: 1", "version: [1]"), 2, "[1]"),
    Case("NUL byte", ASSESSMENT + "service: a\x00\n", 4, "NUL character"),
    Case("key that is a block", ASSESSMENT + "? {a: 1}\n: x\n", 4, "a key here is a list"),
]
JSON_CASES = [
    Case("deep JSON", DEEP_FLOW, 1, "nested more than 40 levels"),
    Case("deep JSON, readable by Python", "[" * 900 + "]" * 900, 1, "nested more than 40 levels"),
    Case(
        "duplicate JSON key",
        '{\n"format": "client-centric-assessment",\n"format_version": 1,\n'
        '"answers": {},\n"answers": {"x": {}}\n}\n',
        5,
        "“answers” appears twice",
    ),
    Case(
        "duplicate JSON key, tabs YAML refuses",
        '{\n\t"format": "client-centric-assessment",\n\t"format_version": 1,\n'
        '\t"answers": {},\n\t"answers": {"x": {}}\n}\n',
        5,
        "“answers” appears twice",
    ),
    Case("huge JSON integer", '{"format_version": ' + "9" * 5000 + "}", 1, "cannot be read"),
]


@pytest.mark.parametrize(
    ("case", "suffix"),
    [*((case, ".yml") for case in ASSESSMENT_CASES), *((case, ".json") for case in JSON_CASES)],
    ids=lambda value: value.name if isinstance(value, Case) else value,
)
def test_hostile_assessment_file_is_refused_with_its_line(
    case: Case, suffix: str, tmp_path: Path
) -> None:
    source = tmp_path / f"assessment{suffix}"
    source.write_text(case.text, encoding="utf-8")
    out = tmp_path / "report.html"
    result = run_playbook("report", source, "--out", out, "--root", REPO_ROOT)
    assert result.returncode == 1
    assert f"{source}:{case.line}: " in result.stderr
    assert case.says in result.stderr
    assert not out.exists()

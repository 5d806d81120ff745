"""translations.lock: written sorted and quoted, read back exactly, broken ones found at a line."""

from __future__ import annotations

from pathlib import Path

from generator.errors import Problem
from generator.translations import LOCK_FILE, Lock, fingerprint, read_lock, write_lock
from generator.translations.lock import render_lock


def test_fingerprints_ignore_spacing_and_line_breaks_but_not_words() -> None:
    assert fingerprint("Plain  language,\nplease.") == fingerprint("Plain language, please.")
    assert fingerprint("Plain language") != fingerprint("Plain languages")
    assert len(fingerprint("x")) == 12


def test_a_written_lock_reads_back_the_same(tmp_path: Path) -> None:
    entries = {
        ("content/model.yml", "title"): {"en": "0123456789ab", "fr": "ba9876543210"},
        # Digits only and the code of Norwegian would read as a number and as false unquoted.
        ("site_templates/strings.yml", "page.home"): {"en": "000000000001", "no": "123456789012"},
        ("content/attributes/simple.yml", "statements[simple-plain-language].text"): {"en": "a"},
    }
    write_lock(tmp_path, entries)

    lock = read_lock(tmp_path)

    assert isinstance(lock, Lock)
    assert lock.entries == entries
    assert lock.path == tmp_path / LOCK_FILE


def test_the_lock_has_one_sorted_line_per_text_so_merges_rarely_conflict() -> None:
    text = render_lock(
        {
            ("b.yml", "z"): {"fr": "2", "en": "1"},
            ("a.yml", "y"): {"en": "3"},
            ("b.yml", "a"): {"en": "4"},
        }
    )
    lines = [line for line in text.splitlines() if not line.startswith("#")]

    assert lines == [
        '"a.yml":',
        '  "y": {"en": "3"}',
        '"b.yml":',
        '  "a": {"en": "4"}',
        '  "z": {"en": "1", "fr": "2"}',
    ]


def test_no_lock_yet_is_an_empty_lock(tmp_path: Path) -> None:
    lock = read_lock(tmp_path)

    assert lock == Lock()


def test_a_merge_conflict_in_the_lock_is_reported_at_its_line(tmp_path: Path) -> None:
    (tmp_path / LOCK_FILE).write_text(
        '"content/model.yml":\n'
        "<<<<<<< HEAD\n"
        '  "title": {"en": "aaaaaaaaaaaa", "fr": "bbbbbbbbbbbb"}\n'
        "=======\n"
        '  "title": {"en": "cccccccccccc", "fr": "bbbbbbbbbbbb"}\n'
        ">>>>>>> other\n",
        encoding="utf-8",
    )

    problem = read_lock(tmp_path)

    assert isinstance(problem, Problem)
    assert problem.path == LOCK_FILE
    assert problem.line in (2, 3)
    assert "translations.lock cannot be read" in str(problem)
    assert "playbook translations --confirm" in str(problem)


def test_a_lock_of_the_wrong_shape_is_reported_where_it_goes_wrong(tmp_path: Path) -> None:
    (tmp_path / LOCK_FILE).write_text(
        '"content/model.yml":\n  "title": {"en": "aaaaaaaaaaaa"}\n  "intro": just text\n',
        encoding="utf-8",
    )

    problem = read_lock(tmp_path)

    assert isinstance(problem, Problem)
    assert problem.line == 3

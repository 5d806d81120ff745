"""`translations.lock`: each text's wording, per language, when its translations last matched.

A committed file rather than git history: it works in shallow CI clones and in a
downloaded copy, survives texts moving within a file, and its diff shows reviewers
which translations someone confirmed. One line per text, sorted, so two pull
requests that confirm different texts merge without a conflict.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Problem
from generator.i18n import Message
from generator.schema.loader import SourceDocument, read_yaml

LOCK_FILE = "translations.lock"

Fingerprints = Mapping[str, str]
"""Language code -> fingerprint of the text in that language."""

_HEADER = """\
# Written by `playbook translations --confirm`; review it in pull requests, do not edit it.
# For each text (by file, then key), a fingerprint of its wording in each language when
# its translations were last confirmed to match. `playbook translations` calls a
# translation stale when the wording in another language changed since.
"""


def fingerprint(text: str) -> str:
    """A short hash of the wording; spacing and line breaks alone do not change it."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Lock:
    """The recorded fingerprints, by (file, key)."""

    entries: Mapping[tuple[str, str], Fingerprints] = field(default_factory=dict)
    path: Path | None = None
    """The file read, when there is one (it then counts in the content's fingerprint)."""

    def get(self, file: str, key: str) -> Fingerprints | None:
        return self.entries.get((file, key))


def _shape_problem(document: SourceDocument) -> Problem | None:
    """Where the file stops being {file: {key: {language: fingerprint}}}, if it does."""
    data = document.data
    if data is None:
        return None
    if not isinstance(data, dict):
        return Problem(LOCK_FILE, 1, Message.of("lock_unreadable"))
    for file, keys in data.items():
        if not isinstance(keys, dict):
            return Problem(LOCK_FILE, document.line_of((file,)), Message.of("lock_unreadable"))
        for key, prints in keys.items():
            valid = isinstance(prints, dict) and all(
                isinstance(code, str) and isinstance(value, str) for code, value in prints.items()
            )
            if not valid:
                line = document.line_of((file, key))
                return Problem(LOCK_FILE, line, Message.of("lock_unreadable"))
    return None


def read_lock(root: Path) -> Lock | Problem:
    """The lock under `root` (an empty one when there is none yet), or why it cannot be read."""
    path = root / LOCK_FILE
    if not path.is_file():
        return Lock()
    document = read_yaml(path, LOCK_FILE)
    if isinstance(document, Problem):
        return Problem(LOCK_FILE, document.line, Message.of("lock_unreadable"))
    problem = _shape_problem(document)
    if problem is not None:
        return problem
    entries = {
        (str(file), str(key)): dict(prints)
        for file, keys in (document.data or {}).items()
        for key, prints in keys.items()
    }
    return Lock(entries, path)


def render_lock(entries: Mapping[tuple[str, str], Fingerprints]) -> str:
    """The file's text: sorted, one line per text, all quoted so YAML reads back strings.

    Unquoted, a fingerprint of digits only would read as a number, and the code
    of Norwegian (`no`) as false.
    """
    lines = [_HEADER.rstrip("\n")]
    current_file = None
    for (file, key), prints in sorted(entries.items()):
        if file != current_file:
            lines.append(f"{json.dumps(file, ensure_ascii=False)}:")
            current_file = file
        values = ", ".join(f'"{code}": "{prints[code]}"' for code in sorted(prints))
        lines.append(f"  {json.dumps(key, ensure_ascii=False)}: {{{values}}}")
    return "\n".join(lines) + "\n"


def write_lock(root: Path, entries: Mapping[tuple[str, str], Fingerprints]) -> Path:
    path = root / LOCK_FILE
    path.write_text(render_lock(entries), encoding="utf-8", newline="\n")
    return path

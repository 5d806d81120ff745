"""`playbook schema [--check]`: write the editors' JSON Schemas, or check the committed ones.

Only `content/languages.yml` is read, so the schemas can be rebuilt while other
content files are broken (that is when editors need them most).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from generator.errors import ContentError, Problem
from generator.i18n import Message, say
from generator.schema.jsonschema import schema_files
from generator.schema.loader import read_yaml
from generator.schema.messages import to_problem, worth_reporting
from generator.schema.models import Language, LanguagesFile
from generator.schema.reading import LANGUAGES

SCHEMA_DIR = "schema"


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("schema", parents=[common], help=say("schema"))
    parser.add_argument("--check", action="store_true", help=say("schema_check"))
    parser.set_defaults(run=run)


def read_languages(root: Path) -> tuple[Language, ...]:
    """The site's languages from content/languages.yml; `ContentError` when it is unusable."""
    path = root / LANGUAGES
    if not path.is_file():
        raise ContentError([Problem(LANGUAGES, 1, Message.of("missing_file"))])
    document = read_yaml(path, LANGUAGES)
    if isinstance(document, Problem):
        raise ContentError([document])
    try:
        return LanguagesFile.model_validate(document.data).languages
    except ValidationError as error:
        raise ContentError(
            to_problem(detail, document, LanguagesFile)
            for detail in error.errors(include_url=False)
            if worth_reporting(detail)
        ) from None


def differences(expected: dict[str, str], folder: Path) -> list[str]:
    """What is wrong with the schema files in `folder`, one line each (empty when current)."""
    lines: list[str] = []
    for name, text in expected.items():
        shown = f"{SCHEMA_DIR}/{name}"
        path = folder / name
        if not path.is_file():
            lines.append(say("schema_missing", path=shown))
        elif path.read_text(encoding="utf-8") != text:
            lines.append(say("schema_stale", path=shown))
    lines.extend(
        say("schema_unexpected", path=f"{SCHEMA_DIR}/{path.name}")
        for path in sorted(folder.glob("*.schema.json"))
        if path.name not in expected
    )
    return lines


def write(expected: dict[str, str], folder: Path) -> int:
    """Write the files that changed and remove those no longer generated; count the writes."""
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for name, text in expected.items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
            written += 1
    for path in sorted(folder.glob("*.schema.json")):
        if path.name not in expected:
            path.unlink()
            print(say("schema_removed", path=f"{SCHEMA_DIR}/{path.name}"))
    return written


def run(arguments: argparse.Namespace) -> int:
    root: Path = arguments.root.resolve()
    folder = root / SCHEMA_DIR
    expected = schema_files(read_languages(root))
    if arguments.check:
        problems = differences(expected, folder)
        if problems:
            for line in problems:
                print(line, file=sys.stderr)
            print(say("schema_fix"), file=sys.stderr)
            return 1
        print(say("schema_current", count=len(expected), folder=SCHEMA_DIR))
        return 0
    written = write(expected, folder)
    print(say("schema_written", written=written, count=len(expected), folder=SCHEMA_DIR))
    return 0

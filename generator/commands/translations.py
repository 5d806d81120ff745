"""`playbook translations [--confirm [WHERE ...]]`: what needs a translator, or record what matches.

Texts missing in a language marked complete are validation problems, reported
(with every other problem) before anything else; the texts a language being
added still lacks, and stale translations, are listed here.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from generator.i18n import say
from generator.load import load
from generator.model import Model
from generator.translations import confirmed, named_texts, write_lock


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("translations", parents=[common], help=say("translations"))
    parser.add_argument(
        "--confirm", nargs="*", metavar="WHERE", default=None, help=say("translations_confirm")
    )
    parser.set_defaults(run=run)


def report(model: Model) -> list[str]:
    """The status as lines: missing texts by language, then stale translations, then a summary."""
    status = model.translation_status
    lines: list[str] = []
    for language in model.languages:
        missing = status.missing_in(language.code)
        if missing:
            lines.append(
                say(
                    "translations_missing_heading",
                    language=language.name,
                    code=language.code,
                    count=len(missing),
                )
            )
            lines += [f"  {item.problem()}" for item in missing]
    if status.stale:
        lines.append(say("translations_stale_heading", count=len(status.stale)))
        lines += [f"  {item.problem()}" for item in status.stale]
    if status.lock_problem:
        lines.append(str(status.lock_problem))
    lines.append(
        say(
            "translations_summary",
            missing=len(status.missing),
            stale=len(status.stale),
            unrecorded=len(status.unrecorded),
        )
    )
    if status.stale or status.unrecorded:
        lines.append(say("translations_record_hint"))
    return lines


def run(arguments: argparse.Namespace) -> int:
    root = arguments.root.resolve()
    model = load(root)  # missing texts in a complete language stop here, each at its line
    status = model.translation_status
    where: list[str] = arguments.confirm if arguments.confirm is not None else []
    if arguments.confirm is None:
        for line in report(model):
            print(line)
        return 1 if status.missing or status.lock_problem else 0
    # A mistyped place would confirm nothing and say nothing: refuse it.
    unknown = [place for place in where if not named_texts(status.texts, [place])]
    for place in unknown:
        print(say("translations_nothing_named", where=place), file=sys.stderr)
    if unknown:
        return 2
    write_lock(root, confirmed(status, where))
    print(say("translations_confirmed", count=len(named_texts(status.texts, where))))
    return 0

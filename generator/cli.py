"""`playbook`: one command for editors and publishers; each subcommand lives in `commands/`."""

from __future__ import annotations

import argparse
import importlib
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from generator import i18n
from generator.errors import ContentError, UsageError

# Listed here, in the order `--help` shows them.
COMMANDS = ("validate", "build", "serve", "export", "schema", "translations", "check", "report")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="playbook", description=i18n.say("description"))
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=Path.cwd(), help=i18n.say("root"))
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"generator.commands.{name}").register(commands, common)
    return parser


def _stop(signal_number: int, frame: object) -> None:
    """SIGTERM ends the command like Ctrl-C: its working folders are removed on the way out."""
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    i18n.set_language(i18n.language_from_environment())
    arguments = build_parser().parse_args(argv)
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _stop) if in_main_thread else None
    try:
        return _run(arguments)
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)


def _run(arguments: argparse.Namespace) -> int:
    try:
        status: int = arguments.run(arguments)
    except KeyboardInterrupt:
        print(i18n.say("interrupted"), file=sys.stderr)
        return 130
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(i18n.say("invalid", count=len(error.problems)), file=sys.stderr)
        return 1
    except UsageError as error:
        print(f"playbook: {error}", file=sys.stderr)
        return 2
    return status


if __name__ == "__main__":
    sys.exit(main())

"""`playbook export`: the model in one language, as JSON or CSV on standard output."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from generator.errors import UsageError
from generator.export import export_csv, export_json
from generator.i18n import say
from generator.load import load


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("export", parents=[common], help=say("export"))
    parser.add_argument("--lang", default="en", help=say("export_lang"))
    parser.add_argument(
        "--format", choices=("json", "csv"), default="json", help=say("export_format")
    )
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    model = load(arguments.root)
    if arguments.lang not in model.language_codes:
        raise UsageError(
            say("unknown_language", code=arguments.lang, languages=", ".join(model.language_codes))
        )
    render = export_csv if arguments.format == "csv" else export_json
    sys.stdout.write(render(model, arguments.lang))
    return 0

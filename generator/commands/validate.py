"""`playbook validate`: every check, all problems at once."""

from __future__ import annotations

import argparse
from typing import Any

from generator.assessment.example import with_example
from generator.i18n import say
from generator.load import load


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("validate", parents=[common], help=say("validate"))
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    model = load(arguments.root)
    with_example(arguments.root, model)  # content/examples/: checked as the site build does
    print(
        say(
            "valid",
            attributes=len(model.attributes),
            statements=len(model.statements),
            plays=len(model.plays),
            languages=", ".join(model.language_codes),
        )
    )
    # Validation already refuses a gap; the figures show what it proved.
    print(
        say(
            "coverage",
            covered_statements=sum(1 for s in model.statements if model.plays_for(s)),
            statements=len(model.statements),
            covered_stages=sum(1 for s in model.stages if model.plays_for(s)),
            stages=len(model.stages),
        )
    )
    return 0

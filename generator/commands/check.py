"""`playbook check [--site DIR] [--only GATE]`: the quality gates CI runs, on demand.

Checks the terminology of the sources against the glossary, builds the site into a
temporary folder (or takes one already built), then checks its HTML with the Nu Html
Checker, its internal links and anchors, and that a second build of the same content
is byte-identical.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort, MkDocsException

from generator.commands.build import show_mkdocs_messages
from generator.errors import UsageError
from generator.i18n import say
from generator.load import load
from generator.pipeline import build_site
from generator.print import PrinterMissing
from generator.quality import GATES, SITE_GATES, run_gate


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("check", parents=[common], help=say("check"))
    parser.add_argument("--site", type=Path, default=None, help=say("check_site"))
    parser.add_argument(
        "--only", action="append", choices=GATES, default=None, help=say("check_only")
    )
    parser.set_defaults(run=run)


def run_gates(root: Path, site_dir: Path, gates: tuple[str, ...]) -> int:
    """Run each gate, print what it finds; the number of gates that failed."""
    failed = 0
    for gate in gates:
        problems = run_gate(gate, root, site_dir)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            failed += 1
            print(say("check_failed", gate=gate, count=len(problems)), file=sys.stderr)
        else:
            print(say("check_passed", gate=gate))
    return failed


def run(arguments: argparse.Namespace) -> int:
    root: Path = arguments.root.resolve()
    gates = tuple(gate for gate in GATES if gate in (arguments.only or GATES))
    if arguments.site is not None:
        site_dir = arguments.site.resolve()
        if not (site_dir / "index.html").is_file():
            raise UsageError(say("check_no_site", site_dir=site_dir))
        return 1 if run_gates(root, site_dir, gates) else 0
    if not any(gate in SITE_GATES for gate in gates) and "reproducible" not in gates:
        return 1 if run_gates(root, root, gates) else 0
    model = load(root)
    show_mkdocs_messages()
    with tempfile.TemporaryDirectory(prefix="playbook-check-") as temporary:
        site_dir = Path(temporary) / "site"
        if any(gate in SITE_GATES for gate in gates):
            print(say("check_building"))
            try:
                build_site(root, site_dir, model)
            except (Abort, MkDocsException, PrinterMissing) as error:
                print(error, file=sys.stderr)
                return 1
        return 1 if run_gates(root, site_dir, gates) else 0

"""`playbook build`: the pipeline's `build_site`, with its progress and MkDocs' messages shown.

A failed build never leaves a half-written or deleted site: the old site is only
replaced once the new one is complete.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort, MkDocsException

from generator.commands.progress import BuildProgress
from generator.i18n import say
from generator.pipeline import build_site
from generator.print import PrinterMissing


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("build", parents=[common], help=say("build"))
    parser.add_argument("--site-dir", type=Path, default=None, help=say("site_dir"))
    parser.add_argument("--site-url", default=None, metavar="URL", help=say("site_url"))
    parser.add_argument("--repo-url", default=None, metavar="URL", help=say("repo_url"))
    parser.add_argument("--edit-uri", default=None, metavar="PATH", help=say("edit_uri"))
    parser.add_argument("--quiet", action="store_true", help=say("quiet"))
    parser.set_defaults(run=run)


def show_mkdocs_messages(level: int = logging.WARNING) -> None:
    """MkDocs logs through `logging`; its own CLI sets up the handler we need here."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s - %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(level)


def run(arguments: argparse.Namespace) -> int:
    root = arguments.root.resolve()
    site_dir = (arguments.site_dir or root / "site").resolve()
    show_mkdocs_messages()
    try:
        repository = (arguments.repo_url, arguments.edit_uri)
        with BuildProgress(sys.stderr, quiet=arguments.quiet) as progress:
            url = arguments.site_url
            build_site(root, site_dir, site_url=url, repository=repository, progress=progress)
    except (Abort, MkDocsException, PrinterMissing) as error:
        print(f"{error}\n{say('build_failed', site_dir=site_dir)}", file=sys.stderr)
        return 1
    print(say("built", site_dir=site_dir))
    return 0

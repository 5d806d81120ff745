"""`playbook serve`: the site's pages built first, then MkDocs' live-reloading preview server.

The first `build_docs` reports every content problem before the server starts;
from then on the plugin runs it again after each edit.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from mkdocs.config import load_config

from generator.commands.build import show_mkdocs_messages
from generator.commands.progress import BuildProgress
from generator.i18n import say
from generator.pipeline import MKDOCS_CONFIG, build_docs


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("serve", parents=[common], help=say("serve"))
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help=say("dev_addr"))
    parser.add_argument("--quiet", action="store_true", help=say("quiet"))
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    root = arguments.root.resolve()
    config_file = root / MKDOCS_CONFIG
    show_mkdocs_messages(logging.INFO)
    docs_dir = Path(load_config(str(config_file)).docs_dir)
    with BuildProgress(sys.stderr, quiet=arguments.quiet) as progress:
        # As the plugin's rebuilds will: the preview has no offline copy.
        build_docs(root, docs_dir, config_file=config_file, offline_copy=False, progress=progress)
    # Imported here: the live-reload server is not needed by the other commands.
    from mkdocs.commands.serve import serve

    serve(config_file=str(config_file), dev_addr=arguments.dev_addr, livereload=True)
    return 0

"""`playbook serve`: validate, then MkDocs' live-reloading preview server."""

from __future__ import annotations

import argparse
import logging
from typing import Any

from generator.commands.build import show_mkdocs_messages
from generator.i18n import say
from generator.load import load


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("serve", parents=[common], help=say("serve"))
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help=say("dev_addr"))
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    root = arguments.root.resolve()
    load(root)
    show_mkdocs_messages(logging.INFO)
    # Imported here: the live-reload server is not needed by the other commands.
    from mkdocs.commands.serve import serve

    serve(config_file=str(root / "mkdocs.yml"), dev_addr=arguments.dev_addr, livereload=True)
    return 0

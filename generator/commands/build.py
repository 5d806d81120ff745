"""`playbook build`: validate, build into a staging folder, then swap it in.

A failed build never leaves a half-written or deleted site: the old site is only
replaced once the new one is complete.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from generator.i18n import say
from generator.load import load
from generator.mkdocs_plugin import PlaybookPlugin
from generator.model import Model


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("build", parents=[common], help=say("build"))
    parser.add_argument("--site-dir", type=Path, default=None, help=say("site_dir"))
    parser.add_argument("--site-url", default=None, metavar="URL", help=say("site_url"))
    parser.add_argument("--repo-url", default=None, metavar="URL", help=say("repo_url"))
    parser.add_argument("--edit-uri", default=None, metavar="PATH", help=say("edit_uri"))
    parser.set_defaults(run=run)


def show_mkdocs_messages(level: int = logging.WARNING) -> None:
    """MkDocs logs through `logging`; its own CLI sets up the handler we need here."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s - %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(level)


def build_site(
    root: Path,
    site_dir: Path,
    model: Model | None = None,
    site_url: str | None = None,
    repository: tuple[str | None, str | None] = (None, None),
) -> None:
    """Build into a staging folder beside `site_dir` and swap it in; raise on failure.

    `model`, when given, is the content just loaded from `root`: the build uses it
    instead of loading and validating everything a second time. `site_url` overrides
    mkdocs.yml's for a site published under a sub-path (the 404 page and sitemap need it);
    `repository` its `repo_url` and `edit_uri`, for the pages' edit and report links.
    """
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    try:
        overrides: dict[str, Any] = {"site_dir": str(staging), "strict": True}
        settings = {"site_url": site_url, "repo_url": repository[0], "edit_uri": repository[1]}
        overrides.update({key: value for key, value in settings.items() if value is not None})
        config = load_config(str(root / "mkdocs.yml"), **overrides)
        for plugin in config.plugins.values():
            if isinstance(plugin, PlaybookPlugin):
                plugin.preloaded = model
        build(config)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    retired = site_dir.with_name(f".{site_dir.name}-old")
    shutil.rmtree(retired, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)


def run(arguments: argparse.Namespace) -> int:
    root = arguments.root.resolve()
    site_dir = (arguments.site_dir or root / "site").resolve()
    model = load(root)  # every content problem is reported before anything is built
    show_mkdocs_messages()
    try:
        repository = (arguments.repo_url, arguments.edit_uri)
        build_site(root, site_dir, model, arguments.site_url, repository)
    except (Abort, MkDocsException) as error:
        print(f"{error}\n{say('build_failed', site_dir=site_dir)}", file=sys.stderr)
        return 1
    print(say("built", site_dir=site_dir))
    return 0

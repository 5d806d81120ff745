"""The whole build, top to bottom.

`build_docs` is everything that is ours: read and check the content, add the worked
example, check mkdocs.yml's languages, print the PDFs, render the pages and write
them into `docs/`. `build_site` is `playbook build`: `build_docs`, then MkDocs with
mkdocs-static-i18n turns `docs/` into HTML in a staging folder, Pagefind indexes it,
and the finished site replaces the old one. The MkDocs plugin calls `build_docs` for
`mkdocs build` and `mkdocs serve`.

Each step tells a `progress` callback when it starts (and, for the PDFs and the
pages, as it goes), so a command can show where a build is.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from generator.assessment.example import with_example
from generator.cache import cache_dir
from generator.errors import ContentError, UsageError
from generator.folders import check_site_dir, mark_site, working_folder
from generator.i18n import say
from generator.load import load
from generator.model import Model
from generator.output.docs import render_into
from generator.output.offline import offline_downloads, publish_offline_copy
from generator.output.search_index import build_search_index
from generator.output.write import WriteReport
from generator.print import PrintReport, print_documents
from generator.print.build import PrintJob
from generator.render.assessment_page import published_files
from generator.schema.mkdocs_config import site_language_problems

__all__ = [
    "MKDOCS_CONFIG",
    "TEMPLATES",
    "BuildResult",
    "BuildStep",
    "Progress",
    "Stage",
    "build_docs",
    "build_site",
    "docs_built_by_caller",
]

MKDOCS_CONFIG = "mkdocs.yml"
TEMPLATES = "site_templates"

Stage = Literal[
    "validate", "example", "languages", "pdfs", "pages", "site", "offline", "search", "swap"
]
"""The steps of a build, in the order they run (from `site` on: `build_site` only)."""


@dataclass(frozen=True)
class BuildStep:
    """A step of the build as it starts, then as it advances where it counts things."""

    stage: Stage
    done: int = 0
    """PDFs printed or languages rendered so far, for `pdfs` and `pages`; 0 as a step starts."""
    total: int = 0
    """PDFs to print, or languages to render; 0 where the step counts nothing."""
    item: str = ""
    """What was just done: the language rendered, for `pages`."""


Progress = Callable[[BuildStep], None]
"""Told of each step; shows it to the person waiting, or ignores it."""


def _quiet(step: BuildStep) -> None:
    """The progress of a build nobody watches."""


@dataclass(frozen=True)
class BuildResult:
    model: Model
    """The content, with the worked example."""
    pdfs: PrintReport
    """Every PDF, and which of them this build printed."""
    pages: WriteReport
    """The files of `docs/` this build wrote or removed."""


def build_docs(
    root: Path,
    docs_dir: Path,
    model: Model | None = None,
    *,
    config_file: Path | None = None,
    later: Callable[[list[PrintJob]], None] | None = None,
    offline_copy: bool = True,
    progress: Progress = _quiet,
) -> BuildResult:
    """Make `docs_dir` hold every page and PDF of the site built from the content under `root`.

    `model`, when given, is the content already loaded from `root`. `config_file` is the
    MkDocs configuration whose languages must be the content's (`root/mkdocs.yml` by
    default). With `later` (the live preview), PDFs the last build also made are shown
    in their last version and handed to `later` to print. With `offline_copy`, the pages
    offer the site's offline copy, which `build_site` makes (the preview has none).
    Raises `ContentError` for bad content, `PrinterMissing` when PDFs must be printed
    and WeasyPrint cannot start.
    """
    progress(BuildStep("validate"))
    if model is None:
        model = load(root)
    progress(BuildStep("example"))
    model = with_example(root, model)
    progress(BuildStep("languages"))
    config_file = config_file or root / MKDOCS_CONFIG
    shown_as = config_file.relative_to(root) if config_file.is_relative_to(root) else config_file
    problems = site_language_problems(config_file, model.language_codes, shown_as.as_posix())
    if problems:
        raise ContentError(problems)
    # PDFs before pages: the pages show their sizes, and they are written to docs/ together.
    progress(BuildStep("pdfs"))
    templates = root / TEMPLATES
    pdfs = print_documents(
        model,
        templates,
        cache_dir(root, "pdf"),
        later=later,
        on_printed=lambda done, total: progress(BuildStep("pdfs", done, total)),
    )
    downloads = pdfs.downloads
    if offline_copy:
        extra = offline_downloads(model)
        downloads = {code: {**downloads.get(code, {}), **extra[code]} for code in extra}
    progress(BuildStep("pages", 0, len(model.languages)))
    languages = iter(range(1, len(model.languages) + 1))
    pages = render_into(
        docs_dir,
        model,
        templates=templates,
        downloads=downloads,
        files={**pdfs.files, **published_files(model)},
        on_language=lambda code: progress(
            BuildStep("pages", next(languages), len(model.languages), code)
        ),
    )
    return BuildResult(model, pdfs, pages)


_handed: ContextVar[BuildResult | None] = ContextVar("playbook_docs_built", default=None)


def docs_built_by_caller() -> BuildResult | None:
    """The result of `build_docs` when `build_site` runs MkDocs: the plugin then builds nothing.

    MkDocs offers no way to hand data to a plugin; this context is set only while
    `build_site` runs MkDocs, in the same thread.
    """
    return _handed.get()


@contextlib.contextmanager
def _handing(result: BuildResult) -> Iterator[None]:
    token = _handed.set(result)
    try:
        yield
    finally:
        _handed.reset(token)


def build_site(
    root: Path,
    site_dir: Path,
    model: Model | None = None,
    *,
    site_url: str | None = None,
    repository: tuple[str | None, str | None] = (None, None),
    progress: Progress = _quiet,
) -> BuildResult:
    """`playbook build`: everything, into a staging folder beside `site_dir`, then swapped in.

    A failed build (bad content, a broken page, no printer) leaves the old site as it
    was and no staging folder behind. `model`, when given, is the content already
    loaded from `root`. `site_url` overrides mkdocs.yml's for a site
    published under a sub-path (the 404 page and the sitemap need it); `repository`
    its `repo_url` and `edit_uri`, for the pages' edit and report links.
    """
    check_site_dir(root, site_dir)
    retired = site_dir.with_name(f".{site_dir.name}-old")
    try:
        with working_folder(site_dir.parent, f".{site_dir.name}-new-") as staging:
            overrides: dict[str, Any] = {"site_dir": str(staging), "strict": True}
            settings = {
                "site_url": site_url,
                "repo_url": repository[0],
                "edit_uri": repository[1],
            }
            overrides.update({key: value for key, value in settings.items() if value is not None})
            config_file = root / MKDOCS_CONFIG
            config = load_config(str(config_file), **overrides)
            docs_dir = Path(config.docs_dir)
            result = build_docs(root, docs_dir, model, config_file=config_file, progress=progress)
            progress(BuildStep("site"))
            with _handing(result):
                mkdocs_build(config)
            progress(BuildStep("offline"))
            publish_offline_copy(staging, cache_dir(root, "offline"))
            progress(BuildStep("search"))
            build_search_index(staging, cache_dir(root, "pagefind"))
            mark_site(staging)
            progress(BuildStep("swap"))
            shutil.rmtree(retired, ignore_errors=True)
            if site_dir.exists():
                site_dir.rename(retired)
            staging.rename(site_dir)
    except OSError as error:
        # A folder that cannot be written (read-only, full disk): the old site stays.
        if retired.exists() and not site_dir.exists():
            retired.rename(site_dir)
        reason = error.strerror or str(error)
        where = error.filename or site_dir
        raise UsageError(
            say("site_dir_unwritable", site_dir=site_dir, path=where, reason=reason)
        ) from None
    shutil.rmtree(retired, ignore_errors=True)
    return result

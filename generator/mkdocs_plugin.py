"""The MkDocs plugin: renders the model into `docs/<lang>/` before each build.

mkdocs-static-i18n re-runs the whole build once per extra language and reads
every page from `docs_dir`, so pages are real files written before the build
(only those that changed, so `mkdocs serve` does not loop), and the work that
concerns the whole site runs once, in the outer build.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from generator.assessment.example import with_example
from generator.assessment.page import published_files
from generator.cache import cache_dir
from generator.errors import ContentError, Problem
from generator.i18n import Message
from generator.load import load
from generator.model import Model
from generator.offline import offline_downloads, publish_offline_copy
from generator.print import PrinterMissing, PrintReport, print_documents
from generator.print.background import BackgroundPrinter
from generator.render.incremental import render_into
from generator.render.page_links import Repository, page_tools, repository
from generator.render.pages import language_root
from generator.search_index import build_search_index

log = logging.getLogger("mkdocs.plugins.client-centric-playbook")

WATCHED = ("content", "playbook", "site_templates")


class PlaybookPluginConfig(Config):  # type: ignore[no-untyped-call]
    search = config_options.Type(bool, default=True)
    """Build the Pagefind search index after the site (turn off for quick previews)."""


class PlaybookPlugin(BasePlugin[PlaybookPluginConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.model: Model | None = None
        self.preloaded: Model | None = None
        """A model `playbook build` has just loaded and validated: used once, not loaded again."""
        self.printed: PrintReport | None = None
        """The last build's PDFs; `printed.rendered` lists those not taken from the cache."""
        self.root = Path.cwd()
        self.background: BackgroundPrinter | None = None
        """In `mkdocs serve`, after the first build: prints changed PDFs while the preview runs."""
        self.serving = False
        self.repository: Repository | None = None
        """Where pages link to edit their sources and report a problem (mkdocs.yml's repo_url)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this instance across `mkdocs serve` rebuilds.
        self.serving = command == "serve"

    def _print_done_signal(self) -> Path:
        return cache_dir(self.root, "serve") / "pdfs-printed"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        if not config.use_directory_urls:
            raise PluginError("mkdocs.yml: our page links need 'use_directory_urls: true'")
        docs_dir = Path(config.docs_dir).resolve()
        self.repository = repository(
            config.repo_url,
            config.edit_uri,
            os.path.relpath(docs_dir, self.root).replace(os.sep, "/"),
        )
        return config

    @property
    def _offline_copy(self) -> bool:
        """The preview skips it: zipping the site again after each edit would slow it."""
        return not self.serving

    def _is_inner_build(self, config: MkDocsConfig) -> bool:
        """True in the builds static-i18n runs for the other languages."""
        i18n = config.plugins.get("i18n")
        return bool(getattr(i18n, "building", False))

    def on_pre_build(self, config: MkDocsConfig) -> None:
        if self._is_inner_build(config):
            return
        model, self.preloaded = self.preloaded, None
        if model is None:
            try:
                model = load(self.root)
            except ContentError as error:
                raise PluginError(
                    f"the content has {len(error.problems)} problem(s):\n{error}"
                ) from None
        try:
            model = with_example(self.root, model)  # the assessment's worked example
        except ContentError as error:
            raise PluginError(
                f"the example assessment has {len(error.problems)} problem(s):\n{error}"
            ) from None
        self._check_languages(model, config)
        templates = self.root / "site_templates"
        # PDFs first: the pages show their sizes, and they are written to docs/ with the pages.
        pdf_cache = cache_dir(self.root, "pdf")
        later = self.background.submit if self.background else None
        try:
            printed = print_documents(model, templates, pdf_cache, later=later)
        except PrinterMissing as error:
            raise PluginError(str(error)) from None
        log.info(f"Rendered {len(printed.rendered)} PDF(s), {printed.from_cache} from cache")
        if printed.pending:
            log.info(f"Printing {len(printed.pending)} PDF(s) in the background")
        if self.serving and self.background is None:
            self.background = BackgroundPrinter(pdf_cache, self._print_done_signal())
        self.printed = printed
        downloads = printed.downloads
        if self._offline_copy:
            extra = offline_downloads(model)
            downloads = {code: {**downloads.get(code, {}), **extra[code]} for code in extra}
        report = render_into(
            Path(config.docs_dir),
            model,
            templates=templates,
            downloads=downloads,
            files={**printed.files, **published_files(model)},
        )
        if report.written or report.removed:
            log.info(f"Rendered {len(report.written)} page(s), removed {len(report.removed)}")
        self.model = model

    def _check_languages(self, model: Model, config: MkDocsConfig) -> None:
        i18n = config.plugins.get("i18n")
        configured = [language.locale for language in i18n.config.languages] if i18n else []
        if configured != list(model.language_codes):
            config_file = self.root / "mkdocs.yml"
            lines = config_file.read_text(encoding="utf-8").splitlines()
            line = next((n for n, text in enumerate(lines, 1) if "- locale:" in text), 1)
            message = Message.of(
                "i18n_languages_mismatch",
                configured=", ".join(configured) or "—",
                languages=", ".join(model.language_codes),
            )
            raise PluginError(str(Problem("mkdocs.yml", line, message)))

    def on_env(self, env: Any, config: MkDocsConfig, files: Any) -> Any:
        if self.model is not None:
            env.globals["playbook_not_found"] = _not_found_pages(self.model)
        return env

    def on_page_context(self, context: Any, *, page: Any, config: MkDocsConfig, nav: Any) -> Any:
        meta = page.meta
        context["page_tools"] = None
        if self.repository is not None and self.model is not None and "source_files" in meta:
            # The page's full address when the site's is known (site_url), its path otherwise.
            address = page.canonical_url or page.abs_url or ""
            context["page_tools"] = page_tools(self.repository, self.model, meta, address)
        return context

    @event_priority(-200)  # after static-i18n (-100) has built every language
    def on_post_build(self, config: MkDocsConfig) -> None:
        if self._is_inner_build(config):
            return
        if self._offline_copy:
            publish_offline_copy(Path(config.site_dir), cache_dir(self.root, "offline"))
        if self.config.search:
            build_search_index(Path(config.site_dir), cache_dir(self.root, "pagefind"))
        if self.background:
            # Only now: printing while MkDocs builds would slow the rebuild it waits for.
            self.background.start()

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        # docs/ holds only what on_pre_build writes there: watching it would start a
        # second, useless rebuild after every rebuild that changed a page.
        with contextlib.suppress(KeyError):
            server.unwatch(config.docs_dir)
        # Background printing touches this when done: the rebuild then shows the new PDFs.
        signal = self._print_done_signal()
        signal.parent.mkdir(parents=True, exist_ok=True)
        server.watch(str(signal.parent))
        for folder in WATCHED:
            if (self.root / folder).is_dir():
                server.watch(str(self.root / folder))
        return server


def _not_found_pages(model: Model) -> list[dict[str, str]]:
    def word(key: str, code: str) -> str:
        return model.strings[key].get(code) or model.strings[key][model.default_language]

    return [
        {
            "locale": language.locale,
            "root": language_root(model, language.code),
            "title": word("notfound.title", language.code),
            "text": word("notfound.text", language.code),
            "home": word("notfound.home", language.code),
        }
        for language in model.languages
    ]

"""The MkDocs plugin: `mkdocs build` and `mkdocs serve` run our pipeline before MkDocs' own build.

mkdocs-static-i18n re-runs the whole build once per extra language and reads every
page from `docs_dir`, so the pages are real files `build_docs` writes before the
build, and the hooks do their work in the outer build only. `playbook build` runs
`build_docs` itself and then MkDocs: the plugin then uses that result.
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

from generator.cache import cache_dir
from generator.errors import ContentError, UsageError
from generator.folders import check_site_dir, mark_site
from generator.i18n import say
from generator.model import Model
from generator.output.offline import publish_offline_copy
from generator.output.search_index import build_search_index
from generator.pipeline import build_docs, docs_built_by_caller
from generator.print import PrinterMissing
from generator.print.background import BackgroundPrinter
from generator.render.not_found import not_found_pages
from generator.render.page_links import Repository, page_tools, repository
from generator.typography import typeset_html

log = logging.getLogger("mkdocs.plugins.client-centric-playbook")

WATCHED = ("content", "playbook", "site_templates")


class PlaybookPluginConfig(Config):  # type: ignore[no-untyped-call]
    search = config_options.Type(bool, default=True)
    """Build the Pagefind search index after the site (turn off for quick previews)."""


class PlaybookPlugin(BasePlugin[PlaybookPluginConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.model: Model | None = None
        """The model the last build rendered: the 404 page's words come from it."""
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
        # `mkdocs build -d DIR` and mkdocs.yml's site_dir empty the folder first: the same
        # guard as `playbook build --site-dir` (whose staging folder is new and empty).
        try:
            check_site_dir(self.root, Path(config.site_dir), Path(config.docs_dir))
        except UsageError as error:
            raise PluginError(str(error)) from None
        return config

    def _is_inner_build(self, config: MkDocsConfig) -> bool:
        """True in the builds static-i18n runs for the other languages."""
        i18n = config.plugins.get("i18n")
        return bool(getattr(i18n, "building", False))

    def on_pre_build(self, config: MkDocsConfig) -> None:
        if self._is_inner_build(config):
            return
        result = docs_built_by_caller()
        if result is None:
            later = self.background.submit if self.background else None
            try:
                result = build_docs(
                    self.root,
                    Path(config.docs_dir),
                    config_file=Path(config.config_file_path or self.root / "mkdocs.yml"),
                    later=later,
                    offline_copy=not self.serving,  # zipping the site after each edit would slow it
                )
            except ContentError as error:
                raise PluginError(f"{error}\n{say('invalid', count=len(error.problems))}") from None
            except PrinterMissing as error:
                raise PluginError(str(error)) from None
        pdfs, pages = result.pdfs, result.pages
        log.info(f"Printed {len(pdfs.printed)} PDF(s), {pdfs.from_cache} from cache")
        if pdfs.pending:
            log.info(f"Printing {len(pdfs.pending)} PDF(s) in the background")
        if pages.written or pages.removed:
            log.info(f"Rendered {len(pages.written)} page(s), removed {len(pages.removed)}")
        if self.serving and self.background is None:
            self.background = BackgroundPrinter(
                cache_dir(self.root, "pdf"), self._print_done_signal()
            )
        self.model = result.model

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> str:
        # The theme's words (menus, footer, title) join the page's: typeset them all at
        # once, each text in its element's language (`<html lang>`, `lang` attributes).
        return typeset_html(output, self._language(config))

    def on_post_template(
        self, output_content: str, template_name: str, config: MkDocsConfig
    ) -> str:
        return typeset_html(output_content, self._language(config))

    def _language(self, config: MkDocsConfig) -> str:
        return self.model.default_language if self.model is not None else "en"

    def on_env(self, env: Any, config: MkDocsConfig, files: Any) -> Any:
        # MkDocs compiles theme templates without autoescaping: every value a theme
        # template shows (strings.yml, languages.yml, titles) is escaped, and only the
        # page body MkDocs made from our own rendered pages is marked safe there.
        env.autoescape = True
        if self.model is not None:
            env.globals["playbook_not_found"] = not_found_pages(self.model)
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
        mark_site(Path(config.site_dir))
        if docs_built_by_caller() is None:  # `playbook build` does both itself
            if not self.serving:
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

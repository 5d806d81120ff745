"""`print_documents`: every PDF of every language and page size, printing only what changed.

Each document is rendered to HTML (cheap), its cache key computed, and only the
PDFs the cache does not hold are printed (the slow part), in parallel processes
when there are several. When nothing the documents are made from changed since
the last build (same content, templates, code, fonts and renderer), the keys that
build used are read back and no HTML is rendered at all.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from pathlib import Path

from generator.model import Model
from generator.print import pdf
from generator.print.cache import PdfCache, cache_key
from generator.print.fonts import font_faces, fonts_css, fonts_fingerprint
from generator.render.documents import PAGE_SIZES, Document, documents, download_key, pdf_path
from generator.render.pages import Download
from generator.render.print_markup import PRINT_CSS, print_templates, render_document
from generator.render.sources import rendering_key

__all__ = ["PdfFile", "PrintJob", "PrintReport", "print_documents", "print_jobs", "print_pdfs"]


@dataclass(frozen=True)
class PdfFile:
    language: str
    document: Document
    page_size: str
    key: str
    """The cache key: a hash of everything the PDF is made from."""
    data: bytes
    printed: bool
    """True if printed by this build, False if it came from the cache."""
    pending: bool = False
    """True if `data` is the last build's PDF, shown until the new one is printed."""

    @property
    def docs_path(self) -> str:
        """Where it goes under `docs/`: 'fr/downloads/worksheet-simple-a4.pdf'."""
        return f"{self.language}/{pdf_path(self.document, self.page_size)}"


@dataclass(frozen=True)
class PrintReport:
    pdfs: tuple[PdfFile, ...]

    @property
    def files(self) -> dict[str, bytes]:
        """Every PDF by its path under `docs/`, to write beside the pages."""
        return {file.docs_path: file.data for file in self.pdfs}

    @property
    def downloads(self) -> dict[str, dict[str, Download]]:
        """What the pages link to, by language and download key."""
        offered: dict[str, dict[str, Download]] = {}
        for file in self.pdfs:
            offered.setdefault(file.language, {})[download_key(file.document, file.page_size)] = (
                Download(
                    pdf_path(file.document, file.page_size),
                    len(file.data),
                    file.document.label_key,
                )
            )
        return offered

    @property
    def printed(self) -> tuple[str, ...]:
        """The PDFs this build printed, by path under `docs/`."""
        return tuple(file.docs_path for file in self.pdfs if file.printed)

    @property
    def from_cache(self) -> int:
        return sum(1 for file in self.pdfs if not file.printed and not file.pending)

    @property
    def pending(self) -> tuple[str, ...]:
        """The PDFs shown in their last build's version while the new one is printed."""
        return tuple(file.docs_path for file in self.pdfs if file.pending)


@dataclass(frozen=True)
class PrintJob:
    """A PDF the cache does not hold yet: what to print, and the key to store it under."""

    language: str
    document: Document
    page_size: str
    html: str
    stylesheets: tuple[str, ...]
    key: str


def print_documents(
    model: Model,
    templates: Path,
    cache_folder: Path,
    workers: int | None = None,
    later: Callable[[list[PrintJob]], None] | None = None,
    on_printed: Callable[[int, int], None] | None = None,
) -> PrintReport:
    """Every document in every language and page size, from the cache where it holds them.

    With `later` (the live preview), a PDF the last build also made is not printed
    now: its last version is shown and the jobs are handed to `later`, so an edit
    shows in the pages in a second rather than after the slow printing. `on_printed`
    is told (PDFs printed so far, PDFs to print) as printing starts and after each. Raises
    `pdf.PrinterMissing` when a PDF must be printed and WeasyPrint cannot start.
    """
    faces = font_faces()
    fonts = fonts_fingerprint(faces)
    renderer = pdf.renderer_version()
    cache = PdfCache(cache_folder)
    inputs = rendering_key(model, templates).add(fonts, renderer).hex()
    unchanged = _from_plan(model, cache, inputs)
    if unchanged is not None:
        return unchanged
    print_css = (print_templates(templates) / PRINT_CSS).read_text(encoding="utf-8")
    jobs: list[PrintJob] = []
    for document in documents(model):
        for language in model.language_codes:
            html = render_document(model, document, language, templates)
            for page_size, css_size in PAGE_SIZES.items():
                sheets = (fonts_css(faces), print_css, pdf.page_css(css_size, document.orientation))
                key = cache_key(html, sheets, fonts, renderer)
                jobs.append(PrintJob(language, document, page_size, html, sheets, key))

    found = {job.key: cache.get(job.key) for job in jobs}
    missing = list({job.key: job for job in jobs if found[job.key] is None}.values())
    stand_ins = _last_versions(cache, missing) if later else {}
    deferred = [job for job in missing if job.key in stand_ins]
    missing = [job for job in missing if job.key not in stand_ins]
    print_jobs(missing, cache, workers, on_printed=on_printed)
    for job in missing:
        found[job.key] = cache.get(job.key)
    cache.prune([*found, *(key for key, _ in stand_ins.values())])
    if deferred and later:
        later(deferred)  # the plan is written by the build that finds them all printed
    else:
        names = {_plan_name(job.language, job.document, job.page_size): job.key for job in jobs}
        cache.put_plan(inputs, names)

    printed_now = {job.key for job in missing}
    return PrintReport(
        tuple(
            PdfFile(
                job.language,
                job.document,
                job.page_size,
                job.key,
                found[job.key] or stand_ins[job.key][1],
                job.key in printed_now,
                pending=job.key in stand_ins,
            )
            for job in jobs
        )
    )


def print_jobs(
    jobs: Sequence[PrintJob],
    cache: PdfCache,
    workers: int | None = None,
    background: bool = False,
    on_printed: Callable[[int, int], None] | None = None,
) -> None:
    """Print each job's PDF and store it in the cache under its key."""
    if on_printed:
        on_printed(0, len(jobs))
    if not jobs:
        return
    pdf.check_libraries()
    sources = [(job.html, job.stylesheets) for job in jobs]
    scratch = cache.folder.parent / "tmp"
    printed = print_pdfs(sources, workers, background, on_printed, scratch)
    for job, data in zip(jobs, printed, strict=True):
        cache.put(job.key, data)


def _last_versions(cache: PdfCache, jobs: Sequence[PrintJob]) -> dict[str, tuple[str, bytes]]:
    """(key, PDF) of the last planned version of each job's document, where the cache has it."""
    last = cache.last_plan()
    versions: dict[str, tuple[str, bytes]] = {}
    for job in jobs:
        key = last.get(_plan_name(job.language, job.document, job.page_size))
        data = cache.get(key) if key else None
        if key and data is not None:
            versions[job.key] = (key, data)
    return versions


def _plan_name(language: str, document: Document, page_size: str) -> str:
    return f"{language}/{document.key}/{page_size}"


def _from_plan(model: Model, cache: PdfCache, inputs: str) -> PrintReport | None:
    """Every PDF from the cache by the keys the last build used, if its inputs were the same."""
    keys = cache.plan(inputs)
    if keys is None:
        return None
    printed: list[PdfFile] = []
    for document in documents(model):
        for language in model.language_codes:
            for page_size in PAGE_SIZES:
                key = keys.get(_plan_name(language, document, page_size))
                data = cache.get(key) if key else None
                if key is None or data is None:
                    return None
                printed.append(PdfFile(language, document, page_size, key, data, False))
    if len(printed) != len(keys):
        return None
    cache.prune(keys.values())
    return PrintReport(tuple(printed))


def print_pdfs(
    sources: Sequence[tuple[str, tuple[str, ...]]],
    workers: int | None = None,
    background: bool = False,
    on_printed: Callable[[int, int], None] | None = None,
    scratch: Path | None = None,
) -> list[bytes]:
    """The PDF of each (HTML, style sheets), in order; in parallel processes when several.

    `workers` defaults to the CPUs this process may use. `background` printing runs
    at a lower priority, so that the live preview's next rebuild is not slowed by it.
    `on_printed` is told (PDFs printed so far, all of them) after each one.
    Temporary files go to a folder of ours in `scratch` (see `pdf.use_scratch`).
    A process pool needs the main module to guard its work with
    `if __name__ == "__main__":`, as every console script does.
    """

    def counted(done: int, data: bytes) -> bytes:
        if on_printed:
            on_printed(done, len(sources))
        return data

    workers = min(workers or _available_cpus(), len(sources))
    folder = pdf.use_scratch(scratch) if scratch else tempfile.gettempdir()
    if background:
        workers = max(workers, 1)  # always in worker processes: only they are reniced
    elif workers <= 1:
        with pdf.printing_in(folder):
            return [
                counted(done, pdf.print_pdf(html, sheets))
                for done, (html, sheets) in enumerate(sources, 1)
            ]
    # Longest first, so one big document does not start last and leave a worker idle.
    order = sorted(range(len(sources)), key=lambda index: -len(sources[index][0]))
    results: list[bytes] = [b""] * len(sources)
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_process_context(),
        initializer=pdf.start_worker,
        initargs=(folder, background, os.getpid()),
    )
    try:
        printed = pool.map(
            pdf.print_pdf, [sources[i][0] for i in order], [sources[i][1] for i in order]
        )
        for done, (index, data) in enumerate(zip(order, printed, strict=True), 1):
            results[index] = counted(done, data)
    except BaseException:
        # Stopped (Ctrl-C, SIGTERM) or failed: the workers stop now, not after their PDF.
        for process in list(pool._processes.values()):
            process.kill()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown()
    return results


def _available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _process_context() -> BaseContext:
    """Workers forked from a clean server process that has imported WeasyPrint once.

    Forking the build itself is unsafe: `mkdocs serve` runs threads.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["generator.print.pdf", "weasyprint"])
        return context
    return multiprocessing.get_context("spawn")

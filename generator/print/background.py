"""Printing in the background during `mkdocs serve`, so an edit shows in a second.

The preview shows a document's last PDF while its new version is printed; when
the printing is done, a file the server watches is touched, and the rebuild that
follows finds every PDF in the cache.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path

from generator.print.build import PrintJob, print_jobs
from generator.print.cache import PdfCache

__all__ = ["BackgroundPrinter"]

log = logging.getLogger("mkdocs.plugins.client-centric-playbook")


class BackgroundPrinter:
    """One printing thread at a time; jobs asked for while it runs wait for the next round."""

    def __init__(self, cache_folder: Path, done_signal: Path) -> None:
        self.cache = PdfCache(cache_folder)
        self.done_signal = done_signal
        """Touched after each round: `mkdocs serve` watches it and rebuilds."""
        self._lock = threading.Lock()
        self._waiting: dict[str, PrintJob] = {}
        self._thread: threading.Thread | None = None
        self._rounds = 0

    def submit(self, jobs: Sequence[PrintJob]) -> None:
        """Queue jobs; they start with `start`, once the build that asked for them is done."""
        with self._lock:
            for job in jobs:
                self._waiting.setdefault(job.key, job)

    def start(self) -> None:
        with self._lock:
            if self._waiting and (self._thread is None or not self._thread.is_alive()):
                self._thread = threading.Thread(
                    target=self._run, name="playbook-pdf-printer", daemon=True
                )
                self._thread.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                jobs = list(self._waiting.values())
                self._waiting.clear()
                if not jobs:
                    self._thread = None
                    return
            try:
                print_jobs(jobs, self.cache, background=True)
            except Exception as error:
                # No rebuild signal: it would defer the same jobs again, in a loop. The
                # next edit tries again; `playbook build` prints in the foreground.
                log.warning(f"Printing {len(jobs)} PDF(s) in the background failed: {error}")
                continue
            log.info(f"Printed {len(jobs)} PDF(s) in the background")
            self._rounds += 1
            self.done_signal.parent.mkdir(parents=True, exist_ok=True)
            self.done_signal.write_text(f"{self._rounds}\n", encoding="utf-8")

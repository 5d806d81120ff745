"""One build in a fresh process, timed from the inside; prints one JSON object.

    python bench/worker.py ours  ROOT SITE_DIR   # `playbook build --site-dir SITE_DIR`
    python bench/worker.py plain ROOT SITE_DIR   # `mkdocs build`, our code never imported
    python bench/worker.py ours  ROOT SITE_DIR --stand-in-pdfs BYTES_PER_CHAR

`--stand-in-pdfs` fills the PDF cache without WeasyPrint, for the benchmark's
synthetic content: each PDF the build would print is a stand-in file of the size a
real one would have (the given bytes per character of the document's HTML), stored
under the key the build computes itself, so the next build finds every PDF cached.

For `ours`, the functions our pipeline and MkDocs plugin call are wrapped with timers before
the build: the stage a function belongs to is read from its module, so a stage
added later (the PDFs from `generator.print`) is picked up without changes here.
`load` is split into reading YAML and validating (everything else `load` does).
"""

from __future__ import annotations

import functools
import inspect
import json
import resource
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

STARTED = time.perf_counter()

seconds: defaultdict[str, float] = defaultdict(float)
calls: defaultdict[str, int] = defaultdict(int)
running: defaultdict[str, int] = defaultdict(int)


def _timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """Time the outermost call of a stage, in the main thread (a stage's workers run inside it)."""
    if getattr(function, "bench_stage", None):
        return function

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if running[name] or threading.current_thread() is not threading.main_thread():
            return function(*args, **kwargs)
        running[name] += 1
        inside_hooks = name != "hooks" and running["hooks"] > 0
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            elapsed = time.perf_counter() - start
            seconds[name] += elapsed
            if inside_hooks:  # what the plugin's hooks spent on it, for "other plugin work"
                seconds[f"{name}@hooks"] += elapsed
            calls[name] += 1
            running[name] -= 1

    wrapper.bench_stage = name  # type: ignore[attr-defined]
    return wrapper


def _stage_of(module: str) -> str | None:
    if module == "generator.load" or module.startswith("generator.schema"):
        return "load_validate"
    if module == "generator.output.search_index":
        return "search"
    for stage in ("render", "print"):
        if module.startswith(f"generator.{stage}"):
            return stage
    return None


def instrument() -> None:
    """Wrap what the pipeline and our plugin call, by stage."""
    import generator.load
    import generator.mkdocs_plugin as plugin
    import generator.pipeline as pipeline
    import generator.schema.reading as reading

    # What the pipeline and the plugin imported by name, and what the PDF stage's modules
    # define (the pipeline may call them through their module); nested calls of one stage
    # count once.
    printing = [m for n, m in list(sys.modules.items()) if n.startswith("generator.print")]
    for module in (pipeline, plugin, *printing):
        for name, value in list(vars(module).items()):
            if not inspect.isfunction(value) or value.__module__ in (
                plugin.__name__,
                pipeline.__name__,
            ):
                continue
            stage = _stage_of(value.__module__)
            if stage is not None and (module in (pipeline, plugin) or stage == "print"):
                setattr(module, name, _timed(stage, value))
    # Our whole pipeline and every hook of our plugin, so work no timer above names (the
    # worked example, the language check) still counts as ours.
    pipeline.build_docs = _timed("hooks", pipeline.build_docs)  # type: ignore[attr-defined]
    for name, value in list(vars(plugin.PlaybookPlugin).items()):
        if name.startswith("on_") and inspect.isfunction(value):
            setattr(plugin.PlaybookPlugin, name, _timed("hooks", value))
    pipeline.mkdocs_build = _timed("mkdocs_build", pipeline.mkdocs_build)  # type: ignore[attr-defined]
    pipeline.load_config = _timed("mkdocs_config", pipeline.load_config)  # type: ignore[attr-defined]
    reading.read_yaml = _timed("read_yaml", reading.read_yaml)  # type: ignore[attr-defined]
    generator.load.load = _counted("load", _timed("load_validate", generator.load.load))
    pipeline.load = _counted("load", pipeline.load)  # type: ignore[attr-defined]


def _counted(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """Count every call, in `calls` (the stage timers count only the outermost of a stage)."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls[name] += 1
        return function(*args, **kwargs)

    return wrapper


STAND_IN_HEADER = b"%PDF-1.7\n% stand-in written by bench/worker.py, not printed\n"

pdfs: defaultdict[str, int] = defaultdict(int)


def count_pdfs(stand_in: float | None) -> None:
    """Count what the PDF stage printed; with `stand_in`, print nothing (see the docstring)."""
    import generator.pipeline as pipeline
    import generator.print.build as printing

    print_documents = pipeline.print_documents
    print_pdfs = printing.print_pdfs

    def counted_documents(*args: Any, **kwargs: Any) -> Any:
        report = print_documents(*args, **kwargs)
        pdfs["total"] += len(report.pdfs)
        return report

    def counted_pdfs(sources: Any, *args: Any, **kwargs: Any) -> list[bytes]:
        start = time.perf_counter()
        if stand_in is None:
            printed: list[bytes] = print_pdfs(sources, *args, **kwargs)
        else:
            printed = [
                STAND_IN_HEADER.ljust(max(len(STAND_IN_HEADER), round(stand_in * len(html))), b"0")
                for html, _ in sources
            ]
            pdfs["stand_ins"] += len(printed)
        seconds["printing"] += time.perf_counter() - start
        pdfs["printed"] += len(sources)
        pdfs["html_chars"] += sum(len(html) for html, _ in sources)
        pdfs["bytes"] += sum(len(data) for data in printed)
        return printed

    pipeline.print_documents = functools.wraps(print_documents)(counted_documents)
    printing.print_pdfs = counted_pdfs


def build_ours(root: Path, site_dir: Path, stand_in: float | None = None) -> None:
    instrument()
    count_pdfs(stand_in)
    from generator.cli import main

    imported = time.perf_counter()
    status = main(["build", "--root", str(root), "--site-dir", str(site_dir)])
    if status != 0:
        raise SystemExit(status)
    seconds["import"] = imported - STARTED


def build_plain(root: Path, site_dir: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    imported = time.perf_counter()
    config = _timed("mkdocs_config", load_config)(str(root / "mkdocs.yml"), site_dir=str(site_dir))
    _timed("mkdocs_build", build)(config)
    seconds["import"] = imported - STARTED


def main(argv: list[str]) -> int:
    mode, root, site_dir = argv[0], Path(argv[1]).resolve(), Path(argv[2]).resolve()
    if mode == "ours":
        stand_in = float(argv[4]) if argv[3:4] == ["--stand-in-pdfs"] else None
        build_ours(root, site_dir, stand_in)
    else:
        build_plain(root, site_dir)
    total = time.perf_counter() - STARTED
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = {
        "mode": mode,
        "total": total,
        "seconds": dict(seconds),
        "calls": dict(calls),
        "pdfs": dict(pdfs),
        "peak_rss_kib": own,
        "peak_child_rss_kib": children,
    }
    print("BENCH-RESULT " + json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

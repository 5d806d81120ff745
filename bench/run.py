"""The build benchmark: one command, one Markdown table, every figure from the same run.

    python bench/run.py [--runs N] [--quick] [--output FILE]

Everything runs on copies in a temporary folder; the working tree is not touched.
Builds run round-robin (cold, warm, plain, edited and each synthetic build, then
again), each in a fresh process (bench/worker.py), so noise on a busy machine
spreads over all of them alike; the table shows medians.

- cold: `playbook build` with empty docs/ and caches (`PLAYBOOK_CACHE_DIR` points at
  an empty folder): every page rendered, every PDF printed, templates compiled;
  warm: the same again with nothing changed, so the PDF cache hits;
  edited: one statement's text changed before each build (and put back after), so
  only the PDFs that show it are printed again.
- plain: `mkdocs build` of the docs/ our plugin generated, same theme and
  mkdocs-static-i18n, without our plugin (a hook provides the 404 page's data).
- our stages: reading YAML, validating, rendering pages, PDFs, timed inside the build;
  how many PDFs each build printed, and how long printing them took.
- synthetic: the real content multiplied (bench/synthetic.py), warm builds. Each size
  has its own folder and caches, filled by one untimed build that writes stand-in
  PDFs (the size real ones would have) instead of printing: a warm build only reads
  them from the cache, and printing 30x the PDFs would take most of the run.
- serve: `mkdocs serve`, then a one-line edit of a statement; time until the served
  page shows the new text.
- weight: HTML + CSS + JS a first visit downloads (uncompressed); search index per language.

--quick: one run of each build (the first cold build is the measured one), synthetic
content at 1x and 2x, one serve edit.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import os
import platform
import posixpath
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from synthetic import copy_project, make_project

ROOT = Path(__file__).resolve().parents[1]
WORKER = Path(__file__).resolve().parent / "worker.py"
PLUGIN = "client-centric-playbook"
CACHE_VARIABLE = "PLAYBOOK_CACHE_DIR"

BUDGET_STAGE_SHARE = 0.10
BUDGET_PLAIN_RATIO = 1.5
BUDGET_SCALE_10X = 10.0
BUDGET_SERVE_SECONDS = 1.5
BUDGET_FIRST_LOAD_BYTES = 60_000

# Timers the worker reports, and the name each gets in the table.
STAGES = {
    "read_yaml": "read YAML",
    "validate": "validate and assemble the model",
    "render": "render pages (templates, Markdown, write docs/)",
    "print": "PDFs (documents' HTML, cache look-up, printing what is missing)",
    "other": "other work in our plugin's hooks",
}


@dataclass
class Build:
    wall: float
    result: dict[str, Any]

    def stage(self, name: str) -> float:
        measured: dict[str, float] = self.result["seconds"]
        if name == "validate":
            return measured.get("load_validate", 0.0) - measured.get("read_yaml", 0.0)
        if name == "other":
            named = ("load_validate", "render", "print", "search")
            inside = sum(measured.get(f"{stage}@hooks", 0.0) for stage in named)
            return max(0.0, measured.get("hooks", 0.0) - inside)
        return measured.get(name, 0.0)

    @property
    def pdfs(self) -> dict[str, int]:
        found: dict[str, int] = self.result.get("pdfs", {})
        return found

    @property
    def printed(self) -> float:
        """PDFs this build printed (a float, for medians)."""
        return float(self.pdfs.get("printed", 0))

    @property
    def printing(self) -> float:
        """Seconds spent printing them (WeasyPrint, in parallel processes)."""
        return float(self.result["seconds"].get("printing", 0.0))

    @property
    def ours(self) -> float:
        return sum(self.stage(name) for name in STAGES)

    @property
    def peak_mib(self) -> float:
        return float(self.result["peak_rss_kib"]) / 1024

    @property
    def child_peak_mib(self) -> float:
        return float(self.result["peak_child_rss_kib"]) / 1024


@dataclass
class Case:
    name: str
    root: Path
    mode: str = "ours"
    cold: bool = False
    edit: bool = False
    site: str = "site"
    prepare: Callable[[], None] | None = None
    """Run once, just before the case's first measured build."""
    builds: list[Build] = field(default_factory=list)

    def median(self, value: Callable[[Build], float]) -> float:
        return statistics.median(value(build) for build in self.builds)

    def spread(self, value: Callable[[Build], float]) -> tuple[float, float]:
        values = [value(build) for build in self.builds]
        return min(values), max(values)


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- builds ---------------------------------------------------------------------------------


def cache_dir(root: Path) -> Path:
    return root / ".bench-cache"


def run_build(case: Case, stand_in: float | None = None) -> Build:
    """One build of `case` in a fresh process; `stand_in`: write stand-in PDFs (worker.py)."""
    root = case.root
    environment = {**os.environ, CACHE_VARIABLE: str(cache_dir(root))}
    if case.cold:
        shutil.rmtree(cache_dir(root), ignore_errors=True)
        shutil.rmtree(root / ".cache", ignore_errors=True)
        for entry in (root / "docs").iterdir():
            if entry.name != ".gitignore":
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    command = [sys.executable, str(WORKER), case.mode, str(root), str(root / case.site)]
    if stand_in is not None:
        command += ["--stand-in-pdfs", repr(stand_in)]
    edited = editable_statement(root) if case.edit else None
    if edited:
        path, original, text = edited
        marker = f"Benchmark edit {next(_EDITS)}."  # never the text of the build before
        path.write_text(original.replace(text, f"{text} {marker}", 1), encoding="utf-8")
    start = time.perf_counter()
    try:
        outcome = subprocess.run(
            command, cwd=root, env=environment, capture_output=True, text=True, check=False
        )
    finally:
        wall = time.perf_counter() - start
        if edited:  # as it was: the next build of this folder finds its PDFs cached again
            edited[0].write_text(edited[1], encoding="utf-8")
    marker = "BENCH-RESULT "
    lines = [line for line in outcome.stdout.splitlines() if line.startswith(marker)]
    if outcome.returncode != 0 or not lines:
        raise SystemExit(
            f"the {case.name} build failed ({outcome.returncode}):\n"
            f"{outcome.stdout}{outcome.stderr}"
        )
    return Build(wall, json.loads(lines[-1][len(marker) :]))


def first_attribute_id(root: Path) -> str:
    sys.path.insert(0, str(ROOT))
    from generator.load import load

    return load(root).attributes[0].id


_EDITABLE: dict[Path, tuple[Path, str, str]] = {}
_EDITS = itertools.count(1)


def editable_statement(root: Path) -> tuple[Path, str, str]:
    """The first attribute's file as it was, and a statement text found in it verbatim, once."""
    if root not in _EDITABLE:
        sys.path.insert(0, str(ROOT))
        from generator.load import load

        attribute = load(root).attributes[0]
        path = root / "content" / "attributes" / f"{attribute.id}.yml"
        original = path.read_text(encoding="utf-8")
        texts = [s.text["en"] for s in attribute.statements if original.count(s.text["en"]) == 1]
        if not texts:
            raise SystemExit(f"{path}: no statement text appears in it verbatim, once")
        _EDITABLE[root] = (path, original, texts[0])
    return _EDITABLE[root]


def make_plain_project(real: Path, target: Path) -> None:
    """The docs/ our plugin generated, built by MkDocs with the same theme, minus our plugin."""
    sys.path.insert(0, str(ROOT))
    from generator.load import load
    from generator.render.not_found import not_found_pages

    target.mkdir(parents=True)
    shutil.copytree(real / "docs", target / "docs")
    shutil.copytree(real / "site_templates" / "theme", target / "site_templates" / "theme")
    config = yaml.safe_load((real / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [
        plugin
        for plugin in config["plugins"]
        if plugin != PLUGIN and not (isinstance(plugin, dict) and PLUGIN in plugin)
    ]
    config["hooks"] = ["not_found_hook.py"]
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    # The theme's 404 page reads a global our plugin sets; the hook sets the same data.
    data = json.dumps(not_found_pages(load(real)), ensure_ascii=False)
    (target / "not_found_hook.py").write_text(
        '"""Sets the 404 page\'s data, as our plugin would (benchmark only)."""\n\n'
        "import json\n\n"
        f"NOT_FOUND = json.loads({data!r})\n\n\n"
        "def on_env(env, config, files):\n"
        '    env.globals["playbook_not_found"] = NOT_FOUND\n'
        "    return env\n",
        encoding="utf-8",
    )


# --- mkdocs serve ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


PRINTED_LOG = re.compile(r"(?:Rendered|Printed) (\d+) PDF")
"""What our plugin logs after printing: 'Printed 12 PDF(s), 40 from cache' in a build,
'Printed 6 PDF(s) in the background' when `mkdocs serve` printed them after the pages."""
BACKGROUND_STARTED = re.compile(r"Printing \d+ PDF\(s\) in the background")
BACKGROUND_DONE = re.compile(r"Printed \d+ PDF\(s\) in the background")


class ServeLog:
    """Reads `mkdocs serve`'s log as it comes, keeping when each rebuild ended."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: list[tuple[float, str]] = []
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._read, args=(process,), daemon=True)
        self.thread.start()

    def _read(self, process: subprocess.Popen[str]) -> None:
        assert process.stderr is not None
        for line in process.stderr:
            with self.lock:
                self.lines.append((time.perf_counter(), line.rstrip()))

    def times(self, text: str | re.Pattern[str], after: float) -> list[float]:
        """When each line since `after` that contains `text` (or matches it) was read."""
        pattern = re.compile(re.escape(text)) if isinstance(text, str) else text
        with self.lock:
            return [
                moment for moment, line in self.lines if pattern.search(line) and moment > after
            ]

    def printed(self, after: float) -> int | None:
        """PDFs the rebuilds since `after` printed, as our plugin logs it; None if not logged."""
        with self.lock:
            counts = [
                int(found.group(1))
                for moment, line in self.lines
                if moment > after and (found := PRINTED_LOG.search(line))
            ]
        return sum(counts) if counts else None

    def tail(self) -> str:
        with self.lock:
            return "\n".join(line for _, line in self.lines[-30:])


@dataclass
class ServeEdit:
    seconds: float
    detected: float
    rebuilds: int
    printed: int | None


def measure_serve(root: Path, edits: int) -> list[ServeEdit]:
    """Edit one statement's text `edits` times; time until the served page shows it."""
    sys.path.insert(0, str(ROOT))
    from generator.load import load

    attribute = load(root).attributes[0]
    path, original, text = editable_statement(root)
    port = free_port()
    url = f"http://127.0.0.1:{port}/model/{attribute.id}/"
    environment = {**os.environ, CACHE_VARIABLE: str(cache_dir(root))}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    process = subprocess.Popen(
        command,
        cwd=root,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    serve_log = ServeLog(process)
    results: list[ServeEdit] = []
    try:
        deadline = time.perf_counter() + 300
        while fetch(url) is None:
            if process.poll() is not None or time.perf_counter() > deadline:
                raise SystemExit(f"mkdocs serve did not start:\n{serve_log.tail()}")
            time.sleep(0.1)
        wait_until_quiet(serve_log, since=0.0)
        for number in range(1, edits + 1):
            marker = f"Benchmark edit {number}"
            path.write_text(original.replace(text, f"{text} {marker}", 1), encoding="utf-8")
            edited = time.perf_counter()
            deadline = edited + 60
            while (page := fetch(url)) is None or marker not in page:
                if process.poll() is not None or time.perf_counter() > deadline:
                    raise SystemExit(f"the edit never reached the page:\n{serve_log.tail()}")
                time.sleep(0.02)
            seen = time.perf_counter()
            wait_until_quiet(serve_log, since=edited)
            detected = serve_log.times("Detected file changes", edited)
            results.append(
                ServeEdit(
                    seconds=seen - edited,
                    detected=(detected[0] - edited) if detected else float("nan"),
                    rebuilds=len(serve_log.times("Detected file changes", edited)),
                    printed=serve_log.printed(edited),
                )
            )
            log(
                f"serve edit {number}: {seen - edited:.2f} s, {results[-1].rebuilds} rebuild(s), "
                f"{results[-1].printed} PDF(s) printed"
            )
    finally:
        path.write_text(original, encoding="utf-8")
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return results


def wait_until_quiet(serve_log: ServeLog, since: float, quiet: float = 2.0) -> None:
    """Until every rebuild started has finished and MkDocs logged nothing for `quiet` seconds."""
    deadline = time.perf_counter() + 120
    while time.perf_counter() < deadline:
        started = serve_log.times("Detected file changes", since)
        finished = serve_log.times("Reloading browsers", since) + serve_log.times(
            "error happened during the rebuild", since
        )
        events = serve_log.times("", since)
        printing = serve_log.times(BACKGROUND_STARTED, since)
        printed = serve_log.times(BACKGROUND_DONE, since)
        if (
            len(finished) >= len(started)
            and len(printed) >= len(printing)
            and (not events or time.perf_counter() - events[-1] > quiet)
        ):
            return
        time.sleep(0.1)


# --- page weight ----------------------------------------------------------------------------


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        rel = (found.get("rel") or "").split()
        if tag == "link" and ("stylesheet" in rel or "modulepreload" in rel):
            self.urls.append(found.get("href") or "")
        elif tag == "script" and found.get("src"):
            self.urls.append(found["src"] or "")


def first_load(site: Path, page: str) -> tuple[int, int, list[str]]:
    """Bytes of a page's HTML and of the CSS/JS it links; and the files counted."""
    html_path = site / page / "index.html" if page else site / "index.html"
    html = html_path.read_text(encoding="utf-8")
    parser = _Assets()
    parser.feed(html)
    folder = posixpath.dirname(html_path.relative_to(site).as_posix())
    assets: list[str] = []
    size = 0
    for url in parser.urls:
        if re.match(r"^[a-z]+:|^//", url):
            raise SystemExit(f"{page or 'home page'} loads {url} from another host")
        relative = posixpath.normpath(posixpath.join(folder, url.split("?")[0].split("#")[0]))
        assets.append(relative)
        size += (site / relative).stat().st_size
    return len(html.encode("utf-8")), size, assets


def search_index(site: Path) -> dict[str, dict[str, int]]:
    """Pagefind's files for each language: index chunks, fragments, metadata, and its WASM."""
    folder = site / "pagefind"
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    sizes: dict[str, dict[str, int]] = {}
    for language, info in sorted(entry["languages"].items()):
        prefix = f"{language}_"
        index = sum(path.stat().st_size for path in (folder / "index").glob(f"{prefix}*"))
        fragments = sum(path.stat().st_size for path in (folder / "fragment").glob(f"{prefix}*"))
        meta = (folder / f"pagefind.{info['hash']}.pf_meta").stat().st_size
        wasm = folder / f"wasm.{info['wasm']}.pagefind"
        sizes[language] = {
            "pages": int(info["page_count"]),
            "index": index + meta,
            "fragments": fragments,
            "wasm": wasm.stat().st_size if wasm.exists() else 0,
        }
    return sizes


# --- the report -----------------------------------------------------------------------------


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total = int(meminfo.read_text().split("MemTotal:")[1].split()[0])
        memory = f", {total / 1024 / 1024:.0f} GiB memory"
    return (
        f"{os.cpu_count()} CPU(s), {cpu}{memory}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def seconds(value: float) -> str:
    return f"{value:.2f}"


def kb(value: float) -> str:
    return f"{value / 1000:.1f}"


def verdict(ok: bool) -> str:
    return "holds" if ok else "**fails**"


@dataclass
class Report:
    runs: int
    cases: dict[str, Case]
    scales: dict[int, Case]
    counts: dict[int, dict[str, int]]
    warmups: dict[int, Build]
    stand_in: float
    serve: list[ServeEdit]
    weights: dict[str, tuple[int, int, list[str]]]
    index: dict[str, dict[str, int]]
    load_average: tuple[float, float, float]
    started: datetime

    def markdown(self) -> str:
        cold, warm, plain = self.cases["cold"], self.cases["warm"], self.cases["plain"]
        edited = self.cases["edited"]
        warm_wall = warm.median(lambda b: b.wall)
        plain_wall = plain.median(lambda b: b.wall)
        share = warm.median(lambda b: b.ours / b.wall)
        ratio = warm_wall / plain_wall
        out = [
            f"Measured {self.started:%Y-%m-%d %H:%M} UTC on {machine()}; "
            f"load average at start {self.load_average[0]:.2f}. "
            f"Medians of {self.runs} run(s), each build a fresh process; "
            "(min-max) in brackets.",
            "",
            "| build | wall time (s) | PDFs printed | printing them (s) | our stages (s) "
            "| our share | peak memory (MiB): build, largest child |",
            "|---|---|---|---|---|---|---|",
        ]

        def row(label: str, case: Case) -> str:
            low, high = case.spread(lambda b: b.wall)
            printed = case.median(lambda b: b.printed)
            printing = (
                f"{seconds(case.median(lambda b: b.printing))}"
                if case.mode == "ours" and printed
                else "0"
            )
            return (
                f"| {label} | {seconds(case.median(lambda b: b.wall))} "
                f"({seconds(low)}-{seconds(high)}) "
                f"| {f'{printed:g}' if case.mode == 'ours' else '—'} | {printing} "
                f"| {seconds(case.median(lambda b: b.ours))} "
                f"| {case.median(lambda b: b.ours / b.wall):.0%} "
                f"| {case.median(lambda b: b.peak_mib):.0f}, "
                f"{case.median(lambda b: b.child_peak_mib):.0f} |"
            )

        total = cold.builds[0].pdfs.get("total", 0)
        out.append(row(f"`playbook build`, cold (empty docs/ and caches; {total} PDFs)", cold))
        out.append(row("`playbook build`, warm (nothing changed: PDF cache hit)", warm))
        out.append(
            row("`playbook build` after a one-line YAML edit (PDFs showing it reprinted)", edited)
        )
        out.append(row("plain `mkdocs build`, same pages, PDFs and theme, no plugin", plain))
        for scale, case in self.scales.items():
            count = self.counts[scale]
            label = (
                f"synthetic {scale}x, warm ({count['attributes']} attributes, "
                f"{count['statements']} statements, {count['plays']} plays, "
                f"{self.warmups[scale].pdfs.get('total', 0)} PDFs)"
            )
            out.append(row(label, case))
        out += [
            "",
            "Synthetic sizes: each in its own folder with its own caches, warmed by one untimed "
            "build that wrote stand-in PDFs instead of printing them (stand-ins of "
            f"{self.stand_in:.2f} bytes per character of the document's HTML, the real PDFs' "
            "ratio in this run), under the cache keys the build computes itself.",
            "",
            "Inside the build (median seconds, and share of the build's wall time):",
            "",
            "| stage | cold | warm | after an edit |",
            "|---|---|---|---|",
        ]
        parts: list[tuple[str, Callable[[Build], float]]] = [
            (label, functools.partial(Build.stage, name=name)) for name, label in STAGES.items()
        ]
        parts.insert(
            list(STAGES).index("print") + 1,
            ("of which printing (WeasyPrint, parallel processes)", lambda b: b.printing),
        )
        parts.append(("Pagefind search index (its own binary)", lambda b: b.stage("search")))
        parts.append(("Python imports", lambda b: b.stage("import")))
        parts.append(("MkDocs, mkdocs-static-i18n, start-up, site swap (the rest)", self._rest))
        for label, value in parts:
            cells = [
                f"{seconds(case.median(value))} "
                f"({case.median(functools.partial(share_of, value)):.0%})"
                for case in (cold, warm, edited)
            ]
            out.append(f"| {label} | {' | '.join(cells)} |")
        loads = warm.builds[-1].result["calls"].get("load", 0)
        out += ["", f"`load()` runs {loads} time(s) per `playbook build`.", ""]
        serve_median = statistics.median(edit.seconds for edit in self.serve)
        detected = statistics.median(edit.detected for edit in self.serve)
        rebuilds = max(edit.rebuilds for edit in self.serve)
        reprinted = sorted({edit.printed for edit in self.serve}, key=str)
        out += [
            "| measure | value |",
            "|---|---|",
            f"| `mkdocs serve`: one-line YAML edit until the page shows it "
            f"(median of {len(self.serve)}) | {seconds(serve_median)} s "
            f"(of which {seconds(detected)} s until MkDocs' 0.5 s file poll notices) |",
            f"| rebuilds per edit (the pages at once; then the PDFs, once printed) | {rebuilds} |",
            f"| PDFs printed again per edit in `mkdocs serve`, in the background "
            f"| {', '.join('?' if n is None else str(n) for n in reprinted)} |",
        ]
        for page, (html, assets, files) in self.weights.items():
            listed = ", ".join(files) or "none"
            out.append(
                f"| first load, {page}: HTML + CSS + JS, uncompressed | {kb(html + assets)} KB "
                f"(HTML {kb(html)} KB; {listed}: {kb(assets)} KB) |"
            )
        for language, sizes in self.index.items():
            out.append(
                f"| search index, {language} ({sizes['pages']} pages) | "
                f"{kb(sizes['index'] + sizes['fragments'])} KB (index {kb(sizes['index'])}, "
                f"fragments {kb(sizes['fragments'])}; its WASM {kb(sizes['wasm'])} KB, "
                "fetched only when searching) |"
            )
        out += ["", "| budget | measured | verdict |", "|---|---|---|"]
        edited_share = edited.median(lambda b: b.ours / b.wall)
        out.append(
            f"| our stages ≤ 10 % of a warm build | {share:.0%} "
            f"({edited_share:.0%} after a one-line edit) "
            f"| {verdict(share <= BUDGET_STAGE_SHARE)} |"
        )
        out.append(
            f"| warm build ≤ 1.5x plain MkDocs | {ratio:.2f}x "
            f"| {verdict(ratio <= BUDGET_PLAIN_RATIO)} |"
        )
        if 1 in self.scales and 10 in self.scales:
            base = self.scales[1].median(lambda b: b.wall)
            growth = self.scales[10].median(lambda b: b.wall) / base
            further = [
                f"{scale}x: {case.median(lambda b: b.wall) / base:.2f}x"
                for scale, case in self.scales.items()
                if scale > 10
            ]
            out.append(
                f"| 10x content ≤ 10x the time (warm) | {growth:.2f}x"
                f"{' (' + ', '.join(further) + ')' if further else ''} "
                f"| {verdict(growth <= BUDGET_SCALE_10X)} |"
            )
        out.append(
            f"| serve rebuild < 1.5 s | {seconds(serve_median)} s "
            f"| {verdict(serve_median < BUDGET_SERVE_SECONDS)} |"
        )
        heaviest = max(html + assets for html, assets, _ in self.weights.values())
        out.append(
            f"| first load ≤ 60 KB | {kb(heaviest)} KB (heaviest page) "
            f"| {verdict(heaviest <= BUDGET_FIRST_LOAD_BYTES)} |"
        )
        return "\n".join(out) + "\n"

    @staticmethod
    def _rest(build: Build) -> float:
        return build.wall - build.ours - build.stage("search") - build.stage("import")


def share_of(value: Callable[[Build], float], build: Build) -> float:
    """A part of a build as a share of its wall time."""
    return value(build) / build.wall


def bytes_per_character(cold: Build) -> float:
    """The size of the real PDFs for their HTML's length, from a cold build that printed them."""
    pdfs = cold.pdfs
    if not pdfs.get("html_chars"):
        raise SystemExit("the cold build printed no PDF: stand-ins cannot be sized")
    return pdfs["bytes"] / pdfs["html_chars"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=None, help="runs per build (default 5)")
    parser.add_argument(
        "--quick", action="store_true", help="1 run, synthetic 1x and 2x, one serve edit"
    )
    parser.add_argument("--scales", default=None, help="synthetic scales (default 1,10,30)")
    parser.add_argument("--output", type=Path, help="also write the table to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    arguments = parser.parse_args(argv)
    runs = arguments.runs or (1 if arguments.quick else 5)
    scales_text = arguments.scales or ("1,2" if arguments.quick else "1,10,30")
    scales = [int(value) for value in scales_text.split(",")]
    edits = 1 if arguments.quick else max(3, runs)
    load_average = os.getloadavg()
    started = datetime.now(UTC)
    work = Path(tempfile.mkdtemp(prefix="playbook-bench-"))
    log(f"working in {work}; load average {load_average[0]:.2f}")
    try:
        real = work / "real"
        copy_project(ROOT, real)
        plain_root = work / "plain"
        # The edited build shares the real copy's caches (its edit is put back after each
        # build) and builds into its own site folder, so site/ stays the unedited site.
        cases = {
            "cold": Case("cold", real, cold=True),
            "warm": Case("warm", real),
            "plain": Case(
                "plain",
                plain_root,
                mode="plain",
                prepare=lambda: make_plain_project(real, plain_root),
            ),
            "edited": Case("edited", real, edit=True, site="site-edited"),
        }
        counts: dict[int, dict[str, int]] = {}
        scale_cases: dict[int, Case] = {}
        warmups: dict[int, Build] = {}

        def warm_up(scale: int) -> None:
            stand_in = bytes_per_character(cases["cold"].builds[0])
            log(f"synthetic {scale}x: one untimed build, stand-in PDFs ({stand_in:.2f} B/char)")
            warmups[scale] = run_build(scale_cases[scale], stand_in=stand_in)

        for scale in scales:
            log(f"synthetic content {scale}x: generating")
            counts[scale] = make_project(work / f"x{scale}", scale)
            scale_cases[scale] = Case(
                f"{scale}x", work / f"x{scale}", prepare=functools.partial(warm_up, scale)
            )
        order = [*cases.values(), *scale_cases.values()]
        for run in range(1, runs + 1):
            for case in order:
                if case.prepare is not None and not case.builds:
                    case.prepare()
                build = run_build(case)
                case.builds.append(build)
                timers = ", ".join(
                    f"{name} {value:.2f}" for name, value in build.result["seconds"].items()
                )
                log(
                    f"run {run}/{runs}: {case.name} {build.wall:.2f} s, "
                    f"{build.printed:g} PDF(s) printed ({timers})"
                )
        site = real / "site"
        first_attribute = first_attribute_id(real)
        weights = {
            "home page": first_load(site, ""),
            "attribute page": first_load(site, f"model/{first_attribute}"),
        }
        log("mkdocs serve")
        serve_root = work / "serve"
        shutil.copytree(real, serve_root, ignore=shutil.ignore_patterns("site", "site-edited"))
        serve = measure_serve(serve_root, edits)
        report = Report(
            runs=runs,
            cases=cases,
            scales=scale_cases,
            counts=counts,
            warmups=warmups,
            stand_in=bytes_per_character(cases["cold"].builds[0]),
            serve=serve,
            weights=weights,
            index=search_index(site),
            load_average=load_average,
            started=started,
        )
        table = report.markdown()
    finally:
        if arguments.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(table)
    if arguments.output:
        arguments.output.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

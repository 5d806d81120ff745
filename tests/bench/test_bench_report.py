"""The benchmark's table (`bench/run.py`'s Report), written from measures given by hand.

The benchmark itself runs only from scripts/bench; this checks, in a moment, that its
table has every row and budget, with each build's PDFs and `load()` calls as measured.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
BENCH = REPO_ROOT / "bench"


@pytest.fixture(scope="module")
def bench() -> Iterator[ModuleType]:
    """bench/run.py, loaded by its path (bench/ is a folder of scripts, not a package)."""
    spec = importlib.util.spec_from_file_location("bench_run", BENCH / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(BENCH))  # run.py imports synthetic.py beside it
    sys.modules["bench_run"] = module  # its dataclasses look their module up
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(BENCH))
        del sys.modules["bench_run"]
        sys.modules.pop("synthetic", None)


def build(bench: ModuleType, wall: float, printed: int, total: int = 52, loads: int = 1) -> Any:
    """One build as bench/worker.py reports it."""
    return bench.Build(
        wall,
        {
            "seconds": {
                "read_yaml": 0.04,
                "load_validate": 0.08,
                "render": 0.1,
                "print": 0.2 + printed,
                "printing": float(printed),
                "hooks": 0.5,
                "search": 0.2,
                "import": 0.3,
            },
            "pdfs": {"printed": printed, "total": total, "bytes": 2000, "html_chars": 1000},
            "calls": {"load": loads},
            "peak_rss_kib": 65536,
            "peak_child_rss_kib": 32768,
        },
    )


def case(bench: ModuleType, name: str, *builds: Any, mode: str = "ours") -> Any:
    return bench.Case(name, REPO_ROOT, mode=mode, builds=list(builds))


def cell(table: str, label: str, column: int) -> str:
    """A cell of the row whose label contains `label` (column 0 is the label's)."""
    row = next(line for line in table.splitlines() if line.startswith("| ") and label in line)
    return row.split(" | ")[column].strip(" |")


def test_the_table_shows_every_build_stage_measure_and_budget(bench: ModuleType) -> None:
    report = bench.Report(
        runs=1,
        cases={
            "cold": case(bench, "cold", build(bench, 18.0, 52)),
            "warm": case(bench, "warm", build(bench, 1.2, 0)),
            "plain": case(bench, "plain", build(bench, 0.9, 0), mode="plain"),
            "edited": case(bench, "edited", build(bench, 7.0, 6)),
        },
        scales={
            1: case(bench, "1x", build(bench, 1.2, 0)),
            10: case(bench, "10x", build(bench, 6.0, 0)),
        },
        counts={
            1: {"attributes": 7, "statements": 46, "plays": 14},
            10: {"attributes": 70, "statements": 460, "plays": 140},
        },
        warmups={1: build(bench, 2.0, 52), 10: build(bench, 9.0, 304, total=304)},
        stand_in=2.0,
        serve=[bench.ServeEdit(seconds=1.4, detected=0.1, rebuilds=2, printed=6)],
        weights={"home page": (5_000, 12_000, ["css/site.css"])},
        index={"en-ca": {"pages": 33, "index": 40_000, "fragments": 50_000, "wasm": 70_000}},
        load_average=(0.5, 0.5, 0.5),
        started=datetime(2026, 11, 26, 12, 0, tzinfo=UTC),
    )

    table = report.markdown()

    assert cell(table, "`playbook build`, cold (empty docs/ and caches; 52 PDFs)", 2) == "52"
    assert cell(table, "`playbook build`, warm", 2) == "0"
    assert cell(table, "`playbook build` after a one-line YAML edit", 2) == "6"
    assert cell(table, "plain `mkdocs build`", 2) == "—"
    assert (
        cell(table, "synthetic 1x, warm (7 attributes, 46 statements, 14 plays, 52 PDFs)", 2) == "0"
    )
    assert cell(
        table, "synthetic 10x, warm (70 attributes, 460 statements, 140 plays, 304 PDFs)", 1
    ) == ("6.00 (6.00-6.00)")
    for stage in (
        "read YAML",
        "validate and assemble the model",
        "render pages",
        "PDFs (documents' HTML",
        "of which printing",
        "other work in our plugin's hooks",
        "Pagefind search index",
        "Python imports",
        "MkDocs, mkdocs-static-i18n",
    ):
        assert len(cell(table, stage, 3).split()) == 2, stage  # seconds and share, after an edit
    assert "`load()` runs 1 time(s) per `playbook build`." in table
    assert cell(table, "`mkdocs serve`: one-line YAML edit", 1) == (
        "1.40 s (of which 0.10 s until MkDocs' 0.5 s file poll notices)"
    )
    assert cell(table, "PDFs printed again per edit", 1) == "6"
    assert cell(table, "first load, home page", 1) == "17.0 KB (HTML 5.0 KB; css/site.css: 12.0 KB)"
    assert cell(table, "search index, en-ca (33 pages)", 1).startswith("90.0 KB")
    assert cell(table, "warm build ≤ 1.5x plain MkDocs", 1) == "1.33x"
    assert cell(table, "warm build ≤ 1.5x plain MkDocs", 2) == "holds"
    assert cell(table, "10x content ≤ 10x the time (warm)", 1) == "5.00x"
    assert cell(table, "serve rebuild < 1.5 s", 2) == "holds"
    assert cell(table, "first load ≤ 60 KB", 1) == "17.0 KB (heaviest page)"
    assert cell(table, "our stages ≤ 10 % of a warm build", 2) == "**fails**"

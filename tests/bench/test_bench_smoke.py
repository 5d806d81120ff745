"""`bench/run.py --quick` runs end to end and prints its table; its figures are not judged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_quick_benchmark_prints_every_row_and_budget(tmp_path: Path) -> None:
    output = tmp_path / "table.md"

    outcome = subprocess.run(
        [sys.executable, str(REPO_ROOT / "bench" / "run.py"), "--quick", "--output", str(output)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )

    assert outcome.returncode == 0, outcome.stderr
    table = output.read_text(encoding="utf-8")
    assert table == outcome.stdout.strip() + "\n"
    for row in (
        "`playbook build`, cold",
        "`playbook build`, warm",
        "plain `mkdocs build`",
        "synthetic 2x",
        "read YAML",
        "`mkdocs serve`: one-line YAML edit",
        "first load, home page",
        "first load, attribute page",
        "search index, en-ca",
        "search index, fr-ca",
        "our stages ≤ 10 % of a warm build",
        "warm build ≤ 1.5x plain MkDocs",
        "serve rebuild < 1.5 s",
        "first load ≤ 60 KB",
    ):
        assert row in table, row
    assert "`load()` runs 1 time(s) per `playbook build`" in table

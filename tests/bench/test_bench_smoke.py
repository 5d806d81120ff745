"""`bench/run.py --quick` runs end to end and prints its table; its times are not judged.

What is checked is what each build did: the cold build prints every PDF, the warm
build none, and an edit only the PDFs that show the edited statement.
"""

from __future__ import annotations

import re
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
        "| PDFs printed | printing them (s) |",
        "`playbook build`, cold",
        "`playbook build`, warm",
        "plain `mkdocs build`",
        "synthetic 2x",
        "read YAML",
        "`mkdocs serve`: one-line YAML edit",
        "PDFs printed again per edit in `mkdocs serve`",
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
    cold, warm, edited = (
        _printed(table, f"`playbook build`{label}")
        for label in (", cold", ", warm", " after a one-line YAML edit")
    )
    every_pdf = re.search(r"cold \(empty docs/ and caches; (\d+) PDFs\)", table)
    assert every_pdf is not None
    assert cold == int(every_pdf[1]) > 0
    assert warm == 0
    assert 0 < edited < cold, "an edit prints again only the PDFs that show the statement"
    for scale in (1, 2):
        assert _printed(table, f"synthetic {scale}x, warm") == 0


def _printed(table: str, label: str) -> int:
    """The 'PDFs printed' cell of the build row whose label contains `label`."""
    row = next(line for line in table.splitlines() if line.startswith("| ") and label in line)
    return int(row.split(" | ")[2])

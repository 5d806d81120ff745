"""The comparison report's budget: `playbook report FOLLOW-UP --baseline BASELINE`, under 2 s.

    python bench/comparison_report.py [--runs 5]
    scripts/bench --baseline [...]

Times the worked example's follow-up against its baseline (content/examples/: every statement
answered, notes in two languages), from the command line as a team runs it: a fresh process
each time (Python, the model, both files read and checked, compared, written), for the JSON
and the HTML report. The first HTML run compiles the templates into an empty cache; the others
find them there, as every later run does. A PDF is printed by WeasyPrint, outside this budget,
as for the team report. Prints one Markdown table; fails when a median is over the budget.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from team_report import ROOT, print_table, timed

from generator.assessment.example import EXAMPLE, FOLLOW_UP_EXAMPLE

KINDS = ("json", "html")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args(argv)
    compared = [ROOT / FOLLOW_UP_EXAMPLE, "--baseline", ROOT / EXAMPLE]
    work = Path(tempfile.mkdtemp(prefix="playbook-bench-comparison-"))
    try:
        environment = {**os.environ, "PLAYBOOK_CACHE_DIR": str(work / "cache")}
        first_html = timed(compared, work / "first.html", environment)
        times: dict[str, list[float]] = {kind: [] for kind in KINDS}
        for _ in range(arguments.runs):
            for kind in KINDS:
                times[kind].append(timed(compared, work / f"comparison.{kind}", environment))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("`playbook report` of the example follow-up `--baseline` the example assessment,")
    return print_table(times, first_html, arguments.runs)


if __name__ == "__main__":
    sys.exit(main())

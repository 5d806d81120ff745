"""The team report's budget: `playbook report` of 50 participants' files, under 2 seconds.

    python bench/team_report.py [--participants 50] [--runs 5]
    scripts/bench --report [...]

Writes the participants' files (random answers, the same every run, as the assessment page
exports them) into a temporary folder, then times `playbook report F1 … F50` from the command
line, as a facilitator runs it: a fresh process each time (Python, the model, every file read
and checked, merged, written), for the JSON and the HTML report. The first HTML run compiles
the templates into an empty cache; the others find them there, as every later run does.
Prints one Markdown table; fails when a median is over the budget of issue 13.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.assessment.format import model_version, rating_choices  # noqa: E402
from generator.load import load  # noqa: E402
from generator.schema.assessment import FORMAT, FORMAT_VERSION  # noqa: E402

BUDGET_SECONDS = 2.0
ORGANISATIONS = ("Federal", "Provincial", "Municipal", "Indigenous government", "Non-profit")


def write_participants(folder: Path, count: int) -> list[Path]:
    """`count` exported files with answers for most statements, some with notes."""
    model = load(ROOT)
    choices = rating_choices(model)
    version = model_version(model)
    chance = random.Random(13)
    paths = []
    for number in range(1, count + 1):
        answers = {}
        for statement in model.statements:
            if chance.random() < 0.1:
                continue  # left unanswered
            answer = {"today": chance.choice(choices), "target": chance.choice(choices)}
            if chance.random() < 0.2:
                answer["notes"] = f"Participant {number}'s evidence for {statement.code}."
            answers[statement.id] = answer
        data = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "model_version": version,
            "service": "Death notification pilot",
            "date": "2026-10-14",
            "language": "en",
            "participant": {
                "label": f"Participant {number}",
                "organisation": ORGANISATIONS[number % len(ORGANISATIONS)],
            },
            "answers": answers,
        }
        path = folder / f"participant-{number:02d}.json"
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        paths.append(path)
    return paths


def timed(arguments: Sequence[Path | str], out: Path, environment: dict[str, str]) -> float:
    """Seconds `playbook report ARGUMENTS --out OUT` takes, a fresh process, as a user runs it."""
    playbook = Path(sys.executable).parent / "playbook"
    command = [
        str(playbook),
        "report",
        *map(str, arguments),
        "--out",
        str(out),
        "--root",
        str(ROOT),
    ]
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=environment)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="playbook-bench-report-"))
    try:
        files = write_participants(work, arguments.participants)
        environment = {**os.environ, "PLAYBOOK_CACHE_DIR": str(work / "cache")}
        first_html = timed(files, work / "team.html", environment)
        times: dict[str, list[float]] = {"json": [], "html": []}
        for _ in range(arguments.runs):
            for kind in times:
                times[kind].append(timed(files, work / f"team.{kind}", environment))
        size = sum(path.stat().st_size for path in files)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"`playbook report` of {arguments.participants} participants' files ({size // 1024} KB),")
    return print_table(times, first_html, arguments.runs)


def print_table(times: dict[str, list[float]], first_html: float, runs: int) -> int:
    """The Markdown table of the runs' times by kind of report; 1 when a median is over budget."""
    medians = {kind: statistics.median(values) for kind, values in times.items()}
    print(f"{runs} runs each, load average {os.getloadavg()[0]:.2f}:\n")
    print("| report | median | fastest | slowest | budget |")
    print("|---|---|---|---|---|")
    for kind, values in times.items():
        print(
            f"| {kind.upper()} | {medians[kind]:.2f} s | {min(values):.2f} s "
            f"| {max(values):.2f} s | {BUDGET_SECONDS:.0f} s |"
        )
    print(f"| HTML, templates not yet compiled | {first_html:.2f} s | | | {BUDGET_SECONDS:.0f} s |")
    over = [kind for kind, value in medians.items() if value > BUDGET_SECONDS]
    if over:
        print(f"\nOver budget: {', '.join(over)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

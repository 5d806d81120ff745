"""The team report benchmark's files are what the assessment page exports: read, then merged."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from generator.assessment.tally import read_workshop_file
from generator.assessment.workshop import merge
from generator.model import Model

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_the_benchmark_s_participants_files_are_read_and_merged(
    model: Model, tmp_path: Path
) -> None:
    path = REPO_ROOT / "bench" / "team_report.py"
    spec = importlib.util.spec_from_file_location("bench_team_report", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    files = module.write_participants(tmp_path, 3)

    merged = merge(model, [read_workshop_file(file, model) for file in files])
    assert merged.participants == 3
    assert all(sum(found.today.values()) == 3 for found in merged.statements)

"""The hostile-input suite runs each case as an attacker or a careless editor would:
through the real command line, in a process whose memory is capped.

The cap is a guard, not a measurement: a case that explodes fails here with a
MemoryError or a timeout instead of taking the machine down. How fast and how small
each refusal is gets measured by hand (README, security notes).
"""

from __future__ import annotations

import resource
import subprocess
from collections.abc import Callable
from pathlib import Path

from real_site import command, environment

MEMORY_CAP = 1024 * 1024 * 1024
"""Address space allowed to a command under test: Python with pydantic and PyYAML maps
about 300 MB without using it; a YAML bomb needs gigabytes."""
HANG_GUARD = 120
"""Seconds after which a command is taken for hung (a refusal takes well under one)."""

Playbook = Callable[..., subprocess.CompletedProcess[str]]


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_playbook(
    *arguments: str | Path, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """`playbook ARGUMENTS` with its memory capped; never a traceback, whatever happens."""
    result = subprocess.run(
        [*command("playbook"), *map(str, arguments)],
        capture_output=True,
        text=True,
        check=False,
        env=environment(),
        cwd=cwd,
        timeout=HANG_GUARD,
        preexec_fn=_cap_memory,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout, result.stdout
    return result

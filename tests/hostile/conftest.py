"""The hostile-input suite's fixture: `playbook`, the command line with its memory capped."""

from __future__ import annotations

import pytest
from hostile_run import Playbook, run_playbook


@pytest.fixture
def playbook() -> Playbook:
    return run_playbook

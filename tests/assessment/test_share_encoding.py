"""The share link's compact form and compression (site_templates/theme/js/share.js).

Compression is the browser's own (CompressionStream), so the link is made in JavaScript
only: Node's own test runner checks it against values worked out by hand
(tests/assessment/share/share.test.js); pytest runs it, so that one run gives one verdict.
The page that reads links is tested in Chromium (tests/browser/test_share_link.py).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

TESTS = Path(__file__).resolve().parent / "share"
REPO_ROOT = Path(__file__).resolve().parents[2]


def test_the_compact_form_and_its_compression_pass_their_cases() -> None:
    node = shutil.which("node")
    assert node, "Node.js is missing (Debian: apt-get install nodejs)"
    outcome = subprocess.run(
        [node, "--test", "--test-reporter=dot", str(TESTS / "share.test.js")],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO_ROOT,
        timeout=120,
    )
    assert outcome.returncode == 0, outcome.stdout + outcome.stderr

"""axe-core finds nothing on the reports `playbook report` writes, opened on their own.

The site's pages are checked in test_accessibility.py; these are the standalone HTML files a
team keeps or mails: the single report, the team report of the example workshop and the
comparison of two assessments, in both languages.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from test_accessibility import AXE_TAGS, RUN_AXE, describe

pytestmark = pytest.mark.browser

EXAMPLES = Path("content") / "examples"
WORKSHOP = [
    EXAMPLES / f"death-notification-workshop-{who}.yml"
    for who in ("federal", "provincial", "municipal", "consensus")
]
PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "plan"  # the site copy has no tests/
REPORTS = {
    "single": [EXAMPLES / "death-notification-assessment.yml"],
    # With a stage and an action plan; compared, its done actions against what moved.
    "single-with-plan": [PLAN / "follow-up.yml"],
    "comparison-with-plan": [PLAN / "follow-up.yml", "--baseline", PLAN / "baseline.yml"],
    "team": WORKSHOP,
    # The consensus compared with the earlier self-assessment: two ordinary assessment files.
    "comparison": [
        EXAMPLES / "death-notification-workshop-consensus.yml",
        "--baseline",
        EXAMPLES / "death-notification-assessment.yml",
    ],
}


@pytest.mark.parametrize("kind", sorted(REPORTS))
@pytest.mark.parametrize("code", ["en", "fr"])
def test_no_axe_violation_on_a_standalone_report(
    kind: str, code: str, site: Any, page: Page, tmp_path: Path, axe_source: str
) -> None:
    out = tmp_path / f"{kind}-{code}.html"
    arguments = [str(part) for part in REPORTS[kind]]
    outcome = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator.cli",
            "report",
            *arguments,
            "--lang",
            code,
            "--out",
            str(out),
            "--quiet",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=site.root,
        timeout=300,
    )
    assert outcome.returncode == 0, outcome.stderr

    page.goto(out.as_uri())
    expect(page.locator("html")).to_have_attribute("lang", re.compile(f"^{code}(-|$)"))
    expect(page.locator("h1")).to_have_count(1)
    page.add_script_tag(content=axe_source)
    problems = describe(out.name, page.evaluate(RUN_AXE, AXE_TAGS))
    assert not problems, "\n".join(problems)

"""The GitHub Actions workflow runs what the README tells people to run, nothing of its own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = REPO_ROOT / ".github" / "workflows" / "site.yml"


def workflow() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def steps(job: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = workflow()["jobs"][job]["steps"]
    return found


def test_every_command_it_runs_is_one_the_readme_gives() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    commands = [step["run"].split(" --")[0] for step in steps("test-and-build") if "run" in step]

    assert commands == ["scripts/site validate", "scripts/test", "scripts/site build"]
    for command in ("scripts/test", "scripts/site build", "playbook validate", "--site-url"):
        assert command in readme


def test_pull_requests_get_the_built_site_and_main_publishes_it() -> None:
    config = workflow()
    # PyYAML reads the key `on` as True (YAML 1.1).
    triggers = config.get("on", config.get(True))
    assert set(triggers) == {"pull_request", "push", "workflow_dispatch"}
    assert triggers["push"]["branches"] == ["main"]
    site_dir = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_dir"]

    uploads = {
        step["uses"].split("@")[0]: step for step in steps("test-and-build") if "uses" in step
    }
    preview = uploads["actions/upload-artifact"]
    assert preview["if"] == "github.event_name == 'pull_request'"
    assert preview["with"]["path"].rstrip("/") == site_dir
    pages = uploads["actions/upload-pages-artifact"]
    assert "refs/heads/main" in pages["if"]
    assert pages["with"]["path"].rstrip("/") == site_dir

    publish = config["jobs"]["publish"]
    assert publish["needs"] == "test-and-build"
    assert "refs/heads/main" in publish["if"]
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert [step["uses"].split("@")[0] for step in publish["steps"]] == ["actions/deploy-pages"]
    assert config["permissions"] == {}
    assert config["jobs"]["test-and-build"]["permissions"] == {"contents": "read"}


def test_zizmor_finds_nothing_in_the_workflow() -> None:
    """zizmor audits GitHub Actions offline: no values pasted into scripts, actions pinned
    by commit, no credentials kept after checkout, least permissions."""
    zizmor = Path(sys.executable).parent / "zizmor"
    result = subprocess.run(
        [str(zizmor), "--offline", str(WORKFLOW)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr

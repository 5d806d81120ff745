"""`playbook build` says what it is doing while it works, and nothing more with `--quiet`."""

from __future__ import annotations

from pathlib import Path

import pytest
from print_helpers import edit_statement

from generator.cache import CACHE_VARIABLE
from generator.cli import main
from generator.model import Model


def test_a_build_shows_its_steps_in_a_log_and_quiet_shows_none(
    model: Model,
    project: Path,
    warm_cache: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(CACHE_VARIABLE, str(warm_cache.parent))
    warm_cache.rename(warm_cache.parent / "pdf")
    statement = model.attributes[0].statements[0]
    edit_statement(project, model, statement.id, "fr", "Une phrase modifiée pour l’essai.")
    build = ["build", "--root", str(project), "--site-dir", str(project / "site")]

    assert main(build) == 0

    said = capsys.readouterr()
    # Not a terminal: one line per step. The edit prints the French worksheet of its
    # attribute, the whole model, the tally sheet and the playbook, in both sizes.
    assert said.err.splitlines() == [
        "Checking the content…",
        "Reading the worked example…",
        "Checking the languages in mkdocs.yml…",
        "Preparing the PDFs…",
        *(f"PDFs printed: {done} of 8" for done in range(9)),
        "Writing the pages…",
        "Pages written: en (language 1 of 2)",
        "Pages written: fr (language 2 of 2)",
        "Building the site with MkDocs…",
        "Making the offline copy…",
        "Building the search index…",
        "Putting the new site in place…",
    ]
    assert said.out == f"Site built in {project / 'site'}.\n"

    assert main([*build, "--quiet"]) == 0

    said = capsys.readouterr()
    assert (said.err, said.out) == ("", f"Site built in {project / 'site'}.\n")

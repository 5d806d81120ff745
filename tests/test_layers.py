"""generator/'s layers (pyproject.toml, [tool.importlinter]): kept today, and a cycle fails them.

import-linter reads the imports of every module of `generator` without running
them; a module that imports one of a higher layer breaks the contract.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter on the `generator` package under `root`, with `root`'s contract."""
    script = Path(sys.executable).parent / "lint-imports"
    return subprocess.run(
        [str(script), "--no-cache"],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_every_module_imports_only_from_the_layers_below_its_own() -> None:
    outcome = _lint_imports(REPO_ROOT)

    assert outcome.returncode == 0, outcome.stdout + outcome.stderr
    assert "Contracts: 1 kept, 0 broken." in outcome.stdout


def test_an_import_from_a_higher_layer_breaks_the_contract(tmp_path: Path) -> None:
    shutil.copytree(REPO_ROOT / "generator", tmp_path / "generator")
    shutil.copy2(REPO_ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    # The file models importing the renderer: a cycle, since the renderer reads them.
    text = tmp_path / "generator" / "schema" / "text.py"
    source = text.read_text(encoding="utf-8")
    text.write_text(
        source.replace(
            "from __future__ import annotations\n",
            "from __future__ import annotations\n\nimport generator.render.pages  # planted\n",
            1,
        ),
        encoding="utf-8",
    )

    outcome = _lint_imports(tmp_path)

    assert outcome.returncode == 1, outcome.stdout + outcome.stderr
    assert "Contracts: 0 kept, 1 broken." in outcome.stdout
    assert "generator.schema.text -> generator.render.pages" in outcome.stdout

"""VS Code's settings give every kind of content file its schema, even a file just created."""

from __future__ import annotations

import json
from pathlib import Path

from generator.schema.jsonschema import FILE_KINDS

REPO_ROOT = Path(__file__).resolve().parents[2]
VSCODE = REPO_ROOT / ".vscode"


def test_each_kind_of_file_is_mapped_to_its_own_schema() -> None:
    settings = json.loads((VSCODE / "settings.json").read_text(encoding="utf-8"))

    expected = {f"./schema/{kind.schema_name}": [kind.files] for kind in FILE_KINDS}
    assert settings["yaml.schemas"] == expected, "update .vscode/settings.json from FILE_KINDS"
    for schema, globs in expected.items():
        assert (REPO_ROOT / schema).is_file(), schema
        assert any(REPO_ROOT.glob(globs[0])), f"{globs[0]} matches no file"


def test_the_yaml_extension_that_reads_the_schemas_is_recommended() -> None:
    extensions = json.loads((VSCODE / "extensions.json").read_text(encoding="utf-8"))

    assert extensions["recommendations"] == ["redhat.vscode-yaml"]

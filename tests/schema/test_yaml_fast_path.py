"""libyaml composes the content, and pure Python reads it again only when it fails:
the fast path gives exactly what PyYAML's pure-Python safe loader gives, on the real content,
and a mistake is still worded by the pure-Python reader."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.schema.loader import SourceDocument, read_yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(
    [
        *(REPO_ROOT / "content").rglob("*.yml"),
        *(REPO_ROOT / "playbook").rglob("*.yml"),
        REPO_ROOT / "site_templates" / "strings.yml",
    ]
)


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.name)
def test_yaml_reads_the_same_as_the_pure_python_safe_loader(path: Path) -> None:
    document = read_yaml(path, path.name)

    assert isinstance(document, SourceDocument)
    assert document.data == yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)


def test_a_yaml_mistake_is_worded_by_the_pure_python_reader(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("title: @draft\n", encoding="utf-8")

    problem = read_yaml(broken, "broken.yml")

    assert "'@'" in str(problem), "libyaml's wording leaves out the offending character"

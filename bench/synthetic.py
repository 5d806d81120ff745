"""Synthetic content for the benchmark: the real content, multiplied.

`make_project(source, target, scale)` copies what a build reads (mkdocs.yml,
content/, playbook/, site_templates/, ...) into `target`, then adds `scale - 1`
copies of every attribute (new ids, listed in content/model.yml) with its
statements (recorded in the current version of content/changelog.yml), and of every
play, pointing at the copied attributes and statements.
References stay consistent, so the result validates like the real content and
every page type grows in proportion: attribute pages, play pages, and the model,
playbook and stage pages that list them.

    python bench/synthetic.py --scale 10 /tmp/playbook-10x
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]

# What a build never reads: tools, caches, outputs and the code itself (installed editable).
SKIPPED = {
    ".git",
    ".venv",
    ".cache",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    "node_modules",
    "site",
    "build",
    "test-results",
    "tests",
    "bench",
    "generator",
    "scripts",
    "schema",
}
PLAY_FILE = re.compile(r"^(?P<order>\d{2,3})-(?P<id>[a-z0-9-]+)\.yml$")


def copy_project(source: Path, target: Path) -> None:
    """Copy the files a build reads; `docs/` starts empty, as in a fresh clone."""
    target.mkdir(parents=True, exist_ok=True)
    for entry in sorted(source.iterdir()):
        if entry.name in SKIPPED or entry.name.endswith(".egg-info") or entry.name.startswith("."):
            continue
        if entry.name == "docs":
            (target / "docs").mkdir(exist_ok=True)
            continue
        if entry.is_dir():
            shutil.copytree(entry, target / entry.name, dirs_exist_ok=True)
        else:
            shutil.copy2(entry, target / entry.name)


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _write(path: Path, data: Any) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100_000)
    path.write_text(text, encoding="utf-8")


def _suffixed(text: dict[str, str], copy: int) -> dict[str, str]:
    """A localized name marked with its copy number, so pages stay distinguishable."""
    return {language: f"{value} {copy}" for language, value in text.items()}


def _copy_attribute(attribute: dict[str, Any], copy: int) -> dict[str, Any]:
    duplicate = dict(attribute)
    duplicate["id"] = f"{attribute['id']}-x{copy}"
    # A code of its own (2 to 4 capital letters): the original's first two, then the copy's
    # number in two letters (ACAC for ACC's copy 2), unique while the originals' first two are.
    duplicate["code"] = attribute["code"][:2] + chr(65 + copy // 26) + chr(65 + copy % 26)
    duplicate["name"] = _suffixed(attribute["name"], copy)
    duplicate.pop("alt_name", None)
    duplicate["statements"] = [
        {**statement, "id": f"{statement['id']}-x{copy}"} for statement in attribute["statements"]
    ]
    return duplicate


def _copy_play(play: dict[str, Any], copy: int) -> dict[str, Any]:
    duplicate = dict(play)
    duplicate["id"] = f"{play['id']}-x{copy}"
    duplicate["title"] = _suffixed(play["title"], copy)
    duplicate["attributes"] = [f"{identifier}-x{copy}" for identifier in play["attributes"]]
    duplicate["statements"] = [f"{identifier}-x{copy}" for identifier in play["statements"]]
    return duplicate


def multiply(root: Path, scale: int) -> dict[str, int]:
    """Add `scale - 1` copies of every attribute and play under `root`; returns the counts."""
    if scale < 1:
        raise ValueError("scale must be 1 or more")
    model_file = root / "content" / "model.yml"
    model = _read(model_file)
    originals = list(model["attributes"])
    attributes_dir = root / "content" / "attributes"
    plays_dir = root / "playbook" / "plays"
    plays = sorted(path for path in plays_dir.glob("*.yml") if PLAY_FILE.match(path.name))
    if scale > 1 and len(plays) * scale > 999:
        raise ValueError(f"at most {999 // len(plays)}x: play files are numbered with 3 digits")
    listed = list(originals)
    added: list[str] = []
    for copy in range(2, scale + 1):
        for identifier in originals:
            duplicate = _copy_attribute(_read(attributes_dir / f"{identifier}.yml"), copy)
            _write(attributes_dir / f"{duplicate['id']}.yml", duplicate)
            listed.append(duplicate["id"])
            added += [statement["id"] for statement in duplicate["statements"]]
        for index, path in enumerate(plays):
            duplicate = _copy_play(_read(path), copy)
            order = len(plays) * (copy - 1) + index + 1
            _write(plays_dir / f"{order:03d}-{duplicate['id']}.yml", duplicate)
    if scale > 1:
        model["attributes"] = listed
        _write(model_file, model)
        # The copies are statements of the current version, as the changelog must record.
        changelog_file = root / "content" / "changelog.yml"
        changelog = _read(changelog_file)
        changelog["versions"][0]["statements"] += added
        _write(changelog_file, changelog)
    statements = sum(len(_read(path)["statements"]) for path in attributes_dir.glob("*.yml"))
    return {
        "attributes": len(listed),
        "statements": statements,
        "plays": len(plays) * scale,
    }


def make_project(target: Path, scale: int, source: Path = ROOT) -> dict[str, int]:
    """A buildable copy of `source` in `target` with its content multiplied by `scale`."""
    copy_project(source, target)
    return multiply(target, scale)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", type=Path, help="folder to create (must not exist)")
    parser.add_argument("--scale", type=int, default=10, help="content multiplier (default 10)")
    arguments = parser.parse_args(argv)
    if arguments.target.exists():
        parser.error(f"{arguments.target} exists; give a new folder")
    counts = make_project(arguments.target, arguments.scale)
    print(", ".join(f"{count} {kind}" for kind, count in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Quality gates on the sources and on a built site, usable from tests and from `playbook check`."""

from __future__ import annotations

from pathlib import Path

from generator.errors import Problem
from generator.quality.glossary import check_glossary
from generator.quality.html import VNU_JAR, validate_html
from generator.quality.links import check_links
from generator.quality.reproducible import check_reproducible, compare_sites

__all__ = [
    "GATES",
    "SITE_GATES",
    "VNU_JAR",
    "check_glossary",
    "check_links",
    "check_reproducible",
    "compare_sites",
    "run_gate",
    "validate_html",
]

GATES = ("glossary", "html", "links", "reproducible")
"""In the order `playbook check` runs them: the quick ones first."""
SITE_GATES = ("html", "links")
"""The gates that read a built site; the others read the sources (and build their own)."""


def run_gate(gate: str, root: Path, site_dir: Path) -> list[Problem]:
    """The problems one gate finds in the site built from `root` into `site_dir`."""
    if gate == "glossary":
        return check_glossary(root)
    if gate == "html":
        return validate_html(site_dir, root / VNU_JAR)
    if gate == "links":
        return check_links(site_dir)
    if gate == "reproducible":
        return check_reproducible(root)
    raise ValueError(f"unknown gate {gate!r}")

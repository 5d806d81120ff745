"""The assessment page may outweigh the 60 KB first-load budget only by its form."""

from __future__ import annotations

import re
from pathlib import Path

from real_site import BuiltSite

PAGE_WEIGHT_LIMIT = 60 * 1024
"""Bytes of HTML, CSS and JavaScript a page needs, uncompressed (as in test_built_site.py)."""

_FORM = re.compile(rb'<form id="assessment-form".*?</form>', re.DOTALL)
_LINKED = re.compile(
    rb'<(?:link rel="stylesheet" href|link rel="modulepreload" href|script (?:type="module" )?src)'
    rb'="([^"]+)"'
)
"""Style sheets, scripts, and the modules a script imports (each has a modulepreload link)."""


def test_without_its_form_the_assessment_page_keeps_the_first_load_budget(
    site: BuiltSite,
) -> None:
    for code in site.model.language_codes:
        relative = site.page_path(code, "assessment/index")
        html = (site.site / relative).read_bytes()
        form = _FORM.search(html)
        assert form is not None, relative
        linked = [link.decode() for link in _LINKED.findall(html)]
        assert sorted(Path(link).name for link in linked) == [
            "assessment.css",
            "assessment.js",
            "results.css",
            "scoring.js",
            "site.css",
        ]
        needed = sum(((site.site / relative).parent / link).stat().st_size for link in linked)

        assert len(html) - len(form.group(0)) + needed <= PAGE_WEIGHT_LIMIT, relative

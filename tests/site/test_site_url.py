"""`playbook build --site-url`: a site published under a sub-path keeps working links."""

from __future__ import annotations

import subprocess
from pathlib import Path

from real_site import BuiltSite, command, copy_project, environment


def test_the_404_page_and_sitemap_point_under_the_published_path(
    site: BuiltSite, tmp_path: Path
) -> None:
    root = copy_project(tmp_path / "project")
    site_dir = tmp_path / "site"
    outcome = subprocess.run(
        [
            *command("playbook"),
            "build",
            "--root",
            str(root),
            "--site-dir",
            str(site_dir),
            "--site-url",
            "https://example.github.io/playbook/",
        ],
        capture_output=True,
        text=True,
        check=False,
        env=environment(PLAYBOOK_CACHE_DIR=str(site.cache)),
        timeout=300,
    )

    assert outcome.returncode == 0, outcome.stderr
    not_found = (site_dir / "404.html").read_text(encoding="utf-8")
    assert 'href="/playbook/css/site.css"' in not_found
    assert 'href="/playbook/"' in not_found
    assert 'href="/playbook/fr/"' in not_found
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.github.io/playbook/fr/about/</loc>" in sitemap

"""Each gate fails on a copy of the real project broken the way an editor could break it.

`playbook build` and `playbook check` run as CI runs them. A link and an HTML element
are broken in the templates (content texts cannot hold internal links or HTML), a
translation in the content; each failure names the file and line to correct.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from real_site import REPO_ROOT, BuiltSite, build, built_site, command, copy_project, environment

from generator.load import load

pytestmark = pytest.mark.gates


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path.name} should contain {old!r} once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def playbook(*arguments: str, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*command("playbook"), *arguments],
        capture_output=True,
        text=True,
        check=False,
        env=environment(PLAYBOOK_CACHE_DIR=str(cache)),
        timeout=600,
    )


def line_of(page: Path, text: str) -> int:
    """The first line of a built page that holds `text`."""
    lines = page.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def reported(errors: str, path: str) -> list[tuple[int, str]]:
    """The (line, message) of every problem reported in the built file `path`."""
    found = re.findall(rf"^{re.escape(path)}:(\d+): (.*)$", errors, re.MULTILINE)
    return [(int(line), message) for line, message in found]


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real build, whose PDF cache the broken copies reuse: only their pages are new."""
    return built_site(tmp_path_factory)


def test_a_broken_link_and_a_broken_element_fail_their_gates_at_their_lines(
    real: BuiltSite, tmp_path: Path
) -> None:
    root = copy_project(tmp_path / "project")
    (root / "node_modules").symlink_to(REPO_ROOT / "node_modules")  # the pinned vnu.jar
    pages = root / "site_templates" / "pages"
    # A link to a page that does not exist, and links to anchors that do not exist.
    replace_once(pages / "home.html", "{{ url('lifecycle/index') }}", "lifecycle-stages/")
    replace_once(pages / "model.html", "'level-' ~ level.id", "'levels-' ~ level.id")
    # Terms and descriptions need their list: <dt> in a <ul> is invalid HTML.
    replace_once(pages / "about.html", '<dl class="sources">', '<ul class="sources">')
    replace_once(pages / "about.html", "</dl>", "</ul>")
    site = tmp_path / "site"
    built = build(root, site, cache=real.cache)
    assert built.returncode == 0, built.stderr  # vnu and the links are gates of their own

    outcome = playbook(
        "check",
        "--root",
        str(root),
        "--site",
        str(site),
        "--only",
        "html",
        "--only",
        "links",
        cache=real.cache,
    )

    assert outcome.returncode == 1
    errors = outcome.stderr
    model = load(root)
    invalid = 2 * 2 * len(model.info.sources)  # in each language, each source's <dt> and <dd>
    assert re.search(rf"^html: {invalid} problem\(s\)\.$", errors, re.MULTILINE), errors
    # In each language, the dead link and a link per attribute and level of the model's table.
    links = 2 * (1 + len(model.attributes) * len(model.levels))
    assert re.search(rf"^links: {links} problem\(s\)\.$", errors, re.MULTILINE), errors

    for language in ("", "fr/"):
        dead = line_of(site / f"{language}index.html", 'href="lifecycle-stages/"')
        assert reported(errors, f"{language}index.html") == [
            (
                dead,
                "the link “lifecycle-stages/” leads to no page or file of the site — correct the"
                " link in the template or text that writes it, or restore the page it points to",
            )
        ]

        model_page = f"{language}model/index.html"
        first = model.attributes[0].id
        anchor = line_of(site / model_page, f'href="{first}/#levels-some"')
        assert reported(errors, model_page)[0] == (
            anchor,
            f"the link “{first}/#levels-some” leads to {language}model/{first}/index.html, which"
            " has no element with the id “levels-some” — point the link at an id the page has,"
            " or give the element it means that id",
        )

        about = f"{language}about/index.html"
        term = line_of(site / about, "<dt ")
        line, message = reported(errors, about)[0]
        assert line == term
        assert message.startswith(
            "invalid HTML: Element “dt” not allowed as child of element “ul” in this context."
        )
        assert message.endswith(
            "— correct the template that writes this element"
            " (site_templates/pages/ or site_templates/theme/)"
        )

    # Nothing else is reported: the gates name the breakage, not noise around it.
    places = {line.split(":")[0] for line in errors.splitlines() if re.match(r"\S+:\d+: ", line)}
    assert places == {
        f"{language}{page}"
        for language in ("", "fr/")
        for page in ("index.html", "model/index.html", "about/index.html")
    }


def test_a_missing_translation_stops_the_build_and_the_check_at_its_line(
    real: BuiltSite, tmp_path: Path
) -> None:
    root = copy_project(tmp_path / "project")
    relative = "content/attributes/accessible.yml"
    statement = load(root).attribute("accessible").statements[0]
    lines = (root / relative).read_text(encoding="utf-8").splitlines(keepends=True)
    french = next(
        line for line in lines if line.strip().startswith("fr:") and statement.text["fr"] in line
    )
    removed = lines.index(french) + 1
    replace_once(root / relative, french, "")

    for outcome in (
        build(root, tmp_path / "site", cache=real.cache),
        playbook("check", "--root", str(root), cache=real.cache),
    ):
        assert outcome.returncode == 1
        found = reported(outcome.stderr, relative)
        assert len(found) == 1, outcome.stderr
        line, message = found[0]
        # The text whose French is gone: its `text:` key, just above the removed line.
        assert line == removed - 2, (removed, found)
        assert "fr" in message, message
        assert "html:" not in outcome.stdout + outcome.stderr, "no gate runs on broken content"
    assert not (tmp_path / "site").exists()

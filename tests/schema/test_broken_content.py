"""Each way an editor can break the content, and the exact problem reported for it.

Every breakage is checked twice: through `load()` (the API the build uses) and through
`playbook validate` (what an editor runs). Line numbers refer to the files in
tests/fixtures/minimal after the edit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.cli import main
from generator.errors import ContentError
from generator.load import load

ACCESSIBLE = "content/attributes/accessible.yml"
SIMPLE = "content/attributes/simple.yml"
PLAIN_LANGUAGE_PLAY = "playbook/plays/01-plain-language.yml"
ONE_PLACE_PLAY = "playbook/plays/02-one-place.yml"


@dataclass(frozen=True)
class Breakage:
    """One edit to the fixture tree, and where and how the problem must be reported."""

    name: str
    apply: Callable[..., None]
    file: str
    line: int
    what: str
    fix: str

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}: "


BREAKAGES = [
    # --- reading the YAML ----------------------------------------------------------------
    Breakage(
        "bad YAML syntax",
        lambda edit: edit.replace(
            "content/model.yml", "  en: Fixture model\n", "  en: Fixture: model\n"
        ),
        "content/model.yml",
        5,
        "the YAML cannot be read: mapping values are not allowed here",
        "check the indentation and quoting on this line and the one above",
    ),
    Breakage(
        "duplicate key",
        lambda edit: edit.replace(
            SIMPLE,
            "      fr: Mon expérience est personnalisée.\n",
            "      fr: Mon expérience est personnalisée.\n      fr: Mon expérience est unique.\n",
        ),
        SIMPLE,
        21,
        "the key “fr” appears twice in the same block (first on line 20)",
        "keep one of them and delete the other",
    ),
    Breakage(
        "file not UTF-8",
        lambda edit: edit.encode_line(
            SIMPLE, "  fr: Les services sont faciles à comprendre et à utiliser.\n", "latin-1"
        ),
        SIMPLE,
        7,
        "the file is not UTF-8 text",
        "save it with UTF-8 encoding",
    ),
    # --- the shape of each file ----------------------------------------------------------
    Breakage(
        "missing French text",
        lambda edit: edit.replace(
            SIMPLE, "      fr: Mes services sont offerts en langage clair.\n", ""
        ),
        SIMPLE,
        12,
        "statements[1].text: the “fr” text is missing",
        "add a “fr:” line with the translation under “text”",
    ),
    Breakage(
        "string where a list is expected",
        lambda edit: edit.replace(
            ACCESSIBLE, "results: [seamless-access]", "results: seamless-access"
        ),
        ACCESSIBLE,
        13,
        "statements[1].results: expected a list, found “seamless-access”",
        "write one “- item” per line under this key",
    ),
    Breakage(
        "number where text is expected",
        lambda edit: edit.replace("content/languages.yml", "name: Français", "name: 12"),
        "content/languages.yml",
        6,
        "languages[2].name: expected text, found 12",
        "write text here",
    ),
    Breakage(
        "empty text",
        lambda edit: edit.replace(SIMPLE, "en: My experience is personalized.", 'en: ""'),
        SIMPLE,
        19,
        "statements[2].text: the “en” text is empty",
        "write the text",
    ),
    Breakage(
        "raw script tag in text",
        lambda edit: edit.replace(
            SIMPLE,
            "en: My services are delivered in plain language.",
            'en: "My services are <script>alert(1)</script> plain."',
        ),
        SIMPLE,
        13,
        "statements[1].text: the “en” text contains raw HTML",
        "write plain text with Markdown",
    ),
    Breakage(
        "javascript: link",
        lambda edit: edit.replace(
            ONE_PLACE_PLAY,
            "en: Share one counter between governments.",
            'en: "Share [one counter](javascript:alert(1))."',
        ),
        ONE_PLACE_PLAY,
        14,
        "actions[1].text: the “en” text contains a script link (“javascript:” or “vbscript:”)",
        "remove it; links may only go to https or mailto addresses, or to pages of this site",
    ),
    Breakage(
        "data: link in Markdown link syntax",
        lambda edit: edit.replace(
            "content/model.yml",
            "en: Where the fixture comes from.",
            'en: "See [the source](data:text/html;base64,PHNjcmlwdD4=)."',
        ),
        "content/model.yml",
        28,
        "sources[1].description: the “en” text links to “data:text/html;base64,PHNjcmlwdD4=”, "
        "which is not an https or mailto address or a page of this site",
        "use an https:// address, a mailto: address or a path on this site",
    ),
    Breakage(
        "unknown language key",
        lambda edit: edit.replace(
            ACCESSIBLE,
            "  fr: Convivialité et accessibilité\n",
            "  fr: Convivialité et accessibilité\n  es: Accesible\n",
        ),
        ACCESSIBLE,
        5,
        "name: “es” is not a configured language",
        "use one of en, fr, or add the language to content/languages.yml",
    ),
    Breakage(
        "unknown field (typo)",
        lambda edit: edit.replace(ACCESSIBLE, "summary:", "summry:"),
        ACCESSIBLE,
        7,
        "“summry” is not a known field",
        "remove it or correct its spelling "
        "(known fields: id, code, name, alt_name, summary, statements)",
    ),
    Breakage(
        "missing required field",
        lambda edit: edit.replace(SIMPLE, "    level: impressed\n", ""),
        SIMPLE,
        15,
        "the field “level” is missing in statements[2]",
        "add “level:” here",
    ),
    Breakage(
        "required file missing",
        lambda edit: edit.delete("content/pages.yml"),
        "content/pages.yml",
        1,
        "this file is missing",
        "create it",
    ),
    # --- references between files --------------------------------------------------------
    Breakage(
        "unknown attribute in a play",
        lambda edit: edit.replace(
            PLAIN_LANGUAGE_PLAY, "attributes: [simple]", "attributes: [simple, simplicity]"
        ),
        PLAIN_LANGUAGE_PLAY,
        24,
        "unknown attribute “simplicity”",
        "did you mean “simple”?",
    ),
    Breakage(
        "unknown statement in a play",
        lambda edit: edit.replace(
            PLAIN_LANGUAGE_PLAY,
            "simple-personalized]",
            "simple-personalized, simple-plain-langage]",
        ),
        PLAIN_LANGUAGE_PLAY,
        25,
        "unknown statement “simple-plain-langage”",
        "did you mean “simple-plain-language”?",
    ),
    Breakage(
        "duplicate statement id across attribute files",
        lambda edit: edit.replace(
            SIMPLE, "- id: simple-personalized", "- id: accessible-one-location"
        ),
        SIMPLE,
        15,
        "the statement id “accessible-one-location” is already used at "
        "content/attributes/accessible.yml:11",
        "give this one a different id (ids must be unique)",
    ),
    Breakage(
        "statement no play lists",
        lambda edit: edit.replace(
            PLAIN_LANGUAGE_PLAY,
            "statements: [simple-plain-language, simple-personalized]",
            "statements: [simple-plain-language]",
        ),
        SIMPLE,
        15,
        "no play advances the statement “simple-personalized”",
        "list it under “statements:” in the play that helps a team reach it",
    ),
    Breakage(
        "lifecycle stage no play applies to",
        lambda edit: (
            edit.replace(PLAIN_LANGUAGE_PLAY, "stages: [design, delivery]", "stages: [design]"),
            edit.replace(ONE_PLACE_PLAY, "stages: [delivery]", "stages: [design]"),
        ),
        "content/lifecycle.yml",
        12,
        "no play applies to the lifecycle stage “delivery”",
        "add it to the “stages:” of at least one play",
    ),
    Breakage(
        "play file name not matching its id",
        lambda edit: edit.rename(PLAIN_LANGUAGE_PLAY, "playbook/plays/01-write-plainly.yml"),
        "playbook/plays/01-write-plainly.yml",
        1,
        "the play id “plain-language” does not match its file name",
        "rename the file to 01-plain-language.yml or change the id",
    ),
    Breakage(
        "play file name without order",
        lambda edit: edit.rename(PLAIN_LANGUAGE_PLAY, "playbook/plays/plain-language.yml"),
        "playbook/plays/plain-language.yml",
        1,
        "a play’s file name must be its order and its id",
        "rename the file",
    ),
]


def by_name(breakages: list[Breakage]) -> list[object]:
    return [pytest.param(breakage, id=breakage.name) for breakage in breakages]


@pytest.mark.parametrize("breakage", by_name(BREAKAGES))
def test_load_reports_the_problem_with_its_file_line_and_fix(
    breakage: Breakage, content_tree: Path, edit
) -> None:
    breakage.apply(edit)

    with pytest.raises(ContentError) as raised:
        load(content_tree)

    at_location = [
        problem
        for problem in raised.value.problems
        if (problem.path, problem.line) == (breakage.file, breakage.line)
    ]
    rendered = [str(problem) for problem in at_location]
    assert any(breakage.what in text and breakage.fix in text for text in rendered), "\n".join(
        str(problem) for problem in raised.value.problems
    )


@pytest.mark.parametrize("breakage", by_name(BREAKAGES))
def test_validate_command_prints_the_problem_and_fails(
    breakage: Breakage, content_tree: Path, edit, capsys: pytest.CaptureFixture[str]
) -> None:
    breakage.apply(edit)

    status = main(["validate", "--root", str(content_tree)])

    out, err = capsys.readouterr()
    assert status == 1
    assert out == ""
    problem_lines = [line for line in err.splitlines() if line.startswith(breakage.location)]
    assert any(breakage.what in line and f" — {breakage.fix}" in line for line in problem_lines), (
        err
    )
    assert "Traceback" not in err
    assert err.splitlines()[-1].endswith("problem(s) found. Nothing was built or changed.")

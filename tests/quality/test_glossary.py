"""The terminology gate: the real content uses the glossary's terms; a planted variant is named.

Expected messages are written out here, never built with the code under test.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from real_site import REPO_ROOT, command, copy_project, environment

from generator.quality import check_glossary
from generator.quality.glossary import fold, variant_pattern


def plant(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in a file by `new`; the line it stands on."""
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    return text.count("\n", 0, at) + 1


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_the_real_content_has_no_avoided_variant() -> None:
    problems = check_glossary(REPO_ROOT)

    assert not problems, "\n".join(str(problem) for problem in problems)


def test_a_planted_variant_is_reported_at_its_line_with_the_preferred_term(project: Path) -> None:
    play = project / "playbook" / "plays" / "14-retire-without-stranding.yml"
    line = plant(play, "service commun", "services mixtes")

    problems = check_glossary(project)

    assert [problem.render("en") for problem in problems] == [
        f"playbook/plays/14-retire-without-stranding.yml:{line}: “services mixtes” — "
        "use “service commun” (glossary: joint service)"
    ]
    assert problems[0].render("fr") == (
        f"playbook/plays/14-retire-without-stranding.yml:{line}: «\u00a0services mixtes\u00a0» — "
        "employez «\u00a0service commun\u00a0» (glossaire\u00a0: service commun)"
    )


def test_a_variant_deep_in_a_block_of_paragraphs_is_found_at_its_own_line(project: Path) -> None:
    play = project / "playbook" / "plays" / "03-co-design-and-test.yml"
    line = plant(play, "déclarer le décès sans", "Faire l'avis sans")

    problems = check_glossary(project)

    assert [(p.path, p.line) for p in problems] == [
        ("playbook/plays/03-co-design-and-test.yml", line)
    ]
    assert "“Faire l'avis” — use “déclarer le décès” (glossary: report the death)" in str(
        problems[0]
    )


def test_strings_are_checked_in_their_own_language_only(project: Path) -> None:
    strings = project / "site_templates" / "strings.yml"
    line = plant(
        strings, "fr: Énoncés sur le continuum", "fr: Énoncés de résultats sur le continuum"
    )
    # "placement" is the preferred English word: only the French one is a variant.
    plant(strings, "en: Statements along", "en: Placement of statements along")

    problems = [problem.render("en") for problem in check_glossary(project)]

    assert problems == [
        f"site_templates/strings.yml:{line}: “Énoncés de résultats” — use “énoncé” "
        "(glossary: statement)"
    ]


def test_seed_statements_are_exempt_they_stay_verbatim(project: Path) -> None:
    attribute = project / "content" / "attributes" / "simple.yml"
    text = attribute.read_text(encoding="utf-8")
    statement = text.index("statements:")
    # The variant inside a statement's French text is accepted; in the summary it is not.
    seeded = text[:statement] + text[statement:].replace(
        "langue simple", "langue simple (services mixtes)", 1
    )
    attribute.write_text(seeded, encoding="utf-8")
    line = plant(attribute, "Les services sont offerts", "Les services mixtes sont offerts")

    problems = check_glossary(project)

    assert [(p.path, p.line) for p in problems] == [("content/attributes/simple.yml", line)]


def test_an_entry_may_allow_its_variants_inside_a_quotation(project: Path) -> None:
    glossary = project / "content" / "glossary.yml"
    plant(glossary, "  - id: life-event\n", "  - id: life-event\n    allowed_in_quotations: true\n")
    play = project / "playbook" / "plays" / "09-bundle-around-life-events.yml"
    plant(play, "autour des événements de la vie", "autour des « événements de vie »")
    outside = plant(play, "Choisir un événement de la vie", "Choisir un événement de vie")

    problems = check_glossary(project)

    assert [(p.path, p.line) for p in problems] == [
        ("playbook/plays/09-bundle-around-life-events.yml", outside)
    ]


@pytest.mark.parametrize(
    ("variant", "text", "found"),
    [
        ("service(s) mixte(s)", "Le service mixte et les services mixtes.", 2),
        ("service(s) mixte(s)", "Les conseils mixtes et un servicemixte.", 0),
        ("événement(s) de vie", "Un EVENEMENT DE VIE, des évènements\u00a0de\nvie.", 2),
        ("faire l'avis", "faire l’avis, faire l'avis", 2),
        ("canal", "le canal, les canaux, le canal-ci, canaliser", 2),
    ],
)
def test_variants_match_whole_words_whatever_the_case_accents_spaces_and_plurals(
    variant: str, text: str, found: int
) -> None:
    assert len(variant_pattern(variant).findall(fold(text))) == found


def test_fold_keeps_one_character_for_one() -> None:
    text = "Événements « Œuvre » İstanbul ß"

    assert len(fold(text)) == len(text)
    assert fold("Événements") == "evenements"


def test_playbook_check_glossary_fails_and_says_where(project: Path) -> None:
    play = project / "playbook" / "plays" / "14-retire-without-stranding.yml"
    line = plant(play, "service commun", "service conjoint")

    outcome = subprocess.run(
        [*command("playbook"), "check", "--root", str(project), "--only", "glossary"],
        capture_output=True,
        text=True,
        check=False,
        env=environment(),
        timeout=120,
    )

    assert outcome.returncode == 1
    assert (
        f"playbook/plays/14-retire-without-stranding.yml:{line}: “service conjoint” — "
        "use “service commun” (glossary: joint service)"
    ) in outcome.stderr
    assert "glossary: 1 problem(s)." in outcome.stderr

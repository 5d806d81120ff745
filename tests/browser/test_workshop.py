"""The team workshop in Chromium: three participants export their answers from the
self-assessment page, the facilitator adds the files to the workshop page, goes through the
statements most disputed first (on screen and in facilitator mode), records the consensus and
saves it; `playbook report` reads the same files and the consensus to the same numbers.

The counts and the order below are worked out by hand from the three participants' answers
(points: not yet 0, some 1, satisfied 2, impressed 3), never by running the merge."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from test_accessibility import AXE_TAGS, RUN_AXE, describe

from generator.assessment.format import model_version
from generator.render.report_view import word

pytestmark = pytest.mark.browser


# Three participants of the death notification pilot, as each fills in the form alone.
PARTICIPANTS: list[dict[str, Any]] = [
    {
        "label": "Federal — policy analyst",
        "organisation": "Service Canada",
        "answers": {
            "accessible-one-location": ("not-yet", "satisfied"),
            "consistent-information": ("some", "satisfied"),
            "efficient-tell-us-once": ("impressed", "impressed"),
            "secure-single-login": ("not-applicable", None),
        },
    },
    {
        "label": "Province — program lead",
        "organisation": "",
        "answers": {
            "accessible-one-location": ("satisfied", "impressed"),
            "consistent-information": ("some", "impressed"),
            "efficient-tell-us-once": ("some", "satisfied"),
            "secure-single-login": ("some", "satisfied"),
        },
    },
    {
        "label": "",
        "organisation": "",
        "answers": {
            "accessible-one-location": ("some", "satisfied"),
            "consistent-information": ("satisfied", None),
            "secure-single-login": ("some", "some"),
        },
    },
]

ZERO = {"not-yet": 0, "some": 0, "satisfied": 0, "impressed": 0, "not-applicable": 0}


def counts(**given: int) -> dict[str, int]:
    found = {**ZERO, "unanswered": 0}
    found.update({key.replace("_", "-"): value for key, value in given.items()})
    assert sum(found.values()) == 3
    return found


# By hand. Spread: highest minus lowest points among today's ratings, not applicable and no
# answer left out. Most disputed: spread, then distinct answers today, then model order.
EXPECTED: dict[str, dict[str, Any]] = {
    "accessible-one-location": {  # today 0, 2, 1: spread 2, three distinct answers
        "today": counts(not_yet=1, some=1, satisfied=1),
        "target": counts(satisfied=2, impressed=1),
        "spread": 2,
    },
    "efficient-tell-us-once": {  # today 3, 1 and one without: spread 2, two distinct
        "today": counts(impressed=1, some=1, unanswered=1),
        "target": counts(impressed=1, satisfied=1, unanswered=1),
        "spread": 2,
    },
    "consistent-information": {  # today 1, 1, 2: spread 1
        "today": counts(some=2, satisfied=1),
        "target": counts(satisfied=1, impressed=1, unanswered=1),
        "spread": 1,
    },
    "secure-single-login": {  # not applicable, 1, 1: spread 0, but mixed
        "today": counts(not_applicable=1, some=2),
        "target": counts(satisfied=1, some=1, unanswered=1),
        "spread": 0,
    },
}
MOST_DISPUTED = ["accessible-one-location", "efficient-tell-us-once", "consistent-information"]
NAMES = ["Federal — policy analyst — Service Canada", "Province — program lead", "Participant 1"]

# What the team agrees, and the scores it gives (attribute: the mean of its agreed ratings).
CONSENSUS = {
    "accessible-one-location": ("some", "satisfied", "Only the web page is in one place."),
    "efficient-tell-us-once": ("some", "impressed", "Families still tell three offices."),
}
CONSENSUS_SCORES = {  # attribute | today | target
    "accessible": ("1.0", "2.0"),
    "efficient": ("1.0", "3.0"),
    "overall": ("1.0", "2.5"),
}


def page_url(site: Any, site_url: str, code: str, page_id: str) -> str:
    return f"{site_url}{site.page_url(code, page_id)}"


def say(site: Any, key: str, language: str, **values: Any) -> str:
    return " ".join(word(site.model, key, language, **values).split())


def export_participants(site: Any, site_url: str, page: Page, folder: Path) -> list[Path]:
    """Each participant fills in the self-assessment on this browser in turn and exports it."""
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(page_url(site, site_url, "en", "assessment/index"))
    expect(page.locator("#assessment-tools")).to_be_visible()
    files = []
    for number, participant in enumerate(PARTICIPANTS, start=1):
        page.locator("#participant-label").fill(participant["label"])
        page.locator("#participant-organisation").fill(participant["organisation"])
        for statement, (today, target) in participant["answers"].items():
            page.locator(f'input[name="today:{statement}"][value="{today}"]').check()
            if target:
                page.locator(f'input[name="target:{statement}"][value="{target}"]').check()
        if number == 1:  # kept in the browser like the answers
            page.reload()
            expect(page.locator("#participant-label")).to_have_value(participant["label"])
        with page.expect_download() as download:
            page.locator('button[data-action="export-json"]').click()
        saved = folder / f"participant-{number}.json"
        download.value.save_as(saved)
        files.append(saved)
        page.locator('button[data-action="clear"]').click()
        expect(page.locator("#participant-label")).to_have_value("")
    return files


def shown_order(page: Page) -> list[str]:
    ids: list[str] = page.locator("#workshop-list > li").evaluate_all(
        "(items) => items.map((item) => item.dataset.statement)"
    )
    return ids


def shown_counts(page: Page, statement: str) -> dict[str, dict[str, int]]:
    """The distribution table of a statement, read as text: {part: {row label: count}}."""
    table: dict[str, dict[str, int]] = page.locator(
        f'#workshop-list > li[data-statement="{statement}"] table'
    ).evaluate(
        """(table) => {
          const found = {today: {}, target: {}};
          table.querySelectorAll("tbody tr").forEach((row) => {
            const label = row.querySelector("th").textContent.trim();
            row.querySelectorAll("td").forEach((cell) => {
              found[cell.dataset.part][label] = Number(cell.textContent.trim());
            });
          });
          return found;
        }"""
    )
    return table


def labels(site: Any, code: str) -> dict[str, str]:
    """The row label the page shows for each key of a distribution."""
    found = {
        "not-yet": say(site, "assessment.not_yet", code),
        "not-applicable": say(site, "assessment.not_applicable", code),
        "unanswered": say(site, "workshop.unanswered", code),
    }
    for level in site.model.levels:
        found[level.id] = " ".join(str(level.short_name[code]).split())
    return found


def add_files(page: Page, files: list[Path]) -> None:
    page.locator("#workshop-files").set_input_files([str(path) for path in files])


def run_report(site: Any, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", "report", *arguments, "--quiet"],
        capture_output=True,
        text=True,
        check=False,
        cwd=site.root,
        timeout=300,
    )


def test_three_participants_merged_disagreements_first_consensus_saved_and_reported(
    site: Any, site_url: str, page: Page, tmp_path: Path, axe_source: str
) -> None:
    files = export_participants(site, site_url, page, tmp_path)
    exported = [json.loads(path.read_text(encoding="utf-8")) for path in files]
    assert exported[0]["participant"] == {
        "label": "Federal — policy analyst",
        "organisation": "Service Canada",
    }
    assert exported[1]["participant"] == {"label": "Province — program lead"}
    assert "participant" not in exported[2]
    assert all(data["format_version"] == 2 for data in exported)

    page.goto(page_url(site, site_url, "en", "workshop/index"))
    add_files(page, files)
    expect(page.locator("#workshop-status")).to_have_text(
        say(site, "workshop.added", "en", count=3)
    )
    expect(page.locator("#workshop-participants > li [data-slot=name]")).to_have_text(NAMES)

    order = shown_order(page)
    assert order[:3] == MOST_DISPUTED
    rest = [
        statement.id for statement in site.model.statements if statement.id not in MOST_DISPUTED
    ]
    assert order[3:] == rest  # then the model's order
    shown = labels(site, "en")
    for statement, expected in EXPECTED.items():
        table = shown_counts(page, statement)
        for part in ("today", "target"):
            assert table[part] == {shown[key]: value for key, value in expected[part].items()}
    flagged = page.locator("#workshop-list > li:has([data-slot=mixed]:visible)")
    expect(flagged).to_have_count(1)
    assert flagged.get_attribute("data-statement") == "secure-single-login"
    first = site.model.statement("accessible-one-location")
    expect(page.locator("#workshop-list > li").first.locator("[data-slot=code]")).to_have_text(
        first.code
    )

    # The consensus, recorded on the list; a reload loses nothing.
    for statement, (today, target, why) in CONSENSUS.items():
        card = page.locator(f'#workshop-list > li[data-statement="{statement}"]')
        card.get_by_label(say(site, "workshop.agreed_today", "en")).select_option(today)
        card.get_by_label(say(site, "workshop.agreed_target", "en")).select_option(target)
        card.get_by_label(say(site, "workshop.rationale", "en")).fill(why)
    page.locator("#workshop-service").fill("Death notification pilot")
    page.reload()
    card = page.locator('#workshop-list > li[data-statement="efficient-tell-us-once"]')
    expect(card.get_by_label(say(site, "workshop.rationale", "en"))).to_have_value(
        CONSENSUS["efficient-tell-us-once"][2]
    )
    violations = axe(page, axe_source)
    assert violations == [], "\n".join(violations)

    with page.expect_download() as download:
        page.locator('button[data-action="save"]').click()
    consensus_file = tmp_path / download.value.suggested_filename
    download.value.save_as(consensus_file)
    saved = json.loads(consensus_file.read_text(encoding="utf-8"))
    assert consensus_file.name.startswith("consensus-")
    assert saved["format_version"] == 2
    assert saved["model_version"] == exported[0]["model_version"]
    assert saved["consensus"] == {"participants": 3}
    assert saved["service"] == "Death notification pilot"
    for statement, (today, target, why) in CONSENSUS.items():
        answer = saved["answers"][statement]
        assert (answer["today"], answer["target"], answer["notes"]) == (today, target, why)
    for statement, expected in EXPECTED.items():
        assert saved["answers"][statement]["distribution"] == {
            "today": expected["today"],
            "target": expected["target"],
        }

    # `playbook report` on the same three files: the same counts and order.
    team = tmp_path / "team.json"
    outcome = run_report(site, *map(str, files), "--out", str(team))
    assert outcome.returncode == 0, outcome.stderr
    report = json.loads(team.read_text(encoding="utf-8"))
    assert report["participants"] == 3
    assert report["most_disputed"] == MOST_DISPUTED
    for statement, expected in EXPECTED.items():
        found = report["statements"][statement]
        assert (found["today"], found["target"], found["spread"]) == (
            expected["today"],
            expected["target"],
            expected["spread"],
        )

    # ... and on the consensus: the agreed scores, as the assessment page shows them too.
    html_report = tmp_path / "consensus.html"
    outcome = run_report(site, str(consensus_file), "--out", str(html_report))
    assert outcome.returncode == 0, outcome.stderr
    page.goto(html_report.as_uri())
    assert scores(page) == CONSENSUS_SCORES
    page.goto(page_url(site, site_url, "en", "assessment/index"))
    page.locator("#assessment-import").set_input_files(str(consensus_file))
    expect(page.locator("#notes-accessible-one-location")).to_have_value(
        CONSENSUS["accessible-one-location"][2]
    )
    page.locator('button[data-action="results"]').click()
    assert scores(page) == CONSENSUS_SCORES


def scores(page: Page) -> dict[str, tuple[str, str]]:
    """Today and target of the attributes the consensus rates, and overall, from the table."""
    rows: list[list[str]] = page.locator('table[data-scores="attribute"] tr[data-id]').evaluate_all(
        """(rows) => rows.map((row) => [row.dataset.id,
             row.querySelector('[data-score="today"]').textContent.trim(),
             row.querySelector('[data-score="target"]').textContent.trim()])"""
    )
    return {row[0]: (row[1], row[2]) for row in rows if row[0] in CONSENSUS_SCORES}


def axe(page: Page, axe_source: str) -> list[str]:
    page.add_script_tag(content=axe_source)
    return describe(page.url, page.evaluate(RUN_AXE, AXE_TAGS))


def workshop_file(**fields: Any) -> dict[str, Any]:
    return {"format": "client-centric-assessment", "format_version": 2, **fields}


HOSTILE = '<img src=x onerror="document.title=1"><script>document.title=2</script>'


@pytest.mark.parametrize("code", ["en", "fr"])
def test_bad_files_are_refused_each_by_name_and_nothing_of_them_is_merged(
    code: str, site: Any, site_url: str, page: Page, tmp_path: Path, axe_source: str
) -> None:
    statement = site.model.statements[0].id

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    good = write("good.json", json.dumps(workshop_file(answers={statement: {"today": "some"}})))
    bomb = "\n".join(
        ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        + [
            f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]"
            for a, b in zip("abcdefgh", "bcdefghi", strict=True)
        ]
    )
    large = tmp_path / "huge.json"
    with large.open("wb") as out:
        out.write(b'{"format": "client-centric-assessment", "format_version": 2, "service": "')
        out.write(b"x" * (20 * 1024 * 1024))
        out.write(b'"}')
    other_model = workshop_file(model_version="0123456789ab", answers={})
    cases: list[tuple[Path, str, dict[str, Any]]] = [
        (write("budget.json", '{"total": 12}'), "assessment.error_not_assessment", {}),
        (
            write("minutes.txt", "Minutes: the workshop went well."),
            "assessment.error_not_assessment",
            {},
        ),
        (
            write("broken.json", '{"format": "client-centric-assessment",\n "answers": [}'),
            "workshop.error_yaml_syntax",
            {"line": 1},
        ),
        (
            write("other-model.json", json.dumps(other_model)),
            "assessment.error_model_version",
            {"found": "0123456789ab", "current": model_version(site.model)},
        ),
        (
            write(
                "strangers.yaml",
                "format: client-centric-assessment\nformat_version: 2\n"
                "answers:\n  no-such-statement: {today: some}\n",
            ),
            "assessment.error_unknown_statements",
            {"ids": "no-such-statement"},
        ),
        (write("bomb.yaml", bomb), "workshop.error_yaml_unsupported", {"line": 1}),
        (large, "workshop.error_too_large", {"limit": 2}),
    ]
    page.goto(page_url(site, site_url, code, "workshop/index"))
    add_files(page, [good, *(path for path, _, _ in cases)])

    expect(page.locator("#workshop-status")).to_have_text(
        say(site, "workshop.added", code, count=1)
    )
    refused = page.locator("#workshop-refused > li")
    expect(refused).to_have_count(len(cases))
    for (path, key, values), item in zip(cases, refused.all(), strict=True):
        text = " ".join(item.inner_text().split())
        assert path.name in text
        assert text == say(site, key, code, file=path.name, **values)
    expect(page.locator("#workshop-participants > li")).to_have_count(1)
    summary = say(
        site,
        "workshop.summary",
        code,
        count=1,
        disputed=0,
        total=len(site.model.statements),
        mixed=0,
    )
    expect(page.locator("#workshop-summary")).to_have_text(summary)
    violations = axe(page, axe_source)  # files loaded, files refused
    assert violations == [], "\n".join(violations)


def test_html_in_every_text_field_is_shown_as_text(
    site: Any, site_url: str, page: Page, tmp_path: Path
) -> None:
    statement = site.model.statements[0].id
    hostile = tmp_path / f"{HOSTILE}.json".replace("/", "_")
    hostile.write_text(
        json.dumps(
            workshop_file(
                service=HOSTILE,
                participant={"label": HOSTILE, "organisation": HOSTILE},
                answers={statement: {"today": "some", "notes": HOSTILE}},
            )
        ),
        encoding="utf-8",
    )
    page.goto(page_url(site, site_url, "en", "workshop/index"))
    title = page.title()
    add_files(page, [hostile])

    expect(page.locator("#workshop-participants [data-slot=name]")).to_have_text(
        f"{HOSTILE} — {HOSTILE}"
    )
    expect(page.locator("#workshop-service")).to_have_value(HOSTILE)
    assert page.locator("main img, main script:not([type])").count() == 0
    assert page.title() == title


def test_a_participant_is_removed_and_the_counts_follow(
    site: Any, site_url: str, page: Page, tmp_path: Path
) -> None:
    statement = site.model.statements[0].id
    paths = []
    for number, rating in enumerate(["some", "impressed"], start=1):
        path = tmp_path / f"p{number}.json"
        path.write_text(json.dumps(workshop_file(answers={statement: {"today": rating}})))
        paths.append(path)
    page.goto(page_url(site, site_url, "fr", "workshop/index"))
    add_files(page, paths)
    expect(page.locator("#workshop-list > li").first).to_have_attribute("data-statement", statement)

    page.get_by_role(
        "button", name=say(site, "workshop.remove_label", "fr", name="Participant 2")
    ).click()

    expect(page.locator("#workshop-participants > li")).to_have_count(1)
    expect(page.locator("#workshop-status")).to_have_text(
        say(site, "workshop.removed", "fr", name="Participant 2")
    )
    assert shown_counts(page, statement)["today"][labels(site, "fr")["impressed"]] == 0


def test_a_tally_counts_as_its_participants(
    site: Any, site_url: str, page: Page, tmp_path: Path
) -> None:
    first, second = site.model.statements[0], site.model.statements[1]
    tally = tmp_path / "tally.yaml"
    tally.write_text(
        "format: client-centric-tally\nformat_version: 2\nparticipants: 5\nstatements:\n"
        f"  {first.code}:\n    today: {{not-yet: 1, impressed: 3}}\n"
        f"  {second.id}:\n    target: {{satisfied: 5}}\n",
        encoding="utf-8",
    )
    page.goto(page_url(site, site_url, "en", "workshop/index"))
    add_files(page, [tally])

    expect(page.locator("#workshop-participants [data-slot=name]")).to_have_text(
        say(site, "team.tally_item", "en", count=5)
    )
    shown = labels(site, "en")
    table = shown_counts(page, first.id)
    assert table["today"][shown["not-yet"]] == 1
    assert table["today"][shown["impressed"]] == 3
    assert table["today"][shown["unanswered"]] == 1
    assert shown_order(page)[0] == first.id  # spread 3
    assert shown_counts(page, second.id)["target"][shown["satisfied"]] == 5


@pytest.mark.parametrize("code", ["en", "fr"])
def test_facilitator_mode_from_the_keyboard_readable_at_200_percent_and_accessible(
    code: str, site: Any, site_url: str, page: Page, tmp_path: Path, axe_source: str
) -> None:
    statements = site.model.statements
    answers = [
        {statements[0].id: {"today": "some"}, statements[5].id: {"today": "not-yet"}},
        {statements[0].id: {"today": "satisfied"}, statements[5].id: {"today": "impressed"}},
    ]
    paths = []
    for number, given in enumerate(answers, start=1):
        path = tmp_path / f"p{number}.json"
        path.write_text(json.dumps(workshop_file(answers=given)))
        paths.append(path)
    page.goto(page_url(site, site_url, code, "workshop/index"))
    add_files(page, paths)
    # Most disputed first: statement 6 (spread 3), then statement 1 (spread 1), then the rest.
    expect(page.locator("#workshop-list > li").first).to_have_attribute(
        "data-statement", statements[5].id
    )

    def position(number: int, statement_code: str) -> str:
        total = len(statements)
        return say(site, "workshop.position", code, number=number, total=total, code=statement_code)

    dialog = page.locator("#facilitator")
    opener = page.locator("#workshop-facilitator")
    opener.focus()
    page.keyboard.press("Enter")

    expect(dialog).to_be_visible()
    expect(page.locator("#facilitator-position")).to_have_text(position(1, statements[5].code))
    expect(page.locator("#facilitator-body h3")).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#facilitator-position")).to_have_text(position(2, statements[0].code))
    page.keyboard.press("ArrowRight")
    expect(page.locator("#facilitator-position")).to_have_text(position(3, statements[1].code))
    page.keyboard.press("d")  # the next disagreement: back to the first
    expect(page.locator("#facilitator-position")).to_have_text(position(1, statements[5].code))
    page.keyboard.press("ArrowLeft")  # already the first
    expect(page.locator("#facilitator-position")).to_have_text(position(1, statements[5].code))

    violations = axe(page, axe_source)
    assert violations == [], "\n".join(violations)

    # A consensus recorded in facilitator mode shows on the list when it is left.
    dialog.get_by_label(say(site, "workshop.agreed_today", code)).select_option("some")
    page.set_viewport_size({"width": 640, "height": 450})  # 1280 x 900 at 200 %
    overflow = dialog.evaluate("(d) => d.scrollWidth - d.clientWidth")
    assert overflow <= 0
    assert dialog.evaluate("(d) => parseFloat(getComputedStyle(d).fontSize)") >= 24
    page.keyboard.press("Escape")

    expect(dialog).to_be_hidden()
    card = page.locator(f'#workshop-list > li[data-statement="{statements[5].id}"]')
    expect(card.locator("h3")).to_be_focused()
    expect(card.get_by_label(say(site, "workshop.agreed_today", code))).to_have_value("some")

"""Baseline and follow-up compared on the comparison page in Chromium: a follow-up started from
a baseline kept in the browser ("Start the follow-up from this one"), changed, both chosen from
the saved assessments and exported, compared to the same numbers as
`playbook report FOLLOW-UP --baseline BASELINE`; two files imported on the French page; a
refused file; a file of an older model version carried over, the answer it could not carry
named; the page from the keyboard, and no accessibility problem with a comparison shown.

The expected numbers are worked out by hand below (points: not yet 0, some 1, satisfied 2,
impressed 3; a score is the mean of the statements rated today), never by running the
comparison."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, Route, expect
from test_accessibility import AXE_TAGS, RUN_AXE, describe

from generator.render.report_view import word

pytestmark = pytest.mark.browser

# The baseline, as a team fills in the form at its first session.
BASELINE = {
    "accessible-one-location": ("not-yet", "satisfied"),
    "accessible-choice-of-channel": ("satisfied", "impressed"),
    "consistent-information": ("some", "satisfied"),
    "efficient-tell-us-once": ("some", "impressed"),
    "secure-single-login": ("not-applicable", None),
}
# A year later, starting from the baseline's answers: what the team changed.
CHANGED = {
    "accessible-one-location": ("satisfied", None),  # 0 -> 2, the target (2) met
    "accessible-choice-of-channel": ("some", None),  # 2 -> 1
    "efficient-tell-us-once": ("impressed", None),  # 1 -> 3, the target (3) met
    "simple-plain-language": ("some", "satisfied"),  # new: a gap opened
}

# By hand. Statements: before and after today's points, their change, and whether the
# follow-up's today reached the baseline's target.
STATEMENTS = {
    "accessible-one-location": {"before": 0, "after": 2, "change": 2, "target_met": True},
    "accessible-choice-of-channel": {"before": 2, "after": 1, "change": -1, "target_met": False},
    "consistent-information": {"before": 1, "after": 1, "change": 0, "target_met": False},
    "efficient-tell-us-once": {"before": 1, "after": 3, "change": 2, "target_met": True},
    "secure-single-login": {"before": None, "after": None, "change": None, "target_met": None},
    "simple-plain-language": {"before": None, "after": 1, "change": None, "target_met": None},
}
LISTS = {
    "improved": ["accessible-one-location", "efficient-tell-us-once"],
    "declined": ["accessible-choice-of-channel"],
    "targets_met": ["accessible-one-location", "efficient-tell-us-once"],
    # Gap: target above today. Opened: the follow-up has one the baseline had not.
    "gaps_opened": ["simple-plain-language"],
    # Closed: the baseline had one, the follow-up has none (2 of 2, 3 of 3).
    "gaps_closed": ["accessible-one-location", "efficient-tell-us-once"],
}
# Attributes' scores today: accessible (0 + 2) / 2 then (2 + 1) / 2; consistent 1 then 1;
# efficient 1 then 3; secure only not applicable; simple unanswered then 1.
# Overall: (0 + 2 + 1 + 1) / 4 = 1.0, then (2 + 1 + 1 + 3 + 1) / 5 = 1.6.
GROUPS = {
    "accessible": (1.0, 1.5),
    "consistent": (1.0, 1.0),
    "efficient": (1.0, 3.0),
    "responsive": (None, None),
    "integrity": (None, None),
    "secure": (None, None),
    "simple": (None, 1.0),
}
OVERALL = (1.0, 1.6)
# The attribute table as the English page shows it: baseline, follow-up, change.
ATTRIBUTE_ROWS = [
    "attributes | accessible | 1.0 | 1.5 | +0.5",
    "attributes | consistent | 1.0 | 1.0 | 0.0",
    "attributes | efficient | 1.0 | 3.0 | +2.0",
    "attributes | responsive | — | — | —",
    "attributes | integrity | — | — | —",
    "attributes | secure | — | — | —",
    "attributes | simple | — | 1.0 | —",
    "attributes | overall | 1.0 | 1.6 | +0.6",
]

SHOWN = """() => ({
  groups: Array.from(document.querySelectorAll("#compare-body table[data-scores] tr[data-id]"),
    (row) => [row.closest("table").dataset.scores, row.dataset.id,
      ...Array.from(row.querySelectorAll("td"), (cell) => cell.textContent.trim())].join(" | ")),
  lists: Object.fromEntries(Array.from(document.querySelectorAll("#compare-body [data-list]"),
    (list) => [list.dataset.list, Array.from(list.children, (item) => item.dataset.id)])),
  moved: Object.fromEntries(Array.from(
    document.querySelectorAll("#compare-body tr[data-direction]"),
    (row) => [row.dataset.id, row.dataset.direction])),
})"""


def compare_url(site: Any, site_url: str, code: str) -> str:
    return site_url + site.page_url(code, "assessment/compare")


def message(site: Any, key: str, code: str, **values: Any) -> str:
    """A string of strings.yml as the page shows it, spaces normalized."""
    return " ".join(word(site.model, key, code, **values).split())


def answer_file(answers: dict[str, tuple[str, str | None]], **fields: Any) -> bytes:
    """An assessment file as the self-assessment page exports it."""
    given = {
        statement: {"today": today, **({"target": target} if target else {})}
        for statement, (today, target) in answers.items()
    }
    data = {"format": "client-centric-assessment", "format_version": 2, "model_version": "2026.1"}
    return json.dumps({**data, **fields, "answers": given}).encode()


def choose_file(page: Page, side: str, name: str, content: bytes) -> None:
    page.locator(f"#{side}-file").set_input_files(
        {"name": name, "mimeType": "application/json", "buffer": content}
    )


def compared(page: Page) -> dict[str, Any]:
    page.locator("#compare-form button[type=submit]").click()
    expect(page.locator("#compare-results")).to_be_visible()
    shown: dict[str, Any] = page.evaluate(SHOWN)
    return shown


def export_saved(page: Page, position: int, path: Path) -> Path:
    """The assessment at `position` in the list kept in this browser, exported from the list."""
    with page.expect_download() as download:
        page.locator("#library-list tbody tr").nth(position).locator(
            'button[data-do="export"]'
        ).click()
    download.value.save_as(path)
    return path


def rate(page: Page, answers: dict[str, tuple[str, str | None]]) -> None:
    for statement, (today, target) in answers.items():
        page.locator(f'input[name="today:{statement}"][value="{today}"]').check()
        if target:
            page.locator(f'input[name="target:{statement}"][value="{target}"]').check()


def test_a_follow_up_made_from_its_baseline_compares_as_the_command_does(
    site: Any, site_url: str, page: Page, tmp_path: Path
) -> None:
    page.goto(site_url + site.page_url("en", "assessment/index"))
    expect(page.locator("#assessment-tools")).to_be_visible()
    service = "Death notification pilot"
    page.locator("#assessment-service").fill(service)
    rate(page, BASELINE)
    # "Start the follow-up from this one" in the list of assessments kept in this browser.
    saved = page.locator("#library-list tbody tr")
    expect(saved).to_have_count(1)
    saved.first.locator('button[data-do="follow-up"]').click()
    named = message(site, "library.follow_up_name", "en", name=service)
    expect(page.locator("#assessment-status")).to_have_text(
        message(site, "library.followed_up", "en", name=named)
    )
    rate(page, CHANGED)  # the follow-up starts from the baseline's answers
    baseline = export_saved(page, 0, tmp_path / "baseline.json")
    follow_up = export_saved(page, 1, tmp_path / "follow-up.json")
    page.locator("a", has_text=word(site.model, "page.assessment_compare", "en")).click()
    page.wait_for_url(compare_url(site, site_url, "en"))

    # Both chosen from the assessments kept in this browser, by name.
    page.locator("#baseline-saved").select_option(label=service)
    expect(page.locator("#baseline-chosen")).to_have_text(
        message(site, "compare.chosen_saved", "en", name=service, count=5)
    )
    page.locator("#follow-up-saved").select_option(label=named)
    expect(page.locator("#follow-up-chosen")).to_have_text(
        message(site, "compare.chosen_saved", "en", name=named, count=6)
    )
    shown = compared(page)
    out = tmp_path / "comparison.json"
    command = [sys.executable, "-m", "generator.cli", "report", str(follow_up)]
    outcome = subprocess.run(
        [*command, "--baseline", str(baseline), "--out", str(out), "--quiet"],
        capture_output=True,
        text=True,
        check=False,
        cwd=site.root,
        timeout=300,
    )

    assert outcome.returncode == 0, outcome.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    for statement, expected in STATEMENTS.items():
        assert report["statements"][statement] == expected, statement
    assert {key: report[key] for key in LISTS} == LISTS
    for attribute, (before, after) in GROUPS.items():
        assert report["attributes"][attribute] == pytest.approx(
            {"before": before, "after": after}
        ), attribute
    assert report["overall"] == pytest.approx(dict(zip(("before", "after"), OVERALL, strict=True)))
    assert shown["lists"] == LISTS
    assert [row for row in shown["groups"] if row.startswith("attributes")] == ATTRIBUTE_ROWS
    assert shown["moved"] == {
        "accessible-one-location": "up",
        "accessible-choice-of-channel": "down",
        "consistent-information": "same",
        "efficient-tell-us-once": "up",
    }
    expect(page.locator("#compare-heading")).to_be_focused()
    expect(page.locator("#compare-heading")).to_have_text(
        message(site, "comparison.title", "en", service="Death notification pilot")
    )
    expect(page.locator("#compare-status")).to_have_text(
        message(site, "compare.compared", "en", improved=2, declined=1, before="1.0", after="1.6")
    )


def test_two_imported_files_compare_on_the_french_page_with_charts_described(
    site: Any, site_url: str, page: Page
) -> None:
    page.goto(compare_url(site, site_url, "fr"))
    baseline = {"integrity-reducing-fraud": ("some", "impressed")}
    follow_up = {"integrity-reducing-fraud": ("satisfied", "impressed")}
    dates = {"baseline": "2025-11-03", "follow-up": "2026-11-02"}
    service = {"en": "Death notification", "fr": "Avis de décès"}
    plan = [
        {
            "id": "a1",
            "title": "Name the fraud checks in the letter",
            "statements": ["integrity-reducing-fraud"],
            "play": "reach-everyone-stop-fraud",
            "status": "done",
        }
    ]
    choose_file(page, "baseline", "depart.json", answer_file(baseline, date=dates["baseline"]))
    choose_file(
        page,
        "follow-up",
        "suivi.json",
        answer_file(
            follow_up,
            date=dates["follow-up"],
            service=service,
            language="en",
            stage="delivery",
            plan=plan,
        ),
    )
    expect(page.locator("#follow-up-chosen")).to_have_text(
        message(site, "compare.chosen_file", "fr", file="suivi.json", count=1)
    )

    shown = compared(page)

    assert "attributes | integrity | 1,0 | 2,0 | +1,0" in shown["groups"]
    assert shown["lists"]["improved"] == ["integrity-reducing-fraud"]
    expect(page.locator("#compare-heading")).to_have_text(
        message(site, "comparison.title", "fr", service="Avis de décès")
    )
    expect(page.locator("#compare-body time")).to_have_text(list(dates.values()))
    # The plan's one action, done: its statement moved up (1 -> 2).
    done = page.locator('#compare-plan-progress-table tr[data-action="a1"]')
    expect(done.locator("th")).to_have_text("Name the fraud checks in the letter")
    expect(done.locator("td[data-moved]")).to_have_attribute("data-moved", "up")
    expect(done.locator("td[data-moved]")).to_have_text(message(site, "plan.moved_up", "fr"))
    chart = page.locator("#compare-body svg.bar-chart").first
    assert chart.get_attribute("role") == "img"
    expect(page.locator("#compare-chart-attributes-title")).to_have_text(
        message(site, "comparison.chart_attributes", "fr", top=3)
    )
    described = page.locator("#compare-chart-attributes-desc").text_content() or ""
    name = site.model.attributes[4].name["fr"]
    assert site.model.attributes[4].id == "integrity"
    assert message(site, "comparison.chart_row", "fr", name=name, before="1,0", after="2,0") in (
        " ".join(described.split())
    )


def test_a_refused_file_is_named_and_nothing_of_it_is_used(
    site: Any, site_url: str, page: Page
) -> None:
    page.goto(compare_url(site, site_url, "en"))
    good = answer_file({"simple-plain-language": ("some", None)})
    typo = answer_file({"simple-plain-langage": ("some", None)})
    choose_file(page, "baseline", "baseline.json", good)
    expect(page.locator("#baseline-chosen")).to_have_text(
        message(site, "compare.chosen_file", "en", file="baseline.json", count=1)
    )

    choose_file(page, "follow-up", "typo.json", typo)
    choose_file(page, "baseline", "notes.json", b"Minutes of the workshop")

    error = page.locator("#compare-error")
    expect(error).to_have_text(message(site, "assessment.error_not_json", "en", file="notes.json"))
    assert error.get_attribute("role") == "alert"
    nothing = message(site, "compare.nothing_chosen", "en")
    expect(page.locator("#baseline-chosen")).to_have_text(nothing)
    expect(page.locator("#follow-up-chosen")).to_have_text(nothing)
    page.locator("#compare-form button[type=submit]").click()
    expect(error).to_have_text(message(site, "compare.error_both", "en"))
    expect(page.locator("#compare-results")).to_be_hidden()
    choose_file(page, "follow-up", "typo.json", typo)
    expect(error).to_have_text(
        message(
            site,
            "assessment.error_unknown_statements",
            "en",
            file="typo.json",
            ids="simple-plain-langage",
        )
    )


# A newer model than the site's: one statement renamed, one removed since version 2026.1.
NEWER = {
    "version": "2027.1",
    "ids_hash": "000000000000",
    "changes": [
        {
            "change": "renamed",
            "from": ["accessible-single-place"],
            "to": ["accessible-one-location"],
        },
        {"change": "removed", "from": ["accessible-retired"], "to": []},
    ],
}


def with_newer_model(route: Route) -> None:
    """The comparison page as a site whose model is NEWER would serve it."""
    response = route.fetch()
    html = response.text()
    found = re.search(r'(<script type="application/json" id="compare-data">)(.*?)(</script>)', html)
    assert found is not None
    data = json.loads(found.group(2))
    data["modelVersion"] = NEWER["version"]
    data["changelog"]["versions"].insert(0, NEWER)
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    route.fulfill(response=response, body=html.replace(found.group(2), text))


def test_a_file_of_an_older_model_version_is_carried_over_and_what_was_not_is_named(
    site: Any, site_url: str, page: Page
) -> None:
    url = compare_url(site, site_url, "en")
    page.route(url, with_newer_model)
    page.goto(url)
    older = {
        "accessible-single-place": ("some", "satisfied"),
        "accessible-retired": ("satisfied", None),
    }
    current = {"accessible-one-location": ("impressed", None)}

    choose_file(page, "baseline", "2026.json", answer_file(older))
    choose_file(page, "follow-up", "2027.json", answer_file(current, model_version="2027.1"))
    expect(page.locator("#baseline-chosen")).to_have_text(
        message(
            site,
            "compare.chosen_file_unmapped",
            "en",
            file="2026.json",
            count=1,
            version="2026.1",
            ids="accessible-retired",
        )
    )
    shown = compared(page)

    assert shown["lists"]["improved"] == ["accessible-one-location"]  # 1 -> 3
    assert shown["lists"]["targets_met"] == ["accessible-one-location"]  # 3 >= 2
    body = page.locator("#compare-body")
    carried = message(site, "comparison.baseline_carried", "en", version="2026.1", current="2027.1")
    expect(body.get_by_text(carried)).to_be_visible()
    expect(body.locator(".unmapped-list li")).to_have_text(["accessible-retired"])


def test_the_page_works_from_the_keyboard(site: Any, site_url: str, page: Page) -> None:
    page.goto(compare_url(site, site_url, "en"))
    expect(page.locator("#compare-form")).to_be_visible()
    files = {
        "baseline": answer_file({"simple-plain-language": ("some", "satisfied")}),
        "follow-up": answer_file({"simple-plain-language": ("satisfied", "satisfied")}),
    }

    def tab_to(element: str) -> None:
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == element:
                return
        pytest.fail(f"Tab never reached #{element}")

    for side, content in files.items():
        tab_to(f"{side}-file")
        with page.expect_file_chooser() as chooser:
            page.keyboard.press("Space")
        chooser.value.set_files(
            {"name": f"{side}.json", "mimeType": "application/json", "buffer": content}
        )
        expect(page.locator(f"#{side}-chosen")).to_contain_text(f"{side}.json")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    expect(page.locator("#compare-results")).to_be_visible()
    expect(page.locator("#compare-heading")).to_be_focused()


@pytest.mark.parametrize("code", ["en", "fr"])
def test_no_axe_violation_with_a_comparison_shown(
    code: str, site: Any, site_url: str, page: Page, axe_source: str
) -> None:
    url = compare_url(site, site_url, code)
    page.goto(url)
    choose_file(page, "baseline", "baseline.json", answer_file(BASELINE, service="Pilot"))
    choose_file(page, "follow-up", "follow-up.json", answer_file({**BASELINE, **CHANGED}))
    expect(page.locator("#follow-up-chosen")).to_contain_text("follow-up.json")
    compared(page)
    page.add_script_tag(content=axe_source)

    problems = describe(url, page.evaluate(RUN_AXE, AXE_TAGS))

    assert not problems, "\n".join(problems)

"""The workshop page's YAML reader (site_templates/theme/js/yaml-subset.js), run by Node and
compared with PyYAML's safe loader, which `playbook report` uses: the same data from every
file the page accepts, and a refusal (never a value) for what it does not read."""

from __future__ import annotations

import datetime
import json
import math
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.schema.loader import MAX_DEPTH, MAX_VALUES

MODULE = Path(__file__).resolve().parents[2] / "site_templates" / "theme" / "js" / "yaml-subset.js"

RUNNER = """
import { parseYaml } from %s;
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const found = JSON.parse(input).map((text) => parseYaml(text, %s));
  // Infinity and NaN have no JSON: named, so they are compared too.
  process.stdout.write(JSON.stringify(found, (key, value) =>
    typeof value === "number" && !Number.isFinite(value) ? "number:" + value : value));
});
"""

READ = {
    "tally": """\
format: client-centric-tally
format_version: 2
service: Death notification
date: 2026-10-14
participants: 12
statements:
  ACC-1:            # a statement code
    today: {not-yet: 1, some: 5, satisfied: 4, impressed: 2}
    target: {satisfied: 7, impressed: 5}
  consistent-information:
    today: {some: 12}
""",
    "hand-written assessment": """\
# yaml-language-server: $schema=../../schema/assessment.schema.json
---
format: client-centric-assessment
format_version: 2
service:
  en: Death notification — Region 3
  fr: "Avis de décès : région 3"
participant: {label: Province — program lead, organisation: 'Ministry of "Services"'}
answers:
  accessible-one-location:
    today: not-yet
    target: satisfied
    notes: |
      Two letters still use other words.
      Call data from June.
  consistent-information: {today: some, target: satisfied, notes: 'It''s #1 # here'}
  efficient-tell-us-once:
    today: some
    notes: >-
      A long note folded
      over two lines.

      And a second paragraph.
...
""",
    "scalars as YAML 1.1 reads them": """\
nothing: ~
empty:
null_word: null
yes_word: yes
off_word: Off
true_word: True
int: 12
signed: -3
plus: +5
underscored: 1_000
octal: 017
hex: 0x1F
binary: 0b101
float: 1.5
exponent_needs_a_dot: 1e5
infinite: .inf
negative_infinite: -.inf
time_stays_text: 2026-10-14 10:00:00
escapes: "tab\\there\\u00e9\\x41 \\"quoted\\""
single: 'a '' quote'
hash_inside: a#b
colon_inside: a:b
html: <b>bold</b> & <script>alert(1)</script>
""",
    "sequences": """\
- a: 1
  b: [x, "y, z", 3]
- plain
-
  nested: true
- - 1
  - 2
""",
    "a sequence at the key's indentation": """\
key:
- same indent
- as the key
other: value
""",
    "plain text over lines": """\
note: this note
  goes on for
  three lines
next: 1
""",
    "block scalars kept and stripped": """\
keep: |+
  kept

strip: |-
  stripped
clip: >
  folded
  text
""",
    "JSON is YAML": '{"format": "client-centric-assessment", "answers": {"a": {"today": "some"}}}',
    "empty file": "",
    "only comments": "# nothing here\n",
}

REFUSED = {
    "anchor and alias": ("a: &x [1, 2]\nb: *x\n", "unsupported", 1),
    "YAML bomb": (
        'a: &a ["lol","lol"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: &d [*c,*c]\n',
        "unsupported",
        1,
    ),
    "tag": ("a: !!python/object/apply:os.system ['ls']\n", "unsupported", 1),
    "local tag": ("a: !thing x\n", "unsupported", 1),
    "directive": ("%YAML 1.1\n---\na: 1\n", "unsupported", 1),
    "two documents": ("a: 1\n---\nb: 2\n", "unsupported", 2),
    "complex key": ("? [a, b]\n: 1\n", "unsupported", 1),
    "duplicate key": ("a: 1\nb: 2\na: 3\n", "duplicate", 3),
    "tab indentation": ("a:\n\tb: 1\n", "syntax", 2),
    "unclosed flow": ("a: [1, 2\n", "syntax", 1),
    "quoted text over lines": ('a: "open\n  more"\n', "syntax", 1),
    "bad indentation": ("a: 1\n  b: 2\n", "syntax", 2),
    "reserved character": ("a: @x\n", "syntax", 1),
    "text after a flow": ("a: [1] x\n", "syntax", 1),
    "a key after a sequence": ("- a\nkey: 1\n", "syntax", 2),
}


def run(texts: list[str], limits: dict[str, int] | None = None) -> list[dict[str, Any]]:
    node = shutil.which("node")
    assert node, "Node.js is missing (Debian: apt-get install nodejs)"
    given = limits or {"depth": MAX_DEPTH, "values": MAX_VALUES}
    script = RUNNER % (json.dumps(MODULE.as_uri()), json.dumps(given))
    outcome = subprocess.run(
        [node, "--input-type=module", "-e", script],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    found: list[dict[str, Any]] = json.loads(outcome.stdout)
    return found


def as_json(value: Any) -> Any:
    """PyYAML's data as the page has it: dates as text, infinities named, keys as text."""
    if isinstance(value, datetime.date):
        return value.isoformat() if type(value) is datetime.date else str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return f"number:{'Infinity' if value > 0 else '-Infinity'}"
    if isinstance(value, dict):
        return {str(key): as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


def test_the_page_reads_what_pyyaml_reads() -> None:
    found = run(list(READ.values()))
    for (name, text), outcome in zip(READ.items(), found, strict=True):
        assert outcome == {"data": as_json(yaml.safe_load(text))}, name


def test_what_the_page_does_not_read_is_refused_with_its_line() -> None:
    found = run([text for text, _, _ in REFUSED.values()])
    for (name, (_, reason, line)), outcome in zip(REFUSED.items(), found, strict=True):
        assert outcome.get("refused") == reason, (name, outcome)
        assert outcome["line"] == line, (name, outcome)
        assert "data" not in outcome, name


def test_a_duplicate_key_is_named() -> None:
    [outcome] = run(["answers:\n  a: {today: some}\n  a: {today: satisfied}\n"])
    assert outcome == {"refused": "duplicate", "line": 3, "key": "a"}


@pytest.mark.parametrize(
    ("text", "limits", "reason"),
    [
        ("a: [[[[1]]]]\n", {"depth": 3, "values": 100}, "too-deep"),
        ("a:\n  b:\n    c:\n      d: 1\n", {"depth": 3, "values": 100}, "too-deep"),
        ("a: [1, 2, 3, 4, 5, 6]\n", {"depth": 5, "values": 5}, "too-many"),
    ],
)
def test_the_limits_of_playbook_report_hold(text: str, limits: dict[str, int], reason: str) -> None:
    [outcome] = run([text], limits)
    assert outcome["refused"] == reason

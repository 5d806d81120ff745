"""The workshop page's budget: 50 participants' files merged and the view drawn in Chromium.

    python bench/workshop_page.py [--site DIR] [--participants 50] [--runs 5]
    scripts/bench --workshop [...]

Builds the site into a temporary folder (or uses DIR, a built site), serves it, and in
Debian's Chromium drops the participants' files (random answers, the same every run) on the
workshop page: the time runs from the drop to the view drawn (files read and checked,
merged, every statement's distribution laid out), as a facilitator waits for it. The budget
of issue 13 is 300 ms; the page's first load (HTML + CSS + JS) is shown beside it.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.assessment.format import model_version  # noqa: E402
from generator.load import load  # noqa: E402
from generator.schema.assessment import FORMAT, FORMAT_VERSION  # noqa: E402

BUDGET_MS = 300
CHROMIUM = "/usr/bin/chromium"

# Drops the files on the page and resolves with the milliseconds until the view is drawn:
# every participant listed and every statement's card laid out, after the next frame.
DROP = """async (files) => {
  const zone = document.getElementById("workshop-drop");
  const list = document.getElementById("workshop-participants");
  const transfer = new DataTransfer();
  files.forEach(([name, text]) => transfer.items.add(new File([text], name)));
  const refused = document.getElementById("workshop-refused");
  const drawn = new Promise((resolve, reject) => {
    const fail = () => reject(new Error(refused.textContent));
    new MutationObserver(fail).observe(refused, {childList: true});
    const watch = new MutationObserver(() => {
      if (list.children.length !== files.length) return;
      watch.disconnect();
      document.getElementById("workshop-list").getBoundingClientRect();
      requestAnimationFrame(() => resolve(performance.now()));
    });
    watch.observe(list, {childList: true});
  });
  const start = performance.now();
  const drop = {dataTransfer: transfer, bubbles: true, cancelable: true};
  zone.dispatchEvent(new DragEvent("drop", drop));
  return (await drawn) - start;
}"""


def participants(count: int) -> list[tuple[str, str]]:
    """`count` exported files, as the assessment page writes them, with random answers."""
    model = load(ROOT)
    choices = ["not-yet", *(level.id for level in model.levels), "not-applicable", None]
    chance = random.Random(13)
    files = []
    for number in range(1, count + 1):
        answers: dict[str, Any] = {}
        for statement in model.statements:
            today, target = chance.choice(choices), chance.choice(choices)
            given = (("today", today), ("target", target))
            answer = {part: value for part, value in given if value}
            if answer:
                answers[statement.id] = answer
        data = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "model_version": model_version(model),
            "date": "2026-10-14",
            "language": "en",
            "participant": {"label": f"Participant {number}", "organisation": "Bench"},
            "answers": answers,
        }
        files.append((f"participant-{number}.json", json.dumps(data, indent=2)))
    return files


@contextmanager
def served(folder: Path) -> Iterator[str]:
    class Quiet(SimpleHTTPRequestHandler):
        extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript"}  # noqa: RUF012

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def first_load(site: Path) -> int:
    """Bytes of the English workshop page with the style sheets and script it links."""
    page = site / "workshop" / "index.html"
    html = page.read_text(encoding="utf-8")
    linked = [
        "css/site.css",
        "css/workshop.css",
        "js/workshop-page.js",
    ]
    assert all(f"../{path}" in html for path in linked), "the page links other files"
    return page.stat().st_size + sum((site / path).stat().st_size for path in linked)


def measure(site: Path, count: int, runs: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    files = participants(count)
    timings = []
    with served(site) as url, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for _ in range(runs + 1):  # the first run warms the browser's caches up
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(url + "/workshop/")
            page.wait_for_selector("#workshop-tools:not([hidden])")
            timings.append(float(page.evaluate(DROP, files)))
            context.close()
        browser.close()
    return timings[1:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--participants", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="workshop-bench-") as temporary:
        site = args.site
        if site is None:
            site = Path(temporary) / "site"
            command = [sys.executable, "-m", "generator.cli", "build", "--site-dir", str(site)]
            subprocess.run([*command, "--quiet"], cwd=ROOT, check=True)
        timings = measure(site, args.participants, args.runs)
        weight = first_load(site)
    median = statistics.median(timings)
    print("| workshop page | measured | budget |")
    print("|---|---|---|")
    print(
        f"| {args.participants} files merged and drawn (median of {args.runs}) "
        f"| {median:.0f} ms (min {min(timings):.0f}, max {max(timings):.0f}) | {BUDGET_MS} ms |"
    )
    print(f"| first load, English (HTML + CSS + JS) | {weight:,} bytes | 61,440 bytes |")
    return 0 if median <= BUDGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())

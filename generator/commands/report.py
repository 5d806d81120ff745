"""`playbook report FILE`: an assessment file as a standalone HTML or PDF report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from generator.assessment.reading import read_assessment
from generator.errors import UsageError
from generator.i18n import say
from generator.load import load
from generator.print.report import print_report
from generator.render.report import render_report_html, report_format


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("report", parents=[common], help=say("report"))
    parser.add_argument("file", type=Path, metavar="FILE", help=say("report_file"))
    parser.add_argument("--lang", default=None, help=say("report_lang"))
    parser.add_argument("--out", type=Path, default=None, help=say("report_out"))
    parser.add_argument("--quiet", action="store_true", help=say("quiet"))
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    source: Path = arguments.file
    if not source.is_file():
        raise UsageError(say("report_no_file", path=source))
    out: Path = arguments.out or source.with_suffix(".html")
    kind = report_format(out)
    if kind is None:
        raise UsageError(say("report_bad_out", path=out))
    # Checked before the slow part: a PDF printed for nothing would still fail here.
    if out.is_dir():
        raise UsageError(say("report_out_is_folder", path=out))
    if not out.parent.is_dir():
        raise UsageError(say("report_out_no_folder", path=out, folder=out.parent))
    root = arguments.root.resolve()
    model = load(root)
    language = arguments.lang
    if language is not None and language not in model.language_codes:
        raise UsageError(
            say("unknown_language", code=language, languages=", ".join(model.language_codes))
        )
    assessment = read_assessment(source, model)
    if language is None:
        written_in = assessment.language
        language = written_in if written_in in model.language_codes else model.default_language
    html = render_report_html(model, assessment, language, root / "site_templates")
    if kind == "pdf":
        if not arguments.quiet:  # printing a long report takes a while: say what is going on
            print(say("report_printing"), file=sys.stderr, flush=True)
        data = print_report(html, root / "site_templates")
    else:
        data = html.encode()
    try:
        out.write_bytes(data)
    except OSError as error:
        reason = error.strerror or str(error)
        raise UsageError(say("report_cannot_write", path=out, reason=reason)) from None
    print(say("report_written", path=out.resolve()))
    return 0

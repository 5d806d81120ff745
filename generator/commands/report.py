"""`playbook report FILE [FILE ...]`: assessment files as a standalone report.

One assessment gives its own report (HTML, PDF, or JSON with its plan), or its action plan
as CSV for a tracker; several files (participants'
assessments, tallies, a consensus) give the team report of a workshop (HTML, PDF,
or JSON for other tools). With `--baseline`, one follow-up is compared with an earlier
assessment (HTML, PDF or JSON). Every file is checked before anything is written: a bad
file gets `file:line` problems and nothing is merged.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generator.assessment.action_plan import CSV_COLUMNS, actions_against, plan_csv
from generator.assessment.comparison import compare
from generator.assessment.reading import read_assessment
from generator.assessment.tally import read_workshop_file
from generator.assessment.workshop import consensus_as_tally, merge
from generator.errors import ContentError, Problem, UsageError
from generator.i18n import say
from generator.load import load
from generator.model import Model
from generator.print.report import print_report
from generator.render.report import (
    render_comparison_html,
    render_report_html,
    render_team_report_html,
    report_format,
)
from generator.render.report_view import word
from generator.render.team_report import Workshop
from generator.schema.assessment import AssessmentFile, TallyFile

WorkshopFile = AssessmentFile | TallyFile


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("report", parents=[common], help=say("report"))
    parser.add_argument("files", type=Path, nargs="+", metavar="FILE", help=say("report_file"))
    parser.add_argument(
        "--baseline", type=Path, default=None, metavar="BASELINE", help=say("report_baseline")
    )
    parser.add_argument("--lang", default=None, help=say("report_lang"))
    parser.add_argument("--out", type=Path, default=None, help=say("report_out"))
    parser.add_argument("--quiet", action="store_true", help=say("quiet"))
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    sources: list[Path] = arguments.files
    baseline: Path | None = arguments.baseline
    out = _output(arguments.out, [*sources, *([baseline] if baseline else [])])
    root = arguments.root.resolve()
    model = load(root)
    files = read_files(sources, model)
    language = _language(arguments.lang, model, files)
    kind = report_format(out)
    single = files[0] if len(files) == 1 and isinstance(files[0], AssessmentFile) else None
    if kind == "csv":
        if single is None or baseline is not None:
            raise UsageError(say("report_csv_one_file"))
        data = plan_csv_report(model, single, language).encode("utf-8")
    elif baseline is not None:
        data = comparison_report(model, baseline, files, language, kind, root, arguments.quiet)
    elif single is not None and kind == "json":
        data = single_json(model, workshop_of(files, sources), single)
    elif single is not None:
        html = render_report_html(model, single, language, root / "site_templates")
        data = _document(html, kind, root, arguments.quiet)
    else:
        data = team_report(model, workshop_of(files, sources), language, kind, root, arguments)
    _write(out, data)
    return 0


def team_report(
    model: Model,
    workshop: Workshop,
    language: str,
    kind: str | None,
    root: Path,
    arguments: argparse.Namespace,
) -> bytes:
    """The team report of a workshop's files: JSON for other tools, else HTML or PDF."""
    merged = merge(model, workshop.entries)
    if kind == "json":
        return (json.dumps(merged.as_json(), ensure_ascii=False, indent=2) + "\n").encode()
    html = render_team_report_html(model, workshop, merged, language, root / "site_templates")
    return _document(html, kind, root, arguments.quiet)


def comparison_report(
    model: Model,
    baseline: Path,
    files: Sequence[WorkshopFile],
    language: str,
    kind: str | None,
    root: Path,
    quiet: bool,
) -> bytes:
    """One follow-up against its baseline: the comparison's JSON, else HTML or PDF."""
    follow_up = files[0]
    if len(files) != 1 or not isinstance(follow_up, AssessmentFile):
        raise UsageError(say("report_baseline_one_file"))
    before = read_assessment(baseline, model)
    if kind == "json":
        comparison = compare(model, before.answers, follow_up.answers)
        found = comparison.as_json()
        found["model_version"] = model.version
        found["unmapped"] = {
            "baseline": list(before.unmapped),
            "follow_up": list(follow_up.unmapped),
        }
        found["plan_progress"] = [
            progress.as_json() for progress in actions_against(comparison, follow_up)
        ]
        return (json.dumps(found, ensure_ascii=False, indent=2) + "\n").encode()
    html = render_comparison_html(model, before, follow_up, language, root / "site_templates")
    return _document(html, kind, root, quiet)


def single_json(model: Model, workshop: Workshop, assessment: AssessmentFile) -> bytes:
    """One assessment's counts, as a team report's JSON gives them, with its stage and its
    plan when it has either (as in the file, where both are optional)."""
    found = merge(model, workshop.entries).as_json()
    if assessment.stage is not None:
        found["stage"] = assessment.stage
    if assessment.plan:
        found["plan"] = [
            action.model_dump(mode="json", exclude_none=True) for action in assessment.plan
        ]
    return (json.dumps(found, ensure_ascii=False, indent=2) + "\n").encode()


def plan_csv_report(model: Model, assessment: AssessmentFile, language: str) -> str:
    """One assessment's action plan as CSV for a tracker, in `language` (the page's CSV)."""
    headings = [word(model, f"plan.csv_{column}", language) for column in CSV_COLUMNS]
    return plan_csv(model, assessment.plan, language, assessment.language, headings)


def read_files(sources: Sequence[Path], model: Model) -> list[WorkshopFile]:
    """Every file checked, each named as given; `ContentError` lists all their problems."""
    files: list[WorkshopFile] = []
    problems: list[Problem] = []
    for source in sources:
        try:
            files.append(read_workshop_file(source, model, str(source)))
        except ContentError as error:
            problems += error.problems
    if problems:
        raise ContentError(problems)
    return files


def workshop_of(files: Sequence[WorkshopFile], sources: Sequence[Path]) -> Workshop:
    """The participants' files and tallies, and the consensus (at most one) set apart.

    A consensus given alone with tallies or nothing else counts from the distribution it
    keeps, so that its report still shows how the team was divided."""
    named = list(zip(files, sources, strict=True))
    agreed = [(f, s) for f, s in named if isinstance(f, AssessmentFile) and f.consensus]
    if len(agreed) > 1:
        raise UsageError(say("report_two_consensus", first=agreed[0][1], second=agreed[1][1]))
    consensus = agreed[0][0] if agreed else None
    entries = tuple(found for found in files if found is not consensus)
    assert consensus is None or isinstance(consensus, AssessmentFile)
    if consensus is not None and not any(isinstance(e, AssessmentFile) for e in entries):
        kept = consensus_as_tally(consensus)
        entries = (*entries, kept) if kept else entries
    return Workshop(entries, consensus)


def _output(out: Path | None, sources: Sequence[Path]) -> Path:
    """Where the report goes, checked before the slow part (a PDF printed for nothing)."""
    for source in sources:
        if not source.is_file():
            raise UsageError(say("report_no_file", path=source))
    if out is None:
        first = sources[0]
        out = first.with_suffix(".html") if len(sources) == 1 else first.parent / "team-report.html"
    if report_format(out) is None:
        raise UsageError(say("report_bad_out", path=out))
    if out.is_dir():
        raise UsageError(say("report_out_is_folder", path=out))
    if not out.parent.is_dir():
        raise UsageError(say("report_out_no_folder", path=out, folder=out.parent))
    return out


def _language(asked: str | None, model: Model, files: Sequence[WorkshopFile]) -> str:
    """`--lang`, else the first file's language the site has, else the site's default."""
    if asked is not None:
        if asked not in model.language_codes:
            codes = ", ".join(model.language_codes)
            raise UsageError(say("unknown_language", code=asked, languages=codes))
        return asked
    written = [found.language for found in files if found.language in model.language_codes]
    return written[0] if written and written[0] else model.default_language


def _document(html: str, kind: str | None, root: Path, quiet: bool) -> bytes:
    if kind != "pdf":
        return html.encode()
    if not quiet:  # printing a long report takes a while: say what is going on
        print(say("report_printing"), file=sys.stderr, flush=True)
    return print_report(html, root / "site_templates")


def _write(out: Path, data: bytes) -> None:
    try:
        out.write_bytes(data)
    except OSError as error:
        reason = error.strerror or str(error)
        raise UsageError(say("report_cannot_write", path=out, reason=reason)) from None
    print(say("report_written", path=out.resolve()))

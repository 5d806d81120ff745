"""Where printing the PDFs goes: every PDF printed in this process under cProfile.

    python bench/profile_pdfs.py [--root DIR] [--top N] [--output FILE.prof]

Prints each PDF's time (slowest first), then the profile's heaviest functions by
cumulative time. Nothing is read from or written to the PDF cache; WeasyPrint is
imported before the clock starts. The build prints the same PDFs in parallel
processes, one per CPU (generator/print/build.py).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project to print")
    parser.add_argument("--top", type=int, default=30, help="functions to list (default 30)")
    parser.add_argument("--output", type=Path, help="also save the profile (pstats format)")
    arguments = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    import weasyprint  # noqa: F401  (imported before timing: the build's workers import it once)

    from generator.assessment.example import with_example
    from generator.load import load
    from generator.print import pdf
    from generator.print.fonts import font_faces, fonts_css
    from generator.render.documents import PAGE_SIZES, documents
    from generator.render.print_markup import PRINT_CSS, print_templates, render_document

    root = arguments.root.resolve()
    templates = root / "site_templates"
    model = with_example(root, load(root))
    print_css = (print_templates(templates) / PRINT_CSS).read_text(encoding="utf-8")
    jobs = []
    for document in documents(model):
        for language in model.language_codes:
            html = render_document(model, document, language, templates)
            for page_size, css_size in PAGE_SIZES.items():
                sheets = (
                    fonts_css(font_faces()),
                    print_css,
                    pdf.page_css(css_size, document.orientation),
                )
                jobs.append((f"{language}/{document.key}-{page_size}", html, sheets))

    profile = cProfile.Profile()
    times: list[tuple[float, str, int]] = []
    for name, html, sheets in jobs:
        start = time.perf_counter()
        profile.enable()
        data = pdf.print_pdf(html, sheets)
        profile.disable()
        times.append((time.perf_counter() - start, name, len(data)))
    total = sum(seconds for seconds, _, _ in times)
    print(f"{len(times)} PDFs in {total:.1f} s in one process (with cProfile's overhead)\n")
    for seconds, name, size in sorted(times, reverse=True):
        print(f"{seconds:6.2f} s  {size / 1000:7.1f} KB  {name}")
    text = io.StringIO()
    stats = pstats.Stats(profile, stream=text)
    stats.sort_stats("cumulative").print_stats(arguments.top)
    print(text.getvalue())
    if arguments.output:
        stats.dump_stats(arguments.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())

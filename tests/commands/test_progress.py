"""What a build shows while it runs: a line rewritten on a terminal, lines in a log."""

from __future__ import annotations

import io
import typing

import pytest

from generator import i18n
from generator.commands.progress import BuildProgress
from generator.pipeline import BuildStep, Stage


class Stream(io.StringIO):
    def __init__(self, terminal: bool) -> None:
        super().__init__()
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal


def a_cold_build(pdfs: int) -> list[BuildStep]:
    """The steps `build_site` tells, in order, for a build that prints `pdfs` PDFs."""
    return [
        BuildStep("validate"),
        BuildStep("example"),
        BuildStep("languages"),
        BuildStep("pdfs"),
        *(BuildStep("pdfs", done, pdfs) for done in range(pdfs + 1)),
        BuildStep("pages", 0, 2),
        BuildStep("pages", 1, 2, "en"),
        BuildStep("pages", 2, 2, "fr"),
        BuildStep("site"),
        BuildStep("offline"),
        BuildStep("search"),
        BuildStep("swap"),
    ]


@pytest.fixture(autouse=True)
def english() -> typing.Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def test_in_a_log_each_step_is_one_line_and_the_pdfs_about_one_line_in_ten() -> None:
    stream = Stream(terminal=False)
    progress = BuildProgress(stream)

    for step in a_cold_build(52):
        progress(step)
    progress.finish()

    assert stream.getvalue().splitlines() == [
        "Checking the content…",
        "Reading the worked example…",
        "Checking the languages in mkdocs.yml…",
        "Preparing the PDFs…",
        "PDFs printed: 0 of 52",
        "PDFs printed: 6 of 52",
        "PDFs printed: 12 of 52",
        "PDFs printed: 18 of 52",
        "PDFs printed: 24 of 52",
        "PDFs printed: 30 of 52",
        "PDFs printed: 36 of 52",
        "PDFs printed: 42 of 52",
        "PDFs printed: 48 of 52",
        "PDFs printed: 52 of 52",
        "Writing the pages…",
        "Pages written: en (language 1 of 2)",
        "Pages written: fr (language 2 of 2)",
        "Building the site with MkDocs…",
        "Making the offline copy…",
        "Building the search index…",
        "Putting the new site in place…",
    ]


def test_on_a_terminal_one_line_is_rewritten_then_cleared() -> None:
    stream = Stream(terminal=True)
    progress = BuildProgress(stream)

    for step in a_cold_build(3):
        progress(step)
    progress.finish()

    written = stream.getvalue()
    assert "\n" not in written
    shown = [part.removesuffix("\x1b[K") for part in written.split("\r")[1:]]
    assert shown[3:8] == [
        "Preparing the PDFs…",
        "PDFs printed: 0 of 3",
        "PDFs printed: 1 of 3",
        "PDFs printed: 2 of 3",
        "PDFs printed: 3 of 3",
    ]
    assert shown[-1] == ""  # cleared: what the command says next starts on a clean line


def test_in_french() -> None:
    i18n.set_language("fr")
    stream = Stream(terminal=False)
    progress = BuildProgress(stream)

    for step in (BuildStep("pdfs", 4, 4), BuildStep("pages", 2, 2, "fr"), BuildStep("search")):
        progress(step)

    assert stream.getvalue().splitlines() == [
        # French typography: a no-break space before the colon.
        "PDF imprimés\u00a0: 4 sur 4",
        "Pages écrites\u00a0: fr (langue 2 sur 2)",
        "Création de l’index de recherche…",
    ]


def test_a_step_said_twice_in_a_log_shows_once() -> None:
    # A build with every PDF in the cache starts the step, then counts none to print.
    stream = Stream(terminal=False)
    progress = BuildProgress(stream)

    progress(BuildStep("pdfs"))
    progress(BuildStep("pdfs", 0, 0))

    assert stream.getvalue().splitlines() == ["Preparing the PDFs…"]


def test_every_stage_has_words_in_both_languages() -> None:
    for language in ("en", "fr"):
        i18n.set_language(language)
        for stage in typing.get_args(Stage):
            stream = Stream(terminal=False)
            BuildProgress(stream)(BuildStep(stage))
            assert stream.getvalue().strip() and "progress_" not in stream.getvalue(), stage

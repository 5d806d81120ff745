"""Every PDF, opened as a reader's software would: pages, text, language, metadata, tags, fonts."""

from __future__ import annotations

import io
from functools import cache
from typing import Any

import pytest
from print_helpers import EVERY_PDF, normalized, pdf_text, printed_words
from pypdf import PdfReader

from generator.model import Model
from generator.print import PdfFile, PrintReport

# Points: (width, height) of a portrait page.
PAGE_POINTS = {"letter": (612.0, 792.0), "a4": (595.28, 841.89)}


@cache
def _reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


@cache
def _text(data: bytes) -> str:
    return pdf_text(data)


def _files(printed: PrintReport, key: str) -> list[PdfFile]:
    return [file for file in printed.pdfs if file.document.key == key]


def _strings(model: Model, key: str, language: str) -> str:
    return printed_words(model.strings[key], language)


def test_every_document_exists_in_every_language_and_page_size(printed: PrintReport) -> None:
    assert set(printed.files) == EVERY_PDF
    assert all(data.startswith(b"%PDF-") for data in printed.files.values())


def test_attribute_worksheets_fit_on_two_pages_and_hold_every_statement_in_their_language(
    model: Model, printed: PrintReport
) -> None:
    for attribute in model.attributes:
        for file in _files(printed, f"worksheet-{attribute.id}"):
            where = file.docs_path
            assert 1 <= len(_reader(file.data).pages) <= 2, where
            text = _text(file.data)
            other = next(code for code in model.language_codes if code != file.language)
            for statement in attribute.statements:
                assert printed_words(statement.text, file.language) in text, (where, statement.id)
                assert printed_words(statement.text, other) not in text, (where, statement.id)
            assert printed_words(attribute.name, file.language) in text, where
            assert printed_words(attribute.summary, file.language) in text, where
            assert printed_words(model.info.status.notice, file.language) in text, where


@pytest.mark.parametrize(
    "key",
    [
        "print.today",
        "print.target",
        "print.not_yet",
        "print.evidence_column",
        "print.scoring_heading",
        "print.instructions_heading",
        "print.fill_service",
        "print.fill_team",
        "print.fill_date",
        "site.draft_label",
    ],
)
def test_worksheets_speak_only_their_own_language(
    model: Model, printed: PrintReport, key: str
) -> None:
    """Each label in the worksheet's language; the other language's label nowhere.

    Compared without case: headings are set in capitals by the style sheet.
    """
    for file in printed.pdfs:
        if not file.document.key.startswith("worksheet-"):
            continue
        text = _text(file.data).casefold()
        own = _strings(model, key, file.language).casefold()
        assert own in text, (file.docs_path, key)
        for code in model.language_codes:
            other = _strings(model, key, code).casefold()
            if other != own:
                assert other not in text, (file.docs_path, key, code)


def test_the_whole_model_worksheet_holds_every_statement(
    model: Model, printed: PrintReport
) -> None:
    for file in _files(printed, "model-worksheet"):
        pages = len(_reader(file.data).pages)
        assert 1 + len(model.attributes) <= pages <= 1 + 2 * len(model.attributes), file.docs_path
        text = _text(file.data)
        for statement in model.statements:
            assert printed_words(statement.text, file.language) in text, statement.id


def test_worksheets_print_each_statement_s_code(printed: PrintReport) -> None:
    for file in _files(printed, "worksheet-accessible"):
        text = _text(file.data)
        for code in ("ACC-1", "ACC-4", "ACC-10"):
            assert f" {code} " in f" {text} ", (file.docs_path, code)


def test_the_tally_sheet_has_every_statement_with_its_code_and_a_column_per_rating(
    model: Model, printed: PrintReport
) -> None:
    for file in _files(printed, "tally-sheet"):
        text = _text(file.data)
        for statement in model.statements:
            assert printed_words(statement.text, file.language) in text, statement.id
        for code in ("ACC-1", "CON-7", "EFF-5", "RES-7", "INT-4", "SEC-2", "SIM-6"):
            assert f" {code} " in f" {text} ", (file.docs_path, code)
        for key in ("print.not_yet", "print.not_applicable", "print.fill_participants"):
            assert _strings(model, key, file.language).casefold() in text.casefold(), key
        for level in model.levels:
            assert printed_words(level.short_name, file.language) in text, level.id
        other = "fr" if file.language == "en" else "en"
        title = _strings(model, "print.title_tally_sheet", other)
        assert title not in text, file.docs_path


def test_each_checklist_holds_its_stage_items_and_those_of_its_plays(
    model: Model, printed: PrintReport
) -> None:
    for stage in model.stages:
        _, own_items = model.checklist_items(stage)
        items = [item.text for item in own_items] + [
            action.text
            for play in model.plays_for(stage)
            for action in model.actions_at(play, stage)
        ]
        for file in _files(printed, f"checklist-{stage.id}"):
            assert 1 <= len(_reader(file.data).pages) <= 2 + len(items) // 4, file.docs_path
            text = _text(file.data)
            assert printed_words(stage.name, file.language) in text
            for item in items:
                assert printed_words(item, file.language) in text, (file.docs_path, item)
            for play in model.plays_for(stage):
                assert printed_words(play.title, file.language) in text, (file.docs_path, play.id)


def test_the_playbook_holds_every_play_from_a_page_of_its_own(
    model: Model, printed: PrintReport
) -> None:
    for file in _files(printed, "playbook"):
        pages = len(_reader(file.data).pages)
        assert 1 + len(model.plays) <= pages <= 1 + 3 * len(model.plays), file.docs_path
        text = _text(file.data)
        for play in model.plays:
            for words in (
                play.title,
                play.summary,
                *play.questions,
                *(a.text for a in play.actions),
            ):
                assert printed_words(words, file.language) in text, (file.docs_path, play.id)


def _catalog(data: bytes) -> Any:
    return _reader(data).trailer["/Root"]


def test_every_pdf_declares_its_language_title_and_author(
    model: Model, printed: PrintReport
) -> None:
    for file in printed.pdfs:
        reader = _reader(file.data)
        assert _catalog(file.data)["/Lang"] == model.language(file.language).locale
        metadata = reader.metadata
        assert metadata is not None
        name = file.document.title
        subject = _strings(model, name, file.language) if isinstance(name, str) else name
        title = model.strings[file.document.title_key][file.language].format(
            name=printed_words(subject, file.language)
        )
        assert normalized(metadata.title or "") == normalized(title), file.docs_path
        assert metadata.author == model.strings["print.author"][file.language]


def test_every_pdf_is_tagged_pdf_ua_with_embedded_fonts(printed: PrintReport) -> None:
    for file in printed.pdfs:
        catalog = _catalog(file.data)
        where = file.docs_path
        assert "/StructTreeRoot" in catalog, where
        assert bool(catalog["/MarkInfo"]["/Marked"]), where
        xmp = catalog["/Metadata"].get_object().get_data()
        assert b'pdfuaid:part="1"' in xmp or b"<pdfuaid:part>1<" in xmp, where
        fonts = _fonts(_reader(file.data))
        assert fonts, where
        for name, descriptor in fonts.items():
            assert {"/FontFile2", "/FontFile3"} & set(descriptor), (where, name)


def test_the_structure_tree_holds_headings_and_the_tables_with_their_headers(
    printed: PrintReport,
) -> None:
    """What a screen reader walks: a heading, and tables whose cells know their headers."""
    for file in printed.pdfs:
        roles = _roles(_catalog(file.data)["/StructTreeRoot"])
        assert {"/Document", "/H1"} <= roles, file.docs_path
        if file.document.template != "playbook.html":
            assert {"/Table", "/TH", "/TD"} <= roles, file.docs_path


def _roles(node: Any) -> set[str]:
    """Every structure type under a node of the structure tree."""
    node = node.get_object()
    if not isinstance(node, dict):
        return set()
    found = {str(node["/S"])} if "/S" in node else set()
    kids = node.get("/K", [])
    for kid in kids if isinstance(kids, list) else [kids]:
        found |= _roles(kid)
    return found


def test_the_same_pdf_every_build_no_date_and_an_identifier_from_its_content(
    printed: PrintReport,
) -> None:
    """Nothing from the clock: no creation or modification date; /ID hashes the content."""
    for file in printed.pdfs:
        reader = _reader(file.data)
        info = reader.trailer["/Info"].get_object()
        assert not {"/CreationDate", "/ModDate"} & set(info), file.docs_path
        xmp = _catalog(file.data)["/Metadata"].get_object().get_data()
        assert b"CreateDate" not in xmp and b"ModifyDate" not in xmp, file.docs_path
        identifier = reader.trailer["/ID"]
        assert len(identifier) == 2 and len(str(identifier[0])) == 32, file.docs_path


def _fonts(reader: PdfReader) -> dict[str, Any]:
    """Each font's descriptor, by font name."""
    found: dict[str, Any] = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for part in font.get("/DescendantFonts", [font]):
                part = part.get_object()
                found[str(part["/BaseFont"])] = part["/FontDescriptor"].get_object()
    return found


def test_page_size_and_orientation(printed: PrintReport) -> None:
    for file in printed.pdfs:
        width, height = PAGE_POINTS[file.page_size]
        if file.document.orientation == "landscape":
            width, height = height, width
        for page in _reader(file.data).pages:
            box = page.mediabox
            assert abs(float(box.width) - width) < 1, file.docs_path
            assert abs(float(box.height) - height) < 1, file.docs_path

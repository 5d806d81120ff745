"""The content's shape, one class per kind of thing, used for both validation and the model.

Every class forbids unknown fields so a misspelt key fails instead of vanishing;
the JSON Schema that editors use is generated from these same classes.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    RootModel,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from generator.schema.text import LANGUAGE_CODE, Label, Locale, LocalizedText, PartialLocalizedText

MAX_ID_LENGTH = 64
"""Ids name pages and PDF files ('worksheet-<id>-letter.pdf'): bounded well under a file
name's 255 bytes."""
Id = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=MAX_ID_LENGTH)
]
Ids = Annotated[tuple[Id, ...], Field(min_length=1)]
Version = Annotated[
    str, StringConstraints(pattern=r"^[0-9A-Za-z](?:[0-9A-Za-z.-]{0,30}[0-9A-Za-z])?$")
]
"""A human version of the model ("2026.1"): letters, digits, dots and hyphens."""
AttributeCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,4}$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- configuration -------------------------------------------------------------------------


class Language(Strict):
    code: Annotated[str, StringConstraints(pattern=LANGUAGE_CODE)]
    name: Label = Field(description="The language's name in itself, e.g. 'Français'.")
    locale: Locale = Field(description="BCP 47 locale for dates and hreflang, e.g. 'fr-CA'.")
    complete: bool = Field(
        True,
        description="False while a language is being added: missing texts fall back to the "
        "default language with a 'not yet translated' marker instead of failing the build.",
    )


class LanguagesFile(Strict):
    languages: Annotated[tuple[Language, ...], Field(min_length=1)]
    default: Annotated[str, StringConstraints(pattern=LANGUAGE_CODE)]


# --- the model -----------------------------------------------------------------------------


class Status(Strict):
    label: LocalizedText = Field(description="A word or two for the status, e.g. 'Draft'.")
    notice: LocalizedText = Field(description="The notice shown on every page and PDF.")


class Vision(Strict):
    statement: LocalizedText = Field(description="The vision, verbatim from the seeds.")
    explanation: LocalizedText = Field(description="Paragraphs (Markdown) on the home page.")


class Source(Strict):
    id: Id
    title: LocalizedText
    description: LocalizedText


class ModelFile(Strict):
    title: LocalizedText = Field(description="The model's full title.")
    short_title: LocalizedText = Field(description="The site's name in its header.")
    version: Version = Field(
        description='The version of the model ("2026.1"): assessments record it. Raise it when '
        "statements change, and say what changed in content/changelog.yml."
    )
    status: Status
    vision: Vision
    attributes: Ids = Field(description="Attribute ids in display order; one file each.")
    sources: tuple[Source, ...] = ()


class Level(Strict):
    id: Id
    score: Annotated[int, Field(ge=1, le=9)] = Field(
        description="The level's value in assessments; rises along the continuum."
    )
    name: LocalizedText = Field(description="The level's name, verbatim from the seeds.")
    short_name: LocalizedText = Field(description="2-4 words for table headers and worksheets.")
    description: LocalizedText = Field(description="What a service at this step looks like.")


class ContinuumFile(Strict):
    intro: LocalizedText
    levels: Annotated[tuple[Level, ...], Field(min_length=2)]


class Result(Strict):
    id: Id
    text: LocalizedText = Field(description="The result, verbatim from the seeds.")
    note: LocalizedText | None = Field(
        default=None,
        description="An editor's note shown under the result, e.g. where the seeds' two "
        "languages say different things.",
    )


class ResultsFile(Strict):
    intro: LocalizedText
    results: Annotated[tuple[Result, ...], Field(min_length=1)]


class Stage(Strict):
    id: Id
    name: LocalizedText
    description: LocalizedText


class Channel(Strict):
    id: Id
    name: LocalizedText


class LifecycleFile(Strict):
    intro: LocalizedText
    stages: Annotated[tuple[Stage, ...], Field(min_length=1)]
    channels: Annotated[tuple[Channel, ...], Field(min_length=1)]


class Statement(Strict):
    id: Id
    level: Id = Field(description="Where the statement sits on the continuum (a level id).")
    results: Ids = Field(description="The results this statement contributes to.")
    text: LocalizedText = Field(description="The statement, verbatim from the seeds.")
    _code: str = PrivateAttr(default="")

    @property
    def code(self) -> str:
        """The short code printed beside the statement (ACC-1): its attribute's code and its
        position in the attribute, from 1. Set by the attribute that holds it."""
        return self._code


class Attribute(Strict):
    id: Id
    code: AttributeCode = Field(
        description="2 to 4 capital letters, unique in the model (ACC): with a statement's "
        "position it makes the statement's code (ACC-1), the same in every language, printed "
        "on worksheets and tally sheets."
    )
    name: LocalizedText
    alt_name: PartialLocalizedText | None = Field(
        None, description="The other seed document's label, only where it differs."
    )
    summary: LocalizedText = Field(description="One or two plain-language sentences.")
    statements: Annotated[tuple[Statement, ...], Field(min_length=1)] = Field(
        description="In seed order; ids unique across the whole model."
    )

    @model_validator(mode="after")
    def _number_statements(self) -> Attribute:
        """Each statement's code: this attribute's code and its position (ACC-1, ACC-2 …)."""
        for position, statement in enumerate(self.statements, start=1):
            statement._code = f"{self.code}-{position}"
        return self


# --- page prose ----------------------------------------------------------------------------


class Audience(Strict):
    title: LocalizedText
    text: LocalizedText


class HomePage(Strict):
    lead: LocalizedText
    audiences: tuple[Audience, ...]
    how_to_use: tuple[LocalizedText, ...]


class AboutSection(Strict):
    id: Id
    title: LocalizedText
    body: LocalizedText


class AboutPage(Strict):
    sections: tuple[AboutSection, ...]


class PagesFile(Strict):
    home: HomePage
    about: AboutPage


# --- the glossary --------------------------------------------------------------------------

Variant = Annotated[
    str,
    StringConstraints(pattern=r"^[^()]*(?:\([^()]+\)[^()]*)*$", min_length=2),
    Field(
        description="A word or phrase to avoid; letters in brackets are optional, so "
        "'service(s) mixte(s)' also finds 'services mixtes'. Matched as whole words, "
        "whatever the case, the accents and the kind of apostrophe or space."
    ),
]


class GlossaryEntry(Strict):
    id: Id
    term: LocalizedText = Field(description="The preferred term in each language.")
    avoid: dict[Annotated[str, StringConstraints(pattern=LANGUAGE_CODE)], tuple[Variant, ...]] = (
        Field(
            default_factory=dict,
            description="By language code, the variants `playbook check` reports wherever "
            "they appear (seed statements excepted).",
        )
    )
    why: LocalizedText = Field(description="One line: why this term and not the others.")
    allowed_in_quotations: bool = Field(
        False,
        description="True to accept a variant inside a quotation («…» or “…”), e.g. when a "
        "source is quoted word for word.",
    )

    @field_validator("avoid")
    @classmethod
    def _configured_languages(
        cls, avoid: dict[str, tuple[str, ...]], info: ValidationInfo
    ) -> dict[str, tuple[str, ...]]:
        allowed = tuple((info.context or {}).get("languages", ("en", "fr")))
        for code in avoid:
            if code not in allowed:
                raise PydanticCustomError(
                    "unknown_language",
                    "'{code}' is not a configured language",
                    {"code": code, "allowed": ", ".join(allowed)},
                )
        return avoid


class GlossaryFile(Strict):
    intro: LocalizedText
    terms: Annotated[tuple[GlossaryEntry, ...], Field(min_length=1)]


class UiStrings(
    RootModel[dict[Annotated[str, StringConstraints(pattern=r"^[a-z0-9_.]+$")], LocalizedText]]
):
    """The theme's own words (menus, labels, headings), keyed by a dotted name."""

    model_config = ConfigDict(frozen=True)


# --- the playbook --------------------------------------------------------------------------


class PlayAction(Strict):
    id: Id
    text: LocalizedText
    stages: tuple[Id, ...] | None = Field(
        None, description="The play's stages this action belongs to; all of them when absent."
    )


class Play(Strict):
    id: Id = Field(description="Also the file name after its order: 03-<id>.yml.")
    title: LocalizedText = Field(description="A short imperative title.")
    summary: LocalizedText = Field(description="One line.")
    why: LocalizedText = Field(description="Why it matters to clients (Markdown paragraphs).")
    actions: Annotated[tuple[PlayAction, ...], Field(min_length=1)] = Field(
        description="The checklist; also gathered into the lifecycle checklists."
    )
    questions: tuple[LocalizedText, ...] = Field((), description="Questions a team asks itself.")
    attributes: Ids = Field(description="Attribute ids; must include each statement's attribute.")
    statements: Ids = Field(description="The statements this play advances.")
    stages: Ids = Field(description="Lifecycle stage ids.")
    channels: Ids = Field(description="Channel ids.")
    pilot: LocalizedText | None = Field(
        None, description="How the play works out in the death-notification pilot."
    )


class ChecklistItem(Strict):
    id: Id
    text: LocalizedText


class StageChecklist(Strict):
    stage: Id
    intro: LocalizedText
    items: tuple[ChecklistItem, ...] = ()


class StagesFile(Strict):
    stages: tuple[StageChecklist, ...]

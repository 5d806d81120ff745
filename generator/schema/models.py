"""The content's shape, one class per kind of thing, used for both validation and the model.

Every class forbids unknown fields so a misspelt key fails instead of vanishing;
the JSON Schema that editors use is generated from these same classes.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, RootModel, StringConstraints

from generator.schema.text import LANGUAGE_CODE, LocalizedText, PartialLocalizedText

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
Ids = Annotated[tuple[Id, ...], Field(min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- configuration -------------------------------------------------------------------------


class Language(Strict):
    code: Annotated[str, StringConstraints(pattern=LANGUAGE_CODE)]
    name: str = Field(description="The language's name in itself, e.g. 'Français'.")
    locale: str = Field(description="BCP 47 locale for dates and hreflang, e.g. 'fr-CA'.")
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
    label: LocalizedText
    notice: LocalizedText


class Vision(Strict):
    statement: LocalizedText
    explanation: LocalizedText


class Source(Strict):
    id: Id
    title: LocalizedText
    description: LocalizedText


class ModelFile(Strict):
    title: LocalizedText
    short_title: LocalizedText
    status: Status
    vision: Vision
    attributes: Ids = Field(description="Attribute ids in display order; one file each.")
    sources: tuple[Source, ...] = ()


class Level(Strict):
    id: Id
    score: Annotated[int, Field(ge=1, le=9)]
    name: LocalizedText
    short_name: LocalizedText
    description: LocalizedText


class ContinuumFile(Strict):
    intro: LocalizedText
    levels: Annotated[tuple[Level, ...], Field(min_length=2)]


class Result(Strict):
    id: Id
    text: LocalizedText


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
    text: LocalizedText


class Attribute(Strict):
    id: Id
    name: LocalizedText
    alt_name: PartialLocalizedText | None = Field(
        None, description="The other seed document's label, only where it differs."
    )
    summary: LocalizedText
    statements: Annotated[tuple[Statement, ...], Field(min_length=1)]


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
    id: Id
    title: LocalizedText
    summary: LocalizedText
    why: LocalizedText
    actions: Annotated[tuple[PlayAction, ...], Field(min_length=1)]
    questions: tuple[LocalizedText, ...] = ()
    attributes: Ids
    statements: Ids
    stages: Ids
    channels: Ids
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

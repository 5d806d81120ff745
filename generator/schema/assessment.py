"""The assessment file's shape: what the assessment page exports and `playbook report` reads.

One format for both, in JSON (from the page) or YAML (written by hand after a
paper workshop). `format` says what the file is, `format_version` how it is laid
out, and `model_version` which statements it answers: a short hash of the model's
statement ids, so a file from another version of the model is noticed instead of
scored against statements that changed (`generator.assessment.format.model_version`).
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal

from pydantic import Field, PlainValidator, PrivateAttr, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from generator.schema.models import Strict
from generator.schema.text import LANGUAGE_CODE

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "NOT_APPLICABLE",
    "NOT_YET",
    "Answer",
    "AssessmentFile",
]

FORMAT = "client-centric-assessment"
"""The value of `format` in every assessment file."""
FORMAT_VERSION = 1
"""The layout this code reads and writes; raised when the layout changes incompatibly."""
NOT_YET = "not-yet"
"""Clients do not experience the statement yet: scores 0."""
NOT_APPLICABLE = "not-applicable"
"""The statement does not apply to this service: left out of every score."""

LanguageCode = Annotated[str, StringConstraints(pattern=LANGUAGE_CODE)]


def _note(value: Any) -> str | dict[str, str]:
    """Plain text, or a mapping of language code to text for a report in several languages."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and all(
        isinstance(code, str) and isinstance(text, str) for code, text in value.items()
    ):
        return dict(value)
    raise PydanticCustomError("string_type", "expected text")


_NOTE_SCHEMA = {
    "anyOf": [
        {"type": "string"},
        {
            "type": "object",
            "description": "The same text in several languages, one line each (en: …, fr: …).",
            "propertyNames": {"pattern": LANGUAGE_CODE},
            "additionalProperties": {"type": "string"},
        },
    ]
}

Note = Annotated[str | dict[str, str], PlainValidator(_note), WithJsonSchema(_NOTE_SCHEMA)]

_RATING_HELP = (
    "not-yet (0 points), a level id of content/continuum.yml (some, satisfied, impressed: "
    "1 to 3 points) or not-applicable (left out of the scores)."
)


def _rating(value: Any) -> str:
    """A rating as text; a number or a YAML boolean is kept as text too, so that the
    check against the model names the ratings it allows instead of a type."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return str(value)
    raise PydanticCustomError("string_type", "expected text")


Rating = Annotated[str, PlainValidator(_rating), WithJsonSchema({"type": "string", "minLength": 1})]


class Answer(Strict):
    """The team's answer for one outcome statement; every part may be left out."""

    today: Rating | None = Field(
        None, description="Where the service stands today: " + _RATING_HELP
    )
    target: Rating | None = Field(
        None, description="Where the team wants it to be by the next assessment: " + _RATING_HELP
    )
    notes: Note | None = Field(
        None,
        description="Evidence and notes, as plain text in the file's language, or as the same "
        "notes in several languages (en: …, fr: …).",
    )


class AssessmentFile(Strict):
    """A self-assessment of one service or initiative against the maturity model."""

    format: Literal["client-centric-assessment"] = Field(
        description="Always client-centric-assessment: what makes the file an assessment."
    )
    format_version: Literal[1] = Field(description="The layout of this file: 1.")
    model_version: str | None = Field(
        None,
        description="Which statements the answers are for: the assessment page writes it; "
        "a file written by hand may leave it out and is then checked statement by statement.",
    )
    service: Note = Field(
        "", description="The service or initiative assessed, as text or in several languages."
    )
    date: datetime.date | None = Field(None, description="When the assessment was made.")
    language: LanguageCode | None = Field(
        None, description="The language the notes are written in (en, fr)."
    )
    answers: dict[str, Answer] = Field(
        default_factory=dict,
        description="One entry per statement answered, by statement id (see content/attributes/).",
    )
    _carried: tuple[str | None, tuple[str, ...]] = PrivateAttr(default=(None, ()))
    """Set by the reader, not read from the file: see `carried_from` and `unmapped`."""

    @property
    def carried_from(self) -> str | None:
        """The older model version whose answers were carried to the current statements
        (`assessment.versions`); None for a file made against the current version."""
        return self._carried[0]

    @property
    def unmapped(self) -> tuple[str, ...]:
        """The file's statement ids whose answers could not be carried to the current
        version (removed, or merged with a different answer), sorted: a report names them."""
        return self._carried[1]

    def carried(
        self, version: str, current: str, answers: dict[str, Answer], unmapped: tuple[str, ...]
    ) -> AssessmentFile:
        """This file with its answers carried from `version` to the `current` model version."""
        copy = self.model_copy(update={"answers": answers, "model_version": current})
        copy._carried = (version, unmapped)
        return copy

"""The assessment file's shape: what the assessment page exports and `playbook report` reads.

One format for both, in JSON (from the page) or YAML (written by hand after a
paper workshop). `format` says what the file is, `format_version` how it is laid
out, and `model_version` which statements it answers: the model's version
(content/model.yml), or in older files a short hash of its statement ids, so a file from
an older version of the model is read through the changelog (content/changelog.yml,
`generator.assessment.versions`) instead of scored against statements that changed.

Version 2 adds what a team workshop needs: who answered (`participant`), whether
the file is a team's agreed answers (`consensus`) and, per answer, the anonymous
distribution of ratings the team agreed from; and what the team means to do next: the
lifecycle stage the initiative is in (`stage`) and its action plan (`plan`). Version 1
files are still read: they are version 2 files without those fields. A tally (`TallyFile`) is what a
facilitator writes after counting hands on the printed tally sheet.
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
    "HORIZONS",
    "NOT_APPLICABLE",
    "NOT_YET",
    "READ_VERSIONS",
    "STATUSES",
    "TALLY_FORMAT",
    "UNANSWERED",
    "VERSION_2_FIELDS",
    "Action",
    "Answer",
    "AssessmentFile",
    "Consensus",
    "Counts",
    "Distribution",
    "Participant",
    "TallyCounts",
    "TallyFile",
]

FORMAT = "client-centric-assessment"
"""The value of `format` in every assessment file."""
FORMAT_VERSION = 2
"""The layout this code writes; raised when the layout changes incompatibly."""
READ_VERSIONS = (1, 2)
"""The layouts this code reads: version 1 is version 2 without the workshop's fields."""
TALLY_FORMAT = "client-centric-tally"
"""The value of `format` in a tally file."""
NOT_YET = "not-yet"
"""Clients do not experience the statement yet: scores 0."""
NOT_APPLICABLE = "not-applicable"
"""The statement does not apply to this service: left out of every score."""
UNANSWERED = "unanswered"
"""In a distribution: the participants who gave no rating."""

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

TITLE_LIMIT = 200
"""The most characters an action's title may have, in each language: a tracker's title."""


def _title(value: Any) -> str | dict[str, str]:
    """An action's title: a note, not empty, at most TITLE_LIMIT characters in each language."""
    note = _note(value)
    for text in [note] if isinstance(note, str) else list(note.values()):
        if not text.strip():
            raise PydanticCustomError("blank_text", "expected some text")
        if len(text) > TITLE_LIMIT:
            raise PydanticCustomError("title_too_long", "too long", {"max_length": TITLE_LIMIT})
    return note


_TITLE_SCHEMA = {
    "anyOf": [
        {"type": "string", "minLength": 1, "maxLength": TITLE_LIMIT},
        {
            "type": "object",
            "description": "The same title in several languages, one line each (en: …, fr: …).",
            "propertyNames": {"pattern": LANGUAGE_CODE},
            "additionalProperties": {"type": "string", "minLength": 1, "maxLength": TITLE_LIMIT},
        },
    ]
}

Title = Annotated[str | dict[str, str], PlainValidator(_title), WithJsonSchema(_TITLE_SCHEMA)]

ActionId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$", max_length=64)]
HORIZONS = ("now", "next", "later")
"""When an action is meant to happen, soonest first."""
STATUSES = ("planned", "in-progress", "done", "dropped")
"""Where an action stands."""


Count = Annotated[int, Field(ge=0, strict=True)]

Counts = dict[str, Count]
"""How many participants gave each rating: not-yet, each level id, not-applicable and
unanswered, every key present (the model checks the keys)."""

_COUNTS_HELP = (
    "how many participants gave each rating: not-yet, each level id of content/continuum.yml, "
    "not-applicable and unanswered, every one present."
)


class Distribution(Strict):
    """The anonymous ratings a team's agreed answer was reached from."""

    today: Counts = Field(description="Today's ratings: " + _COUNTS_HELP)
    target: Counts = Field(description="The targets: " + _COUNTS_HELP)


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
        "notes in several languages (en: …, fr: …). In a consensus, the rationale.",
    )
    distribution: Distribution | None = Field(
        None,
        description="Format version 2, in a team's consensus: how many participants gave "
        "each rating before the team agreed.",
    )


class Participant(Strict):
    """Who answered, as they choose to say it; nothing identifying is needed."""

    label: str | None = Field(
        None, description="A name or role, e.g. “Province — program lead”; free text."
    )
    organisation: str | None = Field(None, description="The organisation; free text.")


class Consensus(Strict):
    """Marks the answers as those a team agreed in a workshop."""

    participants: Annotated[int, Field(ge=1, strict=True)] = Field(
        description="How many participants the team's answers were agreed from."
    )


class Action(Strict):
    """One action of the plan: what the team will do, to move which statements."""

    id: ActionId = Field(
        description="Unique within the file: lower-case letters, digits and hyphens, "
        "at most 64 (the page writes a1, a2, …)."
    )
    title: Title = Field(
        description=f"What will be done, in a few words (at most {TITLE_LIMIT} characters): "
        "plain text, or the same title in several languages (en: …, fr: …)."
    )
    description: Note | None = Field(
        None, description="More about the action: plain text, or the same in several languages."
    )
    statements: tuple[str, ...] = Field(
        (),
        description="The statements the action should move, by id (see content/attributes/); "
        "may be empty.",
    )
    play: str | None = Field(
        None, description="The play the action follows, by id (see playbook/plays/)."
    )
    owner: Note | None = Field(None, description="Who is responsible: a name or a role.")
    due: datetime.date | None = Field(None, description="When it is due (YYYY-MM-DD).")
    horizon: Literal["now", "next", "later"] = Field(
        "now", description="When it is meant to happen: now, next or later."
    )
    status: Literal["planned", "in-progress", "done", "dropped"] = Field(
        "planned", description="Where it stands: planned, in-progress, done or dropped."
    )


class AssessmentFile(Strict):
    """A self-assessment of one service or initiative against the maturity model."""

    format: Literal["client-centric-assessment"] = Field(
        description="Always client-centric-assessment: what makes the file an assessment."
    )
    format_version: Literal[1, 2] = Field(
        description="The layout of this file: 2 (1, the first layout, is still read)."
    )
    model_version: str | None = Field(
        None,
        description="Which statements the answers are for: the version of the model "
        '("2026.1", see content/changelog.yml), which the assessment page writes; answers made '
        "against an older version are carried over to the current statements. A file written "
        "by hand may leave it out and is then checked against the current statements.",
    )
    service: Note = Field(
        "", description="The service or initiative assessed, as text or in several languages."
    )
    date: datetime.date | None = Field(None, description="When the assessment was made.")
    language: LanguageCode | None = Field(
        None, description="The language the notes are written in (en, fr)."
    )
    participant: Participant | None = Field(
        None, description="Format version 2: who answered, if they want to say it."
    )
    consensus: Consensus | None = Field(
        None, description="Format version 2: present when the answers are a team's consensus."
    )
    answers: dict[str, Answer] = Field(
        default_factory=dict,
        description="One entry per statement answered, by statement id (see content/attributes/).",
    )
    stage: str | None = Field(
        None,
        description="Format version 2: the lifecycle stage the initiative is in, by id "
        "(content/lifecycle.yml: design, implementation, delivery, phase-out); the plan "
        "suggests that stage's checklist.",
    )
    plan: tuple[Action, ...] = Field(
        (),
        description="Format version 2: the action plan, one entry per action, each with its "
        "own id.",
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
        self,
        version: str,
        current: str,
        answers: dict[str, Answer],
        unmapped: tuple[str, ...],
        plan: tuple[Action, ...] = (),
    ) -> AssessmentFile:
        """This file with its answers (and its plan's statements) carried from `version` to
        the `current` model version."""
        update = {"answers": answers, "model_version": current, "plan": plan}
        copy = self.model_copy(update=update)
        copy._carried = (version, unmapped)
        return copy


VERSION_2_FIELDS = ("participant", "consensus", "stage", "plan", "answers.*.distribution")
"""The fields a version 1 file cannot have."""


PartialCounts = dict[str, Count]


class TallyCounts(Strict):
    """The hands counted for one statement; a rating left out counts 0."""

    today: PartialCounts = Field(
        default_factory=dict,
        description="Hands per rating for today: not-yet, a level id, not-applicable.",
    )
    target: PartialCounts = Field(
        default_factory=dict,
        description="Hands per rating for the target: not-yet, a level id, not-applicable.",
    )


class TallyFile(Strict):
    """What a facilitator writes after counting hands on the printed tally sheet."""

    format: Literal["client-centric-tally"] = Field(
        description="Always client-centric-tally: what makes the file a tally."
    )
    format_version: Literal[2] = Field(description="The layout of this file: 2.")
    service: Note = Field(
        "", description="The service or initiative assessed, as text or in several languages."
    )
    date: datetime.date | None = Field(None, description="When the workshop was held.")
    language: LanguageCode | None = Field(None, description="The language of the workshop.")
    participants: Annotated[int, Field(ge=1, strict=True)] = Field(
        description="How many people were in the room: those who raised no hand for a "
        "statement count as unanswered."
    )
    statements: dict[str, TallyCounts] = Field(
        default_factory=dict,
        description="The hands counted per statement, by statement code (ACC-1) or id.",
    )

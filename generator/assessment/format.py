"""What an assessment file's answers mean against one version of the model.

`model_version` says which statements a file answers: the model's human version
(content/model.yml, "2026.1"; files of format 1 hold a short hash of the statement ids
instead). A file made against an older version is read through the changelog
(`versions`) instead of being scored against statements that changed. The file's shape
is `schema.assessment`.
"""

from __future__ import annotations

import difflib

from generator.i18n import Message
from generator.model import Model
from generator.schema.assessment import NOT_APPLICABLE, NOT_YET

__all__ = ["model_version", "note_in", "rating_choices", "suggest"]


def model_version(model: Model) -> str:
    """What a file made against `model` records as its `model_version`: the human version."""
    return model.version


def rating_choices(model: Model) -> tuple[str, ...]:
    """Every value `today` and `target` take, in the order the form offers them."""
    return (NOT_YET, *(level.id for level in model.levels), NOT_APPLICABLE)


def note_in(
    note: str | dict[str, str] | None, language: str, written_in: str | None
) -> tuple[str, str | None]:
    """A note's text for a report in `language`, and its own language when it is another one.

    Plain text is in the file's `language` (`written_in`); a mapping of texts falls
    back to its first text when it has none in `language`.
    """
    if note is None:
        return "", None
    if isinstance(note, str):
        return note, (written_in if written_in and written_in != language else None)
    if language in note:
        return note[language], None
    for code, text in note.items():
        return text, code
    return "", None


def suggest(unknown: str, known: list[str], otherwise: Message | None = None) -> Message:
    """“Did you mean …?” with the closest of `known`, else `otherwise` (statement ids)."""
    close = difflib.get_close_matches(unknown, known, n=1, cutoff=0.6)
    if close:
        return Message.of("did_you_mean", id=close[0])
    return otherwise or Message.of("assessment_statement_ids")

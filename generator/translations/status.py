"""What needs a translator: texts missing in a language, and translations gone stale.

A translation is stale when the text changed in another language since the two
were last confirmed to match (in `translations.lock`) while it stayed as it was.
When every language changed, someone updated them together: nothing is flagged,
and the text waits, with new ones, to be recorded by `--confirm`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from generator.errors import Problem
from generator.i18n import Message
from generator.translations.lock import Fingerprints, Lock, fingerprint
from generator.translations.texts import Text


@dataclass(frozen=True, order=True)
class Missing:
    text: Text
    language: str

    def problem(self) -> Problem:
        message = Message.of(
            "missing_translation", where=self.text.key, code=self.language, field=self.text.field
        )
        return Problem(self.text.file, self.text.line, message)


@dataclass(frozen=True, order=True)
class Stale:
    text: Text
    language: str
    """The language whose text may no longer say the same."""
    changed: tuple[str, ...]
    """The languages whose text changed since the last confirmation."""

    def problem(self) -> Problem:
        message = Message.of(
            "stale_translation",
            where=self.text.key,
            code=self.language,
            changed=", ".join(self.changed),
            file=self.text.file,
        )
        return Problem(self.text.file, self.text.line, message)


@dataclass(frozen=True)
class TranslationStatus:
    languages: tuple[str, ...] = ()
    texts: tuple[Text, ...] = ()
    lock: Lock = field(default_factory=Lock)
    missing: tuple[Missing, ...] = ()
    stale: tuple[Stale, ...] = ()
    unrecorded: tuple[Text, ...] = ()
    """Texts the lock does not describe as they are now: new, or changed in every language."""
    forgotten: int = 0
    """Lock entries for texts that no longer exist (dropped by the next `--confirm`)."""
    lock_problem: Problem | None = None
    """Why translations.lock could not be read; stale texts cannot be found until it is fixed."""

    def missing_in(self, language: str) -> tuple[Missing, ...]:
        return tuple(item for item in self.missing if item.language == language)

    def problems(self) -> list[Problem]:
        """Everything to report, missing texts first, each at its file and line."""
        found = [item.problem() for item in self.missing]
        found += [item.problem() for item in self.stale]
        return found + ([self.lock_problem] if self.lock_problem else [])


def _compare(text: Text, recorded: Fingerprints) -> tuple[list[str], list[str]]:
    """The languages changed since they were recorded, and those unchanged."""
    changed: list[str] = []
    unchanged: list[str] = []
    for code, wording in text.wording:
        if code in recorded:
            (unchanged if fingerprint(wording) == recorded[code] else changed).append(code)
    return changed, unchanged


def translation_status(
    texts: Sequence[Text], lock: Lock | Problem, languages: Sequence[str]
) -> TranslationStatus:
    """Compare every text with the lock; `lock` is a problem when the file is unreadable."""
    lock_problem = lock if isinstance(lock, Problem) else None
    recorded_lock = lock if isinstance(lock, Lock) else Lock()
    missing: list[Missing] = []
    stale: list[Stale] = []
    unrecorded: list[Text] = []
    for text in texts:
        if not text.partial:
            missing += [Missing(text, code) for code in languages if text.get(code) is None]
        recorded = recorded_lock.get(text.file, text.key)
        if recorded is None:
            unrecorded.append(text)
            continue
        changed, unchanged = _compare(text, recorded)
        if changed and unchanged:
            stale += [Stale(text, code, tuple(changed)) for code in unchanged]
        elif changed or set(text.languages) != set(recorded):
            unrecorded.append(text)
    present = {(text.file, text.key) for text in texts}
    return TranslationStatus(
        languages=tuple(languages),
        texts=tuple(texts),
        lock=recorded_lock,
        missing=tuple(missing),
        stale=tuple(stale),
        unrecorded=tuple(unrecorded),
        forgotten=sum(1 for entry in recorded_lock.entries if entry not in present),
        lock_problem=lock_problem,
    )


def _named(entry: tuple[str, str], where: Iterable[str]) -> bool:
    """True when a text's (file, key) is in one of the files or folders, or `file:key…` prefixes."""
    file, key = entry
    for place in where:
        path, _, prefix = place.partition(":")
        path = path.rstrip("/")
        if (file == path or file.startswith(f"{path}/")) and key.startswith(prefix):
            return True
    return False


def confirmed(
    status: TranslationStatus, where: Sequence[str] = ()
) -> dict[tuple[str, str], dict[str, str]]:
    """The lock after confirming that the texts `where` names (all when empty) match.

    Entries for texts that no longer exist are dropped where confirmed; the rest of
    the lock is kept as it was.
    """
    present = {(text.file, text.key) for text in status.texts}
    entries: dict[tuple[str, str], dict[str, str]] = {
        entry: dict(prints)
        for entry, prints in status.lock.entries.items()
        if where and (entry in present or not _named(entry, where))
    }
    for text in named_texts(status.texts, where):
        entries[(text.file, text.key)] = {
            code: fingerprint(wording) for code, wording in text.wording
        }
    return entries


def named_texts(texts: Iterable[Text], where: Sequence[str] = ()) -> tuple[Text, ...]:
    """The texts in the files, folders or `file:key…` prefixes `where` names; all when empty."""
    return tuple(text for text in texts if not where or _named((text.file, text.key), where))

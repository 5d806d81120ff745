"""Translation status: which texts are missing in a language, and which went stale."""

from generator.translations.lock import LOCK_FILE, Lock, fingerprint, read_lock, write_lock
from generator.translations.status import (
    Missing,
    Stale,
    TranslationStatus,
    confirmed,
    named_texts,
    translation_status,
)
from generator.translations.texts import Text, content_texts, parsed_files

__all__ = [
    "LOCK_FILE",
    "Lock",
    "Missing",
    "Stale",
    "Text",
    "TranslationStatus",
    "confirmed",
    "content_texts",
    "fingerprint",
    "named_texts",
    "parsed_files",
    "read_lock",
    "translation_status",
    "write_lock",
]

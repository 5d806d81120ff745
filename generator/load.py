"""`load(root)`: the one way into the content — every check, then an immutable `Model`."""

from __future__ import annotations

from pathlib import Path

from generator.cache import Key
from generator.errors import ContentError, Problem, ProblemCollector
from generator.model import Model
from generator.schema.origins import Origins
from generator.schema.reading import ContentSources, read_sources
from generator.schema.references import check_references
from generator.translations import content_texts, parsed_files, read_lock, translation_status

__all__ = ["ContentError", "load"]


def load(root: Path) -> Model:
    """Read, check and assemble the content under `root`; `ContentError` lists all problems."""
    problems = ProblemCollector()
    sources = read_sources(root, problems)
    # Cross-file checks run even when some files failed, so one run shows as much as it can.
    check_references(sources, problems)
    problems.raise_if_any()
    return _assemble(sources)


def fingerprint(files: list[Path], root: Path) -> str:
    """A hash of every source file: equal fingerprints, equal content."""
    return Key("content").add_files(root, files).hex()


def _assemble(sources: ContentSources) -> Model:
    # Every piece is present here: a missing one would have been a problem above.
    assert sources.languages and sources.model and sources.continuum and sources.results
    assert sources.lifecycle and sources.pages and sources.strings and sources.changelog
    order = {identifier: index for index, identifier in enumerate(sources.model.value.attributes)}
    attributes = sorted((parsed.value for parsed in sources.attributes), key=lambda a: order[a.id])
    languages = sources.languages.value
    # An unreadable translations.lock hides stale translations but does not stop a build.
    lock = read_lock(sources.root)
    lock_files = [lock.path] if not isinstance(lock, Problem) and lock.path else []
    codes = [language.code for language in languages.languages]
    return Model(
        languages=languages.languages,
        default_language=languages.default,
        info=sources.model.value,
        continuum_intro=sources.continuum.value.intro,
        levels=sources.continuum.value.levels,
        results_intro=sources.results.value.intro,
        results=sources.results.value.results,
        lifecycle_intro=sources.lifecycle.value.intro,
        stages=sources.lifecycle.value.stages,
        channels=sources.lifecycle.value.channels,
        attributes=tuple(attributes),
        pages=sources.pages.value,
        plays=tuple(parsed.value for parsed in sources.plays),
        stage_checklists=sources.stages.value.stages if sources.stages else (),
        strings=sources.strings.value.root,
        fingerprint=fingerprint([*sources.files, *lock_files], sources.root),
        changelog=sources.changelog.value,
        translation_status=translation_status(content_texts(sources), lock, codes),
        origins=Origins((parsed.value, parsed.document) for parsed in parsed_files(sources)),
        glossary=sources.glossary.value if sources.glossary else None,
    )

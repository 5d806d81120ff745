"""Reads every content file and checks each one's shape; cross-file checks come later."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from generator.errors import ProblemCollector
from generator.schema import models
from generator.schema.changelog import Changelog
from generator.schema.loader import SourceDocument, read_yaml
from generator.schema.messages import to_problem, worth_reporting
from generator.schema.placeholders import received, slot_problem, slots

T = TypeVar("T", bound=BaseModel)

PLAY_FILE = re.compile(r"^(?P<order>\d{2,3})-(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)\.yml$")

# The fixed files of a content tree, by what they hold.
LANGUAGES = "content/languages.yml"
MODEL = "content/model.yml"
CONTINUUM = "content/continuum.yml"
RESULTS = "content/results.yml"
LIFECYCLE = "content/lifecycle.yml"
PAGES = "content/pages.yml"
ATTRIBUTES_DIR = "content/attributes"
PLAYS_DIR = "playbook/plays"
STAGES = "playbook/stages.yml"
STRINGS = "site_templates/strings.yml"
GLOSSARY = "content/glossary.yml"
CHANGELOG = "content/changelog.yml"


@dataclass(frozen=True)
class Parsed(Generic[T]):
    """A validated file (or item) and the document it came from, for later line look-ups."""

    value: T
    document: SourceDocument


@dataclass
class ContentSources:
    """Every file of a content tree, each checked on its own."""

    root: Path
    languages: Parsed[models.LanguagesFile] | None = None
    model: Parsed[models.ModelFile] | None = None
    continuum: Parsed[models.ContinuumFile] | None = None
    results: Parsed[models.ResultsFile] | None = None
    lifecycle: Parsed[models.LifecycleFile] | None = None
    pages: Parsed[models.PagesFile] | None = None
    stages: Parsed[models.StagesFile] | None = None
    strings: Parsed[models.UiStrings] | None = None
    glossary: Parsed[models.GlossaryFile] | None = None
    changelog: Parsed[Changelog] | None = None
    attributes: list[Parsed[models.Attribute]] = field(default_factory=list)
    plays: list[Parsed[models.Play]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


class _Reader:
    def __init__(self, root: Path, problems: ProblemCollector) -> None:
        self.root = root
        self.problems = problems
        self.context: dict[str, object] = {}
        self.files: list[Path] = []

    def document(self, relative: str, required: bool = True) -> SourceDocument | None:
        path = self.root / relative
        if not inside(path, self.root):
            return None  # reported by `outside_links`, and never read
        if not path.is_file():
            if required:
                self.problems.add(relative, 1, "missing_file")
            return None
        self.files.append(path)
        outcome = read_yaml(path, relative)
        if isinstance(outcome, SourceDocument):
            return outcome
        self.problems.extend([outcome])
        return None

    def parse(self, document: SourceDocument, model: type[T]) -> Parsed[T] | None:
        try:
            value = model.model_validate(document.data, context=self.context)
        except ValidationError as error:
            self.problems.extend(
                to_problem(detail, document, model)
                for detail in error.errors(include_url=False)
                if worth_reporting(detail)
            )
            return None
        return Parsed(value, document)

    def file(self, relative: str, model: type[T], required: bool = True) -> Parsed[T] | None:
        document = self.document(relative, required)
        return self.parse(document, model) if document is not None else None


def _check_slots(
    strings: Parsed[models.UiStrings], templates: Path, problems: ProblemCollector
) -> None:
    """Every {slot} a plain name, the same in every language, and given wherever shown."""
    given = received(templates)
    for key, text in strings.value.root.items():
        found: dict[str, set[str]] = {}
        for code, words in text.root.items():
            line = strings.document.line_of((key, code))
            wrong = slot_problem(words)
            if wrong:
                problems.add(STRINGS, line, "slot_invalid", key=key, code=code, slot=wrong)
                continue
            found[code] = slots(words)
            missing = found[code] - given.get(key, found[code])
            if missing:
                known = ", ".join(f"{{{name}}}" for name in sorted(given[key])) or "—"
                shown = ", ".join(f"{{{name}}}" for name in sorted(missing))
                problems.add(
                    STRINGS, line, "slot_unknown", key=key, code=code, slots=shown, known=known
                )
        if len({frozenset(names) for names in found.values()}) > 1:
            line = strings.document.line_of((key,))
            listed = "; ".join(
                f"{code}: {', '.join(sorted(names)) or '—'}" for code, names in found.items()
            )
            problems.add(STRINGS, line, "slot_mismatch", key=key, slots=listed)


LINKED_FOLDERS = ("content", "playbook", "site_templates", "docs")
"""What the build reads or publishes: a link in there must stay inside the project."""


def inside(path: Path, root: Path) -> bool:
    """True if `path`, its links followed, is in the project folder `root`."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return False


def outside_links(root: Path) -> list[tuple[str, str]]:
    """(file, where it leads) for each link in the project's folders that leads out of it.

    A link to /proc/self/environ in the theme would publish the build's environment;
    a content file linked to /etc/passwd would have its text read. Such a file is
    never read: the problem names the link and where it leads, never what it holds.
    """
    found: list[tuple[str, str]] = []
    for name in LINKED_FOLDERS:
        top = root / name
        if top.is_symlink() and not inside(top, root):
            found.append((name, str(top.readlink())))
            continue
        for folder, subfolders, files in os.walk(top):
            for entry in [*subfolders, *files]:
                path = Path(folder) / entry
                if path.is_symlink() and not inside(path, root):
                    found.append((path.relative_to(root).as_posix(), str(path.readlink())))
    return sorted(found)


def read_sources(root: Path, problems: ProblemCollector) -> ContentSources:
    """Read and shape-check every file under `root`, adding what is wrong to `problems`."""
    for link, target in outside_links(root):
        problems.add(link, 1, "link_outside_project", target=target)
    reader = _Reader(root, problems)
    sources = ContentSources(root=root)
    sources.languages = reader.file(LANGUAGES, models.LanguagesFile)
    if sources.languages is not None:
        config = sources.languages.value
        reader.context = {
            "languages": tuple(language.code for language in config.languages),
            "required_languages": tuple(
                language.code for language in config.languages if language.complete
            ),
        }
    sources.model = reader.file(MODEL, models.ModelFile)
    sources.continuum = reader.file(CONTINUUM, models.ContinuumFile)
    sources.results = reader.file(RESULTS, models.ResultsFile)
    sources.lifecycle = reader.file(LIFECYCLE, models.LifecycleFile)
    sources.pages = reader.file(PAGES, models.PagesFile)
    sources.stages = reader.file(STAGES, models.StagesFile, required=False)
    sources.strings = reader.file(STRINGS, models.UiStrings)
    if sources.strings is not None:
        _check_slots(sources.strings, root / "site_templates", problems)
    sources.glossary = reader.file(GLOSSARY, models.GlossaryFile, required=False)
    sources.changelog = reader.file(CHANGELOG, Changelog)
    for path in sorted((root / ATTRIBUTES_DIR).glob("*.yml")):
        parsed = reader.file(f"{ATTRIBUTES_DIR}/{path.name}", models.Attribute)
        if parsed is not None:
            sources.attributes.append(parsed)
    for path in sorted((root / PLAYS_DIR).glob("*.y*ml")):
        relative = f"{PLAYS_DIR}/{path.name}"
        if not PLAY_FILE.match(path.name):
            problems.add(relative, 1, "play_file_name")
            continue
        parsed_play = reader.file(relative, models.Play)
        if parsed_play is not None:
            sources.plays.append(parsed_play)
    sources.files = reader.files
    return sources

"""What rendering is made from: one key for every cache of rendered output.

Rendering is a pure function of the model, the templates, the generator's own
code and the libraries it runs on: equal keys, equal pages and documents. The
`docs/` stamp and the PDF plan start from this key.
"""

from __future__ import annotations

from pathlib import Path

from generator.cache import Key
from generator.model import Model

__all__ = ["rendering_key"]

_GENERATOR = Path(__file__).resolve().parents[1]
_LIBRARIES = ("jinja2", "markupsafe", "markdown", "pyyaml", "pydantic", "pydantic-core")


def rendering_key(model: Model, templates: Path) -> Key:
    """The content, every file under `templates`, our code and the libraries' versions."""
    key = Key("rendering").add(model.fingerprint).add_versions(*_LIBRARIES)
    key.add_files(templates, _files(templates, ("*",)))
    return key.add_files(_GENERATOR, _files(_GENERATOR, ("*.py", "*.yml")))


def _files(folder: Path, patterns: tuple[str, ...]) -> list[Path]:
    return [
        path
        for pattern in patterns
        for path in folder.rglob(pattern)
        if path.is_file() and "__pycache__" not in path.parts
    ]

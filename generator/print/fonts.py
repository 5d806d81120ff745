"""The fonts the PDFs embed: Liberation Sans from Debian (fonts-liberation), else DejaVu Sans.

The files are named in @font-face rules, so every machine that has them prints
the same glyphs, whatever its fontconfig prefers; their bytes are part of the
PDF cache key, so an updated font package prints again. Without either family,
the print style sheet's fallback names leave the choice to fontconfig.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from generator.cache import Key

__all__ = ["FONT_FAMILY", "FontFace", "font_faces", "fonts_css", "fonts_fingerprint"]

FONT_FAMILY = "Print Sans"
"""The family name print.css uses; bound here to the files found."""

FONT_DIRECTORIES = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local/share/fonts",
    Path.home() / ".fonts",
)

# (weight, style) -> file name, per family in order of preference. Liberation Sans has
# Arial's metrics: narrower than DejaVu Sans, so a worksheet keeps to its two pages.
_FAMILIES: tuple[dict[tuple[int, str], str], ...] = (
    {
        (400, "normal"): "LiberationSans-Regular.ttf",
        (700, "normal"): "LiberationSans-Bold.ttf",
        (400, "italic"): "LiberationSans-Italic.ttf",
        (700, "italic"): "LiberationSans-BoldItalic.ttf",
    },
    {
        (400, "normal"): "DejaVuSans.ttf",
        (700, "normal"): "DejaVuSans-Bold.ttf",
        (400, "italic"): "DejaVuSans-Oblique.ttf",
        (700, "italic"): "DejaVuSans-BoldOblique.ttf",
    },
)


@dataclass(frozen=True)
class FontFace:
    weight: int
    style: str
    path: Path


def _find(name: str, directories: tuple[Path, ...]) -> Path | None:
    for directory in directories:
        if directory.is_dir():
            found = sorted(directory.rglob(name))
            if found:
                return found[0]
    return None


@cache
def font_faces(directories: tuple[Path, ...] = FONT_DIRECTORIES) -> tuple[FontFace, ...]:
    """The first family whose four styles are all installed; none if no family is complete."""
    for family in _FAMILIES:
        faces = []
        for (weight, style), name in family.items():
            path = _find(name, directories)
            if path is None:
                break
            faces.append(FontFace(weight, style, path.resolve()))
        else:
            return tuple(faces)
    return ()


def fonts_css(faces: tuple[FontFace, ...]) -> str:
    """@font-face rules binding FONT_FAMILY to the files."""
    return "".join(
        f'@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {face.weight}; '
        f'font-style: {face.style}; src: url("{face.path.as_uri()}"); }}\n'
        for face in faces
    )


@cache
def fonts_fingerprint(faces: tuple[FontFace, ...]) -> str:
    """A hash of the font files' names and bytes."""
    key = Key("fonts")
    for face in faces:
        key.add(f"{face.weight} {face.style} {face.path}", face.path.read_bytes())
    return key.hex()

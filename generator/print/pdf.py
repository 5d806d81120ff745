"""HTML to PDF with WeasyPrint: tagged PDF/UA-1, with language, title and author.

WeasyPrint reads the document's language from `<html lang>`, its title from
`<title>` and its author from `<meta name="author">`, and embeds subsets of the
fonts it uses. Nothing is fetched from the network: only `file:` URLs (the
fonts) are allowed. WeasyPrint is imported on first use, so a build whose PDFs
all come from the cache never pays for importing it (about 0.7 s).

The same HTML gives the same bytes: no creation or modification date is written
(the HTML has no `dcterms.created`), and the file identifier is a hash of the
PDF's own objects.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import ctypes.util
import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from functools import cache, lru_cache
from importlib.metadata import version
from multiprocessing.util import Finalize
from pathlib import Path
from typing import Any

from generator.errors import UsageError
from generator.folders import new_folder
from generator.i18n import say

__all__ = [
    "OPTIONS",
    "PrinterMissing",
    "check_libraries",
    "page_css",
    "print_pdf",
    "printing_in",
    "renderer_version",
    "start_worker",
    "use_scratch",
]

OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1", "pdf_tags": True, "pdf_identifier": True}
"""PDF/UA-1 (ISO 14289-1): a structure tree, /MarkInfo, the PDF/UA identifier in XMP;
and a file identifier (/ID) computed from the PDF's content, so it is the same every build."""

REQUIRED_LIBRARIES = ("gobject-2.0", "pango-1.0", "pangoft2-1.0", "harfbuzz", "fontconfig")
"""What WeasyPrint cannot start without (Debian: libglib2.0-0, libpango-1.0-0,
libpangoft2-1.0-0, libharfbuzz0b, libfontconfig1). HarfBuzz-subset is optional to
WeasyPrint but makes the font subsets: its presence is part of `renderer_version`."""

# The C libraries that lay text out and subset the fonts: a new one may move glyphs.
_LIBRARIES = (
    ("pango", "libpango-1.0.so.0", "pango_version_string"),
    ("harfbuzz", "libharfbuzz.so.0", "hb_version_string"),
    ("harfbuzz-subset", "libharfbuzz-subset.so.0", "hb_subset_or_fail"),
)


class PrinterMissing(UsageError):
    """WeasyPrint's system libraries are not installed: no PDF can be printed."""


def check_libraries() -> None:
    """Raise PrinterMissing, naming what to install, unless WeasyPrint can start.

    Checked before printing: in a worker process the failure would surface as a
    broken process pool with a traceback instead of this message.
    """
    missing = [name for name in REQUIRED_LIBRARIES if ctypes.util.find_library(name) is None]
    if missing:
        raise PrinterMissing(say("pdf_libraries_missing", libraries=", ".join(missing)))


@cache
def renderer_version() -> str:
    """What turns HTML into PDF bytes, and how it is asked to: a change may change every PDF.

    The Python packages' versions, the system libraries' and the options, read
    without importing WeasyPrint, so a build whose PDFs are all cached stays quick.
    """
    packages = [f"{name}=={version(name)}" for name in ("weasyprint", "pydyf", "tinycss2")]
    return " ".join([*packages, *map(_library_version, _LIBRARIES), repr(sorted(OPTIONS.items()))])


def _library_version(library: tuple[str, str, str]) -> str:
    """'pango==1.50.12'; for a library without a version function, whether it is there."""
    name, file, function = library
    try:
        found = getattr(ctypes.CDLL(file), function)
    except (OSError, AttributeError):  # not installed: check_libraries says what to do
        return f"{name}==?"
    if not function.endswith("version_string"):
        return f"{name}==installed"
    found.restype = ctypes.c_char_p
    text: bytes = found()
    return f"{name}=={text.decode()}"


def page_css(css_size: str, orientation: str) -> str:
    """The page size and orientation, kept out of the HTML so both sizes share it."""
    return f"@page {{ size: {css_size} {orientation}; }}\n"


@lru_cache(maxsize=8)
def _style_sheets(stylesheets: tuple[str, ...]) -> tuple[Any, Any, list[Any]]:
    """Parsed once per process: a worker prints many documents with the same style sheets.

    The font configuration is what makes @font-face rules in `stylesheets` count; it
    must be the one the PDF is written with.
    """
    import weasyprint  # slow to import: see the module's docstring
    from weasyprint.text.fonts import FontConfiguration

    fetcher = weasyprint.URLFetcher(allowed_protocols=("file",))
    fonts = FontConfiguration()
    css = [
        weasyprint.CSS(string=text, url_fetcher=fetcher, font_config=fonts) for text in stylesheets
    ]
    return fetcher, fonts, css


# Released before the interpreter shuts down: WeasyPrint's font configuration cleans up
# its files when collected, which fails once its modules are gone.
atexit.register(_style_sheets.cache_clear)


def print_pdf(html: str, stylesheets: tuple[str, ...]) -> bytes:
    """The PDF of one HTML document; the same input gives the same bytes."""
    import weasyprint

    fetcher, fonts, css = _style_sheets(stylesheets)
    document = weasyprint.HTML(string=html, url_fetcher=fetcher)
    data: bytes = document.write_pdf(stylesheets=css, font_config=fonts, **OPTIONS)
    return data


_SCRATCH: list[Path] = []


def use_scratch(parent: Path) -> str:
    """A folder of ours in `parent` for printing's temporary files, removed at exit.

    WeasyPrint writes each font configuration's fonts to a `weasyprint-*` folder of
    the temporary folder and removes it only when the configuration is collected,
    which a worker process never does. Printing puts them in here instead (see
    `printing_in` and `start_worker`); the next build removes the folder if this one
    is killed. multiprocessing's own folder gets the same care (`_own_sockets_folder`).
    """
    if not _SCRATCH:
        try:
            folder, descriptor = new_folder(parent, ".printing-")
        except OSError:  # a read-only checkout: the system's temporary folder, as before
            return tempfile.gettempdir()
        Finalize(None, _remove, args=(folder, descriptor), exitpriority=-200)
        _SCRATCH.append(folder)
        _own_sockets_folder()
    return str(_SCRATCH[0])


def _own_sockets_folder() -> None:
    """multiprocessing's `pymp-*` folder, under a name of ours so that the next build
    removes one a killed build left. It holds sockets, whose paths must stay short:
    it stays in the system's temporary folder."""
    config = multiprocessing.current_process()._config  # type: ignore[attr-defined]
    if config.get("tempdir"):
        return  # made already: multiprocessing removes it at exit
    with contextlib.suppress(OSError):
        folder, descriptor = new_folder(Path(tempfile.gettempdir()), "playbook-pymp-")
        config["tempdir"] = str(folder)
        Finalize(None, _remove, args=(folder, descriptor), exitpriority=-100)


def _remove(folder: Path, descriptor: int) -> None:
    _style_sheets.cache_clear()  # WeasyPrint's font files may be in the folder
    shutil.rmtree(folder, ignore_errors=True)
    os.close(descriptor)


@contextlib.contextmanager
def printing_in(folder: str) -> Iterator[None]:
    """Printing in this process, with WeasyPrint's temporary files in `folder`."""
    previous, tempfile.tempdir = tempfile.tempdir, folder
    try:
        yield
    finally:
        tempfile.tempdir = previous


def start_worker(folder: str, lower_priority: bool, build: int) -> None:
    """Set up a printing process: it ends with the build, and Ctrl-C is left to the build.

    Workers come from multiprocessing's fork server, not from the build, and they
    wait on queues that they themselves keep open: a killed build would leave them
    (about 100 MB each) and the fork server waiting for minutes. A watchdog ends
    the worker as soon as the build `build` is gone. Ctrl-C reaches every process of
    the terminal: the build alone says, in one line, that it stopped.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    tempfile.tempdir = folder
    if lower_priority:
        os.nice(10)
    threading.Thread(target=_watch, args=(build,), name="playbook-watchdog", daemon=True).start()


def _watch(build: int) -> None:
    while _running(build):
        time.sleep(0.5)
    os._exit(1)


def _running(pid: int) -> bool:
    """True while process `pid` runs (a killed one its parent has not reaped yet does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except FileNotFoundError:
        return False
    except OSError:  # no /proc (macOS): ask the process itself
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return stat.rpartition(")")[2].split()[0] not in ("Z", "X")

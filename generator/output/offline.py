"""The offline copy: the built site in one zip that works opened from a folder (`file://`).

A workshop room may have no network. Unzipped on a laptop, the site is opened from its
folder, and there a browser does not turn a link to a folder (`../model/`) into that
folder's `index.html` as a web server does: the copy's pages link to the `index.html`
files themselves, rewritten on the built HTML with an HTML parser. Left out: what cannot
work from a folder (the search index: the search page says so, in the reader's language),
what only a web server uses (the 404 page, the site map), and the parts of pages marked
`data-online-only` (the link to this zip, which the copy does not hold).

The zip is reproducible: entries sorted, with fixed dates and permissions. Its size is
only known once it is made, so the pages that offer it (`data-offline-size`) get it then.
"""

from __future__ import annotations

import base64
import io
import json
import os
import posixpath
import zipfile
import zlib
from collections.abc import Mapping
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from generator.cache import Key
from generator.model import Model
from generator.render.assessment_page import script_json
from generator.render.pages import Download, language_root

__all__ = [
    "DOWNLOAD_KEY",
    "FOLDER",
    "ZIP_PATH",
    "offline_downloads",
    "offline_link",
    "offline_page",
    "publish_offline_copy",
]

ZIP_PATH = "downloads/site-offline.zip"
"""Where the zip is published, under the site's root."""
FOLDER = "site-offline"
"""The one folder the zip unpacks into."""
DOWNLOAD_KEY = "offline-copy"
"""The zip among the downloads the pages offer (`download('offline-copy')` in templates)."""

_LEFT_OUT = ("404.html", "sitemap.xml", "sitemap.xml.gz", ZIP_PATH)
_LEFT_OUT_FOLDERS = ("pagefind/",)
_LINKS = {"href", "src", "action"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
_DATE = (1980, 1, 1, 0, 0, 0)
"""The earliest date a zip can hold, for every entry: two builds make the same bytes."""
_KEPT = 3
"""Zips kept in the cache: enough to go back and forth between two versions."""
_STORED = (".pdf", ".gz", ".zip", ".png", ".jpg", ".woff2")
"""Already compressed: deflating them again would only take time."""


def offline_downloads(model: Model) -> dict[str, dict[str, Download]]:
    """The zip as a download of each language's pages (its size is filled in later)."""
    offered: dict[str, dict[str, Download]] = {}
    for language in model.language_codes:
        up = "../" * language_root(model, language).count("/")
        offered[language] = {DOWNLOAD_KEY: Download(up + ZIP_PATH, 0, "download.offline_copy")}
    return offered


def offline_link(url: str) -> str:
    """A link that opens from a folder: `../model/#x` becomes `../model/index.html#x`.

    Links to other hosts, to files, and to a place in the same page stay as they are.
    """
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return url
    path = parts.path
    if posixpath.basename(path) in (".", ".."):
        path += "/"
    if not path.endswith("/"):
        return url
    return urlunsplit(parts._replace(path=path + "index.html"))


def offline_page(html: str, path: str = "", files: Mapping[str, bytes] | None = None) -> str:
    """A built page as the offline copy shows it.

    `path` is the page's place in the site and `files` the site's files by path: its
    module scripts are written into the page (see `_OfflinePage`).
    """
    return _OfflinePage(html, path, files or {}).edited()


def publish_offline_copy(site_dir: Path, cache: Path | None = None) -> int:
    """Write `site_dir/downloads/site-offline.zip` and show its size; return the size.

    With `cache`, a zip made from the same files before is taken from there.
    """
    files = [(name, path.read_bytes()) for path, name in _copied_files(site_dir)]
    key = _inputs_digest(files)
    kept = cache / f"{key}.zip" if cache is not None else None
    if kept is not None and kept.is_file():
        data = kept.read_bytes()
        os.utime(kept)  # the most recently used are kept
    else:
        data = _offline_zip(files)
        if kept is not None:
            _keep(kept, data)
    target = site_dir / ZIP_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if "data-offline-size" in text:
            page.write_text(_SizeShown(text, len(data)).edited(), encoding="utf-8")
    return len(data)


def _offline_zip(files: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    by_name = dict(files)
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files:
            if name.endswith(".html"):
                data = offline_page(data.decode("utf-8"), name, by_name).encode("utf-8")
            entry = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=_DATE)
            entry.external_attr = 0o100644 << 16
            entry.create_system = 3  # Unix, wherever the zip is made
            stored = name.endswith(_STORED)
            entry.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            archive.writestr(entry, data, compresslevel=None if stored else 6)
    return buffer.getvalue()


def _copied_files(site_dir: Path) -> list[tuple[Path, str]]:
    """The files the copy holds, sorted by their path in the site."""
    found = [(path, path.relative_to(site_dir).as_posix()) for path in site_dir.rglob("*")]
    return sorted(
        ((path, name) for path, name in found if path.is_file() and _copied(name)),
        key=lambda item: item[1],
    )


def _copied(name: str) -> bool:
    return name not in _LEFT_OUT and not name.startswith(_LEFT_OUT_FOLDERS)


def _inputs_digest(files: list[tuple[str, bytes]]) -> str:
    """A hash of what the zip is made from: the files, this code and zlib's version."""
    key = Key("offline").add(Path(__file__).read_bytes(), zlib.ZLIB_RUNTIME_VERSION)
    for name, data in files:
        key.add(name, data)
    return key.hex()


def _keep(kept: Path, data: bytes) -> None:
    """Keep a new zip in the cache, and forget all but the most recently used."""
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        staging = kept.with_name(f".{kept.name}.{os.getpid()}")
        staging.write_bytes(data)
        staging.replace(kept)
        others = sorted(kept.parent.glob("*.zip"), key=lambda path: path.stat().st_mtime)
        for old in others[:-_KEPT]:
            old.unlink(missing_ok=True)
    except OSError:
        return  # a cache that cannot be written only makes the next build slower


class _Splicer(HTMLParser):
    """Finds the places to change in a page; `edited()` changes only those, byte for byte.

    Subclasses record (start, end, replacement) spans of the source; everything else
    is kept exactly as it was written.
    """

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.html = html
        self.edits: list[tuple[int, int, str]] = []
        self._line_starts = [0]
        for line in html.split("\n")[:-1]:
            self._line_starts.append(self._line_starts[-1] + len(line) + 1)

    def edited(self) -> str:
        self.feed(self.html)
        self.close()
        parts: list[str] = []
        done = 0
        for start, end, replacement in sorted(self.edits):
            parts += [self.html[done:start], replacement]
            done = end
        return "".join([*parts, self.html[done:]])

    def here(self) -> int:
        """Where the token being handled starts in `html`."""
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def end_tag_end(self) -> int:
        """Where the end tag being handled ends."""
        return self.html.index(">", self.here()) + 1


class _OfflinePage(_Splicer):
    """The offline copy of a page: links to `index.html` files, online-only parts left out.

    Chromium refuses to load a module script from a file (`file://` has no origin to
    share it with), so each `<script type="module" src>` is written into the page, and
    the modules it imports are given to it by an import map, as `data:` addresses: an
    import written relative to the module's folder (`./scoring.js`), or an `import()` of one
    from the page's module (`./file-check.js`), finds them. A module given so cannot import
    another: a `data:` address is no folder to find it from.
    """

    def __init__(self, html: str, path: str, files: Mapping[str, bytes]) -> None:
        super().__init__(html)
        self.path = path
        self.files = files
        self._dropping: tuple[str, int, int] | None = None
        """(tag, nesting, start) of a `data-online-only` element being left out."""
        self._json: int | None = None
        """Where the text of a `<script type="application/json">` starts."""
        self._module: tuple[int, str] | None = None
        """(start, site path) of a module script being written into the page."""
        self._mapped = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.here()
        if self._dropping:
            name, depth, begun = self._dropping
            self._dropping = (name, depth + (tag == name), begun)
            return
        found = dict(attrs)
        if "data-online-only" in found:
            if tag in _VOID:
                self.edits.append((start, start + len(self.get_starttag_text() or ""), ""))
            else:
                self._dropping = (tag, 1, start)
            return
        if tag == "script" and found.get("type") == "application/json":
            self._json = start + len(self.get_starttag_text() or "")
        source = found.get("src")
        if tag == "script" and found.get("type") == "module" and source:
            module = posixpath.normpath(posixpath.join(posixpath.dirname(self.path), source))
            if module in self.files:
                self._module = (start, module)
                return
        if tag == "link" and "modulepreload" in (found.get("rel") or "").split():
            self.edits.append((start, start + len(self.get_starttag_text() or ""), ""))
            return
        links = [(name, value) for name, value in attrs if name in _LINKS and value]
        if any(offline_link(value) != value for _, value in links if value):
            self.edits.append(
                (start, start + len(self.get_starttag_text() or ""), _tag(tag, attrs))
            )

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._dropping is None:  # a void element inside a left-out one goes with it
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self._dropping:
            name, depth, begun = self._dropping
            depth -= tag == name
            self._dropping = (name, depth, begun) if depth else None
            if not depth:
                self.edits.append((begun, self.end_tag_end(), ""))
        elif tag == "script" and self._module is not None:
            (begun, module), self._module = self._module, None
            self.edits.append((begun, self.end_tag_end(), self._inline(module)))
        elif tag == "script" and self._json is not None:
            begun, self._json = self._json, None
            text = self.html[begun : self.here()]
            data = json.loads(text)
            rewritten = _offline_urls(data)
            if rewritten != data:
                start = begun + len(text) - len(text.lstrip())
                self.edits.append((start, start + len(text.strip()), script_json(rewritten)))

    def _inline(self, module: str) -> str:
        """A module script written into the page, after the import map of the others."""
        code = self.files[module].decode("utf-8")
        if "</script" in code.lower() or "<!--" in code:
            raise ValueError(f"{module} cannot be written into a page: it holds </script or <!--")
        mapped = ""
        if not self._mapped:  # one import map per page, before its first module
            folder = posixpath.dirname(module)
            imports = {
                _specifier(posixpath.relpath(name, folder)): "data:text/javascript;base64,"
                + base64.b64encode(data).decode("ascii")
                for name, data in sorted(self.files.items())
                if name.endswith(".js") and name != module
            }
            mapped = f'<script type="importmap">{script_json({"imports": imports})}</script>\n'
            self._mapped = True
        return f'{mapped}<script type="module">\n{code}</script>'


def _specifier(relative: str) -> str:
    """How a module imports a file by its path relative to the module's folder."""
    return relative if relative.startswith("../") else f"./{relative}"


class _SizeShown(_Splicer):
    """Fills each `data-offline-size` element with the zip's size, in the page's language.

    The attribute holds the words (`ZIP, {size} MB`), `data-decimal-mark` the mark.
    """

    def __init__(self, html: str, size: int) -> None:
        super().__init__(html)
        self.size = size
        self._open: tuple[str, int, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        words = found.get("data-offline-size")
        if words is not None:
            mark = found.get("data-decimal-mark") or "."
            number = f"{self.size / 1024 / 1024:.1f}".replace(".", mark)
            start = self.here() + len(self.get_starttag_text() or "")
            self._open = (tag, start, escape(words.replace("{size}", number), quote=False))

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[0] == tag:
            _, start, text = self._open
            self.edits.append((start, self.here(), text))
            self._open = None


def _tag(name: str, attrs: list[tuple[str, str | None]]) -> str:
    """A start tag again, its links opening from a folder."""
    written = [
        f" {key}" if value is None else f' {key}="{escape(_link(key, value))}"'
        for key, value in attrs
    ]
    return f"<{name}{''.join(written)}>"


def _link(attribute: str, value: str) -> str:
    return offline_link(value) if attribute in _LINKS else value


def _offline_urls(data: Any) -> Any:
    """The page links in a page's JSON data (its `url` values) as the offline copy needs them."""
    if isinstance(data, dict):
        return {
            key: offline_link(value)
            if key == "url" and isinstance(value, str)
            else _offline_urls(value)
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [_offline_urls(item) for item in data]
    return data

"""HTML to PDF with WeasyPrint: tagged PDF/UA-1, with language, title and author.

WeasyPrint reads the document's language from `<html lang>`, its title from
`<title>` and its author from `<meta name="author">`, and embeds subsets of the
fonts it uses. Nothing is fetched from the network: only `file:` URLs (the
fonts) are allowed. WeasyPrint is imported on first use, so a build whose PDFs
all come from the cache never pays for importing it.
"""

from __future__ import annotations

import atexit
from functools import cache, lru_cache
from importlib.metadata import version
from typing import Any

__all__ = ["OPTIONS", "page_css", "render_pdf", "renderer_version"]

OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}
"""PDF/UA-1 (ISO 14289-1): a structure tree, /MarkInfo, and the PDF/UA identifier in XMP."""


@cache
def renderer_version() -> str:
    """The versions of what turns HTML into PDF bytes: a new one may change every PDF."""
    return " ".join(f"{name}=={version(name)}" for name in ("weasyprint", "pydyf", "tinycss2"))


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


def render_pdf(html: str, stylesheets: tuple[str, ...]) -> bytes:
    """The PDF of one HTML document; the same input gives the same bytes."""
    import weasyprint

    fetcher, fonts, css = _style_sheets(stylesheets)
    document = weasyprint.HTML(string=html, url_fetcher=fetcher)
    data: bytes = document.write_pdf(stylesheets=css, font_config=fonts, **OPTIONS)
    return data

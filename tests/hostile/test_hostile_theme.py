"""The MkDocs theme escapes what it shows: interface strings, language names and locales.

The theme's templates are MkDocs', rendered by MkDocs' own Jinja environment, which
does not escape; the plugin turns escaping on. Rendered here with the real templates
and hostile values; tests/site checks the built pages themselves.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from mkdocs.config import load_config

from generator.mkdocs_plugin import PlaybookPlugin

REPO_ROOT = Path(__file__).resolve().parents[2]
BREAKOUT = 'X" onfocus="alert(1)" tabindex="0" autofocus x="'


def test_the_theme_escapes_every_value_it_shows() -> None:
    config = load_config(str(REPO_ROOT / "mkdocs.yml"))
    env = PlaybookPlugin().on_env(config.theme.get_env(), config, None)
    meta = {
        "locale": 'fr-CA"><script>alert(1)</script>',
        "strings": {"site.language_menu": BREAKOUT, "site.footer_text": "<img src=x>"},
        "page_id": "index",
        "title": "<b>title</b>",
        "site_title": "<b>site</b>",
        "alternates": [{"code": "en", "locale": "en", "name": "<i>English</i>", "url": '"x'}],
        "menu": [],
        "breadcrumbs": [],
    }
    page = SimpleNamespace(meta=meta, content="<p>the body, made by our renderer</p>")
    html = env.get_template("main.html").render(page=page, base_url=".", config=config)

    assert "onfocus=" not in html.replace("onfocus=&#34;", "")
    assert 'aria-label="X&#34; onfocus=&#34;alert(1)&#34;' in html
    assert "<script>alert" not in html and "<img" not in html and "<i>" not in html
    assert '<html lang="fr-CA&#34;&gt;&lt;script&gt;' in html
    assert "<p>the body, made by our renderer</p>" in html

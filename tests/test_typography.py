"""Typography of the output: each rule on its own, written out by hand, in both languages."""

from __future__ import annotations

import pytest

from generator.typography import typeset, typeset_html

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("the client's file", "the client’s file"),
        ("the clients' needs", "the clients’ needs"),
        ('he said "call us" then', "he said “call us” then"),
        ("a 'single' quote", "a \u2018single’ quote"),
        ('("quoted")', "(“quoted”)"),
        ("draft — not final", "draft—not final"),
        ("draft \u2013 not final", "draft—not final"),
        ("draft -- not final", "draft—not final"),
        ("run playbook check --only html", "run playbook check --only html"),
        ("wait...", "wait…"),
        ("33 KB and 8 a.m. to 5 p.m.", f"33{NBSP}KB and 8{NBSP}a.m. to 5{NBSP}p.m."),
        ("71% used it; pages 8-9", "71% used it; pages 8-9"),
    ],
)
def test_english(source: str, expected: str) -> None:
    assert typeset(source, "en") == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("l'accès", "l’accès"),
        ("le modèle : la vision", f"le modèle{NBSP}: la vision"),
        ("« Vous nous avez dit »", f"«{NBSP}Vous nous avez dit{NBSP}»"),
        ("«oui»", f"«{NBSP}oui{NBSP}»"),
        ('il dit "oui" enfin', f"il dit «{NBSP}oui{NBSP}» enfin"),
        ("vraiment ? oui ; non !", "vraiment? oui; non!"),
        ("33 Ko, 8 h à 17 h, 50 %, 71%", f"33{NBSP}Ko, 8{NBSP}h à 17{NBSP}h, 50{NBSP}%, 71{NBSP}%"),
        ("12 000 personnes en 2017 200 fois", f"12{NBSP}000 personnes en 2017 200 fois"),
        ("un service — une personne", f"un service{NBSP}— une personne"),
        ("https://example.com/a:b", "https://example.com/a:b"),
    ],
)
def test_french_canadian(source: str, expected: str) -> None:
    assert typeset(source, "fr") == expected
    assert typeset(source, "fr-CA") == expected


@pytest.mark.parametrize("language", ["en", "fr"])
def test_typesetting_twice_changes_nothing_more(language: str) -> None:
    text = "L'été : « 33 Ko » — the client's \"file\" 8 h ; 50 % ... fin"
    once = typeset(text, language)

    assert typeset(once, language) == once


def test_other_languages_are_left_as_written() -> None:
    assert typeset("it's « x » : 5 %", "es") == "it's « x » : 5 %"


def test_html_changes_text_only_never_tags_attributes_code_or_scripts() -> None:
    page = (
        '<html lang="en"><head><title>It\'s here</title>'
        '<style>q::before { content: "\'" }</style></head>'
        '<body><p title="it\'s"><a href="/it\'s?a=1 :b">It&#39;s &quot;here&quot;</a> '
        "<code>don't</code> <pre>it's</pre></p>"
        '<script type="application/json">{"a": "it\'s : 5 %", "b": "</p>"}</script>'
        '<script>if (a<b) { x = "it\'s" }</script></body></html>'
    )

    assert typeset_html(page, "en") == (
        '<html lang="en"><head><title>It’s here</title>'
        '<style>q::before { content: "\'" }</style></head>'
        '<body><p title="it\'s"><a href="/it\'s?a=1 :b">It’s “here”</a> '
        "<code>don't</code> <pre>it's</pre></p>"
        '<script type="application/json">{"a": "it\'s : 5 %", "b": "</p>"}</script>'
        '<script>if (a<b) { x = "it\'s" }</script></body></html>'
    )


def test_html_follows_each_elements_language() -> None:
    page = '<p lang="fr-CA">L\'accès : « oui » <span lang="en">don\'t : no</span> 8 h</p>'

    assert typeset_html(page, "en") == (
        f'<p lang="fr-CA">L’accès{NBSP}: «{NBSP}oui{NBSP}» '
        f'<span lang="en">don’t : no</span> 8{NBSP}h</p>'
    )


def test_a_quotation_mark_after_an_inline_element_closes_it() -> None:
    assert typeset_html('<p>"<em>Draft</em>" and "x"</p>', "en") == (
        "<p>“<em>Draft</em>” and “x”</p>"
    )


def test_escaped_markup_in_text_stays_escaped() -> None:
    assert typeset_html("<p>a &lt;b&gt; &amp; it's</p>", "en") == "<p>a &lt;b&gt; &amp; it’s</p>"

"""Typography of the output, in each language: what readers see, whatever editors typed.

Sources may keep plain characters (straight quotes, ordinary spaces); everything the
tool shows (pages, PDFs, reports and command-line messages) goes through here last, so
the output is consistent. Only spaces and quotation marks change, never words, so the
seeds' statements stay verbatim.

English (The Canadian Style): curly apostrophes and quotation marks (U+2019, U+2018,
U+201C, U+201D); the em dash closed up, with no space on either side ("draft—not
final"), whether typed with spaces, as a spaced en dash or as " -- "; a no-break space
between a number and its unit ("33 KB", "8 a.m.").

French (Bureau de la traduction, Le guide du rédacteur, and TERMIUM Plus's Clés de la
rédaction, the Canadian convention): the apostrophe is ’; a no-break space (U+00A0)
before the colon and inside « guillemets » (straight "quotes" become guillemets); no
space before ; ! ? (the Canadian usage, unlike France's thin space); a no-break space
before a spaced dash (—), so no line starts with one; and a no-break space between a
number and its unit or the per cent sign ("33 Ko", "8 h", "50 %"), and inside numbers
written with a space between thousands ("1 000").

`typeset_html` changes text only: never a tag, an attribute (so no URL), a comment, nor
what `<script>`, `<style>`, `<code>`, `<pre>`, `<kbd>`, `<samp>` or `<textarea>` hold;
an element's `lang` attribute switches the rules for what it contains. The standard
library only, and nothing else of the generator, so any layer may use it.
"""

from __future__ import annotations

import html
import re

__all__ = ["NBSP", "typeset", "typeset_html"]

NBSP = "\u00a0"

_SPACE = "[ \t\u00a0\u202f]"
# After one of these, a quotation mark opens; elsewhere it closes.
_OPENS_AFTER = " \t\n\u00a0\u202f([{“\u2018«—\u2013-/"
_UNITS_EN = r"KB|MB|GB|kB|km|kg|min|h|%|a\.m\.|p\.m\."
_UNITS_FR = r"Ko|Mo|Go|ko|km|kg|min|h|%|\$|ans?|jours?|semaines?|mois|heures?|minutes?"
# `{name}` counts as a number: the command line's messages are typeset before being filled.
_NUMBER = r"(?<=[0-9}])"

_ENGLISH: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\.\.\.(?!\.)"), "…"),
    (re.compile(rf"{_SPACE}*—{_SPACE}*|{_SPACE}+(?:\u2013|--){_SPACE}+"), "—"),
    (re.compile(rf"{_NUMBER}{_SPACE}+(?=(?:{_UNITS_EN})(?![\w]))"), NBSP),
)
_FRENCH: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\.\.\.(?!\.)"), "…"),
    (re.compile("'"), "’"),
    (re.compile(rf"«{_SPACE}*"), "«" + NBSP),
    (re.compile(rf"{_SPACE}*»"), NBSP + "»"),
    (re.compile(rf"{_SPACE}+:"), NBSP + ":"),
    (re.compile(rf"{_SPACE}+(?=[;!?])"), ""),
    (re.compile(rf"{_SPACE}+(?:—|--|\u2013)(?={_SPACE}|$)"), NBSP + "—"),  # a spaced dash
    (re.compile(rf"{_NUMBER}{_SPACE}+(?=(?:{_UNITS_FR})(?![\w]))"), NBSP),
    (re.compile(r"(?<=[0-9])%"), NBSP + "%"),
    (re.compile(r"(?<![0-9,.])([0-9]{1,3})[ \u202f](?=[0-9]{3}(?![0-9]))"), "\\1" + NBSP),
)


def _quotes(text: str, before: str, language: str) -> str:
    """Straight quotation marks and apostrophes made typographic, from what precedes each."""
    if "'" not in text and '"' not in text:
        return text
    out: list[str] = []
    previous = before
    for index, char in enumerate(text):
        if char in "'\"":
            following = text[index + 1 : index + 2]
            opens = previous in _OPENS_AFTER or previous == ""
            if char == '"':
                if language == "fr":
                    char = "«" + NBSP if opens else NBSP + "»"
                else:
                    char = "“" if opens else "”"
            elif language == "fr" or not (opens and following.isalnum()):
                char = "’"
            else:
                char = "\u2018"
        out.append(char)
        previous = char[-1]
    return "".join(out)


def typeset(text: str, language: str, before: str = "", keep: re.Pattern[str] | None = None) -> str:
    """`text` as it should read in `language` ('en', 'fr', 'fr-CA'); other languages as is.

    `before` is the character the text follows, when it continues an earlier text (a
    text node after an inline element), so a quotation mark opens or closes rightly.
    What `keep` matches is left exactly as written (a command to type, say).
    """
    if keep is not None:
        pieces = keep.split(text)
        for index in range(0, len(pieces), 2):
            previous = pieces[index - 1][-1:] if index else before
            pieces[index] = typeset(pieces[index], language, previous)
        return "".join(pieces)
    code = language.split("-")[0].lower()
    rules = {"en": _ENGLISH, "fr": _FRENCH}.get(code)
    if rules is None or not text:
        return text
    if code == "fr":
        text = _quotes(text, before, code)
        for pattern, replacement in rules:
            text = pattern.sub(replacement, text)
        return text
    for pattern, replacement in rules:
        text = pattern.sub(replacement, text)
    return _quotes(text, before, code)


_TOKEN = re.compile(r"(<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?[^>]*>|</?[A-Za-z][^>]*>)", re.S)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)([^>]*?)(/?)>", re.S)
_LANG = re.compile(r"""\blang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_RAW_TEXT = frozenset({"script", "style", "textarea"})
_UNTOUCHED = frozenset({"script", "style", "code", "pre", "kbd", "samp", "textarea", "template"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
# Inside these, a text goes on from the text before it; any other tag starts afresh.
_INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "cite", "data", "dfn", "em", "i", "mark", "q", "s", "small"}
    | {"span", "strong", "sub", "sup", "time", "u"}
)


class _Typesetter:
    def __init__(self, language: str) -> None:
        self.stack: list[tuple[str, str]] = [("", language)]
        self.untouched_depth = 0
        self.before = ""

    @property
    def language(self) -> str:
        return self.stack[-1][1]

    def tag(self, token: str) -> str:
        """Follow the elements and their languages; the name of an element a tag opens."""
        match = _TAG.match(token)
        if match is None:
            return ""
        closing, name, attributes, self_closing = match.groups()
        name = name.lower()
        if name not in _INLINE:
            self.before = ""
        if closing:
            if name in _UNTOUCHED:
                self.untouched_depth = max(0, self.untouched_depth - 1)
            for depth in range(len(self.stack) - 1, 0, -1):
                if self.stack[depth][0] == name:
                    del self.stack[depth:]
                    break
            return ""
        if name in _UNTOUCHED:
            self.untouched_depth += 1
        if name in _VOID or self_closing:
            return ""
        lang = _LANG.search(attributes)
        value = next((group for group in lang.groups() if group), "") if lang else ""
        self.stack.append((name, value or self.language))
        return name

    def text(self, token: str) -> str:
        if self.untouched_depth or not token:
            return token
        plain = html.unescape(token)
        typeset_text = typeset(plain, self.language, self.before)
        self.before = plain[-1:] or self.before
        if typeset_text == plain:
            return token
        return html.escape(typeset_text, quote=False)


def typeset_html(markup: str, language: str) -> str:
    """An HTML document or fragment with every text typeset in its language.

    `language` applies until an element's `lang` attribute (`<html lang="fr-CA">` too)
    says otherwise.
    """
    typesetter = _Typesetter(language)
    out: list[str] = []
    position = 0
    while position < len(markup):
        token = _TOKEN.search(markup, position)
        if token is None:
            out.append(typesetter.text(markup[position:]))
            break
        out += [typesetter.text(markup[position : token.start()]), token[0]]
        position = token.end()
        opened = typesetter.tag(token[0]) if token[0][1].isalpha() or token[0][1] == "/" else ""
        if opened in _RAW_TEXT:
            # A script or a style sheet is not HTML: skip to its end tag, whatever it holds.
            end = re.compile(rf"</{opened}\s*>", re.I).search(markup, position)
            stop = end.start() if end else len(markup)
            out.append(markup[position:stop])
            position = stop
    return "".join(out)

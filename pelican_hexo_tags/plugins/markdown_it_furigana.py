"""markdown-it-furigana 1: ``漢（かん）`` as ``<ruby>``, a plugin of hexo-renderer-markdown-it.

Its core rule (last) splits every text token at each kanji followed by
hiragana in full-width brackets, ``/([\\u4e00-\\u9faf])（([\\u3040-\\u3096]+?)）/``,
into ``<ruby><rb>漢</rb><rp>（</rp><rt>かん</rt><rp>）</rp></ruby>``: one
kanji per reading (``tests/fixtures/plugins/markdown-it-furigana``, from the
real package).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..extend import Extensions

PACKAGE = "markdown-it-furigana"
STATUS = "emulated"
LOSES = ""

_FURIGANA = re.compile("([\u4e00-\u9faf])（([\u3040-\u3096]+?)）")


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _wrapped(tag: str, content: str) -> list[Token]:
    return [Token(f"{tag}-open", tag, 1), _text(content), Token(f"{tag}-close", tag, -1)]


def _ruby(kanji: str, reading: str) -> list[Token]:
    inner = [*_wrapped("rb", kanji), *_wrapped("rp", "（"), *_wrapped("rt", reading), *_wrapped("rp", "）")]
    return [Token("ruby-open", "ruby", 1), *inner, Token("ruby-close", "ruby", -1)]


def _split(text: str) -> list[Token]:
    nodes: list[Token] = []
    position = 0
    for match in _FURIGANA.finditer(text):
        if match.start() > position:
            nodes.append(_text(text[position : match.start()]))
        nodes += _ruby(match.group(1), match.group(2))
        position = match.end()
    if position < len(text):
        nodes.append(_text(text[position:]))
    return nodes


def use(md: MarkdownIt, options: Any = None) -> None:
    def furigana(state: StateCore) -> None:
        for block in state.tokens:
            if block.type != "inline" or not block.children:
                continue
            children: list[Token] = []
            for child in block.children:
                found = child.type == "text" and _FURIGANA.search(child.content)
                children += _split(child.content) if found else [child]
            block.children = children

    md.core.ruler.push("furigana", furigana)


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    """hexo-renderer-markdown-it loads it from its ``markdown.plugins`` list (:func:`use`), not Hexo."""

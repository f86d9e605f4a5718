"""markdown-it-abbr 1: ``*[HTML]: Hyper Text Markup Language`` and every ``HTML`` after it as ``<abbr title>``.

A plugin of hexo-renderer-markdown-it (``markdown: plugins:``) and one of
hexo-renderer-markdown-it-plus's defaults. A block rule before ``reference``
takes the definitions out of the text into ``env``; a core rule after
``linkify`` wraps each label found between punctuation, spaces or the
text's ends, the longest label first (markdown-it-abbr 1.0.4's
``index.js``; ``tests/fixtures/plugins/markdown-it-abbr``, from the real package).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..extend import Extensions

PACKAGE = "markdown-it-abbr"
STATUS = "emulated"
LOSES = ""


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


# ASCII characters in Cc, Sc, Sm, Sk the plugin ends an abbreviation on, besides punctuation and spaces.
_ABBR_OTHER_CHARS = " \r\n$+<=>^`|~"


@lru_cache(maxsize=1)
def _punctuation_and_spaces() -> str:
    """A regex class of Unicode's P and Z categories (markdown-it's ucmicro ``P`` and ``Z``)."""
    found = [chr(code) for code in range(0x110000) if unicodedata.category(chr(code))[0] in "PZ"]
    return "[" + "".join(re.escape(char) for char in found) + re.escape(_ABBR_OTHER_CHARS) + "]"


def _abbr_def(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    # `*[HTML]: Hyper Text Markup Language`, kept in env and taken out of the text.
    pos = state.bMarks[start] + state.tShift[start]
    maximum = state.eMarks[start]
    if pos + 2 >= maximum or state.src[pos : pos + 2] != "*[":
        return False
    pos += 2
    label_start = pos
    label_end = -1
    while pos < maximum:
        char = state.src[pos]
        if char == "[":
            return False
        if char == "]":
            label_end = pos
            break
        if char == "\\":
            pos += 1
        pos += 1
    if label_end < 0 or state.src[label_end + 1 : label_end + 2] != ":":
        return False
    if silent:
        return True
    label = re.sub(r"\\(.)", r"\1", state.src[label_start:label_end])
    title = state.src[label_end + 2 : maximum].strip()
    if not label or not title:
        return False
    state.env.setdefault("abbreviations", {}).setdefault(label, title)
    state.line = start + 1
    return True


def _abbr_replace(state: StateCore) -> None:
    abbreviations: dict[str, str] = state.env.get("abbreviations") or {}
    if not abbreviations:
        return
    labels = "|".join(re.escape(label) for label in sorted(abbreviations, key=len, reverse=True))
    simple = re.compile(labels)
    edge = _punctuation_and_spaces()
    pattern = re.compile(f"(^|{edge})({labels})($|{edge})")
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children = block.children
        for index in range(len(children) - 1, -1, -1):
            token = children[index]
            if token.type != "text" or not simple.search(token.content):
                continue
            text = token.content
            nodes: list[Token] = []
            pos = 0
            search_from = 0
            # JavaScript's lastIndex loop: the closing edge is given back to the next match.
            while (match := pattern.search(text, search_from)) is not None:
                if match.start() > 0 or match.group(1):
                    nodes.append(_text(text[pos : match.start() + len(match.group(1))]))
                opening = Token("abbr_open", "abbr", 1)
                opening.attrs = {"title": abbreviations[match.group(2)]}
                nodes += [opening, _text(match.group(2)), Token("abbr_close", "abbr", -1)]
                search_from = pos = match.end() - len(match.group(3))
            if not nodes:
                continue
            if pos < len(text):
                nodes.append(_text(text[pos:]))
            children[index : index + 1] = nodes


def use(md: MarkdownIt, options: Any = None) -> None:
    md.block.ruler.before("reference", "abbr_def", _abbr_def, {"alt": ["paragraph", "reference"]})
    md.core.ruler.after("linkify", "abbr_replace", _abbr_replace)


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    """hexo-renderer-markdown-it loads it from its ``markdown.plugins`` list (:func:`use`), not Hexo."""

"""markdown-it-cjk-breaks 2: no space for a line break between two East Asian characters.

A plugin of hexo-renderer-markdown-it (``markdown: plugins:``). Its core rule
(last) empties a ``softbreak`` whose nearest text on both sides ends and
starts with a character of East Asian width F, W or H that is not Hangul,
or that touches a zero-width space (``get-east-asian-width``'s
``eastAsianWidthType``; Python's ``unicodedata.east_asian_width`` is the
same table, of this Python's Unicode version;
``tests/fixtures/plugins/markdown-it-cjk-breaks``, from the real package).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..extend import Extensions

PACKAGE = "markdown-it-cjk-breaks"
STATUS = "emulated"
LOSES = ""

# The plugin's Hangul class (unicode-10.0.0 Script=Hangul).
_HANGUL = re.compile(
    "[\u1100-\u11ff\u302e\u302f\u3131-\u318e\u3200-\u321e\u3260-\u327e\ua960-\ua97c\uac00-\ud7a3"
    "\ud7b0-\ud7c6\ud7cb-\ud7fb\uffa0-\uffbe\uffc2-\uffc7\uffca-\uffcf\uffd2-\uffd7\uffda-\uffdc]"
)


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("F", "W", "H") and not _HANGUL.match(char)


def _join_lines(tokens: Sequence[Token]) -> None:
    for index, token in enumerate(tokens):
        if token.type != "softbreak":
            continue
        last = next((t.content[-1:] for t in reversed(tokens[:index]) if t.type == "text"), " ") or " "
        following = next((t.content[:1] for t in tokens[index + 1 :] if t.type == "text"), " ") or " "
        # The nearest text token decides even when empty: its "" is no wide character.
        if "\u200b" in (last, following) or (_wide(last) and _wide(following)):
            token.type = "text"
            token.content = ""


def use(md: MarkdownIt, options: Any = None) -> None:
    def cjk_breaks(state: StateCore) -> None:
        for block in state.tokens:
            if block.type == "inline" and block.children:
                _join_lines(block.children)

    md.core.ruler.push("cjk_breaks", cjk_breaks)


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    """hexo-renderer-markdown-it loads it from its ``markdown.plugins`` list (:func:`use`), not Hexo."""

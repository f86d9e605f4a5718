"""markdown-it-emoji 2: ``:smile:`` and ``:-)`` as the emoji character, for hexo-renderer-markdown-it.

The site names it in ``markdown: plugins:`` and hexo-renderer-markdown-it
calls ``parser.use(require('markdown-it-emoji'), options)``; its options are
``defs`` (name → text, replacing the whole list), ``enabled`` (the names kept)
and ``shortcuts`` (name → emoticons). Its core rule after ``linkify``
replaces, in every text token outside an autolink, each name or emoticon
of one expression (the names sorted, reversed); an emoticon only with a
space, punctuation or control character (or nothing) on both sides, a
``:name:`` anywhere, also inside a word (``lib/replace.js``;
``tests/fixtures/plugins/markdown-it-emoji``, from the real package).

The names and emoticons are the package's own (``static/markdown-it-emoji/``).
Not mdit-py-emoji: it has the same 1,838 names, but asks for a boundary
around ``:name:`` too (``word:smile:`` stays text there, not in Hexo), and
it declares ``markdown-it-py<4``, so depending on it would take this
project's markdown-it-py back to 3.0.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import arrayReplaceAt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..assets import STATIC_ROOT
from ..extend import Extensions

PACKAGE = "markdown-it-emoji"
STATUS = "emulated"
LOSES = ""


@lru_cache(maxsize=1)
def package_data() -> dict[str, Any]:
    """``lib/data/full.json`` (``defs``) and ``lib/data/shortcuts.js`` (``shortcuts``) of markdown-it-emoji 2.0.2."""
    with open(os.path.join(STATIC_ROOT, "markdown-it-emoji", "emoji.json"), encoding="utf-8") as handle:
        return json.load(handle)


def _options(given: Any) -> tuple[dict[str, str], dict[str, str], re.Pattern[str] | None]:
    """``normalize_opts``: the kept names, emoticon → name, and the expression (None when nothing is kept)."""
    options = {**package_data(), "enabled": [], **(given if isinstance(given, Mapping) else {})}
    defs = dict(options["defs"] or {})
    if options["enabled"]:
        defs = {name: text for name, text in defs.items() if name in options["enabled"]}
    shortcuts: dict[str, str] = {}
    for name, aliases in (options["shortcuts"] or {}).items():
        if name in defs:
            for alias in aliases if isinstance(aliases, list) else [aliases]:
                shortcuts[str(alias)] = name
    if not defs:
        return defs, shortcuts, None
    names = sorted([f":{name}:" for name in defs] + list(shortcuts), reverse=True)
    return defs, shortcuts, re.compile("|".join(re.escape(name) for name in names))


def _space_punctuation_or_control(char: str) -> bool:
    # markdown-it's ucmicro Z, P and Cc.
    category = unicodedata.category(char)
    return category[0] in "ZP" or category == "Cc"


def _split(text: str, defs: Mapping[str, str], shortcuts: Mapping[str, str], pattern: re.Pattern[str]) -> list[Token]:
    nodes: list[Token] = []
    last = 0
    for match in pattern.finditer(text):
        found, start, end = match.group(0), match.start(), match.end()
        if found in shortcuts:
            name = shortcuts[found]
            if start > 0 and not _space_punctuation_or_control(text[start - 1]):
                continue
            if end < len(text) and not _space_punctuation_or_control(text[end]):
                continue
        else:
            name = found[1:-1]
        if start > last:
            nodes.append(Token("text", "", 0, content=text[last:start]))
        nodes.append(Token("emoji", "", 0, markup=name, content=defs[name]))
        last = end
    if last < len(text):
        nodes.append(Token("text", "", 0, content=text[last:]))
    return nodes


def use(md: MarkdownIt, options: Any = None) -> None:
    """``parser.use(markdown_it_emoji, options)``."""
    defs, shortcuts, pattern = _options(options)

    def emoji_replace(state: StateCore) -> None:
        if pattern is None:
            return
        for block in state.tokens:
            if block.type != "inline" or not block.children:
                continue
            tokens: Sequence[Token] = block.children
            autolink_level = 0
            # From the end, so the positions before stay; an autolink is entered at its close.
            for index in range(len(tokens) - 1, -1, -1):
                token = tokens[index]
                if token.type in ("link_open", "link_close") and token.info == "auto":
                    autolink_level -= token.nesting
                if token.type == "text" and autolink_level == 0 and pattern.search(token.content):
                    tokens = arrayReplaceAt(list(tokens), index, _split(token.content, defs, shortcuts, pattern))
                    block.children = list(tokens)

    md.add_render_rule("emoji", lambda self, tokens, idx, options, env: tokens[idx].content)
    md.core.ruler.after("linkify", "emoji", emoji_replace)


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    """hexo-renderer-markdown-it loads it from its ``markdown.plugins`` list (:func:`use`), not Hexo."""

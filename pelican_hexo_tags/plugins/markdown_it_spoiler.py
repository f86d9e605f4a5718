"""markdown-it-spoiler 1: ``!!text!!`` as ``<span class="spoiler">``, a plugin of hexo-renderer-markdown-it.

It is markdown-it-mark with ``!`` for ``=``: the same delimiter rule before
``emphasis`` and the same pairing (``inline_marks``), whose tokens become
``spoiler_open``/``spoiler_close`` on a ``span`` with the class
(``tests/fixtures/plugins/markdown-it-spoiler``, from the real package). Its
one option, ``frontPriorMode`` (``!!!x!!`` keeps the lone ``!`` after), is
not read: the default puts it before.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from ..extend import Extensions
from ..inline_marks import delimiter_rules

PACKAGE = "markdown-it-spoiler"
STATUS = "partly"
LOSES = "its `frontPriorMode` option"


def _as_span(state: StateInline) -> None:
    for token in state.tokens:
        if token.type in ("spoiler_open", "spoiler_close"):
            token.tag = "span"
            if token.nesting == 1:
                token.attrs = {"class": "spoiler"}


def use(md: MarkdownIt, options: Any = None) -> None:
    tokenize, pair = delimiter_rules("!", "spoiler")

    def post_process(state: StateInline) -> None:
        pair(state)
        _as_span(state)

    md.inline.ruler.before("emphasis", "spoiler", tokenize)
    md.inline.ruler2.before("emphasis", "spoiler", post_process)


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    """hexo-renderer-markdown-it loads it from its ``markdown.plugins`` list (:func:`use`), not Hexo."""

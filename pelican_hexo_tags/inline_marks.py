"""``++inserted++`` and ``==marked==``: ports of markdown-it-ins and markdown-it-mark.

Both JavaScript plugins are markdown-it's strikethrough rule with another
marker and tag, so one parameterised rule serves both.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_inline.state_inline import Delimiter, StateInline


def _tokenize(marker: str) -> Callable[[StateInline, bool], bool]:
    def tokenize(state: StateInline, silent: bool) -> bool:
        if silent or state.src[state.pos] != marker:
            return False
        scanned = state.scanDelims(state.pos, True)
        length = scanned.length
        if length < 2:
            return False
        if length % 2:
            token = state.push("text", "", 0)
            token.content = marker
            length -= 1
        for _ in range(0, length, 2):
            token = state.push("text", "", 0)
            token.content = marker * 2
            state.delimiters.append(
                Delimiter(
                    marker=ord(marker),
                    length=0,
                    token=len(state.tokens) - 1,
                    end=-1,
                    open=scanned.can_open,
                    close=scanned.can_close,
                )
            )
        state.pos += scanned.length
        return True

    return tokenize


def _pair_delimiters(state: StateInline, delimiters: list[Delimiter], marker: str, tag: str) -> None:
    lone_markers = []
    for start in delimiters:
        if start.marker != ord(marker) or start.end == -1:
            continue
        end = delimiters[start.end]
        for index, nesting, kind in ((start.token, 1, "open"), (end.token, -1, "close")):
            token = state.tokens[index]
            token.type = f"{tag}_{kind}"
            token.tag = tag
            token.nesting = nesting
            token.markup = marker * 2
            token.content = ""
        before_end = state.tokens[end.token - 1]
        if before_end.type == "text" and before_end.content == marker:
            lone_markers.append(end.token - 1)
    # An odd run leaves one marker in front; move it after the closing tags.
    while lone_markers:
        i = lone_markers.pop()
        j = i + 1
        while j < len(state.tokens) and state.tokens[j].type == f"{tag}_close":
            j += 1
        j -= 1
        if i != j:
            state.tokens[i], state.tokens[j] = state.tokens[j], state.tokens[i]


def _post_process(marker: str, tag: str) -> Callable[[StateInline], None]:
    def post_process(state: StateInline) -> None:
        _pair_delimiters(state, state.delimiters, marker, tag)
        for meta in state.tokens_meta:
            if meta and "delimiters" in meta:
                _pair_delimiters(state, meta["delimiters"], marker, tag)

    return post_process


def _delimiter_plugin(md: MarkdownIt, marker: str, tag: str) -> None:
    md.inline.ruler.before("emphasis", tag, _tokenize(marker))
    md.inline.ruler2.before("emphasis", tag, _post_process(marker, tag))


def ins_plugin(md: MarkdownIt) -> None:
    """``++text++`` → ``<ins>text</ins>``."""
    _delimiter_plugin(md, "+", "ins")


def mark_plugin(md: MarkdownIt) -> None:
    """``==text==`` → ``<mark>text</mark>``."""
    _delimiter_plugin(md, "=", "mark")


def delimiter_rules(marker: str, tag: str) -> tuple[Callable[[StateInline, bool], bool], Callable[[StateInline], None]]:
    """The tokenize and pairing rules of a markdown-it-mark-like plugin, for a plugin module to place itself."""
    return _tokenize(marker), _post_process(marker, tag)

"""markdown-it-multimd-table 4: MultiMarkdown tables, for hexo-renderer-markdown-it.

The site names it in ``markdown: plugins:`` (options ``multiline``,
``rowspan``, ``headerless``: off; ``multibody``, ``autolabel``: on). Its
block rule replaces markdown-it's ``table``: an empty cell (``||``) widens
the cell before it (``colspan``), ``[caption]`` above or below the table
becomes ``<caption id=label>`` (``caption-side: bottom`` below), several
header rows, bodies split by an empty line, ``+`` after a separator for
``class="extend"``, and with the options ``^^`` row spans, rows continued by
``\\`` and tables without a header. A line-by-line port of its ``index.js``
and ``lib/dfa.js`` (4.2.3; ``tests/fixtures/plugins/markdown-it-multimd-table``,
from the real package).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from ..extend import Extensions

PACKAGE = "markdown-it-multimd-table"
STATUS = "emulated"
LOSES = ""

DEFAULTS = {"multiline": False, "rowspan": False, "headerless": False, "multibody": True, "autolabel": True}

_CAPTION = re.compile(r"^\[(.+?)\](\[([^\[\]]+)\])?\s*$")
_SEPARATOR = re.compile(r"^:?(-+|=+):?\+?$")
_NON_WORD = re.compile(r"\W+", re.ASCII)

# The DFA's alphabets (line kinds), highest precedence first, and its states (unions of alphabets).
CAPTION, SEPARATOR, HEADER, DATA, EMPTY = 0x10000, 0x01000, 0x00100, 0x00010, 0x00001


def _char(state: StateBlock, pos: int) -> str:
    return state.src[pos] if 0 <= pos < len(state.src) else ""


def _run_dfa(
    initial: int,
    accepts: set[int],
    matches: Mapping[int, Callable[[int], bool]],
    transitions: Mapping[int, Mapping[int, int]],
    action: Callable[[int, int], None],
    start: int,
    end: int,
) -> bool:
    """``DFA.prototype.execute``: each line takes the highest alphabet of the state that it matches."""
    current, step = initial, start
    while current and step < end:
        alphabet = CAPTION
        while alphabet > 0:
            if current & alphabet and matches[alphabet](step):
                break
            alphabet >>= 4
        action(step, alphabet)
        if alphabet == 0:
            break
        current = transitions.get(current, {}).get(alphabet, 0)
        step += 1
    return current in accepts


def _table_rule(options: Mapping[str, Any]) -> Callable[[StateBlock, int, int, bool], bool]:
    def scan_bound_indices(state: StateBlock, line: int) -> list[int]:
        start = state.bMarks[line] + state.sCount[line]
        head = state.bMarks[line] + state.blkIndent
        end = state.skipSpacesBack(state.eMarks[line], head)
        bounds: list[int] = []
        escape = code = False
        serial = 0
        pos = start
        while pos < end:
            char = state.src[pos]
            if char == "\\":
                escape = True
            elif char == "`":
                jump = state.skipCharsStr(pos, "`") - 1
                # \` closes a code span but does not open one; `\` is a correct code span.
                if jump > pos:
                    if not code:
                        if serial == 0:
                            serial = jump - pos
                        elif serial == jump - pos:
                            serial = 0
                    pos = jump
                elif code or (not escape and not serial):
                    code = not code
                escape = False
            elif char == "|":
                if not code and not escape:
                    bounds.append(pos)
                escape = False
            else:
                escape = False
            pos += 1
        if not bounds:
            return bounds
        if bounds[0] > head:
            bounds.insert(0, head - 1)
        if bounds[-1] < end - 1:
            bounds.append(end)
        return bounds

    def table_caption(state: StateBlock, silent: bool, line: int) -> Any:
        start = state.bMarks[line] + state.sCount[line]
        found = _CAPTION.match(state.src[start : state.eMarks[line]])
        if not found:
            return False
        if silent:
            return True
        meta: dict[str, Any] = {"text": found.group(1), "label": None}
        if not options["autolabel"] and not found.group(2):
            return meta
        meta["label"] = _NON_WORD.sub("", (found.group(2) or found.group(1)).lower())
        return meta

    def table_row(state: StateBlock, silent: bool, line: int) -> Any:
        bounds = scan_bound_indices(state, line)
        if len(bounds) < 2:
            return False
        if silent:
            return True
        meta: dict[str, Any] = {"bounds": bounds, "multiline": None}
        if options["multiline"]:
            start = state.bMarks[line] + state.sCount[line]
            pos = state.eMarks[line] - 1
            meta["multiline"] = _char(state, pos) == "\\"
            if meta["multiline"]:
                old_max = state.eMarks[line]
                state.eMarks[line] = state.skipSpacesBack(pos, start)
                meta["bounds"] = scan_bound_indices(state, line)
                state.eMarks[line] = old_max
        return meta

    def table_separator(state: StateBlock, silent: bool, line: int) -> Any:
        if state.sCount[line] - state.blkIndent >= 4:
            return False
        bounds = scan_bound_indices(state, line)
        if not bounds:
            return False
        aligns: list[str] = []
        wraps: list[bool] = []
        for column in range(len(bounds) - 1):
            text = state.src[bounds[column] + 1 : bounds[column + 1]].strip()
            if not _SEPARATOR.match(text):
                return False
            wraps.append(text[-1] == "+")
            left = text[0] == ":"
            right = text[len(text) - 1 - wraps[column]] == ":"
            aligns.append(
                {(False, False): "", (False, True): "right", (True, False): "left"}.get((left, right), "center")
            )
        if silent:
            return True
        return {"aligns": aligns, "wraps": wraps}

    def table(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        if start_line + 2 > end_line:
            return False
        table_token = Token("table_open", "table", 1)
        table_token.meta = {"sep": None, "cap": None, "tr": []}
        group = 0x10
        multiline_row = -1
        row: Token | None = None

        initial = 0x10100
        accepts = {0x10010, 0x10011, 0x00000}
        transitions: dict[int, dict[int, int]] = {
            0x10100: {CAPTION: 0x00100, HEADER: 0x01100},
            0x00100: {HEADER: 0x01100},
            0x01100: {SEPARATOR: 0x10010, HEADER: 0x01100},
            0x10010: {CAPTION: 0x00000, DATA: 0x10011},
            0x10011: {CAPTION: 0x00000, DATA: 0x10011, EMPTY: 0x10010},
        }
        if options["headerless"]:
            initial = 0x11100
            transitions[0x11100] = {CAPTION: 0x01100, SEPARATOR: 0x10010, HEADER: 0x01100}
            row = Token("tr_placeholder", "tr", 0)
            row.meta = {}
        if not options["multibody"]:
            transitions[0x10010] = {CAPTION: 0x00000, DATA: 0x10010}
        matches = {
            CAPTION: lambda line: bool(table_caption(state, True, line)),
            SEPARATOR: lambda line: bool(table_separator(state, True, line)),
            HEADER: lambda line: bool(table_row(state, True, line)),
            DATA: lambda line: bool(table_row(state, True, line)),
            EMPTY: lambda line: state.isEmpty(line),
        }

        def action(line: int, kind: int) -> None:
            nonlocal group, multiline_row, row
            if kind == CAPTION:
                if table_token.meta["cap"]:
                    return
                caption = table_caption(state, False, line)
                caption["map"] = [line, line + 1]
                caption["first"] = line == start_line
                table_token.meta["cap"] = caption
            elif kind == SEPARATOR:
                separator = table_separator(state, False, line)
                separator["map"] = [line, line + 1]
                table_token.meta["sep"] = separator
                assert row is not None
                row.meta["grp"] = row.meta.get("grp", 0) | 0x01
                group = 0x10
            elif kind in (HEADER, DATA):
                row = Token("tr_open", "tr", 1)
                row.map = [line, line + 1]
                row.meta = table_row(state, False, line)
                row.meta["type"] = kind
                row.meta["grp"] = group
                group = 0x00
                rows = table_token.meta["tr"]
                rows.append(row)
                if options["multiline"]:
                    if row.meta["multiline"] and multiline_row < 0:
                        multiline_row = len(rows) - 1
                    elif not row.meta["multiline"] and multiline_row >= 0:
                        first = rows[multiline_row]
                        first.meta["mbounds"] = [token.meta["bounds"] for token in rows[multiline_row:]]
                        first.map[1] = row.map[1]
                        table_token.meta["tr"] = rows[: multiline_row + 1]
                        multiline_row = -1
            elif kind == EMPTY:
                assert row is not None
                row.meta["grp"] = row.meta.get("grp", 0) | 0x01
                group = 0x10

        if not _run_dfa(initial, accepts, matches, transitions, action, start_line, end_line):
            return False
        rows = table_token.meta["tr"]
        if not rows:
            return False
        if silent:
            return True
        rows[-1].meta["grp"] |= 0x01
        separator = table_token.meta["sep"]
        if separator is None:
            # Not reached in the package ("always evaluated true"); its code would throw here.
            return False

        table_lines = [start_line, 0]
        table_token.map = table_lines
        table_token.block = True
        table_token.level = state.level
        state.level += 1
        state.tokens.append(table_token)

        caption = table_token.meta["cap"]
        if caption:
            token = state.push("caption_open", "caption", 1)
            token.map = caption["map"]
            attrs: dict[str, str | int | float] = {}
            if caption["label"] is not None:
                attrs["id"] = caption["label"]
            if not caption["first"]:
                attrs["style"] = "caption-side: bottom"
            token.attrs = attrs
            token = state.push("inline", "", 0)
            token.content = caption["text"]
            token.map = caption["map"]
            token.children = []
            state.push("caption_close", "caption", -1)

        group_lines = [0, 0]
        above: dict[int, Token] = {}
        for row in rows:
            left = Token("td_th_placeholder", "", 0)
            header = row.meta["type"] == HEADER
            if row.meta["grp"] & 0x10:
                tag = "thead" if header else "tbody"
                token = state.push(f"{tag}_open", tag, 1)
                group_lines = [row.map[0], 0]
                token.map = group_lines
                above = {}
            row.block = True
            row.level = state.level
            state.level += 1
            state.tokens.append(row)

            bounds = row.meta["bounds"]
            for column in range(len(bounds) - 1):
                text = state.src[bounds[column] + 1 : bounds[column + 1]]
                if text == "":
                    colspan = left.attrGet("colspan")
                    left.attrSet("colspan", 2 if colspan is None else int(colspan) + 1)
                    continue
                if options["rowspan"] and above.get(column) and text.strip() == "^^":
                    rowspan = above[column].attrGet("rowspan")
                    above[column].attrSet("rowspan", 2 if rowspan is None else int(rowspan) + 1)
                    left = Token("td_th_placeholder", "", 0)
                    continue
                tag = "th" if header else "td"
                token = state.push(f"{tag}_open", tag, 1)
                token.map = row.map
                cell_attrs: dict[str, str | int | float] = {}
                if column < len(separator["aligns"]) and separator["aligns"][column]:
                    cell_attrs["style"] = "text-align:" + separator["aligns"][column]
                if column < len(separator["wraps"]) and separator["wraps"][column]:
                    cell_attrs["class"] = "extend"
                token.attrs = cell_attrs
                left = above[column] = token
                if options["multiline"] and row.meta.get("multiline") and row.meta.get("mbounds"):
                    # Padded with empty lines so that the cell's lines keep their numbers.
                    lines = [""] * row.map[0] + [text.rstrip()]
                    for more in row.meta["mbounds"][1:]:
                        if column > len(more) - 2:
                            continue
                        lines.append(state.src[more[column] + 1 : more[column + 1]].rstrip())
                    block = StateBlock("\n".join(lines), state.md, state.env, [])
                    block.level = row.level + 1
                    state.md.block.tokenize(block, row.map[0], block.lineMax)
                    state.tokens.extend(block.tokens)
                else:
                    token = state.push("inline", "", 0)
                    token.content = text.strip()
                    token.map = row.map
                    token.level = row.level + 1
                    token.children = []
                state.push(f"{tag}_close", tag, -1)

            state.push("tr_close", "tr", -1)
            if row.meta["grp"] & 0x01:
                tag = "thead" if header else "tbody"
                state.push(f"{tag}_close", tag, -1)
                group_lines[1] = row.map[1]

        table_lines[1] = max(group_lines[1], separator["map"][1], caption["map"][1] if caption else -1)
        state.push("table_close", "table", -1)
        state.line = table_lines[1]
        return True

    return table


def use(md: MarkdownIt, options: Any = None) -> None:
    """``parser.use(markdown_it_multimd_table, options)``: its rule in place of markdown-it's ``table``."""
    settings = {**DEFAULTS, **(options if isinstance(options, Mapping) else {})}
    md.block.ruler.at("table", _table_rule(settings), {"alt": ["paragraph", "reference"]})


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    """hexo-renderer-markdown-it loads it from its ``markdown.plugins`` list (:func:`use`), not Hexo."""

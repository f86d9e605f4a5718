"""What the theme tag packs share: how themes re-split arguments and read their own config."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..config import theme_settings
from ..registry import TagContext

_JS_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def comma_args(args: list[str]) -> list[str]:
    """``args.join(' ').split(',')``: most theme tags treat commas, not spaces, as separators."""
    return " ".join(args).split(",")


def js_number(text: str) -> float:
    """JavaScript ``Number(text) || 0`` for the index arguments themes take."""
    text = text.strip()
    if not text:
        return 0
    if _JS_NUMBER.fullmatch(text):
        return float(text)
    return 0


def theme_option(ctx: TagContext, *path: str, default: Any = None) -> Any:
    """A theme setting (``_config.<theme>.yml``, the theme's own config, then ``theme_config:``), else ``default``."""
    value: Any = theme_settings(ctx.config)
    for key in path:
        if not isinstance(value, Mapping) or key not in value:
            return default
        value = value[key]
    return default if value is None else value


_BLOCK_OPEN = re.compile(r"\{%-?\s*([\w-]+)[^%]*?%\}")


def split_sections(body: str, section: re.Pattern[str]) -> list[Section]:
    """``section.finditer(body)`` as the theme sees it, with nested block tags kept whole.

    Hexo renders nested tags before the outer one splits its body, so a
    ``{% subtabs %}`` inside a tab has lost its own ``<!-- tab -->`` comments
    by then. Here nested blocks are still source: they are masked while the
    sections are found, and each match's groups give them back.
    """
    masked, pieces = mask_nested_blocks(body)
    return [Section(match, pieces) for match in section.finditer(masked)]


def mask_nested_blocks(body: str) -> tuple[str, list[str]]:
    """Replace each ``{% name %}…{% endname %}`` in ``body`` by a marker; the pieces, in order."""
    pieces: list[str] = []
    out: list[str] = []
    position = 0
    while True:
        match = _BLOCK_OPEN.search(body, position)
        if not match:
            break
        name = match.group(1)
        end = _block_end(body, name, match.end()) if not name.startswith("end") else None
        if end is None:
            out.append(body[position : match.end()])
            position = match.end()
            continue
        out.append(body[position : match.start()])
        out.append(f"\x00{len(pieces)}\x00")
        pieces.append(body[match.start() : end])
        position = end
    out.append(body[position:])
    return "".join(out), pieces


def _block_end(text: str, name: str, start: int) -> int | None:
    pattern = re.compile(r"\{%-?\s*(end)?" + re.escape(name) + r"(?=[\s%-])[^%]*?%\}")
    depth = 1
    for match in pattern.finditer(text, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return None


class Section:
    """A match over masked text whose groups have the nested blocks put back."""

    def __init__(self, match: re.Match[str], pieces: list[str]) -> None:
        self._match = match
        self._pieces = pieces

    def group(self, index: int | str = 0) -> str | None:
        value = self._match.group(index)
        if value is None or not self._pieces:
            return value
        return re.sub(r"\x00(\d+)\x00", lambda m: self._pieces[int(m.group(1))], value)

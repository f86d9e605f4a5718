"""What the theme tag packs share: how themes re-split arguments and read their own config."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

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
    """A theme setting from the Hexo config's ``theme_config:`` (Hexo 5+), else the theme's default.

    Theme ``_config.yml`` files are not read; ``theme_config`` is where a site
    overrides them in its own config, so that is what we honour.
    """
    value: Any = ctx.config.get("theme_config")
    for key in path:
        if not isinstance(value, Mapping) or key not in value:
            return default
        value = value[key]
    return default if value is None else value


"""hexo-theme-yun 1.10: what its scripts do to a post's HTML.

A theme installed from npm keeps its ``scripts/`` in ``node_modules``, which a
migrated site (and the corpus snapshot of liluoao's blog) does not carry, so
local_scripts.py cannot run them. Of yun's scripts only
``scripts/filters/index.js`` changes a post: at ``after_post_render`` it adds
``loading="lazy"`` to every ``<img>`` when the theme's ``lazyload.enable`` is
on, which the theme's own ``_config.yml`` has by default.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..config import theme_settings
from ..extend import Extensions

PACKAGE = "hexo-theme-yun"
STATUS = "partly"
LOSES = "its layouts, helpers and page scripts (the page is Pelican's theme's); of what it does to a post, nothing"

# The theme's own expression: the first `>` ends the tag, as there.
_IMG = re.compile(r"<img(.+?)>", re.IGNORECASE)


def lazy_images(html: str) -> str:
    """``str.replace(p1, `${p1} loading="lazy"`)`` on each ``<img …>``, as the theme's filter does."""
    return _IMG.sub(lambda m: m.group(0).replace(m.group(1), f'{m.group(1)} loading="lazy"', 1), html)


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    lazyload = theme_settings(config).get("lazyload")
    enabled = lazyload.get("enable", True) if isinstance(lazyload, Mapping) else lazyload is not False
    if enabled:
        hexo.register_filter("after_post_render", lambda html, post: lazy_images(html) if "<img" in html else None)

"""The part of micromatch that Hexo's config globs use (``skip_render``, a sitemap's skips).

Hexo matches them with micromatch against a path under ``source/``: ``**`` is any folders or none,
``*`` and ``?`` stay within one folder, ``[...]`` and ``{a,b}`` as in a shell. Negation (``!``)
and micromatch's dotfile rules are not needed by any config seen so far.
"""

from __future__ import annotations

import functools
import re


def _glob_regex(pattern: str) -> str:
    """micromatch's ``**`` (any folders, or none), ``*`` and ``?`` (within one folder), ``[...]``, ``{a,b}``."""
    out, index = "", 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            out, index = out + "(?:[^/]*/)*", index + 3
        elif pattern.startswith("**", index):
            out, index = out + ".*", index + 2
        elif pattern[index] == "*":
            out, index = out + "[^/]*", index + 1
        elif pattern[index] == "?":
            out, index = out + "[^/]", index + 1
        elif pattern[index] == "[" and "]" in pattern[index + 2 :]:
            end = pattern.index("]", index + 2)
            body = pattern[index + 1 : end]
            out, index = out + "[" + ("^" + body[1:] if body[:1] == "!" else body) + "]", end + 1
        elif pattern[index] == "{" and "," in pattern[index:] and "}" in pattern[index:]:
            end = pattern.index("}", index)
            choices = pattern[index + 1 : end].split(",")
            out, index = out + "(?:" + "|".join(_glob_regex(choice) for choice in choices) + ")", end + 1
        else:
            out, index = out + re.escape(pattern[index]), index + 1
    return out


@functools.lru_cache(maxsize=256)
def micromatch(pattern: str) -> re.Pattern[str]:
    """``pattern`` (a path under ``source/``, as Hexo's config globs are written) as a whole-path regex."""
    return re.compile(_glob_regex(pattern.lstrip("/")) + r"\Z")

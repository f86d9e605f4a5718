"""hexo-renderer-markdown-it: what its version changes beyond the engine (``engine.py`` renders its Markdown).

Up to 6.x the package builds one markdown-it parser for the whole site, and
its anchors plugin keeps the slugs it gave in a store that is never cleared
(``lib/anchors.js``: ``titleStore``, cleared on each parse only from 7.0).
So a heading's id depends on the posts Hexo rendered before: the second post
with a ``## おまけ`` gets ``おまけ-2`` (seaoak's ``ls-color-option-default``,
after ``firefox-setup-profile``). Hexo renders the posts in the order it read
their files, which is their path order; pages after posts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..extend import Extensions

PACKAGE = "hexo-renderer-markdown-it"
STATUS = "partly"
LOSES = "markdown-it plugins without a Python port"


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    """Its Markdown is the engine's (``engine.py``); it registers no filter of its own."""


def shares_ids_across_posts(config: Any) -> bool:
    """Whether the site runs hexo-renderer-markdown-it 6 or older, as its Markdown renderer."""
    if not isinstance(config.get("markdown"), Mapping):
        return False
    package = getattr(config, "package", None)
    version = package.versions.get(PACKAGE) if package is not None else None
    return version is not None and version[0] <= 6


def renumber_ids(posts: Iterable[tuple[list[list[str]], Any]], suffix: str = "") -> dict[int, dict[str, str]]:
    """For each post (its ``[slug, id]`` pairs, in Hexo's order), the ids a site-wide title store renames.

    As ``anchors.js``: a slug seen before, in any post, is ``slug-<suffix><count>``.
    """
    store: dict[str, int] = {}
    renames: dict[int, dict[str, str]] = {}
    for number, (pairs, _content) in enumerate(posts):
        changed: dict[str, str] = {}
        for slug, given in pairs:
            if slug in store:
                store[slug] += 1
                wanted = f"{slug}-{suffix}{store[slug]}"
            else:
                store[slug] = 1
                wanted = slug
            if wanted != given:
                changed[given] = wanted
        if changed:
            renames[number] = changed
    return renames


def rename_ids(html: str, renames: Mapping[str, str]) -> str:
    """The renamed headings' ``id``, and the permalink inside each heading; the author's own links stay."""
    ids = "|".join(re.escape(old) for old in renames)
    heading = re.compile(r'<h([1-6])([^>]*?) id="(' + ids + r')"([^>]*)>(.*?)</h\1>', re.DOTALL)

    def rename(match: re.Match[str]) -> str:
        level, before, old, after, inner = match.groups()
        inner = inner.replace(f'href="#{old}"', f'href="#{renames[old]}"')
        return f'<h{level}{before} id="{renames[old]}"{after}>{inner}</h{level}>'

    return heading.sub(rename, html)

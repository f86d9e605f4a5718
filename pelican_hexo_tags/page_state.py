"""What one page's rendering has gathered so far, shared by its tags, filters and Markdown engine.

Hexo keeps this kind of thing on the post object and in plugins' closures;
here it is one typed object per page (``PostEnvironment.page_state``,
``TagContext.page_state``), so a reader of any tag or plugin module sees what
the others may have set, and the reader turns it into the article's metadata
(``reader.py``: ``hexo_bundles``, ``hexo_heading_ids``, ``hexo_looked_up``,
``hexo_files``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PageState:
    """One page's state while it renders; a new one for every page."""

    # Folders of pelican_hexo_tags/static/ the page links (highlight, katex, lazyload …).
    bundles: set[str] = field(default_factory=set)
    # (text, id) of every heading, in order: the ids old deep links point at.
    heading_ids: list[tuple[str, str]] = field(default_factory=list)
    # Files looked for outside the asset folder, and whether they were there: the content cache
    # reads the post again when one appears or goes.
    looked_up: dict[str, bool] = field(default_factory=dict)
    # Files tags read (include_code), absolute path → path under source/.
    files: dict[str, str] = field(default_factory=dict)
    # How math came out once a formula is typeset ("server" or "client"), and which KaTeX made it.
    math: str | None = None
    katex_release: str | None = None
    # The page's MathRenderer (math.py), made on first use.
    math_renderer: Any = None
    mermaid: bool = False
    # Names of the other posts' asset folders beside this post's, read on first use.
    posts_beside: set[str] | None = None
    # ``{% set %}`` variables, and whether their being off was said once for the page.
    variables: dict[str, Any] = field(default_factory=dict)
    variables_reported: bool = False
    # Inline styles a tag writes once per page (spoiler, douban), and media tags' scripts.
    styles_written: set[str] = field(default_factory=set)
    loaded_assets: set[str] = field(default_factory=set)
    # Per-page counters for tag ids (``videojs1``, ``videojs2`` …).
    counters: dict[str, int] = field(default_factory=dict)
    # What a filter set with the post model's ``setCategories``/``setTags`` (None: nothing).
    categories: list[Any] | None = None
    tags: list[str] | None = None
    # What a plugin module keeps for the page, under its npm package's name.
    plugins: dict[str, Any] = field(default_factory=dict)

    def next_id(self, key: str) -> int:
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]

    def first_time(self, style: str) -> bool:
        """True the first time ``style`` is asked for on this page, so it is written once."""
        if style in self.styles_written:
            return False
        self.styles_written.add(style)
        return True

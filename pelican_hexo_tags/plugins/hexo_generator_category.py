"""hexo-generator-category 1 and 2: a page for every category, every level of a hierarchy included.

Its ``index.js`` merges ``category_generator: {per_page}`` (the site's
``per_page``, 10 without one) under the site's; ``lib/generator.js`` hands
``hexo-pagination`` each category's posts, sorted by ``order_by``
(``-date``), at the category's ``path``. Hexo files a post under every level
of each of its hierarchies (``[Code, git]``: ``Code`` and ``Code/git``), and a
category's slug is its parent's slug, ``/``, and ``slugize`` of its
``category_map`` name with ``filename_case``. Pelican gives a post one
category, so these pages are written by ``list_pages.HexoListPagesGenerator``
with the theme's ``category.html``, from the hierarchies the reader keeps in
``hexo_categories`` (``tests/fixtures/list-pages``, from the real package).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..config import HexoConfig
from ..extend import Extensions
from ..list_pages import PostList, normal_base, per_page_of, sort_posts
from ..slug import slugize

PACKAGE = "hexo-generator-category"
STATUS = "emulated"
LOSES = ""

_LAYOUT = ("category", "archive", "index")


def register(hexo: Extensions, config: HexoConfig) -> None:
    """The package registers a generator and no filter: ``list_pages`` runs ``post_lists`` for a site loading it."""


def _transform(config: HexoConfig) -> int:
    try:
        return int(config.get("filename_case") or 0)
    except (TypeError, ValueError):
        return 0


def category_slug(config: HexoConfig, hierarchy: Sequence[str]) -> str:
    """Hexo's ``Category.slug`` for the last name of ``hierarchy`` (its parents before it)."""
    mapping = config.get("category_map")
    mapping = mapping if isinstance(mapping, dict) else {}
    transform = _transform(config)
    return "/".join(slugize(str(mapping.get(name) or name), transform=transform) for name in hierarchy)


def category_dir(config: HexoConfig) -> str:
    """``category_dir`` as the ``Category.path`` virtual reads it: ``/`` is the site's root."""
    folder = str(config.get("category_dir") or "categories")
    if folder == "/":
        return ""
    return folder if folder.endswith("/") else folder + "/"


def categories_of(posts: Sequence[Any]) -> dict[tuple[str, ...], list[Any]]:
    """Each category, as its chain of names from the top, with its posts; in the order Hexo creates them."""
    filed: dict[tuple[str, ...], list[Any]] = {}
    for post in posts:
        seen: set[tuple[str, ...]] = set()
        for hierarchy in getattr(post, "hexo_categories", None) or []:
            names = [str(name) for name in hierarchy if name not in (None, "")]
            for depth in range(1, len(names) + 1):
                chain = tuple(names[:depth])
                if chain not in seen:
                    seen.add(chain)
                    filed.setdefault(chain, []).append(post)
    return filed


def _options(config: HexoConfig) -> dict[str, Any]:
    given = config.get("category_generator")
    return given if isinstance(given, dict) else {}


def per_page(config: HexoConfig) -> int:
    """``category_generator.per_page`` after the package's ``index.js``; 0 is one page."""
    return per_page_of(_options(config).get("per_page", config.get("per_page", 10)))


def post_lists(config: HexoConfig, posts: Sequence[Any]) -> list[PostList]:
    """What ``lib/generator.js`` hands ``hexo-pagination``: one list per category with posts."""
    given = _options(config)
    size = per_page(config)
    order_by = given.get("order_by") or "-date"
    pagination_dir = str(config.get("pagination_dir") or "page")
    folder = category_dir(config)
    lists = []
    for chain, filed in categories_of(posts).items():
        slug = category_slug(config, chain)
        data = {"category": chain[-1], "category_slug": slug}
        lists.append(
            PostList(normal_base(folder + slug), sort_posts(filed, order_by), size, pagination_dir, _LAYOUT, data)
        )
    return lists

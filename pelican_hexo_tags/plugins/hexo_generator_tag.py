"""hexo-generator-tag 1 and 2: a page for every tag, at Hexo's slug.

Its ``index.js`` merges ``tag_generator: {per_page}`` (the site's
``per_page``, 10 without one) under the site's; ``lib/generator.js`` hands
``hexo-pagination`` each tag's posts at ``tag_dir/<slug>/``, the slug being
``slugize`` of its ``tag_map`` name with ``filename_case`` (case kept, CJK
kept: ``tags/FFmpeg/``), and with ``enable_index_page`` a ``tag_dir/`` page.
Pelican writes these pages itself: ``pelicanconf.py`` gives it the paths
(``TAG_SAVE_AS``, ``TAGS_SAVE_AS``) and the page size (``PAGINATED_TEMPLATES``),
and ``list_pages.use_hexo_slugs`` gives every tag this slug.
"""

from __future__ import annotations

from ..config import HexoConfig
from ..extend import Extensions
from ..list_pages import per_page_of
from ..slug import slugize

PACKAGE = "hexo-generator-tag"
STATUS = "partly"
LOSES = "`tag_generator.order_by` (tag pages list posts in Pelican's `ARTICLE_ORDER_BY`)"


def register(hexo: Extensions, config: HexoConfig) -> None:
    """The package registers a generator and no filter: Pelican's tag pages are its pages here."""


def tag_slug(config: HexoConfig, name: str) -> str:
    """Hexo's ``Tag.slug``: ``tag_map``'s name where it maps one (an empty mapping keeps the name)."""
    mapping = config.get("tag_map")
    mapping = mapping if isinstance(mapping, dict) else {}
    mapped = mapping.get(name) or name
    try:
        transform = int(config.get("filename_case") or 0)
    except (TypeError, ValueError):
        transform = 0
    return slugize(str(mapped), transform=transform)


def per_page(config: HexoConfig) -> int:
    """``tag_generator.per_page`` after the package's ``index.js``; 0 is one page."""
    given = config.get("tag_generator")
    given = given if isinstance(given, dict) else {}
    if "per_page" in given:
        return per_page_of(given["per_page"])
    site = config.get("per_page")
    return 10 if site is None else per_page_of(site)

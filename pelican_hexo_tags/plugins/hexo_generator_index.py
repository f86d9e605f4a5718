"""hexo-generator-index 2, 3 and 4: the home page, paginated.

Its ``index.js`` merges ``index_generator: {per_page, order_by: -date}`` (the
site's ``per_page``, 10 without one) under the site's; ``lib/generator.js``
sorts the posts by ``order_by``, then ``sticky`` first, and hands
``hexo-pagination`` the list at ``index_generator.path`` with pages at
``<pagination_dir>/N/`` (4 reads ``index_generator.pagination_dir`` first).
Pelican writes these pages itself: ``pelicanconf.py`` gives it the path
(``INDEX_SAVE_AS``) and page size (``PAGINATED_TEMPLATES``), and
``integration.pin_top_articles`` puts pinned posts first.
"""

from __future__ import annotations

from ..config import HexoConfig
from ..extend import Extensions
from ..list_pages import normal_base, per_page_of

PACKAGE = "hexo-generator-index"
STATUS = "partly"
LOSES = (
    "`order_by` other than `-date` and an `index_generator.pagination_dir` other than the site's"
    " (Pelican pages the index with `ARTICLE_ORDER_BY` and the site's `PAGINATION_PATTERNS`)"
)


def register(hexo: Extensions, config: HexoConfig) -> None:
    """The package registers a generator and no filter: Pelican's index is its page here."""


def _options(config: HexoConfig) -> dict:
    given = config.get("index_generator")
    return given if isinstance(given, dict) else {}


def per_page(config: HexoConfig) -> int:
    """``index_generator.per_page`` after the package's ``index.js``; 0 is one page."""
    return per_page_of(_options(config).get("per_page", config.get("per_page", 10)))


def index_path(config: HexoConfig) -> str:
    """Where the first page goes: ``index_generator.path`` (``""``, the root)."""
    return normal_base(str(_options(config).get("path") or "")) + "index.html"

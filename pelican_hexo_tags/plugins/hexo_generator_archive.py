"""hexo-generator-archive 1 and 2: the archive, and yearly, monthly and daily archives, paginated.

Its ``index.js`` merges ``archive_generator: {per_page, yearly: true,
monthly: true, daily: false}`` under the site's (``per_page`` is the site's
``per_page``, 10 without one, 0 with ``archive: 1``; ``enabled: false`` turns
the package off), and ``lib/generator.js`` hands ``hexo-pagination`` the posts
of ``archive_dir/``, ``archive_dir/YYYY/``, ``archive_dir/YYYY/MM/`` and
``archive_dir/YYYY/MM/DD/``, sorted by ``order_by`` (``-date``), with pages at
``<pagination_dir>/N/``. Days come with ``daily`` even when ``monthly`` is
off, as there. Pelican cannot paginate a period archive, so these pages are
written by ``list_pages.HexoListPagesGenerator`` with the theme's
``archives.html`` and ``period_archives.html``
(``tests/fixtures/list-pages``, from the real package).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..config import HexoConfig
from ..extend import Extensions
from ..list_pages import PostList, normal_base, per_page_of, sort_posts

PACKAGE = "hexo-generator-archive"
STATUS = "emulated"
LOSES = ""

_LAYOUT = ("archive", "index")


def settings(config: HexoConfig) -> dict[str, Any] | None:
    """``config.archive_generator`` after the package's ``index.js``; None when the site turned it off."""
    given = config.get("archive_generator")
    given = given if isinstance(given, dict) else {}
    if given.get("enabled") is False:
        return None
    if config.get("archive") == 1:
        per_page: Any = 0
    else:
        # Hexo's own defaults give every site a per_page (10); a `per_page:` left empty is null.
        per_page = config.get("per_page", 10)
    return {"per_page": per_page, "yearly": True, "monthly": True, "daily": False, **given}


def register(hexo: Extensions, config: HexoConfig) -> None:
    """The package registers a generator and no filter: ``list_pages`` runs ``post_lists`` for a site loading it."""


def post_lists(config: HexoConfig, posts: Sequence[Any]) -> list[PostList]:
    """What ``lib/generator.js`` hands ``hexo-pagination``, in its order."""
    options = settings(config)
    if options is None or not posts:
        return []
    ordered = sort_posts(posts, options.get("order_by") or "-date")
    per_page = per_page_of(options.get("per_page"))
    pagination_dir = str(config.get("pagination_dir") or "page")
    archive_dir = str(config.get("archive_dir") or "archives")
    archive_dir = archive_dir if archive_dir.endswith("/") else archive_dir + "/"

    def listed(base: str, chosen: list[Any], **data: int) -> PostList:
        return PostList(normal_base(base), chosen, per_page, pagination_dir, _LAYOUT, {"archive": True, **data})

    lists = [listed(archive_dir, ordered)]
    if not options.get("yearly"):
        return lists
    # Years in the order JavaScript gives an object's integer keys: ascending.
    by_year: dict[int, list[Any]] = {}
    by_month: dict[int, dict[int, list[Any]]] = {}
    for post in ordered:
        by_year.setdefault(post.date.year, []).append(post)
        by_month.setdefault(post.date.year, {}).setdefault(post.date.month, []).append(post)
    monthly, daily = bool(options.get("monthly")), bool(options.get("daily"))
    for year in sorted(by_year):
        months = by_month[year]
        year_base = f"{archive_dir}{year}/"
        lists.append(listed(year_base, by_year[year], year=year))
        if not monthly and not daily:
            continue
        for month in sorted(months):
            month_base = f"{year_base}{month:02d}/"
            if monthly:
                lists.append(listed(month_base, months[month], year=year, month=month))
            if not daily:
                continue
            days: dict[int, list[Any]] = {}
            for post in months[month]:
                days.setdefault(post.date.day, []).append(post)
            for day in sorted(days):
                lists.append(listed(f"{month_base}{day:02d}/", days[day], year=year, month=month, day=day))
    return lists

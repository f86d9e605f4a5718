"""Hexo's list pages at Hexo's own paths: archives, categories, and the slugs of every tag and category.

Pelican writes the index and the tag pages itself (``pelicanconf.py`` gives it
Hexo's paths and page sizes). What its settings cannot say is written here,
from the site's own generator packages (``plugins/hexo_generator_*.py``, each
the port of its ``lib/generator.js``): paginated yearly, monthly and daily
archives, and a page for every level of every category hierarchy, where Pelican
gives a post one category. Each page is rendered with the theme's own template
(``archives``, ``period_archives``, ``category``) and handed a Pelican
paginator, so the theme's pagination links work; ``articles`` and ``dates``
are the page's own posts, as Hexo's ``page.posts`` is, so writing every page
stays linear in the posts. These pages override Pelican's at the same path.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pelican import signals
from pelican.generators import Generator, PelicanTemplateNotFound
from pelican.paginator import PaginationRule, Paginator

from .config import HexoConfig, hexo_config_from_settings
from .plugins import plugin_module, site_packages

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PostList:
    """One call of ``hexo-pagination``: the posts of a list, and where its pages go.

    ``base`` is Hexo's route without its leading slash (``archives/2018/``, ``""`` for the root).
    """

    base: str
    posts: Sequence[Any]
    per_page: int
    pagination_dir: str
    layout: tuple[str, ...]
    data: Mapping[str, Any] = field(default_factory=dict)

    def paths(self) -> list[str]:
        """The files Hexo writes for this list: ``base/index.html``, then ``base/<dir>/N/index.html``."""
        return [route + "index.html" for route in self.routes()]

    def routes(self) -> list[str]:
        total = -(-len(self.posts) // self.per_page) if self.per_page else 1
        return [self.base, *(f"{self.base}{self.pagination_dir}/{number}/" for number in range(2, total + 1))]


def normal_base(path: str) -> str:
    """hexo-pagination's ``base``: a trailing ``/`` added to a non-empty one; Hexo's routes drop a leading one."""
    path = str(path or "").lstrip("/")
    return path if not path or path.endswith("/") else path + "/"


def per_page_of(value: Any) -> int:
    """A ``per_page`` as hexo-pagination reads it (``perPage ? ... : 1``): null, 0 or unreadable is 0, one page."""
    if value is None:
        return 0
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return 0


def _sort_value(post: Any, key: str) -> Any:
    if key == "date":
        return post.date
    if key == "updated":
        return getattr(post, "modified", None) or post.date
    value = getattr(post, key, None)
    return "" if value is None else value


def order_keys(order_by: Any) -> list[str]:
    """warehouse's sort keys: ``'-date title'``, ``['-date', 'title']`` or ``{date: -1, title: 1}``."""
    if isinstance(order_by, Mapping):
        return [
            ("-" if str(direction) in ("-1", "desc", "descending") else "") + str(name)
            for name, direction in order_by.items()
        ]
    if isinstance(order_by, (list, tuple)):
        return [str(key) for key in order_by]
    return str(order_by or "").split()


def sort_posts(posts: Sequence[Any], order_by: Any) -> list[Any]:
    """warehouse's ``Query.sort('-date title')``: keys in turn, ``-`` for descending, stable."""
    keys = order_keys(order_by)
    ordered = list(posts)
    # Stable sorts from the last key to the first give the first key priority, as a compound compare does.
    for key in reversed(keys or ["-date"]):
        descending = key.startswith("-")
        name = key.lstrip("-+")
        try:
            ordered.sort(key=functools.partial(_sort_value, key=name), reverse=descending)
        except TypeError:
            ordered.sort(key=lambda post, name=name: str(_sort_value(post, name)), reverse=descending)
    return ordered


def listed_posts(context: Mapping[str, Any]) -> list[Any]:
    """Hexo's ``locals.posts`` as the generators see them: the published, listed posts (not hidden ones)."""
    return list(context.get("articles") or [])


def post_lists(config: HexoConfig, posts: Sequence[Any]) -> list[PostList]:
    """Every list the site's generator packages make here, in package.json order."""
    lists: list[PostList] = []
    for package in site_packages(config):
        module = plugin_module(package)
        generate: Callable[[HexoConfig, Sequence[Any]], list[PostList]] | None = getattr(module, "post_lists", None)
        if generate is not None:
            lists += generate(config, posts)
    return lists


def _paginator(post_list: PostList, settings: Mapping[str, Any]) -> Paginator:
    # Pelican's Page builds its url/save_as from PAGINATION_PATTERNS; these give the list's own Hexo routes.
    page_settings = dict(settings)
    page_settings["DEFAULT_ORPHANS"] = 0
    page_settings["PAGINATION_PATTERNS"] = [
        PaginationRule(1, "{url}", "{save_as}"),
        PaginationRule(
            2,
            f"{{base_name}}/{post_list.pagination_dir}/{{number}}/",
            f"{{base_name}}/{post_list.pagination_dir}/{{number}}/index.html",
        ),
    ]
    return Paginator(
        post_list.base + "index.html", post_list.base, list(post_list.posts), page_settings, post_list.per_page
    )


def _template_names(post_list: PostList) -> list[str]:
    """The Pelican templates for the list's Hexo layouts, in Hexo's order of trying them.

    Hexo renders with the first layout the theme has (``['category', 'archive', 'index']``); a
    period archive is Pelican's ``period_archives``, which Pelican itself falls back from to ``archives``.
    """
    names: list[str] = []
    for layout in post_list.layout or ("archive", "index"):
        if layout == "archive":
            names += ["period_archives", "archives"] if "year" in post_list.data else ["archives"]
        elif layout in ("category", "tag", "index"):
            names.append(layout)
    return list(dict.fromkeys(names)) or ["index"]


def _period(data: Mapping[str, Any]) -> tuple[tuple[Any, ...], tuple[int, ...]]:
    import calendar

    numbers = tuple(int(data[key]) for key in ("year", "month", "day") if key in data)
    shown: list[Any] = list(numbers)
    if len(numbers) > 1:
        shown[1] = calendar.month_name[numbers[1]]
    return tuple(shown), numbers


class HexoListPagesGenerator(Generator):
    """Writes the archive and category pages of the site's own generator packages, at Hexo's paths."""

    def generate_context(self) -> None:
        self.config = hexo_config_from_settings(self.settings)

    def generate_output(self, writer: Any) -> None:
        config = getattr(self, "config", None) or hexo_config_from_settings(self.settings)
        lists = post_lists(config, listed_posts(self.context))
        if not lists:
            return
        write = functools.partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        categories = {category.slug: category for category, _ in self.context.get("categories") or []}
        for post_list in lists:
            self._write_list(write, post_list, categories)

    def _template(self, names: Sequence[str]) -> tuple[str, Any]:
        for name in names[:-1]:
            try:
                return name, self.get_template(name)
            except PelicanTemplateNotFound:
                continue
        return names[-1], self.get_template(names[-1])

    def _write_list(self, write: Callable[..., None], post_list: PostList, categories: Mapping[str, Any]) -> None:
        template_name, template = self._template(_template_names(post_list))
        paginator = _paginator(post_list, self.settings)
        extra: dict[str, Any] = {}
        if "year" in post_list.data:
            extra["period"], extra["period_num"] = _period(post_list.data)
        if "category" in post_list.data:
            extra["category"] = _category_object(post_list, categories, self.settings)
        pages = [paginator.page(number) for number in range(1, paginator.num_pages + 1)]
        for index, page in enumerate(pages):
            neighbours = {
                "articles_page": page,
                "articles_paginator": paginator,
                "articles_previous_page": pages[index - 1] if index else None,
                "articles_next_page": pages[index + 1] if index + 1 < len(pages) else None,
            }
            neighbours.update({key.replace("articles_", "dates_", 1): value for key, value in neighbours.items()})
            write(
                page.save_as,
                template,
                self.context,
                paginated={},
                template_name=template_name,
                override_output=True,
                url=page.url,
                page_name=os.path.splitext(page.save_as)[0],
                blog=True,
                articles=page.object_list,
                dates=page.object_list,
                all_articles=self.context.get("articles") or [],
                **neighbours,
                **extra,
            )


def _category_object(post_list: PostList, categories: Mapping[str, Any], settings: Mapping[str, Any]) -> Any:
    """The Pelican category a theme's ``category.html`` shows: Pelican's own where it has it, else a new one."""
    from pelican.urlwrappers import Category

    slug = str(post_list.data.get("category_slug") or "")
    if slug in categories:
        return categories[slug]
    category = Category(str(post_list.data["category"]), settings)
    category.slug = slug
    return category


def use_hexo_slugs(generator: Any) -> None:
    """Each tag and category of every post slugged as Hexo slugs it (``tag_map``, ``category_map``, ``filename_case``).

    At ``article_generator_pretaxonomy``, before Pelican files posts under their tags and
    categories: a URLWrapper hashes by its slug, so the slug must not change afterwards.
    """
    config = hexo_config_from_settings(generator.settings)
    from .plugins.hexo_generator_category import category_slug
    from .plugins.hexo_generator_tag import tag_slug

    contents = [
        *generator.articles,
        *generator.translations,
        *getattr(generator, "drafts", []),
        *getattr(generator, "hidden_articles", []),
    ]
    # By name, once: a blog's few hundred tags are on thousands of posts, and slugging one is a regex pass.
    tag_slugs: dict[str, str] = {}
    category_slugs: dict[str, str] = {}
    for content in contents:
        for tag in getattr(content, "tags", None) or []:
            slug = tag_slugs.get(tag.name)
            if slug is None:
                slug = tag_slugs[tag.name] = tag_slug(config, tag.name)
            tag.slug = slug
        category = getattr(content, "category", None)
        if category is not None and hasattr(category, "name"):
            slug = category_slugs.get(category.name)
            if slug is None:
                slug = category_slugs[category.name] = category_slug(config, [category.name])
            category.slug = slug


def add_list_pages_generator(pelican: Any) -> type[Generator]:
    """``get_generators``: this module's generator; Hexo's slugs are given to every tag and category before it runs."""
    signals.article_generator_pretaxonomy.connect(use_hexo_slugs)
    return HexoListPagesGenerator

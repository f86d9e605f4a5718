"""Hexo front matter to Pelican metadata.

Every key the post has is kept with its YAML type (``reward: false`` stays
``False``, ``top: 3`` stays ``3``) so templates can use ``article.reward``;
the keys Pelican understands are translated to its names and types.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from .config import HexoConfig, theme_name
from .dates import InvalidDate, get_timezone, localize, parse_hexo_date
from .permalink import build_permalink, filename_date, filename_extra_fields, parse_post_filename, save_as_for
from .plugins import hexo_hide_posts
from .slug import slugize

URL_SAFE = "/:@!$&'()*+,;=-._~"

# The template of a page or post Hexo writes with no layout: the rendered body alone (templates/hexo_raw.html).
RAW_TEMPLATE = "hexo_raw"

# Keys that name Pelican attributes with other meanings; kept under ``hexo_<key>``.
_RESERVED = frozenset({"url", "save_as", "slug", "status", "template", "summary", "category", "content"})


@dataclass
class PostInfo:
    """A post's Hexo identity: its slug, dates, URL and asset folder, and its metadata."""

    metadata: dict[str, Any]
    slug: str
    path: str
    asset_url: str
    asset_prefix: str
    # (line, message, kind): "front-matter" for what had to be skipped,
    # "fallback" for what was filled in (no title, no date).
    problems: list[tuple[int, str, str]] = field(default_factory=list)


def _as_list(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _names(values: list[Any]) -> list[str]:
    return [str(v) for v in values if v is not None and str(v) != ""]


def set_categories(metadata: dict[str, Any], data: Mapping[str, Any], config: Mapping[str, Any]) -> None:
    """``hexo_categories`` (every hierarchy) and Pelican's one ``category`` from Hexo's categories in ``data``."""
    hierarchies = category_hierarchies(data)
    metadata["hexo_categories"] = hierarchies
    metadata["category"] = hierarchies[0][0] if hierarchies else str(config.get("default_category") or "")
    metadata.pop("categories", None)
    if not metadata["category"]:
        del metadata["category"]


def category_hierarchies(data: Mapping[str, Any]) -> list[list[str]]:
    """Hexo's categories: a flat list is one hierarchy, a list holding lists is siblings."""
    raw = data.get("categories")
    if raw is None or raw == "":
        raw = data.get("category")
    values = _as_list(raw)
    if any(isinstance(v, (list, tuple)) for v in values):
        return [h for h in (_names(_as_list(v)) for v in values) if h]
    flat = _names(values)
    return [flat] if flat else []


def _pinned(value: Any) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return int(value)
    return 0


def _timezone(config: HexoConfig, settings: Mapping[str, Any]) -> dt.tzinfo | None:
    return get_timezone(config.get("timezone")) or get_timezone(settings.get("TIMEZONE"))


def _date_field(
    data: Mapping[str, Any], key: str, line_of_key: Mapping[str, int], problems: list[tuple[int, str, str]]
) -> dt.datetime | None:
    if data.get(key) in (None, ""):
        return None
    try:
        return parse_hexo_date(data[key])
    except InvalidDate as error:
        problems.append((line_of_key.get(key, 1), f"invalid {key}: {error}", "front-matter"))
        return None


def has_no_layout(data: Mapping[str, Any], is_page: bool) -> bool:
    """Hexo's page and post generators: a falsy ``layout`` or ``'false'`` (``'off'`` too, for a page) is no layout.

    A missing or empty (``layout:``, null) one takes the model's default, ``page`` or ``post``
    (hexo-oracle on Hexo 8.1.2: ``layout: ""`` is none, ``layout: off`` is none on a page only).
    """
    if "layout" not in data or data["layout"] is None:
        return False
    layout = data["layout"]
    return not layout or layout == "false" or (is_page and layout == "off")


def written_without_layout(context: Mapping[str, Any]) -> bool:
    """Whether a page Pelican wrote (``content_written``'s context) is a body with no layout.

    Hexo sets such a route as it is: no injector and no ``after_render:html`` filter touches it.
    """
    content = context.get("article") or context.get("page")
    return getattr(content, "template", None) == RAW_TEMPLATE


def _fluid_hides(config: HexoConfig, front_matter: Mapping[str, Any]) -> bool:
    """Fluid's ``hide:``: its ``before_generate`` filter takes a post with a truthy ``hide`` off every list."""
    return theme_name(config.get("theme")) == "fluid" and hexo_hide_posts.js_truthy(front_matter.get("hide"))


def build_post_info(
    data: Mapping[str, Any],
    *,
    relative_path: str,
    source_path: str,
    config: HexoConfig,
    settings: Mapping[str, Any],
    line_of_key: Mapping[str, int] | None = None,
    is_page: bool = False,
    is_draft: bool = False,
) -> PostInfo:
    """Map front matter ``data`` of the post at ``relative_path`` (under ``_posts``)."""
    line_of_key = line_of_key or {}
    problems: list[tuple[int, str, str]] = []
    fields = parse_post_filename(str(config.get("new_post_name") or ":title.md"), relative_path)
    merged: dict[str, Any] = dict(data)
    # Hexo copies file-name fields such as :category onto the post, over the front matter.
    merged.update(filename_extra_fields(fields))
    slug = fields["title"]
    zone = _timezone(config, settings)
    metadata: dict[str, Any] = {}

    for key, value in merged.items():
        key = str(key).lower()
        metadata[f"hexo_{key}" if key in _RESERVED else key] = value

    title = merged.get("title")
    if title is None or str(title).strip() == "":
        title = os.path.splitext(os.path.basename(relative_path))[0]
        # Hexo gives a page with no title an empty one, and themes show the site's name; a post
        # with none is listed as untitled, which an author wants to hear about.
        if not is_page:
            problems.append((1, f"no title in front matter; using the file name {title!r}", "fallback"))
    metadata["title"] = str(title)

    date = _date_field(merged, "date", line_of_key, problems) or filename_date(fields)
    if date is None:
        mtime = dt.datetime.fromtimestamp(os.path.getmtime(source_path), zone or dt.timezone.utc)
        date = mtime.replace(tzinfo=None)
        # A Hexo page or draft needs no date; a post without one is worth a word.
        if "date" not in merged and not (is_page or is_draft):
            problems.append((1, "no date in front matter or file name; using the file's modification time", "fallback"))
    metadata["date"] = localize(date, zone)

    updated = _date_field(merged, "updated", line_of_key, problems)
    option = str(config.get("updated_option") or "mtime")
    if updated is not None:
        metadata["modified"] = localize(updated, zone)
    elif option == "date":
        metadata["modified"] = metadata["date"]
    elif option == "mtime":
        mtime = dt.datetime.fromtimestamp(os.path.getmtime(source_path), zone or dt.timezone.utc)
        metadata["modified"] = mtime if zone else mtime.replace(tzinfo=None)
    metadata.pop("updated", None)

    tags = _names(_as_list(merged.get("tags") if merged.get("tags") not in (None, "") else merged.get("tag")))
    metadata["tags"] = tags
    set_categories(metadata, merged, config)
    hierarchies = metadata["hexo_categories"]

    authors = _names(_as_list(merged.get("authors")))
    author = merged.get("author")
    metadata.pop("authors", None)
    metadata.pop("author", None)
    if authors:
        metadata["authors"] = authors
    elif author not in (None, "", []):
        metadata["authors"] = _names(_as_list(author))

    if merged.get("published") is False:
        metadata["status"] = "draft"
    elif _fluid_hides(config, merged) or hexo_hide_posts.hides(config, merged):
        # Unlisted: written at its URL, on no list. Only what the site's Hexo read says so: with
        # neither Fluid nor hexo-hide-posts, Hexo lists a post whatever `hide:`/`hidden:` it has.
        metadata["status"] = "hidden"
    if str(merged.get("layout") or "").lower() == "page":
        metadata["hexo_layout"] = "page"
    if has_no_layout(merged, is_page):
        metadata["template"] = RAW_TEMPLATE

    for pin_key in ("top", "sticky"):
        if pin_key in merged:
            metadata["hexo_pinned"] = max(metadata.get("hexo_pinned", 0), _pinned(merged[pin_key]))

    excerpt = merged.get("excerpt") or merged.get("description")
    if excerpt:
        metadata["summary"] = str(excerpt)

    last_category = hierarchies[-1] if hierarchies else [str(config.get("default_category") or "")]
    category_slug = "/".join(slugize(name, transform=int(config.get("filename_case") or 0)) for name in last_category)
    if is_page and merged.get("permalink"):
        # Hexo's asset processor: a page's permalink: is its path, index.html added as the router does.
        path = str(merged["permalink"]).lstrip("/")
        path += "index" if path.endswith("/") or not path else ""
        path += "" if os.path.splitext(path)[1] else ".html"
    elif is_page:
        path = os.path.splitext(relative_path)[0] + ".html"
    elif merged.get("permalink"):
        path = str(merged["permalink"]).lstrip("/")
        if config.post_asset_folder and not (path.endswith("/") or path.endswith(".html")):
            path += "/"
    else:
        path = build_permalink(
            str(config.get("permalink") or ""),
            slug=slug,
            date=date,
            title=metadata["title"],
            category_slug=category_slug,
            metadata=merged,
            defaults=config.get("permalink_defaults") or {},
            asset_folder=config.post_asset_folder,
        )
    metadata["hexo_slug"] = slug
    metadata["slug"] = slug
    metadata["hexo_path"] = path
    # Hrefs need the path percent-encoded (spaces, `?`, `#`, CJK); the file keeps it raw.
    metadata["url"] = quote(path.removesuffix("index.html"), safe=URL_SAFE)
    metadata["save_as"] = save_as_for(path)
    # A Hexo page's files sit beside it and are published beside it.
    asset_dir = os.path.dirname(path) if is_page else path.removesuffix(".html")
    asset_dir = asset_dir.rstrip("/") + "/" if asset_dir else ""
    asset_url = config.root + quote(asset_dir, safe=URL_SAFE)
    metadata["hexo_asset_url"] = asset_url
    # Hexo publishes a post's asset folder only with post_asset_folder; a page's
    # folder (``about/index.md`` beside ``about/photo.jpg``) always.
    is_index_page = is_page and os.path.splitext(os.path.basename(relative_path))[0] == "index"
    if (config.post_asset_folder and not is_page) or is_index_page:
        metadata["hexo_asset_path"] = asset_dir
    if is_page:
        metadata["hexo_is_page"] = True
    return PostInfo(metadata, slug, path, asset_url, os.path.basename(slug), problems)

"""Hexo permalinks: a post's slug from its file name, and its URL from the rule.

Old links only keep working if ``:title`` is exactly what Hexo made of the
file path (case, spaces, CJK and sub-folders kept) and every placeholder is
filled as Hexo fills it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from typing import Any

from .slug import slugize

_PARAM = re.compile(r":(\w*[^_\W])")
_FILENAME_SEGMENTS = {
    "year": r"(\d{4})",
    "month": r"(\d{2})",
    "day": r"(\d{2})",
    "i_month": r"(\d{1,2})",
    "i_day": r"(\d{1,2})",
    "hash": r"([0-9a-f]{12})",
}
# Keys of the file-name match that are not copied onto the post.
_FILENAME_ONLY_KEYS = frozenset({"title", "year", "month", "day", "i_month", "i_day", "hash"})


def _strip_ext(path: str) -> str:
    base = path.rsplit("/", 1)[-1]
    return path[: len(path) - len(base)] + base.rsplit(".", 1)[0] if "." in base else path


def parse_post_filename(new_post_name: str, relative_path: str) -> dict[str, str]:
    """Match a path under ``_posts/`` against ``new_post_name`` as Hexo does.

    Returns the captured fields; ``title`` is always present and is the slug.
    """
    rule = _strip_ext(new_post_name or ":title.md")
    path = _strip_ext(relative_path)
    names: list[str] = []

    def segment(match: re.Match[str]) -> str:
        names.append(match.group(1))
        return _FILENAME_SEGMENTS.get(match.group(1), "(.+?)")

    pattern = _PARAM.sub(segment, re.escape(rule).replace("\\:", ":"))
    match = re.match(f"^{pattern}$", path)
    if not match:
        return {"title": slugize(path)}
    fields = dict(zip(names, match.groups(), strict=True))
    if "title" not in fields:
        fields["title"] = slugize(path)
    return fields


def filename_date(fields: Mapping[str, str]) -> dt.datetime | None:
    """The date a file name like ``2023-2-7-title.md`` gives, if it gives one."""
    year = fields.get("year")
    month = fields.get("month") or fields.get("i_month")
    day = fields.get("day") or fields.get("i_day")
    if not (year and month and day):
        return None
    try:
        return dt.datetime(int(year), int(month), int(day))
    except ValueError:
        return None


def filename_extra_fields(fields: Mapping[str, str]) -> dict[str, str]:
    """File-name fields Hexo copies onto the post (``:category`` and the like)."""
    return {k: v for k, v in fields.items() if k not in _FILENAME_ONLY_KEYS}


def post_hash(slug: str, date: dt.datetime) -> str:
    """Hexo's ``:hash``: sha1 of the slug and the unix time, 12 hex digits."""
    timestamp = int(date.timestamp()) if date.tzinfo else int(date.replace(tzinfo=dt.timezone.utc).timestamp())
    return hashlib.sha1(f"{slug}{timestamp}".encode()).hexdigest()[:12]  # noqa: S324 - Hexo's choice


def build_permalink(
    rule: str,
    *,
    slug: str,
    date: dt.datetime,
    title: str,
    category_slug: str,
    metadata: Mapping[str, Any],
    defaults: Mapping[str, Any] | None = None,
    asset_folder: bool = False,
) -> str:
    """Fill a Hexo ``permalink`` rule for one post; returns a path without a leading slash."""
    values: dict[str, Any] = {
        "year": f"{date.year:04d}",
        "month": f"{date.month:02d}",
        "day": f"{date.day:02d}",
        "i_month": str(date.month),
        "i_day": str(date.day),
        "hour": f"{date.hour:02d}",
        "minute": f"{date.minute:02d}",
        "second": f"{date.second:02d}",
        "timestamp": str(int(date.timestamp()))
        if date.tzinfo
        else str(int(date.replace(tzinfo=dt.timezone.utc).timestamp())),
        "title": slug,
        "name": slug.rsplit("/", 1)[-1],
        "post_title": slugize(title, transform=1),
        "hash": post_hash(slug, date),
        "category": category_slug,
    }

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in values:
            return values[name]
        for source in (metadata, defaults or {}):
            if source.get(name) is not None:
                return str(source[name])
        if name == "id":
            # Hexo falls back to its database id, which changes every build.
            return values["hash"]
        return "undefined"

    path = _PARAM.sub(fill, rule or ":year/:month/:day/:title/").lstrip("/")
    if asset_folder and not (path.endswith("/") or path.endswith(".html")):
        path += "/"
    return path


def save_as_for(path: str) -> str:
    """The output file for a Hexo path: ``a/b/`` is ``a/b/index.html``."""
    return path + "index.html" if path.endswith("/") or not path else path

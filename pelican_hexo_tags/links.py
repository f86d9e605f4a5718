"""``post_link`` / ``post_path``: resolved once every post has been read.

A post may link to one read after it, and the reader must stay a pure
function of one file (Pelican caches what it returns), so the tags leave a
marker (``tags.builtin.POST_LINK_MARKER``) and :func:`resolve_post_links`,
run when all generators are done, replaces every marker in every content
object's HTML and summary, as Hexo's ``Post.findOne({slug}) ||
Post.findOne({title})`` would.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import Any
from urllib.parse import quote, unquote

from .config import hexo_config_from_settings
from .html import escape_html
from .metadata import URL_SAFE
from .pipeline import CROSS_POST_ASSET_PREFIX, CROSS_POST_ASSET_RE
from .reader import report_problems
from .tags.builtin import POST_LINK_RE, url_for

# The site context's map of each published post's asset folder (absolute path) to its URL path.
ASSET_OWNERS = "hexo_asset_owners"

# Every list a Pelican generator keeps content objects in.
_CONTENT_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
    "pages",
    "hidden_pages",
    "hidden_translations",
    "draft_pages",
    "draft_translations",
)


def all_contents(generators: Iterable[Any]) -> list[Any]:
    """Every content object the generators hold, each once."""
    seen: dict[int, Any] = {}
    for generator in generators:
        for name in _CONTENT_LISTS:
            for content in getattr(generator, name, None) or ():
                seen.setdefault(id(content), content)
    return list(seen.values())


class PostIndex:
    """Every post, page and draft by its Hexo slug and by its title (first one read wins, as in Hexo)."""

    def __init__(self, contents: Iterable[Any]) -> None:
        self.by_slug: dict[str, Any] = {}
        self.by_title: dict[str, Any] = {}
        for content in contents:
            slug = getattr(content, "hexo_slug", None)
            if slug:
                self.by_slug.setdefault(str(slug), content)
            title = content.metadata.get("title")
            if title:
                self.by_title.setdefault(str(title), content)

    def find(self, key: str) -> Any | None:
        return self.by_slug.get(key) or self.by_title.get(key)


def _title_of(content: Any) -> str:
    return str(content.metadata.get("title") or getattr(content, "hexo_slug", "") or "")


def _render(payload: dict[str, Any], index: PostIndex, config: Any, problems: list[tuple[int, str, str]]) -> str:
    target = index.find(payload["slug"])
    if target is None:
        what = "post_link" if payload["kind"] == "link" else "post_path"
        problems.append((payload["line"], f"{{% {what} %}}: no post with the slug or title {payload['slug']!r}", "tag"))
        if payload["kind"] == "path":
            return ""
        return f'<code class="hexo-tag-unrendered">{escape_html(payload["source"])}</code>'
    href = url_for(config, str(target.url) + payload["hash"])
    if payload["kind"] == "path":
        return href
    post_title = _title_of(target)
    text = payload["title"] if payload["title"] is not None else post_title
    if payload["escape"]:
        text = escape_html(text)
    return f'<a href="{href}" title="{escape_html(post_title)}">{text}</a>'


def _replace(html: str, index: PostIndex, config: Any, problems: list[tuple[int, str, str]]) -> str:
    def fill(match: re.Match[str]) -> str:
        try:
            payload = json.loads(unquote(match.group(1)))
        except ValueError:
            return match.group(0)
        return _render(payload, index, config, problems)

    return POST_LINK_RE.sub(fill, html)


def _rewrite_html(content: Any, body: Callable[[str], str], summary: Callable[[str], str]) -> None:
    """Rewrite a content object's HTML wherever it is kept: the body, the summary, and Hexo's post.content."""
    content._content = body(content._content)
    # The HTML before after_render:html filters, kept for feeds and search indexes (pipeline.RenderedPost).
    for key, rewrite in (("hexo_post_content", body), ("hexo_post_excerpt", summary)):
        if isinstance(content.metadata.get(key), str):
            content.metadata[key] = rewrite(content.metadata[key])
    own_summary = content.metadata.get("summary")
    if isinstance(own_summary, str):
        content.metadata["summary"] = summary(own_summary)
        if hasattr(content, "_summary"):
            content._summary = content.metadata["summary"]
    # Pelican memoises get_content/get_summary per object; they may have run already.
    for method in (type(content).get_content, type(content).get_summary):
        cache = getattr(method, "cache", None)
        if cache:
            for key in [k for k in cache if k and k[0] is content]:
                del cache[key]


def resolve_post_links(generators: list[Any]) -> None:
    """Replace every post_link/post_path marker now that all content is known."""
    contents = all_contents(generators)
    pending = [c for c in contents if "<!--hexo-post-link:" in (getattr(c, "_content", "") or "")]
    if not pending:
        return
    settings = generators[0].settings
    config = hexo_config_from_settings(settings)
    strict = bool(settings.get("HEXO_STRICT"))
    index = PostIndex(contents)
    for content in pending:
        problems: list[tuple[int, str, str]] = []
        _rewrite_html(
            content,
            lambda html: _replace(html, index, config, problems),  # noqa: B023 - called right here
            # The summary's own markers repeat the body's; report those once.
            lambda html: _replace(html, index, config, []),
        )
        if problems:
            report_problems(content.source_path, {"hexo_problems": problems}, strict)


def share_heading_ids_across_posts(generators: list[Any]) -> None:
    """hexo-renderer-markdown-it 6 numbers heading ids across the whole site (plugins/hexo_renderer_markdown_it)."""
    from .plugins.hexo_renderer_markdown_it import rename_ids, renumber_ids, shares_ids_across_posts

    if not generators:
        return
    config = hexo_config_from_settings(generators[0].settings)
    if not shares_ids_across_posts(config):
        return
    contents = [c for c in all_contents(generators) if c.metadata.get("hexo_heading_ids")]
    # Hexo renders posts in the order it read them (path order), then pages.
    contents.sort(key=lambda c: ("_posts" not in os.path.normpath(c.source_path).split(os.sep), c.source_path))
    anchors = config["markdown"].get("anchors")
    suffix = str(anchors.get("collisionSuffix") or "") if isinstance(anchors, Mapping) else ""
    renames = renumber_ids(((c.metadata["hexo_heading_ids"], c) for c in contents), suffix)
    for number, changed in renames.items():
        _rewrite_html(contents[number], lambda html: rename_ids(html, changed), lambda html: rename_ids(html, changed))  # noqa: B023


def _asset_url_filler(posts_folder: str, owners: dict[str, str], root: str) -> Any:
    def fill(match: re.Match[str]) -> str:
        src = match.group(1)
        name, _, rest = src.partition("/")
        asset_path = owners.get(os.path.join(posts_folder, unquote(name)))
        if asset_path is None:
            # That post is not published (a draft, say): where Hexo's root-relative path points.
            return root + src
        return root + quote(asset_path, safe=URL_SAFE) + rest

    return fill


def resolve_cross_post_assets(generators: list[Any]) -> None:
    """Point ``![](OTHER/x.png)`` at the published asset of the post OTHER, beside the citing post."""
    contents = [c for c in all_contents(generators) if CROSS_POST_ASSET_PREFIX in (getattr(c, "_content", "") or "")]
    if not contents:
        return
    owners = generators[0].context.get(ASSET_OWNERS) or {}
    root = hexo_config_from_settings(generators[0].settings).root
    for content in contents:
        fill = _asset_url_filler(os.path.dirname(content.source_path), owners, root)
        point = partial(CROSS_POST_ASSET_RE.sub, fill)
        _rewrite_html(content, point, point)

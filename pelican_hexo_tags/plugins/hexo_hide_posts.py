"""hexo-hide-posts 0.4.3: a post with ``hidden: true`` is built at its URL and left off every list.

Its ``index.js`` merges ``hide_posts: {enable: true, filter: hidden, noindex:
true, html_flag: '<!-- flag of hidden posts -->', allowlist_generators: [],
blocklist_generators: ['*'], …}`` and, unless ``enable`` is false:

* before generating, takes the posts whose front matter has ``<filter>:
  true`` out of ``locals.posts``, so the index, archive, tag, category, feed
  and sitemap generators never see them, while the ``post`` generator still
  writes each at its permalink (``lib/prepareHiddenPosts.js``,
  ``lib/injectGenerators.js``);
* at ``after_post_render`` appends ``html_flag`` to such a post's content,
  and at ``after_render:html`` puts ``noindex_tag`` after the ``</title>`` of
  every page holding that flag.

Pelican's ``Status: hidden`` is the same listing rule: a hidden article is
written at its URL and left out of the index, archives, tag, category and
author pages and feeds. ``metadata.build_post_info`` gives that status to
the field this package was told to read (:func:`hides`), and to Fluid's own
``hide:`` under the Fluid theme; a site with neither lists the post.
The flag is appended here as there (``tests/fixtures/plugins/hexo-hide-posts``,
from the real package).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..extend import Extensions

PACKAGE = "hexo-hide-posts"
STATUS = "partly"
LOSES = (
    "the `noindex` meta in the page head (the theme's); `allowlist_generators` and the ACL functions: "
    "a hidden post is on no list"
)

DEFAULTS: dict[str, Any] = {"enable": True, "filter": "hidden", "html_flag": "<!-- flag of hidden posts -->"}


def settings(config: Mapping[str, Any]) -> dict[str, Any] | None:
    """The package's merged ``hide_posts:`` settings when the site loads it and it is on, else None."""
    if PACKAGE not in (getattr(config, "plugins", ()) or ()):
        return None
    given = config.get("hide_posts")
    merged = {**DEFAULTS, **(given if isinstance(given, Mapping) else {})}
    return merged if merged["enable"] else None


def hides(config: Mapping[str, Any], front_matter: Mapping[str, Any]) -> bool:
    """Whether the package takes this post off the lists: ``<filter>: true``, strictly, as warehouse's query."""
    found = settings(config)
    return found is not None and front_matter.get(str(found["filter"])) is True


def js_truthy(value: Any) -> bool:
    """JavaScript's truth of a YAML value: ``[]`` and ``{}`` are true, NaN is not."""
    return value not in (None, False, 0, "") and value == value


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    found = settings(config)
    if found is None:
        return
    field, flag = str(found["filter"]), str(found["html_flag"])

    def flag_hidden(html: str, post: Any) -> str:
        return html + flag if js_truthy(post.metadata.get(field.lower())) else html

    hexo.register_filter("after_post_render", flag_hidden)

"""Feeds carry only what XML 1.0 can: a stray control character must not fail the build.

A post may hold characters XML 1.0 has no place for: a ``\\x08`` pasted
into a code block from a terminal, a ``\\x1b`` of a colour escape, U+FFFF.
The HTML page keeps them, as Hexo's does, but ``feedgenerator`` refuses them
(``UnserializableContentError``) and Pelican's whole build stops with no pages.

``feed_generated`` is sent by ``Writer.write_feed`` for every feed Pelican
writes (all, category, tag, author, translation; Atom and RSS), after the
items are added and before the file is written, so that is where they are
dropped: from every string of the feed and of its items, one regular
expression over each. A post that loses some gets one warning per build,
however many feeds it is in, naming the file and the line of the first such
character in it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urljoin

from feedgenerator import SyndicationFeed
from feedgenerator.django.utils.encoding import iri_to_uri

from .reader import _display_path

logger = logging.getLogger(__name__)

# Everything outside XML 1.0's Char production: C0 controls but tab/newline/CR,
# lone surrogates, U+FFFE and U+FFFF. Written as those, not as the complement of the
# production: that negated class took 20 ms to compile, at every build's start.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# The context of the build being written, and the posts already warned about in it.
# The context is held (not its id) so that a later build's is never mistaken for it.
_warned_in: tuple[object, set[str]] | None = None


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry."""
    return NOT_XML.sub("", text)


def _clean_fields(fields: dict[str, Any]) -> bool:
    """Clean the strings of a feed's or an item's fields in place; whether any changed."""
    changed = False
    for key, value in fields.items():
        if isinstance(value, str):
            if NOT_XML.search(value):
                fields[key] = xml_safe(value)
                changed = True
        elif isinstance(value, (list, tuple)) and any(isinstance(v, str) and NOT_XML.search(v) for v in value):
            fields[key] = type(value)(xml_safe(v) if isinstance(v, str) else v for v in value)
            changed = True
    return changed


def _posts_by_link(feed: SyndicationFeed, context: Mapping[str, Any]) -> dict[str, Any]:
    """The posts a feed item may be, under the link ``Writer`` gives each."""
    # Writer.write_feed joins each URL to the site URL, which the feed keeps as its own link.
    base = str(feed.feed.get("link") or "")
    found: dict[str, Any] = {}
    for article in _with_translations(context.get("articles") or ()):
        url = str(getattr(article, "url", ""))
        # urljoin without RELATIVE_URLS, posixpath.join with it: the two differ only for odd URLs.
        # With SITEURL empty (a preview's settings) the feed's link is "/" but items keep the bare URL.
        for link in (urljoin(base, url), base + url, url):
            found.setdefault(iri_to_uri(link), article)
    return found


def _with_translations(articles: Iterable[Any]) -> Iterable[Any]:
    for article in articles:
        yield article
        yield from getattr(article, "translations", ())


def _first_bad_line(source_path: str) -> int:
    """The line of the first character XML 1.0 cannot carry in the file, or 0 (an escape in YAML, say)."""
    try:
        with open(source_path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return 0
    match = NOT_XML.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 0


def _warn(item: Mapping[str, Any], post: Any) -> None:
    source_path = getattr(post, "source_path", None)
    if not source_path:
        # Not a post of this build's (another plugin's feed): name the item.
        logger.warning("feed item %s: dropped characters XML 1.0 cannot carry", item.get("link"))
        return
    line = _first_bad_line(source_path)
    logger.warning(
        "%s:%d: characters XML 1.0 cannot carry (control characters, U+FFFE/U+FFFF) were dropped from the feeds;"
        " the page keeps them",
        _display_path(source_path),
        line,
    )


def clean_feed(context: Any, feed: SyndicationFeed | None = None, **_: Any) -> None:
    """``feed_generated``: drop what XML 1.0 cannot carry from the feed before it is written."""
    global _warned_in
    if feed is None:
        return
    _clean_fields(feed.feed)
    dirty = [item for item in feed.items if _clean_fields(item)]
    if not dirty:
        return
    if _warned_in is None or _warned_in[0] is not context:
        _warned_in = (context, set())
    warned = _warned_in[1]
    posts = _posts_by_link(feed, context if isinstance(context, Mapping) else {})
    for item in dirty:
        link = str(item.get("link") or "")
        post = posts.get(link) or posts.get(link.removesuffix("?ref=feed"))
        key = str(getattr(post, "source_path", "") or link)
        if key not in warned:
            warned.add(key)
            _warn(item, post)

"""Hexo itself: the filters every Hexo site runs on a post, whatever its package.json holds.

``external_link`` (``hexo:lib/plugins/filter/after_render/external_link.ts``
and its ``after_post_render`` twin): a link to another host without a
``target`` opens in a new tab with ``rel="noopener"``. It runs on whole pages
(``field: site``, the default) or on post bodies (``field: post``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..extend import Extensions

PACKAGE = "hexo"
STATUS = "partly"
LOSES = "only the filters that change a post's HTML: external_link"

_A_TAG_RE = re.compile(r"""<a(?:\s+?|\s+?[^<>]+?\s+?)href=["']((?:https?:|//)[^<>"']+)["'][^<>]*>""", re.IGNORECASE)
_TARGET_ATTR_RE = re.compile(r"target=", re.IGNORECASE)
_REL_ATTR_RE = re.compile(r"rel=", re.IGNORECASE)
_REL_VALUE_RE = re.compile(r"""rel=["']([^<>"']*)["']""", re.IGNORECASE)
_HOST_RE = re.compile(r"^(?:https?:)?//([^/?#:]+)", re.IGNORECASE)


def _is_external(href: str, config: Mapping[str, Any]) -> bool:
    match = _HOST_RE.match(href)
    if not match:
        return False
    host = match.group(1).lower()
    site = _HOST_RE.match(str(config.get("url") or ""))
    if site and site.group(1).lower() == host:
        return False
    exclude = (config.get("external_link") or {}).get("exclude") or []
    if isinstance(exclude, str):
        exclude = [exclude] if exclude else []
    return host not in {str(e).lower() for e in exclude}


def external_links(html: str, config: Mapping[str, Any]) -> str:
    """Hexo's ``external_link`` filter: external links without a target open in a new tab."""
    setting = config.get("external_link")
    enabled = setting.get("enable", True) if isinstance(setting, Mapping) else bool(setting)
    if not enabled or "href" not in html:
        return html

    def mark(match: re.Match[str]) -> str:
        tag = match.group(0)
        if not _is_external(match.group(1), config) or _TARGET_ATTR_RE.search(tag):
            return tag
        if _REL_ATTR_RE.search(tag):
            tag = _REL_VALUE_RE.sub(
                lambda m: m.group(0) if "noopener" in m.group(1) else f'rel="{m.group(1)} noopener"', tag
            )
            return tag.replace("href=", 'target="_blank" href=', 1)
        return tag.replace("href=", 'target="_blank" rel="noopener" href=', 1)

    return _A_TAG_RE.sub(mark, html)


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    setting = config.get("external_link") or {}
    stage = "after_post_render" if setting.get("field") == "post" else "after_render:html"
    hexo.register_filter(stage, lambda html, post: external_links(html, post.config))

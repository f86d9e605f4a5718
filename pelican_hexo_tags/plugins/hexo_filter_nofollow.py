"""hexo-filter-nofollow 2: ``rel="external nofollow noreferrer"`` on links to other hosts.

Its ``index.js`` merges ``nofollow: {enable: true, field: site, exclude: []}``
under the site's ``nofollow:`` and registers one filter, at
``after_render:html`` (``field: site``) or ``after_post_render`` (``field:
post``). Loaded after Hexo's own ``external_link`` filter at the same
priority, it sees the ``rel="noopener"`` that one added and extends it
(``tests/fixtures/plugins/hexo-filter-nofollow``, from the real package).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from ..extend import Extensions

PACKAGE = "hexo-filter-nofollow"
STATUS = "emulated"
LOSES = ""

_NOFOLLOW = "external nofollow noreferrer"
# The package's own expressions (lib/filter.js), non-greedy as there.
_A_TAG = re.compile(r"""<a.*?(href=['"](.*?)['"]).*?>""", re.IGNORECASE)
_HAS_REL = re.compile(r"rel=", re.IGNORECASE)
_REL_VALUE = re.compile(r'rel="(.*?)"', re.IGNORECASE)
_ALREADY = re.compile(r"(external|nofollow|noreferrer)", re.IGNORECASE)


def _settings(config: Mapping[str, Any]) -> dict[str, Any]:
    given = config.get("nofollow")
    settings = {"enable": True, "field": "site", "exclude": [], **(given if isinstance(given, Mapping) else {})}
    exclude = settings["exclude"]
    settings["exclude"] = [exclude] if isinstance(exclude, str) else list(exclude or [])
    return settings


def _host(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None


def _is_external(href: str, site_url: str, exclude: list[Any]) -> bool:
    """Node's ``url.parse``: a link with a scheme to a host other than the site's, not excluded."""
    if not re.match(r"^[a-z][a-z0-9+.-]*:", href, re.IGNORECASE):
        return False
    site_host = _host(site_url) or site_url
    if not site_host:
        return False
    host = _host(href)
    if host in {str(item) for item in exclude}:
        return False
    return host != site_host


def nofollow(html: str, site_url: str, exclude: list[Any]) -> str:
    """The package's ``filterExternal`` on one HTML string."""

    def mark(match: re.Match[str]) -> str:
        tag, href_attribute, href = match.group(0), match.group(1), match.group(2)
        if not _is_external(href, site_url, exclude):
            return tag
        if _HAS_REL.search(tag):

            def extend(rel: re.Match[str]) -> str:
                value = rel.group(1)
                return (
                    rel.group(0) if _ALREADY.search(value) else rel.group(0).replace(value, f"{value} {_NOFOLLOW}", 1)
                )

            return _REL_VALUE.sub(extend, tag)
        return tag.replace(href_attribute, f'{href_attribute} rel="{_NOFOLLOW}"', 1)

    return _A_TAG.sub(mark, html) if "href" in html else html


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    settings = _settings(config)
    if not settings["enable"]:
        return
    stage = "after_post_render" if settings["field"] == "post" else "after_render:html"
    site_url = str(config.get("url") or "")
    hexo.register_filter(stage, lambda html, post: nofollow(html, site_url, settings["exclude"]))

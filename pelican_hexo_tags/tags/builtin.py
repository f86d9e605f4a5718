"""Hexo's built-in tags (``hexo/lib/plugins/tag``) and the Nunjucks ones posts use."""

from __future__ import annotations

from ..registry import TagContext, tag


@tag("raw", "verbatim", ends=True)
def raw(args: list[str], body: str | None, ctx: TagContext) -> str:
    """Nunjucks ``raw``: the body exactly as written, neither Markdown nor tags."""
    return body or ""

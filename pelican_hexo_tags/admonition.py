"""hexo-admonition's ``!!! type "title"`` blocks, a pass over the Markdown source.

hexo-admonition is a ``before_post_render`` filter, not a tag: it finds the
blocks with its own regex, renders each body with markdown-it's CommonMark
preset and puts the HTML back into the Markdown, where the site's renderer
sees it as an HTML block. This does the same, after fences are cut (a
``!!!`` inside code stays code) and before tags are lexed (tags inside a
body still run, as in Hexo).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from markdown_it import MarkdownIt

# hexo-admonition 1.1.2's regex: a blank line before, a known type, a body of 4-space lines.
ADMONITION_RE = re.compile(
    r"(?<=^\n)(^!!! *)(note|info|todo|warning|attention|caution|failure|missing|fail|error)(.*\n)((^ {4}.*\n|^\n)+)",
    re.MULTILINE | re.IGNORECASE,
)
_TITLE_QUOTES = re.compile(r'(^ |")|("| $)')


@lru_cache(maxsize=1)
def commonmark_engine() -> MarkdownIt:
    """hexo-admonition renders bodies with ``markdown-it('commonmark')``; math stays protected."""
    from .math import math_plugin

    md = MarkdownIt("commonmark")
    math_plugin(md)
    return md


def render_admonitions(text: str, render_body: Callable[[str], str] | None = None) -> str:
    """Replace every admonition block in ``text`` by hexo-admonition's HTML."""
    if "!!!" not in text:
        return text
    if render_body is None:
        render_body = commonmark_engine().render

    def replace(match: re.Match[str]) -> str:
        kind, title, body = match.group(2).lower(), match.group(3), match.group(4)
        # Upstream trims every body line, so nested indentation is lost there too.
        content = "".join(line.strip() + "\n" for line in re.split(r"\n|\r|\r\n", body))
        html = render_body(content)
        if re.sub(r"\s+", "", title) == '""':
            out = f'<div class="admonition {kind}">{html}</div>\n\n'
        else:
            title = match.group(2) if title.strip() == "" else _TITLE_QUOTES.sub("", title)
            out = f'<div class="admonition {kind}"><p class="admonition-title">{title}</p>{html}</div>\n\n'
        # Blank lines after an HTML block change nothing and keep later source lines where they were.
        return out + "\n" * max(0, match.group(0).count("\n") - out.count("\n"))

    return ADMONITION_RE.sub(replace, text)

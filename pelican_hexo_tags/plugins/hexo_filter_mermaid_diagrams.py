"""hexo-filter-mermaid-diagrams 1.0.5: a ```` ```mermaid ```` fence is ``<pre class="mermaid">``.

Its ``before_post_render`` filter (priority 9, before Hexo's own code-block
filter) replaces each backtick fence whose language is ``mermaid`` with
``<pre class="mermaid">SOURCE</pre>`` in the Markdown, so the diagram's
source reaches the page as raw HTML (``-->`` and ``<br>`` as written), its
trailing white space cut; ``mermaid: {enable: false}`` turns it off. The
package writes no script: loading mermaid.js is the theme's part (NexT,
Butterfly and Fluid read their own ``mermaid:`` settings), and the
package's other ``mermaid:`` keys are only for such a theme
(``tests/fixtures/plugins/hexo-filter-mermaid-diagrams``, from the real package).

Here every mermaid fence is already ``<pre class="mermaid">`` (the
pipeline's ``mermaid_block``, with its source escaped, and a page script
from ``HEXO_MERMAID_URL``); this module makes that block what the package
made: the source as written, without its trailing white space.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..extend import Extensions

PACKAGE = "hexo-filter-mermaid-diagrams"
STATUS = "partly"
LOSES = (
    "with `mermaid: {enable: false}` a mermaid fence stays a diagram (`HEXO_MERMAID = False` makes it code); "
    "in a list item the source keeps the item's indent, which marked took off"
)

_MERMAID_PRE = re.compile(r'<pre class="mermaid">(.*?)</pre>', re.DOTALL)
# What the pipeline's escapeHtml wrote; the package's source went in raw.
_ESCAPED = {"&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&"}
_ESCAPED_RE = re.compile("|".join(_ESCAPED))


def raw_diagrams(html: str) -> str:
    def unescape(match: re.Match[str]) -> str:
        source = _ESCAPED_RE.sub(lambda entity: _ESCAPED[entity.group(0)], match.group(1))
        return f'<pre class="mermaid">{source.rstrip()}</pre>'

    return _MERMAID_PRE.sub(unescape, html) if '<pre class="mermaid">' in html else html


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    settings = config.get("mermaid")
    # index.js deep-merges {enable: true} under the site's `mermaid:`.
    if isinstance(settings, Mapping) and "enable" in settings and not settings["enable"]:
        return
    hexo.register_filter("after_post_render", lambda html, post: raw_diagrams(html))

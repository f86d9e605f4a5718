"""hexo-image-link 0.0.5: a Markdown image beside the post becomes ``{% asset_img %}``.

Its ``index.js`` registers one ``before_post_render`` filter (priority 10,
after Hexo's own ``backtick_code_block``) that rewrites every
``![label](path)`` whose path has exactly one ``/`` (``post/pic.png``), or is
``./post/pic.png``, to ``{% asset_img "pic.png" "label" %}``: written for
Typora, which puts a post's pictures in a folder named after it. The tag then
finds the file among the post's assets, and prints nothing when it is not
there. Other images are left alone (``tests/fixtures/plugins/hexo-image-link``,
from the real package).

In Hexo the filter also rewrites inside fenced code, which Hexo has already
turned into highlighted HTML, and that code then shows the tag as text; here
the fences are cut out before the site's filters run, so code keeps the image
as written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..extend import Extensions

PACKAGE = "hexo-image-link"
STATUS = "partly"
LOSES = "inside fenced code Hexo shows the `{% asset_img %}` it wrote; here the code keeps the Markdown image"

# The package's expression as it is: greedy, so the path runs to the last ``)`` of the line, and
# JavaScript's ``.`` stops at every line terminator, not only ``\n``.
_IMAGE = re.compile(r"""!{1}\[([^\[\]]*)\]\(([^\n\r\u2028\u2029]*)\s?(?:"[^\n\r\u2028\u2029]*")?\)""")


def _as_asset_img(match: re.Match[str]) -> str:
    label, path = match.group(1), match.group(2)
    parts = path.split("/")
    if len(parts) == 2:
        return f'{{% asset_img "{parts[1]}" "{label}" %}}'
    if len(parts) == 3 and path.startswith("./"):
        return f'{{% asset_img "{parts[2]}" "{label}" %}}'
    return match.group(0)


def image_links_to_asset_img(markdown: str) -> str:
    """The package's filter on one post's Markdown."""
    return _IMAGE.sub(_as_asset_img, markdown) if "![" in markdown else markdown


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    hexo.register_filter("before_post_render", lambda markdown, post: image_links_to_asset_img(markdown))

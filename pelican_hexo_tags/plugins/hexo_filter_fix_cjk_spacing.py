"""hexo-filter-fix-cjk-spacing 0.0.5: a line break between two CJK characters is no space.

A browser shows the newline between ``日本語の`` and ``文章`` as a space;
this package's ``before_post_render`` filter joins such lines in the
Markdown source, unless ``fix_cjk_spacing: false``. Its character class is
pangu.js's, copied here. Hexo's own ``backtick_code_block`` filter has run
before it, so code blocks keep their lines, as here, where fences are cut
out before the ``before_post_render`` stage
(``tests/fixtures/plugins/hexo-filter-fix-cjk-spacing``, from the real package).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..extend import Extensions

PACKAGE = "hexo-filter-fix-cjk-spacing"
STATUS = "emulated"
LOSES = ""

_CJK = "[\u2000-\u206f\u3000-\u312f\u3200-\u32ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffee]"
_CJK_LINES = re.compile(f"({_CJK})((?:\n|\r\n)[ \t]*)(?={_CJK})")


def join_cjk_lines(markdown: str) -> str:
    return _CJK_LINES.sub(r"\1", markdown)


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    # The package reads the raw key: absent or true is on, anything else off.
    if config.get("fix_cjk_spacing", True) is True:
        hexo.register_filter("before_post_render", lambda markdown, post: join_cjk_lines(markdown))

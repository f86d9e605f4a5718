"""highlight.js as hexo-util runs it under Node: auto-detection's order, and code in another language.

The expected markup is real Hexo's (Hexo 7.3, hexo-util 3.3, highlight.js 11.12 and the Fluid theme,
which turns on ``hljs`` and ``auto_detect``), from the billhu0 blog's ``20_ubuntu-config.md``.
"""

from __future__ import annotations

from pathlib import Path

from pelican_hexo_tags.config import HexoConfig
from pelican_hexo_tags.highlight import HighlightOptions, highlight


def _fluid_config(tmp_path: Path) -> HexoConfig:
    (tmp_path / "_config.fluid.yml").write_text("code:\n  highlight:\n    line_number: true\n", encoding="utf-8")
    return HexoConfig({"theme": "fluid"}, source_root=str(tmp_path))


_SUITES = ("focal", "focal-updates", "focal-backports", "focal-security", "focal-proposed")
_SOURCES = [
    f"{kind} https://mirrors.ustc.edu.cn/ubuntu/ {suite} main restricted universe multiverse"
    for suite in _SUITES
    for kind in ("deb", "deb-src")
]


def _hexo_1c_line(line: str) -> str:
    kind, rest = line.split(" https:", 1)
    kind = kind.replace("-", '<span class="hljs-punctuation">-</span>')
    return f'{kind} https<span class="hljs-punctuation">:</span><span class="hljs-comment">{rest}</span><br>'


def test_equally_relevant_languages_are_tried_in_nodes_order(tmp_path: Path) -> None:
    # 1c and cpp score the same on these lines; Node registers 1c first, the browser bundle
    # registers its common languages (cpp) before the others.
    code = "\n".join(_SOURCES)
    html = highlight(code, HighlightOptions(lang="", lines_length=len(_SOURCES)), _fluid_config(tmp_path))
    assert html.startswith('<figure class="highlight 1c">')
    cell = "".join(_hexo_1c_line(line) for line in _SOURCES)
    assert html.endswith(f'<td class="code"><pre><code class="hljs 1c">{cell}</code></pre></td></tr></table></figure>')


def test_code_in_another_language_keeps_an_unprefixed_class(tmp_path: Path) -> None:
    # highlight.js's scopeToCSSClass writes `language-bash` for a sub-language, whatever the classPrefix.
    code = 'vim ~/.zshrc\n\n# 找到 ZSH_THEME="robbyrussel"这句话'
    html = highlight(code, HighlightOptions(lang="shell", lines_length=3), _fluid_config(tmp_path))
    assert (
        '<span class="hljs-meta prompt_"># </span><span class="language-bash">找到 ZSH_THEME='
        '<span class="hljs-string">&quot;robbyrussel&quot;</span>这句话</span><br>'
    ) in html

"""Code highlighting in hexo-util's markup (highlight.js and Prism), and the config that picks it."""

from __future__ import annotations

import pytest

from pelican_hexo_tags.config import HexoConfig
from pelican_hexo_tags.highlight import HighlightOptions, highlight, highlighter_of, parse_mark, strip_indent


def hl(code: str, lang: str = "", config: dict | None = None, **options) -> str:
    opts = HighlightOptions(lang=lang, lines_length=len(code.split("\n")), **options)
    return highlight(code, opts, HexoConfig(config or {}))


def code_cell(html: str) -> str:
    return html.split('<td class="code"><pre>', 1)[1].split("</pre></td>", 1)[0]


@pytest.mark.parametrize(
    ("lang", "code", "expected"),
    [
        (
            "js",
            "var a = {b: 1};",
            '<span class="keyword">var</span> a = {<span class="attr">b</span>: <span class="number">1</span>};',
        ),
        (
            "js",
            'alert("Foo")',
            '<span class="title function_">alert</span>(<span class="string">&quot;Foo&quot;</span>)',
        ),
        ("python", "print(1)", '<span class="built_in">print</span>(<span class="number">1</span>)'),
        (
            "python",
            "if tired:\n  sleep()",
            '<span class="keyword">if</span> tired:</span><br><span class="line">  sleep()',
        ),
        ("objc", "[r setX: 10];", '[r setX: <span class="number">10</span>];'),
        (
            "html",
            "<div></div>",
            '<span class="tag">&lt;<span class="name">div</span>&gt;</span>'
            '<span class="tag">&lt;/<span class="name">div</span>&gt;</span>',
        ),
    ],
)
def test_highlight_js_token_classes(lang: str, code: str, expected: str) -> None:
    assert code_cell(hl(code, lang)) == f'<span class="line">{expected}</span><br>'


def test_punctuation_and_plain_names_stay_bare_and_same_class_tokens_merge() -> None:
    cell = code_cell(hl('printf("%d", x);', "c"))
    assert '<span class="string">&quot;%d&quot;</span>' in cell
    assert ", x);" in cell


def test_multi_line_tokens_reopen_on_each_line() -> None:
    cell = code_cell(hl("/* a\nb */", "js"))
    assert (
        cell == '<span class="line"><span class="comment">/* a</span></span><br>'
        '<span class="line"><span class="comment">b */</span></span><br>'
    )


def test_unknown_language_is_plaintext_and_language_attr_keeps_the_name() -> None:
    html = hl("x", "nosuchlang", language_attr=True)
    assert html.startswith('<figure class="highlight plaintext" data-language="nosuchlang">')


def test_hljs_prefix_and_tab_replace() -> None:
    html = hl("a\n\tif x", "js", {"highlight": {"hljs": True, "tab_replace": "  "}})
    assert '<pre><code class="hljs js">a<br>  <span class="hljs-keyword">if</span> x<br></code></pre>' in html


def test_exclude_languages_and_first_line_number_inline() -> None:
    assert (
        hl("x", "js", {"highlight": {"exclude_languages": ["js"]}}) == '<pre><code class="highlight js">x</code></pre>'
    )
    inline = {"highlight": {"first_line_number": "inline"}}
    assert 'class="gutter"' not in hl("x", "js", inline)
    assert '<span class="line">5</span>' in hl("x", "js", inline, first_line_number=5)


def test_prism_markup() -> None:
    html = hl("a\nb", "", {"syntax_highlighter": "prismjs"})
    assert html == (
        '<pre class="line-numbers language-none"><code class="language-none">a\nb'
        '<span aria-hidden="true" class="line-numbers-rows"><span></span><span></span></span></code></pre>'
    )
    no_preprocess = hl("a", "js", {"syntax_highlighter": "prismjs", "prismjs": {"preprocess": False}}, mark=[1])
    assert no_preprocess.startswith(
        '<pre class="line-numbers language-javascript" data-language="javascript" data-start="1" data-line="1"'
    )


def test_helpers() -> None:
    assert parse_mark("1,4-6,x,9-8") == [1, 4, 5, 6, 8, 9]
    assert strip_indent("  a\n    b\n") == "a\n  b\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({}, "highlight.js"),
        ({"highlight": {"enable": False}}, ""),
        ({"highlight": {"enable": False}, "prismjs": {"enable": True}}, "prismjs"),
        ({"syntax_highlighter": "prismjs", "highlight": {"enable": False}}, "prismjs"),
        ({"syntax_highlighter": ""}, ""),
    ],
)
def test_older_configs_choose_the_highlighter(data: dict, expected: str) -> None:
    assert highlighter_of(HexoConfig(data)) == expected


# Real Hexo 8 (hexo-oracle) on these two blocks; the embedded highlight.js must give
# the same markup, because its token boundaries are where a reader's words split.
HEXO_CPP = (
    '<span class="line"><span class="meta">#<span class="keyword">include</span> '
    '<span class="string">&lt;vector&gt;</span></span></span><br>'
    '<span class="line"><span class="keyword">template</span> &lt;<span class="keyword">typename</span> T&gt; '
    '<span class="function">std::vector&lt;T&gt; <span class="title">twice</span><span class="params">'
    '(<span class="type">const</span> T&amp; x)</span> </span>{ '
    '<span class="keyword">return</span> {x, x}; }</span><br>'
)
HEXO_MATHEMATICA = (
    '<span class="line"><span class="built_in">Plot</span><span class="punctuation">[</span>'
    '<span class="built_in">Sin</span><span class="punctuation">[</span><span class="variable">x</span>'
    '<span class="punctuation">]</span><span class="operator">,</span> <span class="punctuation">{</span>'
    '<span class="variable">x</span><span class="operator">,</span> <span class="number">0</span>'
    '<span class="operator">,</span> <span class="number">2</span> <span class="built_in">Pi</span>'
    '<span class="punctuation">}</span><span class="punctuation">]</span></span><br>'
)


@pytest.mark.parametrize(
    ("lang", "code", "expected"),
    [
        (
            "cpp",
            "#include <vector>\ntemplate <typename T> std::vector<T> twice(const T& x) { return {x, x}; }",
            HEXO_CPP,
        ),
        ("mathematica", "Plot[Sin[x], {x, 0, 2 Pi}]", HEXO_MATHEMATICA),
    ],
)
def test_embedded_highlight_js_matches_hexo_byte_for_byte(lang: str, code: str, expected: str) -> None:
    assert code_cell(hl(code, lang)) == expected


def test_pygments_engine_can_be_chosen() -> None:
    cell = code_cell(hl("Plot[Sin[x], {x, 0, 2 Pi}]", "mathematica", {"highlight_engine": "pygments"}))
    assert cell != HEXO_MATHEMATICA
    assert "Plot" in cell and "Sin" in cell


def test_fluid_forces_hljs_markup_and_auto_detection(tmp_path) -> None:
    # Fluid's scripts/events/lib/highlight.js sets hljs, auto_detect and wrap for highlight.js;
    # real Hexo with Fluid gave `<code class="hljs cmake">…zsh-newuser-<span class="hljs-keyword">install</span>`.
    (tmp_path / "_config.fluid.yml").write_text("code:\n  highlight:\n    line_number: true\n", encoding="utf-8")
    config = HexoConfig({"theme": "fluid"}, source_root=str(tmp_path))
    assert config["highlight"]["hljs"] is True and config["highlight"]["auto_detect"] is True
    code = "autoload -U zsh-newuser-install\nzsh-newuser-install -f"
    html = highlight(code, HighlightOptions(lang="", lines_length=2), config)
    assert '<figure class="highlight cmake">' in html
    assert '<pre><code class="hljs cmake">autoload -U zsh-newuser-<span class="hljs-keyword">install</span><br>' in html


def test_fluid_with_prism_chooses_prism(tmp_path) -> None:
    (tmp_path / "_config.fluid.yml").write_text("code:\n  highlight:\n    lib: prismjs\n", encoding="utf-8")
    assert HexoConfig({"theme": "fluid"}, source_root=str(tmp_path))["syntax_highlighter"] == "prismjs"

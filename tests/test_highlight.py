"""Code highlighting in hexo-util's markup (highlight.js and Prism), and the config that picks it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pelican_hexo_tags import highlight as highlight_module
from pelican_hexo_tags.codeblocks import cut_fences, prime_code_blocks, render_code_block
from pelican_hexo_tags.config import HexoConfig
from pelican_hexo_tags.highlight import (
    HighlightOptions,
    highlight,
    highlighter_of,
    parse_mark,
    prism_language,
    strip_indent,
)


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


PRISM_FIXTURE = Path(__file__).parent / "fixtures" / "prism" / "hexo_util_prism.json"
PRISM_CASES = json.loads(PRISM_FIXTURE.read_text(encoding="utf-8"))["cases"]


def prism_block(code: str, hexo_util_options: dict, site: Path | None = None) -> str:
    """Our ``prism`` called the way hexo-util's ``prismHighlight(code, options)`` was in the fixture."""
    settings: dict = {"line_number": hexo_util_options.get("lineNumber", True)}
    if "tab" in hexo_util_options:
        settings["tab_replace"] = hexo_util_options["tab"]
    config = HexoConfig({"syntax_highlighter": "prismjs", "prismjs": settings}, source_root=str(site) if site else None)
    options = HighlightOptions(
        lang=hexo_util_options.get("lang", ""),
        caption=hexo_util_options.get("caption", ""),
        lines_length=len(code.split("\n")),
    )
    return highlight(code, options, config)


@pytest.mark.parametrize(
    "case", PRISM_CASES, ids=[f"{n}-{c['options'].get('lang', '')}" for n, c in enumerate(PRISM_CASES)]
)
def test_prism_matches_hexo_util_byte_for_byte(case: dict) -> None:
    # What hexo-util's prismHighlight gave in Node (tests/fixtures/prism/regenerate.js).
    assert prism_block(case["code"], case["options"]) == case["html"]


@pytest.mark.parametrize(
    ("fixture", "hexo_util", "prismjs"),
    [("hexo_util_2.6_prismjs_1.28.json", "2.6.0", "1.28.0"), ("hexo_util_2.7_prismjs_1.27.json", "2.7.0", "1.27.0")],
)
def test_prism_is_the_release_the_sites_lockfile_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fixture: str, hexo_util: str, prismjs: str
) -> None:
    (tmp_path / "package.json").write_text('{"dependencies": {"hexo": "^6.2.0"}}', encoding="utf-8")
    lock = {
        "lockfileVersion": 3,
        "packages": {f"node_modules/{n}": {"version": v} for n, v in [("hexo-util", hexo_util), ("prismjs", prismjs)]},
    }
    (tmp_path / "package-lock.json").write_text(json.dumps(lock), encoding="utf-8")
    cases = json.loads((PRISM_FIXTURE.parent / fixture).read_text(encoding="utf-8"))["cases"]
    # One test, the cases in the fixture's order: before hexo-util 2.7 whether ``yml`` is highlighted
    # depends on whether an earlier block loaded yaml, in Hexo as here. So it starts as a fresh Hexo
    # process does: no Prism loaded yet, nothing remembered from blocks other tests highlighted.
    from pelican_hexo_tags import js_runtime

    flavour = highlight_module.prism_flavour(HexoConfig({"syntax_highlighter": "prismjs"}, source_root=str(tmp_path)))
    monkeypatch.setattr(highlight_module, "_PRISM_CACHE", {})
    stale = js_runtime._CONTEXTS.pop(flavour.engine, None)
    if stale is not None:
        stale.close()
    wrong = [n for n, case in enumerate(cases) if prism_block(case["code"], case["options"], tmp_path) != case["html"]]
    assert wrong == []
    differs_from_latest = [
        n for n, (case, latest) in enumerate(zip(cases, PRISM_CASES, strict=True)) if case["html"] != latest["html"]
    ]
    assert differs_from_latest  # the fixture tells the releases apart


def test_prism_names_languages_as_hexo_util_does() -> None:
    assert [prism_language(lang) for lang in ("js", "yml", "sh", "html", "plaintext", "", "PHP")] == [
        "javascript",
        "yaml",
        "bash",
        "markup",
        "none",
        "none",
        "PHP",
    ]


def test_a_posts_prism_blocks_are_highlighted_in_one_call(monkeypatch) -> None:
    calls: list[int] = []
    real = highlight_module.prism_many
    monkeypatch.setattr(highlight_module, "prism_many", lambda keys: calls.append(len(keys)) or real(keys))
    config = HexoConfig({"syntax_highlighter": "prismjs"})
    # Code no other test uses, so nothing is in the engine's cache yet.
    text = "```php\n$primed = 1;\n```\n\n```yaml\nprimed: 2\n```\n\n```nosuch\nprimed\n```\n\n```\nplain\n```\n"
    blocks = cut_fences(text)[1]
    prime_code_blocks(blocks, config)
    html = [render_code_block(block, config) for block in blocks]
    assert calls == [3]  # the plain block never goes to Prism
    assert '<span class="token variable">$primed</span>' in html[0]
    assert '<span class="token key atrule">primed</span>' in html[1]
    assert '<code class="language-nosuch">primed<span aria-hidden' in html[2]


def test_prism_falls_back_to_pygments_without_mini_racer(monkeypatch) -> None:
    def no_engine(keys: list) -> list:
        raise ImportError("no mini-racer")

    monkeypatch.setattr(highlight_module, "prism_many", no_engine)
    html = prism_block("$without_engine = 1;", {"lang": "php"})
    assert '<span class="token variable">$without_engine</span>' in html
    assert html.startswith('<pre class="line-numbers language-php" data-language="php"><code class="language-php">')
    assert prism_block("x = 1", {"lang": "nosuchlanguage"}).count("<span") == 2  # the line-numbers rows only


def test_highlight_js_context_is_closed_after_reading_and_made_again_alike() -> None:
    pytest.importorskip("py_mini_racer")
    from pelican_hexo_tags import js_runtime
    from pelican_hexo_tags.integration import release_reading_engines

    key = ("def f(x):\n    return x  # done\n", "python", False)
    before = highlight_module.highlight_many([key])
    assert "highlight.js" in js_runtime._CONTEXTS
    release_reading_engines([])
    # Closed: its heap is not carried into writing the pages (nor into forked page writers).
    assert "highlight.js" not in js_runtime._CONTEXTS
    assert highlight_module.highlight_many([key]) == before
    assert "highlight.js" in js_runtime._CONTEXTS


def test_contexts_that_keep_state_stay_open() -> None:
    pytest.importorskip("py_mini_racer")
    from pelican_hexo_tags import js_runtime

    js_runtime.js_call("test-stateful", lambda c: c.eval("var n = 0; function bump() { return ++n; }"), "bump")
    try:
        js_runtime.release_stateless_contexts()
        assert js_runtime.js_call("test-stateful", lambda c: None, "bump") == 2
    finally:
        js_runtime._CONTEXTS.pop("test-stateful").close()

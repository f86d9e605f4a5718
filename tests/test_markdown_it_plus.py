"""hexo-renderer-markdown-it-plus: when it is the renderer, what its config turns on, its slugs.

The page it makes is held against the real package in
``tests/fixtures/plugins/hexo-renderer-markdown-it-plus`` (``test_plugins.py``);
the expected values here come from the package's source (lib/renderer.js,
markdown-it-toc-and-anchor, uslug 1.0.4) and that fixture's page.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import HEXO_SITE_SETTINGS, build_site

from pelican_hexo_tags.config import HexoConfig
from pelican_hexo_tags.engine import MARKDOWN_IT_PLUS, MARKED, EngineSpec, markdown_engine
from pelican_hexo_tags.math import SERVER, TEXT, MathRenderer, math_mode, render_katex
from pelican_hexo_tags.page_state import PageState
from pelican_hexo_tags.plugins.hexo_renderer_markdown_it_plus import (
    DEFAULT_PLUGINS,
    PACKAGE,
    enabled_plugin_names,
    options,
    plugins,
    renders,
    uslug,
)


def _site(tmp_path: Path, dependencies: dict[str, str], config: dict | None = None) -> HexoConfig:
    (tmp_path / "package.json").write_text(json.dumps({"dependencies": {"hexo": "^7.3.0", **dependencies}}))
    return HexoConfig(config or {}, source_root=str(tmp_path))


def test_the_package_in_package_json_is_the_renderer(tmp_path: Path) -> None:
    config = _site(tmp_path, {"hexo-renderer-markdown-it-plus": "^1.0.6"})
    assert renders(config)
    assert EngineSpec(config).flavour == MARKDOWN_IT_PLUS


def test_its_config_section_alone_does_not_select_it(tmp_path: Path) -> None:
    config = _site(tmp_path, {"hexo-renderer-marked": "^7"}, {"markdown_it_plus": {"breaks": False}})
    assert not renders(config)
    assert EngineSpec(config).flavour == MARKED


def test_the_last_markdown_renderer_loaded_wins(tmp_path: Path) -> None:
    # Hexo loads package.json's dependencies in order; the last `md` renderer registered is used.
    both = {"hexo-renderer-markdown-it-plus": "^1", "hexo-renderer-marked": "^7"}
    assert not renders(_site(tmp_path, both))
    assert renders(_site(tmp_path, dict(reversed(list(both.items())))))


def test_its_settings_are_part_of_the_engine_key(tmp_path: Path) -> None:
    plain = _site(tmp_path, {"hexo-renderer-markdown-it-plus": "^1"})
    no_breaks = _site(tmp_path, {"hexo-renderer-markdown-it-plus": "^1"}, {"markdown_it_plus": {"breaks": False}})
    assert EngineSpec(plain).key() != EngineSpec(no_breaks).key()
    md, _spec = markdown_engine(plain)
    assert md.render("a\nb") == "<p>a<br />\nb</p>\n"
    md, _spec = markdown_engine(no_breaks)
    assert md.render("a\nb") == "<p>a\nb</p>\n"


def test_a_switch_is_on_unless_set_to_something_not_true() -> None:
    # checkValue: `config[key] == true || undefined || null`, so an empty YAML value keeps it on.
    given = options({"markdown_it_plus": {"typographer": None, "linkify": "yes", "xhtmlOut": 1, "html": 0}})
    assert given["typographer"] is True
    assert given["linkify"] is False
    assert given["xhtmlOut"] is True
    assert given["html"] is False
    assert given["langPrefix"] == ""
    assert given["pre_class"] == "highlight"


def test_a_plugin_entry_replaces_the_default_and_is_off_unless_enabled() -> None:
    config = {
        "markdown_it_plus": {
            "plugins": [
                {"plugin": {"name": "markdown-it-mark"}},
                {"plugin": {"name": "markdown-it-sub", "enable": True, "options": {"x": 1}}},
                {"plugin": {"name": "markdown-it-container", "enable": True}},
                {"plugin": {"name": "markdown-it-ins", "enable": False}},
                {"name": "not-a-plugin-entry", "enable": True},
            ]
        }
    }
    used = plugins(config)
    names = [name for name, _options in used]
    assert names == [
        *(name for name in DEFAULT_PLUGINS if name not in ("markdown-it-mark", "markdown-it-ins")),
        "markdown-it-container",
    ]
    assert dict(used)["markdown-it-sub"] == '{"x": 1}'


def test_its_katex_plugin_makes_math_server_side(tmp_path: Path) -> None:
    config = _site(tmp_path, {"hexo-renderer-markdown-it-plus": "^1"})
    assert "@iktakahiro/markdown-it-katex" in enabled_plugin_names(config)
    assert math_mode(config, {}, {}) == SERVER
    off = {"markdown_it_plus": {"plugins": [{"plugin": {"name": "@iktakahiro/markdown-it-katex", "enable": False}}]}}
    assert math_mode(_site(tmp_path, {"hexo-renderer-markdown-it-plus": "^1"}, off), {}, {}) == TEXT


def test_markdown_it_katex_delimiters(tmp_path: Path) -> None:
    md, _spec = markdown_engine(_site(tmp_path, {"hexo-renderer-markdown-it-plus": "^1"}))
    env = {"hexo_math": MathRenderer(TEXT)}
    # A formula block interrupts a paragraph; $$…$$, \(…\), "$5" and "$ x$" inside one are text.
    assert md.render("text\n$$\nx\n$$", env) == "<p>text</p>\n<p>$$x\n$$</p>\n"
    assert md.render("a $$b$$ \\(c\\) $5 $ x$", env) == "<p>a $$b$$ (c) $5 $ x$</p>\n"


def test_its_math_is_typeset_with_the_katex_it_installs(tmp_path: Path) -> None:
    # markdown-it-katex 4.0.1 depends on katex ^0.12.0: one span per upright letter, where
    # today's KaTeX writes one span for the word (the billhu0 blog's \\mathrm{mathjax}).
    md, _spec = markdown_engine(_site(tmp_path, {"hexo-renderer-markdown-it-plus": "^1"}))
    page_state = PageState()
    env = {"hexo_math": MathRenderer(SERVER, page_state=page_state)}
    html = md.render("$\\mathrm{ab}$\n\n$$\nx\n$$\n", env)
    assert '<span class="mord mathrm">a</span><span class="mord mathrm">b</span>' in html
    assert render_katex("\\mathrm{ab}") != render_katex("\\mathrm{ab}", release="0.12.0")
    assert "<p class='katex-block'><span class=\"katex-display\">" in html
    # The TeX goes to KaTeX as the block holds it, its last newline too.
    assert '<annotation encoding="application/x-tex">x\n</annotation>' in html
    assert page_state.math == SERVER


def test_a_fence_hexo_left_is_highlighted_by_the_renderer(tmp_path: Path) -> None:
    # lib/renderer.js highlights with the highlight.js module hexo-util configures for every block:
    # its classPrefix is `hljs-` when the site's highlight.hljs is on (Fluid turns it on), else none.
    for hljs, expected in ((True, '<span class="hljs-type">int</span>'), (False, '<span class="type">int</span>')):
        config = {"syntax_highlighter": "highlight.js", "highlight": {"hljs": hljs}}
        md, _spec = markdown_engine(_site(tmp_path, {"hexo-renderer-markdown-it-plus": "^1"}, config))
        html = md.render("```cpp\nint a;\n```\n", {"hexo_math": MathRenderer(TEXT)})
        assert html == f'<pre class="highlight"><code class="cpp">{expected} a;\n</code></pre>\n'
    # Hexo's stand-in for a block it took, split by highlight.js, stays text; a whole one is restored.
    md, _spec = markdown_engine(_site(tmp_path, {"hexo-renderer-markdown-it-plus": "^1"}))
    split = md.render("```cpp\nint a;\n<!--hexocode\ufffc6-->\n```\n", {"hexo_math": MathRenderer(TEXT)})
    assert '&lt;!--code\ufffc<span class="number">6</span>--&gt;' in split
    whole = md.render("```nolang\n<!--hexocode\ufffc6-->\n```\n", {"hexo_math": MathRenderer(TEXT)})
    assert '<code class="nolang"><!--hexocode\ufffc6-->\n</code>' in whole


def test_a_page_with_katex_0_12_markup_gets_that_releases_stylesheet(tmp_path: Path) -> None:
    # 0.12's markup is styled by class names (.base, .strut) today's stylesheet renamed.
    (tmp_path / "content" / "_posts").mkdir(parents=True)
    (tmp_path / "content" / "_posts" / "m.md").write_text("---\ntitle: M\ndate: 2021-01-01\n---\n$x$\n")
    (tmp_path / "package.json").write_text(json.dumps({"dependencies": {"hexo-renderer-markdown-it-plus": "^1"}}))
    (tmp_path / "pelicanconf.py").write_text(HEXO_SITE_SETTINGS, encoding="utf-8")
    build = build_site(tmp_path / "pelicanconf.py", tmp_path / "output")
    content = build.articles[0].content
    assert content.startswith('<link rel="stylesheet" href="/hexo-tags/katex-0.12.0/katex.min.css">')
    published = tmp_path / "output" / "hexo-tags" / "katex-0.12.0"
    assert ".katex .base{" in (published / "katex.min.css").read_text(encoding="utf-8")
    assert (published / "fonts" / "KaTeX_Main-Regular.woff2").is_file()


def test_heading_anchors(tmp_path: Path) -> None:
    md, _spec = markdown_engine(_site(tmp_path, {"hexo-renderer-markdown-it-plus": "^1"}))
    html = md.render("# Hello World\n## Hello World\n#### [A link](/x) first\n")
    assert html == (
        '<h1 id="hello-world"><a class="markdownIt-Anchor" href="#hello-world"></a> Hello World</h1>\n'
        '<h2 id="hello-world-2"><a class="markdownIt-Anchor" href="#hello-world-2"></a> Hello World</h2>\n'
        '<h4 id="a-link"><a class="markdownIt-Anchor" href="#a-link"></a> <a href="/x">A link</a> first</h4>\n'
    )


def test_reset_ids_off_still_numbers_each_post_alone(tmp_path: Path) -> None:
    # lib/renderer.js builds a markdown-it per post and the plugin clears its store when used, so
    # `resetIds: false` changes nothing: real Hexo 7.3 gave a second post's `## Extra` id="extra".
    entry = {"plugin": {"name": "markdown-it-toc-and-anchor", "enable": True, "options": {"resetIds": False}}}
    config = {"markdown_it_plus": {"plugins": [entry]}}
    md, _spec = markdown_engine(_site(tmp_path, {"hexo-renderer-markdown-it-plus": "^1"}, config))
    first = md.render("## Extra\n\n## Extra\n", {"hexo_math": MathRenderer(TEXT)})
    assert 'id="extra"' in first and 'id="extra-2"' in first
    second = md.render("## Extra\n", {"hexo_math": MathRenderer(TEXT)})
    assert '<h2 id="extra"><a class="markdownIt-Anchor" href="#extra"></a> Extra</h2>' in second


def test_uslug() -> None:
    assert uslug("Hello, World: code() & more!") == "hello-world-code-more"
    assert uslug("中文标题（括号） and Ünïcödé") == "中文标题括号-and-ünïcödé"
    # A tab is no Unicode space (dropped); runs of spaces and dashes are one dash.
    assert uslug("Tab\tand  spaces – dash_under~tilde") == "taband-spaces-dash_under~tilde"
    # Outside the BMP (UTF-16 surrogates) and inside CJK Extension A (listed by its ends only): dropped.
    assert uslug("Emoji 😄 here") == "emoji-here"
    assert uslug("扩展A㐁字 and ｆｕｌｌ！ｗｉｄｔｈ、end") == "扩展a字-and-fullwidth-end"
    assert uslug("  --  ") == "-"


def test_abbreviations(tmp_path: Path) -> None:
    md, _spec = markdown_engine(_site(tmp_path, {"hexo-renderer-markdown-it-plus": "^1"}))
    # markdown-it-abbr: a whole word between punctuation or spaces; the longest label first.
    html = md.render("*[HTML]: Hyper Text\n*[HTML5]: Five\nHTML, HTML5, HTMLX and (HTML).")
    assert html == (
        '<p><abbr title="Hyper Text">HTML</abbr>, <abbr title="Five">HTML5</abbr>, HTMLX and '
        '(<abbr title="Hyper Text">HTML</abbr>).</p>\n'
    )


def test_toc(tmp_path: Path) -> None:
    md, _spec = markdown_engine(_site(tmp_path, {"hexo-renderer-markdown-it-plus": "^1"}))
    # From level 2 (lib/renderer.js's tocFirstLevel); the h1 is left out, the list sits in the <p>.
    html = md.render("@[toc]\n\n# Top\n## A\n### B\n")
    assert html.startswith(
        '<p><ul class="markdownIt-TOC">\n<li><a href="#a">A</a>\n'
        '<ul>\n<li><a href="#b">B</a></li>\n</ul>\n</li>\n</ul>\n</p>\n'
    )
    assert md.render("## A\n") == '<h2 id="a"><a class="markdownIt-Anchor" href="#a"></a> A</h2>\n'


def _fixture_pages(tmp_path: Path, name: str) -> list[tuple[str, str]]:
    """(our body, Hexo's body) of each page of the fixture site ``name`` beside the package's own."""
    fixture = Path(__file__).parent / "fixtures" / "plugins" / PACKAGE / name
    expected = json.loads((fixture / "expected.json").read_text(encoding="utf-8"))
    shutil.copytree(fixture / "site" / "source" / "_posts", tmp_path / "content" / "_posts")
    for file in ("_config.yml", "package.json"):
        shutil.copy(fixture / "site" / file, tmp_path / file)
    (tmp_path / "pelicanconf.py").write_text(HEXO_SITE_SETTINGS, encoding="utf-8")
    build = build_site(tmp_path / "pelicanconf.py", tmp_path / "output")
    return [
        (next(a for a in build.articles if a.save_as == page).content, hexo_body)
        for page, hexo_body in expected["pages"].items()
    ]


def test_without_a_highlighter_every_fence_is_the_renderers(tmp_path: Path) -> None:
    # Hexo's backtick_code_block returns at once when no highlighter is set: the renderer's own
    # fence rule highlights each block, with highlight.js's default `hljs-` classes.
    from htmlcompare import compare
    from test_plugins import start_tags

    for ours, hexo_body in _fixture_pages(tmp_path, "no-highlighter"):
        report = compare(hexo_body, ours)
        assert report["faithful"], report
        assert start_tags(ours) == start_tags(hexo_body)
        assert '<pre class="highlight"><code class="js"><span class="hljs-keyword">var</span>' in ours


def test_html_false_escapes_raw_html_and_the_tags_still_render(tmp_path: Path) -> None:
    # Hexo 7.3 (hexo-oracle): raw HTML and the HTML comment escaped, tags and the code block rendered inside a <p>.
    for ours, hexo_body in _fixture_pages(tmp_path, "html-false"):
        assert ours.strip() == hexo_body.strip()

"""Fenced code blocks cut out before Markdown (hexo-pipeline.md §1.3) and rendered back."""

from __future__ import annotations

import pytest

from pelican_hexo_tags.codeblocks import CodeBlock, cut_fences, parse_info_string, render_code_block
from pelican_hexo_tags.config import HexoConfig
from pelican_hexo_tags.lexer import placeholder

CODE0 = placeholder("code", 0)

# --- cut_fences ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fence", ["```", "~~~", "````", "~~~~"])
def test_backtick_and_tilde_fences(fence):
    text, blocks = cut_fences(f"before\n{fence}js\nvar x = {{a: 1}};\n{fence}\nafter")
    assert text == f"before\n{CODE0}\nafter"
    assert len(blocks) == 1
    assert blocks[0].code == "var x = {a: 1};"
    assert blocks[0].lang == "js"


def test_text_without_fences_is_unchanged():
    assert cut_fences("no `code` here") == ("no `code` here", [])


def test_several_fences_are_numbered_in_order():
    text, blocks = cut_fences("```a\n1\n```\n\ntext\n\n```b\n2\n```\n")
    assert text == f"{CODE0}\n\ntext\n\n{placeholder('code', 1)}\n"
    assert [(b.lang, b.code) for b in blocks] == [("a", "1"), ("b", "2")]


def test_longer_fence_holds_a_shorter_one():
    text, blocks = cut_fences("````\n```\ninner\n```\n````\n")
    assert text == f"{CODE0}\n"
    assert blocks[0].code == "```\ninner\n```"


def test_empty_fence():
    _, blocks = cut_fences("```js\n```\n")
    assert blocks[0].code == ""
    assert blocks[0].lang == "js"


def test_blank_lines_inside_the_code_are_kept():
    _, blocks = cut_fences("```\na\n\nb\n```")
    assert blocks[0].code == "a\n\nb"


def test_fence_in_a_blockquote_strips_the_markers():
    text, blocks = cut_fences("> ```js\n> var a;\n> if (a) {}\n> ```\n")
    assert text == f"> {CODE0}\n"
    assert blocks[0].code == "var a;\nif (a) {}"
    assert blocks[0].lang == "js"


def test_fence_in_a_nested_blockquote():
    text, blocks = cut_fences(">> ```\n>> a\n>>\n>> b\n>> ```")
    assert text == f">> {CODE0}"
    assert blocks[0].code == "a\n\nb"


@pytest.mark.parametrize("marker", ["-", "*", "+", "1.", "- ", "1. "])
def test_fence_glued_to_a_list_marker(marker):
    text, blocks = cut_fences(f"{marker}```js\nx()\n```\n")
    assert text == f"{marker}{CODE0}\n"
    assert blocks[0].code == "x()"
    assert blocks[0].lang == "js"


def test_hexo_before_8_takes_no_fence_glued_to_a_list_marker():
    # Hexo 5-7's rBacktick: the `- ```` line is the Markdown engine's; its closing line opens a block.
    text, blocks = cut_fences("- ```js\n  x()\n  ```\n\ntext\n\n```\ny\n```\n", (7, 3, 0))
    assert text == f"- ```js\n  x()\n  {CODE0}\ny\n```\n"
    assert blocks[0].code == "\ntext\n"
    assert blocks[0].lang == ""
    assert cut_fences("- ```js\nx()\n```\n", (8, 0, 0))[1][0].lang == "js"


def test_info_string_with_caption_url_and_link_text():
    _, blocks = cut_fences("```js Array.map https://developer.mozilla.org/map MDN docs\ncode\n```")
    block = blocks[0]
    assert block.lang == "js"
    assert block.caption == ('<span>Array.map</span><a href="https://developer.mozilla.org/map">MDN docs</a>')


@pytest.mark.parametrize(
    ("info", "lang", "caption"),
    [
        ("js", "js", ""),
        ("js Title", "js", "<span>Title</span>"),
        ("js Two words", "js", "<span>Two words</span>"),
        ("js Title /path/x", "js", '<span>Title</span><a href="/path/x">link</a>'),
        ("js Title https://a.com/x", "js", '<span>Title</span><a href="https://a.com/x">link</a>'),
        ("diff=5", "diff", ""),
        ("", "", ""),
    ],
)
def test_parse_info_string(info, lang, caption):
    assert parse_info_string(info)[:2] == (lang, caption)


def test_caption_is_not_escaped():
    # Hexo puts fence captions in `<span>${caption}</span>` as written.
    assert parse_info_string("html <b>bold</b>")[1] == "<span><b>bold</b></span>"


def test_key_value_options():
    _, blocks = cut_fences("```js line_number:false mark:1,3-4 first_line:7 highlight:false My title\nc\n```")
    block = blocks[0]
    assert block.options == {
        "line_number": "false",
        "mark": "1,3-4",
        "first_line": "7",
        "highlight": "false",
    }
    assert block.lang == "js"
    assert block.caption == "<span>My title</span>"


def test_unknown_key_value_goes_to_the_caption():
    lang, caption, options = parse_info_string("js foo:bar")
    assert (lang, caption, options) == ("js", "<span>foo:bar</span>", {})


def test_tags_inside_fences_stay_in_the_code():
    text, blocks = cut_fences("```\n{% shout %} {{ x }}\n{% raw %}y{% endraw %}\n```")
    assert text == CODE0
    assert blocks[0].code == "{% shout %} {{ x }}\n{% raw %}y{% endraw %}"


@pytest.mark.parametrize(
    ("source", "removed"),
    [
        ("```\na\n```", 2),
        ("```\na\n```\n", 2),
        ("```\na\n\nb\n```\n\n\ny", 4),
        ("```js\n```\n", 1),
        ("> ```\n> a\n> b\n> ```\n", 3),
    ],
)
def test_removed_newlines(source, removed):
    text, blocks = cut_fences(source)
    assert blocks[0].removed_newlines == removed
    assert source.count("\n") - text.count("\n") == removed


# --- render_code_block ---------------------------------------------------------------------------

DEFAULT = HexoConfig()
NO_HIGHLIGHTER = HexoConfig({"syntax_highlighter": ""})


def test_default_render_is_a_figure_with_gutter():
    html = render_code_block(CodeBlock("a\nb", "js"), DEFAULT)
    assert html == (
        '<figure class="highlight js"><table><tr>'
        '<td class="gutter"><pre><span class="line">1</span><br><span class="line">2</span><br></pre></td>'
        '<td class="code"><pre><span class="line">a</span><br><span class="line">b</span><br></pre></td>'
        "</tr></table></figure>"
    )


def test_code_escapes_markup_and_braces():
    html = render_code_block(CodeBlock("if (a < b && c > d) { x }", "js"), DEFAULT)
    assert '<span class="keyword">if</span> (a &lt; b &amp;&amp; c &gt; d) &#123; x &#125;</span>' in html
    assert "{" not in html
    assert "}" not in html


def test_tag_source_in_code_cannot_run():
    html = render_code_block(CodeBlock("{% shout %} {{ x }}", ""), DEFAULT)
    assert "&#123;% shout %&#125; &#123;&#123; x &#125;&#125;" in html
    assert '<figure class="highlight plaintext">' in html


def test_caption_goes_in_a_figcaption():
    html = render_code_block(CodeBlock("x", "py", caption="<span>T</span>"), DEFAULT)
    assert html.startswith('<figure class="highlight py"><figcaption><span>T</span></figcaption><table>')


def test_line_number_false_drops_the_gutter():
    html = render_code_block(CodeBlock("x\ny", "js", options={"line_number": "false"}), DEFAULT)
    assert 'class="gutter"' not in html
    assert '<td class="code"><pre><span class="line">x</span><br><span class="line">y</span><br>' in html


def test_config_line_number_false_drops_the_gutter():
    config = HexoConfig({"highlight": {"line_number": False}})
    assert 'class="gutter"' not in render_code_block(CodeBlock("x", "js"), config)


def test_first_line_numbers_the_gutter():
    html = render_code_block(CodeBlock("x\ny", "js", options={"first_line": "5"}), DEFAULT)
    assert '<td class="gutter"><pre><span class="line">5</span><br><span class="line">6</span><br></pre>' in html


def test_line_threshold():
    block = CodeBlock("x\ny", "js", options={"line_threshold": "2"})
    assert 'class="gutter"' not in render_code_block(block, DEFAULT)
    block = CodeBlock("x\ny\nz", "js", options={"line_threshold": "2"})
    assert 'class="gutter"' in render_code_block(block, DEFAULT)


def test_common_indent_is_stripped():
    html = render_code_block(CodeBlock("  x\n    y", "js"), DEFAULT)
    assert '<span class="line">x</span><br><span class="line">  y</span><br>' in html


def test_highlight_false_gives_plain_pre_code():
    block = CodeBlock("a <b> & {c}", "js", options={"highlight": "false"})
    assert render_code_block(block, DEFAULT) == "<pre><code>a &lt;b&gt; &amp; &#123;c&#125;</code></pre>"


@pytest.mark.parametrize("value", ["", False, None])
def test_no_highlighter_gives_language_class(value):
    config = HexoConfig({"syntax_highlighter": value})
    block = CodeBlock("a <b> {c}", "js")
    assert render_code_block(block, config) == ('<pre><code class="language-js">a &lt;b&gt; &#123;c&#125;</code></pre>')


def test_no_highlighter_and_no_language():
    assert render_code_block(CodeBlock("x & y", ""), NO_HIGHLIGHTER) == "<pre><code>x &amp; y</code></pre>"

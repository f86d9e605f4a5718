"""Media and other tags, admonitions, math and mermaid through ``pipeline.render_post``."""

from __future__ import annotations

import json
import re

import pytest

from pelican_hexo_tags.config import HexoConfig
from pelican_hexo_tags.math import CLIENT, SERVER, TEXT, katex_macros, math_mode, render_katex
from pelican_hexo_tags.pipeline import PostEnvironment, render_post
from pelican_hexo_tags.registry import registry_with_user_tags


def render(body, config=None, metadata=None, settings=None, **kwargs):
    env = PostEnvironment(
        source_path="source/_posts/post.md",
        config=HexoConfig({"post_asset_folder": True, **(config or {})}),
        settings=settings or {},
        registry=registry_with_user_tags(None),
        metadata=metadata if metadata is not None else {"title": "Hello"},
        post_path=kwargs.pop("post_path", "2024/01/01/post/"),
        asset_url="/2024/01/01/post/",
        dialect=kwargs.pop("dialect", "landscape"),
        **kwargs,
    )
    out = render_post(body, env)
    return out, env


# --- players -------------------------------------------------------------------------------------


def test_dplayer_options_and_shipped_script():
    out, env = render('{% dplayer "url=v.mp4" "pic=https://e.org/p.jpg" "autoplay" "hotkey=no" "volume=0.5" %}')
    html = out.content
    assert html.count('<script src="/hexo-tags/dplayer/DPlayer.min.js"></script>') == 1
    assert '<div id="dplayer0" class="dplayer hexo-tag-dplayer-mark" style="margin-bottom: 20px;"></div>' in html
    options = json.loads(
        re.search(r"new DPlayer\((\{.*?\})\);", html).group(1).replace('document.getElementById("dplayer0")', '"#"')
    )
    # A relative url is the post's asset; false options are left out as upstream leaves them.
    assert options == {
        "container": "#",
        "autoplay": True,
        "volume": 0.5,
        "video": {"url": "/2024/01/01/post/v.mp4", "pic": "https://e.org/p.jpg"},
    }
    assert env.page_state.bundles == {"dplayer"}


def test_dplayer_without_url_says_so():
    out, _ = render('{% dplayer "pic=a.jpg" %}')
    assert "no url specified" in out.content


def test_aplayer_loads_its_files_once_and_ids_are_stable():
    body = '{% aplayer "A" "B" "https://e.org/a.mp3" cover.jpg narrow %}\n\n{% aplayer "C" "D" "/c.mp3" %}'
    first, env = render(body)
    second, _ = render(body)
    assert first.content == second.content
    assert first.content.count("APlayer.min.js") == 1
    assert first.content.count("APlayer.min.css") == 1
    ids = re.findall(r'id="(aplayer-[A-Za-z]{8})"', first.content)
    assert len(set(ids)) == 2
    assert 'pic: "/2024/01/01/post/cover.jpg"' in first.content
    assert "narrow: true" in first.content
    assert env.page_state.bundles == {"aplayer"}


def test_aplayer_lrc_file_is_read_from_the_asset_folder(tmp_path):
    (tmp_path / "song.lrc").write_text("[00:00.00]la <la>", encoding="utf-8")
    out, _ = render('{% aplayer "A" "B" "https://e.org/a.mp3" "lrc:song.lrc" %}', asset_dir=str(tmp_path))
    assert '<pre class="aplayer-lrc-content">[00:00.00]la &lt;la&gt;</pre>' in out.content
    assert "showlrc: 2" in out.content


def test_aplayerlist_and_aplayerlrc():
    body = '{% aplayerlist %}\n{"autoplay": true, "music": [{"title": "t", "url": "a.mp3"}]}\n{% endaplayerlist %}'
    out, _ = render(body)
    assert '"url": "/2024/01/01/post/a.mp3"' in out.content
    assert '"autoplay": true' in out.content
    out, _ = render('{% aplayerlrc "T" "A" "/a.mp3" %}\n[00:01.00]one\n{% endaplayerlrc %}')
    assert '<pre class="aplayer-lrc-content">[00:01.00]one</pre>' in out.content
    assert "showlrc: 2" in out.content


def test_meting_data_attributes_and_script():
    out, env = render('{% meting "1" "netease" "song" "mini" "mutex:false" "theme:#fff" %}')
    assert 'data-id="1" data-server="netease" data-type="song"' in out.content
    assert 'data-mutex="false"' in out.content
    assert 'data-theme="#fff"' in out.content
    assert 'data-mini="true"' in out.content
    assert "/hexo-tags/meting/Meting.min.js" in out.content
    assert env.page_state.bundles == {"aplayer", "meting"}


def test_player_bundles_are_shipped():
    from pelican_hexo_tags.integration import STATIC_ROOT

    for path in ("aplayer/APlayer.min.js", "aplayer/APlayer.min.css", "dplayer/DPlayer.min.js", "meting/Meting.min.js"):
        assert (__import__("pathlib").Path(STATIC_ROOT) / path).stat().st_size > 1000


# --- pdf, video ----------------------------------------------------------------------------------


def test_pdf_kinds():
    out, _ = render("{% pdf doc.pdf %}")
    assert (
        out.content == '<div class="row"><embed src="doc.pdf" width="100%" height="550" type="application/pdf"></div>'
    )
    out, _ = render("{% pdf https://drive.google.com/file/d/x/preview %}")
    assert '<iframe src="https://drive.google.com/file/d/x/preview" style="width:100%; height:550px">' in out.content
    out, _ = render("{% pdf https://www.slideshare.net/slideshow/embed_code/key/a %}")
    assert out.content.endswith('<div style="margin-bottom:5px"></div>')


def test_pdf_relative_file_gets_the_asset_url_when_the_post_url_is_a_file():
    out, _ = render("{% pdf doc.pdf %}", post_path="2024/01/01/post.html")
    assert 'src="/2024/01/01/post/doc.pdf"' in out.content


def test_pdf_next_dialect_keeps_nexts_tag():
    out, _ = render("{% pdf /a.pdf %}", dialect="next")
    assert 'class="pdf-container"' in out.content


def test_video_tag_iframe_and_url():
    out, _ = render("{% video '<iframe src=\"https://e.org/v\"' 'width=\"10\"' '></iframe>' %}")
    assert out.content == '<div class="video-container"><iframe src="https://e.org/v" ></iframe></div>'
    out, _ = render("{% video clip.mp4 poster.jpg %}")
    assert 'src="/2024/01/01/post/clip.mp4"' in out.content
    assert 'poster="/2024/01/01/post/poster.jpg"' in out.content


# --- other tags ----------------------------------------------------------------------------------


def test_spoiler():
    out, _ = render("Hidden: {% spoiler style:box *secret* words %}")
    assert '<span class="spoiler" onclick="this.classList.toggle(\'spoiler\')">' in out.content
    assert '<span class="spoiler-box"><em>secret</em> words</span>' in out.content
    assert out.content.count("<style>") == 1


def test_codepen_iframe():
    out, _ = render("{% codepen someone abCdE dark html %}")
    assert 'src="https://codepen.io/someone/embed/abCdE?default-tab=html&amp;theme-id=dark"' in out.content
    assert 'href="https://codepen.io/someone/pen/abCdE"' in out.content


def test_kbd():
    out, _ = render("Press {% kbd Ctrl + C %}.")
    assert out.content == "<p>Press <kbd>Ctrl</kbd> + <kbd>C</kbd>.</p>\n"


def test_twitter_links_the_tweet_without_network():
    out, _ = render("{%twitter https://x.com/someone/status/123%}")
    assert '<blockquote class="twitter-tweet"><a ' in out.content
    assert 'href="https://twitter.com/someone/status/123">' in out.content
    assert "platform.twitter.com/widgets.js" in out.content
    out, _ = render("{% twitter 456 other %}", settings={"HEXO_TWITTER_SCRIPT": False})
    assert "https://twitter.com/other/status/456" in out.content
    assert "<script" not in out.content


def test_douban_card_from_local_data(tmp_path):
    data = tmp_path / "douban.yml"
    data.write_text("book:\n  '1135754':\n    title: 活着\n    author: 余华\n    rate: 9.4\n    img: /img/huozhe.jpg\n")
    out, env = render("{% douban book 1135754 %}", settings={"HEXO_DOUBAN_DATA": str(data)})
    assert '<a class="douban-card" target="_blank" rel="noopener" href="https://book.douban.com/subject/1135754/">' in (
        out.content
    )
    assert "<strong>活着</strong>" in out.content
    assert "<span>余华</span>" in out.content
    assert "url('/img/huozhe.jpg')" in out.content
    assert not env.problems


def test_douban_card_without_data_links_the_item():
    out, env = render("{%douban 36057097 movie%}")
    assert 'href="https://movie.douban.com/subject/36057097/"' in out.content
    assert "no data" in env.problems[0].message


def test_valkyrurl():
    body = '{% valkyrurl\n[url=/LLM/]\n[title="Large Language Model"]\n[avatar=/LLM/cover.png]\n[desc="基于"]\n%}'
    out, _ = render(body)
    assert '<a href="/LLM/"><img class="avatar" src="/LLM/cover.png" ></a>' in out.content
    assert '<a href="/LLM/">Large Language Model</a>' in out.content
    assert '<div class="desc">基于</div>' in out.content


def test_mdline_timeline():
    out, _ = render("{% mdline %}\n## 1929: Crash\nMarkets *fell*.\n## 1933: New Deal\n{% endmdline %}")
    assert out.content.startswith('<section class="mdline">')
    assert '<div class="mdline-date">1929</div>' in out.content
    assert "<em>fell</em>" in out.content
    assert '<div class="mdline-title">New Deal</div>' in out.content


# --- admonitions ---------------------------------------------------------------------------------


def test_admonition_with_title_and_markdown_body():
    out, _ = render('Intro.\n\n!!! warning "Careful"\n    Body *here*.\n\nAfter.\n')
    assert '<div class="admonition warning"><p class="admonition-title">Careful\n</p><p>Body <em>here</em>.</p>' in (
        out.content
    )
    assert out.content.endswith("<p>After.</p>\n")


def test_admonition_needs_a_blank_line_before_and_skips_code():
    out, _ = render("Text\n!!! note\n    body\n")
    assert "admonition" not in out.content
    out, _ = render("```\n\n!!! note\n    body\n```\n")
    assert "admonition" not in out.content


def test_admonition_keeps_later_tag_lines():
    _, env = render("A\n\n!!! note\n    one\n    two\n    three\n\n{% nosuchtag %}\n")
    assert env.problems[0].line == 8


def test_admonition_body_math_is_protected():
    out, _ = render("A\n\n!!! note\n    $a_1 b_1$\n", settings={"HEXO_MATH": "client"})
    assert '<span class="math inline">\\(a_1 b_1\\)</span>' in out.content


# --- math ----------------------------------------------------------------------------------------

MATHY = (
    "Let $a_1 + b_1$ and $c_2 * d_2$.\n\n$$\n\\sum_{i} x_i\n$$\n\n"
    "Also \\(e_1 f_1\\) and\n\n\\begin{align}g_1&=h_1\\end{align}\n"
)


@pytest.mark.parametrize("mode", ["text", "client", "server"])
def test_underscores_in_math_never_become_emphasis(mode):
    out, _ = render(MATHY, settings={"HEXO_MATH": mode})
    assert "<em>" not in out.content
    assert "<strong>" not in out.content


def test_text_mode_shows_math_as_written():
    out, env = render("Cost $a_1 b_1$ here", settings={"HEXO_MATH": "text"})
    assert out.content == "<p>Cost $a_1 b_1$ here</p>\n"
    assert not env.page_state.bundles


def test_dollars_for_money_are_not_math():
    out, _ = render("It costs $5 and $10 *total*.", settings={"HEXO_MATH": "server"})
    assert "katex" not in out.content
    assert "<em>total</em>" in out.content


def test_math_in_code_stays_code():
    out, _ = render("`$a_1$` and\n\n```\n$b_1$\n```\n", settings={"HEXO_MATH": "server"})
    assert "katex" not in out.content
    assert "<code>$a_1$</code>" in out.content


def test_server_math_is_katex_html_and_mathml_with_the_stylesheet():
    out, env = render(MATHY, settings={"HEXO_MATH": "server"})
    html = out.content
    assert html.startswith('<link rel="stylesheet" href="/hexo-tags/katex/katex.min.css">')
    assert 'class="katex"' in html
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML"' in html
    assert '<annotation encoding="application/x-tex">a_1 + b_1</annotation>' in html
    assert '<p class="katex-block"><span class="katex-display">' in html
    assert "<script" not in html
    assert env.page_state.bundles == {"katex"}


def test_tag_braces_inside_math_stay_tex():
    out, env = render("$\\frac{{a}}{b}$", settings={"HEXO_MATH": "client"})
    assert "\\(\\frac{{a}}{b}\\)" in out.content
    assert not env.problems


def test_client_math_markup_and_script():
    out, env = render(MATHY, settings={"HEXO_MATH": "client"})
    html = out.content
    assert '<span class="math inline">\\(a_1 + b_1\\)</span>' in html
    assert '<div class="math display">\\[\\sum_{i} x_i\\]</div>' in html
    assert '<div class="math display">\\begin{align}g_1&amp;=h_1\\end{align}</div>' in html
    assert '<script defer src="/hexo-tags/katex/katex.min.js"></script>' in html
    assert "renderMathInElement(document.body" in html
    assert env.page_state.bundles == {"katex"}


def test_client_math_script_from_a_setting():
    settings = {"HEXO_MATH": "client", "HEXO_MATH_SCRIPT": "https://cdn.example/mathjax/tex-chtml.js"}
    out, _ = render("$x$", settings=settings)
    assert out.content.startswith('<script defer src="https://cdn.example/mathjax/tex-chtml.js"></script>')
    assert "katex.min.js" not in out.content


def test_no_assets_without_math():
    out, env = render("Plain *text*.", settings={"HEXO_MATH": "server"})
    assert out.content == "<p>Plain <em>text</em>.</p>\n"
    assert not env.page_state.bundles


def test_math_assets_are_in_the_excerpt():
    out, _ = render("$x_1$\n\n<!-- more -->\n\nRest", settings={"HEXO_MATH": "server"})
    assert "katex.min.css" in out.summary


def test_math_mode_detection():
    none = HexoConfig({})
    assert math_mode(none, {}, {}) == TEXT
    assert math_mode(none, {"mathjax": True}, {}) == CLIENT
    katex_plugin = HexoConfig({"markdown": {"plugins": ["@iktakahiro/markdown-it-katex"]}})
    assert math_mode(katex_plugin, {}, {}) == SERVER
    filter_mathjax = HexoConfig({"mathjax": {"single_dollars": True, "every_page": False}})
    assert math_mode(filter_mathjax, {}, {}) == TEXT
    assert math_mode(filter_mathjax, {"mathjax": True}, {}) == SERVER
    next_theme = HexoConfig({"theme_config": {"math": {"every_page": False, "mathjax": {"enable": True}}}})
    assert math_mode(next_theme, {}, {}) == TEXT
    assert math_mode(next_theme, {"mathjax": True}, {}) == CLIENT
    fluid_katex = HexoConfig({"theme_config": {"post": {"math": {"enable": True, "engine": "katex"}}}})
    assert math_mode(fluid_katex, {}, {}) == SERVER
    assert math_mode(none, {}, {"HEXO_MATH": "server"}) == SERVER
    assert math_mode(katex_plugin, {}, {"HEXO_MATH": False}) == TEXT


def test_theme_config_file_is_read(tmp_path):
    (tmp_path / "_config.butterfly.yml").write_text("math:\n  use: mathjax\n  per_page: true\n")
    config = HexoConfig({"theme": "butterfly"}, source_root=str(tmp_path))
    assert math_mode(config, {}, {}) == CLIENT


def test_hexo_filter_mathjax_macros_reach_katex():
    config = HexoConfig({"mathjax": {"extension_options": {"macros": {"R": "\\mathbb{R}", "b": ["\\mathbf{#1}", 1]}}}})
    macros = katex_macros(config, {})
    assert macros == {"\\R": "\\mathbb{R}", "\\b": "\\mathbf{#1}"}
    html = render_katex("\\R \\b{x}", False, macros)
    assert 'mathvariant="double-struck"' in html
    assert 'mathvariant="bold"' in html
    assert "katex-error" not in html


def test_katex_error_does_not_break_the_page():
    assert "katex-error" in render_katex("\\frac{", True)


# --- mermaid -------------------------------------------------------------------------------------


def test_mermaid_fence_and_tag_render_alike():
    fence, env = render("```mermaid\ngraph TD\nA-->B\n```\n")
    tag, _ = render("{% mermaid graph TD %}\nA-->B\n{% endmermaid %}")
    expected = '<pre class="mermaid">graph TD\nA--&gt;B</pre>'
    assert expected in fence.content
    assert expected in tag.content
    assert fence.content.startswith('<script defer src="https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.min.js"')
    assert env.page_state.mermaid is True


def test_mermaid_url_setting_and_opt_out():
    out, _ = render("```mermaid\ngraph TD\n```\n", settings={"HEXO_MERMAID_URL": "/js/mermaid.min.js"})
    assert '<script defer src="/js/mermaid.min.js"' in out.content
    out, _ = render("```mermaid\ngraph TD\n```\n", settings={"HEXO_MERMAID": False})
    assert "mermaid.min.js" not in out.content
    assert 'class="mermaid"' not in out.content


def test_a_site_without_math_reads_dollars_as_text_and_code_spans_win():
    # curbengh (marked, no math anywhere): Hexo's marked read `$PATH … $PATH` as text.
    out, _env = render('Add `./bin` to $PATH, or run `export PATH="$PATH:x"` and $PATH_2 stays.\n')
    assert math_mode(HexoConfig({}), {}, {}) == TEXT
    assert out.content == (
        "<p>Add <code>./bin</code> to $PATH, or run <code>export PATH=&quot;$PATH:x&quot;</code>"
        " and $PATH_2 stays.</p>\n"
    )

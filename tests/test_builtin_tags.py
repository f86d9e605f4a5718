"""Hexo's built-in tags and hexo-tag-embed, one by one (hexo-pipeline.md §1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pelican_hexo_tags.config import HexoConfig
from pelican_hexo_tags.pipeline import PostEnvironment, render_post
from pelican_hexo_tags.registry import registry_with_user_tags


def render(body: str, config: dict | None = None, tmp: Path | None = None, settings: dict | None = None):
    """(HTML, problem messages) of ``body`` as the post ``foo`` with an asset folder in ``tmp``."""
    source = str(tmp / "_posts" / "foo.md") if tmp else "source/_posts/foo.md"
    env = PostEnvironment(
        source_path=source,
        # The site-wide external_link filter is tested elsewhere; here the tags' own bytes.
        config=HexoConfig(
            {"permalink": ":title/", "external_link": {"enable": False}, **(config or {})}, str(tmp) if tmp else None
        ),
        settings=settings or {},
        registry=registry_with_user_tags(None),
        metadata={"title": "Hello world"},
        asset_url="/foo/",
        asset_dir=str(tmp / "_posts" / "foo") if tmp else None,
    )
    out = render_post(body, env)
    return out.content, [p.message for p in out.problems], env


# --- blockquote, pullquote ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "footer"),
    [
        ("", ""),
        ("John Doe", "<footer><strong>John Doe</strong></footer>"),
        (
            "Jane Austen, Pride and Prejudice",
            "<footer><strong>Jane Austen</strong><cite>Pride and Prejudice</cite></footer>",
        ),
        (
            "John Doe https://hexo.io/",
            '<footer><strong>John Doe</strong><cite><a href="https://hexo.io/">hexo.io</a></cite></footer>',
        ),
        (
            "John Doe https://hexo.io/ Hexo",
            '<footer><strong>John Doe</strong><cite><a href="https://hexo.io/">Hexo</a></cite></footer>',
        ),
    ],
)
def test_blockquote_footer_forms(args: str, footer: str) -> None:
    html, problems, _ = render(f"{{% blockquote {args} %}}\n**hi**\n{{% endblockquote %}}")
    assert html == f"<blockquote><p><strong>hi</strong></p>\n{footer}</blockquote>"
    assert problems == []


def test_quote_alias_and_pullquote_classes() -> None:
    assert render("{% quote %}one line{% endquote %}")[0] == "<blockquote><p>one line</p>\n</blockquote>"
    html = render("{% pullquote foo bar %}\n*x*\n{% endpullquote %}")[0]
    assert html == '<blockquote class="pullquote foo bar"><p><em>x</em></p>\n</blockquote>'


def test_nested_tag_output_starts_an_html_block_as_in_hexo() -> None:
    html = render("{% blockquote %}\ntest1\n{% quote test2 %}\ntest3\n{% endquote %}\ntest4\n{% endblockquote %}")[0]
    assert html.endswith("</footer></blockquote>\ntest4</blockquote>")


# --- codeblock ----------------------------------------------------------------------------------


def test_codeblock_caption_link_and_language() -> None:
    html = render(
        "{% codeblock _.compact http://underscorejs.org/#compact Underscore.js lang:js %}\nx(1)\n{% endcodeblock %}"
    )[0]
    assert html.startswith(
        '<figure class="highlight js"><figcaption><span>_.compact</span>'
        '<a href="http://underscorejs.org/#compact">Underscore.js</a></figcaption>'
    )
    assert '<span class="title function_">x</span>(<span class="number">1</span>)' in html


def test_codeblock_options() -> None:
    body = "a\nb\nc"
    assert 'class="gutter"' not in render(f"{{% code line_number:false %}}\n{body}\n{{% endcode %}}")[0]
    assert 'class="gutter"' not in render(f"{{% code line_threshold:3 %}}\n{body}\n{{% endcode %}}")[0]
    html = render(f"{{% code first_line:7 %}}\n{body}\n{{% endcode %}}")[0]
    assert '<span class="line">7</span><br><span class="line">8</span>' in html
    html = render(f"{{% code mark:3-2 %}}\n{body}\n{{% endcode %}}")[0]
    assert (
        '<span class="line">a</span><br><span class="line marked">b</span><br><span class="line marked">c</span>'
        in html
    )
    assert 'data-language="js"' in render("{% code lang:js language_attr:true %}\nx\n{% endcode %}")[0]
    assert render("{% code highlight:false %}\n{a} <b>\n{% endcode %}")[0] == "<pre><code>{a} &lt;b&gt;</code></pre>"


def test_codeblock_wrap_option_is_ignored_like_hexo_but_config_wrap_is_not() -> None:
    assert "<figure" in render("{% code wrap:false line_number:false %}\nx\n{% endcode %}")[0]
    html = render("{% code line_number:false %}\nx\n{% endcode %}", {"highlight": {"wrap": False}})[0]
    assert html == '<pre><code class="highlight plaintext">x</code></pre>'


def test_codeblock_escapes_braces_and_evaluates_expressions() -> None:
    html = render("{% code %}\nvar a = {b: 1};\n{{ 1 + 1 }}\n{% endcode %}")[0]
    assert "&#123;b: 1&#125;" in html
    assert '<span class="line">2</span><br></pre></td></tr>' in html


def test_codeblock_under_other_highlighters() -> None:
    prism = render("{% codeblock Title lang:js %}\nc();\n{% endcodeblock %}", {"syntax_highlighter": "prismjs"})[0]
    assert prism.startswith(
        '<pre class="line-numbers language-javascript" data-language="javascript">'
        '<div class="caption"><span>Title</span></div><code class="language-javascript">'
        '<span class="token function">c</span><span class="token punctuation">(</span>'
    )
    plain = render("{% code lang:js %}\nif (a && b) {}\n{% endcode %}", {"syntax_highlighter": ""})[0]
    assert plain == "<pre><code>if (a &amp;&amp; b) {}</code></pre>"


# --- iframe, img, link -------------------------------------------------------------------------


def test_iframe() -> None:
    assert render("{% iframe https://zespia.tw default 400 %}")[0] == (
        '<iframe src="https://zespia.tw/" width="100%" height="400" frameborder="0" loading="lazy" allowfullscreen>'
        "</iframe>"
    )
    html, problems, _ = render("{% iframe %}")
    assert "hexo-tag-unrendered" in html and problems


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{% img /a.jpg %}", '<img src="/a.jpg" class="">'),
        (
            "{% img left top //x.com/a.jpg 200 300 %}",
            '<img src="//x.com/a.jpg" class="left top" width="200" height="300">',
        ),
        (
            '{% img left https://x.com/a.jpg 200 300 \'"Place Kitten" "A cute kitten"\' %}',
            '<img src="https://x.com/a.jpg" class="left" width="200" height="300" title="Place Kitten"'
            ' alt="A cute kitten">',
        ),
        ("{% image /a.jpg \"lorem ipsum'dolor'\" %}", '<img src="/a.jpg" class="" title="lorem ipsum" alt="dolor">'),
        ("{% img images/a.jpg %}", '<img class="images&#x2F;a.jpg">'),
    ],
)
def test_img(source: str, expected: str) -> None:
    assert render(source, {"root": "/"})[0] == expected


def test_img_prefixes_the_root() -> None:
    assert render("{% img /a.jpg %}", {"root": "/blog/"})[0] == '<img src="/blog/a.jpg" class="">'


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{% link Click here https://google.com %}", '<a href="https://google.com/" title="" target="">Click here</a>'),
        (
            "{% a Click https://google.com true Google link %}",
            '<a href="https://google.com/" title="Google link" target="_blank">Click</a>',
        ),
        ("{% anchor Home /about/ %}", '<a href="" title="" target="">Home &#x2F;about&#x2F;</a>'),
    ],
)
def test_link(source: str, expected: str) -> None:
    assert render(source)[0] == expected


# --- include_code -------------------------------------------------------------------------------


@pytest.fixture
def site(tmp_path: Path) -> Path:
    code = tmp_path / "source" / "downloads" / "code"
    code.mkdir(parents=True)
    (code / "test.js").write_text("if (tired && night) {\n  sleep();\n}", encoding="utf-8")
    assets = tmp_path / "_posts" / "foo"
    assets.mkdir(parents=True)
    for name in ("bar", "bár", "spaced asset", "img.png"):
        (assets / name).write_bytes(b"x")
    return tmp_path


def test_include_code(site: Path) -> None:
    html, problems, env = render("{% include_code Hello <b> lang:js from:2 to:2 test.js %}", tmp=site)
    assert html.startswith(
        '<figure class="highlight js"><figcaption><span>Hello &lt;b&gt;</span>'
        '<a href="/downloads/code/test.js">view raw</a></figcaption>'
    )
    # Hexo trims the included lines, so the indent of a lone line goes too.
    assert '<td class="code"><pre><span class="line"><span class="title function_">sleep</span>();</span>' in html
    assert problems == []
    assert env.page_state.files == {str(site / "source/downloads/code/test.js"): "downloads/code/test.js"}


def test_include_code_missing_or_outside_the_code_dir(site: Path) -> None:
    for source in ("{% include_code nothing.js %}", "{% include_code ../../_posts/foo/bar %}"):
        html, problems, _ = render(source, tmp=site)
        assert html == ""
        assert "nothing shown" in problems[0]


# --- asset_* ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{% asset_path bár %}", "/foo/b%C3%A1r"),
        (
            '{% asset_link "spaced asset" "spaced title" %}',
            '<a href="/foo/spaced%20asset" title="spaced title">spaced title</a>',
        ),
        (
            "{% asset_link bar '\"Hello\" <b>world</b>' false %}",
            '<a href="/foo/bar" title="&quot;Hello&quot; &lt;b&gt;world&lt;&#x2F;b&gt;">"Hello" <b>world</b></a>',
        ),
        (
            '{% asset_img post-image img.png 100 200 \'"a title" "an alt"\' %}',
            '<img src="/foo/img.png" class="post-image" width="100" height="200" title="a title" alt="an alt">',
        ),
        ("{% asset_image img.png %}", '<img src="/foo/img.png" class="">'),
    ],
)
def test_asset_tags(site: Path, source: str, expected: str) -> None:
    html, problems, _ = render(source, tmp=site)
    assert html.strip() in (expected, f"<p>{expected}</p>")
    assert problems == []


@pytest.mark.parametrize("name", ["asset_path", "asset_link", "asset_img"])
def test_missing_asset_renders_nothing_and_warns(site: Path, name: str) -> None:
    html, problems, _ = render(f"{{% {name} boo %}}", tmp=site)
    assert html == ""
    assert "no asset 'boo'" in problems[0]


def test_asset_tags_without_an_asset_folder_warn() -> None:
    html, problems, _ = render("{% asset_path bar %}")
    assert html == "" and "post_asset_folder is off" in problems[0]


# --- url_for, full_url_for ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{% url_for foo fôo.html %}", '<a href="/f%C3%B4o.html">foo</a>'),
        ('{% url_for "About me" /about/ %}', '<a href="/about/">About me</a>'),
        ("{% url_for index index.html true %}", '<a href="index.html">index</a>'),
        ("{% url_for hash #test %}", '<a href="#test">hash</a>'),
        ("{% full_url_for nopath %}", '<a href="http://example.com/">nopath</a>'),
        ("{% full_url_for index /a/path %}", '<a href="http://example.com/a/path">index</a>'),
    ],
)
def test_url_for(source: str, expected: str) -> None:
    assert render(source)[0] == expected


def test_url_for_pretty_urls() -> None:
    config = {"pretty_urls": {"trailing_index": False, "trailing_html": False}}
    assert render("{% url_for a /x/index.html %} {% url_for b /y.html %}", config)[0] == (
        '<a href="/x/">a</a> <a href="/y">b</a>'
    )


# --- post_link / post_path leave markers for the build to resolve ----------------------------------


def test_post_link_leaves_a_marker_and_needs_a_slug() -> None:
    html, problems, _ = render("{% post_link foo#bar 'Read this' false %}")
    assert html.startswith("<!--hexo-post-link:") and problems == []
    html, problems, _ = render("{% post_link %}")
    assert "hexo-tag-unrendered" in html and "slug or title" in problems[0]


# --- Nunjucks ---------------------------------------------------------------------------------------


EVALUATE = {"HEXO_NUNJUCKS_VARIABLES": True}


def test_variables_are_shown_as_written_when_the_site_turns_evaluation_off() -> None:
    off = {"HEXO_NUNJUCKS_VARIABLES": False}
    html, problems, _ = render('{{ 1 + 1 }} and {{ title | lower }} and {{ "<b>" }}', settings=off)
    assert html == "{{ 1 + 1 }} and {{ title | lower }} and {{ &quot;&lt;b&gt;&quot; }}"
    # One warning per post, at the first one, naming the setting.
    assert len(problems) == 1 and "HEXO_NUNJUCKS_VARIABLES" in problems[0]


def test_nunjucks_expressions_set_and_if() -> None:
    # Evaluated by default, as Hexo did.
    assert render('{{ 1 + 1 }} {{ "a" | upper }} {{ title | lower }}')[0] == "2 A hello world"
    assert render("{% set x = 5 %}{% if x > 3 %}big{% else %}small{% endif %}")[0] == "big"
    assert render("{% if nope %}a{% elif title %}b{% endif %}")[0] == "b"
    html, problems, _ = render("{{ foo bar }}", settings=EVALUATE)
    assert "hexo-tag-unrendered" in html and "cannot evaluate" in problems[0]


def test_disable_nunjucks_leaves_tags_as_text() -> None:
    # Hexo: front matter `disableNunjucks: true` (or the renderer's option) skips tags altogether.
    env = render("x", settings=EVALUATE)[2]
    env.metadata = {"disableNunjucks": True}
    env.problems.clear()
    out = render_post("{% link a https://a.com %} {{ title }}\n\n```js\nvar a = 1;\n```", env)
    assert out.content.startswith('<p>{% link a <a href="https://a.com/">https://a.com</a> %} {{ title }}</p>')
    assert "<figure" in out.content and out.problems == []
    html = render("{% link a https://a.com %}", {"marked": {"disableNunjucks": True}})[0]
    assert html.startswith("<p>{% link a ")
    env.metadata = {"disableNunjucks": False}
    assert render_post("{% link a https://a.com %}", env).content.startswith("<a ")


# --- hexo-tag-embed -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "src"),
    [
        ("{% youtube lJIrF4YjHfQ %}", "https://www.youtube.com/embed/lJIrF4YjHfQ"),
        ("{% youtube PLx 'playlist' %}", "https://www.youtube.com/embed/videoseries?list=PLx"),
        ("{% youtube abc false %}", "https://www.youtube.com/embed/videoseries?list=abc"),
        ("{% vimeo 82090131 %}", "https://player.vimeo.com/video/82090131"),
    ],
)
def test_video_embeds(source: str, src: str) -> None:
    assert render(source)[0] == (
        f'<div class="video-container"><iframe src="{src}" frameborder="0" loading="lazy" allowfullscreen>'
        "</iframe></div>"
    )


def test_youtube_privacy_enhanced_setting() -> None:
    html = render("{% youtube abc %}", settings={"HEXO_YOUTUBE_NOCOOKIE": True})[0]
    assert 'src="https://www.youtube-nocookie.com/embed/abc"' in html


def test_gist_and_jsfiddle() -> None:
    assert render("{% gist a/b file.js %}")[0] == '<script src="//gist.github.com/a/b.js?file=file.js"></script>'
    assert render("{% jsfiddle NmudS js,result dark 500 400 %}")[0] == (
        '<iframe scrolling="no" width="500" height="400" src="https://jsfiddle.net/NmudS/embedded/js,result/dark"'
        ' frameborder="0" loading="lazy" allowfullscreen></iframe>'
    )

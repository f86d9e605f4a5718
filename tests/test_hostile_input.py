"""Attack inputs (docs/security.md lists them): each is refused, escaped or inert, with a warning where refused."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import pelican_hexo_tags.tags  # noqa: F401 - registers the tags
from pelican_hexo_tags.config import HexoConfig
from pelican_hexo_tags.frontmatter import parse_front_matter
from pelican_hexo_tags.html import refuse_unsafe_urls, url_is_safe
from pelican_hexo_tags.nunjucks import NunjucksError, evaluate, to_string
from pelican_hexo_tags.paths import contained_path
from pelican_hexo_tags.pipeline import PostEnvironment, render_post
from pelican_hexo_tags.registry import registry


def render(body: str, asset_dir: str | None = None) -> tuple[str, list[str]]:
    env = PostEnvironment(
        source_path="post.md",
        config=HexoConfig({"post_asset_folder": bool(asset_dir)}),
        settings={},
        registry=registry,
        metadata={"title": "T"},
        asset_dir=asset_dir,
        asset_url="/post/",
    )
    rendered = render_post(body, env)
    return rendered.content, [f"{p.line}: {p.message}" for p in rendered.problems]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "&#106;avascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
    ],
)
def test_unsafe_urls_are_refused(url: str) -> None:
    assert not url_is_safe(url)
    assert not url_is_safe(url, image=True)


@pytest.mark.parametrize(
    "url", ["https://a.org/x", "http://a.org", "//cdn.org/x.js", "/root/x", "x/y.png", "#id", "?q"]
)
def test_ordinary_urls_pass(url: str) -> None:
    assert url_is_safe(url)


def test_data_image_only_where_an_image_goes() -> None:
    assert url_is_safe("data:image/png;base64,AAAA", image=True)
    assert not url_is_safe("data:image/png;base64,AAAA", image=False)
    assert not url_is_safe("data:text/html;base64,AAAA", image=True)


@pytest.mark.parametrize(
    "source",
    [
        "{% link click javascript:alert(1) %}",
        "{% iframe javascript:alert(1) %}",
        "{% img javascript:alert(1) %}",
        "{% url_for x javascript:alert(1) %}",
        "{% button javascript:alert(1) text %}",
        "{% btn javascript:alert(1),text %}",
        "{% blockquote Author javascript:alert(1) %}q{% endblockquote %}",
    ],
)
def test_tags_never_write_a_script_url(source: str) -> None:
    html, problems = render(source)
    # Either refused (emptied, with a warning) or made a harmless path/text ("/javascript:…").
    assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript:""", html, re.IGNORECASE), html
    if re.search(r"""(href|src)=["']{2}""", html):
        assert any("refused" in p for p in problems)


@pytest.mark.parametrize(
    "source", ["[x](javascript:alert(1))", "![x](javascript:alert(1))", "<javascript:alert(1)>", "[x](vbscript:a)"]
)
def test_markdown_links_with_script_urls_stay_text_and_warn(source: str) -> None:
    html, problems = render(source)
    assert 'href="javascript' not in html and 'src="javascript' not in html and 'href="vbscript' not in html
    assert any("refused the link" in p for p in problems)


def test_tag_output_url_attributes_are_checked_however_quoted() -> None:
    html, refused = refuse_unsafe_urls("<a href=javascript:x>a</a><img src='vbscript:y'><a href=\"/ok\">")
    assert refused == ["javascript:x", "vbscript:y"]
    assert 'href=""' in html and 'src=""' in html and 'href="/ok"' in html


@pytest.mark.parametrize(
    "source",
    [
        '{% blockquote "Author\\"><script>alert(1)</script>" %}q{% endblockquote %}',
        '{% pullquote x"><script>alert(1)</script> %}q{% endpullquote %}',
        '{% link "a<script>alert(1)</script>" https://a.org %}',
        '{% kbd "<script>alert(1)</script>" %}',
        '{% codeblock "<script>alert(1)</script>" %}x{% endcodeblock %}',
    ],
)
def test_arguments_cannot_open_an_element(source: str) -> None:
    html, _ = render(source)
    assert "<script>" not in html


@pytest.mark.parametrize(
    "source, host",
    [
        ("{% youtube x/../../evil.org %}", "https://www.youtube.com/embed/"),
        ('{% youtube "x\\"onload=alert(1)" %}', "https://www.youtube.com/embed/"),
        ("{% vimeo 1@evil.org %}", "https://player.vimeo.com/video/"),
        ("{% jsfiddle //evil.org %}", "https://jsfiddle.net/"),
    ],
)
def test_embeds_stay_on_the_provider(source: str, host: str) -> None:
    html, _ = render(source)
    src = html.split('src="', 1)[1].split('"', 1)[0]
    assert src.startswith(host)
    assert not re.search(r"\sonload\s*=", html)


def test_paths_stay_inside_their_folder(tmp_path: Path) -> None:
    folder = tmp_path / "post"
    folder.mkdir()
    (folder / "a.png").write_bytes(b"x")
    (tmp_path / "secret.txt").write_text("secret")
    os.symlink(tmp_path / "secret.txt", folder / "link.png")
    assert contained_path(str(folder), "a.png")
    for bad in ["../secret.txt", "/etc/passwd", "sub/../../secret.txt", "link.png", "a\x00.png"]:
        assert contained_path(str(folder), bad) is None, bad


def test_asset_tags_refuse_escaping_paths_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "post"
    folder.mkdir()
    (tmp_path / "secret.png").write_bytes(b"x")
    os.symlink(tmp_path / "secret.png", folder / "link.png")
    for source in ["{% asset_img ../secret.png %}", "{% asset_path /etc/passwd %}", "{% asset_link link.png %}"]:
        html, problems = render(source, str(folder))
        assert "secret" not in html and "passwd" not in html and "link.png" not in html
        assert problems, source


def test_yaml_python_tags_are_inert(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\nx: !!python/name:os.system\n---\nbody"
    front = parse_front_matter(text)
    assert not marker.exists()
    assert all(not callable(v) for v in front.data.values())


@pytest.mark.parametrize(
    "expression",
    [
        "title.__class__",
        "title.__class__.__mro__",
        "title.upper",
        "title['__class__']",
        "date.__init__",
    ],
)
def test_expressions_reach_no_python_internals(expression: str) -> None:
    assert evaluate(expression, {"title": "x", "date": object()}.get) is None


@pytest.mark.parametrize("expression", ["title.upper()", "__import__('os')", "lipsum()", "range(10)"])
def test_expressions_make_no_calls(expression: str) -> None:
    with pytest.raises(NunjucksError):
        evaluate(expression, {"title": "x"}.get)


@pytest.mark.parametrize("expression", ["9 ** 9 ** 9", "(1/0) | int", "1" * 5000, "(" * 5000 + "1" + ")" * 5000])
def test_expressions_cannot_stall_or_crash(expression: str) -> None:
    try:
        value = evaluate(expression, {}.get)
    except NunjucksError:
        return
    assert len(to_string(value)) < 400


def test_a_variable_prints_escaped() -> None:
    env = PostEnvironment(
        source_path="post.md",
        config=HexoConfig({}),
        settings={},
        registry=registry,
        metadata={"title": "<script>alert(1)</script>"},
    )
    assert "<script>" not in render_post("{{ title }}", env).content


@pytest.mark.parametrize(
    ("dialect", "source"),
    [
        ("butterfly", "{% note 'x\" onmouseover=\"alert(1)' fa-x simple %}\nbody\n{% endnote %}"),
        ("butterfly", "{% label text 'red\" onclick=\"alert(1)' %}"),
        ("butterfly", "{% inlineImg /a.png '1em\" onerror=\"alert(1)' %}"),
        ("butterfly", "{% hideToggle show,'red\" onclick=\"alert(1)' %}\nx\n{% endhideToggle %}"),
        ("fluid", "{% label 'primary\" onclick=\"alert(1)' @text %}"),
        ("fluid", "{% btn https://a.example/, text, 't\" onclick=\"alert(1)' %}"),
        ("next", "{% button /a/, text, 'home\" onclick=\"alert(1)' %}"),
    ],
)
def test_theme_tag_arguments_cannot_leave_their_attribute(dialect: str, source: str) -> None:
    from bs4 import BeautifulSoup

    from pelican_hexo_tags.config import HexoConfig
    from pelican_hexo_tags.pipeline import PostEnvironment, render_post
    from pelican_hexo_tags.registry import registry_with_user_tags

    env = PostEnvironment(
        source_path="post.md",
        config=HexoConfig({}),
        settings={},
        registry=registry_with_user_tags(None),
        metadata={},
        dialect=dialect,
    )
    soup = BeautifulSoup(render_post(source, env).content, "html.parser")
    handlers = [name for tag in soup.find_all(True) for name in tag.attrs if name.startswith("on")]
    assert handlers == [], (source, str(soup)[:300])


def test_an_unclosed_comment_in_tag_output_cannot_hide_the_rest_of_the_post() -> None:
    # Found by bench/fuzz.py: `<!--` in a Butterfly galleryGroup argument swallowed the page.
    from pelican_hexo_tags.config import HexoConfig
    from pelican_hexo_tags.pipeline import PostEnvironment, render_post
    from pelican_hexo_tags.registry import registry_with_user_tags

    env = PostEnvironment(
        source_path="post.md",
        config=HexoConfig({}),
        settings={},
        registry=registry_with_user_tags(None),
        metadata={},
        dialect="butterfly",
    )
    html = render_post("{% galleryGroup name <!-- /more /img.png %}\n\nzqa\n\n<!-- a real comment -->", env).content
    before_zqa = html[: html.index("zqa")]
    assert before_zqa.count("<!--") == before_zqa.count("-->")

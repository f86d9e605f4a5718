"""Attack inputs (docs/security.md lists them): each is refused, escaped or inert, with a warning where refused."""

from __future__ import annotations

import itertools
import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import pelican_hexo_tags.tags  # noqa: F401 - registers the tags
from pelican_hexo_tags.config import HexoConfig
from pelican_hexo_tags.frontmatter import parse_front_matter
from pelican_hexo_tags.html import refuse_unsafe_urls, url_is_safe
from pelican_hexo_tags.nunjucks import NunjucksError, evaluate, to_string
from pelican_hexo_tags.paths import contained_path
from pelican_hexo_tags.pipeline import PostEnvironment, render_post
from pelican_hexo_tags.registry import registry, registry_with_user_tags


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


def render_in(dialect: str | None, body: str) -> str:
    """The HTML of ``body`` under a theme's dialect, with the package's tags."""
    env = PostEnvironment(
        source_path="post.md",
        config=HexoConfig({}),
        settings={},
        registry=registry_with_user_tags(None),
        metadata={},
        dialect=dialect,
    )
    return render_post(body, env).content


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
    "url",
    [
        *("https://a.org/x", "http://a.org", "//cdn.org/x.js", "/root/x", "x/y.png", "#id", "?q"),
        # Links the corpus blogs' authors wrote and their Hexo kept: no script runs from them.
        *("chrome://net-internals#hsts", "about:config", "ftp://a.org/f", "magnet:?xt=urn:x", "mailto:a@b.c"),
    ],
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
        settings={"HEXO_NUNJUCKS_VARIABLES": True},
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
        # A fuzzer's find: the argument closed NexT's `href` and swallowed the prose after it.
        ("next", '{% btn " "\'" "\' onerror=\'alert(1)" %}'),
        ("fluid", "{% mermaid 'x\" onmouseover=\"alert(1)' %}\ngraph TD\n{% endmermaid %}"),
    ],
)
def test_theme_tag_arguments_cannot_leave_their_attribute(dialect: str, source: str) -> None:
    html = render_in(dialect, source + "\n\nzqa\n")
    soup = BeautifulSoup(html, "html.parser")
    handlers = [name for tag in soup.find_all(True) for name in tag.attrs if name.startswith("on")]
    assert handlers == [], (source, str(soup)[:300])
    assert _escapes(html) == [], (source, html[:300])


def test_an_unclosed_comment_in_tag_output_cannot_hide_the_rest_of_the_post() -> None:
    # Found by bench/fuzz.py: `<!--` in a Butterfly galleryGroup argument swallowed the page.
    html = render_in("butterfly", "{% galleryGroup name <!-- /more /img.png %}\n\nzqa\n\n<!-- a real comment -->")
    before_zqa = html[: html.index("zqa")]
    assert before_zqa.count("<!--") == before_zqa.count("-->")


# --- every tag, every dialect: no argument leaves its attribute ----------------------------------------

_DOUBLE = 'x" onmouseover="alert(1)'
_SINGLE = "x' onmouseover='alert(1)"
# No space needed: a browser starts a new attribute right after a closing quote (and after `/`),
# so a URL tag that percent-encodes spaces is not safe by that alone.
_TIGHT = "x\"onmouseover=\"alert(1)'/onfocus='alert(1)"
# Breaks out of either quoting: `"` closes a double-quoted attribute, `'` a single-quoted one.
_BOTH = "x\" onmouseover=\"alert(1)' onfocus='alert(1)"
# URL-valued arguments: tags pass an absolute URL (or `//…`, `#…`) through url_for untouched.
_URLS = ("https://a.example/" + _TIGHT, "//a.example/" + _TIGHT, "#" + _TIGHT)
# Option keys the packs read as `key:value`, `key=value` or `[key=value]`; a tag is tried with
# those its module names (a quoted "key" in its source), so the test stays fast.
_COLON_KEYS = (
    "color", "child", "icon", "desc", "title", "open", "width", "effect", "img", "video", "focus", "style", "p",
    "user", "slug_hash", "theme_id", "default_tab", "lrc", "theme", "loop", "order", "volume", "lrctype",
    "storagename", "mutex", "mode", "listmaxheight", "preload", "lang", "mark", "line_number", "first_line", "url",
)  # fmt: skip
_EQUALS_KEYS = (
    "video", "audio", "poster", "width", "height", "aspect-ratio", "subtitles", "captions", "label", "chapters",
    "url", "pic", "thumbnails", "vidtype", "suburl", "subtype", "subbottom", "subcolor", "id", "api", "token",
    "addition", "dmuser", "theme", "lang", "logo", "preload", "volume", "maximum", "style", "class",
)  # fmt: skip
_BRACKET_KEYS = ("url", "title", "avatar", "desc")


def _quoted(text: str) -> str:
    """``text`` as one tag argument (a Nunjucks string, quotes escaped)."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _positional_shapes(payload: str) -> list[str]:
    p = _quoted(payload)
    return [
        p,
        f"a {p}",
        f"a b {p}",
        f"a b c {p}",
        f"{p} {p} {p} {p} {p} {p}",
        f"{p}, {p}, {p}, {p}",
        f"a, {p}, {p}, {p}",
        f"a,b,c,{p}",
        f"a, b, c, d, {p}, {p}",
        _quoted(f"{payload}@{payload}"),
        _quoted(f"a@{payload}"),
        _quoted(f"{payload}@a"),
        f"a {_quoted('@' + payload)}",
        f"{p} {_quoted('@' + payload)}",
        _quoted(f"{payload}|{payload}|{payload}|{payload}"),
        f"a {_quoted('|')} {p}",
        f"/a.png {p} {p}",
        f"1 {p} {p}",
        f"https://a.example/ {p} {p}",
        f"{p} https://a.example/ {p}",
    ]


def _keyed_shapes(keys: list[str], separator: str, payload: str, wrap: str = "{}") -> list[str]:
    shapes = []
    for key in keys:
        hostile = _quoted(wrap.format(f"{key}{separator}{payload}"))
        others = " ".join(_quoted(wrap.format(f"{other}{separator}b")) for other in keys if other != key)
        shapes += [f"a b c {hostile}", f"a {others} {hostile}"]
    return shapes


def _body(payload: str | None) -> str:
    """A block tag's body: the sections theme tags split on, holding ``payload`` when given."""
    if payload is None:
        return "body\n\n<!-- chart -->\n{}\n<!-- endchart -->\n"
    return (
        f"<!-- tab {payload}@{payload} -->\nx\n<!-- endtab -->\n"
        f"<!-- timeline {payload} -->\nx\n<!-- endtimeline -->\n"
        f"{payload} | {payload} | {payload} | {payload}\n\n![{payload}](/a.png)\n"
    )


def _every_tag() -> list[tuple[str | None, str]]:
    tags = registry_with_user_tags(None)._tags
    return sorted(((dialect, name) for name, variants in tags.items() for dialect in variants), key=str)


def _tag_sources(name: str, dialect: str | None) -> list[str]:
    import inspect

    spec = registry_with_user_tags(None)._tags[name][dialect]
    module = inspect.getsource(inspect.getmodule(spec.function))
    mentioned = [key for key in {*_COLON_KEYS, *_EQUALS_KEYS} if f'"{key}"' in module]
    argument_lists = [*_positional_shapes(_DOUBLE), *_positional_shapes(_SINGLE), *_positional_shapes(_TIGHT)]
    for url in map(_quoted, _URLS):
        argument_lists += [url, f"a {url}", f"a b {url}", f"a b c {url}", f"{url}, {url}, {url}, {url}"]
    argument_lists += _keyed_shapes(sorted(k for k in _COLON_KEYS if k in mentioned), ":", _BOTH)
    argument_lists += _keyed_shapes(sorted(k for k in _EQUALS_KEYS if k in mentioned), "=", _BOTH)
    if "[" in module and any(f'"{key}"' in module for key in _BRACKET_KEYS):
        argument_lists += _keyed_shapes(list(_BRACKET_KEYS), "=", _BOTH, wrap="[{}]")
    if not spec.ends:
        return [f"{{% {name} {args} %}}" for args in argument_lists]
    sources = [f"{{% {name} {args} %}}\n{_body(None)}{{% end{name} %}}" for args in argument_lists]
    sources += [f"{{% {name} a %}}\n{_body(p)}{{% end{name} %}}" for p in (_DOUBLE, _SINGLE, _TIGHT)]
    return sources


_RAW_TEXT = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")


def _browser_tokens(html: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Start tags and text as a browser's tokenizer reads them (WHATWG 13.2.5, the states that matter here).

    ``html.parser`` gives up on a malformed start tag and calls it text, where a
    browser reads on: ``<code x" onmouseover="a>`` is an element with a handler.
    Returns ``("tag", name, [(attribute, value)])`` and ``("text", text, [])``;
    a tag still open at the end of the input is dropped, as browsers drop it.
    """
    tokens: list[tuple[str, str, list[tuple[str, str]]]] = []
    i, n = 0, len(html)
    space = " \t\n\f\r"
    while i < n:
        lt = html.find("<", i)
        if lt < 0:
            tokens.append(("text", html[i:], []))
            break
        if lt > i:
            tokens.append(("text", html[i:lt], []))
        if html.startswith("<!--", lt):
            end = html.find("-->", lt + 4)
            i = n if end < 0 else end + 3
            continue
        if lt + 1 < n and (html[lt + 1] in "!?/"):
            end = html.find(">", lt + 1)
            i = n if end < 0 else end + 1
            continue
        if lt + 1 >= n or not html[lt + 1].isalpha():
            tokens.append(("text", "<", []))
            i = lt + 1
            continue
        j = lt + 1
        while j < n and html[j] not in space + "/>":
            j += 1
        name = html[lt + 1 : j].lower()
        attrs: list[tuple[str, str]] = []
        closed = False
        while j < n:
            while j < n and html[j] in space + "/":
                j += 1
            if j >= n:
                break
            if html[j] == ">":
                closed = True
                j += 1
                break
            k = j + 1  # a `=` or quote opening the name belongs to it
            while k < n and html[k] not in space + "/>=":
                k += 1
            attribute = html[j:k].lower()
            j = k
            while j < n and html[j] in space:
                j += 1
            value = ""
            if j < n and html[j] == "=":
                j += 1
                while j < n and html[j] in space:
                    j += 1
                if j < n and html[j] in "\"'":
                    end = html.find(html[j], j + 1)
                    if end < 0:
                        j = n
                        break
                    value, j = html[j + 1 : end], end + 1
                else:
                    k = j
                    while k < n and html[k] not in space + ">":
                        k += 1
                    value, j = html[j:k], k
            attrs.append((attribute, value))
        if not closed:
            break
        tokens.append(("tag", name, attrs))
        i = j
        if name in _RAW_TEXT:
            end = html.lower().find(f"</{name}", i)
            tokens.append(("text", html[i:] if end < 0 else html[i:end], []))
            i = n if end < 0 else end
    return tokens


def _escapes(html: str) -> list[str]:
    """What the payload did to ``html``: handlers it added, broken attribute names, the prose it swallowed."""
    problems = []
    soup = BeautifulSoup(html, "html.parser")
    seen = [(n, str(v)) for element in soup.find_all(True) for n, v in element.attrs.items()]
    tokens = _browser_tokens(html)
    seen += [attribute for kind, _, attrs in tokens if kind == "tag" for attribute in attrs]
    for attribute, value in seen:
        if (attribute.startswith("on") and "alert" in value) or "alert" in attribute or set(attribute) & set("\"'<"):
            problems.append(f"attribute {attribute}={value!r}")
    if soup.find(lambda element: element.name == "p" and element.get_text(strip=True) == "zqa") is None:
        problems.append("html.parser lost the next paragraph")
    if not any(
        first[:2] == ("tag", "p") and second[0] == "text" and second[1].strip() == "zqa"
        for first, second in itertools.pairwise(tokens)
    ):
        problems.append("a browser would swallow the next paragraph")
    return problems


def test_the_browser_tokenizer_sees_what_html_parser_misses() -> None:
    assert _escapes('<code class="m" x" onmouseover="alert(1)>b</code>\n<p>zqa</p>')
    assert _escapes("<img src='x'onerror='alert(1)'>\n<p>zqa</p>")
    assert _escapes('<a href="x" title="y>\n<p>zqa</p>')
    assert not _escapes('<p class="a" onclick="this.x()">t</p><script>if (a<b) x("<p>")</script><!-- c -->\n<p>zqa</p>')


@pytest.mark.parametrize(("dialect", "name"), _every_tag(), ids=lambda v: v or "hexo")
def test_no_tag_argument_leaves_its_attribute(dialect: str | None, name: str) -> None:
    """A fuzzer's find: `{% btn " "'" "' onerror='alert(1)" %}` closed NexT's `href` and added a handler.

    Every registered tag, in its dialect, with hostile arguments in each place
    and shape the packs read them (space, comma, `@`, `|`, `key:value`,
    `key=value`, `[key=value]`, a block's sections): no attribute gains a
    handler and the paragraph after the tag stays text.
    """
    tags, config = registry_with_user_tags(None), HexoConfig({})
    failures, checked = [], set()
    for source in _tag_sources(name, dialect):
        env = PostEnvironment(
            source_path="post.md", config=config, settings={}, registry=tags, metadata={}, dialect=dialect
        )
        html = render_post(f"{source}\n\nzqa\n", env).content
        if html in checked:
            continue
        checked.add(html)
        if problems := _escapes(html):
            failures.append(f"{source}\n  -> {problems}\n  {html[:400]!r}")
    assert not failures, f"{len(failures)} hostile argument lists escape:\n" + "\n".join(failures[:5])


@pytest.mark.parametrize("opener", ["<![", "<!DOCTYPE", "<?php", "<!--"])
def test_a_declaration_opened_in_tag_output_cannot_hide_the_rest_of_the_post(opener: str) -> None:
    # Found by bench/fuzz.py: `{% hideInline <![ %}` made a bogus comment of what followed.
    html = render_in("butterfly", f"{{% hideInline {opener} %}}\n\nzqa\n")
    assert opener.replace("<", "&lt;") in html
    assert "zqa" in BeautifulSoup(html, "html.parser").get_text()

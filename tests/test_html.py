"""hexo-util's ``escapeHTML``, ``encodeURL`` and ``htmlTag`` (hexo-pipeline.md §1.0)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pelican_hexo_tags.html import encode_url, escape_html, html_tag, unescape_html

# --- escape_html ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ('<a href="x">', "&lt;a href&#x3D;&quot;x&quot;&gt;"),
        ("it's `x` a/b=c", "it&#39;s &#96;x&#96; a&#x2F;b&#x3D;c"),
        ("a & b", "a &amp; b"),
        ("&&", "&amp;&amp;"),
        ("plain text 中文", "plain text 中文"),
        ("", ""),
    ],
)
def test_escape_html(text, escaped):
    assert escape_html(text) == escaped


@pytest.mark.parametrize("entity", ["&amp;", "&lt;", "&#123;", "&#x2F;", "&#39;", "&quot;"])
def test_escape_html_keeps_existing_entities(entity):
    assert escape_html(f"a {entity} b") == f"a {entity} b"


def test_escape_html_is_idempotent():
    once = escape_html('<b>"Tom & Jerry\'s"</b>')
    assert once == "&lt;b&gt;&quot;Tom &amp; Jerry&#39;s&quot;&lt;&#x2F;b&gt;"
    assert escape_html(once) == once


def test_escape_html_stringifies():
    assert escape_html(42) == "42"


def test_unescape_html_inverts_escape_html():
    text = '<a href="/x">it\'s `q` & more</a>'
    assert unescape_html(escape_html(text)) == text


# --- encode_url ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "encoded"),
    [
        ("https://google.com", "https://google.com/"),
        ("http://example.com", "http://example.com/"),
        ("https://google.com/a b", "https://google.com/a%20b"),
        ("/中 文", "/%E4%B8%AD%20%E6%96%87"),
        ("/a%20b", "/a%20b"),
        ("a%20b c", "a%20b%20c"),
        ("https://a.com/%E4%B8%AD", "https://a.com/%E4%B8%AD"),
        ("https://a.com/中文", "https://a.com/%E4%B8%AD%E6%96%87"),
        ("mailto:someone@example.com", "mailto:someone@example.com"),
        ("data:image/png;base64,AAA=", "data:image/png;base64,AAA="),
        ("#frag", "#frag"),
        ("//cdn.example.com/x.js", "//cdn.example.com/x.js"),
        ("https://a.com/x?a=1&b=2#h", "https://a.com/x?a=1&b=2#h"),
        ("https://例子.com/x", "https://例子.com/x"),
    ],
)
def test_encode_url(url, encoded):
    assert encode_url(url) == encoded


@pytest.mark.parametrize(
    "url", ["https://google.com", "/中 文", "/a%20b", "https://a.com/a b", "mailto:a@b.c", "x y/z"]
)
def test_encode_url_is_idempotent(url):
    once = encode_url(url)
    assert encode_url(once) == once


def test_encode_url_lower_cases_scheme_and_host_only():
    assert encode_url("HTTPS://Example.COM/Path") == "https://example.com/Path"


# --- html_tag ------------------------------------------------------------------------------------


def test_attributes_keep_insertion_order():
    assert html_tag("a", {"z": "1", "a": "2", "m": "3"}, "x") == '<a z="1" a="2" m="3">x</a>'


def test_empty_attribute_is_kept_and_none_skipped():
    html = html_tag("a", {"href": "https://google.com", "title": "", "target": "", "rel": None}, "Google")
    assert html == '<a href="https://google.com/" title="" target="">Google</a>'


def test_true_is_a_bare_attribute_and_false_is_skipped():
    html = html_tag(
        "iframe",
        {
            "src": "https://zespia.tw",
            "width": "100%",
            "height": "300",
            "frameborder": "0",
            "loading": "lazy",
            "allowfullscreen": True,
            "hidden": False,
        },
        "",
    )
    assert html == (
        '<iframe src="https://zespia.tw/" width="100%" height="300" frameborder="0" '
        'loading="lazy" allowfullscreen></iframe>'
    )


def test_void_element_when_text_is_none():
    assert html_tag("img", {"src": "/a.jpg", "class": ""}) == '<img src="/a.jpg" class="">'
    assert html_tag("br") == "<br>"


def test_empty_text_closes_the_element():
    assert html_tag("span", {}, "") == "<span></span>"


def test_url_attributes_are_encoded_others_escaped():
    html = html_tag(
        "x",
        {"href": "/a b", "src": "/中", "cite": "/c d", "download": "/d e", "data-url": "/e f", "title": "a/b=c"},
    )
    assert html == (
        '<x href="/a%20b" src="/%E4%B8%AD" cite="/c%20d" download="/d%20e" data-url="/e%20f" title="a&#x2F;b&#x3D;c">'
    )


def test_text_is_escaped_unless_asked_not_to():
    assert html_tag("a", {"href": "/x"}, "<b>x</b>") == '<a href="/x">&lt;b&gt;x&lt;&#x2F;b&gt;</a>'
    assert html_tag("a", {"href": "/x"}, "<b>x</b>", escape=False) == '<a href="/x"><b>x</b></a>'


def test_attribute_values_are_stringified():
    assert html_tag("img", {"width": 200, "height": 1.5}) == '<img width="200" height="1.5">'


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # Real Hexo 8 (hexo-oracle) on `{% link %}` with this URL wrote `?threads%2F…=`.
        ("https://f.example/index.php?threads/x.1/post-2", "https://f.example/index.php?threads%2Fx.1%2Fpost-2="),
        ("https://a.com/?q=a b&n=1", "https://a.com/?q=a+b&n=1"),
        ("//gist.github.com/a.js?file=x", "//gist.github.com/a.js?file=x"),
    ],
)
def test_encode_url_writes_the_query_as_url_search_params(url: str, expected: str) -> None:
    assert encode_url(url) == expected


_PATH_PIECES = st.sampled_from(["a", "b-c", "中", "%20", "'", "~", "..", "q=1", "?", "#", ":", "@", " ", "[", "\\"])
_URLS = st.builds(
    lambda scheme, host, path: f"{scheme}://{host}/{''.join(path)}",
    st.sampled_from(["http", "https", "HTTP", "git+ssh"]),
    st.sampled_from(["a.com", "Ex.com", "xn--fiq228c.com", "a.com:8080", "u:p@a.com", "中.com"]),
    st.lists(_PATH_PIECES, max_size=8),
)


def test_a_permalink_is_taken_as_already_encoded() -> None:
    import pelican_hexo_tags.html as html_module

    assert html_module._ALREADY_ENCODED.fullmatch("https://example.com/2024/05/01/a-b_c/")


@given(_URLS | st.text(max_size=30), st.booleans())
def test_a_url_taken_as_already_encoded_is_what_the_whole_encoding_gives(url: str, query_as_params: bool) -> None:
    import pelican_hexo_tags.html as html_module

    fast = encode_url(url, query_as_params)
    real_pattern = html_module._ALREADY_ENCODED
    html_module._ALREADY_ENCODED = re.compile(r"(?!)")  # matches nothing: every URL is parsed
    try:
        assert fast == encode_url(url, query_as_params)
    finally:
        html_module._ALREADY_ENCODED = real_pattern

"""marked_compat: markdown-it-py rendering like Hexo's hexo-renderer-marked 7 (marked 15).

Every expected value below was checked against real Hexo 8.1.2 + hexo-renderer-marked 7.0.1
(shared/tools/hexo-oracle). The strings are markdown-it's spelling of the same HTML: Hexo writes
`<br>` and `&#x2F;`, adds a `/` to bare hosts and entity-mangles `mailto:` links at random; those
are other stages' business, so the comments quote Hexo where the two spellings differ.
"""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.tasklists import tasklists_plugin

from pelican_hexo_tags.marked_compat import fix_table_delimiters, marked_compat_plugin


@pytest.fixture(scope="module")
def md() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "breaks": True, "linkify": False, "typographer": False})
    md.enable(["table"])
    md.use(tasklists_plugin)
    md.use(marked_compat_plugin)
    return md


def render(md: MarkdownIt, text: str) -> str:
    return md.render(fix_table_delimiters(text))


# --- GFM autolinks -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # URL glued to CJK text, full-width colon kept in the URL (Hexo: href="http://localhost：2001/blog/x")
        (
            "网关：http://localhost：2001/blog/x 好",
            '<p>网关：<a href="http://localhost%EF%BC%9A2001/blog/x">http://localhost：2001/blog/x</a> 好</p>\n',
        ),
        # www. gets http://, trailing dot backpedalled; upper-case WWW. mid-text is not a link
        (
            "see www.x.com. and WWW.y.com",
            '<p>see <a href="http://www.x.com">www.x.com</a>. and WWW.y.com</p>\n',
        ),
        # text glued before the scheme / www.
        (
            "xhttps://a.com awww.b.com",
            '<p>x<a href="https://a.com">https://a.com</a> a<a href="http://www.b.com">www.b.com</a></p>\n',
        ),
        # balanced parentheses stay, the unbalanced `).` goes
        (
            "http://q.com/(a)b).",
            '<p><a href="http://q.com/(a)b">http://q.com/(a)b</a>).</p>\n',
        ),
        # full-width punctuation is not backpedalled
        (
            "或者 https://example.com/路径）。",
            '<p>或者 <a href="https://example.com/%E8%B7%AF%E5%BE%84%EF%BC%89%E3%80%82">'
            "https://example.com/路径）。</a></p>\n",
        ),
        # the raw URL swallows *, _ and ~ (no emphasis, no strikethrough inside it)
        (
            "http://x.com/*foo*bar https://x.com/~u/ ~ok~",
            '<p><a href="http://x.com/*foo*bar">http://x.com/*foo*bar</a> '
            '<a href="https://x.com/~u/">https://x.com/~u/</a> <del>ok</del></p>\n',
        ),
        # ... but emphasis opened before the URL closes inside it
        (
            "**https://x.com**，ok",
            '<p><strong><a href="https://x.com">https://x.com</a></strong>，ok</p>\n',
        ),
        # no autolinks inside links, raw <a> or <http://…> autolinks
        (
            '[http://inlabel.com](http://dest.com) <a href="u">http://z</a> <https://x.com>',
            '<p><a href="http://dest.com">http://inlabel.com</a> <a href="u">http://z</a> '
            '<a href="https://x.com">https://x.com</a></p>\n',
        ),
        # e-mails: only the part marked's regex accepts, also glued to CJK; a=b@ links b@…
        (
            "a=b@c.com 用户名foo@bar.com密码 x@5.7 a-b@c-d.com_",
            '<p>a=<a href="mailto:b@c.com">b@c.com</a> '
            '用户名<a href="mailto:foo@bar.com">foo@bar.com</a>密码 '
            '<a href="mailto:x@5.7">x@5.7</a> <a href="mailto:a-b@c-d.co">a-b@c-d.co</a>m_</p>\n',
        ),
        # `_` emphasis wins over an e-mail starting with `_`
        (
            "_c@x.com *d@x.com* e@x.com_",
            '<p><em><a href="mailto:c@x.com">c@x.com</a> <em><a href="mailto:d@x.com">d@x.com</a></em> '
            '<a href="mailto:e@x.com">e@x.com</a></em></p>\n',
        ),
        # www. without a host and a bare scheme are text
        ("www. and http://", "<p>www. and http://</p>\n"),
    ],
)
def test_autolink(md: MarkdownIt, source: str, expected: str) -> None:
    assert render(md, source) == expected


def test_autolink_link_text_is_not_smartened(md: MarkdownIt) -> None:
    assert render(md, "http://x.com/a--b...") == '<p><a href="http://x.com/a--b">http://x.com/a--b</a>…</p>\n'


# --- strikethrough -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # no flanking rules: marked strikes this through (blog-K's `4배~5배`)
        ("4배~5배 … 20%~25%", "<p>4배<del>5배 … 20%</del>25%</p>\n"),
        ("~~`code`~~（", "<p><del><code>code</code></del>（</p>\n"),
        (
            "~~del~~ ~del~ ~~ no ~~ ~ no ~ a~b~c 1~2 and 3~4",
            "<p><del>del</del> <del>del</del> ~~ no ~~ ~ no ~ a<del>b</del>c 1<del>2 and 3</del>4</p>\n",
        ),
        ("~~a~b~~ ~a~~b~ ~~~x~~~", "<p><del>a~b</del> <del>a~~b</del> ~~~x~~~</p>\n"),
        ("\\~not del\\~ and ~\\~x~", "<p>~not del~ and <del>~x</del></p>\n"),
        (
            "~~*em in del*~~ and *~~del in em~~*",
            "<p><del><em>em in del</em></del> and <em><del>del in em</del></em></p>\n",
        ),
        ("Text ~~strike across\nlines~~ end", "<p>Text <del>strike across<br />\nlines</del> end</p>\n"),
    ],
)
def test_strikethrough(md: MarkdownIt, source: str, expected: str) -> None:
    assert render(md, source) == expected


# --- smartypants ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "I'm \"q\" -- a --- b... don't 'single' \"x 'y' z\"",
            "<p>I’m “q” – a — b… don’t ‘single’ “x ‘y’ z”</p>\n",
        ),
        (
            "He said \"it's 'fine'\"---really... (he'd) ['a'] {\"b\"}",
            "<p>He said “it’s ‘fine’”—really… (he’d) [‘a’] {“b”}</p>\n",
        ),
        ("\"5'10\" tall\" and 'tis the 90's", "<p>“5’10” tall” and ‘tis the 90’s</p>\n"),
        # each text token is smartened on its own: a quote right after </em> opens (“<em>em</em>“)
        ("\"*em*\" '*em*'", "<p>“<em>em</em>“ ‘<em>em</em>‘</p>\n"),
        # not in code, not inside raw <kbd>; ---- is —-, .... is …. (Hexo: –x– would be wrong)
        (
            "`--code--` and <kbd>--x--</kbd> and -- and ---- and .... and ..",
            "<p><code>--code--</code> and <kbd>--x--</kbd> and – and —- and …. and ..</p>\n",
        ),
        # backslash-escaped quotes stay straight (Hexo: &#39;x&#39;)
        ("\\'x\\' \\\"y\\\"", "<p>'x' &quot;y&quot;</p>\n"),
        ('## It\'s a "heading" -- yes', "<h2>It’s a “heading” – yes</h2>\n"),
    ],
)
def test_smartypants(md: MarkdownIt, source: str, expected: str) -> None:
    assert render(md, source) == expected


def test_smartypants_in_table_cells(md: MarkdownIt) -> None:
    html = render(md, "| a \"q\" | b--c |\n|---|---|\n| 'x' | y... |")
    assert "<th>a “q”</th>" in html and "<th>b–c</th>" in html
    assert "<td>‘x’</td>" in html and "<td>y…</td>" in html


# --- description lists ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Term\n: Definition", "<dl><dt>Term</dt><dd>Definition</dd></dl>"),
        ("Term\n:   Definition with *em*", "<dl><dt>Term</dt><dd>Definition with <em>em</em></dd></dl>"),
        # the last `<br>:` wins; the rest of the paragraph joins the <dd>
        ("A\nB\n: C and more", "<dl><dt>A<br />\nB</dt><dd>C and more</dd></dl>"),
        ("Term one\n: def\nmore text", "<dl><dt>Term one</dt><dd>def<br />\nmore text</dd></dl>"),
        # an author-written <br> counts too
        ("Term<br>: raw br def", "<dl><dt>Term</dt><dd>raw br def</dd></dl>"),
        # the regex needs two characters each side and whitespace after the colon
        ("a\n: b", "<p>a<br />\n: b</p>\n"),
        ("Term\n:def no space", "<p>Term<br />\n:def no space</p>\n"),
        # tight list items are not paragraphs in marked
        ("- T\n: def", "<ul>\n<li>T<br />\n: def</li>\n</ul>\n"),
        (
            "> Term here\n> : def here",
            "<blockquote>\n<dl><dt>Term here</dt><dd>def here</dd></dl></blockquote>\n",
        ),
    ],
)
def test_description_lists(md: MarkdownIt, source: str, expected: str) -> None:
    assert render(md, source) == expected


# --- table delimiter rows ------------------------------------------------------------------------

TABLE = (
    "<table>\n<thead>\n<tr>\n<th>var</th>\n<th>let</th>\n<th>const</th>\n</tr>\n</thead>\n"
    "<tbody>\n<tr>\n<td>a</td>\n<td>b</td>\n<td>c</td>\n</tr>\n</tbody>\n</table>\n"
)


def test_table_with_dash_space_pipe_delimiter(md: MarkdownIt) -> None:
    # blog-O `js笔记：ES6新增语法.md`
    assert render(md, "var | let | const\n- | - | -\na | b | c") == TABLE


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("a | b\n- | -\n1 | 2", "a | b\n-| -\n1 | 2"),
        ("| a | b |\n- | -\n| 1 | 2 |", "| a | b |\n-| -\n| 1 | 2 |"),
        # header and delimiter cell counts differ: marked makes no table either
        ("x | y | z\n- | -\n1 | 2", "x | y | z\n- | -\n1 | 2"),
        # the line above is a list item, which marked tries before tables
        ("- a | b\n- | -", "- a | b\n- | -"),
        # no header line
        ("- | -\na | b", "- | -\na | b"),
        # fenced code is left alone
        ("```\na | b\n- | -\n```\n", "```\na | b\n- | -\n```\n"),
        ("~~~~md\na | b\n- | -\n~~~\n- | -\n~~~~\n", "~~~~md\na | b\n- | -\n~~~\n- | -\n~~~~\n"),
    ],
)
def test_fix_table_delimiters(source: str, expected: str) -> None:
    assert fix_table_delimiters(source) == expected


def test_dash_pipe_list_stays_a_list(md: MarkdownIt) -> None:
    assert render(md, "- a | b\n- | -") == "<ul>\n<li>a | b</li>\n<li>| -</li>\n</ul>\n"


# --- the plugin as a whole -----------------------------------------------------------------------


def test_markdown_it_strikethrough_is_replaced(md: MarkdownIt) -> None:
    assert "strikethrough" not in md.get_active_rules()["inline"]
    assert render(md, "~~x~~") == "<p><del>x</del></p>\n"


def test_tasklists_still_work(md: MarkdownIt) -> None:
    html = render(md, '- [ ] todo -- "now"\n- [x] done')
    assert 'type="checkbox"' in html and "todo – “now”" in html


# Hexo 8 + hexo-renderer-marked 7 (hexo-oracle): marked keeps an unmatched `(` in the destination.
@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "x [#36]((https://a.com/p/36), [#44](https://a.com/p/44)",
            '<p>x <a href="(https://a.com/p/36">#36</a>, <a href="https://a.com/p/44">#44</a></p>\n',
        ),
        ("x [a]((b)", '<p>x <a href="(b">a</a></p>\n'),
        ("x [a *b*]((b) [c](d)", '<p>x <a href="(b">a <em>b</em></a> <a href="d">c</a></p>\n'),
        ('[e]((f "t")', '<p><a href="(f" title="t">e</a></p>\n'),
    ],
)
def test_link_with_an_unmatched_parenthesis(md: MarkdownIt, source: str, expected: str) -> None:
    assert render(md, source) == expected

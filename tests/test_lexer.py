"""Tag argument splitting (hexo-pipeline.md §4) and the tag lexer (§3 step 6, §1.13)."""

from __future__ import annotations

import pytest

from pelican_hexo_tags.lexer import PLACEHOLDER_RE, LineIndex, TagNames, lex, placeholder, split_args

# --- split_args ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "args"),
    [
        ("a b  c", ["a", "b", "c"]),
        ("a\nb\tc\r\nd", ["a", "b", "c", "d"]),
        ("a\u00a0b", ["a", "b"]),
        ("  a  ", ["a"]),
        ("", []),
        ("   ", []),
        ("\"a b\" 'c d'", ["a b", "c d"]),
        ('"a \\"q\\" b"', ['a "q" b']),
        ("'it\\'s'", ["it's"]),
        ('"a\\nb\\tc\\r\\x"', ["a\nb\tc\rx"]),
        ("a\\ b", ["a\\", "b"]),
        ('foo"bar baz"qux', ['foo"bar', 'baz"qux']),
        ("\"\" x ''", ["x"]),
        ('title="a b"', ["title=a b"]),
        ("key:'a b' c", ["key:a b", "c"]),
        (
            "key:value https://a.com/x?y=1&z=2#h a=b (e) {g} -1 1.5 中文",
            ["key:value", "https://a.com/x?y=1&z=2#h", "a=b", "(e)", "{g}", "-1", "1.5", "中文"],
        ),
        ("true false 3", ["true", "false", "3"]),
    ],
)
def test_split_args(text, args):
    assert split_args(text) == args


# --- lex -----------------------------------------------------------------------------------------

BLOCKS = {"note", "box", "raw", "verbatim"}


NAMES = TagNames(frozenset(BLOCKS), frozenset(BLOCKS | {"a", "b", "link", "img", "other"}))


def run(text):
    return lex(text, NAMES, LineIndex.of(text))


def test_inline_tag():
    result = run("a {% shout x 'y z' %} b")
    assert result.text == f"a {placeholder('tag', 0)} b"
    [tag] = result.tags
    assert (tag.name, tag.args, tag.body, tag.is_block) == ("shout", ["x", "y z"], None, False)
    assert tag.source == "{% shout x 'y z' %}"
    assert tag.raw_args == "x 'y z'"
    assert result.problems == []


def test_placeholder_matches_placeholder_re():
    match = PLACEHOLDER_RE.fullmatch(placeholder("tag", 7))
    assert match is not None
    assert match.groups() == ("tag", "7")
    escaped = PLACEHOLDER_RE.fullmatch("&lt;!--hexocode\ufffc3--&gt;")
    assert escaped is not None
    assert escaped.groups() == ("code", "3")


@pytest.mark.parametrize(
    ("text", "args"),
    [("{% shout hello%}", ["hello"]), ("{%shout%}", []), ("{% shout a -%}", ["a"])],
)
def test_close_right_after_an_arg(text, args):
    [tag] = run(text).tags
    assert tag.name == "shout"
    assert tag.args == args


def test_multi_line_tag():
    result = run("x\n{% shout a\n  b\n%}\ny")
    assert result.text == f"x\n{placeholder('tag', 0)}\ny"
    [tag] = result.tags
    assert tag.args == ["a", "b"]
    assert tag.line == 2


def test_block_tag_body_is_de_indented_and_trimmed():
    result = run("{% note info %}\n  body **x**\n    more\n{% endnote %}\nafter")
    assert result.text == f"{placeholder('tag', 0)}\nafter"
    [tag] = result.tags
    assert tag.name == "note"
    assert tag.args == ["info"]
    assert tag.body == "body **x**\n  more"
    assert tag.is_block
    assert tag.source == "{% note info %}\n  body **x**\n    more\n{% endnote %}"


def test_block_tag_on_one_line():
    [tag] = run("{% note %}inline body{% endnote %}").tags
    assert tag.body == "inline body"


def test_empty_block_body():
    [tag] = run("{% note %}{% endnote %}").tags
    assert tag.body == ""
    assert tag.is_block


def test_block_body_loses_exactly_one_newline_each_side():
    [tag] = run("{% note %}\n\ncode\n\n{% endnote %}").tags
    assert tag.body == "\ncode\n"


def test_nested_same_name_blocks():
    text = "{% note a %}\n{% note b %}\ninner\n{% endnote %}\n{% endnote %}\ntail"
    result = run(text)
    assert result.text == f"{placeholder('tag', 0)}\ntail"
    [outer] = result.tags
    assert outer.args == ["a"]
    assert outer.body == "{% note b %}\ninner\n{% endnote %}"
    # The body is lexed again when rendered; the inner block then stands alone.
    [inner] = run(outer.body).tags
    assert (inner.args, inner.body) == (["b"], "inner")


def test_raw_body_is_verbatim():
    result = run("{% raw %}\n  {{ x }} {% shout %}\n{% endraw %}")
    [tag] = result.tags
    assert tag.name == "raw"
    assert tag.args == []
    assert tag.body == "\n  {{ x }} {% shout %}\n"
    assert len(result.tags) == 1


@pytest.mark.parametrize(
    "text",
    ["`{% shout %}` text", "a ``{% shout %} `x` `` b", "`{{ title }}`", "```{% shout %}```"],
)
def test_tags_inside_code_spans_are_untouched(text):
    result = run(text)
    assert result.text == text
    assert result.tags == []


def test_escaped_backtick_does_not_open_a_code_span():
    result = run("\\`{% shout %}`")
    assert result.text == f"\\`{placeholder('tag', 0)}`"
    assert [t.name for t in result.tags] == ["shout"]


def test_code_span_does_not_cross_a_blank_line():
    result = run("`a\n\nb {% shout %}`")
    assert [t.name for t in result.tags] == ["shout"]
    assert result.tags[0].line == 3


def test_raw_inside_code_span_is_unwrapped():
    result = run("see `{% raw %}{{ test }}{% endraw %}` here")
    assert result.text == "see `{{ test }}` here"
    assert result.tags == []


def test_html_comments_are_untouched():
    text = "a <!-- {% shout %} {{ x }} --> b"
    result = run(text)
    assert result.text == text
    assert result.tags == []


def test_unterminated_comment_swallows_the_rest():
    text = "a <!-- {% shout %}"
    result = run(text)
    assert result.text == text
    assert result.tags == []


def test_jinja_comment_is_removed():
    result = run("a {# note to self {% shout %} #} b")
    assert result.text == "a  b"
    assert result.tags == []


def test_variable():
    result = run("Title: {{ title }}!")
    assert result.text == f"Title: {placeholder('tag', 0)}!"
    [tag] = result.tags
    assert (tag.name, tag.args, tag.source) == ("{{", ["title"], "{{ title }}")


def test_variable_with_braces_in_a_string():
    result = run("{{ 'a }}' }}")
    assert result.text == placeholder("tag", 0)
    assert result.tags[0].source == "{{ 'a }}' }}"


@pytest.mark.parametrize("text", ["a {% b", "a {{ b", "a {{ b }", "a {# b"])
def test_unterminated_openers_are_literal(text):
    result = run(text)
    assert result.text == text
    assert result.tags == []


def test_whitespace_control_is_left_for_the_rendered_html():
    # Nunjucks trims around the tag in the HTML, after Markdown (see test_pipeline).
    result = run("a\n\n{%- shout -%}\n\nb")
    assert result.text == f"a\n\n{placeholder('tag', 0)}\n\nb"
    assert (result.tags[0].trim_left, result.tags[0].trim_right) == (True, True)
    assert result.tags[0].line == 3


def test_whitespace_control_on_a_block():
    result = run("x  {%- note -%}\nA\n{%- endnote -%}\n\ny")
    assert result.text == f"x  {placeholder('tag', 0)}\n\ny"
    assert (result.tags[0].trim_left, result.tags[0].trim_right) == (True, True)
    assert result.tags[0].body == "A"


def test_left_trim_only():
    result = run("a   {%- shout %}   b")
    assert (result.tags[0].trim_left, result.tags[0].trim_right) == (True, False)


def test_unclosed_block_tag_is_reported_with_its_line():
    result = run("intro\n\n{% note warn %}\nno end")
    assert [line for line, _ in result.problems] == [3]
    assert "endnote" in result.problems[0][1]
    [tag] = result.tags
    assert tag.name == "note"
    assert tag.body is None
    assert result.text == f"intro\n\n{placeholder('tag', 0)}\nno end"


def test_line_numbers_come_from_the_line_index():
    text = "one\n{% a %}\nthree {% b %}\n\n{{ c }}"
    result = lex(text, NAMES, LineIndex.of(text, first_line=100))
    assert [(t.name, t.line) for t in result.tags] == [("a", 101), ("b", 102), ("{{", 104)]


def test_a_cut_block_counts_the_lines_it_took_away():
    text = "one\nX\n{% a %}"
    lines = LineIndex.of(text, first_line=1, cuts=[(text.index("X"), 3)])
    assert [t.line for t in lex(text, NAMES, lines).tags] == [6]


def test_without_a_line_index_lines_are_zero():
    result = lex("{% a %}", NAMES)
    assert result.tags[0].line == 0


def test_text_without_braces_is_returned_as_is():
    result = run("plain `code` <!-- c --> text")
    assert result.text == "plain `code` <!-- c --> text"
    assert result.tags == []


def test_is_block_tag_decides_whether_a_body_is_taken():
    text = "{% other %}x{% endother %}"
    as_inline = lex(text, TagNames(frozenset(), frozenset({"other"})))
    assert [t.name for t in as_inline.tags] == ["other", "endother"]
    as_block = lex(text, TagNames(frozenset({"other"}), frozenset({"other"})))
    assert [(t.name, t.body) for t in as_block.tags] == [("other", "x")]
    # A name no tag has takes a body where the text holds its end tag, as in Hexo.
    unknown = lex(text, TagNames())
    assert [(t.name, t.body) for t in unknown.tags] == [("other", "x")]


def test_placeholders_are_numbered_in_order():
    result = run("{% a %} {{ b }} {% note %}c{% endnote %}")
    assert result.text == " ".join(placeholder("tag", i) for i in range(3))
    assert [t.name for t in result.tags] == ["a", "{{", "note"]

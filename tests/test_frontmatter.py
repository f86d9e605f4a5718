"""Front matter split and parse, as hexo-front-matter 4.2.1 does (hexo-pipeline.md §5)."""

from __future__ import annotations

import datetime as dt

import pytest

from pelican_hexo_tags.frontmatter import normalize_source, parse_front_matter, split_front_matter


@pytest.mark.parametrize("fence", ["---", "----", "-----"])
def test_dash_fences_of_three_or_more(fence):
    front = parse_front_matter(f"{fence}\ntitle: Hello\n{fence}\nbody text")
    assert front.data == {"title": "Hello"}
    assert front.body == "body text"
    assert front.has_front_matter is True
    assert front.problems == []


def test_split_returns_raw_body_separator_and_first_line():
    assert split_front_matter("----\ntitle: a\n----\nbody") == ("title: a", "body", "----", 2)


def test_fences_of_different_lengths_do_not_pair():
    # `\1` in Hexo's regex wants the same separator; a file starting with
    # `---` that does not pair is content.
    text = "----\ntitle: a\n---\nbody"
    front = parse_front_matter(text)
    assert front.data == {}
    assert front.body == text
    assert front.has_front_matter is False


def test_leading_separator_is_optional():
    front = parse_front_matter("title: x\n---\nbody")
    assert front.data == {"title": "x"}
    assert front.body == "body"
    assert front.body_line == 3
    assert split_front_matter("title: x\n---\nbody") == ("title: x", "body", "---", 1)


def test_blank_line_before_closing_separator():
    front = parse_front_matter("title: x\n\n---\nbody")
    assert front.data == {"title": "x"}
    assert front.body == "body"
    assert front.body_line == 4


def test_blank_line_before_opening_separator():
    # Not `^---`, so the no-prefix form applies; YAML reads `---` as a document start.
    front = parse_front_matter("\n---\ntitle: x\n---\nbody")
    assert front.data == {"title": "x"}
    assert front.body == "body"
    assert front.body_line == 5


def test_no_front_matter():
    front = parse_front_matter("# Heading\n\nJust text.")
    assert front.data == {}
    assert front.body == "# Heading\n\nJust text."
    assert front.body_line == 1
    assert front.has_front_matter is False


def test_empty_file():
    front = parse_front_matter("")
    assert front.data == {}
    assert front.body == ""
    assert front.body_line == 1
    assert front.problems == []
    assert split_front_matter("") == (None, "", None, 1)


def test_empty_front_matter_block_is_all_content():
    # `---\n---\nbody` keeps everything as content (hexo-pipeline.md §5).
    text = "---\n---\nbody"
    front = parse_front_matter(text)
    assert front.data == {}
    assert front.body == text


def test_json_front_matter():
    front = parse_front_matter(';;;\n"title": "x",\n"tags": ["a", "b"]\n;;;\nbody')
    assert front.data == {"title": "x", "tags": ["a", "b"]}
    assert front.body == "body"
    assert front.body_line == 5
    assert front.has_front_matter is True


def test_bad_json_front_matter_reports_its_line():
    front = parse_front_matter(';;;\n"title": "x",\n"bad": ,\n;;;\nbody')
    assert front.data == {}
    assert front.body == "body"
    assert [line for line, _ in front.problems] == [3]
    assert "JSON" in front.problems[0][1]


def test_tab_indented_yaml():
    front = parse_front_matter("---\ntitle: x\ntags:\n\t- a\n\t- b\nmeta:\n\tkey: v\n---\nbody")
    assert front.data == {"title": "x", "tags": ["a", "b"], "meta": {"key": "v"}}
    assert front.problems == []


@pytest.mark.parametrize(
    ("yaml_line", "value"),
    [
        ("v: yes", "yes"),
        ("v: no", "no"),
        ("v: on", "on"),
        ("v: 1:20", "1:20"),
        ("v: true", True),
        ("v: False", False),
        ("v: 2024", 2024),
        ("v: 0x1F", 31),
        ("v: 1.5", 1.5),
    ],
)
def test_yaml_1_2_scalars(yaml_line, value):
    front = parse_front_matter(f"---\n{yaml_line}\n---\n")
    assert front.data["v"] == value
    assert type(front.data["v"]) is type(value)


def test_yaml_datetime_is_read_as_datetime():
    front = parse_front_matter("---\ndate: 2024-02-22 09:36:09\n---\n")
    assert front.data["date"] == dt.datetime(2024, 2, 22, 9, 36, 9)


def test_js_regexp_tag_is_tolerated():
    front = parse_front_matter("---\ntitle: ok\npattern: !!js/regexp /^more/\n---\nbody")
    assert front.problems == []
    assert front.data == {"title": "ok", "pattern": "/^more/"}


def test_bad_yaml_reports_file_line_and_salvages_keys():
    text = "---\ntitle: ok\ndesc: a: b\nauthor: me\n---\nbody"
    front = parse_front_matter(text)
    assert front.data == {"title": "ok", "author": "me"}
    assert [line for line, _ in front.problems] == [3]
    assert "invalid YAML" in front.problems[0][1]
    assert front.body == "body"
    assert front.body_line == 6
    assert front.has_front_matter is True


def test_bad_yaml_inside_a_nested_value_points_at_the_broken_line():
    text = "---\ntitle: ok\nlist:\n  - a\n  - [b\ntags: t\n---\n"
    front = parse_front_matter(text)
    assert front.data == {"title": "ok", "tags": "t"}
    assert [line for line, _ in front.problems] == [5]


def test_bad_yaml_without_leading_separator_counts_from_line_1():
    front = parse_front_matter("title: ok\ndesc: a: b\n---\nbody")
    assert front.data == {"title": "ok"}
    assert [line for line, _ in front.problems] == [2]


def test_text_that_is_not_a_mapping_is_all_body():
    text = "Some text\n---\nmore"
    front = parse_front_matter(text)
    assert front.data == {}
    assert front.body == text
    assert front.body_line == 1
    assert front.has_front_matter is False


def test_yaml_list_is_not_front_matter():
    text = "---\n- a\n- b\n---\nbody"
    front = parse_front_matter(text)
    assert front.data == {}
    assert front.body == text


def test_later_separators_stay_in_the_body():
    front = parse_front_matter("---\ntitle: a\n---\nbody\n---\nmore")
    assert front.data == {"title": "a"}
    assert front.body == "body\n---\nmore"


def test_normalize_source_strips_bom_and_crlf():
    assert normalize_source("\ufefftitle: x\r\n---\r\nbody\rend") == "title: x\n---\nbody\nend"
    assert normalize_source("plain\n") == "plain\n"


def test_normalized_crlf_file_parses():
    front = parse_front_matter(normalize_source("\ufeff---\r\ntitle: x\r\n---\r\nbody\r\n"))
    assert front.data == {"title": "x"}
    assert front.body == "body\n"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\ntitle: a\n---\nbody", 4),
        ("---\ntitle: a\ntags: [x]\n---\nbody", 5),
        ("---\ntitle: a\n---\n\n\nbody", 4),
        ("title: a\n---\nbody", 3),
        ("---\ntitle: a\n---\n", 4),
        ("no front matter", 1),
    ],
)
def test_body_line_is_the_file_line_where_the_body_starts(text, line):
    assert parse_front_matter(text).body_line == line


def test_front_matter_with_nothing_readable_stays_in_the_post() -> None:
    # Found by bench/fuzz.py: Hexo would drop the post; we keep its words and warn.
    front = parse_front_matter("---\n\n---\n%} \n\nzqa\n\n--- \nzqb")
    assert "zqa" in front.body and "zqb" in front.body
    assert front.problems and front.data == {}

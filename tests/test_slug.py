"""hexo-util ``slugize`` and heading-id de-duplication (hexo-pipeline.md §9)."""

from __future__ import annotations

import pytest

from pelican_hexo_tags.slug import HeadingIds, slugize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello World", "Hello-World"),
        ("Sora 的流行趋势", "Sora-的流行趋势"),
        ("中文标题", "中文标题"),
        ("Hello   World", "Hello-World"),
        ("a -_- b", "a-b"),
        ("What?! (yes) [no] {maybe}", "What-yes-no-maybe"),
        ("  --Hello,   World!!--  ", "Hello-World"),
        ("a/b\\c", "a-b-c"),
        ("x~`!@#$%^&*()_+=|;:\"'<>,.?/y", "x-y"),
        ("---", ""),
        ("", ""),
        ("Crème Brûlée", "Creme-Brulee"),
        ("naïve café", "naive-cafe"),
        ("你好，世界！（测试）", "你好，世界！（测试）"),
        ("a\u0001b", "ab"),
        ("Python3.12", "Python3-12"),
    ],
)
def test_slugize(text, expected):
    assert slugize(text) == expected


@pytest.mark.parametrize(
    ("transform", "expected"),
    [(0, "Hello-World-的"), (1, "hello-world-的"), (2, "HELLO-WORLD-的")],
)
def test_slugize_transform(transform, expected):
    assert slugize("Hello World 的", transform=transform) == expected


def test_slugize_custom_separator():
    assert slugize("Hello, World", separator="_") == "Hello_World"


def test_heading_ids_marked_numbering():
    ids = HeadingIds(first_duplicate=1)
    assert [ids.unique(s) for s in ["x", "x", "x", "y", "x"]] == ["x", "x-1", "x-2", "y", "x-3"]


def test_heading_ids_markdown_it_numbering():
    ids = HeadingIds(first_duplicate=2)
    assert [ids.unique(s) for s in ["x", "x", "x", "y"]] == ["x", "x-2", "x-3", "y"]


def test_heading_ids_default_is_marked():
    ids = HeadingIds()
    assert [ids.unique("Hello-World"), ids.unique("Hello-World")] == ["Hello-World", "Hello-World-1"]


def test_heading_ids_are_per_instance():
    first, second = HeadingIds(), HeadingIds()
    assert first.unique("a") == "a"
    assert second.unique("a") == "a"
    assert first.unique("a") == "a-1"

"""Hexo configs with random values in every key the plugin reads, and a site to build posts under them.

Used by tests/test_config_properties.py (500 examples in CI) and
bench/fuzz_config.py (the long run). Each key of ``SCHEMA``, and each field
of its sections, gets any YAML value: booleans, numbers, text, lists,
mappings, null, nested; the property is that every post is still built, at
a URL, with its words, and that the plugin did not need its last net
(``plugin-error``) to get there.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st
from pelican.contents import Article
from pelican.readers import Readers
from pelican.settings import read_settings

from pelican_hexo_tags.reader import HexoReader
from pelican_hexo_tags.site.config_keys import SCHEMA, Section

_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**40), max_value=2**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["", "true", "false", "no", "0", "10", "-1", "a/b", ":title", "/", "https://x.example", "é"]),
    st.text(max_size=12),
)
YAML_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=4)
    ),
    max_leaves=8,
)


def _key_paths() -> list[tuple[str, ...]]:
    paths: list[tuple[str, ...]] = []
    for key, shape in SCHEMA.items():
        paths.append((key,))
        if isinstance(shape, Section):
            for name, inner in shape.fields.items():
                paths.append((key, name))
                if isinstance(inner, Section):
                    paths.extend((key, name, deeper) for deeper in inner.fields)
    return paths


KEY_PATHS = _key_paths()


def _place(config: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    node = config
    for part in path[:-1]:
        if not isinstance(node.get(part), dict):
            node[part] = {}
        node = node[part]
    node[path[-1]] = value


@st.composite
def configs(draw: st.DrawFn) -> dict[str, Any]:
    """A config with 1-6 of the plugin's keys (top level or nested) set to random YAML values."""
    config: dict[str, Any] = {}
    for path in draw(st.lists(st.sampled_from(KEY_PATHS), min_size=1, max_size=6, unique=True)):
        _place(config, path, draw(YAML_VALUES))
    return config


# Posts that touch what the config keys steer: permalinks, dates, tags, categories, links,
# code, images, headings, excerpts, asset folders.
POSTS = {
    "first-post.md": (
        "---\ntitle: First Post\ndate: 2021-03-04 05:06:07\ntags: [alpha, beta]\ncategories: [Code, git]\n---\n"
        "Intro words <!-- more --> after the break.\n\n## A heading\n\nA [link](https://example.org/x) "
        "and 'quotes' -- dash.\n\n```js\nconst seven = 7;\n```\n\n![picture](first-post/pic.png)\n"
    ),
    "second.md": "---\ntitle: Second\n---\nPlain words only.\n\n    indented code\n",
    "nested/third.md": "---\ntitle: Third\ndate: 2020/01/02\ncategories: Deep\n---\n# Heading one\n\n- item\n",
}
WORDS = {"first-post.md": ["Intro", "after", "heading", "link", "seven"], "second.md": ["Plain", "indented"]}
WORDS["nested/third.md"] = ["Heading", "item"]


@dataclass
class FuzzSite:
    root: Path
    counter: itertools.count

    @classmethod
    def create(cls, root: Path) -> FuzzSite:
        posts = root / "content" / "_posts"
        for name, text in POSTS.items():
            (posts / name).parent.mkdir(parents=True, exist_ok=True)
            (posts / name).write_text(text, encoding="utf-8")
        (posts / "first-post").mkdir(exist_ok=True)
        (posts / "first-post" / "pic.png").write_bytes(b"png")
        return cls(root, itertools.count())

    def read_all(self, config: dict[str, Any]) -> dict[str, Article]:
        """Every post read as Pelican reads it, under ``config`` written as a fresh ``_config.yml``."""
        config_file = self.root / f"_config_{next(self.counter)}.yml"
        config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        settings = read_settings(
            override={
                "PATH": str(self.root / "content"),
                "HEXO_CONFIG": str(config_file),
                "ARTICLE_PATHS": ["_posts"],
                "PLUGINS": [],
                "TIMEZONE": "UTC",
                "CACHE_CONTENT": False,
            }
        )
        readers = Readers(settings)
        reader = HexoReader(settings)
        for extension in HexoReader.file_extensions:
            readers.readers[extension] = reader
        return {
            name: readers.read_file(
                base_path=str(self.root / "content"), path=f"_posts/{name}", content_class=Article, context={}
            )
            for name in POSTS
        }

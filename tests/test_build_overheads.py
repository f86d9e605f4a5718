"""What a build does once instead of many times gives what doing it every time gave."""

from __future__ import annotations

import gc
from pathlib import Path
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st
from pelican.generators import Generator
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import get_relative_path, path_to_url

from pelican_hexo_tags.integration import (
    BUILD_GC_THRESHOLD,
    collect_as_before,
    collect_less_while_building,
    walk_the_content_once,
)
from pelican_hexo_tags.parallel_write import _relative_site_url

_SEGMENT = st.sampled_from(["", ".", "..", "a", "b-c", "文章", "x.html", "index.html", "2024"])


@given(st.lists(_SEGMENT, max_size=6).map("/".join))
def test_a_pages_relative_site_url_is_pelicans(save_as: str) -> None:
    assert _relative_site_url(save_as) == path_to_url(get_relative_path(save_as))


def _generator(tmp_path: Path) -> Generator:
    for name in ("_posts/a.md", "_posts/sub/b.md", "_posts/c.html", "_posts/_hidden.md", "other/d.md", "e.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    settings = {**DEFAULT_CONFIG, "IGNORE_FILES": ["_*"]}
    readers = SimpleNamespace(extensions=["md", "html"])
    generator = Generator.__new__(Generator)
    generator.path, generator.settings, generator.readers = str(tmp_path), settings, readers
    return generator


def test_a_generators_walks_are_made_once_and_find_what_pelicans_find(tmp_path: Path) -> None:
    generator = _generator(tmp_path)
    walks = [
        ((["_posts"],), {}),
        ((["_posts"],), {"exclude": ["_posts/sub"]}),
        (([""],), {"exclude": ["_posts"], "extensions": False}),
        (([""],), {"extensions": ["txt"]}),
        ((["_posts"],), {"extensions": []}),
    ]
    expected = [Generator.get_files(generator, *args, **kwargs) for args, kwargs in walks]
    assert expected[0] == {"_posts/a.md", "_posts/sub/b.md", "_posts/c.html"}
    assert expected[4] == set()
    made = []
    original_walk = Generator.get_files

    def counted(self: Generator, *args: object, **kwargs: object) -> set[str]:
        made.append(args)
        return original_walk(self, *args, **kwargs)

    Generator.get_files = counted  # type: ignore[method-assign]
    try:
        walk_the_content_once(generator)
        walk_the_content_once(generator)  # a second generator_init changes nothing
        assert [generator.get_files(*args, **kwargs) for args, kwargs in walks] == expected
        assert [generator.get_files(*args, **kwargs) for args, kwargs in walks] == expected
        found = generator.get_files(["_posts"])
        found.add("changed by a caller")
        assert generator.get_files(["_posts"]) == expected[0]
    finally:
        Generator.get_files = original_walk  # type: ignore[method-assign]
    # Each walk once; the one for no extension never.
    assert len(made) == len(walks) - 1


def test_the_collector_is_as_before_once_a_build_ends() -> None:
    before = gc.get_threshold()
    try:
        collect_less_while_building(None)
        collect_less_while_building(None)  # an --autoreload build starting again
        assert gc.get_threshold() == (max(before[0], BUILD_GC_THRESHOLD), *before[1:])
        collect_as_before(None)
        assert gc.get_threshold() == before
        collect_as_before(None)
        assert gc.get_threshold() == before
    finally:
        gc.set_threshold(*before)

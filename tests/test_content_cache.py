"""Pelican's content cache: a cached build writes the same bytes, and what the cache cannot see."""

from __future__ import annotations

import pickle
from pathlib import Path

from conftest import build_site
from test_plugin import _write_site

CACHE = 'CACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\nCACHE_PATH = "cache"\n'


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_cached_build_writes_identical_output(tmp_path: Path) -> None:
    settings = _write_site(tmp_path, CACHE)
    cache = str(tmp_path / "cache")
    first = build_site(settings, tmp_path / "first", CACHE_PATH=cache)
    second = build_site(settings, tmp_path / "second", CACHE_PATH=cache)
    assert any((tmp_path / "cache").iterdir()), "the first build filled the cache"
    one, two = _files(first.output), _files(second.output)
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def test_all_metadata_pickles(tmp_path: Path) -> None:
    build = build_site(_write_site(tmp_path), tmp_path / "output")
    for article in [*build.articles, *build.pages, *build.drafts, *build.hidden]:
        metadata = article.metadata
        assert pickle.loads(pickle.dumps(metadata)).keys() == metadata.keys()

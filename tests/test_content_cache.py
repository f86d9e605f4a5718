"""Pelican's content cache: a cached build writes the same bytes, and what the cache cannot see."""

from __future__ import annotations

import gzip
import logging
import pickle
from pathlib import Path

import pytest
from conftest import build_site, write_hexo_site
from test_plugin import _write_site

from pelican_hexo_tags.reader import HexoReader

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


@pytest.mark.parametrize("layer", ["reader", "generator"])
def test_changed_hexo_config_invalidates_the_cache(
    tmp_path: Path, layer: str, caplog: pytest.LogCaptureFixture
) -> None:
    settings = _write_site(tmp_path, CACHE + f'CONTENT_CACHING_LAYER = "{layer}"\n')
    config = tmp_path / "_config.yml"
    overrides = {"CACHE_PATH": str(tmp_path / "cache"), "HEXO_CONFIG": str(config)}
    first = build_site(settings, tmp_path / "first", **overrides)
    assert (first.output / "2024/03/01/hello-world/index.html").is_file()
    config.write_text("timezone: UTC\npost_asset_folder: true\npermalink: posts/:title/\n", encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="pelican_hexo_tags.content_cache"):
        second = build_site(settings, tmp_path / "second", **overrides)
    assert (second.output / "posts/hello-world/index.html").is_file()
    assert not (second.output / "2024/03/01/hello-world/index.html").exists()
    assert len([m for m in caplog.messages if "Hexo config" in m]) == 1


# A function, not a lambda: Pelican pickles the settings with every Category, and a lambda does not pickle.
_NAMED_TAG = 'from pelican_hexo_tags.html import escape_html\nHEXO_TAGS = {"shout": escape_html}\n'


def test_unchanged_inputs_keep_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = _write_site(tmp_path, CACHE + _NAMED_TAG)
    overrides = {"CACHE_PATH": str(tmp_path / "cache"), "HEXO_CONFIG": str(tmp_path / "_config.yml")}
    build_site(settings, tmp_path / "first", **overrides)
    calls: list[str] = []
    original = HexoReader.read
    monkeypatch.setattr(HexoReader, "read", lambda self, path: calls.append(path) or original(self, path))
    build_site(settings, tmp_path / "second", **overrides)
    assert calls == []


def test_asset_added_to_the_folder_clears_the_missing_asset_warning(tmp_path: Path) -> None:
    settings = _write_site(tmp_path, CACHE)
    posts = tmp_path / "content" / "_posts"
    (posts / "pictures.md").write_text("---\ntitle: Pictures\ndate: 2024-05-05\n---\n![a cat](cat.png)\n", "utf-8")
    (posts / "pictures").mkdir()
    overrides = {"CACHE_PATH": str(tmp_path / "cache"), "HEXO_CONFIG": str(tmp_path / "_config.yml")}
    first = build_site(settings, tmp_path / "first", **overrides)
    assert [m for m in first.messages() if "cat.png" in m], "the first build reports the missing image"
    (posts / "pictures" / "cat.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    second = build_site(settings, tmp_path / "second", **overrides)
    assert [m for m in second.messages() if "cat.png" in m] == []
    assert (second.output / "2024/05/05/pictures/cat.png").is_file()


@pytest.mark.parametrize("layer", ["reader", "generator"])
def test_an_image_appearing_outside_the_asset_folder_is_seen(
    tmp_path: Path, layer: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With prependRoot off, Hexo leaves ../images/x.png for the browser, which misses from
    # /2024/05/06/outside/; the file the author pointed at (source/images/x.png) is used once it exists.
    settings = write_hexo_site(
        tmp_path,
        {"outside.md": "---\ntitle: Outside\ndate: 2024-05-06\n---\n![x](../images/x.png)\n"},
        "marked:\n  prependRoot: false\n",
        CACHE + f'CONTENT_CACHING_LAYER = "{layer}"\nSTATIC_PATHS = ["images"]\n',
    )
    first = build_site(settings, tmp_path / "first", CACHE_PATH=str(tmp_path / "cache"))
    assert 'src="../images/x.png"' in first.page("2024/05/06/outside/index.html")
    (tmp_path / "content" / "images").mkdir()
    (tmp_path / "content" / "images" / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    second = build_site(settings, tmp_path / "second", CACHE_PATH=str(tmp_path / "cache"))
    assert 'src="/images/x.png"' in second.page("2024/05/06/outside/index.html")
    # And the third build, with nothing changed, reads nothing again.
    calls: list[str] = []
    original = HexoReader.read
    monkeypatch.setattr(HexoReader, "read", lambda self, path: calls.append(path) or original(self, path))
    build_site(settings, tmp_path / "third", CACHE_PATH=str(tmp_path / "cache"))
    assert calls == []


@pytest.mark.parametrize("layer", ["reader", "generator"])
@pytest.mark.parametrize("child", ["saves", "fails"])
def test_the_cache_a_child_saves_is_the_one_pelican_saves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, child: str, layer: str
) -> None:
    import os

    from pelican_hexo_tags import content_cache, parallel_write

    settings = _write_site(tmp_path, CACHE + f'CONTENT_CACHING_LAYER = "{layer}"\n')
    cache = tmp_path / "cache"
    name = "ArticlesGenerator-Readers" if layer == "reader" else "ArticlesGenerator"
    monkeypatch.setattr(parallel_write, "_cores", lambda: 2)
    build_site(settings, tmp_path / "serial", CACHE_PATH=str(cache), HEXO_PARALLEL_WRITE=False)
    pelicans = (cache / name).read_bytes()
    (cache / name).unlink()
    forked: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    if child == "fails":
        monkeypatch.setattr(content_cache, "_write_as_child", lambda _cacher: os._exit(1))
    build_site(settings, tmp_path / "background", CACHE_PATH=str(cache))
    assert forked, "no child saved the cache"
    # Saved by the child (or, where it failed, by the parent at `finalized`), nothing left beside it.
    assert content_cache._saving == []
    assert sorted(path.name for path in cache.iterdir() if "partial" in path.name) == []
    saved = (cache / name).read_bytes()
    # As Pelican writes it (gzip, its default for GZIP_CACHE), the same entries.
    assert saved[:2] == pelicans[:2] == b"\x1f\x8b"
    assert pickle.loads(gzip.decompress(saved)).keys() == pickle.loads(gzip.decompress(pelicans)).keys()
    # The next build is served by it: every post from the cache, none read again.
    read: list[str] = []
    real_read = HexoReader.read
    monkeypatch.setattr(HexoReader, "read", lambda self, path: read.append(path) or real_read(self, path))
    build_site(settings, tmp_path / "again", CACHE_PATH=str(cache))
    assert read == []


def test_posts_the_generator_layer_keeps_are_this_builds_own(tmp_path: Path) -> None:
    # A post showing another post's asset (`![](other/cat.png)`) finds it through what each post
    # notes of its asset folder as it is made; a post unpickled whole is not made, and a strict
    # build fails on a problem of a post it did not read again, as it does on the reader layer.
    posts = {
        "other.md": "---\ntitle: Other\ndate: 2024-05-01\n---\n![cat](cat.png)\n",
        "citing.md": "---\ntitle: Citing\ndate: 2024-05-02\n---\n![cat](other/cat.png)\n\n![gone](gone.png)\n",
    }
    settings = write_hexo_site(
        tmp_path,
        posts,
        "timezone: UTC\npost_asset_folder: true\n",
        CACHE + 'CONTENT_CACHING_LAYER = "generator"\n',
    )
    folder = tmp_path / "content" / "_posts" / "other"
    folder.mkdir()
    (folder / "cat.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    cache = str(tmp_path / "cache")
    first = build_site(settings, tmp_path / "first", CACHE_PATH=cache)
    second = build_site(settings, tmp_path / "second", CACHE_PATH=cache)
    citing = "2024/05/02/citing/index.html"
    assert 'src="/2024/05/01/other/cat.png"' in first.page(citing)
    assert (tmp_path / "cache" / "ArticlesGenerator").is_file()
    assert _files(second.output) == _files(first.output)
    problems = [m for m in first.messages() if "gone.png" in m]
    assert problems and [m for m in second.messages() if "gone.png" in m] == problems
    with pytest.raises(Exception, match="problem"):
        build_site(settings, tmp_path / "strict", CACHE_PATH=cache, HEXO_STRICT=True)


@pytest.mark.parametrize("layer", ["reader", "generator"])
def test_a_changed_setting_makes_the_posts_again(tmp_path: Path, layer: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The generator layer keeps posts made with their build's settings (author, date format …): a
    # setting changed makes them again. The reader layer's entries are the reader's, made again anyway.
    settings = _write_site(tmp_path, CACHE + f'CONTENT_CACHING_LAYER = "{layer}"\n')
    cache = str(tmp_path / "cache")
    build_site(settings, tmp_path / "first", CACHE_PATH=cache, AUTHOR="Ann")
    read: list[str] = []
    real_read = HexoReader.read
    monkeypatch.setattr(HexoReader, "read", lambda self, path: read.append(path) or real_read(self, path))
    same = build_site(settings, tmp_path / "same", CACHE_PATH=cache, AUTHOR="Ann")
    assert read == []
    changed = build_site(settings, tmp_path / "changed", CACHE_PATH=cache, AUTHOR="Bob")
    assert {str(a.author) for a in changed.articles} == {"Bob"} != {str(a.author) for a in same.articles}
    assert (read != []) is (layer == "generator")

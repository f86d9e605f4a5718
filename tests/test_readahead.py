"""The read-ahead helper highlights posts before Pelican reads them; the pages come out the same."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import build_site, write_hexo_site

import pelican_hexo_tags.highlight as highlight
from pelican_hexo_tags import readahead
from pelican_hexo_tags.reader import HexoReader

CODE = [
    ("python", "def f(x):\n    return x * 2\n"),
    ("", "SELECT a FROM b WHERE c = 1;\n"),
    ("js", "let a = [1, 2];\n"),
]


def _site(root: Path, posts: int) -> Path:
    texts = {}
    for number in range(posts):
        fences = "\n".join(f"```{lang}\n{code}# post {number}\n```\n" for lang, code in CODE)
        front = f"---\ntitle: Post {number}\ndate: 2024-01-01 00:{number % 60:02d}:00\n---\n"
        texts[f"post-{number:03d}.md"] = f"{front}Some prose.\n\n{fences}"
    # Fluid guesses the language of a block without one, as the slow case does.
    hexo_config = "timezone: UTC\npermalink: :title/\ntheme: fluid\n"
    return write_hexo_site(root, texts, hexo_config, "CACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\n")


def _pages(output: Path) -> dict[str, str]:
    return {str(p.relative_to(output)): p.read_text(encoding="utf-8") for p in output.rglob("*.html")}


@pytest.fixture
def engine_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """highlight.js calls made by this process (the reader), not by the helper."""
    calls: list[str] = []
    original = highlight.js_call

    def counted(name: str, *args: object) -> object:
        calls.append(name)
        return original(name, *args)

    monkeypatch.setattr(highlight, "js_call", counted)
    highlight._ENGINE_CACHE.clear()
    return calls


def test_the_helper_does_the_highlighting_and_the_pages_are_the_same(
    tmp_path: Path, engine_calls: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = _site(tmp_path, readahead.MIN_POSTS + 5)
    # These posts are tiny, read faster than the helper highlights them: let it get ahead first
    # (as far as it may go), so the test sees its results used, not a race.
    original = HexoReader.read

    waited: list[bool] = []

    def read_once_it_is_ahead(self: HexoReader, path: str) -> tuple:
        deadline = time.monotonic() + 20
        while not waited and readahead._current is not None and readahead._current.process.poll() is None:
            with readahead._current._lock:
                if len(readahead._current._lines) > readahead.LEAD:
                    break
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
        waited.append(True)
        return original(self, path)

    monkeypatch.setattr(HexoReader, "read", read_once_it_is_ahead)
    build_site(settings, tmp_path / "ahead", CACHE_PATH=str(tmp_path / "cache-a"))
    ahead_calls = len(engine_calls)
    highlight._ENGINE_CACHE.clear()
    engine_calls.clear()
    build_site(settings, tmp_path / "alone", CACHE_PATH=str(tmp_path / "cache-b"), HEXO_READ_AHEAD=False)
    alone_calls = len(engine_calls)
    assert _pages(tmp_path / "ahead") == _pages(tmp_path / "alone")
    # One call per post without the helper; with it, the reader finds nearly all of them done.
    assert alone_calls >= readahead.MIN_POSTS
    assert ahead_calls < alone_calls / 4, (ahead_calls, alone_calls)


def test_no_helper_for_a_cached_build_or_a_small_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[int] = []
    original = readahead.ReadAhead.__init__

    def record(self: readahead.ReadAhead, paths: list[str], config: dict) -> None:
        started.append(len(paths))
        original(self, paths, config)

    monkeypatch.setattr(readahead.ReadAhead, "__init__", record)
    settings = _site(tmp_path, readahead.MIN_POSTS + 5)
    cache = str(tmp_path / "cache")
    build_site(settings, tmp_path / "first", CACHE_PATH=cache)
    build_site(settings, tmp_path / "second", CACHE_PATH=cache)
    assert started == [readahead.MIN_POSTS + 5]
    small = tmp_path / "small"
    small.mkdir()
    build_site(_site(small, 3), small / "output")
    assert started == [readahead.MIN_POSTS + 5]
    assert readahead._current is None

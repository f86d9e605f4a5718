"""Highlighted code kept between builds: a rebuild takes a block from the last build, not from V8."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import build_site, write_hexo_site

from pelican_hexo_tags import engine_cache, highlight

POST = """---
title: Code
date: 2024-03-01 10:00:00
---
Some text.

```python
def answer():
    return 42
```

{% codeblock lang:js %}
const answer = () => 42;
{% endcodeblock %}
"""
OTHER = POST.replace("title: Code", "title: Other").replace("42", "43")
CACHED = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}


def _site(root: Path, highlighter: str = "highlight.js") -> Path:
    config = f"timezone: UTC\nsyntax_highlighter: {highlighter}\n"
    return write_hexo_site(root, {"code.md": POST, "other.md": OTHER}, config)


@pytest.fixture
def engine_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The blocks each build sent to highlight.js or Prism, a count per call into the engine."""
    calls: list[int] = []
    for name in ("_run_highlight_js", "_run_prism"):
        real = getattr(highlight, name)

        def counted(keys: list[Any], _real: Any = real) -> Any:
            calls.append(len(keys))
            return _real(keys)

        monkeypatch.setattr(highlight, name, counted)
    # The process's own memo of this session's blocks would answer before the engine cache is asked.
    highlight._ENGINE_CACHE.clear()
    highlight._PRISM_CACHE.clear()
    return calls


@pytest.mark.parametrize("highlighter", ["highlight.js", "prismjs"])
def test_an_edited_post_takes_its_blocks_from_the_last_build(
    tmp_path: Path, engine_calls: list[int], highlighter: str
) -> None:
    settings = _site(tmp_path, highlighter)
    cache = {**CACHED, "CACHE_PATH": str(tmp_path / "cache")}
    build_site(settings, tmp_path / "first", **cache)
    assert sum(engine_calls) == 4
    assert (tmp_path / "cache" / "pelican_hexo_tags-engines.sqlite").is_file()
    post = tmp_path / "content" / "_posts" / "code.md"
    post.write_text(POST.replace("Some text.", "Some edited text."), encoding="utf-8")
    engine_calls.clear()
    highlight._ENGINE_CACHE.clear()
    highlight._PRISM_CACHE.clear()
    warm = build_site(settings, tmp_path / "warm", **cache)
    assert engine_calls == []
    # The same page as a build that highlighted the blocks itself.
    cold = build_site(settings, tmp_path / "cold", CACHE_CONTENT=False, LOAD_CONTENT_CACHE=False)
    assert engine_calls != []
    page = "2024/03/01/code/index.html"
    assert "Some edited text." in warm.page(page)
    assert warm.page(page) == cold.page(page)


def test_ignore_cache_highlights_again_and_keeps_what_it_made(tmp_path: Path, engine_calls: list[int]) -> None:
    settings = _site(tmp_path)
    cache = {"CACHE_PATH": str(tmp_path / "cache")}
    build_site(settings, tmp_path / "first", **CACHED, **cache)
    engine_calls.clear()
    highlight._ENGINE_CACHE.clear()
    # `pelican --ignore-cache`: the content cache is not loaded, so neither is this one.
    build_site(settings, tmp_path / "ignored", CACHE_CONTENT=True, LOAD_CONTENT_CACHE=False, **cache)
    assert sum(engine_calls) == 4


def test_no_cache_settings_no_file(tmp_path: Path, engine_calls: list[int]) -> None:
    settings = _site(tmp_path)
    build_site(settings, tmp_path / "out", CACHE_CONTENT=False, LOAD_CONTENT_CACHE=False)
    assert not (tmp_path / "cache" / "pelican_hexo_tags-engines.sqlite").exists()


def _keep(settings: dict[str, Any], pairs: dict[str, str]) -> None:
    engine_cache.use_engine_cache(settings)
    engine_cache.cached_results("test", list(pairs))
    engine_cache.keep_results("test", pairs.items())
    engine_cache.save_engine_cache()


def test_results_long_unused_are_dropped_by_a_build_that_reads_the_site(tmp_path: Path) -> None:
    settings = {**CACHED, "CACHE_PATH": str(tmp_path)}
    _keep(settings, {"old block": "old"})
    # Warm builds that touch one block each: the old one is still wanted by its unread post.
    for number in range(engine_cache._KEEP_BUILDS + 5):
        _keep(settings, {f"edited {number}": "new"})
    assert _rows(tmp_path) == engine_cache._KEEP_BUILDS + 6
    # A build reading the whole site touches most blocks: what no recent build used goes.
    everything = {f"edited {number}": "new" for number in range(engine_cache._KEEP_BUILDS + 5)}
    _keep(settings, everything)
    assert _rows(tmp_path) == engine_cache._KEEP_BUILDS + 5
    engine_cache.use_engine_cache(settings)
    assert engine_cache.cached_results("test", ["old block", "edited 3"]) == [None, "new"]
    engine_cache.save_engine_cache()


def _rows(folder: Path) -> int:
    with contextlib.closing(sqlite3.connect(folder / "pelican_hexo_tags-engines.sqlite")) as connection:
        return connection.execute("SELECT COUNT(*) FROM results").fetchone()[0]


def test_a_forked_worker_neither_reads_nor_writes_it(tmp_path: Path) -> None:
    settings = {**CACHED, "CACHE_PATH": str(tmp_path)}
    _keep(settings, {"block": "html"})
    engine_cache.use_engine_cache(settings)
    try:
        assert engine_cache.cached_results("test", ["block"]) == ["html"]
        pid = os.fork()
        if pid == 0:
            # A page-writing worker: the parent's SQLite connection is not to be used across fork().
            found = engine_cache.cached_results("test", ["block"])
            os._exit(0 if found == [None] else 1)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
    finally:
        engine_cache.save_engine_cache()


def test_a_cache_folder_that_cannot_be_written_costs_a_warning_not_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    engine_cache.use_engine_cache({**CACHED, "CACHE_PATH": str(blocked)})
    assert engine_cache.cached_results("test", ["block"]) == [None]
    engine_cache.keep_results("test", [("block", "html")])
    engine_cache.save_engine_cache()
    assert any("not kept between builds" in message for message in caplog.messages)

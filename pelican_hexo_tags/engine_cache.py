"""What the JavaScript engines made of a block, kept between builds: highlight.js's and Prism's HTML.

With Pelican's content cache a rebuild reads again only the posts that
changed, but one edited post still started V8 and loaded highlight.js to
highlight blocks it had highlighted the build before: 0.3 s of a 3.5 s
rebuild of 1,000 posts, more than the rest of reading that post. Here each
block's result is kept in ``CACHE_PATH`` (an SQLite file), keyed by a digest
of the block and of the engine's own files, so a block the last build
highlighted costs one lookup. Where a setting makes Pelican read every post
again, the blocks come from here too.

It follows Pelican's cache settings: results are kept with ``CACHE_CONTENT``
and used with ``LOAD_CONTENT_CACHE`` (``--ignore-cache`` highlights every
block again, and keeps what it made). A build that reads most of the site
drops the results none of the last ``_KEEP_BUILDS`` builds used, so blocks
since edited away do not pile up. A process forked from the one that opened the file (a page-writing
worker) neither reads nor writes it; nor does the read-ahead helper, whose
results the reader keeps. The child reading posts from the end (read_behind.py) opens it again to
look results up, and hands what it made and used to the parent, which keeps them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from .paths import folder_digest

logger = logging.getLogger(__name__)

_FILE = "pelican_hexo_tags-engines.sqlite"
# 2: results kept as [result] (run_through_cache).
_SCHEMA = 2
_KEEP_BUILDS = 50


class _Store:
    def __init__(self, path: str, load: bool, keep: bool) -> None:
        self.path = path
        self.load = load
        self.keep = keep
        self.pid = os.getpid()
        self.new: dict[bytes, str] = {}
        self.used: set[bytes] = set()
        self._connection: sqlite3.Connection | None = None
        self._failed = False

    def connection(self) -> sqlite3.Connection | None:
        if self._connection is None and not self._failed:
            try:
                os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
                connection = sqlite3.connect(self.path, timeout=5)
                connection.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER)")
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS results (key BLOB PRIMARY KEY, value TEXT, build INTEGER)"
                )
                row = connection.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
                if row is None or row[0] != _SCHEMA:
                    connection.execute("DELETE FROM results")
                    connection.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (_SCHEMA,))
                    connection.commit()
                self._connection = connection
            except (OSError, sqlite3.Error) as error:
                logger.warning("highlighted code is not kept between builds: %s: %s", self.path, error)
                self._failed = True
        return self._connection

    def close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self._connection.close()
            self._connection = None


_store: _Store | None = None
_inherited: list[_Store] = []


def _mine() -> _Store | None:
    store = _store
    return store if store is not None and store.pid == os.getpid() else None


def open_engine_cache(generator: Any) -> None:
    """``article_generator_init``, ``page_generator_init``: a build's first reader gets the store.

    At each build, not at ``initialized``: ``--autoreload`` builds again without it.
    """
    use_engine_cache(generator.settings)


def use_engine_cache(settings: Mapping[str, Any]) -> None:
    """Keep results where ``settings`` keep Pelican's content cache, and use them where they load it."""
    global _store
    keep, load = bool(settings.get("CACHE_CONTENT")), bool(settings.get("LOAD_CONTENT_CACHE"))
    path = os.path.join(str(settings.get("CACHE_PATH") or ""), _FILE)
    store = _mine()
    if store is not None and (store.path, store.load, store.keep) == (path, load, keep):
        return
    # Another site's, or a build that failed before `finalized`.
    save_engine_cache()
    if (keep or load) and settings.get("CACHE_PATH"):
        _store = _Store(path, load=load, keep=keep)


def look_up_in_forked_child() -> None:
    """In a forked child that highlights: look results up in the parent's file, through a connection of its own."""
    global _store
    parent = _store
    if parent is not None and parent.pid != os.getpid():
        # The parent's store stays referenced: freed here, it would close the parent's connection in the child.
        _inherited.append(parent)
        _store = _Store(parent.path, load=parent.load, keep=parent.keep)


def made_in_this_process() -> tuple[dict[bytes, str], set[bytes]]:
    """What this process made and used, for :func:`take_from_child` in the parent."""
    store = _mine()
    return (dict(store.new), set(store.used)) if store is not None else ({}, set())


def take_from_child(made: Mapping[bytes, str], used: Iterable[bytes]) -> None:
    """Keep a child's results and their use as this process's own."""
    store = _mine()
    if store is None:
        return
    if store.keep:
        store.new.update(made)
    store.used.update(used)


def _digest(namespace: str, key: Any) -> bytes:
    text = namespace + "\0" + json.dumps(key, ensure_ascii=False)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()


def cached_results(namespace: str, keys: list[Any]) -> list[Any]:
    """The kept result of each key (a JSON value), None where there is none."""
    store = _mine()
    if store is None or not keys:
        return [None] * len(keys)
    digests = [_digest(namespace, key) for key in keys]
    found: dict[bytes, str] = {digest: store.new[digest] for digest in digests if digest in store.new}
    wanted = [digest for digest in dict.fromkeys(digests) if digest not in found]
    connection = store.connection() if store.load and wanted else None
    if connection is not None:
        try:
            for start in range(0, len(wanted), 500):
                part = wanted[start : start + 500]
                marks = ",".join("?" * len(part))
                rows = connection.execute(f"SELECT key, value FROM results WHERE key IN ({marks})", part)  # noqa: S608
                found.update((bytes(key), value) for key, value in rows)
        except sqlite3.Error as error:
            logger.debug("engine cache lookup failed: %s", error)
    store.used.update(digest for digest in digests if digest in found)
    results: list[Any] = []
    for digest in digests:
        text = found.get(digest)
        results.append(None if text is None else json.loads(text))
    return results


@lru_cache(maxsize=8)
def engine_namespace(engine: str, folder: str) -> str:
    """The namespace of ``engine``'s results: its name and a digest of its files, so another release has its own."""
    return f"{engine} {folder_digest(folder)}"


def run_through_cache(
    namespace: str, keys: list[Any], run: Callable[[list[Any]], Sequence[Any]], stored: list[Any] | None = None
) -> list[Any]:
    """``run``'s result for each key: what the last builds kept, the others from one call of ``run``.

    ``stored``: the keys as JSON holds them (``keys`` themselves by default). A result is kept as
    ``[result]``, so that a result of None (Prism without the language) is told from none kept;
    it comes back as JSON gives it (a tuple as a list).
    """
    stored = keys if stored is None else stored
    kept = cached_results(namespace, stored)
    results = [found[0] if found is not None else None for found in kept]
    missing = [index for index, found in enumerate(kept) if found is None]
    if missing:
        for index, result in zip(missing, run([keys[index] for index in missing]), strict=True):
            results[index] = result
        keep_made(namespace, ((stored[index], results[index]) for index in missing))
    return results


def keep_made(namespace: str, pairs: Iterable[tuple[Any, Any]]) -> None:
    """Keep results made elsewhere (the read-ahead helper's) as :func:`run_through_cache` keeps its own."""
    keep_results(namespace, ((key, [result]) for key, result in pairs))


def keep_results(namespace: str, pairs: Iterable[tuple[Any, Any]]) -> None:
    """Keep ``(key, result)`` pairs (JSON values) for the next build."""
    store = _mine()
    if store is None or not store.keep:
        return
    for key, result in pairs:
        store.new[_digest(namespace, key)] = json.dumps(result, ensure_ascii=False)


def save_engine_cache(*_: Any) -> None:
    """``finalized``: write what this build made and used; results long unused are dropped."""
    global _store
    store, _store = _mine(), None
    if store is None:
        return
    try:
        if store.keep and (store.new or store.used):
            connection = store.connection()
            if connection is not None:
                _save(connection, store)
    except (OSError, sqlite3.Error) as error:
        logger.warning("could not keep highlighted code in %s: %s", store.path, error)
    finally:
        store.close()


def _save(connection: sqlite3.Connection, store: _Store) -> None:
    with connection:
        row = connection.execute("SELECT value FROM meta WHERE name = 'build'").fetchone()
        build = (row[0] if row else 0) + 1
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('build', ?)", (build,))
        connection.executemany(
            "INSERT OR REPLACE INTO results VALUES (?, ?, ?)",
            ((key, value, build) for key, value in store.new.items()),
        )
        connection.executemany(
            "UPDATE results SET build = ? WHERE key = ?", ((build, key) for key in store.used - store.new.keys())
        )
        # Pruned only by a build that read most of the site (a warm one touches the edited posts' blocks,
        # not the others', which are still wanted): what none of the last builds used is gone from it.
        touched = len(store.used | store.new.keys())
        (total,) = connection.execute("SELECT COUNT(*) FROM results").fetchone()
        if touched * 2 >= total:
            connection.execute("DELETE FROM results WHERE build < ?", (build - _KEEP_BUILDS,))

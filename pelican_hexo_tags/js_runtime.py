"""JavaScript that Hexo ran, run here in an embedded V8 (mini-racer), never Node.

KaTeX and highlight.js are Hexo's own renderers; running their JavaScript
gives byte-for-byte the markup Hexo gave, which no re-implementation does.
Each library gets one context per process, made on first use; V8 contexts
are not thread-safe, so calls into one are serialised.

Memory: V8 grows a context's heap long before it collects it (highlight.js
held 134 MiB of heap for 40 MiB of live objects after reading 1,000 posts),
so every ``_CALLS_BETWEEN_COLLECTIONS`` calls the context is asked for a full
collection. A context whose library keeps no state between calls (its owner
says ``stateless=True``) is closed once the posts are read
(:func:`release_stateless_contexts`) and made again if anything calls it later.
"""

from __future__ import annotations

import atexit
import os
import threading
from collections.abc import Callable
from typing import Any

from .assets import STATIC_ROOT

_CONTEXTS: dict[str, Any] = {}
_LOCK = threading.RLock()
# Measured at 1,000 posts: a collection costs a few ms, and this many calls grow the heap by ~10 MiB.
_CALLS_BETWEEN_COLLECTIONS = 200
_calls: dict[str, int] = {}
_STATELESS: set[str] = set()
# mini-racer's own flag, and a young generation of 4 MiB a half, not 16: the read-ahead helper's peak
# went 240 -> 215-222 MiB over 1,000 posts for the same CPU time (its highlight.js makes short-lived
# strings by the megabyte). Flags are the process's: set before its first context.
_V8_FLAGS = ("--single-threaded", "--max-semi-space-size=4")
# Whether V8 was set up in this process: its threads do not survive a fork, so a forked child that
# would run JavaScript is started only before (read_behind.py).
_started = False


def v8_started() -> bool:
    """Whether this process has set up V8 (a child forked after that cannot use it)."""
    return _started


def read_static(*parts: str) -> str:
    with open(os.path.join(STATIC_ROOT, *parts), encoding="utf-8") as handle:
        return handle.read()


def js_context(name: str, load: Callable[[Any], None]) -> Any:
    """The context called ``name``, created once by ``load(context)``."""
    global _started
    with _LOCK:
        if name not in _CONTEXTS:
            from py_mini_racer import MiniRacer, init_mini_racer

            _started = True

            init_mini_racer(flags=_V8_FLAGS, ignore_duplicate_init=True)
            context = MiniRacer()
            # UMD bundles hang their global on `self` (a browser name) when there is no `module`.
            context.eval("var self = this;")
            load(context)
            _CONTEXTS[name] = context
        return _CONTEXTS[name]


@atexit.register
def _close_contexts() -> None:
    # Left to the garbage collector at interpreter exit, a context's teardown can deadlock (the
    # process never ends); closed here, before that, it does not.
    with _LOCK:
        while _CONTEXTS:
            _CONTEXTS.popitem()[1].close()


def release_stateless_contexts() -> list[str]:
    """Close the contexts of stateless libraries (their heap is the largest thing a build holds); their names."""
    with _LOCK:
        names = sorted(name for name in _STATELESS if name in _CONTEXTS)
        for name in names:
            _CONTEXTS.pop(name).close()
            _calls.pop(name, None)
        return names


def js_call(name: str, load: Callable[[Any], None], function: str, *args: Any, stateless: bool = False) -> Any:
    """Call ``function(*args)`` in the context ``name``.

    ``stateless``: no call depends on an earlier one, so the context may be closed and made again.
    """
    context = js_context(name, load)
    with _LOCK:
        if stateless:
            _STATELESS.add(name)
        result = context.call(function, *args)
        calls = _calls[name] = _calls.get(name, 0) + 1
        if calls % _CALLS_BETWEEN_COLLECTIONS == 0:
            context.low_memory_notification()
        return result

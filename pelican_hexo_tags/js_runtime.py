"""JavaScript that Hexo ran, run here in an embedded V8 (mini-racer), never Node.

KaTeX and highlight.js are Hexo's own renderers; running their JavaScript
gives byte-for-byte the markup Hexo gave, which no re-implementation does.
Each library gets one context per process, made on first use; V8 contexts
are not thread-safe, so calls into one are serialised.
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


def read_static(*parts: str) -> str:
    with open(os.path.join(STATIC_ROOT, *parts), encoding="utf-8") as handle:
        return handle.read()


def js_context(name: str, load: Callable[[Any], None]) -> Any:
    """The context called ``name``, created once by ``load(context)``."""
    with _LOCK:
        if name not in _CONTEXTS:
            from py_mini_racer import MiniRacer

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


def js_call(name: str, load: Callable[[Any], None], function: str, *args: Any) -> Any:
    """Call ``function(*args)`` in the context ``name``."""
    context = js_context(name, load)
    with _LOCK:
        return context.call(function, *args)

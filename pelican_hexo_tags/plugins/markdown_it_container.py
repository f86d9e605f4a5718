"""markdown-it-container 3: ``::: warning`` … ``:::`` as ``<div class="warning">``, for hexo-renderer-markdown-it.

hexo-renderer-markdown-it calls ``parser.use(require('markdown-it-container'),
options)`` with the entry's ``options``, which the plugin takes as the
container's name: ``{name: markdown-it-container, options: warning}`` is one
kind of container, and a site lists the plugin once per name. Without a name
the real plugin throws and Hexo stops; here it is skipped with a warning.
The port is mdit-py-plugins' ``container_plugin``, the same block rule and
the default render (``class`` = the name;
``tests/fixtures/plugins/markdown-it-container``, from the real package).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from markdown_it import MarkdownIt

from ..extend import Extensions

PACKAGE = "markdown-it-container"
STATUS = "emulated"
LOSES = ""

logger = logging.getLogger(__name__)


def use(md: MarkdownIt, options: Any = None) -> None:
    """``parser.use(markdown_it_container, name)``: one container kind per use."""
    from mdit_py_plugins.container import container_plugin

    if not isinstance(options, str) or not options:
        logger.warning("markdown-it-container needs its container name as `options`; skipped")
        return
    md.use(container_plugin, options)


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    """hexo-renderer-markdown-it loads it from its ``markdown.plugins`` list (:func:`use`), not Hexo."""

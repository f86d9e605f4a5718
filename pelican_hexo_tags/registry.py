"""The tag registry: every Hexo tag is a plain function registered by name.

A tag function takes ``(args, body, ctx)`` and returns HTML::

    from pelican_hexo_tags import tag

    @tag("kbd")
    def kbd(args, body, ctx):
        return html_tag("kbd", {}, " ".join(args))

    @tag("note", ends=True, dialect="next")
    def note(args, body, ctx):
        return f'<div class="note {args[0]}">{ctx.markdown(body)}</div>'

``args`` are the arguments split as Hexo splits them, ``body`` the text
between the tag and its end tag (``None`` for inline tags), ``ctx`` a
:class:`TagContext`. Raise :class:`TagError` for a problem in the post: the
page then shows the tag's source and the build goes on with a warning.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .lexer import TagNames
from .page_state import PageState

TagFunction = Callable[[list[str], "str | None", "TagContext"], str]


class TagError(Exception):
    """A tag cannot render because of what the post wrote; the message says what."""


@dataclass
class TagContext:
    """What a tag may know about the post it renders in."""

    source_path: str
    line: int
    metadata: Mapping[str, Any]
    config: Mapping[str, Any]
    settings: Mapping[str, Any]
    post_path: str
    asset_url: str
    asset_dir: str | None
    markdown: Callable[[str], str]
    warn: Callable[[str], None]
    page_state: PageState = field(default_factory=PageState)
    # The argument text as written (quotes kept), for tags that parse an expression.
    raw_args: str = ""

    def next_id(self, key: str) -> int:
        """A counter per page, for ids like ``videojs1``, ``videojs2``."""
        return self.page_state.next_id(key)

    def require(self, bundle: str) -> str:
        """Publish the package's static ``bundle`` with this site; returns its URL folder.

        Bundles live in ``pelican_hexo_tags/static/<bundle>/`` and are written
        to ``hexo-tags/<bundle>/`` in the output, so pages work offline.
        """
        self.page_state.bundles.add(bundle)
        return self.url_for(f"hexo-tags/{bundle}/")

    def url_for(self, path: str) -> str:
        """Hexo's ``url_for``: prefix the site root unless the URL is absolute or a fragment."""
        from .html import encode_url

        if path.startswith(("#", "//", "http:", "https:")):
            return path
        root = str(self.config.get("root") or "/")
        return encode_url(("/" + root.strip("/") + "/" + path.lstrip("/")).replace("//", "/"))


@dataclass(frozen=True)
class TagSpec:
    name: str
    function: TagFunction
    ends: bool = False
    dialect: str | None = None


# Where theme tag names collide and the site's theme defines none of them (docs/dialects.md).
DEFAULT_DIALECT = "next"
# Forks that kept their parent's tags answer to the parent's dialect.
DIALECT_ALIASES = {"anzhiyu": "butterfly"}


class TagRegistry:
    """Tags by name; where themes disagree on a name, by dialect too."""

    def __init__(self) -> None:
        self._tags: dict[str, dict[str | None, TagSpec]] = {}
        self._names: dict[str | None, TagNames] = {}

    def register(self, name: str, function: TagFunction, ends: bool = False, dialect: str | None = None) -> None:
        self._tags.setdefault(name, {})[dialect] = TagSpec(name, function, ends, dialect)
        self._names.clear()

    def tag_names(self, dialect: str | None = None) -> TagNames:
        """The lexer's data for ``dialect``: every tag name, and which of them take a body."""
        if dialect not in self._names:
            specs = [self.lookup(name, dialect) for name in self._tags]
            self._names[dialect] = TagNames(
                frozenset(spec.name for spec in specs if spec is not None and spec.ends),
                frozenset(spec.name for spec in specs if spec is not None),
            )
        return self._names[dialect]

    def lookup(self, name: str, dialect: str | None = None) -> TagSpec | None:
        variants = self._tags.get(name)
        if not variants:
            return None
        dialect = DIALECT_ALIASES.get(dialect or "", dialect)
        if dialect in variants:
            return variants[dialect]
        if None in variants:
            return variants[None]
        # A tag only one theme defines works under any dialect.
        if len(variants) == 1:
            return next(iter(variants.values()))
        # A theme with none of the variants (landscape, icarus …) gets NexT's, the most common meaning.
        return variants.get(DEFAULT_DIALECT)

    def specs(self) -> list[TagSpec]:
        """Every registered tag, each dialect's own too."""
        return [spec for variants in self._tags.values() for spec in variants.values()]

    def names(self) -> list[str]:
        return sorted(self._tags)

    def copy(self) -> TagRegistry:
        clone = TagRegistry()
        clone._tags = {name: dict(variants) for name, variants in self._tags.items()}
        clone._names = {}
        return clone


registry = TagRegistry()


def tag(*names: str, ends: bool = False, dialect: str | None = None) -> Callable[[TagFunction], TagFunction]:
    """Register the decorated function as the tag(s) ``names``.

    ``ends=True`` for a block tag (``{% name %}…{% endname %}``); ``dialect``
    for a theme's own meaning of a shared name (``next``, ``butterfly`` …).
    """

    def decorate(function: TagFunction) -> TagFunction:
        for name in names:
            registry.register(name, function, ends=ends, dialect=dialect)
        return function

    return decorate


def registry_with_user_tags(
    user_tags: Mapping[str, Any] | None, site_tags: Mapping[str, tuple[TagFunction, bool]] | None = None
) -> TagRegistry:
    """The global registry plus the site's own tags (its local scripts'), then ``HEXO_TAGS`` from the settings.

    A ``HEXO_TAGS`` value is a function (an inline tag) or ``(function, {"ends": True})``.
    """
    if not user_tags and not site_tags:
        return registry
    combined = registry.copy()
    for name, (function, ends) in (site_tags or {}).items():
        # Registered after every plugin and theme, as Hexo loads scripts: it replaces each dialect's.
        combined._tags.pop(name, None)
        combined.register(name, function, ends=ends)
    user_tags = user_tags or {}
    for name, value in user_tags.items():
        if callable(value):
            combined.register(name, value)
        else:
            function, options = value
            combined.register(name, function, **dict(options))
    return combined

"""YAML the way Hexo's js-yaml reads it.

js-yaml follows YAML 1.2: ``yes``/``no``/``on``/``off`` stay strings and
``1:20`` is not a base-60 number. Hexo configs also carry js-yaml-only tags
(``!!js/regexp /^more/``) that PyYAML's safe loader rejects; those load as
their plain scalar value so one theme option never stops a build.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_BOOL_RE = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT_RE = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT_RE = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)


class HexoYamlLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core-schema scalars and js-yaml tags tolerated."""


# The same rules over libyaml's parser when PyYAML has it: front matter is most of a build's YAML,
# and the pure-Python parser made it a tenth of the read time.
_LOADERS: list[type] = [HexoYamlLoader]
if getattr(yaml, "__with_libyaml__", False):

    class HexoYamlCLoader(yaml.CSafeLoader):  # type: ignore[name-defined,misc]
        """HexoYamlLoader's rules on libyaml's parser."""

    _LOADERS.append(HexoYamlCLoader)

# Start from SafeLoader's resolvers, then swap the 1.1-only ones for 1.2's.
_YAML_11_ONLY = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
for _loader in _LOADERS:
    _loader.yaml_implicit_resolvers = {
        first_char: [(tag, rx) for tag, rx in resolvers if tag not in _YAML_11_ONLY]
        for first_char, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _loader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL_RE, list("tTfF"))
    _loader.add_implicit_resolver("tag:yaml.org,2002:int", _INT_RE, list("-+0123456789"))
    _loader.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT_RE, list("-+0123456789."))


def _construct_int(loader: yaml.SafeLoader, node: yaml.Node) -> int:
    value = loader.construct_scalar(node)
    if value.startswith("0o"):
        return int(value[2:], 8)
    return int(value, 0) if value.startswith("0x") else int(value)


def _construct_unknown(loader: yaml.SafeLoader, tag_suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


def load_yaml(text: str) -> Any:
    """Parse ``text`` as js-yaml would; raises ``yaml.YAMLError`` on bad syntax."""
    return yaml.load(text, Loader=_LOADERS[-1])  # noqa: S506 - a SafeLoader subclass


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    # js-yaml builds a plain timestamp with Date.UTC, which rolls fields over where PyYAML refuses:
    # `2020-13-01` is 2021-01-01 and `0000-00-00 00:00:00` 1899-11-30, and Hexo dated the post so.
    from .dates import js_yaml_timestamp

    text = loader.construct_scalar(node)
    built = js_yaml_timestamp(text)
    return text if built is None else built


for _loader in _LOADERS:
    _loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
    _loader.add_multi_constructor("tag:yaml.org,2002:js/", _construct_unknown)
    _loader.add_multi_constructor("!", _construct_unknown)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:", re.MULTILINE)


def key_lines_of(head: str) -> dict[str, int]:
    """Line of each top-level key in a YAML mapping's text (a repeated key: the last, whose value YAML keeps)."""
    lines: dict[str, int] = {}
    line, counted = 1, 0
    for match in _KEY_LINE.finditer(head):
        # Counting from the previous key, not from the top, keeps this linear.
        line += head.count("\n", counted, match.start())
        counted = match.start()
        lines[match.group(1)] = line
    return lines

"""The part of Nunjucks' expression language posts use in ``{{ … }}``, ``{% set %}`` and ``{% if %}``.

Hexo renders a post with Nunjucks, so ``{{ 1 + 1 }}`` prints ``2`` and
``{{ title | upper }}`` the upper-cased title. This evaluates literals,
variables (``a.b``, ``a["b"]``), arithmetic, comparisons, ``and``/``or``/
``not``, ``~`` concatenation, ``x if c else y`` and the common filters,
with JavaScript's rules for ``+`` and for printing values. Nothing is
executed: an expression outside this subset is an error the caller reports.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

_TOKEN_RE = re.compile(
    r"""\s*(?:
    (?P<number>\d+(?:\.\d+)?)
    |(?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
    |(?P<name>[A-Za-z_$][\w$]*)
    |(?P<op>===|!==|==|!=|<=|>=|//|\*\*|[-+*/%<>()\[\],.|~:?])
    )""",
    re.VERBOSE,
)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r"}
_COMPARE = {"==", "===", "!=", "!==", "<", ">", "<=", ">="}
_CONSTANTS = {"true": True, "True": True, "false": False, "False": False, "none": None, "None": None, "null": None}


class NunjucksError(ValueError):
    """An expression this subset cannot evaluate."""


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens, position = [], 0
    text = text.strip()
    while position < len(text):
        match = _TOKEN_RE.match(text, position)
        if not match or match.end() == position:
            raise NunjucksError(f"unexpected {text[position:]!r}")
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind)))
        position = match.end()
    return tokens


def to_string(value: Any) -> str:
    """How Nunjucks prints a value (JavaScript's ``String()``); undefined prints nothing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        if value.is_integer():
            return str(int(value))
    if isinstance(value, int) and abs(value) >= 10**21:
        # JavaScript prints these in exponent form; Python cannot print one of 4,300+ digits at all.
        return to_string(float(value)) if value.bit_length() < 1024 else to_string(math.copysign(math.inf, value))
    if isinstance(value, (list, tuple)):
        return ",".join(to_string(v) for v in value)
    return str(value)


def truthy(value: Any) -> bool:
    return bool(value) and not (isinstance(value, float) and math.isnan(value))


def _number(value: Any) -> float:
    if isinstance(value, (int, float)):
        return value
    try:
        return float(str(value).strip() or 0) if value is not None else math.nan
    except ValueError:
        return math.nan


def _add(left: Any, right: Any) -> Any:
    if isinstance(left, str) or isinstance(right, str):
        return to_string(left) + to_string(right)
    return _number(left) + _number(right)


def _arith(op: str, left: Any, right: Any) -> Any:
    # JavaScript numbers are doubles: as floats, ``9 ** 9 ** 9`` is Infinity, not a
    # Python integer with hundreds of millions of digits that stalls the build.
    a, b = float(_number(left)), float(_number(right))
    try:
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op == "/":
            return a / b
        if op == "//":
            return math.floor(a / b)
        if op == "%":
            return math.fmod(a, b)
        return a**b
    except ZeroDivisionError:
        return math.nan if a == 0 else math.copysign(math.inf, a)
    except OverflowError:
        return math.inf


def _compare(op: str, left: Any, right: Any) -> bool:
    if op in ("==", "==="):
        return left == right
    if op in ("!=", "!=="):
        return left != right
    try:
        return {"<": left < right, ">": left > right, "<=": left <= right, ">=": left >= right}[op]
    except TypeError:
        return {"<": _number(left) < _number(right), ">": _number(left) > _number(right)}.get(op, False)


def _title(value: Any) -> str:
    return " ".join(word[:1].upper() + word[1:].lower() for word in to_string(value).split(" "))


FILTERS: dict[str, Callable[..., Any]] = {
    "upper": lambda v: to_string(v).upper(),
    "lower": lambda v: to_string(v).lower(),
    "capitalize": lambda v: to_string(v)[:1].upper() + to_string(v)[1:].lower(),
    "title": _title,
    "trim": lambda v: to_string(v).strip(),
    "length": lambda v: len(v) if v is not None else 0,
    "default": lambda v, d="", boolean=False: d if (not v if boolean else v is None) else v,
    "join": lambda v, sep="": sep.join(to_string(x) for x in (v or [])),
    "replace": lambda v, old, new, count=None: to_string(v).replace(
        to_string(old), to_string(new), int(count) if count else -1
    ),
    "escape": lambda v: html.escape(to_string(v)),
    "safe": lambda v: v,
    "string": to_string,
    "int": lambda v, d=0: int(_number(v)) if not math.isnan(_number(v)) else d,
    "float": lambda v, d=0.0: _number(v) if not math.isnan(_number(v)) else d,
    "abs": lambda v: abs(_number(v)),
    "round": lambda v, precision=0: round(_number(v), int(precision)),
    "first": lambda v: v[0] if v else None,
    "last": lambda v: v[-1] if v else None,
    "reverse": lambda v: v[::-1] if isinstance(v, (list, str)) else v,
    "sort": lambda v: sorted(v) if isinstance(v, list) else v,
    "striptags": lambda v: re.sub(r"<[^>]*>", "", to_string(v)),
    "urlencode": lambda v: quote(to_string(v), safe=""),
    "dump": lambda v: json.dumps(v, ensure_ascii=False, default=str),
}
FILTERS["d"] = FILTERS["default"]
FILTERS["e"] = FILTERS["escape"]


class _Parser:
    def __init__(self, text: str, lookup: Callable[[str], Any]) -> None:
        self.tokens = _tokenize(text)
        self.position = 0
        self.lookup = lookup

    def peek(self, value: str | None = None) -> bool:
        if self.position >= len(self.tokens):
            return False
        return value is None or self.tokens[self.position][1] == value

    def take(self, value: str | None = None) -> tuple[str, str]:
        if not self.peek(value):
            found = self.tokens[self.position][1] if self.position < len(self.tokens) else "the end"
            raise NunjucksError(f"expected {value or 'a value'}, found {found!r}")
        self.position += 1
        return self.tokens[self.position - 1]

    def parse(self) -> Any:
        value = self.inline_if()
        if self.position != len(self.tokens):
            raise NunjucksError(f"unexpected {self.tokens[self.position][1]!r}")
        return value

    def inline_if(self) -> Any:
        value = self.or_()
        if self.peek("if"):
            self.take()
            condition = self.or_()
            otherwise = None
            if self.peek("else"):
                self.take()
                otherwise = self.inline_if()
            return value if truthy(condition) else otherwise
        return value

    def or_(self) -> Any:
        value = self.and_()
        while self.peek("or"):
            self.take()
            right = self.and_()
            value = value if truthy(value) else right
        return value

    def and_(self) -> Any:
        value = self.not_()
        while self.peek("and"):
            self.take()
            right = self.not_()
            value = right if truthy(value) else value
        return value

    def not_(self) -> Any:
        if self.peek("not"):
            self.take()
            return not truthy(self.not_())
        return self.in_()

    def in_(self) -> Any:
        value = self.compare()
        while True:
            negate = (
                self.peek("not") and self.position + 1 < len(self.tokens) and self.tokens[self.position + 1][1] == "in"
            )
            if negate:
                self.take()
            if not self.peek("in"):
                return value
            self.take()
            container = self.compare()
            found = value in container if container is not None else False
            value = not found if negate else found

    def compare(self) -> Any:
        value = self.concat()
        while self.position < len(self.tokens) and self.tokens[self.position][1] in _COMPARE:
            op = self.take()[1]
            value = _compare(op, value, self.concat())
        return value

    def concat(self) -> Any:
        value = self.additive()
        while self.peek("~"):
            self.take()
            value = to_string(value) + to_string(self.additive())
        return value

    def additive(self) -> Any:
        value = self.term()
        while self.peek("+") or self.peek("-"):
            op = self.take()[1]
            right = self.term()
            value = _add(value, right) if op == "+" else _arith("-", value, right)
        return value

    def term(self) -> Any:
        value = self.unary()
        while self.position < len(self.tokens) and self.tokens[self.position][1] in ("*", "/", "//", "%", "**"):
            op = self.take()[1]
            value = _arith(op, value, self.unary())
        return value

    def unary(self) -> Any:
        if self.peek("-"):
            self.take()
            return -_number(self.unary())
        if self.peek("+"):
            self.take()
            return _number(self.unary())
        return self.filters(self.postfix(self.primary()))

    def filters(self, value: Any) -> Any:
        while self.peek("|"):
            self.take()
            name = self.take()[1]
            arguments = []
            if self.peek("("):
                arguments = self.arguments()
            if name not in FILTERS:
                raise NunjucksError(f"unknown filter {name!r}")
            value = FILTERS[name](value, *arguments)
        return value

    def arguments(self) -> list[Any]:
        self.take("(")
        values = []
        while not self.peek(")"):
            values.append(self.inline_if())
            if not self.peek(")"):
                self.take(",")
        self.take(")")
        return values

    def postfix(self, value: Any) -> Any:
        while self.peek(".") or self.peek("["):
            if self.take()[1] == ".":
                value = _member(value, self.take()[1])
            else:
                key = self.inline_if()
                self.take("]")
                value = _member(value, key)
        return value

    def primary(self) -> Any:
        kind, text = self.take()
        if kind == "number":
            # Past 15 digits a literal is a float, as in JavaScript (and printable: Python
            # refuses to print integers of more than 4,300 digits).
            return float(text) if "." in text or len(text) > 15 else int(text)
        if kind == "string":
            return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text[1:-1])
        if kind == "name":
            return _CONSTANTS[text] if text in _CONSTANTS else self.lookup(text)
        if text == "(":
            value = self.inline_if()
            self.take(")")
            return value
        if text == "[":
            items = []
            while not self.peek("]"):
                items.append(self.inline_if())
                if not self.peek("]"):
                    self.take(",")
            self.take("]")
            return items
        raise NunjucksError(f"unexpected {text!r}")


# The only attributes an expression may read off a non-mapping value: a date's
# fields. Anything else (methods, ``__class__``, properties of arbitrary objects)
# is undefined, so an expression can neither reach Python internals nor print a
# bound method's address into the page.
_ATTRIBUTES = frozenset({"year", "month", "day", "hour", "minute", "second", "microsecond"})


def _member(value: Any, key: Any) -> Any:
    if isinstance(value, Mapping):
        return value.get(key) if isinstance(key, (str, int, float, bool)) or key is None else None
    if isinstance(value, (list, tuple, str)):
        if isinstance(key, bool) or not isinstance(key, int):
            return len(value) if key == "length" else None
        return value[key] if -len(value) <= key < len(value) else None
    if isinstance(key, str) and key in _ATTRIBUTES:
        found = getattr(value, key, None)
        return found if isinstance(found, (int, float, str)) else None
    return None


def evaluate(expression: str, lookup: Callable[[str], Any]) -> Any:
    """The value of ``expression``; ``lookup(name)`` gives a variable (None when undefined).

    An interpreter of the grammar above, nothing more: no ``eval``, no calls
    (only the filters in :data:`FILTERS`), no attribute access beyond a
    mapping's keys, a sequence's items and ``length``, and a date's fields.
    Any failure, including arithmetic overflow or nesting too deep, is a
    :class:`NunjucksError` the caller reports.
    """
    try:
        return _Parser(expression, lookup).parse()
    except NunjucksError:
        raise
    except (ArithmeticError, TypeError, ValueError, IndexError, KeyError, RecursionError) as error:
        raise NunjucksError(f"{type(error).__name__}: {error}") from error

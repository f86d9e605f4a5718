"""Hypothesis strategies for whole Hexo posts, shared by the property tests and bench/fuzz.py.

A generated post is front matter (valid or broken) and a body of paragraphs.
Prose paragraphs use words from a safe alphabet; everything hostile sits in
"noise" paragraphs that are closed in themselves (so they cannot swallow the
prose after them) and in a "chaos" tail at the end, which may leave tags,
fences, comments and strings open. Every prose word must reach the HTML.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from hypothesis import strategies as st

import pelican_hexo_tags.tags  # noqa: F401 - registers the tags
from pelican_hexo_tags.registry import registry

TAG_NAMES = registry.names()
BLOCK_NAMES = [name for name in TAG_NAMES if any(spec.ends for spec in registry._tags[name].values())]
# Block tags may drop their body by design (a false ``if``, text outside a tab): they wrap
# only noise, never prose.
HOSTILE_ARGS = [
    '"',
    "'",
    '"><script>alert(1)</script>',
    "' onerror='alert(1)",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "vbscript:msgbox",
    "data:text/html,<b>x</b>",
    "data:image/png;base64,AAAA",
    "../../../../etc/passwd",
    "/etc/passwd",
    "//evil.example/x",
    "https://example.com/a b?c=<d>",
    "%}",
    "}}",
    "{{",
    "<!-- more -->",
    "\u4e2d\u6587",
    "\U0001f600",
    "\x00\x01\x07\x0b\x0c\x1b\x7f",
    "\u2028\u2029\ufeff\u200b",
    "lang:js",
    "mark:1-3",
    "from:2",
    "100",
    "-1",
    "9" * 30,
    "a=b",
    "x:y:z",
    "[a](javascript:alert(1))",
    "\\",
    "``",
]
NOISE_ATOMS = [
    "%}",
    "}}",
    "{{ title }}",
    "{{ 1 + 1 }}",
    "{{ 9 ** 9 ** 9 }}",
    "{{ (1/0) | int }}",
    "{{ title.__class__ }}",
    "{{ title.upper }}",
    '{{ "a" | replace("a", "b") }}',
    "{{",
    "`{% note %}`",
    "``x``",
    "`",
    '"',
    "'",
    "<!-- more -->",
    "<!--more-->",
    "<!-- c -->",
    "<b>x</b>",
    "a < b > c",
    "&amp; &#x41; &bogus;",
    "**bold",
    "_em",
    "[link](javascript:alert(1))",
    "![img](javascript:alert(1))",
    "[ok](https://example.com)",
    "![i](../../etc/passwd)",
    "<https://example.com>",
    "$x^2$",
    "\\",
    "\u4e2d\u6587\u6d4b\u8bd5",
    "\u65e5\u672c\u8a9e",
    "\U0001f600\U0001f680",
    "\x00",
    "\x01\x02\x08",
    "\x0b",
    "\x0c",
    "\x1b[31m",
    "\x7f",
    "\u0085",
    "\u2028",
    "\ufeff",
    "\u200b",
    "\t",
    "# heading",
    "- item",
    "> quote",
    "| a | b |",
    "---",
    "===",
    "1.",
    "***",
]
# Openers that may swallow what follows them: only ever in the tail.
CHAOS_ATOMS = [
    "{%",
    "{% ",
    "{#",
    "<!--",
    "```",
    "~~~",
    "```js",
    "{% raw %}",
    "{% endraw %}",
    "{% if x %}",
    "{% endif %}",
    "{% else %}",
    "<script>",
    "<pre>",
    "<style>",
    "$$",
    "\n    indented",
    '"unterminated',
    "{{ 'unterminated }}",
]

SAFE_WORD_ALPHABET = string.ascii_lowercase
WORD_PREFIX = "zq"  # no real word, CSS class or tag name starts with it


@dataclass
class Post:
    text: str
    words: list[str]


def _tag_call(draw: st.DrawFn, closed: bool) -> str:
    name = draw(st.sampled_from(TAG_NAMES))
    args = draw(st.lists(st.sampled_from(HOSTILE_ARGS) | st.text(max_size=8), max_size=4))
    quoted = [f'"{a}"' if draw(st.booleans()) and '"' not in a else a for a in args]
    arg_text = " ".join(a.replace("\n", " ") for a in quoted)
    dash_left = draw(st.sampled_from(["", "-"]))
    dash_right = draw(st.sampled_from(["", "-"]))
    opening = f"{{%{dash_left} {name} {arg_text} {dash_right}%}}"
    if name in BLOCK_NAMES and closed:
        body = draw(st.lists(st.sampled_from(NOISE_ATOMS + HOSTILE_ARGS), max_size=4))
        inner = " ".join(body).replace("\n", " ")
        nested = _tag_call(draw, closed) if draw(st.integers(0, 4)) == 0 else ""
        return f"{opening}\n{inner} {nested}\n{{% end{name} %}}"
    return opening


@st.composite
def noise_paragraph(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(NOISE_ATOMS),
                st.sampled_from(HOSTILE_ARGS),
                st.text(alphabet=st.characters(blacklist_characters="<{#`~\n\r", codec="utf-8"), max_size=12),
            ),
            min_size=1,
            max_size=6,
        )
    )
    if draw(st.booleans()):
        parts.append(_tag_call(draw, closed=True))
    if draw(st.integers(0, 5)) == 0:
        fence = draw(st.sampled_from(["```", "~~~", "````"]))
        lang = draw(st.sampled_from(["", "js", "python", "mermaid", "{% note %}", "x y"]))
        code = " ".join(draw(st.lists(st.sampled_from(NOISE_ATOMS + HOSTILE_ARGS + CHAOS_ATOMS), max_size=3)))
        code = code.replace(fence[0] * 3, "")
        parts.append(f"\n{fence}{lang}\n{code}\n{fence}\n")
    text = " ".join(parts)
    # A blank line inside noise would end it early; a stray `<` starting a line opens an HTML block.
    lines = [line for line in text.replace("\r", "").split("\n") if line.strip()]
    return "\n".join(line if not line.lstrip().startswith("<") else "x " + line for line in lines) or "x"


@st.composite
def prose_paragraph(draw: st.DrawFn) -> tuple[str, list[str]]:
    words = draw(
        st.lists(
            st.text(alphabet=SAFE_WORD_ALPHABET, min_size=1, max_size=8).map(lambda w: WORD_PREFIX + w),
            min_size=1,
            max_size=8,
        )
    )
    return " ".join(words), words


FRONT_MATTER_VALUES = [
    "Hello",
    '"quoted: title"',
    "[a, b",
    "{a: 1",
    "2024-02-30 10:00:00",
    "0000-00-00 00:00:00",
    "2020年4月27日22:19:27",
    "2016/10/21 13:27:53",
    "99999-01-01",
    "-1",
    "1e999",
    "null",
    "~",
    "true",
    "[1, 2, [3]]",
    "{x: {y: z}}",
    "!!python/object/apply:os.system ['echo pwned']",
    "!!python/name:os.system",
    "!!js/regexp /x/",
    "&a [1]",
    "*a",
    "*undefined_alias",
    "'unterminated",
    "|\n  block\n  text",
    "- a\n- b",
    "\u4e2d\u6587 \U0001f600",
    "\x07bell",
    "\t- tabbed",
    ": colon",
    "%}{% note %}",
    "{{ title }}",
    "javascript:alert(1)",
]
FRONT_MATTER_KEYS = [
    "title",
    "date",
    "updated",
    "tags",
    "tag",
    "categories",
    "category",
    "author",
    "authors",
    "published",
    "layout",
    "permalink",
    "excerpt",
    "description",
    "top",
    "sticky",
    "slug",
    "url",
    "status",
    "summary",
    "hide",
    "lang",
    "math",
    "mathjax",
    "katex",
    "comments",
    "reward",
]


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["none", "yaml", "yaml", "yaml", "json", "no-prefix", "garbage"]))
    if kind == "none":
        return ""
    if kind == "garbage":
        return "---\n" + draw(st.text(max_size=40)).replace("---", "") + "\n---\n"
    pairs = draw(
        st.lists(
            st.tuples(
                st.sampled_from(FRONT_MATTER_KEYS) | st.text(alphabet=string.ascii_letters, min_size=1, max_size=5),
                st.sampled_from(FRONT_MATTER_VALUES) | st.text(max_size=10),
            ),
            max_size=8,
        )
    )
    if kind == "json":
        import json

        return ";;;\n" + ",\n".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in pairs) + "\n;;;\n"
    body = "\n".join(f"{key}: {value}".replace("\n---", "\n- --") for key, value in pairs) or "title: x"
    if kind == "no-prefix":
        return body + "\n---\n"
    return "---\n" + body + "\n---\n"


@st.composite
def posts(draw: st.DrawFn) -> Post:
    head = draw(front_matter())
    paragraphs: list[str] = []
    words: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.booleans()):
            paragraphs.append(draw(noise_paragraph()))
        text, found = draw(prose_paragraph())
        paragraphs.append(text)
        words.extend(found)
    tail = draw(st.lists(st.sampled_from(CHAOS_ATOMS + NOISE_ATOMS) | st.builds(lambda: ""), max_size=6))
    if draw(st.booleans()):
        tail.append(_tag_call(draw, closed=False))
    # Separators Hexo sees on disk: LF, CRLF or a lone CR between paragraphs.
    separator = draw(st.sampled_from(["\n\n", "\r\n\r\n", "\n \n"]))
    body = separator.join(paragraphs)
    if tail:
        body += "\n\n" + " ".join(tail)
    return Post(head + body, words)

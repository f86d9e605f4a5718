"""The scoring of ../shared/tools/htmlcompare.py, copied so tests run without ../shared.

A pair is "faithful" when text >= 0.995, blocks >= 0.95, links >= 0.98 and
ids == 1.0; see the original's docstring for what each axis measures.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from urllib.parse import unquote, urlsplit, urlunsplit

from bs4 import BeautifulSoup, Comment

INVISIBLE = {"script", "style", "template", "noscript", "link", "meta", "head", "title"}
BLOCKS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "table",
    "tr",
    "th",
    "td",
    "hr",
    "dl",
    "dt",
    "dd",
    "figure",
    "img",
    "video",
    "audio",
    "iframe",
    "details",
    "summary",
}
FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
        "\u00a0": " ",
        "\u200b": "",
        "\ufeff": "",
        "\u21a9": "",
        "\ufe0e": "",
    }
)
THRESHOLDS = {"text": 0.995, "blocks": 0.95, "links": 0.98, "ids": 1.0}


def _soup(html: str) -> BeautifulSoup:
    soup = BeautifulSoup(html or "", "html.parser")
    for node in soup.find_all(string=lambda s: isinstance(s, Comment)):
        node.extract()
    for tag in soup.find_all(INVISIBLE):
        tag.decompose()
    return soup


def _tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text.translate(FOLD))
    out: list[str] = []
    for word in text.split():
        # CJK runs have no spaces: compare them character by character.
        for piece in re.findall(
            r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]|[^\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]+", word
        ):
            piece = piece.strip("[]")
            if piece:
                out.append(piece)
    return out


def _url(value: str) -> str:
    value = unquote(value.strip())
    try:
        parts = urlsplit(value)
    except ValueError:
        return value
    path = parts.path
    if parts.netloc and path in ("", "/"):
        path = ""
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, parts.fragment))


def fingerprint(html: str) -> dict:
    soup = _soup(html)
    links: list[str] = []
    for tag in soup.find_all(True):
        for attr in ("href", "src", "poster", "data"):
            if tag.get(attr) and (attr != "href" or tag.name == "a"):
                links.append(_url(tag[attr]))
    return {
        "text": _tokens(soup.get_text(" ")),
        "blocks": [t.name for t in soup.find_all(BLOCKS)],
        "links": links,
        "ids": [t["id"] for t in soup.find_all(re.compile(r"^h[1-6]$")) if t.get("id")],
    }


def _ratio(a: list, b: list) -> float:
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _f1(a: list, b: list) -> float:
    if not a and not b:
        return 1.0
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b))


def compare(expected: str, actual: str) -> dict:
    e, a = fingerprint(expected), fingerprint(actual)
    scores = {
        "text": _ratio(e["text"], a["text"]),
        "blocks": _ratio(e["blocks"], a["blocks"]),
        "links": _f1(e["links"], a["links"]),
        "ids": _f1(e["ids"], a["ids"]),
    }
    report = {k: round(v, 4) for k, v in scores.items()}
    report["faithful"] = all(scores[k] >= THRESHOLDS[k] for k in THRESHOLDS)
    report["missing_links"] = sorted((Counter(e["links"]) - Counter(a["links"])).elements())[:10]
    report["extra_links"] = sorted((Counter(a["links"]) - Counter(e["links"])).elements())[:10]
    report["missing_ids"] = sorted(set(e["ids"]) - set(a["ids"]))[:10]
    return report

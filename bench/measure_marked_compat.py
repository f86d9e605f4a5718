#!/usr/bin/env python3
"""How close markdown-it-py gets to Hexo's marked output, with and without `marked_compat`.

Takes every corpus post whose body has no Hexo tag (`{%`, `{{`) and no fenced code (those are
handled by other stages, not by the Markdown engine), renders it with the engine configuration
`pelican_hexo_tags` uses, and compares it with what real Hexo produced (`hexo-oracle.json`) using
`/work/shared/tools/htmlcompare.py`. Heading ids and headerlinks are stripped from both sides first:
they are produced by other code. So is the site root hexo-renderer-marked puts in front of
relative image paths, which is removed from both sides too.

    python bench/measure_marked_compat.py [--show N] [--verbose]

Prints the faithful share (htmlcompare's thresholds) and the exact-text share before and after.
Skips with a message when ../shared (the corpus) is not there.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = Path("/work/shared") if Path("/work/shared").is_dir() else ROOT.parent / "shared"

_FRONT_MATTER = re.compile(r"^(-{3,}|;{3,})\n([\s\S]+?)\n\1\n?([\s\S]*)")
_FRONT_MATTER_NO_PREFIX = re.compile(r"^([\s\S]+?)\n(-{3,}|;{3,})\n?([\s\S]*)")
_HEADERLINK = re.compile(r'<a [^>]*class="headerlink"[^>]*></a>')
_HEADING_ID = re.compile(r"(<h[1-6])\s+id=\"[^\"]*\"")
# hexo-renderer-marked prepends the site root to relative image paths (`url_for`); other code does that.
_ROOTED_IMG = re.compile(r'(<img [^>]*src=")(?:/|\./)(?!/)')


def body_of(source: str) -> str:
    """The post body Hexo hands to marked: everything after the front matter."""
    source = source.lstrip("\ufeff").replace("\r\n", "\n")
    m = _FRONT_MATTER.match(source)
    if m:
        return m.group(3)
    m = _FRONT_MATTER_NO_PREFIX.match(source)
    return m.group(3) if m else source


def plain(html: str) -> str:
    """Drop what this benchmark does not judge: heading ids, headerlinks, the root on image paths."""
    return _ROOTED_IMG.sub(r"\1", _HEADING_ID.sub(r"\1", _HEADERLINK.sub("", html)))


def posts() -> list[tuple[str, str, str]]:
    """(name, markdown body, Hexo HTML) for every tag-free, fence-free post of the corpus."""
    out = []
    for oracle_path in sorted((SHARED / "corpus").glob("*/hexo-oracle.json")):
        blog = oracle_path.parent
        oracle = json.loads(oracle_path.read_text(encoding="utf-8"))
        for key, entry in sorted(oracle.items()):
            if "content" not in entry:
                continue
            path = blog / "source" / key
            if not path.is_file():
                continue
            body = body_of(path.read_text(encoding="utf-8"))
            if any(mark in body for mark in ("{%", "{{", "```", "~~~")):
                continue
            out.append((f"{blog.name}/{key}", body, entry["content"]))
    return out


def engine(compat: bool):
    """The engine configured as pelican_hexo_tags configures it (minus ids, fences and tags)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.tasklists import tasklists_plugin

    md = MarkdownIt("commonmark", {"html": True, "breaks": True, "linkify": False, "typographer": False})
    md.enable(["table"])
    md.use(tasklists_plugin)
    if compat:
        from pelican_hexo_tags.marked_compat import fix_table_delimiters, marked_compat_plugin

        md.use(marked_compat_plugin)
        return lambda text: md.render(fix_table_delimiters(text))
    return md.render


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print the first N unfaithful posts (after)")
    parser.add_argument("--verbose", action="store_true", help="list every post that is not faithful after")
    args = parser.parse_args(argv)

    if not (SHARED / "corpus").is_dir() or not (SHARED / "tools" / "htmlcompare.py").is_file():
        print(f"skipped: {SHARED}/corpus or tools/htmlcompare.py not found")
        return 0
    sys.path.insert(0, str(SHARED / "tools"))
    sys.path.insert(0, str(ROOT))
    from htmlcompare import compare, fingerprint

    items = posts()
    if not items:
        print("skipped: no tag-free posts in the corpus")
        return 0
    print(f"{len(items)} tag-free, fence-free posts with a Hexo rendering")
    shown = 0
    for label, compat in (("before (plain markdown-it)", False), ("after (marked_compat)", True)):
        render = engine(compat)
        faithful = text_exact = links_exact = 0
        for name, body, expected in items:
            expected, actual = plain(expected), plain(render(body))
            report = compare(expected, actual)
            faithful += report["faithful"]
            fe, fa = fingerprint(expected), fingerprint(actual)
            text_exact += fe["text"] == fa["text"]
            links_exact += sorted(fe["links"]) == sorted(fa["links"])
            if compat and not report["faithful"]:
                if args.verbose:
                    print("  not faithful:", name, {k: report[k] for k in ("text", "blocks", "links")})
                if shown < args.show:
                    shown += 1
                    print(f"--- {name}\n{json.dumps(report, ensure_ascii=False)}")
        n = len(items)
        print(
            f"{label:28} faithful {faithful}/{n} = {100 * faithful / n:.1f}%   "
            f"text exact {100 * text_exact / n:.1f}%   links exact {100 * links_exact / n:.1f}%"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

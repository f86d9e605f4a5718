"""Render every post of the blogs in ../shared/corpus and hold each against real Hexo.

    python bench/corpus_report.py [BLOG_NAME ...] [--show N]

For each blog: posts read, URL parity with Hexo's ``path``, the share of
bodies htmlcompare calls faithful, and the problems reported by kind. With
``--show N``, the N least faithful posts with their scores.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def read_blog(blog: Path) -> dict[str, tuple[str, dict]]:
    from pelican.settings import read_settings

    from pelican_hexo_tags.reader import HexoReader

    settings = read_settings(
        override={
            "PATH": str(blog / "source"),
            "HEXO_CONFIG": str(blog / "_config.yml"),
            "ARTICLE_PATHS": ["_posts"],
            "CACHE_CONTENT": False,
        }
    )
    reader = HexoReader(settings)
    results = {}
    for post in sorted((blog / "source" / "_posts").rglob("*.md")):
        key = "_posts/" + post.relative_to(blog / "source" / "_posts").as_posix()
        results[key] = reader.read(str(post))
    return results


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("blogs", nargs="*")
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        print(f"skipped: {corpus} not found")
        return 0
    sys.path.insert(0, str(SHARED / "tools"))
    from htmlcompare import compare

    logging.disable(logging.WARNING)
    names = args.blogs or sorted(p.name for p in corpus.iterdir() if (p / "hexo-oracle.json").exists())
    for name in names:
        blog = corpus / name
        oracle = json.loads((blog / "hexo-oracle.json").read_text(encoding="utf-8"))
        results = read_blog(blog)
        problems: Counter[str] = Counter()
        url_ok = url_total = faithful = compared = 0
        scored = []
        for key, (content, meta) in results.items():
            for _line, _message, kind in meta.get("hexo_problems", []):
                problems[kind] += 1
            expected = oracle.get(key)
            if not expected or "error" in expected:
                continue
            url_total += 1
            url_ok += meta.get("url", "") == expected["path"] or meta.get("hexo_path") == expected["path"]
            report = compare(expected["content"], content)
            compared += 1
            faithful += report["faithful"]
            scored.append((report["text"] + report["blocks"] + report["links"] + report["ids"], key, report))
        print(
            f"{name}: {len(results)} posts read, URL parity {url_ok}/{url_total}, "
            f"faithful {faithful}/{compared} ({100 * faithful / max(compared, 1):.1f}%), "
            f"problems {dict(problems)}"
        )
        for _score, key, report in sorted(scored)[: args.show]:
            if not report["faithful"]:
                brief = {k: report[k] for k in ("text", "blocks", "links", "ids")}
                print(f"  {key} {brief} missing={report['missing_links'][:3]} extra={report['extra_links'][:3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

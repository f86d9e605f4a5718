"""Show where one corpus post's rendering differs from the blog's own Hexo's (hexo-oracle-site.json).

python bench/diffpost.py BLOG _posts/NAME.md [--html]
"""

from __future__ import annotations

import difflib
import json
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(SHARED / "tools"))


def main() -> int:
    from corpus_report import read_blog
    from htmlcompare import compare, fingerprint

    logging.disable(logging.WARNING)
    blog, key = SHARED / "corpus" / sys.argv[1], sys.argv[2]
    oracle = json.loads((blog / "hexo-oracle-site.json").read_text(encoding="utf-8"))[key]
    content, meta = read_blog(blog)[key]
    print(json.dumps(compare(oracle["content"], content), ensure_ascii=False))
    for problem in meta.get("hexo_problems", []):
        print("problem:", problem)
    if "--html" in sys.argv:
        expected, actual = oracle["content"].splitlines(), content.splitlines()
    else:
        expected, actual = fingerprint(oracle["content"]), fingerprint(content)
        for axis in ("blocks", "ids"):
            if expected[axis] != actual[axis]:
                print(axis, "expected", expected[axis][:40], "\n      actual", actual[axis][:40])
        expected, actual = expected["text"], actual["text"]
    for line in difflib.unified_diff(expected, actual, "hexo", "ours", n=2, lineterm=""):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Theme tag conformance cases through the real reader: the faithful share per theme.

    python bench/theme_cases.py [--show] [--theme next|butterfly|fluid]

Reads each case of tests/fixtures/theme_tag_cases.json as a post of a Hexo
site whose ``theme:`` is the case's theme and compares the content with what
Hexo 8 rendered under that theme (htmlcompare). ``--show`` prints every
unfaithful case with both outputs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))


def main() -> int:
    from theme_case_harness import THEMES, load_cases, run_cases

    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--theme", choices=THEMES)
    args = parser.parse_args()
    cases = [c for c in load_cases() if not args.theme or c["theme"] == args.theme]
    with tempfile.TemporaryDirectory() as tmp:
        results = run_cases(cases, Path(tmp))
    total: Counter[str] = Counter()
    faithful: Counter[str] = Counter()
    for result in results:
        theme = result.case["theme"]
        total[theme] += 1
        faithful[theme] += result.faithful
        if result.faithful:
            continue
        case = result.case
        scores = {k: result.report[k] for k in ("text", "blocks", "links", "ids")}
        print(f"unfaithful [{theme}: {case['group']}] {case['name']}: {scores}")
        if args.show:
            print("  input:    ", repr(case["input"]))
            print("  expected: ", repr(case["output"]))
            print("  actual:   ", repr(result.html))
            print("  problems: ", result.problems)
    for theme in THEMES:
        if total[theme]:
            print(f"{theme}: faithful {faithful[theme]}/{total[theme]} ({100 * faithful[theme] / total[theme]:.1f}%)")
    all_faithful, all_total = sum(faithful.values()), sum(total.values())
    print(f"all: faithful {all_faithful}/{all_total} ({100 * all_faithful / max(all_total, 1):.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

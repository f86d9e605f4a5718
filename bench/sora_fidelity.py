"""Hold the example site's Sora page against what the Sora blog deployed.

    python bench/sora_fidelity.py [OUTPUT_DIR]

Prints htmlcompare's report for the article body; needs ../shared beside the checkout.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PAGE = "2024/02/22/Sora-the-starlight-in-the-long-night-of-AGI/index.html"


def article_body(page_html: str) -> str:
    body = BeautifulSoup(page_html, "html.parser").select_one("div.post-body")
    return body.decode_contents() if body else ""


def main() -> int:
    if not (SHARED / "tools" / "htmlcompare.py").exists():
        print(f"skipped: {SHARED} not found")
        return 0
    sys.path.insert(0, str(SHARED / "tools"))
    from htmlcompare import compare

    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "example_site" / "output"
    actual = article_body((output / PAGE).read_text(encoding="utf-8"))
    expected = (SHARED / "reference" / "sora" / "expected-body.html").read_text(encoding="utf-8")
    print(json.dumps(compare(expected, actual), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Convert ../shared/reference/hexo-tag-cases.md into tests/fixtures/hexo_tag_cases.json (run once).

    python bench/convert_tag_cases.py

Keeps, per case, its section, name, the Hexo config it was rendered under,
the input and Hexo's full-pipeline output (``THROWS …`` when Hexo failed).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "reference" / "hexo-tag-cases.md"
TARGET = ROOT / "tests" / "fixtures" / "hexo_tag_cases.json"
_BLOCK = re.compile(r"^````(\w+)\n(.*?)\n````$", re.MULTILINE | re.DOTALL)


def _chunks(text: str) -> list[str]:
    """The text split before each heading that is not inside a ```` block."""
    chunks, current, fenced = [], [], False
    for line in text.split("\n"):
        if line.startswith("````"):
            fenced = not fenced
        if not fenced and re.match(r"#{2,4} ", line):
            chunks.append("\n".join(current))
            current = []
        current.append(line)
    chunks.append("\n".join(current))
    return chunks


def convert(text: str) -> list[dict]:
    cases: list[dict] = []
    section, config = "", {}
    for chunk in _chunks(text):
        heading = chunk.split("\n", 1)[0]
        if heading.startswith("## "):
            config = {}
        elif heading.startswith("### "):
            title = heading[4:].strip()
            setting = re.match(r"\(syntax_highlighter: '(.*)'\)", title)
            if setting:
                config = {"syntax_highlighter": setting.group(1)}
            else:
                section = title
        elif heading.startswith("#### "):
            blocks = _BLOCK.findall(chunk)
            if not blocks:
                continue
            source = blocks[0][1]
            labels = re.findall(r"^(Output \(tag-only == full post pipeline\)|Full post pipeline output)", chunk, re.M)
            outputs = [body for kind, body in blocks[1:] if kind == "html"]
            expected = outputs[-1] if labels else ""
            cases.append(
                {
                    "id": len(cases) + 1,
                    "section": section,
                    "name": heading[5:].strip(),
                    "config": dict(config),
                    "input": source,
                    "expected": expected,
                    "throws": expected.startswith("THROWS"),
                }
            )
    return cases


def main() -> int:
    cases = convert(SOURCE.read_text(encoding="utf-8"))
    data = {
        "source": "hexo-tag-cases.md (hexo 8.1.2 + hexo-renderer-marked 7.0.1 + hexo-tag-embed 1.0.0, run by the"
        " shared reference's generator); 'expected' is Hexo's full post pipeline output",
        "site": {
            "config": {"url": "http://example.com", "root": "/", "permalink": ":title/", "post_asset_folder": True},
            "posts": {
                "foo.md": "Hello world",
                "title-with-tag.md": '"Hello" <new world>!',
                "no-title.md": "",
                "fôo.md": "Hello world",
            },
            "assets": ["foo/bar", "foo/bár", "foo/spaced asset", "foo/img.png"],
            "code": {"source/downloads/code/test.js": "if (tired && night) {\n  sleep();\n}"},
            "rendered_in": "foo.md",
        },
        "cases": cases,
    }
    TARGET.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(cases)} cases -> {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Run the theme tag conformance cases (fixtures/theme_tag_cases.json) through the real reader.

Each case becomes the body of a post in a small Hexo site configured as the
oracle was (``url: http://example.com``, ``post_asset_folder: true``) with
``theme:`` set to the case's theme, and is read by ``HexoReader``, the reader
Pelican uses: front matter, dialect choice, fences, tags, Markdown. The
content is scored against Hexo's output with htmlcompare.

Used by tests/test_theme_cases.py and bench/theme_cases.py.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from htmlcompare import compare

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "theme_tag_cases.json"
THEMES = ("next", "butterfly", "fluid")


@dataclass
class ThemeCaseResult:
    case: dict[str, Any]
    html: str
    problems: list[str]
    report: dict[str, Any] = field(default_factory=dict)

    @property
    def faithful(self) -> bool:
        return bool(self.report.get("faithful"))


def load_cases() -> list[dict[str, Any]]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))["cases"]


def run_cases(cases: list[dict[str, Any]], workdir: Path) -> list[ThemeCaseResult]:
    from pelican.settings import read_settings

    from pelican_hexo_tags.reader import HexoReader

    posts = workdir / "source" / "_posts"
    posts.mkdir(parents=True, exist_ok=True)
    readers: dict[str, HexoReader] = {}
    results = []
    logging.disable(logging.WARNING)
    try:
        for number, case in enumerate(cases):
            theme = case["theme"]
            if theme not in readers:
                config = workdir / f"_config.{theme}.yml"
                oracle = {"url": "http://example.com", "timezone": "UTC", "post_asset_folder": True, "theme": theme}
                config.write_text(yaml.safe_dump(oracle), encoding="utf-8")
                settings = read_settings(
                    override={
                        "PATH": str(workdir / "source"),
                        "HEXO_CONFIG": str(config),
                        "ARTICLE_PATHS": ["_posts"],
                        "CACHE_CONTENT": False,
                    }
                )
                readers[theme] = HexoReader(settings)
            post = posts / f"case-{number}.md"
            post.write_text(
                f"---\ntitle: Hello world\ndate: 2024-01-01 00:00:00\n---\n{case['input']}\n", encoding="utf-8"
            )
            content, metadata = readers[theme].read(str(post))
            problems = [message for _line, message, _kind in metadata.get("hexo_problems", [])]
            results.append(ThemeCaseResult(case, content, problems, compare(case["output"], content)))
    finally:
        logging.disable(logging.NOTSET)
    return results

"""Run the Hexo tag conformance cases (fixtures/hexo_tag_cases.json) through a real Pelican build.

Each case becomes the body of ``foo.md`` in a small Hexo-shaped site built
like the one Hexo rendered the cases in (``permalink: :title/``,
``post_asset_folder: true``, the fixture posts and asset files), and the
article Pelican produced is scored against Hexo's full-pipeline output with
htmlcompare. A case where Hexo fails the build (``THROWS``) is faithful when
our build reports a problem for the post instead.

Used by tests/test_tag_cases.py and bench/tag_cases.py.
"""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from htmlcompare import compare
from pelican import Pelican, signals
from pelican.log import LimitFilter
from pelican.settings import read_settings

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "hexo_tag_cases.json"

_OTHER_POSTS = {
    "title-with-tag.md": '"Hello" <new world>!',
    "no-title.md": "",
    "fôo.md": "Hello world",
}
_ASSETS = ["bar", "bár", "spaced asset", "img.png"]
_TEST_JS = "if (tired && night) {\n  sleep();\n}"


@dataclass
class CaseResult:
    case: dict[str, Any]
    html: str
    warnings: list[str]
    report: dict[str, Any] = field(default_factory=dict)

    @property
    def faithful(self) -> bool:
        if self.case["throws"]:
            return bool(self.warnings)
        return bool(self.report.get("faithful"))


def load_cases() -> list[dict[str, Any]]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))["cases"]


def _post(title: str, body: str) -> str:
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ndate: 2024-01-01 00:00:00\n---\n{body}"


def _write_site(root: Path) -> None:
    if root.exists():
        shutil.rmtree(root)
    posts = root / "source" / "_posts"
    (posts / "foo").mkdir(parents=True)
    for name, title in _OTHER_POSTS.items():
        (posts / name).write_text(_post(title, "Body.\n"), encoding="utf-8")
    for name in _ASSETS:
        (posts / "foo" / name).write_bytes(b"asset")
    code = root / "source" / "downloads" / "code"
    code.mkdir(parents=True)
    (code / "test.js").write_text(_TEST_JS, encoding="utf-8")


def _write_config(root: Path, extra: dict[str, Any]) -> Path:
    config = {"url": "http://example.com", "root": "/", "permalink": ":title/", "post_asset_folder": True}
    config.update({"timezone": "UTC", **extra})
    path = root / "_config.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


class _Sink(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


_ARTICLES: list[list[Any]] = []


def _capture(generators: list[Any]) -> None:
    if _ARTICLES:
        for generator in generators:
            if hasattr(generator, "drafts"):
                _ARTICLES[-1].extend(generator.articles)


signals.all_generators_finalized.connect(_capture)


def _build(root: Path, config_path: Path) -> tuple[str, list[str]]:
    settings = read_settings(
        None,
        override={
            "PATH": str(root / "source"),
            "OUTPUT_PATH": str(root / "output"),
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            "PLUGINS": ["pelican_hexo_tags"],
            "HEXO_CONFIG": str(config_path),
            # The cases record Hexo evaluating {{ }}; a site opts in to that.
            "HEXO_NUNJUCKS_VARIABLES": True,
            "ARTICLE_PATHS": ["_posts"],
            "PAGE_PATHS": [],
            "STATIC_PATHS": [],
            "READERS": {"rst": None, "html": None, "htm": None},
            "TIMEZONE": "UTC",
            "DIRECT_TEMPLATES": [],
            "TAG_SAVE_AS": "",
            "CATEGORY_SAVE_AS": "",
            "AUTHOR_SAVE_AS": "",
            "FEED_ALL_ATOM": None,
            "CATEGORY_FEED_ATOM": None,
            "TRANSLATION_FEED_ATOM": None,
            "AUTHOR_FEED_ATOM": None,
            "AUTHOR_FEED_RSS": None,
        },
    )
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    sink = _Sink()
    logging.getLogger().addHandler(sink)
    _ARTICLES.append([])
    try:
        Pelican(settings).run()
        articles = _ARTICLES[-1]
    finally:
        _ARTICLES.pop()
        logging.getLogger().removeHandler(sink)
    foo = next(a for a in articles if Path(a.source_path).name == "foo.md")
    return foo.content, [m for m in sink.messages if "foo.md:" in m and "fôo.md" not in m]


def run_cases(cases: list[dict[str, Any]], workdir: Path) -> list[CaseResult]:
    """Build each case as post ``foo`` and score it."""
    root = workdir / "hexo-site"
    _write_site(root)
    results = []
    for case in cases:
        config_path = _write_config(root, case["config"])
        shutil.rmtree(root / "output", ignore_errors=True)
        (root / "source" / "_posts" / "foo.md").write_text(_post("Hello world", case["input"]), encoding="utf-8")
        html, warnings = _build(root, config_path)
        result = CaseResult(case, html, warnings)
        if not case["throws"]:
            result.report = compare(case["expected"], html)
        results.append(result)
    return results

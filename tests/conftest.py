"""Shared fixtures: paths, and building a Pelican site in-process."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pelican import Pelican, signals
from pelican.log import LimitFilter
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLE_SITE = ROOT / "example_site"


# What every Hexo-shaped test site's pelicanconf.py starts with.
HEXO_SITE_SETTINGS = """\
PATH = "content"
PLUGINS = ["pelican_hexo_tags"]
HEXO_CONFIG = "_config.yml"
ARTICLE_PATHS = ["_posts"]
PAGE_PATHS = []
TIMEZONE = "UTC"
"""


def write_hexo_site(root: Path, posts: dict[str, str], hexo_config: str, settings: str = "") -> Path:
    """Posts under ``content/_posts``, a ``_config.yml`` and a ``pelicanconf.py``; returns the settings file."""
    for name, text in posts.items():
        path = root / "content" / "_posts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "_config.yml").write_text(hexo_config, encoding="utf-8")
    settings_file = root / "pelicanconf.py"
    settings_file.write_text(HEXO_SITE_SETTINGS + settings, encoding="utf-8")
    return settings_file


def shared_path(*parts: str) -> Path:
    """A path in ../shared, skipping the test with a reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found: the shared reference material sits beside the checkout in CI")
    return path


@dataclass
class Build:
    output: Path
    articles: list[Any] = field(default_factory=list)
    pages: list[Any] = field(default_factory=list)
    drafts: list[Any] = field(default_factory=list)
    hidden: list[Any] = field(default_factory=list)
    records: list[logging.LogRecord] = field(default_factory=list)

    def page(self, path: str) -> str:
        return (self.output / path).read_text(encoding="utf-8")

    def messages(self, level: int = logging.WARNING) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= level]


_CAPTURE: list[Build] = []


def _capture(generators: list[Any]) -> None:
    if not _CAPTURE:
        return
    for generator in generators:
        if hasattr(generator, "drafts"):
            _CAPTURE[-1].articles = list(generator.articles)
            _CAPTURE[-1].drafts = list(generator.drafts)
            _CAPTURE[-1].hidden = list(generator.hidden_articles)
        elif hasattr(generator, "draft_pages"):
            _CAPTURE[-1].pages = list(generator.pages)


signals.all_generators_finalized.connect(_capture)


class _ListHandler(logging.Handler):
    def __init__(self, sink: list[logging.LogRecord]) -> None:
        super().__init__(logging.DEBUG)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        self.sink.append(record)


def build_site(settings_file: Path | None, output: Path, **overrides: Any) -> Build:
    """Run Pelican on a settings file (or on overrides alone) and capture what it made."""
    overrides.setdefault("OUTPUT_PATH", str(output))
    overrides.setdefault("CACHE_PATH", str(output.parent / "cache"))
    settings = read_settings(str(settings_file) if settings_file else None, override=overrides)
    build = Build(output)
    # Pelican drops a warning it has already shown in this process; each build here is a fresh run.
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    handler = _ListHandler(build.records)
    logging.getLogger().addHandler(handler)
    _CAPTURE.append(build)
    try:
        Pelican(settings).run()
    finally:
        _CAPTURE.pop()
        logging.getLogger().removeHandler(handler)
    return build


@pytest.fixture(scope="session")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_site(EXAMPLE_SITE / "pelicanconf.py", tmp_path_factory.mktemp("example") / "output")


# Where the browser tests put their screenshots, named in the summary so a reader can find them.
SCREENSHOTS_KEY = pytest.StashKey[Path]()


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    folder = config.stash.get(SCREENSHOTS_KEY, None)
    if folder is not None:
        terminalreporter.write_line(f"browser screenshots: {folder}")

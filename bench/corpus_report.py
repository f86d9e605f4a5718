"""Render every post of the blogs in ../shared/corpus and hold each against real Hexo.

    python bench/corpus_report.py [BLOG_NAME ...] [--show N] [--fixed-assets] [--math-as-tex]

For each blog: posts read, URL parity with Hexo's ``path``, the share of
bodies htmlcompare calls faithful against the blog's own Hexo with its own
plugins (``hexo-oracle-site.json``; ``--default-hexo``: Hexo 8 + marked), and
the problems reported by kind. With
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


def read_blog(blog: Path, page_filters: bool = False) -> dict[str, tuple[str, dict]]:
    """Each post's body and metadata, from a real Pelican build of the imported blog.

    A build, not the reader alone, because ``post_link`` resolves only once
    every post is read. The oracle's ``content`` is ``post.content``, which
    Hexo's ``after_render:html`` filters (a theme's copy button, external
    links) only change later, on the whole page; here they change the body, so
    unless ``page_filters`` the body is taken at the oracle's stage, before them.
    """
    import contextlib
    import io
    import tempfile
    from unittest import mock

    from pelican import Pelican, signals
    from pelican.settings import read_settings

    from pelican_hexo_tags.cli import import_site
    from pelican_hexo_tags.extend import Extensions

    run_filters = Extensions.run_filters

    def at_the_oracles_stage(self: Extensions, stage: str, html: str, post: object) -> str:
        return html if stage == "after_render:html" else run_filters(self, stage, html, post)

    articles: dict[str, object] = {}

    def collect(generators: list) -> None:
        # Only note the objects: other handlers (post_link) still change them after this one.
        for generator in generators:
            for name in ("articles", "hidden_articles", "drafts", "translations"):
                for article in getattr(generator, name, None) or ():
                    parts = Path(article.source_path).parts
                    if "_posts" in parts:
                        articles["_posts/" + "/".join(parts[len(parts) - parts[::-1].index("_posts") :])] = article

    signals.all_generators_finalized.connect(collect)
    oracle_stage = mock.patch.object(Extensions, "run_filters", at_the_oracles_stage)
    stage = contextlib.nullcontext() if page_filters else oracle_stage
    try:
        with tempfile.TemporaryDirectory() as scratch, contextlib.redirect_stdout(io.StringIO()), stage:
            site = Path(scratch) / "site"
            import_site(blog, site)
            Pelican(read_settings(str(site / "pelicanconf.py"))).run()
    finally:
        signals.all_generators_finalized.disconnect(collect)
    return {key: (article.content, article.metadata) for key, article in sorted(articles.items())}


def math_as_tex(html: str) -> str:
    """KaTeX's output as the TeX it came from, between ``$`` signs.

    The oracle rendered every blog with marked, which has no math, so a
    formula rendered as the blog's own set-up rendered it can never match;
    this shows how the rest of such a post compares.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for katex in soup.select("span.katex-display, span.katex"):
        if katex.parent is None:
            continue
        annotation = katex.find("annotation")
        katex.replace_with(f"${annotation.get_text() if annotation else ''}$")
    return str(soup)


def point_images_at_assets(html: str, key: str, meta: dict) -> str:
    """Hexo's marked (no postAsset) turns ``![](NAME/x.png)`` into ``/NAME/x.png``, a URL
    where nothing is published; we give the asset's real URL. With this, that
    deliberate difference is not counted."""
    name = key.rsplit("/", 1)[-1].removesuffix(".md")
    asset_url = meta.get("hexo_asset_url")
    if not asset_url:
        return html
    return html.replace(f'src="/{name}/', f'src="{asset_url}')


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("blogs", nargs="*")
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument(
        "--fixed-assets",
        action="store_true",
        help="count Hexo's broken `![](NAME/x.png)` image URL as the asset URL we give (see README)",
    )
    parser.add_argument("--math-as-tex", action="store_true", help="compare rendered formulas as their TeX")
    parser.add_argument(
        "--default-hexo",
        action="store_true",
        help="hold the bodies against Hexo 8 + marked (hexo-oracle.json), not the blog's own Hexo and plugins",
    )
    parser.add_argument(
        "--page-filters",
        action="store_true",
        help="keep what after_render:html filters add to the body (Hexo adds it to the page, after the oracle's)",
    )
    args = parser.parse_args()
    reference = "hexo-oracle.json" if args.default_hexo else "hexo-oracle-site.json"
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        print(f"skipped: {corpus} not found")
        return 0
    sys.path.insert(0, str(SHARED / "tools"))
    from htmlcompare import compare

    logging.disable(logging.WARNING)
    names = args.blogs or sorted(p.name for p in corpus.iterdir() if (p / reference).exists())
    print(f"bodies held against {reference}")
    for name in names:
        blog = corpus / name
        oracle = json.loads((blog / reference).read_text(encoding="utf-8"))
        results = read_blog(blog, args.page_filters)
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
            hexo_html = expected["content"]
            if args.fixed_assets:
                hexo_html = point_images_at_assets(hexo_html, key, meta)
            if args.math_as_tex:
                content = math_as_tex(content)
            report = compare(hexo_html, content)
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

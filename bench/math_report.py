"""How math comes out of a corpus blog, held against real Hexo (which rendered it with marked, no math).

    python bench/math_report.py [BLOG ...]

For each blog, three renderings of every post:

* ``unprotected``: Markdown sees the math (what marked did, the oracle's mangling);
* ``text``: math protected and shown as written (``HEXO_MATH = "text"``);
* ``server``: the blog's own mode (KaTeX HTML); for comparing, each KaTeX
  element is replaced by its TeX source between its delimiters;
* ``outside-math``: protected, but each formula put back as Markdown would
  have mangled it, so the score measures everything except the math itself
  (the oracle's math text is marked's mangling: ``\\{`` became ``{``, ``_`` emphasis).

Prints, per rendering: faithful share and mean text score against the
oracle, ``<em>``/``<strong>`` elements in the HTML, and math spans that hold
an ``<em>`` (an ``_`` Markdown took for emphasis).
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

_EM_IN_MATH = re.compile(r"\$[^$<>]*<(em|strong)>[^$]*?\$")


def _katex_to_source(html: str) -> str:
    from bs4 import BeautifulSoup

    if "katex" not in html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    for node in soup.select("span.katex-display, span.katex"):
        if node.parent is None or node.find_parent(class_="katex") is not None:
            continue
        annotation = node.find("annotation")
        tex = annotation.get_text() if annotation else node.get_text()
        display = "katex-display" in (node.get("class") or [])
        node.replace_with(f"$${tex}$$" if display else f"${tex}$")
    return str(soup)


def render_blog(blog: Path, overrides: dict) -> dict[str, str]:
    from pelican.settings import read_settings

    from pelican_hexo_tags.reader import HexoReader

    settings = read_settings(
        override={
            "PATH": str(blog / "source"),
            "HEXO_CONFIG": str(blog / "_config.yml"),
            "ARTICLE_PATHS": ["_posts"],
            "CACHE_CONTENT": False,
            **overrides,
        }
    )
    reader = HexoReader(settings)
    out = {}
    for post in sorted((blog / "source" / "_posts").rglob("*.md")):
        key = "_posts/" + post.relative_to(blog / "source" / "_posts").as_posix()
        out[key] = reader.read(str(post))[0]
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("blogs", nargs="*", default=["Duanyll__duanyll.com-hexo"])
    args = parser.parse_args()
    if not (SHARED / "corpus").is_dir():
        print(f"skipped: {SHARED}/corpus not found")
        return 0
    sys.path.insert(0, str(SHARED / "tools"))
    from htmlcompare import compare

    import pelican_hexo_tags.engine as engine
    import pelican_hexo_tags.math as math

    logging.disable(logging.WARNING)
    for name in args.blogs:
        blog = SHARED / "corpus" / name
        oracle = json.loads((blog / "hexo-oracle.json").read_text(encoding="utf-8"))
        keep = math.math_plugin
        math.math_plugin = lambda md: None
        engine._build.cache_clear()
        renderings = {"unprotected": render_blog(blog, {"HEXO_MATH": "text"})}
        math.math_plugin = keep
        engine._build.cache_clear()
        renderings["text"] = render_blog(blog, {"HEXO_MATH": "text"})
        renderings["server"] = {k: _katex_to_source(v) for k, v in render_blog(blog, {}).items()}
        original = math.MathRenderer.render

        def mangled(self, tex, display, block, source, environment=False, plain=None):
            plain = plain or mangled.engine
            return plain.render(source) if block else plain.renderInline(source)

        math.MathRenderer.render = mangled
        keep_plugin, math.math_plugin = math.math_plugin, lambda md: None
        # Uncached: the blog's own engine (same settings) must keep its math plugin.
        mangled.engine = engine._build.__wrapped__(engine.EngineSpec({}).key())
        math.math_plugin = keep_plugin
        engine._build.cache_clear()
        renderings["outside-math"] = render_blog(blog, {"HEXO_MATH": "text"})
        math.MathRenderer.render = original
        expected_em = sum(len(re.findall(r"<(em|strong)>", v.get("content", ""))) for v in oracle.values())
        print(f"{name}: oracle <em>/<strong> {expected_em}")
        for mode, pages in renderings.items():
            scores = []
            for key, html in pages.items():
                reference = oracle.get(key)
                if not reference or "content" not in reference:
                    continue
                scores.append(compare(reference["content"], html))
            faithful = sum(1 for s in scores if s["faithful"])
            text = statistics.mean(s["text"] for s in scores)
            em = sum(len(re.findall(r"<(em|strong)>", html)) for html in pages.values())
            em_in_math = sum(len(_EM_IN_MATH.findall(html)) for html in pages.values())
            print(
                f"  {mode:12} faithful {faithful}/{len(scores)}  mean text {text:.4f}  "
                f"<em>/<strong> {em}  math holding <em> {em_in_math}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

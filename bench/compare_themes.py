"""Screenshot pairs: a page as the bundled Pelican theme shows it, and as the blog's own Hexo theme does.

    python bench/compare_themes.py [--out docs/screenshots] [--keep DIR]

Two pages: the example site's Sora post, and a post of billhu's blog (../shared/corpus).
Each is built twice:

* with Pelican and this plugin (the example site as it is; billhu's blog as
  ``pelican-hexo import`` makes it, which sets the bundled theme);
* with real Hexo and the blog's theme, by ``../shared/tools/hexo-oracle/hexo-oracle --site DIR
  --public PUB --nearest``, which installs the site's package.json (theme included) and runs
  ``hexo generate`` with the theme's layouts. The Sora post's blog used Ayer (the example
  site's ``theme: ayer``, and ../shared/reference/sora/deployed-page.jpg shows Ayer's dark
  sidebar), so its Hexo site is made here: the example site's ``_config.yml`` and
  ``_config.ayer.yml``, the post with its asset folder, and a package.json with Hexo 7,
  hexo-theme-ayer, the markdown-it renderer and plugins the config names, and the bilibili
  and videojs2 tag plugins the post uses. billhu's blog is the corpus copy as it is (Fluid).

Both outputs are served on 127.0.0.1 (one port each) and shot with the system Chromium at
1280 and 390 px, the first screen of the page, as JPEG (quality 70); the Sora post needs a
Chinese font on the machine (Debian: fonts-wqy-microhei). Every request to another
host is aborted, as in the tests, except that the few files Fluid takes from a CDN for its
layout (Bootstrap, jQuery, github-markdown-css, KaTeX's CSS and fonts, typed.js) are answered
from the same npm packages at the same versions, installed once into
``~/.cache/pelican-hexo-bench/cdn`` — without them Fluid's page is unstyled, which says
nothing about the theme. Fonts from Google and analytics stay blocked on both sides.

A dev tool, not a test: it needs Node, npm, the oracle and Chromium.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ORACLE = SHARED / "tools" / "hexo-oracle" / "hexo-oracle"
EXAMPLE_SITE = ROOT / "example_site"
BILLHU = SHARED / "corpus" / "billhu0__billhu-hexo-blog"
SORA_POST = "Sora-the-starlight-in-the-long-night-of-AGI"
SORA_PATH = f"/2024/02/22/{SORA_POST}/"
BILLHU_PATH = "/2022/13_probability/"
CHROMIUM = os.environ.get("HEXO_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
WIDTHS = {1280: {"width": 1280, "height": 800}, 390: {"width": 390, "height": 844}}
CDN_HOME = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pelican-hexo-bench" / "cdn"

# Fluid 1.9's CDN files (lib.baomitu.com/<name>/<version>/<file>) and the npm package holding each.
CDN_STANDINS = {
    ("twitter-bootstrap", "4.6.1"): ("bootstrap@4.6.1", "bootstrap/dist"),
    ("jquery", "3.6.0"): ("jquery@3.6.0", "jquery/dist"),
    ("github-markdown-css", "4.0.0"): ("github-markdown-css@4.0.0", "github-markdown-css"),
    ("KaTeX", "0.15.6"): ("katex@0.15.6", "katex/dist"),
    ("typed.js", "2.0.12"): ("typed.js@2.0.12", "typed.js/lib"),
}

SORA_PACKAGE_JSON = {
    "name": "sora-blog",
    "private": True,
    "dependencies": {
        "hexo": "^7.0.0",
        "hexo-generator-archive": "^2.0.0",
        "hexo-generator-category": "^2.0.0",
        "hexo-generator-index": "^3.0.0",
        "hexo-generator-tag": "^2.0.0",
        "hexo-renderer-ejs": "^2.0.0",
        "hexo-renderer-markdown-it": "^7.1.0",
        "hexo-renderer-stylus": "^3.0.0",
        "hexo-tag-bilibili": "^0.3.1",
        "hexo-tag-videojs2": "^0.8.5",
        "hexo-theme-ayer": "*",
        "markdown-it-footnote": "^4.0.0",
        "markdown-it-ins": "^4.0.0",
        "markdown-it-sub": "^2.0.0",
        "markdown-it-sup": "^2.0.0",
    },
}


def pelican_build(settings_file: Path, output: Path, **overrides: Any) -> Path:
    from pelican import Pelican
    from pelican.settings import read_settings

    overrides.setdefault("OUTPUT_PATH", str(output))
    overrides.setdefault("CACHE_PATH", str(output.parent / "pelican-cache"))
    Pelican(read_settings(str(settings_file), override=overrides)).run()
    return output


def sora_hexo_site(folder: Path) -> Path:
    posts = folder / "source" / "_posts"
    posts.mkdir(parents=True)
    for name in ("_config.yml", "_config.ayer.yml"):
        shutil.copy(EXAMPLE_SITE / name, folder / name)
    source_posts = EXAMPLE_SITE / "content" / "_posts"
    shutil.copy(source_posts / f"{SORA_POST}.md", posts)
    shutil.copytree(source_posts / SORA_POST, posts / SORA_POST)
    shutil.copytree(EXAMPLE_SITE / "content" / "images", folder / "source" / "images")
    (folder / "package.json").write_text(json.dumps(SORA_PACKAGE_JSON, indent=2), encoding="utf-8")
    return folder


def hexo_public(site: Path, work: Path, name: str) -> Path:
    public = work / f"{name}-hexo"
    public.mkdir()
    command = [str(ORACLE), "--site", str(site), "--out", str(work / f"{name}-oracle.json")]
    subprocess.run([*command, "--public", str(public), "--nearest"], check=True, stdout=subprocess.DEVNULL)
    oracle = json.loads((work / f"{name}-oracle.json").read_text(encoding="utf-8"))["_oracle"]
    print(f"{name}: Hexo {oracle['hexo_version']}, theme {oracle['theme']}, generate {oracle['generate']}")
    return public


def install_cdn_standins() -> None:
    wanted = [spec for spec, folder in CDN_STANDINS.values() if not (CDN_HOME / "node_modules" / folder).exists()]
    if wanted:
        CDN_HOME.mkdir(parents=True, exist_ok=True)
        command = ["npm", "install", "--prefix", str(CDN_HOME), "--no-audit", "--no-fund", *wanted]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def cdn_standin(url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.hostname != "lib.baomitu.com":
        return None
    name, version, *rest = parts.path.strip("/").split("/")
    found = CDN_STANDINS.get((name, version))
    if found is None or not rest:
        return None
    folder = CDN_HOME / "node_modules" / found[1]
    for candidate in (folder.joinpath(*rest), folder.joinpath(*rest).with_name(rest[-1].replace(".min.", "."))):
        if candidate.is_file():
            return candidate
    return None


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def served(folder: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _route(route: Any) -> None:
    url = route.request.url
    if urlsplit(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:")):
        route.continue_()
    elif (standin := cdn_standin(url)) is not None:
        route.fulfill(path=str(standin))
    else:
        route.abort()


def screenshot_pair(browser: Any, pelican: Path, hexo: Path, page_path: str, name: str, out: Path) -> list[Path]:
    written = []
    with served(pelican) as pelican_url, served(hexo) as hexo_url:
        for width, viewport in WIDTHS.items():
            for side, base in (("pelican", pelican_url), ("hexo", hexo_url)):
                context = browser.new_context(viewport=viewport)
                context.route("**/*", _route)
                page = context.new_page()
                page.goto(base + page_path, wait_until="load")
                # Themes fade their banners in and Fluid types its title letter by letter; let that settle.
                time.sleep(5)
                target = out / f"{name}-{side}-{width}.jpg"
                page.screenshot(path=str(target), type="jpeg", quality=70)
                context.close()
                written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--keep", type=Path, help="build folder to keep (default: a temporary one)")
    options = parser.parse_args(argv)
    for needed in (ORACLE, BILLHU, Path(CHROMIUM)):
        if not needed.exists():
            print(f"{needed} not found", file=sys.stderr)
            return 1
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False).stdout
    if not fonts.strip():
        print("no Chinese font: the Sora post shows boxes (apt-get install fonts-wqy-microhei)", file=sys.stderr)
    from playwright.sync_api import sync_playwright

    from pelican_hexo_tags.cli import main as pelican_hexo
    from pelican_hexo_tags.themes import theme_path

    work = options.keep or Path(tempfile.mkdtemp(prefix="compare-themes-"))
    work.mkdir(parents=True, exist_ok=True)
    options.out.mkdir(parents=True, exist_ok=True)

    sora_pelican = pelican_build(EXAMPLE_SITE / "pelicanconf.py", work / "sora-pelican")
    billhu_site = work / "billhu-pelican-site"
    if pelican_hexo(["import", str(BILLHU), str(billhu_site), "--link"]) != 0:
        return 1
    billhu_pelican = pelican_build(billhu_site / "pelicanconf.py", work / "billhu-pelican", THEME=theme_path())
    sora_hexo = hexo_public(sora_hexo_site(work / "sora-hexo-site"), work, "sora")
    billhu_hexo = hexo_public(BILLHU, work, "billhu")
    install_cdn_standins()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        written = screenshot_pair(browser, sora_pelican, sora_hexo, SORA_PATH, "sora", options.out)
        written += screenshot_pair(browser, billhu_pelican, billhu_hexo, BILLHU_PATH, "billhu", options.out)
        browser.close()
    for path in written:
        print(f"{path.stat().st_size // 1024:>4} KB {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    if options.keep is None:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

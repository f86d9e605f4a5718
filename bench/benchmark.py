"""Whole-site build time: plain Pelican, Pelican with this plugin, and Hexo itself, on the same posts.

    python bench/benchmark.py [--rounds 3] [--posts 1000] [--keep DIR] [--b-setting KEY=VALUE ...]

The posts are the blogs in ../shared/corpus (those real Hexo renders
without an error, with their asset folders) plus generated Markdown posts up
to ``--posts``. Three sites are made from them, each writing the same kinds of
output: the posts, the paginated index, archives (all, yearly, monthly), tag
and category pages, one Atom feed of the 20 newest posts (``atom.xml``) and a
``sitemap.xml``:

(c) ``hexo generate``: Hexo from its own npm folder, ``~/.cache/pelican-hexo-bench``
    (``PELICAN_HEXO_BENCH_HOME`` moves it), whose ``package.json`` lists the
    oracle's Hexo 8, hexo-generator-index, -archive, -tag, -category, -feed and
    -sitemap, hexo-renderer-marked, -ejs and -stylus, and the Fluid theme (the
    oracle's version), whose ejs layouts are rendered for every page. When that
    folder is missing the benchmark runs ``npm install`` there once (a dev tool:
    the site builds themselves fetch nothing). Without npm it falls back, and
    says so, to the oracle's Hexo (~/.cache/hexo-oracle), which writes the
    posts only: no list pages, feed or sitemap, Fluid without its layouts.
(b) Pelican with this plugin: the Hexo site of (c) as ``pelican-hexo import``
    makes it, its ``package.json`` (the same packages at the versions installed
    for (c)) deciding which generators the plugin emulates, its ``_config.yml``
    the same ``feed:`` and ``sitemap:``.
(a) plain Pelican, its own Markdown reader (Python-Markdown), no plugin, set to
    the same kinds: 10 posts a page, yearly and monthly archives, no author
    pages (Hexo writes none), ``FEED_ALL_ATOM`` at ``atom.xml`` with 20 items
    (the corpus post holding a control character, which stops Pelican's feed
    writer, is not among the 20 newest, so no post is changed for it),
    and pelican-sitemap (``pip install .[bench]``; without it (a) writes no
    sitemap, and the kinds table shows it).

Every build runs in its own process, cold (no output, no cache), in the order
a, b, c, a, b, c … for ``--rounds`` rounds; the table shows the median wall
time and each build's peak resident memory. A second table counts what each
side wrote, by kind, so the times compare the same work. Then, for (b): the
share of ``HexoReader.read`` spent lexing and rendering tags, and rebuilds with
the content cache after editing one post and after adding one (output of the
last build in place), against the cold cached build.
Speed is measured here, never in the tests.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
ORACLE_PACKAGE = ROOT.parent / "shared" / "tools" / "hexo-oracle" / "package.json"
HEXO_HOME = Path(os.environ.get("HEXO_ORACLE_HOME", Path.home() / ".cache" / "hexo-oracle"))
BENCH_HOME = Path(os.environ.get("PELICAN_HEXO_BENCH_HOME", Path.home() / ".cache" / "pelican-hexo-bench"))
PYTHON = sys.executable
PELICAN = str(Path(PYTHON).with_name("pelican"))

# One Hexo config for (b) and (c). Fluid, because one corpus blog's posts use its tags (``fold``,
# ``note``), which fail a whole Hexo build under a theme without them (landscape, say).
# Hexo's per_page (10) everywhere; one Atom feed and one sitemap file, as (a) writes them.
HEXO_CONFIG = """\
title: Bench
url: http://example.com
timezone: UTC
permalink: :year/:month/:day/:title/
post_asset_folder: true
theme: fluid
feed:
  type: atom
  path: atom.xml
  limit: 20
sitemap:
  path: sitemap.xml
"""

PLAIN_PELICAN_CONF = """\
PATH = "content"
OUTPUT_PATH = "output"
ARTICLE_PATHS = ["_posts"]
PAGE_PATHS = []
STATIC_PATHS = []
TIMEZONE = "UTC"
DEFAULT_DATE = "fs"
SITENAME = "Bench"
SITEURL = "http://example.com"
AUTHOR = "Bench"
CACHE_PATH = "cache"
# Dated URLs from the file name, like Hexo's: six blogs' "Hello World" posts would share hello-world.html.
SLUGIFY_SOURCE = "basename"
ARTICLE_URL = ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{date:%d}/{slug}.html"
# The kinds of page Hexo's generators write, in Pelican's own settings: 10 posts a page (Hexo's
# per_page), yearly and monthly archives, no author pages (Hexo has none).
DEFAULT_PAGINATION = 10
YEAR_ARCHIVE_SAVE_AS = "archives/{date:%Y}/index.html"
MONTH_ARCHIVE_SAVE_AS = "archives/{date:%Y}/{date:%m}/index.html"
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
# hexo-generator-feed's as configured in HEXO_CONFIG: one Atom feed of the 20 newest posts.
FEED_ALL_ATOM = "atom.xml"
FEED_MAX_ITEMS = 20
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
SITEMAP = {"format": "xml"}
"""

_WORD_LIST = (
    "the a of build static site post page theme render markdown pelican hexo blog write read cache link "
    "image table list code quote note tag folder date time url asset html python node server deploy config plugin"
)
WORDS = _WORD_LIST.split()


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 18))]
    if rng.random() < 0.3:
        words[rng.randrange(len(words))] = f"**{rng.choice(WORDS)}**"
    if rng.random() < 0.3:
        words[rng.randrange(len(words))] = f"`{rng.choice(WORDS)}()`"
    if rng.random() < 0.2:
        word = rng.choice(WORDS)
        words[rng.randrange(len(words))] = f"[{word}](https://example.org/{word})"
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 6)))


def _block(rng: random.Random, number: int) -> str:
    kind = rng.choice(["para", "para", "para", "list", "code", "table", "quote", "image", "tag"])
    if kind == "list":
        return "\n".join(f"- {_sentence(rng)}" for _ in range(rng.randint(2, 6)))
    if kind == "code":
        lang = rng.choice(["python", "js", "bash", "yaml"])
        lines = [f"value_{i} = compute({i}, '{rng.choice(WORDS)}')" for i in range(rng.randint(3, 12))]
        return f"```{lang}\n" + "\n".join(lines) + "\n```"
    if kind == "table":
        rows = [f"| {rng.choice(WORDS)} | {rng.randint(1, 999)} | {rng.choice(WORDS)} |" for _ in range(4)]
        return "| name | size | kind |\n|---|---:|:---:|\n" + "\n".join(rows)
    if kind == "quote":
        return "> " + _paragraph(rng)
    if kind == "image":
        return f"![figure {number}](https://example.org/img/{number}.png)"
    # A Hexo built-in tag: plain Pelican shows it as text, the plugin and Hexo render it.
    return rng.choice(
        [
            "{% blockquote Someone, A Book %}\n" + _sentence(rng) + "\n{% endblockquote %}",
            "{% codeblock lang:python %}\nprint('hello')\n{% endcodeblock %}",
            "{% note info %}\n" + _sentence(rng) + "\n{% endnote %}",
        ]
    )


def generated_post(number: int) -> str:
    rng = random.Random(number)
    day = 1 + number % 28
    month = 1 + number % 12
    blocks = []
    for section in range(rng.randint(2, 5)):
        blocks.append(f"## Section {section + 1} {rng.choice(WORDS)}")
        blocks += [_block(rng, number) for _ in range(rng.randint(2, 6))]
    blocks.insert(2, "<!-- more -->")
    tags = sorted({rng.choice(WORDS) for _ in range(3)})
    front = textwrap.dedent(
        f"""\
        ---
        title: Generated post {number}
        date: 2023-{month:02d}-{day:02d} 10:{number % 60:02d}:00
        tags: [{", ".join(tags)}]
        categories: {rng.choice(["notes", "tech", "life"])}
        ---
        """
    )
    return front + "\n\n".join(blocks) + "\n"


def make_posts(folder: Path, wanted: int) -> dict[str, int]:
    """Fill ``folder`` (a ``_posts``) and return how many posts came from where."""
    counts: dict[str, int] = {}
    if CORPUS.is_dir():
        for blog in sorted(p for p in CORPUS.iterdir() if (p / "hexo-oracle.json").is_file()):
            oracle = json.loads((blog / "hexo-oracle.json").read_text(encoding="utf-8"))
            good = [key for key, value in oracle.items() if isinstance(value, dict) and "error" not in value]
            for key in good:
                source = blog / "source" / key
                # At the top of _posts, as in the blog: ``post_link`` finds a post by its path there.
                target = folder / key.removeprefix("_posts/")
                if not source.is_file() or target.exists():
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
                assets = source.with_suffix("")
                if assets.is_dir():
                    shutil.copytree(assets, target.with_suffix(""), dirs_exist_ok=True)
                counts[blog.name] = counts.get(blog.name, 0) + 1
    generated = max(0, wanted - sum(counts.values()))
    (folder / "generated").mkdir(parents=True, exist_ok=True)
    for number in range(generated):
        (folder / "generated" / f"post-{number:04d}.md").write_text(generated_post(number), encoding="utf-8")
    counts["generated"] = generated
    return counts


# The oracle's pins where the oracle has one, so (c) is the Hexo the fixtures come from.
_ORACLE_PINNED = {"hexo": "8.1.2", "hexo-renderer-marked": "7.0.1", "hexo-theme-fluid": "1.9.9"}
# What `hexo init` installs, less hexo-server, plus the feed and sitemap generators; Fluid needs
# hexo-renderer-stylus (its scripts require stylus's CSS parser) and ejs for its layouts.
_BENCH_RANGES = {
    "hexo-generator-archive": "^2.0.0",
    "hexo-generator-category": "^2.0.0",
    "hexo-generator-feed": "^3.0.0",
    "hexo-generator-index": "^4.0.0",
    "hexo-generator-sitemap": "^3.0.1",
    "hexo-generator-tag": "^2.0.0",
    "hexo-renderer-ejs": "^2.0.0",
    "hexo-renderer-stylus": "^3.0.1",
}


@dataclass(frozen=True)
class HexoInstall:
    """The npm folder (c) runs from, and the package.json dependencies (b) and (c) are given."""

    home: Path
    dependencies: dict[str, str]
    # False for the oracle's folder: no list-page, feed or sitemap generator, no layout renderer.
    complete: bool

    @property
    def hexo_version(self) -> str:
        return self.dependencies["hexo"]


def bench_dependencies() -> dict[str, str]:
    """The bench folder's package.json dependencies, in the alphabetical order `npm install` keeps."""
    pins = dict(_ORACLE_PINNED)
    try:
        oracle = json.loads(ORACLE_PACKAGE.read_text(encoding="utf-8"))["dependencies"]
        pins.update({name: oracle[name] for name in pins if name in oracle})
    except (OSError, ValueError, KeyError):
        pass
    return dict(sorted({**_BENCH_RANGES, **pins}.items()))


def _installed_versions(home: Path, names: list[str]) -> dict[str, str]:
    versions = {}
    for name in names:
        manifest = home / "node_modules" / name / "package.json"
        versions[name] = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    return versions


def _oracle_install(reason: str) -> HexoInstall | None:
    """Today's Hexo side, the oracle's folder: posts only. None when the oracle is not installed either."""
    if not (HEXO_HOME / "node_modules" / ".bin" / "hexo").exists():
        print(f"(c) skipped: {reason}, and no oracle Hexo in {HEXO_HOME}")
        return None
    print(
        f"(c) FALLBACK ({reason}): the oracle's Hexo in {HEXO_HOME}, which has no index, archive, tag,"
        " category, feed or sitemap generator and no ejs renderer: it writes the posts only,"
        " without Fluid's layouts; (a) and (b) still write every kind"
    )
    deps = json.loads((HEXO_HOME / "package.json").read_text(encoding="utf-8"))["dependencies"]
    return HexoInstall(HEXO_HOME, deps, complete=False)


def hexo_install() -> HexoInstall | None:
    """The bench's own Hexo folder, installed by `npm install` the first time (and when its list changes)."""
    wanted = bench_dependencies()
    manifest = BENCH_HOME / "package.json"
    try:
        current = json.loads(manifest.read_text(encoding="utf-8")).get("dependencies")
    except (OSError, ValueError):
        current = None
    ready = current == wanted and (BENCH_HOME / "node_modules" / ".bin" / "hexo").exists()
    if not ready:
        npm = shutil.which("npm")
        if npm is None:
            return _oracle_install("npm not found")
        BENCH_HOME.mkdir(parents=True, exist_ok=True)
        package = {"name": "pelican-hexo-bench", "private": True, "dependencies": wanted}
        manifest.write_text(json.dumps(package, indent=2) + "\n", encoding="utf-8")
        print(f"installing Hexo for (c) into {BENCH_HOME} (npm install, once)", flush=True)
        # No install scripts: none of these packages needs one, and a dev tool should not run them.
        install = [npm, "install", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]
        result = subprocess.run(install, cwd=BENCH_HOME, stdout=sys.stderr, check=False)
        if result.returncode != 0 or not (BENCH_HOME / "node_modules" / ".bin" / "hexo").exists():
            return _oracle_install(f"npm install in {BENCH_HOME} failed ({result.returncode})")
    return HexoInstall(BENCH_HOME, _installed_versions(BENCH_HOME, list(wanted)), complete=True)


def _package_line(site: Path) -> str:
    dependencies = json.loads((site / "package.json").read_text(encoding="utf-8"))["dependencies"]
    return ", ".join(f"{name} {version}" for name, version in dependencies.items())


def make_sites(work: Path, posts: Path, hexo: HexoInstall | None) -> dict[str, Path]:
    """(a), (b) and, with a Hexo to run, (c); (b) is what `pelican-hexo import` makes of (c)'s folder."""
    from pelican_hexo_tags.cli import import_site

    sites = {}
    plain = work / "a-plain"
    shutil.copytree(posts, plain / "content" / "_posts")
    plugins = ["pelican.plugins.sitemap"] if importlib.util.find_spec("pelican.plugins.sitemap") else []
    (plain / "pelicanconf.py").write_text(PLAIN_PELICAN_CONF + f"PLUGINS = {plugins!r}\n", encoding="utf-8")
    sites["a"] = plain
    hexo_site = work / "c-hexo"
    shutil.copytree(posts, hexo_site / "source" / "_posts")
    (hexo_site / "_config.yml").write_text(HEXO_CONFIG, encoding="utf-8")
    # Both Hexo sides name the same packages; without the bench folder, (b) still lists the full set.
    dependencies = hexo.dependencies if hexo and hexo.complete else bench_dependencies()
    package = {"name": "bench-site", "private": True, "hexo": {"version": dependencies["hexo"]}}
    (hexo_site / "package.json").write_text(json.dumps({**package, "dependencies": dependencies}), encoding="utf-8")
    plugin = work / "b-plugin"
    report = import_site(hexo_site, plugin)
    problems = [line for line in report if line.startswith("error")]
    if problems:
        raise SystemExit("pelican-hexo import of the bench site failed:\n" + "\n".join(problems))
    sites["b"] = plugin
    if hexo is not None:
        if not hexo.complete:
            package["dependencies"] = hexo.dependencies
            (hexo_site / "package.json").write_text(json.dumps(package), encoding="utf-8")
        (hexo_site / "node_modules").symlink_to(hexo.home / "node_modules")
        sites["c"] = hexo_site
    return sites


def _clean(site: Path, cache: bool = True) -> None:
    for name in ("output", "public", "db.json") + (("cache",) if cache else ()):
        path = site / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


# `--b-setting KEY=VALUE`: Pelican settings for (b)'s builds, to compare one of the plugin's off and on.
B_SETTINGS: list[str] = []


def _command(kind: str, site: Path, cached: bool = False) -> list[str]:
    if kind == "c":
        # The site's node_modules is a link to the Hexo folder in use: its own `hexo`.
        return [str(site / "node_modules" / ".bin" / "hexo"), "generate", "--silent"]
    command = [PELICAN, "-s", "pelicanconf.py", "-q"]
    settings = B_SETTINGS if kind == "b" else []
    if cached:
        settings = [*settings, "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true"]
        command += ["--cache-path", "cache"]
    return command + (["-e", *settings] if settings else [])


def run_build(kind: str, site: Path, cached: bool = False) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one build in its own process."""
    # A file, not a pipe: a build that warns a lot would fill the pipe and block while we wait.
    with tempfile.TemporaryFile("w+") as errors:
        start = time.perf_counter()
        process = subprocess.Popen(_command(kind, site, cached), cwd=site, stdout=subprocess.DEVNULL, stderr=errors)
        # wait4, not getrusage(RUSAGE_CHILDREN): the peak of this build's process tree, not of every child so far.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"build {kind} failed ({process.returncode}):\n{errors.read()[-3000:]}")
    return seconds, usage.ru_maxrss


KINDS = ("posts", "index", "archives", "tags", "categories", "feeds", "sitemaps", "other")
# Hexo's posts are YYYY/MM/DD/TITLE/index.html (TITLE may hold a folder), plain Pelican's YYYY/MM/DD/SLUG.html.
_POST = re.compile(r"\d{4}/\d{2}/\d{2}/(?:.+/index|[^/]+)\.html")
# Hexo's and the plugin's page/N/index.html, Pelican's own index2.html.
_INDEX = re.compile(r"(?:page/\d+/)?index\.html|index\d+\.html")
# Hexo's folders, then Pelican's own (tag/, category/).
_LIST_DIRS = {
    "archives": "archives",
    "tags": "tags",
    "categories": "categories",
    "tag": "tags",
    "category": "categories",
}
_LIST_FILES = {"archives.html": "archives", "tags.html": "tags", "categories.html": "categories"}


def output_kind(path: str) -> str | None:
    """The kind of one output file (its path under the output folder, with ``/``); None for assets.

    The list of tags or of categories counts with the tag or category pages. "other" is every
    other page or XML file: Fluid's 404.html, links/ and local-search.xml, a post asset's HTML.
    """
    name = path.rsplit("/", 1)[-1]
    if name.endswith(".xml"):
        if name.startswith("sitemap"):
            return "sitemaps"
        return "feeds" if re.search(r"atom|rss", name) else "other"
    if not name.endswith(".html"):
        return None
    if _POST.fullmatch(path):
        return "posts"
    if _INDEX.fullmatch(path):
        return "index"
    top = path.split("/", 1)[0]
    if "/" in path and top in _LIST_DIRS:
        return _LIST_DIRS[top]
    return _LIST_FILES.get(path, "other")


def count_outputs(kind: str, site: Path) -> Counter[str]:
    """How many files of each kind a build wrote."""
    folder = site / ("public" if kind == "c" else "output")
    kinds: Counter[str] = Counter()
    for path in folder.rglob("*"):
        found = output_kind(path.relative_to(folder).as_posix()) if path.is_file() else None
        if found:
            kinds[found] += 1
    return kinds


TAG_SHARE = """
import json, sys, time
from pathlib import Path
from pelican.settings import read_settings
import pelican_hexo_tags, pelican_hexo_tags.pipeline as pipeline
from pelican_hexo_tags.reader import HexoReader

site = Path(sys.argv[1])
settings = read_settings(str(site / "pelicanconf.py"))
spent = {"tags": 0.0, "bodies": 0.0}
depth = {"tags": 0, "bodies": 0}

def timed(function, key, inside=None):
    # Only the outermost call counts (a tag's body may hold tags), and only within `inside` when given.
    def wrapper(*args, **kwargs):
        if depth[key] or (inside and not depth[inside]):
            return function(*args, **kwargs)
        depth[key] += 1
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[key] += time.perf_counter() - start
            depth[key] -= 1
    return wrapper

pipeline.lex = timed(pipeline.lex, "tags")
pipeline._render_tag = timed(pipeline._render_tag, "tags")
# A block tag's body is Markdown, rendered inside the tag's call: counted apart.
pipeline.render_markdown = timed(pipeline.render_markdown, "bodies", inside="tags")
reader = HexoReader(settings)
posts = sorted((site / "content" / "_posts").rglob("*.md"))
for post in posts[:50]:
    reader.read(str(post))  # warm-up: engines, imports
spent["tags"] = spent["bodies"] = 0.0
start = time.perf_counter()
for post in posts:
    reader.read(str(post))
total = time.perf_counter() - start
print(json.dumps({"read": total, "tags": spent["tags"], "bodies": spent["bodies"], "posts": len(posts)}))
"""


def tag_share(site: Path) -> dict[str, float]:
    out = subprocess.run([PYTHON, "-c", TAG_SHARE, str(site)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def warm_rebuild(site: Path) -> tuple[float, float, float]:
    """(cold cached build, rebuild after editing one post, rebuild after adding one), with the content cache.

    Each rebuild is what `pelican` run again (or `--autoreload`) does while one
    writes: the output of the last build is there, and one post changed (its
    text and its file time), or one post is new (a generated one, dated in the
    middle of the others: its neighbours, its tags' and its month's pages change).
    """
    _clean(site)
    cold, _ = run_build("b", site, cached=True)
    # A generated post when there are any (--posts above the corpus's count), else a corpus one.
    posts = site / "content" / "_posts"
    post = (sorted((posts / "generated").glob("*.md")) or sorted(posts.rglob("*.md")))[0]
    text = post.read_text(encoding="utf-8")
    try:
        post.write_text(text + "\nOne more sentence, written between two builds.\n", encoding="utf-8")
        edited, _ = run_build("b", site, cached=True)
    finally:
        post.write_text(text, encoding="utf-8")
    added_post = posts / "generated" / "added-between-builds.md"
    try:
        added_post.parent.mkdir(exist_ok=True)
        added_post.write_text(generated_post(100_000), encoding="utf-8")
        added, _ = run_build("b", site, cached=True)
    finally:
        added_post.unlink()
    return cold, edited, added


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="build in this folder and leave it there")
    parser.add_argument("--b-setting", action="append", default=[], help="KEY=VALUE for (b)'s pelican -e")
    args = parser.parse_args()
    B_SETTINGS[:] = args.b_setting
    # pip compiles an installed package; an editable one (this checkout) is compiled on every run where
    # PYTHONDONTWRITEBYTECODE is set (this machine's shells): 0.4 s of each (b) build that (a)'s Pelican,
    # installed, does not pay. Compiled once here, the two start alike.
    compileall.compile_dir(ROOT / "pelican_hexo_tags", quiet=1)
    work = args.keep or Path(tempfile.mkdtemp(prefix="hexo-bench-"))
    try:
        posts = work / "posts"
        if posts.exists():
            shutil.rmtree(posts)
        counts = make_posts(posts, args.posts)
        for name in ("a-plain", "b-plugin", "c-hexo"):
            if (work / name).exists():
                shutil.rmtree(work / name)
        hexo = hexo_install()
        sites = make_sites(work, posts, hexo)
        print(f"posts: {sum(counts.values())} ({', '.join(f'{k} {v}' for k, v in counts.items())})")
        listed = {kind: _package_line(sites[kind]) for kind in ("b", "c") if kind in sites}
        if listed.get("b") == listed.get("c"):
            print(f"(b) and (c)'s package.json: {listed['b']}")
        else:
            print("\n".join(f"({kind})'s package.json: {line}" for kind, line in listed.items()))
        if "pelican.plugins.sitemap" not in (sites["a"] / "pelicanconf.py").read_text(encoding="utf-8"):
            print("(a) writes no sitemap: pelican-sitemap is not installed (pip install .[bench])")
        times: dict[str, list[float]] = {kind: [] for kind in sites}
        memory: dict[str, int] = {}
        for _ in range(args.rounds):
            for kind, site in sites.items():
                _clean(site)
                seconds, rss = run_build(kind, site)
                times[kind].append(seconds)
                memory[kind] = max(memory.get(kind, 0), rss)
        names = {"a": "(a) Pelican + Python-Markdown", "b": "(b) Pelican + pelican_hexo_tags", "c": "(c) hexo generate"}
        median = {kind: statistics.median(values) for kind, values in times.items()}
        print(f"\n{'build':34} {'median s':>9} {'runs':>24} {'peak MiB':>9} {'html files':>10}")
        for kind, values in times.items():
            runs = " ".join(f"{v:.2f}" for v in values)
            pages = sum(1 for _ in (sites[kind] / ("public" if kind == "c" else "output")).rglob("*.html"))
            print(f"{names[kind]:34} {median[kind]:9.2f} {runs:>24} {memory[kind] / 1024:9.0f} {pages:10d}")
        # The last round's output is still there: what each side wrote, by kind.
        print(f"\n{'files written, by kind':34}" + "".join(f" {kind:>10}" for kind in KINDS))
        for kind, site in sites.items():
            written = count_outputs(kind, site)
            print(f"{names[kind]:34}" + "".join(f" {written[name]:10d}" for name in KINDS))
        print(
            "  (a) reads front matter with Python-Markdown's meta: a post without a title is skipped, a YAML"
            " list of tags is not read, and the category is `category:` (Hexo's is `categories:`) or the folder"
        )
        print(f"\nb/a = {median['b'] / median['a']:.2f}   (target <= 0.75)")
        if "c" in median:
            print(f"b/c = {median['b'] / median['c']:.2f}   (target <= 0.75)")
        share = tag_share(sites["b"])
        own = share["tags"] - share["bodies"]
        print(
            f"tag stage: {own:.2f} s of {share['read']:.2f} s in HexoReader.read over {share['posts']} posts"
            f" = {100 * own / share['read']:.1f}%   (target < 10%)"
        )
        print(
            f"  (lexing tags and running tag functions; the Markdown of block tags' bodies, {share['bodies']:.2f} s,"
            f" is Markdown work: with it {100 * share['tags'] / share['read']:.1f}%)"
        )
        runs = [warm_rebuild(sites["b"]) for _ in range(args.rounds)]
        cold, edited, added = (statistics.median(run[kind] for run in runs) for kind in range(3))
        print(f"content cache: cold {cold:.2f} s")
        print(f"  warm after editing one post {edited:.2f} s = {edited / cold:.2f} x cold   (target <= 0.10)")
        print(f"  warm after adding one post  {added:.2f} s = {added / cold:.2f} x cold   (target <= 0.20)")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

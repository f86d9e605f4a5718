"""Whole-site build time: plain Pelican, Pelican with this plugin, and Hexo itself, on the same posts.

    python bench/benchmark.py [--rounds 3] [--posts 1000] [--keep DIR]

The posts are the three blogs in ../shared/corpus (those real Hexo renders
without an error, with their asset folders) plus generated Markdown posts up
to ``--posts``. Three sites are made from them:

(a) plain Pelican, its own Markdown reader (Python-Markdown), no plugin;
(b) Pelican with this plugin;
(c) ``hexo generate`` (Hexo 8 from ~/.cache/hexo-oracle), when it is installed.

Every build runs in its own process, cold (no output, no cache), in the order
a, b, c, a, b, c … for ``--rounds`` rounds; the table shows the median wall
time and each build's peak resident memory. Then, for (b): the share of
``HexoReader.read`` spent lexing and rendering tags, and a rebuild with the
content cache after editing one post (output of the last build in place),
against the cold cached build.
Speed is measured here, never in the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
HEXO_HOME = Path(os.environ.get("HEXO_ORACLE_HOME", Path.home() / ".cache" / "hexo-oracle"))
HEXO_BIN = HEXO_HOME / "node_modules" / ".bin" / "hexo"
PYTHON = sys.executable
PELICAN = str(Path(PYTHON).with_name("pelican"))

# One Hexo config for every site. Fluid, because one corpus blog's posts use its tags (``fold``,
# ``note``); the oracle has no hexo-renderer-ejs, so Hexo writes Fluid pages without their layouts.
HEXO_CONFIG = """\
title: Bench
url: http://example.com
timezone: UTC
permalink: :year/:month/:day/:title/
post_asset_folder: true
theme: fluid
"""

PELICAN_CONF = """\
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
# As `pelican-hexo import` writes it: Pelican's default feeds off. Plain Pelican's feed writer stops the
# build on a control character, and liluoao's posts hold one; Hexo's side writes no feed either.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
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


def make_sites(work: Path, posts: Path) -> dict[str, Path]:
    sites = {}
    plain = work / "a-plain"
    shutil.copytree(posts, plain / "content" / "_posts")
    # Dated URLs from the file name, like Hexo's: six blogs' "Hello World" posts would share hello-world.html.
    plain_urls = (
        'SLUGIFY_SOURCE = "basename"\nARTICLE_URL = ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{date:%d}/{slug}.html"\n'
    )
    (plain / "pelicanconf.py").write_text(PELICAN_CONF + "PLUGINS = []\n" + plain_urls, encoding="utf-8")
    sites["a"] = plain
    plugin = work / "b-plugin"
    shutil.copytree(posts, plugin / "content" / "_posts")
    (plugin / "_config.yml").write_text(HEXO_CONFIG, encoding="utf-8")
    (plugin / "pelicanconf.py").write_text(
        PELICAN_CONF + 'PLUGINS = ["pelican_hexo_tags"]\nHEXO_CONFIG = "_config.yml"\n', encoding="utf-8"
    )
    sites["b"] = plugin
    if HEXO_BIN.exists():
        hexo = work / "c-hexo"
        shutil.copytree(posts, hexo / "source" / "_posts")
        (hexo / "_config.yml").write_text(HEXO_CONFIG, encoding="utf-8")
        deps = json.loads((HEXO_HOME / "package.json").read_text(encoding="utf-8"))["dependencies"]
        package = {"name": "bench-site", "private": True, "hexo": {"version": deps["hexo"]}, "dependencies": deps}
        (hexo / "package.json").write_text(json.dumps(package), encoding="utf-8")
        (hexo / "node_modules").symlink_to(HEXO_HOME / "node_modules")
        sites["c"] = hexo
    return sites


def _clean(site: Path, cache: bool = True) -> None:
    for name in ("output", "public", "db.json") + (("cache",) if cache else ()):
        path = site / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def _command(kind: str, cached: bool = False) -> list[str]:
    if kind == "c":
        return [str(HEXO_BIN), "generate", "--silent"]
    command = [PELICAN, "-s", "pelicanconf.py", "-q"]
    if cached:
        command += ["--cache-path", "cache", "-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true"]
    return command


def run_build(kind: str, site: Path, cached: bool = False) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one build in its own process."""
    # A file, not a pipe: a build that warns a lot would fill the pipe and block while we wait.
    with tempfile.TemporaryFile("w+") as errors:
        start = time.perf_counter()
        process = subprocess.Popen(_command(kind, cached), cwd=site, stdout=subprocess.DEVNULL, stderr=errors)
        # wait4, not getrusage(RUSAGE_CHILDREN): the peak of this build's process tree, not of every child so far.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"build {kind} failed ({process.returncode}):\n{errors.read()[-3000:]}")
    return seconds, usage.ru_maxrss


def _count_outputs(kind: str, site: Path) -> int:
    folder = site / ("public" if kind == "c" else "output")
    return sum(1 for _ in folder.rglob("*.html"))


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


def warm_rebuild(site: Path) -> tuple[float, float]:
    """(cold cached build, rebuild after editing one post), both with Pelican's content cache.

    The rebuild is what `pelican` run again (or `--autoreload`) does while one
    writes: the output of the last build is there, and one post changed, its
    text and its file time.
    """
    _clean(site)
    cold, _ = run_build("b", site, cached=True)
    post = sorted((site / "content" / "_posts" / "generated").glob("*.md"))[0]
    text = post.read_text(encoding="utf-8")
    try:
        post.write_text(text + "\nOne more sentence, written between two builds.\n", encoding="utf-8")
        warm, _ = run_build("b", site, cached=True)
    finally:
        post.write_text(text, encoding="utf-8")
    return cold, warm


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="build in this folder and leave it there")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="hexo-bench-"))
    try:
        posts = work / "posts"
        if posts.exists():
            shutil.rmtree(posts)
        counts = make_posts(posts, args.posts)
        for name in ("a-plain", "b-plugin", "c-hexo"):
            if (work / name).exists():
                shutil.rmtree(work / name)
        sites = make_sites(work, posts)
        print(f"posts: {sum(counts.values())} ({', '.join(f'{k} {v}' for k, v in counts.items())})")
        if "c" not in sites:
            print(f"(c) skipped: {HEXO_BIN} not found")
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
            pages = _count_outputs(kind, sites[kind])
            print(f"{names[kind]:34} {median[kind]:9.2f} {runs:>24} {memory[kind] / 1024:9.0f} {pages:10d}")
        print(f"\nb/a = {median['b'] / median['a']:.2f}   (target <= 1.0)")
        if "c" in median:
            print(f"b/c = {median['b'] / median['c']:.2f}")
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
        pairs = [warm_rebuild(sites["b"]) for _ in range(args.rounds)]
        cold = statistics.median(p[0] for p in pairs)
        warm = statistics.median(p[1] for p in pairs)
        print(f"content cache: cold {cold:.2f} s, warm after editing one post {warm:.2f} s", end="")
        print(f" = {warm / cold:.2f} x cold   (target <= 0.2)")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

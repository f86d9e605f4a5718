"""A Hexo site's own scripts run in V8 behind a small ``hexo`` (local_scripts.py).

``fixtures/local-scripts/`` is a tiny site whose ``scripts/`` and theme
``scripts/`` replace marked's image, heading, link and (indented) code
renderers and its inlineText tokenizer, register an inline and a block tag (the block one
rendering its body through ``hexo.render.renderSync``) and filters at
``after_post_render`` and ``after_render:html``; ``expected.json`` is what
real Hexo (``hexo-oracle --site --public``) made of each post's page.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import HEXO_SITE_SETTINGS, build_site
from test_plugins import start_tags

from pelican_hexo_tags.cli import import_site, main
from pelican_hexo_tags.config import hexo_config_from_settings
from pelican_hexo_tags.content_cache import settings_fingerprint
from pelican_hexo_tags.local_scripts import LocalScripts

FIXTURE = Path(__file__).parent / "fixtures" / "local-scripts"


def _site(root: Path, site: Path = FIXTURE / "site") -> Path:
    """The Hexo site at ``site`` laid out as ``import`` lays it out; returns the settings file."""
    shutil.copytree(site / "source" / "_posts", root / "content" / "_posts")
    for name in ("_config.yml", "package.json"):
        shutil.copy(site / name, root / name)
    for folder in ("scripts", "themes"):
        if (site / folder).is_dir():
            shutil.copytree(site / folder, root / folder)
    (root / "pelicanconf.py").write_text(HEXO_SITE_SETTINGS, encoding="utf-8")
    return root / "pelicanconf.py"


def _small_site(root: Path, scripts: dict[str, str], post: str = "Some *text*.\n") -> Path:
    (root / "content" / "_posts").mkdir(parents=True)
    (root / "content" / "_posts" / "a.md").write_text(f"---\ntitle: A\ndate: 2021-01-01\n---\n{post}", "utf-8")
    (root / "_config.yml").write_text("title: t\nurl: https://blog.example\n", encoding="utf-8")
    for name, text in scripts.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "pelicanconf.py").write_text(HEXO_SITE_SETTINGS, encoding="utf-8")
    return root / "pelicanconf.py"


def _normalised(html: str) -> str:
    return "".join(html.split())


def test_the_sites_scripts_make_what_its_own_hexo_made(tmp_path: Path) -> None:
    from htmlcompare import compare

    expected = json.loads((FIXTURE / "expected.json").read_text(encoding="utf-8"))
    build = build_site(_site(tmp_path), tmp_path / "output")
    for page, hexo_body in expected["pages"].items():
        article = next(a for a in build.articles if a.save_as == page)
        report = compare(hexo_body, article.content)
        assert report["faithful"], report
        assert start_tags(article.content) == start_tags(hexo_body)
        # Byte for byte but for the whitespace between blocks.
        assert _normalised(article.content) == _normalised(hexo_body)


def test_a_script_needing_node_modules_is_reported_and_not_run(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    scripts = {
        "scripts/needs-sharp.js": (
            "const sharp = require('sharp')\n"
            "hexo.extend.filter.register('after_post_render', (data) => { data.content += 'FS'; return data })\n"
        ),
        "scripts/plain.js": "hexo.extend.filter.register('after_post_render', (data) => { data.content += 'OK' })\n",
    }
    with caplog.at_level(logging.WARNING):
        build = build_site(_small_site(tmp_path, scripts), tmp_path / "output")
    content = build.articles[0].content
    assert "OK" in content and "FS" not in content
    assert any("scripts/needs-sharp.js: not run, it requires sharp" in record.getMessage() for record in caplog.records)


def test_a_filter_renders_markdown_through_hexo_render(tmp_path: Path) -> None:
    scripts = {
        "scripts/footer.js": (
            "hexo.extend.filter.register('after_post_render', (data) => {\n"
            "  data.content += hexo.render.renderSync({ text: `*${data.title}* footer`, engine: 'markdown' })\n"
            "})\n"
        ),
    }
    build = build_site(_small_site(tmp_path, scripts), tmp_path / "output")
    assert build.articles[0].content.endswith("<p><em>A</em> footer</p>\n")


def test_a_renderer_method_returning_false_gets_markeds_own(tmp_path: Path) -> None:
    scripts = {
        "scripts/f.js": (
            "hexo.extend.filter.register('marked:renderer', (renderer) => {\n"
            "  renderer.heading = ({ depth }) => depth === 1 ? '<h1>one</h1>' : false\n"
            "  renderer.image = ({ href }) => href.endsWith('.svg') ? false : '<i>img</i>'\n"
            "})\n"
        ),
    }
    post = '# A\n\n## B *c*\n\n![An *alt* & b](/a/ä.svg "T")\n'
    build = build_site(_small_site(tmp_path, scripts, post), tmp_path / "output")
    # What hexo-oracle --site gave: marked's own heading (no id, no headerlink) and image (alt as text).
    assert build.articles[0].content == (
        '<h1>one</h1><h2>B <em>c</em></h2>\n<p><img src="/a/%C3%A4.svg" alt="An alt &amp; b" title="T"></p>\n'
    )


def test_a_script_that_throws_is_a_warning_naming_it_and_the_post_still_renders(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    scripts = {
        "scripts/throws.js": "hexo.extend.filter.register('after_post_render', () => { throw new Error('boom') })\n",
        "scripts/load-fails.js": "undefinedFunction()\n",
        "scripts/renderer-throws.js": (
            "hexo.extend.filter.register('marked:renderer', (r) => { r.em = () => { throw new TypeError('no') } })\n"
        ),
        "scripts/unoffered.js": (
            "const { htmlTag } = require('hexo-util')\nhexo.extend.tag.register('x', () => htmlTag('b', {}, 'x'))\n"
        ),
    }
    with caplog.at_level(logging.WARNING):
        build = build_site(_small_site(tmp_path, scripts), tmp_path / "output")
    article = build.articles[0]
    assert "<em>text</em>" in article.content
    problems = [message for _line, message, _kind in article.metadata.get("hexo_problems", [])]
    assert any(m.startswith("scripts/throws.js: its filter failed: Error: boom") for m in problems), problems
    logged = " | ".join(record.getMessage() for record in caplog.records)
    assert "scripts/load-fails.js: not run, it failed while loading: ReferenceError" in logged
    assert "scripts/unoffered.js: not run, it failed while loading: Error: hexo-util.htmlTag is not offered" in logged
    assert "renderer.em failed: TypeError: no" in logged


def test_check_says_which_scripts_ran(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURE / "site", site)
    (site / "scripts" / "og.js").write_text(
        "const moment = require('moment')\nhexo.extend.helper.register('og', () => moment().format())\n", "utf-8"
    )
    (site / "scripts" / "feed.js").write_text(
        "const sharp = require('sharp')\nhexo.extend.filter.register('after_post_render', (d) => d)\n", "utf-8"
    )
    main(["check", str(site)])
    out = capsys.readouterr().out
    assert "local scripts (9, 6 run); a post loses what those not run register:\n" in out
    assert "  scripts/image.js: filter: marked:renderer (requires path); run\n" in out
    assert (
        "  scripts/feed.js: filter: after_post_render (requires sharp); not run: requires sharp, not offered here\n"
        in out
    )
    assert "  scripts/og.js: helper: og (requires moment); not run: registers only helper: og" in out
    assert "  themes/plain/scripts/helper.js: helper: shouty; not run: registers only helper: shouty" in out


def test_editing_a_script_renders_again(tmp_path: Path) -> None:
    settings_file = _site(tmp_path)
    settings = {"PATH": str(tmp_path / "content"), "HEXO_CONFIG": str(tmp_path / "_config.yml")}
    config = hexo_config_from_settings(settings)
    fingerprint = settings_fingerprint(settings)
    key = LocalScripts(config).key
    script = tmp_path / "themes" / "plain" / "scripts" / "heading.js"
    script.write_text(script.read_text(encoding="utf-8").replace("§", "#"), encoding="utf-8")
    later = time.time() + 5
    os.utime(script, (later, later))
    again = hexo_config_from_settings(settings)
    assert again is not config
    assert settings_fingerprint(settings) != fingerprint
    # A new engine and V8 context for the new content: the heading link is the edited one.
    assert LocalScripts(again).key != key
    build = build_site(settings_file, tmp_path / "output")
    article = next(a for a in build.articles if a.save_as == "2021/01/01/markdown/index.html")
    assert 'class="headerlink" title="Install v1.2 config.yml">#</a>' in article.content


# What Node 20 gives for each expression (node -e, path.posix and the global URL).
NODE_GIVES = [
    ("join('images', '320', '/2021/pic.png')", "images/320/2021/pic.png"),
    ("join('/img', '2021/x y.png')", "/img/2021/x y.png"),
    ("join('a/', '../b', './c/')", "b/c/"),
    ("join('', '')", "."),
    ("normalize('/a//b/../c/.')", "/a/c"),
    ("dirname('/a/b/c.png')", "/a/b"),
    ("basename('/a/b/c.png', '.png')", "c"),
    ("extname('x.tar.gz')", ".gz"),
    ("extname('.hidden')", ""),
    ("new URL(join('images', '', '/2021/pic.png'), 'http://example.com/').pathname", "/images/2021/pic.png"),
    ("new URL('images/ä b/%41.png', 'http://example.com/').pathname", "/images/%C3%A4%20b/%41.png"),
    ("new URL('../x/./y?q=1 2#h', 'http://example.com/a/b/c').href", "http://example.com/a/x/y?q=1%202#h"),
    ("new URL('//cdn.example.org:443/p', 'https://example.com/').href", "https://cdn.example.org/p"),
    ("new URL('HTTP://Example.COM:80/a/../b').href", "http://example.com/b"),
    ("new URL('https://u:p@h.example/x').origin", "https://h.example"),
]


@pytest.fixture(scope="module")
def shim() -> Any:
    from pelican_hexo_tags.js_runtime import js_context, read_static

    # One context for all the expressions, held by js_runtime like every other one (never torn down by the GC).
    return js_context("test-local-scripts-shim", lambda context: context.eval(read_static("local_scripts", "hexo.js")))


@pytest.mark.parametrize(("expression", "node"), NODE_GIVES)
def test_the_path_and_url_a_script_gets_are_nodes(shim: Any, expression: str, node: str) -> None:
    prelude = "var { join, dirname, basename, extname, normalize } = __require('path').posix;"
    assert shim.eval(f"(function () {{ {prelude} return String({expression}) }})()") == node


def test_import_copies_the_scripts_a_build_runs(tmp_path: Path) -> None:
    report = import_site(FIXTURE / "site", tmp_path / "pelican")
    assert "copied 7 local scripts (scripts/, themes/plain/scripts/)" in report
    assert (tmp_path / "pelican" / "scripts" / "image.js").is_file()
    assert (tmp_path / "pelican" / "themes" / "plain" / "scripts" / "heading.js").is_file()


def test_an_async_filter_that_awaits_only_promises_runs(tmp_path: Path) -> None:
    # Duanyll's scripts/post-filter.js: async, with path and lodash, reading data.source as Hexo gives it.
    scripts = {
        "scripts/links.js": (
            "const path = require('path');\nconst _ = require('lodash');\n"
            "hexo.extend.filter.register('before_post_render', async (data) => {\n"
            "  await Promise.resolve();\n"
            "  data.content += `\\n\\n${path.dirname(data.source)} ${_.trimStart('007', '0')}`;\n"
            "  return data;\n"
            "});\n"
        ),
        "scripts/waits.js": (
            "hexo.extend.filter.register('after_post_render', async (data) => {\n"
            "  await new Promise((resolve) => setTimeout(resolve, 10));\n"
            "  data.content += 'never';\n"
            "});\n"
        ),
    }
    build = build_site(_small_site(tmp_path, scripts), tmp_path / "output")
    (article,) = build.articles
    assert article.content == "<p>Some <em>text</em>.</p>\n<p>_posts 7</p>\n"
    problems = [message for _line, message, kind in article.metadata["hexo_problems"] if kind == "plugin-error"]
    assert problems == [
        "scripts/waits.js: its filter failed: an async filter that waits on a timer or I/O is not run here;"
        " the post is shown without its change"
    ]


def test_a_filter_sets_the_posts_categories_and_may_require_what_it_never_calls(tmp_path: Path) -> None:
    # Duanyll's scripts/path-to-meta.js: moment and child_process for a git-date helper it never
    # calls, and data.setCategories from the post's folder.
    scripts = {
        "scripts/meta.js": (
            "const path = require('path');\nconst moment = require('moment');\n"
            "const { execSync } = require('child_process');\n"
            "function gitTime(file) { return moment(execSync(`git log -1 ${file}`).toString()); }\n"
            "hexo.extend.filter.register('before_post_render', async (data) => {\n"
            "  if (data.layout === 'post') await data.setCategories([moment.utc(0).format('YYYY'), 'Notes']);\n"
            "  return data;\n"
            "});\n"
            "hexo.extend.filter.register('after_post_render', (data) => { gitTime(data.source); });\n"
        ),
    }
    build = build_site(_small_site(tmp_path, scripts), tmp_path / "output")
    (article,) = build.articles
    assert article.metadata["hexo_categories"] == [["1970", "Notes"]]
    assert article.category.name == "1970"
    problems = [message for _line, message, kind in article.metadata["hexo_problems"] if kind == "plugin-error"]
    assert problems == [
        "scripts/meta.js: its filter failed: Error: child_process.execSync cannot run here (no processes or files);"
        " the post is shown without its change"
    ]


# --- generators --------------------------------------------------------------------------------

GENERATORS = Path(__file__).parent / "fixtures" / "local_scripts" / "generators"


def _utc_machine() -> bool:
    # Hexo's post.date is a moment in the machine's zone, and so is the one V8 makes here: the
    # fixture's Hexo ran with TZ=UTC.
    return time.timezone == 0 and time.altzone == 0


@pytest.mark.skipif(not _utc_machine(), reason="the fixture's Hexo ran in UTC; moment's dates here are local")
def test_the_themes_feed_and_sitemap_scripts_write_what_its_own_hexo_wrote(tmp_path: Path) -> None:
    import feedparser
    from lxml import etree

    # Through import, which copies the templates beside the scripts (.atom.xml, .sitemap.xml).
    import_site(GENERATORS / "site", tmp_path / "pelican")
    build = build_site(tmp_path / "pelican" / "pelicanconf.py", tmp_path / "output")
    assert build.messages(logging.WARNING) == []
    for name in ("atom.xml", "sitemap.xml"):
        ours = (build.output / name).read_text(encoding="utf-8")
        assert ours == (GENERATORS / "hexo" / name).read_text(encoding="utf-8"), name
    feed = feedparser.parse((build.output / "atom.xml").read_bytes())
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["Café notes", "Second post", "First <post> & more"]
    urls = etree.fromstring((build.output / "sitemap.xml").read_bytes())
    assert len(urls) == 9


def _generator_site(root: Path, scripts: dict[str, str]) -> Path:
    settings = _small_site(root, scripts)
    (root / "content" / "_posts" / "b.md").write_text(
        "---\ntitle: B\ndate: 2022-02-02\ntags: [x]\n---\nB.\n", encoding="utf-8"
    )
    return settings


def test_a_generator_script_gets_warehouse_queries_and_may_return_arrays_and_promises(tmp_path: Path) -> None:
    scripts = {
        "scripts/list.js": (
            "const { readFileSync } = require('fs')\nconst { join } = require('path')\n"
            "const head = readFileSync(join(__dirname, 'head.txt'), 'utf8')\n"
            "hexo.extend.generator.register('list', function (locals) {\n"
            "  const posts = locals.posts.sort('date', -1).limit(5)\n"
            "  const names = posts.map(p => p.title + '@' + p.date.format('YYYY-MM-DD') + ':' +"
            " p.tags.map(t => t.name + '/' + t.posts.length).join(','))\n"
            "  return [{ path: 'list.txt', data: head + names.join(' ') },"
            " { path: '/nested/', data: { count: locals.posts.count(), first: locals.posts.first().title } }]\n"
            "})\n"
            "hexo.extend.generator.register('later', async () =>"
            " ({ path: 'later.txt', data: await Promise.resolve('ok') }))\n"
        ),
        "scripts/head.txt": "posts: ",
    }
    build = build_site(_generator_site(tmp_path, scripts), tmp_path / "output")
    assert [line for line in build.messages(logging.WARNING) if "scripts/" in line] == []
    assert (build.output / "list.txt").read_text(encoding="utf-8") == "posts: B@2022-02-02:x/1 A@2021-01-01:"
    assert json.loads((build.output / "nested" / "index.html").read_text(encoding="utf-8")) == {
        "count": 2,
        "first": "A",
    }
    assert (build.output / "later.txt").read_text(encoding="utf-8") == "ok"


def test_a_failing_or_layout_generator_is_a_warning_naming_its_script(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    scripts = {
        "scripts/broken.js": "hexo.extend.generator.register('broken', () => { throw new Error('no') })\n",
        "scripts/themed.js": "hexo.extend.generator.register('themed', () => ({ path: 'x/', layout: ['page'] }))\n",
        "scripts/outside.js": (
            "const fs = require('fs')\n"
            "hexo.extend.generator.register('outside', () => ({ path: 'o', data: fs.readFileSync('/etc/hostname') }))\n"
        ),
        "scripts/second.js": "hexo.extend.generator.register('broken', () => ({ path: 'fixed.txt', data: 'later' }))\n",
    }
    caplog.set_level(logging.WARNING)
    build = build_site(_generator_site(tmp_path, scripts), tmp_path / "output")
    logged = caplog.text
    # The later registration of a name replaces the earlier, as in Hexo.
    assert (build.output / "fixed.txt").read_text(encoding="utf-8") == "later"
    assert "scripts/themed.js: its generator themed makes x/ with a theme layout, not written here" in logged
    assert (
        "scripts/outside.js: its generator outside failed: Error: fs.readFileSync(/etc/hostname) is not offered"
        in logged
    )
    assert (build.output / "a" / "index.html").is_file() or build.articles


def test_a_scripts_generator_replaces_a_plugins_of_the_same_name(tmp_path: Path) -> None:
    # Hexo loads scripts after plugins: the script's 'atom' replaces the one hexo-generator-feed registers.
    settings = _generator_site(
        tmp_path,
        {"scripts/feed.js": "hexo.extend.generator.register('atom', () => ({ path: 'atom.xml', data: 'mine' }))\n"},
    )
    (tmp_path / "package.json").write_text('{"dependencies": {"hexo-generator-feed": "^3.0.0"}}', encoding="utf-8")
    build = build_site(settings, tmp_path / "output")
    assert (build.output / "atom.xml").read_text(encoding="utf-8") == "mine"


def test_check_reports_a_generator_script_as_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(GENERATORS / "site")])
    out = capsys.readouterr().out
    assert "  themes/chameleon/scripts/feed/index.js: generator: feed (requires ./generator, path); run\n" in out
    assert "  themes/chameleon/scripts/sitemap/index.js: generator: sitemap (requires ./generator, path); run\n" in out
    assert (
        "  themes/chameleon/scripts/sitemap/template.js: nothing Hexo-visible (requires fs, hexo-util, moment,"
        " nunjucks, path); run: a module themes/chameleon/scripts/sitemap/index.js requires\n"
    ) in out


# What hexo-util 4.0.0 gives in Node 20 for each expression (node -e on the npm package's dist/).
HEXO_UTIL_GIVES = [
    (
        'encodeURL("https://blog.example.org/tags/Café/?q=a b&x=é#h")',
        "https://blog.example.org/tags/Caf%C3%A9/?q=a+b&x=%C3%A9#h",
    ),
    ('encodeURL("/a b/ä%20c")', "/a%20b/%C3%A4%20c"),
    ('encodeURL("mailto:a@b.c?subject=x y")', "mailto:a@b.c?subject=x y"),
    ('encodeURL("data:image/png;base64,AAA")', "data:image/png;base64,AAA"),
    ('decodeURL("https://blog.example.org/tags/Caf%C3%A9/")', "https://blog.example.org/tags/Café/"),
    ('full_url_for.call(site, "tags/Café/index.html")', "https://blog.example.org/sub/tags/Caf%C3%A9/"),
    ('full_url_for.call(site, "//cdn.example.org/x")', "//cdn.example.org/x"),
    ('url_for.call(site, "/about/index.html")', "/sub/about/"),
    ('url_for.call(site, "https://other.example/x")', "https://other.example/x"),
]


@pytest.fixture(scope="module")
def hexo_util() -> Any:
    from pelican_hexo_tags.js_runtime import js_context, read_static
    from pelican_hexo_tags.local_scripts import _HEXO_UTIL

    def load(context: Any) -> None:
        context.eval(read_static("local_scripts", "hexo.js"))
        for name in _HEXO_UTIL:
            context.call("__defineModule", f"hexo-util/{name}", read_static("hexo-util", f"{name}.js"))

    return js_context("test-local-scripts-hexo-util", load)


@pytest.mark.parametrize(("expression", "node"), HEXO_UTIL_GIVES)
def test_hexo_utils_url_functions_give_what_node_gives(hexo_util: Any, expression: str, node: str) -> None:
    prelude = (
        "var { encodeURL, decodeURL, full_url_for, url_for } = __require('hexo-util');"
        "var site = { config: { url: 'https://blog.example.org/sub', root: '/sub/',"
        " pretty_urls: { trailing_index: false } } };"
    )
    assert hexo_util.eval(f"(function () {{ {prelude} return String({expression}) }})()") == node

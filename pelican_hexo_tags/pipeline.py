"""A post body to HTML, in Hexo's order of work.

1. cut fenced code out (Hexo's ``backtick_code_block``);
2. lex tags into placeholders (code spans and comments left alone);
3. render Markdown;
4. render each tag into its placeholder (a placeholder the engine escaped,
   inside code, gets the tag's source text back, as in Hexo);
5. put the code blocks back; open external links in a new tab;
6. split the excerpt at the first ``<!-- more -->``.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, unquote, urljoin, urlsplit

from pelican.readers import MarkdownReader

from .admonition import commonmark_engine, render_admonitions
from .codeblocks import CodeBlock, fences_hexo_takes, prime_code_blocks, render_code_block
from .config import HexoConfig
from .engine import MARKED, comments_are_stashed, markdown_engine, refused_urls
from .extend import RenderData
from .highlight import highlighter_of, remember_highlighted
from .html import escape_html, hexo_util_release, refuse_unsafe_urls
from .lexer import PLACEHOLDER_MARK, PLACEHOLDER_RE, LexResult, LineIndex, TagCall, lex
from .math import MathRenderer, katex_macros, math_mode, mermaid_block, page_assets
from .metadata import URL_SAFE
from .nunjucks import NunjucksError, evaluate, to_string
from .page_state import PageState
from .paths import contained_path
from .readahead import highlighted_ahead
from .registry import TagContext, TagError, TagRegistry

logger = logging.getLogger(__name__)

# Hexo's own renderers for these (hexo/lib/plugins/renderer): `plain`, the text as it is.
PLAIN_EXTENSIONS = ("html", "htm")
_MORE_RE = re.compile(r"<!-- ?more ?-->", re.IGNORECASE)
# A theme's tag markup an author wrote as raw HTML (`<div class="note note-success">` on a Fluid
# blog): the Hexo theme styled it on every page, so the page needs the theme's tag stylesheet.
_THEME_MARKUP = {
    "next": re.compile(r"""class=["'](?:note|tabs)[\s"']"""),
    "butterfly": re.compile(r"""class=["'](?:note|tabs|hide-(?:inline|block|toggle))[\s"']"""),
    "fluid": re.compile(r"""class=["'](?:note|label|fold)[\s"']"""),
    "stellar": re.compile(r"""class=["']tag-plugin[\s"']"""),
}


@dataclass
class Problem:
    line: int
    message: str
    kind: str = "tag"


@dataclass
class RenderedPost:
    content: str
    summary: str | None
    problems: list[Problem] = field(default_factory=list)
    # Hexo's post.content and post.excerpt, where after_render:html filters changed the page: those
    # run on the written page only, so feeds and search indexes carry the HTML before them.
    post_content: str | None = None
    post_excerpt: str | None = None


@dataclass
class PostEnvironment:
    """Everything about one post that rendering needs; built by the reader."""

    source_path: str
    config: HexoConfig
    settings: Mapping[str, Any]
    registry: TagRegistry
    metadata: Mapping[str, Any]
    post_path: str = ""
    asset_url: str = "/"
    asset_dir: str | None = None
    asset_prefix: str | None = None
    dialect: str | None = None
    problems: list[Problem] = field(default_factory=list)
    page_state: PageState = field(default_factory=PageState)
    missing_assets: list[str] = field(default_factory=list)

    def warn(self, line: int, message: str, kind: str = "tag") -> None:
        self.problems.append(Problem(line, message, kind))

    def _in_another_posts_folder(self, src: str) -> bool:
        """``NAME/x.png`` where NAME is the asset folder of another post beside this one.

        Authors copy image lines between posts; with Hexo's permalinks the
        copied path usually still worked, so it should here too.
        """
        name, _, rest = unquote(src.split("?")[0]).partition("/")
        if not rest or name in ("", ".", "..") or not self.asset_dir:
            return False
        posts = self.page_state.posts_beside
        if posts is None:
            posts = self.page_state.posts_beside = _posts_beside(self.asset_dir)
        if name not in posts:
            return False
        found = contained_path(os.path.dirname(self.asset_dir), f"{name}/{rest}")
        return found is not None and self._is_file(found)

    def _is_file(self, path: str) -> bool:
        """Whether ``path`` is a file, remembered: the content cache reads the post again when that changes."""
        exists = os.path.isfile(path)
        self.page_state.looked_up[path] = exists
        return exists

    def _source_root(self) -> str | None:
        """The folder published at the site's ``root`` (Hexo's ``source/``, mirrored as Pelican's ``PATH``)."""
        source = os.path.abspath(self.source_path)
        content = self.settings.get("PATH")
        if content and source.startswith(os.path.abspath(str(content)).rstrip(os.sep) + os.sep):
            return os.path.abspath(str(content))
        parts = source.split(os.sep)
        for folder in ("_posts", "_drafts"):
            if folder in parts[:-1]:
                at = len(parts) - 2 - parts[:-1][::-1].index(folder)
                return os.sep.join(parts[:at]) or os.sep
        return None

    def _published(self, relative: str) -> bool:
        """Whether ``source/relative`` is a file the site publishes at ``root + relative``.

        Hexo skips hidden and ``_`` files and folders (``_posts`` is only published as asset folders).
        """
        root = self._source_root()
        segments = unquote(relative).split("/")
        if root is None or not relative or any(s.startswith(("_", ".")) for s in segments):
            return False
        found = contained_path(root, "/".join(segments))
        return found is not None and self._is_file(found)

    def _source_relative(self, path: str) -> str | None:
        """``path`` as the author's editor reads it: from the post file's folder, as a path under ``source/``."""
        root = self._source_root()
        if root is None:
            return None
        folder = os.path.relpath(os.path.dirname(os.path.abspath(self.source_path)), root)
        if folder.startswith(".."):
            return None
        base = [] if folder == "." else folder.replace(os.sep, "/").split("/")
        joined, climbed = _clip_dots("/".join([*base, path]))
        return None if climbed else joined

    def resolve_image(self, src: str) -> str:
        """Where a Markdown image's ``src`` points once published, as Hexo made it.

        Hexo (hexo-renderer-marked, checked with the oracle; tests/test_paths_and_blocks.py) makes a
        relative ``src`` ``root + src`` (``/../../images/x.png``) with ``prependRoot`` on, the post's
        asset URL first when ``postAsset`` finds the file in the post's asset folder, and leaves it
        as written with ``prependRoot: false`` or ``relative_link``, for the browser to resolve
        against the post's URL. The URL here is, in this order:

        1. the post's asset, when ``post_asset_folder`` is on and the file is in its asset folder,
           with or without ``postAsset`` (without it Hexo's ``/x.png`` is usually a broken image,
           and hexo-asset-image or Typora put the file there for this post);
        2. where Hexo's link lands, when a published file is there; written as a clean absolute
           path (``/images/x.png`` for Hexo's ``/../../images/x.png``) so it also works in summaries.
           A ``..`` above the site's top is dropped there, not at the domain's: with ``root: /blog/``
           Hexo's ``/blog/../../images/x.png`` left the site, ``/blog/images/x.png`` is the file;
        3. the file the author pointed at, read from the post file's folder as an editor does
           (``../../images/x.png`` in ``_posts/projects/`` is ``source/images/x.png``), where Hexo
           left the path relative and the permalink does not mirror the source folders, so the
           browser missed it (``/post/images/x.png`` from ``/post/projects/Travel Planner/``);
        4. another post's asset folder (``NAME/x.png`` copied from a post beside this one);
        5. otherwise Hexo's own link (the asset URL when the path stays in the asset folder),
           reported when the post has an asset folder.
        """
        if not src or re.match(r"^(#|//|[a-zA-Z][\w+.-]*:)", src):
            return src
        root = self.config.root
        prepend = self.config.prepend_root
        if src.startswith("/"):
            return root.rstrip("/") + src if prepend else src
        cut = min((i for i in (src.find("?"), src.find("#")) if i >= 0), default=len(src))
        path, suffix = src[:cut], src[cut:]

        inner = path
        if self.asset_prefix and inner.startswith(self.asset_prefix + "/"):
            inner = inner[len(self.asset_prefix) + 1 :]
        inner, climbs_out = _clip_dots(inner)
        in_folder = self.config.post_asset_folder and not climbs_out and bool(inner)
        if in_folder and self.asset_dir and os.path.isfile(os.path.join(self.asset_dir, unquote(inner))):
            return self.asset_url + inner + suffix

        if prepend:
            hexo_path: str | None = _clip_dots(path)[0]
        else:
            landed = urlsplit(urljoin("http://site" + root + quote(self.post_path, safe=URL_SAFE), path)).path
            hexo_path = landed[len(root) :] if landed.startswith(root) else None
        if hexo_path is not None and self._published(hexo_path):
            return root + hexo_path + suffix
        pointed = self._source_relative(path)
        if pointed is not None and self._published(pointed):
            return root + pointed + suffix
        if in_folder and self.asset_dir and self._in_another_posts_folder(inner):
            # That post's URL is known once all posts are read (links.resolve_cross_post_assets).
            return CROSS_POST_ASSET_PREFIX + inner + suffix

        if self.config.post_asset_folder and self.asset_dir:
            self.missing_assets.append(src)
        if in_folder:
            return self.asset_url + inner + suffix
        if prepend:
            return root + _clip_dots(path)[0] + suffix
        return src


def _clip_dots(path: str) -> tuple[str, bool]:
    """``path`` without ``.`` and ``..`` segments, and whether a ``..`` climbed above its start.

    A ``..`` above the start is dropped, as a browser does at a site's top.
    """
    out: list[str] = []
    climbed = False
    for segment in path.split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if out:
                out.pop()
            else:
                climbed = True
            continue
        out.append(segment)
    return "/".join(out), climbed


# An image in another post's asset folder, until that post's URL is known.
CROSS_POST_ASSET_PREFIX = "hexo-asset-of-post:"
CROSS_POST_ASSET_RE = re.compile(r'hexo-asset-of-post:([^"\'\s>]*)')


def _posts_beside(asset_dir: str) -> set[str]:
    """Names of the posts in the folder holding ``asset_dir`` (each may own a folder of that name)."""
    try:
        names = os.listdir(os.path.dirname(asset_dir))
    except OSError:
        return set()
    extensions = tuple(f".{extension}" for extension in MarkdownReader.file_extensions)
    return {os.path.splitext(n)[0] for n in names if n.lower().endswith(extensions)}


def split_excerpt(html: str) -> tuple[str, str | None]:
    """(content with the marker as ``<span id="more"></span>``, HTML before it or None)."""
    match = _MORE_RE.search(html)
    if not match:
        return html, None
    summary = html[: match.start()].strip()
    return html[: match.start()] + '<span id="more"></span>' + html[match.end() :], summary


def _line_index(text: str, blocks: list[CodeBlock], first_line: int) -> LineIndex:
    """The source lines of the fence-cut text: each cut fence's stand-in took its lines away."""
    marks = [m.start() for m in re.finditer(r"<!--hexocode" + PLACEHOLDER_MARK, text)]
    # A tag body holds the stand-ins of fences its parent cut, with no blocks of its own here.
    removed = [block.removed_newlines for block in blocks[: len(marks)]]
    return LineIndex.of(text, first_line, zip(marks, removed + [0] * (len(marks) - len(removed)), strict=True))


def _unrendered(tag: TagCall) -> str:
    """A tag that cannot render still shows what the author wrote."""
    if "\n" in tag.source:
        return f'<pre class="hexo-tag-unrendered">{escape_html(tag.source)}</pre>'
    return f'<code class="hexo-tag-unrendered">{escape_html(tag.source)}</code>'


def nunjucks_disabled(env: PostEnvironment) -> bool:
    """Hexo's ``disableNunjucks``: the renderer's option, overridden by a boolean in the front matter."""
    own = env.metadata.get("disableNunjucks")
    if isinstance(own, bool):
        return own
    options = env.config.get("markdown" if env.config.uses_markdown_it else "marked")
    return isinstance(options, Mapping) and bool(options.get("disableNunjucks"))


def _render_variable(tag: TagCall, env: PostEnvironment) -> str:
    if not env.settings.get("HEXO_NUNJUCKS_VARIABLES", True):
        # The site turned evaluation off: the post's words stay as written.
        if not env.page_state.variables_reported:
            env.page_state.variables_reported = True
            env.warn(
                tag.line,
                f"{tag.source!r} is shown as written; Hexo would evaluate it "
                "(HEXO_NUNJUCKS_VARIABLES = False turned that off)",
            )
        return escape_html(tag.source)
    expression = tag.args[0] if tag.args else ""
    variables = env.page_state.variables

    def lookup(name: str) -> Any:
        # {% set %} variables first, then the post's front matter, as Nunjucks' frames.
        return variables[name] if name in variables else env.metadata.get(name)

    try:
        value = evaluate(expression, lookup)
    except NunjucksError as error:
        env.warn(tag.line, f"cannot evaluate {tag.source!r}: {error}")
        return _unrendered(tag)
    # Nunjucks prints an undefined variable as nothing.
    return escape_html(to_string(value))


_DECLARATION_START = re.compile(r"<[!?]")


def _close_comments(html: str) -> str:
    """Escape what a tag's output opens and never closes: ``<!--`` without ``-->``, ``<![``, ``<?`` …

    A browser reads each as a comment running to the next ``-->`` or ``>``,
    hiding the words after it. Whole comments stay (markers, Hexo's ``<!-- more -->``).
    """
    if "<!" not in html and "<?" not in html:
        return html
    out: list[str] = []
    position = 0
    while match := _DECLARATION_START.search(html, position):
        start = match.start()
        if html.startswith("<!--", start):
            end = html.find("-->", start + 4)
            if end >= 0:
                out.append(html[position : end + 3])
                position = end + 3
                continue
            # Nothing after an unclosed comment can be a whole one.
            out.append(html[position:start])
            out.append(_DECLARATION_START.sub(lambda m: "&lt;" + m.group(0)[1], html[start:]))
            return "".join(out)
        out.append(html[position:start] + "&lt;" + html[start + 1])
        position = start + 2
    out.append(html[position:])
    return "".join(out)


def _render_tag(tag: TagCall, env: PostEnvironment, render_body: Callable[[str, int], str]) -> str:
    if tag.name == "{{":
        return _render_variable(tag, env)
    spec = env.registry.lookup(tag.name, env.dialect)
    if spec is None:
        env.warn(tag.line, f"unknown tag {{% {tag.name} %}}", "unknown-tag")
        return _unrendered(tag)
    if spec.ends and not tag.is_block:
        # The lexer has reported the missing end tag already.
        return _unrendered(tag)
    context = TagContext(
        source_path=env.source_path,
        line=tag.line,
        raw_args=tag.raw_args,
        metadata=env.metadata,
        config=env.config,
        settings=env.settings,
        post_path=env.post_path,
        asset_url=env.asset_url,
        asset_dir=env.asset_dir,
        # A block body starts on the line after its tag; an inline tag's text is on its own line.
        markdown=lambda text: render_body(text, tag.line + (1 if tag.is_block else 0)),
        warn=lambda message: env.warn(tag.line, f"{{% {tag.name} %}}: {message}"),
        page_state=env.page_state,
    )
    try:
        html = spec.function(list(tag.args), tag.body, context)
    except TagError as error:
        env.warn(tag.line, f"{{% {tag.name} %}}: {error}")
    except Exception as error:  # noqa: BLE001 - one broken tag must not lose the post
        env.warn(tag.line, f"{{% {tag.name} %}} failed: {type(error).__name__}: {error}")
    else:
        html, refused = refuse_unsafe_urls(_close_comments(str(html)))
        for url in refused:
            env.warn(tag.line, f"{{% {tag.name} %}}: refused the URL {url!r} (its scheme can run script)")
        return html
    return _unrendered(tag)


def _math_renderer(env: PostEnvironment) -> MathRenderer:
    """One per page, made on first use: the page's math mode does not change mid-page."""
    renderer = env.page_state.math_renderer
    if renderer is None:
        mode = math_mode(env.config, env.metadata, env.settings)
        renderer = MathRenderer(mode, katex_macros(env.config, env.settings), env.page_state)
        env.page_state.math_renderer = renderer
    return renderer


def _url_for(env: PostEnvironment) -> Callable[[str], str]:
    context = TagContext(
        env.source_path,
        0,
        env.metadata,
        env.config,
        env.settings,
        env.post_path,
        env.asset_url,
        env.asset_dir,
        lambda text: text,
        lambda message: None,
        env.page_state,
    )
    return context.url_for


def render_markdown(
    text: str, env: PostEnvironment, first_line: int = 1, tag_body: bool = False
) -> tuple[str, list[CodeBlock]]:
    """Steps 1-4 for ``text``; the returned HTML still holds code placeholders.

    For a block tag's body (``tag_body``) the inner tags render before Markdown,
    as Nunjucks renders a body before the tag gets it: their HTML then starts
    HTML blocks, so a line right after one stays raw, as in Hexo.
    """
    md, spec = markdown_engine(env.config)
    # Hexo picks the renderer by the file's extension: a page in .html/.htm gets its `plain` renderer,
    # the text as it is; a tag body is Markdown whatever the file (the tag renders it so).
    extension = os.path.splitext(env.source_path)[1].lstrip(".").lower()
    plain = not tag_body and extension in PLAIN_EXTENSIONS
    # A plugin's renderer (hexo-renderer-pandoc) replaces the engine, as in Hexo the last one registered wins.
    site_renderer = env.config.extensions.renderer(extension if plain else "md")
    # Hexo's own backtick_code_block is the first before_post_render filter: the site's plugins see the
    # post with its code blocks taken out, as they are here.
    text, blocks = fences_hexo_takes(text, env.config)
    if not tag_body:
        text = env.config.extensions.run_filters("before_post_render", text, env)
    registry = env.registry
    math_env = {"hexo_math": _math_renderer(env)}
    text = render_admonitions(text, lambda body: commonmark_engine().render(body, dict(math_env)))

    lines = _line_index(text, blocks, first_line)
    lexed = LexResult(text, [], []) if nunjucks_disabled(env) else lex(text, registry.tag_names(env.dialect), lines)
    for line, message in lexed.problems:
        env.warn(line, message)
    source = lexed.text

    def nested(body: str, line: int) -> str:
        inner_html, inner_blocks = render_markdown(body, env, line, tag_body=True)
        return _restore_code(inner_html, inner_blocks, env.config, env)

    if tag_body and lexed.tags:
        source = PLACEHOLDER_RE.sub(
            lambda m: m.group(0) if m.group(1) == "code" else _render_tag(lexed.tags[int(m.group(2))], env, nested),
            source,
        )
    if spec.flavour == MARKED and site_renderer is None and not plain:
        from .marked_compat import fix_table_delimiters

        source = fix_table_delimiters(source)
    refused: list[str] = []
    token = refused_urls.set(refused)
    try:
        md_env = {**math_env, "resolve_image": env.resolve_image, "tag_source": lambda kind, i: lexed.tags[i].source}
        md_env["hexo_raw_comments"] = comments_are_stashed(text, env.config.hexo_version)
        data = RenderData(source, None if tag_body else env.source_path, env)
        rendered = site_renderer(data) if site_renderer else None
        if rendered is None:
            rendered = source if plain else md.render(source, md_env)
        html = rendered
    finally:
        refused_urls.reset(token)
    if not tag_body and "heading_ids" in md_env:
        env.page_state.heading_ids.extend(md_env["heading_ids"].given)
    for url in dict.fromkeys(refused):
        at = text.find(url)
        env.warn(lines.line(at) if at >= 0 else first_line, f"refused the link {url!r} (its scheme can run script)")

    pieces: list[str] = []
    position = 0
    for match in PLACEHOLDER_RE.finditer(html):
        pieces.append(html[position : match.start()])
        position = match.end()
        kind, index = match.group(1), int(match.group(2))
        if kind == "code":
            pieces.append(match.group(0))
            continue
        tag = lexed.tags[index]
        if match.group(0).startswith("&lt;"):
            # The engine escaped it: the tag sat inside code, where it is text.
            pieces.append(escape_html(tag.source))
            continue
        if tag.trim_left:
            pieces[-1] = pieces[-1].rstrip()
        pieces.append(_render_tag(tag, env, nested))
        if tag.trim_right:
            while position < len(html) and html[position].isspace():
                position += 1
    pieces.append(html[position:])
    return "".join(pieces), blocks


def _restore_code(
    html: str, blocks: list[CodeBlock], config: Mapping[str, Any], env: PostEnvironment | None = None
) -> str:
    if not blocks:
        return html
    # What the read-ahead helper highlighted meanwhile goes in first, so V8 here skips those blocks.
    remember_highlighted(highlighted_ahead())
    prime_code_blocks(blocks, config)

    def fill(match: re.Match[str]) -> str:
        if match.group(1) != "code":
            return match.group(0)
        block = blocks[int(match.group(2))]
        if block.lang == "mermaid" and env is not None and env.settings.get("HEXO_MERMAID", True):
            return mermaid_block(block.code, env.page_state)
        if env is not None and highlighter_of(config):
            # Themes that style code themselves can ignore it; the others link the bundle.
            env.page_state.bundles.add("highlight")
        return render_code_block(block, config)

    return PLACEHOLDER_RE.sub(fill, html)


def _where_written(body: str, src: str) -> tuple[str, int]:
    """An image ``src`` as the author spelled it, and its index in ``body`` (-1 if not found).

    The engine percent-encodes the URL (``图.png`` arrives as ``%E5%9B%BE.png``), so the decoded
    form is looked for too; as the target of ``](`` first, so prose naming the file earlier is skipped.
    """
    spellings = list(dict.fromkeys([unquote(src), src]))
    for prefix in ("](", "](<", "]: ", ""):
        for spelling in spellings:
            at = body.find(prefix + spelling)
            if at >= 0:
                return spelling, at + len(prefix)
    return spellings[0], -1


def render_post(body: str, env: PostEnvironment, first_line: int = 1) -> RenderedPost:
    """Render a post body (front matter already removed) to its HTML and excerpt."""
    # Tags encode URLs with the site's Hexo's hexo-util: 4 from Hexo 8 on, 2 or 3 before.
    version = env.config.hexo_version if isinstance(env.config, HexoConfig) else None
    with hexo_util_release(4 if version is None or version >= (8,) else 3):
        return _render_post(body, env, first_line)


def _render_post(body: str, env: PostEnvironment, first_line: int) -> RenderedPost:
    html, blocks = render_markdown(body, env, first_line)
    html = _restore_code(html, blocks, env.config, env)
    # Stylesheets and scripts for math and diagrams go first, so the excerpt has them too.
    html = page_assets(env.page_state, env.settings, _url_for(env)) + html
    for src in dict.fromkeys(env.missing_assets):
        written, at = _where_written(body, src)
        line = first_line + body.count("\n", 0, at) if at >= 0 else first_line
        where = "the post's asset folder" if not _clip_dots(written)[1] else "the post's asset folder or under source/"
        env.warn(line, f"image {written} is not in {where}", "missing-asset")
    html = env.config.extensions.run_filters("after_post_render", html, env)
    markup = _THEME_MARKUP.get(env.dialect)
    if markup is not None and env.dialect not in env.page_state.bundles and markup.search(html):
        env.page_state.bundles.add(env.dialect)
    post_html = html
    html = env.config.extensions.run_filters("after_render:html", html, env)
    custom_excerpt = env.metadata.get("excerpt") or env.metadata.get("description")
    if custom_excerpt:
        rendered = RenderedPost(html, str(custom_excerpt), env.problems)
        if post_html != html:
            rendered.post_content = post_html
        return rendered
    content, summary = split_excerpt(html)
    rendered = RenderedPost(content, summary, env.problems)
    if post_html != html:
        rendered.post_content, rendered.post_excerpt = split_excerpt(post_html)
    return rendered

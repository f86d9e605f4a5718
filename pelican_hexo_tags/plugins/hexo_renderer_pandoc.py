"""hexo-renderer-pandoc: the site's Markdown is rendered by running pandoc, as the package runs it.

0.4 and 0.5 (``index.js``, ``lib/parseArgs.js``, ``lib/renderer.js``) merge
``pandoc: {pandocPath: pandoc, timeout: 5000, args: []}`` under the site's
``pandoc:`` and register one renderer for ``md`` and the other Markdown
extensions. It runs ``pandocPath -M pagetitle=dummy ARGS -M standalone=True``
for a post (``False``, and no ``--template=``, for a tag's body: Hexo gives
no ``path`` then) with the text on stdin, in the site's folder, killed after
``timeout`` ms; pandoc's stderr, when it succeeds, is a warning. 0.3 built
its own arguments from ``extensions``, ``filters``, ``extra``, ``meta``,
``mathEngine`` and ``template`` and ran ``pandoc`` with no time limit.

The text pandoc gets is Hexo's: code blocks and tags already replaced by
placeholders (``pipeline.render_markdown``), which pandoc passes through as
raw HTML comments. The pandoc run is the one ``pypandoc-binary`` ships (the
oracle's was 3.9; the wheel pinned in pyproject.toml ships the same), else a
``pandoc`` on PATH. With neither, the build says so once and the site's posts
get the default Markdown engine's HTML; a post pandoc fails on gets it too,
where Hexo would have stopped the build.

With ``--mathjax`` pandoc writes each formula as ``<span class="math
inline">\\(TeX\\)</span>``, for a MathJax filter after it to typeset
(hexo-filter-mathjax, at ``after_post_render``, keeps the span): a site that
loads it gets the spans as pandoc wrote them. Where the site's math is
otherwise typeset on the server the TeX inside those spans goes to the page's
``MathRenderer``, as the engine's math does, so the page shows formulas, not TeX.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import shutil
import subprocess
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, NamedTuple

from ..extend import Extensions, RenderData
from ..html import unescape_html

PACKAGE = "hexo-renderer-pandoc"
STATUS = "emulated"
LOSES = "nothing where pandoc is installed (pypandoc-binary's); without pandoc, pandoc's Markdown"

logger = logging.getLogger(__name__)

# The extensions index.js registers the renderer for.
MARKDOWN_EXTENSIONS = ("md", "markdown", "mkd", "mkdn", "mdwn", "mdtxt", "mdtext")
_DEFAULTS = {"pandocPath": "pandoc", "timeout": 5000, "args": []}
# pandoc's HTML for a formula (HTMLMathMethod MathJax); the TeX is HTML-escaped.
_PANDOC_MATH = re.compile(r'<span class="math (inline|display)">\\[(\[](.*?)\\[)\]]</span>', re.DOTALL)
# pandoc paths already reported missing in this process: the warning is said once, not once per post.
_reported_missing: set[str] = set()


class PandocRun(NamedTuple):
    returncode: int | None
    stdout: str
    stderr: str
    error: str = ""


def wheel_pandoc() -> str | None:
    """The pandoc binary the ``pypandoc-binary`` wheel ships, without importing pypandoc."""
    spec = importlib.util.find_spec("pypandoc")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = os.path.join(folder, "files", "pandoc.exe" if os.name == "nt" else "pandoc")
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def find_pandoc(configured: str = "pandoc") -> str | None:
    """The site's own ``pandocPath`` when it is found here, else the wheel's pandoc, else ``pandoc`` on PATH."""
    if configured and configured != "pandoc":
        found = shutil.which(configured)
        if found:
            return found
    return wheel_pandoc() or shutil.which("pandoc")


def arguments(settings: Mapping[str, Any], standalone: bool) -> list[str]:
    """``lib/parseArgs.js`` of 0.4 and 0.5."""
    given = settings.get("args")
    args: list[Any] = ["-M", "pagetitle=dummy"]
    if isinstance(given, str):
        args += given.split(" ")
    elif isinstance(given, list):
        args += given
    # JavaScript's ``el.length > 0``: a number or boolean in the list has no length and is dropped too.
    kept = [arg for arg in args if isinstance(arg, str) and arg]
    if not standalone:
        template = next((i for i, arg in enumerate(kept) if arg.startswith("--template=")), None)
        if template is not None:
            del kept[template]
    return [*kept, "-M", f"standalone={standalone}"]


def arguments_0_3(settings: Mapping[str, Any], standalone: bool) -> list[str]:
    """0.3's ``index.js``, which built the arguments from its own config keys."""

    def listed(key: str) -> list[Any]:
        value = settings.get(key)
        return value if isinstance(value, list) else []

    extensions = "".join(str(extension) for extension in listed("extensions"))
    filters = [part for name in listed("filters") for part in ("--filter", str(name))]
    extra: list[str] = []
    for option in listed("extra"):
        for key, value in option.items() if isinstance(option, Mapping) else ():
            extra += [f"--{key}"] + ([] if value is None else [str(value)])
    meta = ["-M", "pagetitle=dummy"]
    for item in listed("meta"):
        if isinstance(item, Mapping):
            meta += [part for key, value in item.items() for part in ("-M", f"{key}={value}")]
        else:
            meta += ["-M", str(item)]
    engine = settings.get("mathEngine")
    math = f"--{engine}" if isinstance(engine, str) and engine else "--mathjax"
    args = ["-f", f"markdown-smart{extensions}", "-t", "html-smart", math, *filters, *extra, *meta]
    if standalone and settings.get("template"):
        args.append(f"--template={settings['template']}")
    return [*args, "-M", f"standalone={standalone}"]


@lru_cache(maxsize=512)
def run_pandoc(binary: str, args: tuple[str, ...], text: str, cwd: str, timeout: float | None) -> PandocRun:
    """One pandoc process; the same text with the same arguments is not rendered twice in a process."""
    try:
        done = subprocess.run(  # noqa: S603 - the site's own pandoc and arguments, as Hexo ran them
            [binary, *args],
            input=text.encode("utf-8"),
            capture_output=True,
            cwd=cwd,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return PandocRun(None, "", "", f"pandoc took longer than the {timeout:g} s pandoc.timeout allows")
    except OSError as error:
        return PandocRun(None, "", "", f"pandoc could not run: {error}")
    decode = lambda data: data.decode("utf-8", "replace")  # noqa: E731
    return PandocRun(done.returncode, decode(done.stdout), decode(done.stderr))


class PandocRenderer:
    """``lib/renderer.js``: the site's Markdown renderer, once pandoc is found."""

    package = PACKAGE

    def __init__(self, binary: str, settings: Mapping[str, Any], cwd: str, version: tuple[int, ...] | None) -> None:
        self.binary = binary
        self.settings = settings
        self.cwd = cwd
        self.old_arguments = version is not None and version[:2] < (0, 4)
        timeout = settings.get("timeout")
        # spawnSync's timeout is in ms, and 0 or none is no limit; 0.3 gave none.
        self.timeout = (
            timeout / 1000
            if not self.old_arguments and isinstance(timeout, (int, float)) and not isinstance(timeout, bool)
            else None
        )
        if self.timeout is not None and self.timeout <= 0:
            self.timeout = None

    def __call__(self, data: RenderData) -> str | None:
        standalone = data.path is not None
        args = arguments_0_3(self.settings, standalone) if self.old_arguments else arguments(self.settings, standalone)
        run = run_pandoc(self.binary, tuple(args), data.text, self.cwd, self.timeout)
        if run.returncode == 0:
            if run.stderr.strip():
                data.post.warn(1, f"pandoc: {run.stderr.strip()}", "pandoc")
            return typeset_math(run.stdout, data.post)
        why = run.error or f"pandoc exited with code {run.returncode}" + (
            f": {run.stderr.strip()}" if run.stderr.strip() else "."
        )
        # Hexo stops the build here; the post keeps its words, rendered by the default engine.
        data.post.warn(1, f"{why} (rendered with the default Markdown renderer instead)", "plugin-error")
        return None


def typeset_math(html: str, post: Any) -> str:
    """pandoc's math spans with the formulas typeset, where the page's math is typeset on the server.

    Where it is typeset in the browser, the spans stay as pandoc wrote them (``\\(TeX\\)`` is what
    the script looks for) and the page gets the script, as for the engine's math.
    """
    from ..math import CLIENT, SERVER

    state = getattr(post, "page_state", None)
    math = state.math_renderer if state is not None else None
    # Where the site loads hexo-filter-mathjax the mode is math.FILTER: the spans stay for that filter.
    if math is None or "math" not in html:
        return html
    if math.mode == CLIENT and _PANDOC_MATH.search(html):
        post.page_state.math = CLIENT
    if math.mode != SERVER:
        return html

    def typeset(match: re.Match[str]) -> str:
        kind, tex = match.group(1), unescape_html(match.group(2))
        return f'<span class="math {kind}">{math.render(tex, kind == "display", False, tex)}</span>'

    return _PANDOC_MATH.sub(typeset, html)


def _settings(config: Mapping[str, Any]) -> dict[str, Any]:
    given = config.get("pandoc")
    return {**_DEFAULTS, **(given if isinstance(given, Mapping) else {})}


def _site_pandoc(config: Any) -> tuple[dict[str, Any], tuple[int, int, int] | None, str, str | None]:
    """The site's ``pandoc:`` settings, the package's version, the pandoc it names and the one found here."""
    settings = _settings(config)
    package = getattr(config, "package", None)
    version = package.versions.get(PACKAGE) if package is not None else None
    configured = str(settings.get("pandocPath") or "pandoc") if version is None or version[:2] >= (0, 4) else "pandoc"
    return settings, version, configured, find_pandoc(configured)


def cache_stamp(config: Any) -> str:
    """Which pandoc renders the posts (none: the default renderer did), for the content cache."""
    binary = _site_pandoc(config)[3]
    if binary is None:
        return "no pandoc"
    found = os.stat(binary)
    return f"{binary}:{found.st_size}:{found.st_mtime_ns}"


def register(hexo: Extensions, config: Any) -> None:
    settings, version, configured, binary = _site_pandoc(config)
    if binary is None:
        if configured not in _reported_missing:
            _reported_missing.add(configured)
            logger.warning(
                "%s: no pandoc found (neither the pypandoc-binary package's nor %r on PATH); "
                "this site's Markdown is rendered with the default Markdown renderer, not pandoc. "
                "Install it with: pip install pypandoc-binary",
                PACKAGE,
                configured,
            )
        return
    cwd = getattr(config, "source_root", None) or os.getcwd()
    renderer = PandocRenderer(binary, settings, cwd, version)
    for extension in MARKDOWN_EXTENSIONS:
        hexo.register_renderer(extension, "html", renderer)
